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
crossread_status cr_doc_build(const cr_item *it, size_t cap, void *normalizer,
                              unsigned flags, cr_doc **out,
                              crossread_error *err);
void cr_doc_free(cr_doc *d);

/* Results for the report stage: the digest model of lib/story.h. */
size_t cr_pipeline_story_count(const cr_pipeline *p);
const cr_story *cr_pipeline_story(const cr_pipeline *p, size_t i);

#endif
