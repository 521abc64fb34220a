/* cluster.h -- online story clustering: each article, as it arrives, joins
 * the live story it fits best or starts a new one; at flush lone articles
 * get a second look and stories that are one are merged. Runs after the
 * text core, the entity stage and dedup: ingest -> extract -> normalize ->
 * (entities) -> dedup -> cluster -> ... The stage owns all its
 * cross-document state (document frequencies, story centroids, the
 * candidate index). See docs/cluster.md. */
#ifndef CR_CLUSTER_H
#define CR_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "entities/entities.h"
#include "normalize/normalize.h"

typedef struct cr_cluster cr_cluster;

/* An entity-like key of one document. The stage derives name keys from
 * capitalised words itself; the entities stage's keys, when given, are
 * added to those (see docs/cluster.md). */
typedef enum cr_cluster_key_kind {
  CR_CKEY_NAME = 1, /* person, organisation, place, other named thing */
  CR_CKEY_NUMBER,   /* a quantity: "7.3", "123" */
  CR_CKEY_DATE      /* a date: "2025-12-17", "June 13" */
} cr_cluster_key_kind;

typedef struct cr_cluster_key {
  uint64_t hash; /* identity, e.g. cr_hash64 of the canonical name */
  uint8_t kind;  /* cr_cluster_key_kind */
  float weight;  /* mentions or salience, > 0 */
} cr_cluster_key;

/* What the stage may know about a document besides its tokens. */
typedef struct cr_cluster_meta {
  const char *title;          /* display title; copied when it becomes the
                                 story title; NULL when unknown */
  const cr_norm *title_norm;  /* the title's tokens, weighted up; NULL ok */
  int64_t published;          /* Unix seconds, -1 when unknown */
  const cr_cluster_key *keys; /* added to the keys found in the text */
  size_t nkeys;
  int64_t origin; /* an earlier document this one copies (dedup), -1 none */
} cr_cluster_meta;

/* Decision rule and sizes. The weights are fitted on the dev set (see
 * docs/cluster.md); the defaults are those figures. */
typedef struct cr_cluster_opts {
  /* join the best story when
   *   w_cos*cos(terms) + w_ent*cos(names) + w_num*cos(numbers) + bias > 0 */
  float w_cos, w_ent, w_num, bias;
  /* at flush, a lone article joins the story it fits best when the same
   * sum with sweep_bias instead of bias is > 0; then two stories merge
   * when the sum over their centroids with merge_bias is > 0 */
  float sweep_bias, merge_bias;
  float w_title;       /* extra weight of title tokens */
  float w_lead;        /* extra weight of tokens in the first sentences */
  uint32_t lead_sents; /* how many first sentences are the lead */
  float day_penalty; /* subtracted per day of distance when both have a time */
  int64_t window;    /* seconds: a story idle this long takes no articles */
  uint32_t retire_docs; /* articles after which an idle story is retired */
  uint32_t centroid_terms, centroid_names, centroid_numbers; /* caps */
  uint32_t index_terms, index_names; /* story keys put in the index */
  uint32_t query_terms, query_names; /* article keys looked up */
  uint32_t postings;     /* stories kept per index key (most recent) */
  uint32_t candidates;   /* stories scored in full per article */
  uint32_t df_slots_max; /* document-frequency table size before pruning */
  /* inverse document frequency as in a collection of at most this many
   * documents: on a long stream the rarest keys (a name seen once in a
   * million articles) would otherwise outweigh all shared words, and the
   * rule's weights were fitted on a few hundred articles */
  uint32_t idf_docs;
  /* Optional: called for every story scored against an article (features
   * cos, names, numbers; the score), for analysis and fitting tools. */
  void (*trace)(void *ud, uint32_t doc, uint32_t story, const float f[3],
                float score);
  void *trace_ud;
} cr_cluster_opts;

void cr_cluster_opts_default(cr_cluster_opts *o);

/* A new clusterer; NULL opts = defaults. NULL when out of memory. */
cr_cluster *cr_cluster_new(const cr_cluster_opts *o);
void cr_cluster_free(cr_cluster *c); /* NULL ok */

/* One document in: `doc` is the caller's id (dense, from 0; each pushed
 * once). Returns the (provisional) story id, >= 0, or -1 when out of
 * memory (the document is then left out). meta may be NULL. */
int64_t cr_cluster_push(cr_cluster *c, uint32_t doc, const cr_norm *norm,
                        const cr_cluster_meta *meta);

/* End of input (may be called again after more pushes): the sweep of lone
 * articles and the merge rounds over the live stories, then the final
 * numbering, largest story first (ties: earliest first article). Returns
 * 0, -1 when out of memory. */
int cr_cluster_flush(cr_cluster *c);

/* Results of the last flush. */
size_t cr_cluster_story_count(const cr_cluster *c);
/* The documents of story i, in push order. */
const uint32_t *cr_cluster_story_docs(const cr_cluster *c, size_t i, size_t *n);
/* Title of story i: the title of its most central article (see
 * docs/cluster.md), NULL when no article had one; and that article. */
const char *cr_cluster_story_title(const cr_cluster *c, size_t i);
int64_t cr_cluster_story_title_doc(const cr_cluster *c, size_t i);
/* The story of a document, -1 when it was not pushed. */
int64_t cr_cluster_story_of(const cr_cluster *c, uint32_t doc);

/* Name keys from the entity stage's output for one article (at most cap,
 * two per entity): use them as cr_cluster_meta.keys. */
size_t cr_cluster_entity_keys(const cr_ents *ents, const cr_norm *norm,
                              uint32_t lead_sents, float w_lead,
                              cr_cluster_key *out, size_t cap);

/* The earlier article a just-pushed one copies, from the dedup stage's
 * edges for it (cr_dedup_out): use as cr_cluster_meta.origin. -1 none. */
struct cr_dedup_edge;
int64_t cr_cluster_origin_of(const struct cr_dedup_edge *e, size_t n,
                             uint32_t doc);

/* Memory held by the stage, bytes, and documents pushed. */
size_t cr_cluster_bytes(const cr_cluster *c);
size_t cr_cluster_docs(const cr_cluster *c);

#endif
