/* normalize.h -- the text core: UTF-8 repair, Unicode NFC and clean-up,
 * tokens (re2c scanner), Snowball stems, sentences. Third stage of the
 * pipeline (ingest -> extract -> normalize -> ...); see docs/text-core.md.
 *
 * Everything it produces lives in the document's arena; all positions are
 * byte spans into cr_norm.text. */
#ifndef CR_NORMALIZE_H
#define CR_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "crossread.h"

typedef struct cr_span {
  uint32_t off, len;
} cr_span;

/* ---- UTF-8 ----------------------------------------------------------------*/

/* Append `in` to `out` as valid UTF-8: every invalid byte (bad lead byte,
 * truncated or overlong sequence, surrogate, code point > U+10FFFF) becomes
 * U+FFFD; NUL bytes are dropped. Returns the number of replaced bytes. */
size_t cr_utf8_repair(const char *in, size_t len, cr_buf *out);
/* 1 when the bytes look like binary data rather than text (NULs, many
 * control bytes), judged on a prefix. */
int cr_looks_binary(const char *p, size_t len);
/* Decode one code point at s (s < end); its length in *n (>= 1). Invalid
 * sequences give 0xFFFD with *n = 1. */
uint32_t cr_utf8_decode(const char *s, const char *end, int *n);
/* Encode cp into out (4 bytes room); returns the length. */
int cr_utf8_encode(uint32_t cp, char *out);

/* ---- Clean text ----------------------------------------------------------*/

/* Append to `out` the display form of a text: NFC (utf8proc), no control or
 * zero-width characters, soft hyphens removed, every kind of space a plain
 * space, runs of spaces collapsed, lines trimmed, paragraphs separated by
 * exactly one blank line ("\n\n"). A single line break between two lines of
 * one paragraph is kept as "\n" unless it is a soft wrap (the line does not
 * end a sentence and the next begins in lower case), which becomes a space.
 * Quotes and dashes are kept as written (they are folded in tokens only).
 * Input must be valid UTF-8 (see cr_utf8_repair). Returns 0, -1 on error. */
int cr_text_clean(const char *in, size_t len, cr_buf *out);

/* ---- Tokens --------------------------------------------------------------*/

typedef enum cr_tok_kind {
  CR_TOK_WORD =
      1,         /* letters, apostrophes and inner hyphens: "69-year-old" too */
  CR_TOK_NUMBER, /* "1,613" "9.5" "20%" "$1.5bn" "1990s" "3rd" */
  CR_TOK_ABBREV, /* "U.S." "Mr." "a.m." "e.g." */
  CR_TOK_DATE,   /* "2025-12-17" "12/17/2025" "17.12.2025" */
  CR_TOK_TIME,   /* "04:20" "4:20pm" */
  CR_TOK_URL,
  CR_TOK_EMAIL,
  CR_TOK_HANDLE, /* "@name" "#tag" */
  CR_TOK_PUNCT,  /* . , ; : ! ? quotes, dashes, brackets */
  CR_TOK_SYMBOL  /* anything else: & % + = ... */
} cr_tok_kind;

enum {
  CR_TF_CAP = 1u << 0,    /* first letter upper case */
  CR_TF_UPPER = 1u << 1,  /* all letters upper case, at least two */
  CR_TF_DIGIT = 1u << 2,  /* holds a digit */
  CR_TF_HYPHEN = 1u << 3, /* holds an inner hyphen */
  CR_TF_SSTART = 1u << 4, /* first token of its sentence */
  CR_TF_STOP = 1u << 5,   /* an English stop word */
  CR_TF_QUOTE = 1u << 6,  /* a quotation mark (PUNCT) */
  CR_TF_OPEN = 1u << 7,   /* an opening quote or bracket (PUNCT) */
  CR_TF_CLOSE = 1u << 8,  /* a closing quote or bracket (PUNCT) */
  CR_TF_TERM = 1u << 9    /* sentence-final punctuation: . ! ? … "?!" "..." */
};

typedef struct cr_token {
  uint32_t off, len; /* span in cr_norm.text */
  uint32_t sent;     /* index of its sentence */
  uint16_t kind;     /* cr_tok_kind */
  uint16_t flags;    /* CR_TF_* */
  const char
      *fold; /* case-folded, quotes/dashes/apostrophes normalised (arena) */
  const char *stem; /* Snowball English stem of fold for words; else == fold */
  uint32_t fold_len, stem_len;
  uint64_t hash; /* cr_hash64 of stem: ready for shingles and features */
} cr_token;

typedef struct cr_sentence {
  uint32_t off, len;  /* span in cr_norm.text, no surrounding white space */
  uint32_t tok, ntok; /* its tokens: tok[tok .. tok+ntok) */
  uint32_t para;      /* paragraph index */
} cr_sentence;

typedef struct cr_norm {
  const char *text; /* clean text (cr_text_clean), NUL-terminated */
  size_t len;
  size_t repaired; /* invalid UTF-8 bytes replaced before cleaning */
  cr_span *para;
  size_t npara;
  cr_sentence *sent;
  size_t nsent;
  cr_token *tok;
  size_t ntok;
  size_t words; /* tokens that are not PUNCT or SYMBOL */
} cr_norm;

/* Split clean text into sentences: spans without surrounding white space,
 * in order, never crossing a paragraph break ("\n\n"). Allocates *out in the
 * arena. Returns 0, -1 when out of memory. See docs/text-core.md. */
int cr_sentence_split(const char *text, size_t len, cr_arena *a, cr_span **out,
                      size_t *n);

/* Scan tokens of text[0..len) (re2c; rules in docs/text-core.md). Calls
 * emit for each token with its span and kind, in order; flags CAP, UPPER,
 * DIGIT, HYPHEN, QUOTE, OPEN, CLOSE and TERM are set here. Every byte that
 * is not white space belongs to exactly one token. A non-zero return of
 * emit stops the scan; returns 0, or -1 when emit stopped it. */
typedef int (*cr_token_fn)(void *ud, uint32_t off, uint32_t len, int kind,
                           unsigned flags);
int cr_tokenize(const char *text, size_t len, cr_token_fn emit, void *ud);

/* cr_sentence_split and cr_tokenize in one pass (the splitter decides on
 * tokens): when emit is not NULL it gets every token of text in order, with
 * offsets into text and CR_TF_SSTART on the first token of each sentence,
 * so sentence k holds the tokens from its SSTART to the next. Sentence ends
 * fall between tokens. A single-letter initial that ends a sentence ("Plan
 * B.") is handed over as WORD + PUNCT "."; other abbreviations keep the
 * period that ends their sentence ("in the E.U." ends in ABBREV "E.U."). */
int cr_sentence_split_tokens(const char *text, size_t len, cr_arena *a,
                             cr_span **out, size_t *n, cr_token_fn emit,
                             void *ud);

/* Case-fold and normalise one token (NFKC casefold via utf8proc; curly
 * quotes/apostrophes to ' and ", dashes to -). Appends to out. */
int cr_fold(const char *s, size_t len, cr_buf *out);

/* ---- The stage -----------------------------------------------------------*/

typedef struct cr_normalizer
    cr_normalizer; /* holds the stemmer; one per engine */
cr_normalizer *cr_normalizer_new(void);
void cr_normalizer_free(cr_normalizer *nz);
/* Stem a folded word; the result is valid until the next call. */
const char *cr_stem(cr_normalizer *nz, const char *word, size_t len,
                    size_t *out_len);

/* Run the whole text core on an extracted text. */
crossread_status cr_normalize_run(cr_normalizer *nz, const char *text,
                                  size_t len, cr_arena *a, cr_norm *out);

#endif
