/* test_alloc_fail.c -- fail the Nth allocation of a small pipeline run for
 * every N until the run needs no more (curl's torture idea): every failure
 * must give a clean error, no crash, and (under ASan) no leak. */
#include <stdlib.h>

#include "crossread.h"
#include "harness.h"

static long countdown = -1; /* allocations left before one fails; -1 = never */
static long calls;

static void *t_malloc(size_t n) {
  calls++;
  if (countdown == 0)
    return NULL;
  if (countdown > 0)
    countdown--;
  return malloc(n);
}
static void *t_realloc(void *p, size_t n) {
  calls++;
  if (countdown == 0)
    return NULL;
  if (countdown > 0)
    countdown--;
  return realloc(p, n);
}

static const char *html =
    "<html><head><title>Ferry Service Resumes</title></head><body><article>"
    "<p>The ferry between Osk and Marren resumed on Tuesday after a two-week "
    "strike, the operator said.</p><p>About 1,200 passengers crossed on the "
    "first day.</p></article></body></html>";
static const char *jsonl =
    "{\"title\":\"Dam\",\"text\":\"Engineers finished repairs on the dam on "
    "Monday. The reservoir will refill by June.\"}\n";

/* one full run; returns 1 when it completed with a rendered digest */
static int run_once(void) {
  crossread_engine *e = crossread_engine_new(0);
  if (!e)
    return 0;
  crossread_error err;
  crossread_feed(e, "a.html", html, strlen(html), CROSSREAD_IN_AUTO, &err);
  crossread_feed(e, "b.jsonl", jsonl, strlen(jsonl), CROSSREAD_IN_AUTO, &err);
  int ok = 0;
  char *out = NULL;
  if (crossread_finish(e, &err) == CROSSREAD_OK &&
      crossread_render(e, CROSSREAD_FORMAT_JSON, &out, NULL, &err) == CROSSREAD_OK)
    ok = out != NULL && crossread_article_count(e) == 2;
  crossread_free(out);
  crossread_engine_free(e);
  return ok;
}

static void torture(void) {
  crossread_set_allocator(t_malloc, t_realloc, free);
  countdown = -1;
  calls = 0;
  CHECK(run_once());
  long total = calls;
  CHECK(total > 10);
  long failures_handled = 0;
  for (long n = 0; n < total; n++) {
    countdown = n;
    run_once(); /* must not crash or leak; the result may be partial */
    failures_handled++;
  }
  countdown = -1;
  CHECK(run_once());
  CHECK_EQ(failures_handled, total);
  crossread_set_allocator(NULL, NULL, NULL);
}

int main(void) {
  RUN(torture);
  return DONE();
}
