/* dedup.h -- fourth stage: copies, syndication, rewrites and partial reuse
 * between articles (the provenance graph), online over a time window.
 * Consumes cr_norm (normalize.h) only; see docs/dedup.md for the design.
 *
 * Each pushed document is fingerprinted (sentence units, sampled shingles,
 * quote and number keys), looked up in an inverted index of the documents
 * still in the window, and every candidate is verified by aligning the
 * sentence units of both texts. Verified pairs are edges of the graph;
 * copy, syndication and rewrite edges join their documents into one origin
 * (union-find), partial edges do not (see cr_dedup_origin). */
#ifndef CR_DEDUP_H
#define CR_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "normalize/normalize.h"

typedef struct cr_dedup cr_dedup;

typedef struct cr_dedup_opts {
  /* Documents whose time is older than the newest time seen minus this
   * many seconds leave the index (0: 3 days). Documents without a time take
   * the newest time seen so far. */
  int64_t window_seconds;
  /* Hard bound on documents in the index, oldest out first (0: 200,000). */
  uint32_t max_docs;
  /* Report every verified candidate, rejected ones with relation 0 (for
   * calibration tools; never set by the pipeline). */
  int explain;
} cr_dedup_opts;

/* What the stage knows of a document besides its text. */
typedef struct cr_dedup_meta {
  int64_t published;  /* epoch seconds, -1 when unknown */
  const char *credit; /* wire or syndication credit line, NULL when none */
  const char *outlet; /* NULL when unknown; two articles of one outlet need
                         bulk evidence (they share the outlet's furniture) */
} cr_dedup_meta;

typedef enum cr_dedup_rel {
  CR_DEDUP_COPY = 1,    /* the same text */
  CR_DEDUP_SYNDICATION, /* the same text with other boilerplate or credit,
                           possibly lightly edited */
  CR_DEDUP_REWRITE,     /* a paraphrase: shared quotes, figures, order */
  CR_DEDUP_PARTIAL      /* part of the source reused: a cut copy (the derived
                           text is mostly the source's: same origin) or a
                           passage inside a different article (not) */
} cr_dedup_rel;

/* One aligned passage: a run of units of the newer document (byte span in
 * its cr_norm.text) and the index of the first matching unit in the older. */
typedef struct cr_dedup_span {
  uint32_t off, len; /* in the newer document's text */
  uint16_t units;    /* units in the run */
  uint16_t old_unit; /* first unit of the run in the older document */
} cr_dedup_span;

/* The measurements behind an edge (content tokens: words and numbers that
 * are not stop words). */
typedef struct cr_dedup_feat {
  uint32_t tot_older, tot_newer; /* content tokens of each text */
  uint32_t m_older, m_newer;     /* of them, in aligned units */
  uint32_t m_exact;              /* of m_newer, in exactly aligned units */
  uint32_t sub;        /* content of exactly aligned units that are long
                          enough and not frequent in the index */
  uint32_t sub_quoted; /* of sub, in units that are mostly quotation */
  uint16_t n_sub;      /* such units */
  uint16_t long_units; /* aligned units of at least six content tokens */
  uint16_t run;        /* longest run of consecutive aligned units */
  uint16_t run_sub;    /* sub of that run */
  uint16_t pair_sub;   /* best two adjacent exact units of 2+ content tokens
                          each, both rare: their content */
  uint16_t quotes, numbers; /* shared quote pieces and numbers */
  uint16_t extra_older, extra_newer; /* unaligned content in long units */
  uint16_t tail_older, tail_newer;   /* of which after the aligned part */
  uint16_t bp_older, bp_newer;       /* short unaligned units (boilerplate-like) */
} cr_dedup_feat;

typedef struct cr_dedup_edge {
  uint32_t older, newer; /* caller's document indexes; older was pushed first */
  uint32_t source;       /* which of the two is judged the source */
  uint8_t relation;      /* cr_dedup_rel */
  uint8_t direction_by;  /* 0 push order, 1 time, 2 containment, 3 credit */
  uint8_t removed;       /* dropped by cr_dedup_flush */
  uint8_t same_origin;   /* joins the two origins (see cr_dedup_origin) */
  uint8_t other_hands;   /* different outlets, or a credit line on one side */
  uint8_t exact;         /* the same normalised word stream */
  float score;           /* strength of the evidence, 0..1 */
  float cont_older;      /* share of the older text found in the newer */
  float cont_newer;      /* share of the newer text found in the older */
  const cr_dedup_span *spans; /* evidence, owned by the stage */
  uint32_t nspans;
  cr_dedup_feat f;
} cr_dedup_edge;

/* The edges found for one pushed document, valid until the next call. */
typedef struct cr_dedup_out {
  const cr_dedup_edge *edges;
  size_t n;
} cr_dedup_out;

/* opts may be NULL (defaults). NULL when out of memory. */
cr_dedup *cr_dedup_new(const cr_dedup_opts *opts);
void cr_dedup_free(cr_dedup *d); /* NULL ok */

/* Fingerprint one document, find its edges to the documents in the index,
 * then index it. doc_index must grow with every call. meta may be NULL.
 * Returns 0, -1 when out of memory (the document is then not indexed). */
int cr_dedup_push(cr_dedup *d, uint32_t doc_index, const cr_norm *norm,
                  const cr_dedup_meta *meta, cr_dedup_out *out);

/* End of input: re-score every edge with the final frequencies of the index
 * (a line that turned out to be shared by many unrelated documents is
 * boilerplate, not evidence) and settle directions with the whole graph.
 * Edges may be marked removed; origins are recomputed. Returns 0 or -1. */
int cr_dedup_flush(cr_dedup *d);

/* Every edge found so far, in the order found (removed ones included,
 * marked). */
const cr_dedup_edge *cr_dedup_edges(cr_dedup *d, size_t *n);

/* Origin group of a pushed document: the smallest document index of its
 * group of copy, syndication and rewrite edges, and of partial edges whose
 * derived text is mostly the source's (a cut copy). A passage reused inside
 * an article of its own does not join origins: the rest of that article is
 * still its own reporting, and joining through passages would chain
 * unrelated stories into one origin. Returns doc itself for unknown
 * documents. */
uint32_t cr_dedup_origin(cr_dedup *d, uint32_t doc);

/* Number of distinct origins among docs[0..n). */
size_t cr_dedup_count_origins(cr_dedup *d, const uint32_t *docs, size_t n);

/* Memory held by the index (postings, document records, frequencies), and
 * the number of documents in it. */
size_t cr_dedup_index_bytes(const cr_dedup *d, size_t *ndocs);

typedef struct cr_dedup_stats {
  size_t docs;      /* in the window */
  size_t entries;   /* live postings */
  size_t slots;     /* of the posting table */
  size_t units;     /* sentence units kept */
  size_t features;  /* quote and number features kept */
  size_t table_bytes, record_bytes, unit_bytes, feature_bytes;
  size_t edges, evidence_bytes; /* the graph (not part of the index) */
} cr_dedup_stats;
void cr_dedup_get_stats(const cr_dedup *d, cr_dedup_stats *st);

const char *cr_dedup_rel_name(int rel);

#endif
