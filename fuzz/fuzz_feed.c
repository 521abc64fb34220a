/* fuzz_feed.c -- libFuzzer target: arbitrary bytes as an RSS/Atom feed and,
 * with the same bytes, as JSON Lines, through the ingest layer. */
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  crossread_engine *e = crossread_engine_new(0);
  if (!e)
    return 0;
  crossread_error err;
  crossread_feed(e, "fuzz.rss", data, size, CROSSREAD_IN_FEED, &err);
  crossread_feed(e, "fuzz.jsonl", data, size, CROSSREAD_IN_JSONL, &err);
  crossread_engine_free(e);
  return 0;
}
