/* doc.h -- one article as it flows through the pipeline. Each stage writes
 * only its own part; the arena owns everything of one document. Only
 * pipeline.c and the report stage read across parts. */
#ifndef CR_DOC_H
#define CR_DOC_H

#include <stdint.h>

#include "core/arena.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

/* One provenance link of a derived document (set by the pipeline at finish
 * from the dedup stage's graph). */
typedef struct cr_doc_link {
  uint32_t source;          /* index of the document it derives from */
  int relation;             /* cr_dedup_rel */
  float score;
  const char *evidence;     /* one aligned passage (points into a document's
                               normalised text), NULL when none */
  uint32_t ev_len;
} cr_doc_link;

typedef struct cr_doc {
  cr_arena *arena;
  uint32_t index; /* input order, from 0 */
  char id[16];    /* "a1", "a2", ... */
  const char *source;
  crossread_input kind;
  cr_hints hints; /* copied */
  cr_extract ex;  /* extract stage */
  cr_norm norm;   /* normalize stage */
  int32_t story;  /* cluster stage: index of its story, -1 none */
  int32_t origin; /* dedup stage: index of its origin group */
  const cr_doc_link *derived_from; /* dedup stage, set at finish */
  size_t nderived;
} cr_doc;

#endif
