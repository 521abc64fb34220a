/* text.c -- placeholder */
#include <string.h>
#include "core/error.h"
#include "extract_int.h"
crossread_status cr_extract_text(const char *text, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err) {
  memset(out, 0, sizeof *out);
  out->text = cr_arena_strndup(a, text, len);
  out->text_len = len;
  (void)hints;
  if (!out->text) return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  return CROSSREAD_OK;
}
