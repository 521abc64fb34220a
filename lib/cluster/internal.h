/* internal.h -- private parts of the clustering stage shared by its files:
 * compact keyed vectors, the scratch map, the document-frequency table and
 * the cr_cluster object itself. Only lib/cluster/ includes this. */
#ifndef CR_CLUSTER_INTERNAL_H
#define CR_CLUSTER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "cluster.h"

/* Keys inside the stage are 32-bit: terms, names and numbers live in one
 * key space, kept apart by salting the 64-bit hash before folding it. A
 * 32-bit collision merges two keys' statistics, which at a few million
 * distinct keys touches a few hundred rare pairs: harmless for similarity
 * and worth the halved memory of every centroid and index entry. */
typedef struct cr_kv {
  uint32_t key;
  float w;
} cr_kv;

enum { SALT_TERM = 0, SALT_NAME = 1, SALT_RUN = 2, SALT_NUM = 3 };

static inline uint32_t ck_key(uint64_t h, unsigned salt) {
  uint64_t x = (h + salt * 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
  x ^= x >> 31;
  uint32_t k = (uint32_t)(x ^ (x >> 32));
  return k ? k : 1;
}

/* Scratch map key -> dense entry (cr_kv) reused from document to document:
 * slots carry a generation stamp, so clearing is O(1). */
typedef struct cr_kslot {
  uint32_t key, idx, gen;
} cr_kslot;

typedef struct cr_kmap {
  cr_kslot *slot; /* one cache line per probe */
  uint32_t mask, gen;
  cr_kv *ent;
  uint32_t n, cap;
} cr_kmap;

int cr_kmap_init(cr_kmap *m, uint32_t slots);
void cr_kmap_clear(cr_kmap *m);
void cr_kmap_reset(cr_kmap *m); /* empty, keeps memory */
/* The entry of key, added with w = 0 when absent; NULL when out of memory.
 * The pointer is valid until the next insertion. */
cr_kv *cr_kmap_at(cr_kmap *m, uint32_t key);
/* Index of the entry of key, or -1. */
static inline int64_t cr_kmap_find(const cr_kmap *m, uint32_t key) {
  uint32_t i = (key * 0x9E3779B1u) & m->mask;
  for (;;) {
    const cr_kslot *s = &m->slot[i];
    if (s->gen != m->gen)
      return -1;
    if (s->key == key)
      return s->idx;
    i = (i + 1) & m->mask;
  }
}
static inline float cr_kmap_get(const cr_kmap *m, uint32_t key) {
  int64_t i = cr_kmap_find(m, key);
  return i < 0 ? 0.0f : m->ent[i].w;
}
size_t cr_kmap_bytes(const cr_kmap *m);

/* Online document frequencies: open addressing, key -> count and when it
 * was last seen. When the table reaches its size limit, keys not seen
 * within the horizon (they can be in no live story) are dropped, then if
 * need be the rarest: they count as unseen again, and memory stays bounded
 * on an endless stream. */
typedef struct cr_dfslot {
  uint32_t key, cnt; /* key 0: empty */
  uint32_t last;     /* clock when last counted */
} cr_dfslot;

typedef struct cr_dftab {
  cr_dfslot *s;
  uint32_t mask, n, max_slots, floor;
  uint32_t clock, horizon; /* documents counted; how far back is recent */
} cr_dftab;

int cr_dftab_init(cr_dftab *t, uint32_t max_slots, uint32_t horizon);
void cr_dftab_clear(cr_dftab *t);
/* Room for `more` new keys without a rebuild (growing or pruning now). */
int cr_dftab_reserve(cr_dftab *t, uint32_t more);
/* Count of key before this call, then count it once more. -1: no memory. */
int64_t cr_dftab_bump(cr_dftab *t, uint32_t key);
uint32_t cr_dftab_get(const cr_dftab *t, uint32_t key); /* 0 when absent */

/* Features of one document, pointing into the clusterer's scratch. */
typedef struct cr_docvec {
  cr_kv *t, *e, *n; /* terms, names, numbers: each L2-normalised */
  uint32_t nt, ne, nn;
  cr_kv *qt, *qe; /* the heaviest terms and names: the index query */
  uint32_t nqt, nqe;
} cr_docvec;

typedef struct cr_story cr_story;
typedef struct cr_index cr_index;

struct cr_cluster {
  cr_cluster_opts o;
  cr_dftab df;
  uint64_t ndocs; /* documents pushed */
  double idf_max; /* log of opts.idf_docs */
  /* scratch of the document being pushed */
  cr_kmap tf, tfe, tfn; /* key -> raw count: terms, names, numbers */
  cr_kmap seen;         /* capitalised words seen in name position */
  cr_kmap dmap;         /* key -> unit weight, all three kinds */
  cr_kmap acc;          /* story -> candidate evidence */
  cr_kmap tmp;          /* centroid sums */
  cr_kv *vt, *ve, *vn, *q, *stage;
  uint32_t vt_cap, ve_cap, vn_cap, q_cap, stage_cap;
  /* stories */
  cr_story *st;
  uint32_t nst, st_cap;
  uint32_t *par; /* union-find parent of each story, top bit: retired */
  size_t par_cap;
  size_t story_bytes; /* their vectors and titles */
  cr_index *ix;
  uint32_t sweep;
  /* document -> story at push */
  uint32_t *doc_story;
  size_t doc_cap;
  /* results of the last flush */
  uint32_t *out_off, *out_docs, *out_root, *root_out;
  size_t nout, out_ndocs;
  uint32_t out_nst; /* stories when the output was built */
};

/* For fitting tools: push with the story forced (-1: a new one; -2: the
 * decision rule, as cr_cluster_push). Candidates are still scored and
 * traced, so the trace shows the rule's inputs under a known assignment. */
int64_t cr_cluster_push_to(cr_cluster *c, uint32_t doc, const cr_norm *norm,
                           const cr_cluster_meta *meta, int64_t force);

/* For fitting tools: the merge features of the stories of two documents. */
int cr_cluster_pair(cr_cluster *c, uint32_t doc_a, uint32_t doc_b, float f[3]);

/* For analysis tools: the centroid of story i of the last flush (terms,
 * names, numbers: n[0], n[1], n[2] entries). */
const cr_kv *cr_cluster_story_vec(const cr_cluster *c, size_t i, uint32_t n[3]);

/* Memory by part: document frequencies, index, story records, centroids
 * and titles, document map. */
void cr_cluster_memory(const cr_cluster *c, size_t out[5]);

int cr_cluster_features(cr_cluster *c, const cr_norm *norm,
                        const cr_cluster_meta *meta, cr_docvec *out);
/* Keep the k heaviest of v[0..n) in v[0..k) (any order); returns k. */
uint32_t cr_kv_top(cr_kv *v, uint32_t n, uint32_t k);

#endif
