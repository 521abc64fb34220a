/* summarize.h -- the summary stage: an extractive, budgeted summary of one
 * story (a set of normalised articles) and its timeline of dated events.
 * Runs at finish, after dedup (origins) and clustering (stories); see
 * docs/summarize.md for the algorithm and the measured figures.
 *
 * Sentences stay verbatim; each cites every article holding it or a
 * near-duplicate. Facts count once per independent origin. */
#ifndef CR_SUMMARIZE_H
#define CR_SUMMARIZE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "crossread.h"
#include "normalize/normalize.h"

/* One article of the story. */
typedef struct cr_sum_doc {
  const cr_norm *norm; /* borrowed; must outlive the call */
  int32_t origin;      /* origin group (provenance); < 0: its own origin */
  int64_t published;   /* seconds since the epoch; 0 = unknown */
} cr_sum_doc;

/* Options. Start from cr_sum_opts_default(); the tuning fields are there
 * for the evaluation driver, their defaults are the measured best. */
typedef struct cr_sum_opts {
  unsigned words;   /* budget in words (white-space separated); default 100 */
  int overflow;     /* 1: one last sentence may pass the budget (its words
                       past the budget are cut by the reader, as ROUGE's
                       100-word cut does); 0: total words <= budget */
  unsigned min_words, max_words; /* candidate sentence length */
  int skip_quotes;               /* drop sentences that hold a quotation */
  int skip_openers;              /* drop sentences opening with a pronoun or
                                    a connective (data/sum_openers.txt) */
  double pos_weight;   /* concept weight = origins + pos_weight * position */
  double pos_decay;    /* position credit of sentence i: 1 / (1 + i / decay) */
  double unigram_weight; /* weight of content-word concepts vs bigrams */
  double df_power;       /* origins count as origins ^ df_power */
  int weight_mode;       /* 0: origins^df_power + pos_weight * lead credit;
                            1: exp(df_rate * origins + lead_rate * lead
                            origins) * (occurrences / origins)^tf_power */
  double df_rate, lead_rate, tf_power;
  unsigned lead_sents, lead_cap;
  double min_support;    /* keep concepts found in >= this share of origins */
  double len_power;      /* greedy gain / words^len_power */
  unsigned solver_nodes; /* branch & bound node budget; 0 = greedy only */
  double dup_share;      /* near-duplicate: share of bigrams held */
} cr_sum_opts;

void cr_sum_opts_default(cr_sum_opts *o);

typedef struct cr_sum_item {
  uint32_t doc, sent; /* index into the docs given; sentence index */
  const char *text;   /* verbatim (arena copy, NUL-terminated) */
  size_t len;
  uint32_t words;
  uint32_t *cites; /* doc indexes holding it or a near-duplicate, ascending */
  size_t ncites;
} cr_sum_item;

typedef struct cr_summary {
  cr_sum_item *items; /* in reading order */
  size_t n;
  size_t words;
} cr_summary;

/* Summarise docs[0..n) into out (allocated in a). Returns CROSSREAD_OK
 * (possibly with an empty summary), or CROSSREAD_ERR_NOMEM. */
crossread_status cr_summarize_run(const cr_sum_doc *docs, size_t n,
                                  const cr_sum_opts *opts, cr_arena *a,
                                  cr_summary *out);

/* ---- Timeline ------------------------------------------------------------*/

typedef enum cr_tl_precision {
  CR_TL_YEAR = 1,
  CR_TL_MONTH,
  CR_TL_DAY,
  CR_TL_TIME
} cr_tl_precision;

/* A dated event, as the claims stage finds it: a date (ISO 8601, relative
 * dates already resolved) in one sentence of one article. */
typedef struct cr_tl_event {
  const char *date; /* "2025", "2025-09", "2025-09-14", "2025-09-14T10:00" */
  int precision;    /* cr_tl_precision */
  uint32_t doc, sent;
} cr_tl_event;

typedef struct cr_tl_item {
  const char *date; /* arena copy */
  int precision;
  const char *text; /* the sentence, verbatim (arena copy) */
  size_t len;
  uint32_t doc, sent; /* the sentence shown */
  uint32_t *cites;    /* doc indexes, ascending */
  size_t ncites;
} cr_tl_item;

typedef struct cr_timeline {
  cr_tl_item *items; /* by date, then by first appearance */
  size_t n;
} cr_timeline;

/* Group events with the same date and the same or a near-duplicate sentence
 * into one entry that cites every article, and order entries by date.
 * Events naming a bad document or sentence are skipped. */
crossread_status cr_timeline_run(const cr_sum_doc *docs, size_t n,
                                 const cr_tl_event *ev, size_t nev,
                                 cr_arena *a, cr_timeline *out);

#endif
