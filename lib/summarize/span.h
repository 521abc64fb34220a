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

/* The key by which two sentences are compared for near-duplication: the
 * stem hash of a content word or number (numbers flagged in the low bit:
 * sentences that differ in a number are not duplicates); 0 for stop words
 * and punctuation. */
static inline uint64_t cr_sum_dup_key(const cr_token *t) {
  if (t->kind == CR_TOK_PUNCT || t->kind == CR_TOK_SYMBOL ||
      (t->flags & CR_TF_STOP))
    return 0;
  int num = t->kind == CR_TOK_NUMBER || (t->flags & CR_TF_DIGIT);
  uint64_t k = num ? (t->hash | 1) : (t->hash & ~(uint64_t)1);
  return k ? k : 2;
}

/* Near-duplicates, given sorted distinct dup keys of two sentences: the
 * smaller holds >= share of its keys in the larger, all its numbers
 * among them. */
int cr_sum_near_dup(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                    double share);

/* Sentence i of nm (i < nm->nsent). */
void cr_sum_span_of(const cr_norm *nm, size_t i, cr_sum_span *out);
static inline int cr_sum_is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
uint32_t cr_sum_count_words(const char *s, size_t len);

#endif
