/* span.h -- (private to lib/summarize) the part of a sentence a summary or
 * a timeline shows: the sentence without a leading wire dateline, its
 * tokens and its word count. */
#ifndef CR_SUMMARIZE_SPAN_H
#define CR_SUMMARIZE_SPAN_H

#include <stddef.h>
#include <stdint.h>

#include "normalize/normalize.h"

typedef struct cr_sum_span {
  uint32_t off, len;  /* verbatim span in the document's clean text */
  uint32_t tok, ntok; /* its tokens */
  uint32_t words;     /* white-space separated words, as readers count */
} cr_sum_span;

/* Sentence i of nm (i < nm->nsent). */
void cr_sum_span_of(const cr_norm *nm, size_t i, cr_sum_span *out);
static inline int cr_sum_is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
uint32_t cr_sum_count_words(const char *s, size_t len);

#endif
