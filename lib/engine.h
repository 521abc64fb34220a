/* engine.h -- the engine object (private): options, the documents, and the
 * state each stage keeps across documents. */
#ifndef CR_ENGINE_H
#define CR_ENGINE_H

#include <stddef.h>

#include "crossread.h"
#include "doc.h"
#include "pipeline.h"

struct crossread_engine {
  unsigned flags;
  unsigned summary_words;
  size_t max_input;
  size_t doc_cap; /* arena cap per document */
  crossread_error_fn err_fn;
  void *err_ud;
  crossread_error_fn note_fn;
  void *note_ud;
  size_t rejected;

  cr_doc **docs;
  size_t ndocs, docs_cap;

  cr_pipeline *pipe;
  int finished;
};

#endif
