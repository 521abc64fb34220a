/* test_core.c -- arena, capped buffer, string map, lexicon tables. */
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "core/table.h"
#include "harness.h"

#include <stdint.h>

static void arena_basics(void) {
  cr_arena *a = cr_arena_new(256, 0);
  CHECK(a != NULL);
  char *p = cr_arena_alloc(a, 10);
  CHECK(((uintptr_t)p % 16) == 0);
  char *s = cr_arena_strndup(a, "hello world", 5);
  CHECK_STR(s, "hello");
  /* many allocations across chunks stay valid */
  char *keep[1000];
  for (int i = 0; i < 1000; i++) {
    keep[i] = cr_arena_alloc(a, 100);
    memset(keep[i], i & 0xff, 100);
  }
  int ok = 1;
  for (int i = 0; i < 1000; i++)
    ok &= keep[i][99] == (char)(i & 0xff);
  CHECK(ok);
  CHECK(cr_arena_used(a) >= 100000);
  /* realloc of the last allocation grows in place */
  char *q = cr_arena_alloc(a, 32);
  char *r = cr_arena_realloc(a, q, 32, 64);
  CHECK(q == r);
  cr_arena_reset(a);
  CHECK_EQ(cr_arena_used(a), 0);
  CHECK(cr_arena_alloc(a, 8) != NULL);
  cr_arena_free(a);
  cr_arena_free(NULL);
}

static void arena_cap(void) {
  cr_arena *a = cr_arena_new(256, 1000);
  CHECK(cr_arena_alloc(a, 512) != NULL);
  CHECK(!cr_arena_hit_cap(a));
  CHECK(cr_arena_alloc(a, 600) == NULL);
  CHECK(cr_arena_hit_cap(a));
  cr_arena_free(a);
}

static void buf_basics(void) {
  cr_buf b;
  cr_buf_init(&b, 0);
  cr_buf_puts(&b, "abc");
  cr_buf_printf(&b, "-%d-%s", 42, "x");
  CHECK_STR(b.data, "abc-42-x");
  /* a long printf takes the slow path */
  char big[1000];
  memset(big, 'z', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  cr_buf_printf(&b, "%s", big);
  CHECK_EQ(b.len, 8 + 999);
  size_t n;
  char *d = cr_buf_steal(&b, &n);
  CHECK_EQ(n, 1007);
  CHECK(b.data == NULL);
  cr_free(d);
  /* the cap is sticky */
  cr_buf_init(&b, 10);
  CHECK_EQ(cr_buf_puts(&b, "0123456789"), 0);
  CHECK_EQ(cr_buf_putc(&b, 'x'), -1);
  CHECK(b.err);
  CHECK_EQ(cr_buf_puts(&b, ""), -1);
  cr_buf_clear(&b);
}

static void strmap_basics(void) {
  cr_strmap *m = cr_strmap_new();
  int added;
  CHECK_EQ(cr_strmap_intern(m, "alpha", 5, &added), 0);
  CHECK(added);
  CHECK_EQ(cr_strmap_intern(m, "beta", 4, &added), 1);
  CHECK_EQ(cr_strmap_intern(m, "alpha", 5, &added), 0);
  CHECK(!added);
  CHECK_EQ(cr_strmap_get(m, "gamma", 5), -1);
  char key[32];
  for (int i = 0; i < 20000; i++) {
    int n = snprintf(key, sizeof key, "k%d", i);
    cr_strmap_intern(m, key, (size_t)n, NULL);
  }
  CHECK_EQ(cr_strmap_count(m), 20002);
  CHECK_EQ(cr_strmap_get(m, "k19999", 6), 20001);
  size_t len;
  CHECK_STR(cr_strmap_key(m, 1, &len), "beta");
  CHECK_EQ(len, 4);
  /* keys with NUL bytes and the empty key */
  CHECK_EQ(cr_strmap_intern(m, "a\0b", 3, NULL), 20002);
  CHECK(cr_strmap_get(m, "a\0c", 3) == -1);
  CHECK(cr_strmap_intern(m, "", 0, NULL) == 20003);
  cr_strmap_free(m);
  cr_strmap_free(NULL);
}

static void tables(void) {
  CHECK(cr_tab_stopwords.n > 50);
  CHECK(cr_table_has(&cr_tab_stopwords, "the", 3));
  CHECK(!cr_table_has(&cr_tab_stopwords, "harbor", 6));
  /* sorted, no duplicates: binary search finds every entry */
  int all = 1;
  for (size_t i = 0; i < cr_tab_stopwords.n; i++) {
    const char *e = cr_tab_stopwords.v[i];
    all &= cr_table_find(&cr_tab_stopwords, e, strcspn(e, "|")) == e;
    if (i)
      all &= strcmp(cr_tab_stopwords.v[i - 1], e) < 0;
  }
  CHECK(all);
  const char *s;
  size_t n = cr_table_field("key|one|two", 2, &s);
  CHECK_EQ(n, 3);
  CHECK(strncmp(s, "two", 3) == 0);
  CHECK_EQ(cr_table_field("key", 1, &s), 0);
}

static void grow(void) {
  int *v = NULL;
  size_t cap = 0;
  CHECK_EQ(cr_grow((void **)&v, &cap, 100, sizeof *v), 0);
  CHECK(cap >= 100);
  CHECK_EQ(cr_grow((void **)&v, &cap, SIZE_MAX / 2, sizeof *v), -1);
  CHECK(cap >= 100); /* unchanged on failure */
  cr_free(v);
}

int main(void) {
  RUN(arena_basics);
  RUN(arena_cap);
  RUN(buf_basics);
  RUN(strmap_basics);
  RUN(tables);
  RUN(grow);
  return DONE();
}
