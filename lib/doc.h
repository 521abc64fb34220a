/* doc.h -- one article as it flows through the pipeline. Each stage writes
 * only its own part; the arena owns everything of one document. Only
 * pipeline.c and the report stage read across parts. */
#ifndef CR_DOC_H
#define CR_DOC_H

#include <stdint.h>

#include "claims/claims.h"
#include "core/arena.h"
#include "entities/entities.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "story.h"

typedef struct cr_doc {
  cr_arena *arena;
  uint32_t index; /* input order, from 0 */
  char id[16];    /* "a1", "a2", ... */
  const char *source;
  crossread_input kind;
  cr_hints hints; /* copied */
  cr_extract ex;  /* extract stage */
  cr_norm norm;   /* normalize stage */
  cr_ents ents;   /* entities stage: mentions and the article's entities */
  /* claims stage: quantities, dates, quotes (arena); NULL when not run */
  cr_claims *claims;
  int32_t story;  /* cluster stage: index of its story, -1 none */
  int32_t origin; /* dedup stage: index of its origin group */
  cr_sedge *derived; /* dedup stage: what this article copies or rewrites */
  size_t nderived;
} cr_doc;

#endif
