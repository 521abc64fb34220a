/* table.c -- binary search in the compiled lexicons (see table.h). */
#include "table.h"

#include <string.h>

static int cmp_key(const char *entry, const char *k, size_t len) {
  size_t el = strcspn(entry, "|");
  size_t l = el < len ? el : len;
  int c = memcmp(entry, k, l);
  if (c)
    return c;
  return el == len ? 0 : (el < len ? -1 : 1);
}

const char *cr_table_find(const cr_table *t, const char *k, size_t len) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cmp_key(t->v[mid], k, len) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < t->n && cmp_key(t->v[lo], k, len) == 0)
    return t->v[lo];
  return NULL;
}

int cr_table_has(const cr_table *t, const char *k, size_t len) {
  return cr_table_find(t, k, len) != NULL;
}

size_t cr_table_field(const char *entry, int i, const char **s) {
  const char *p = entry;
  for (; i > 0; i--) {
    p = strchr(p, '|');
    if (!p)
      return 0;
    p++;
  }
  *s = p;
  return strcspn(p, "|");
}
