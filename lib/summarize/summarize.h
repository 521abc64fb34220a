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

/* How concepts are weighted. */
typedef enum cr_sum_weighting {
  CR_SUM_W_ORIGINS = 0, /* origins holding it (ICSISumm), + lead credit */
  CR_SUM_W_MODEL = 1    /* log-linear estimate of its reference share */
} cr_sum_weighting;

/* Options. Start from cr_sum_opts_default(); the tuning fields are there
 * for the evaluation driver, their defaults are the measured best. */
typedef struct cr_sum_opts {
  unsigned words; /* budget in words (white-space separated); default 100 */
  int overflow;   /* 1: one last sentence may pass the budget (the words
                     past it are cut by the reader, as ROUGE's 100-word
                     cut does); 0: total words <= budget */
  unsigned min_words, max_words; /* candidate sentence length */
  int skip_quotes;               /* leave out sentences holding a quotation */
  int skip_openers;              /* leave out sentences opening with a
                                    pronoun or a connective
                                    (data/sum_openers.txt) */
  int weighting;                 /* cr_sum_weighting */
  double min_support;            /* concepts need this share of the origins */
  /* CR_SUM_W_MODEL: weight of a bigram = exp(df_rate * origins + lead_rate
   * * origins opening with it + tf_power * log(mentions per origin) +
   * cap_rate * capitalised share + num_rate * [number] + first_rate * [in
   * the opening of the earliest article] + last_rate * [the latest]);
   * origin counts scaled to a story of ten origins */
  double df_rate, lead_rate, tf_power, cap_rate, num_rate, first_rate,
      last_rate;
  unsigned lead_sents;   /* opening sentences that count as the lead */
  double unigram_weight; /* content words next to bigrams */
  double uni_df_rate, uni_tf_power; /* their weight, as for bigrams */
  /* CR_SUM_W_ORIGINS: origins^df_power + pos_weight * sum over origins of
   * 1 / (1 + first position / pos_decay) */
  double df_power, pos_weight, pos_decay;
  /* a further mention of a concept is worth repeat_rate * share^repeat_pow
   * of the one before (share: origins holding it / origins) */
  double repeat_rate, repeat_pow;
  /* function words (stop words): the k-th mention is worth function_weight
   * times the chance that a summary of this length holds it k times, given
   * its rate in the articles; 0 leaves them out */
  double function_weight;
  double len_power;      /* greedy start: gain / words^len_power */
  unsigned solver_nodes; /* branch & bound node budget; 0 = greedy only */
  unsigned cand_max;     /* keep the strongest candidates only; 0 = all */
  unsigned max_skips;    /* search paths leave out at most this many best
                            choices (limited discrepancy); 0 = no limit */
  double dup_share;      /* near-duplicate: share of the bigrams held */
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
  /* diagnostics: candidate sentences, concepts they list, search nodes,
   * and whether the search proved its pick optimal for the model (only
   * without a node cap hit and without max_skips) */
  size_t candidates, concepts, nodes;
  int exact;
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
  CR_TL_WEEK,
  CR_TL_DAY,
  CR_TL_TIME
} cr_tl_precision;

/* A dated event, as the claims stage finds it: a date (ISO 8601, relative
 * dates already resolved) in one sentence of one article. */
typedef struct cr_tl_event {
  const char *date; /* "2025", "2025-09", "2025-W50", "2025-09-14",
                       "2025-09-14T10:00" */
  int precision;    /* cr_tl_precision */
  uint32_t doc, sent;
  int32_t order;    /* where it sorts: yyyymmdd of the period's first day
                       (2025-W50: its Monday); 0 = by the date string */
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
  cr_tl_item *items; /* by date (order, then the date string, coarser
                        precision first), then by the earliest article */
  size_t n;
} cr_timeline;

/* Group events with the same date and the same or a near-duplicate sentence
 * into one entry that cites every article, and order entries by date.
 * Events naming a bad document or sentence are skipped. */
crossread_status cr_timeline_run(const cr_sum_doc *docs, size_t n,
                                 const cr_tl_event *ev, size_t nev, cr_arena *a,
                                 cr_timeline *out);

#endif
