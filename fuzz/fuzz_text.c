/* fuzz_text.c -- libFuzzer target: cr_extract_run on arbitrary bytes as a
 * plain-text dump. Checks the contract: valid UTF-8 text of the stated
 * length, every dropped line and comment a real string. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "extract/extract_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_arena *a = cr_arena_new(1 << 16, (size_t)256 << 20);
  if (!a)
    return 0;
  cr_extract ex;
  crossread_error err;
  crossread_status st = cr_extract_run((const char *)data, size,
                                       CROSSREAD_IN_TEXT, NULL, a, &ex, &err);
  if (st == CROSSREAD_OK) {
    if (!ex.text || strlen(ex.text) != ex.text_len ||
        cr_utf8_valid_prefix(ex.text, ex.text_len) != ex.text_len)
      __builtin_trap();
    for (size_t i = 0; i < ex.dropped.n; i++)
      if (!ex.dropped.v[i])
        __builtin_trap();
    for (size_t i = 0; i < ex.comments.n; i++)
      if (!ex.comments.v[i])
        __builtin_trap();
  }
  cr_arena_free(a);
  return 0;
}
