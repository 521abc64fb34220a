/* dedup_int.h -- private pieces of the dedup stage shared by its files:
 * the fingerprint of one document (fingerprint.c) and the inverted index of
 * keys to documents (keyindex.c). See docs/dedup.md. */
#ifndef CR_DEDUP_INT_H
#define CR_DEDUP_INT_H

#include <stddef.h>
#include <stdint.h>

#include "normalize/normalize.h"

/* unit flags */
enum {
  CR_DU_QUOTED = 1u << 0, /* most of its content words are inside quotes */
  CR_DU_INDEXED = 1u << 1 /* long enough to be a key */
};

/* key kinds, mixed into the 32-bit key so kinds never collide */
enum { CR_DK_UNIT = 1, CR_DK_SHINGLE, CR_DK_EXACT, CR_DK_QUOTE, CR_DK_NUMBER };

/* A unit: one sentence, or the part of a sentence on one line (a line break
 * inside a sentence ends a unit: lines are the grain of boilerplate). What
 * the index keeps of an old document is this, 8 bytes a unit. */
typedef struct cr_dunit {
  uint32_t hash;          /* content words and numbers, in order */
  unsigned pre : 11;      /* first three content tokens, to pair edited units */
  unsigned suf : 11;      /* last three */
  unsigned content : 8;   /* content tokens, capped at 255 */
  unsigned flags : 2;     /* CR_DU_* */
} cr_dunit;

/* A rewrite feature (a number or a piece of a quote) and where it sits. */
typedef struct cr_dfeat {
  uint32_t key;
  uint16_t unit;
  uint16_t kind;
} cr_dfeat;

#define CR_DFP_KEYBITS 9
#define CR_DFP_KEYSET (1u << CR_DFP_KEYBITS)

/* The fingerprint of the document being pushed (scratch, reused). */
typedef struct cr_dfp {
  cr_dunit *unit;
  uint32_t *uoff, *ulen; /* byte spans of units in the text */
  uint16_t *udf;         /* frequency of each unit's key before this doc */
  size_t nunit, ucap;
  uint32_t *keys; /* keys to look up and index: units, shingles, exact,
                     features; each once */
  uint8_t *kkind;
  size_t nkey, kcap;
  uint32_t kset[CR_DFP_KEYSET]; /* key + 1 of keys added: no duplicates */
  cr_dfeat *feat; /* quote and number features (also keys) */
  size_t nfeat, fcap;
  uint64_t exact;    /* hash of the whole normalised word stream */
  uint32_t content;  /* content tokens in all */
  uint32_t words;    /* word and number tokens */
} cr_dfp;

int cr_dedup_fingerprint(const cr_norm *norm, cr_dfp *fp);
void cr_dedup_fp_clear(cr_dfp *fp);
uint32_t cr_dedup_key(uint64_t h, int kind);

/* Inverted index: key -> documents (arrival sequence numbers), open
 * addressing with duplicates. An entry is dead once its document left the
 * window (seq < first live seq); dead entries are reused as tombstones and
 * dropped at each rebuild. At most `cap_per_key` live entries per key: the
 * frequency of a key saturates there, which is all the stage needs. */
typedef struct cr_keyindex {
  uint32_t *key, *seq; /* seq 0 = empty slot */
  size_t mask;         /* slots - 1 */
  size_t used;         /* non-empty slots */
  size_t live;         /* entries of live documents */
  uint32_t first_live; /* documents with seq < first_live are gone */
  uint32_t cap_per_key;
} cr_keyindex;

int cr_keyindex_init(cr_keyindex *ix, uint32_t cap_per_key);
void cr_keyindex_clear(cr_keyindex *ix);
/* Live entries of key: fills seqs (up to max) and returns their count. */
size_t cr_keyindex_get(const cr_keyindex *ix, uint32_t key, uint32_t *seqs,
                       size_t max);
/* Add (key, seq); returns 1 added, 0 skipped (key at its cap), -1 OOM. */
int cr_keyindex_add(cr_keyindex *ix, uint32_t key, uint32_t seq);
/* Documents below seq left the window; their entries count as dead. */
void cr_keyindex_evict(cr_keyindex *ix, uint32_t first_live, size_t entries);
size_t cr_keyindex_bytes(const cr_keyindex *ix);

#endif
