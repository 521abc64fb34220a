/* table.c -- binary search in the compiled lexicons (see table.h). */
#include "table.h"

#include <string.h>

/* Compare the key of an entry (up to '|' or the end) with k[0..len), in
 * the order of tools/gen_tables.c (bytes, then the shorter first) without
 * measuring the entry first. */
static int cmp_key(const char *entry, const char *k, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char e = (unsigned char)entry[i], c = (unsigned char)k[i];
    if (e == '|' || e == '\0')
      return -1; /* the entry's key is a prefix of k */
    if (e != c)
      return e < c ? -1 : 1;
  }
  return entry[len] == '|' || entry[len] == '\0' ? 0 : 1;
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
