/* pipeline.h -- the only place that knows the stage order:
 *   ingest -> extract -> normalize -> dedup -> cluster -> claims -> verify
 *   -> summarize -> report.
 * Per-document stages run as each article arrives (push); cross-document
 * stages run at finish (flush). See docs/architecture.md. */
#ifndef CR_PIPELINE_H
#define CR_PIPELINE_H

#include "crossread.h"
#include "doc.h"
#include "ingest/ingest.h"
#include "story.h"

typedef struct cr_pipeline cr_pipeline;
typedef struct cr_story_set cr_story_set;

cr_pipeline *cr_pipeline_new(crossread_engine *eng);
void cr_pipeline_free(cr_pipeline *p);

/* One raw article in: extract, normalize and the online stages. On success
 * the document is owned by the engine. */
crossread_status cr_pipeline_push(cr_pipeline *p, const cr_item *it,
                                  crossread_error *err);
/* End of input: cross-document stages over all documents. */
crossread_status cr_pipeline_finish(cr_pipeline *p, crossread_error *err);

/* Run extract + normalize on one item into a new document (no engine
 * state). The caller frees it with cr_doc_free. */
/* ns (may be NULL) receives the nanoseconds spent in extract [0] and
 * normalize [1]. */
crossread_status cr_doc_build(const cr_item *it, size_t cap, void *normalizer,
                              unsigned flags, cr_doc **out, uint64_t ns[2],
                              crossread_error *err);
void cr_doc_free(cr_doc *d);

/* Results for the report stage: the digest model of lib/story.h. */
/* Time and count per stage, for --stats and make bench. */
typedef enum cr_phase {
  CR_PH_EXTRACT = 0,
  CR_PH_NORMALIZE,
  CR_PH_ENTITIES,
  CR_PH_CLAIMS,
  CR_PH_DEDUP,
  CR_PH_CLUSTER,
  CR_PH_ORIGINS, /* finish: the provenance graph flushed */
  CR_PH_STORIES, /* finish: stories built */
  CR_PH_ALIASES, /* finish: entities across articles */
  CR_PH_VERIFY,  /* finish: claims cross-checked, quotes, timelines */
  CR_PH_SUMMARY, /* finish: summaries */
  CR_PH_COUNT
} cr_phase;
typedef struct cr_phase_stat {
  uint64_t ns; /* total time */
  size_t n;    /* documents (push stages) or stories (finish stages) */
} cr_phase_stat;
const cr_phase_stat *cr_pipeline_stats(const cr_pipeline *p);
const char *cr_phase_name(cr_phase ph);

size_t cr_pipeline_story_count(const cr_pipeline *p);
const cr_story *cr_pipeline_story(const cr_pipeline *p, size_t i);

#endif
