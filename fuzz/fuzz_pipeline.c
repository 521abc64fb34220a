/* fuzz_pipeline.c -- libFuzzer target: the whole pipeline through the public
 * API. The first byte picks the input kind (auto, html, text, jsonl, feed)
 * and the output format; the rest is fed as one input, then the engine
 * finishes and renders. Any status is fine; crashes, leaks and UB are not. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  crossread_input kind = (crossread_input)(data[0] % 5);
  crossread_format fmt = (crossread_format)((data[0] >> 3) % 4);
  crossread_engine *e = crossread_engine_new(data[0] & 0x80 ? CROSSREAD_F_KEEP_COMMENTS : 0);
  if (!e)
    return 0;
  crossread_error err;
  crossread_feed(e, "fuzz", data + 1, size - 1, kind, &err);
  /* a second, fixed article so cross-document stages have company */
  static const char other[] =
      "Council Opens Bridge\n\nThe city council opened the new bridge on "
      "Monday, officials said. About 1,200 cars crossed it on the first day.";
  crossread_feed(e, "other.txt", other, sizeof other - 1, CROSSREAD_IN_TEXT, &err);
  char *out = NULL;
  size_t len = 0;
  if (crossread_finish(e, &err) == CROSSREAD_OK &&
      crossread_render(e, fmt, &out, &len, &err) == CROSSREAD_OK) {
    if (!out || strlen(out) != len)
      __builtin_trap();
  }
  crossread_free(out);
  crossread_engine_free(e);
  return 0;
}
