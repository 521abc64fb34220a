/* ner.h -- the named-entity tagger: an averaged perceptron over BIO tags
 * (PER, ORG, LOC) with Viterbi decoding. Features are word, shape, affix,
 * lexicon and context-window features of the tokens of cr_norm, hashed
 * into 2^CR_NER_BITS buckets; the weights are data (data/ner_model.txt,
 * trained by tools/ner_train.c). See docs/entities.md. */
#ifndef CR_ENTITIES_NER_H
#define CR_ENTITIES_NER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "lex.h"
#include "normalize/normalize.h"

enum {
  CR_NER_O = 0,
  CR_NER_B_PER,
  CR_NER_I_PER,
  CR_NER_B_ORG,
  CR_NER_I_ORG,
  CR_NER_B_LOC,
  CR_NER_I_LOC,
  CR_NER_NTAGS
};
#define CR_NER_BITS 20
#define CR_NER_MAXF 64  /* features of one token, at most */
#define CR_NER_NIDENT 6 /* features 1..6: the token's own word and affixes */

/* One token across the document (prepared once a document; 24 bytes a
 * token, on the heap: scratch of the stage, freed when it ends). */
typedef struct cr_ner_word {
  uint64_t wh;    /* hash of the folded word, possessive 's dropped */
  uint32_t shape; /* hash of the letter-case shape ("Xx", "X.X.", "dd") */
  uint32_t lex;   /* CR_LX_* of the word */
  uint16_t phr;   /* lexicon phrases it is in: B classes low byte, I high */
  uint8_t cls;    /* coarse shape class */
  uint8_t doc;    /* in the document: seen in lower case, capitalised inside a
                     sentence; 4: first word of its sentence */
  uint8_t poss;   /* bytes of a possessive ending ('s, ’s, ') */
} cr_ner_word;

/* What the features need to know of one token of the sentence being
 * tagged (scratch, one sentence at a time). */
typedef struct cr_ner_tok {
  uint64_t wh;     /* as cr_ner_word */
  uint64_t shape;  /* hash of the letter-case shape ("Xx", "X.X.", "dd") */
  uint64_t suf[3]; /* hashes of the last 2, 3, 4 bytes of the fold */
  uint64_t pre;    /* hash of the first 3 bytes */
  uint32_t lex;    /* CR_LX_* of the word */
  uint16_t phr;
  uint8_t cls, doc;
  uint8_t len; /* length class */
} cr_ner_tok;

/* Prepare the tokens of a document; *out (n->ntok entries) is freed with
 * cr_free. Returns 0, -1 out of memory. */
int cr_ner_prepare(const cr_entlex *lx, const cr_norm *n, cr_ner_word **out);

/* The feature view of tokens [first, first + cnt) of a prepared document
 * (one sentence) into out[cnt]. */
void cr_ner_sentence(const cr_entlex *lx, const cr_norm *n,
                     const cr_ner_word *w, size_t first, size_t cnt,
                     cr_ner_tok *out);

/* 1 when the token is written with a capital (Xx, XX, X., McX); 1 when it
 * is a word in lower case. */
int cr_ner_capitalised(const cr_ner_word *w);
int cr_ner_lower(const cr_ner_word *w);

/* Feature buckets of token i of the sentence view t[first, end). Returns
 * the count (<= CR_NER_MAXF). */
size_t cr_ner_features(const cr_ner_tok *t, size_t first, size_t i, size_t end,
                       uint32_t *out);

/* Best tag sequence for n tokens given emission scores em[n][NTAGS] and
 * transition scores tr[NTAGS + 1][NTAGS] (row NTAGS: from the start), BIO
 * constraints enforced. tags[n] out; work holds n * NTAGS ints. */
void cr_ner_viterbi(const float *em, const float *tr, size_t n, uint8_t *tags,
                    int *work);

typedef struct cr_ner cr_ner;

/* The model: from a weights file (the format of data/ner_model.txt) or,
 * with path NULL, the built-in one. NULL on error (file unreadable, format
 * not recognised, out of memory). */
cr_ner *cr_ner_load(const char *path);
void cr_ner_free(cr_ner *m); /* NULL ok */

/* Tag every token of a prepared document: tags[n->ntok] out (CR_NER_*).
 * Returns 0, -1 when out of memory. */
int cr_ner_tag(const cr_ner *m, const cr_entlex *lx, const cr_norm *n,
               const cr_ner_word *w, cr_arena *a, uint8_t *tags);

#endif
