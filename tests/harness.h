/* harness.h -- the small in-tree test harness. Each test file defines
 * tests as plain functions, calls them from main() with RUN(), and returns
 * DONE(), which prints "N passed, N failed" and returns the exit status.
 * A test may call SKIP("why") to exit 77 (CTest's skip code). */
#ifndef CR_TEST_HARNESS_H
#define CR_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_passed, h_failed;
static const char *h_current = "";

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond) {                                                                \
      h_passed++;                                                              \
    } else {                                                                   \
      h_failed++;                                                              \
      fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__,     \
              h_current, #cond);                                               \
    }                                                                          \
  } while (0)

#define CHECK_EQ(a, b)                                                         \
  do {                                                                         \
    long long h_a = (long long)(a), h_b = (long long)(b);                      \
    if (h_a == h_b) {                                                          \
      h_passed++;                                                              \
    } else {                                                                   \
      h_failed++;                                                              \
      fprintf(stderr, "%s:%d: %s: %s == %s failed: %lld != %lld\n", __FILE__,  \
              __LINE__, h_current, #a, #b, h_a, h_b);                          \
    }                                                                          \
  } while (0)

#define CHECK_STR(a, b)                                                        \
  do {                                                                         \
    const char *h_a = (a), *h_b = (b);                                         \
    if (h_a && h_b && strcmp(h_a, h_b) == 0) {                                 \
      h_passed++;                                                              \
    } else {                                                                   \
      h_failed++;                                                              \
      fprintf(stderr, "%s:%d: %s: %s == %s failed: \"%s\" != \"%s\"\n",        \
              __FILE__, __LINE__, h_current, #a, #b, h_a ? h_a : "(null)",     \
              h_b ? h_b : "(null)");                                           \
    }                                                                          \
  } while (0)

/* a span {off,len} of text equals the string s */
#define CHECK_SPAN(text, off, len, s)                                          \
  do {                                                                         \
    const char *h_s = (s);                                                     \
    size_t h_l = (size_t)(len);                                                \
    if (strlen(h_s) == h_l && memcmp((text) + (off), h_s, h_l) == 0) {         \
      h_passed++;                                                              \
    } else {                                                                   \
      h_failed++;                                                              \
      fprintf(stderr, "%s:%d: %s: span \"%.*s\" != \"%s\"\n", __FILE__,        \
              __LINE__, h_current, (int)h_l, (text) + (off), h_s);             \
    }                                                                          \
  } while (0)

#define RUN(fn)                                                                \
  do {                                                                         \
    h_current = #fn;                                                           \
    fn();                                                                      \
  } while (0)

#define SKIP(why)                                                              \
  do {                                                                         \
    printf("skipped: %s\n", why);                                              \
    exit(77);                                                                  \
  } while (0)

#define DONE()                                                                 \
  (printf("%d passed, %d failed\n", h_passed, h_failed), h_failed ? 1 : 0)

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL on error. */
static inline char *h_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (cap - n < 65536) {
      cap = cap ? cap * 2 : 65536;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = p;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0)
      break;
  }
  fclose(f);
  buf[n] = '\0';
  if (len)
    *len = n;
  return buf;
}

/* Path of ../shared (CROSSREAD_SHARED), or NULL when the folder is absent. */
static inline const char *h_shared_dir(void) {
  const char *d = getenv("CROSSREAD_SHARED");
  if (!d || !*d)
    return NULL;
  char probe[4096];
  snprintf(probe, sizeof probe, "%s/data", d);
  FILE *f = fopen(probe, "r");
  if (!f)
    return NULL;
  fclose(f);
  return d;
}

#endif
