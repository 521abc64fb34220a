/* fuzz_html.c -- libFuzzer target: cr_extract_run on arbitrary bytes as an
 * HTML page. The first byte picks the parser backend (gumbo or libxml2).
 * Checks the contract: the text is valid UTF-8 of the stated length. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "extract/extract_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned flags = size && (data[0] & 1) ? CROSSREAD_F_FAST_HTML : 0;
  cr_arena *a = cr_arena_new(1 << 16, (size_t)256 << 20);
  if (!a)
    return 0;
  cr_hints hints = {0};
  if (size && (data[0] & 2))
    hints.charset = "iso-8859-5"; /* the HTTP-header path */
  cr_extract ex;
  crossread_error err;
  crossread_status st = cr_extract_run_ex(
      (const char *)data, size, CROSSREAD_IN_HTML, &hints, flags, a, &ex, &err);
  if (st == CROSSREAD_OK) {
    if (!ex.text || strlen(ex.text) != ex.text_len ||
        cr_utf8_valid_prefix(ex.text, ex.text_len) != ex.text_len)
      __builtin_trap();
    for (size_t i = 0; i < ex.dropped.n; i++)
      if (!ex.dropped.v[i])
        __builtin_trap();
  }
  cr_arena_free(a);
  return 0;
}
