/* strmap.c -- string interning hash map (see strmap.h). Linear probing over
 * a power-of-two table of (hash, id) slots; keys live in one growing pool. */
#include "strmap.h"

#include <string.h>
#include <xxhash.h>

#include "alloc.h"

typedef struct slot {
  uint64_t hash;
  uint32_t id; /* id + 1; 0 = empty */
} slot;

struct cr_strmap {
  slot *tab;
  size_t mask; /* table size - 1 */
  size_t count;
  char *pool; /* keys, each NUL-terminated */
  size_t pool_len, pool_cap;
  uint32_t *off; /* key offsets in pool, by id */
  uint32_t *klen;
  size_t off_cap;
};

uint64_t cr_hash64(const void *p, size_t n) { return XXH3_64bits(p, n); }

cr_strmap *cr_strmap_new(void) {
  cr_strmap *m = cr_calloc(1, sizeof *m);
  if (!m)
    return NULL;
  m->tab = cr_calloc(64, sizeof(slot));
  if (!m->tab) {
    cr_free(m);
    return NULL;
  }
  m->mask = 63;
  return m;
}

void cr_strmap_free(cr_strmap *m) {
  if (!m)
    return;
  cr_free(m->tab);
  cr_free(m->pool);
  cr_free(m->off);
  cr_free(m->klen);
  cr_free(m);
}

static int key_eq(const cr_strmap *m, uint32_t id, const char *k, size_t len) {
  return m->klen[id] == len && memcmp(m->pool + m->off[id], k, len) == 0;
}

int64_t cr_strmap_get(const cr_strmap *m, const char *key, size_t len) {
  uint64_t h = cr_hash64(key, len);
  for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
    const slot *s = &m->tab[i];
    if (!s->id)
      return -1;
    if (s->hash == h && key_eq(m, s->id - 1, key, len))
      return s->id - 1;
  }
}

static int rehash(cr_strmap *m) {
  size_t nsize = (m->mask + 1) * 2;
  slot *nt = cr_calloc(nsize, sizeof(slot));
  if (!nt)
    return -1;
  for (size_t i = 0; i <= m->mask; i++) {
    slot s = m->tab[i];
    if (!s.id)
      continue;
    size_t j = s.hash & (nsize - 1);
    while (nt[j].id)
      j = (j + 1) & (nsize - 1);
    nt[j] = s;
  }
  cr_free(m->tab);
  m->tab = nt;
  m->mask = nsize - 1;
  return 0;
}

int64_t cr_strmap_intern(cr_strmap *m, const char *key, size_t len, int *added) {
  if (added)
    *added = 0;
  if (len > UINT32_MAX / 2)
    return -1;
  uint64_t h = cr_hash64(key, len);
  if ((m->count + 1) * 4 > (m->mask + 1) * 3 && rehash(m) &&
      m->count + 2 > m->mask)
    return -1; /* never let the table fill: lookups need an empty slot */
  size_t i;
  for (i = h & m->mask; m->tab[i].id; i = (i + 1) & m->mask) {
    if (m->tab[i].hash == h && key_eq(m, m->tab[i].id - 1, key, len))
      return m->tab[i].id - 1;
  }
  if (m->count >= UINT32_MAX - 1)
    return -1;
  if (m->pool_len + len + 1 > UINT32_MAX)
    return -1;
  if (cr_grow((void **)&m->pool, &m->pool_cap, m->pool_len + len + 1, 1))
    return -1;
  size_t cap = m->off_cap;
  if (cr_grow((void **)&m->off, &cap, m->count + 1, sizeof(uint32_t)))
    return -1;
  if (cr_grow((void **)&m->klen, &m->off_cap, m->count + 1, sizeof(uint32_t)))
    return -1;
  if (m->off_cap != cap) { /* keep both arrays at the same capacity */
    void *p = cr_realloc(m->off, m->off_cap * sizeof(uint32_t));
    if (!p)
      return -1;
    m->off = p;
  }
  uint32_t id = (uint32_t)m->count;
  memcpy(m->pool + m->pool_len, key, len);
  m->pool[m->pool_len + len] = '\0';
  m->off[id] = (uint32_t)m->pool_len;
  m->klen[id] = (uint32_t)len;
  m->pool_len += len + 1;
  m->tab[i].hash = h;
  m->tab[i].id = id + 1;
  m->count++;
  if (added)
    *added = 1;
  return id;
}

const char *cr_strmap_key(const cr_strmap *m, uint32_t id, size_t *len) {
  if (id >= m->count)
    return NULL;
  if (len)
    *len = m->klen[id];
  return m->pool + m->off[id];
}

size_t cr_strmap_count(const cr_strmap *m) { return m ? m->count : 0; }

size_t cr_strmap_bytes(const cr_strmap *m) {
  return m ? sizeof *m + (m->mask + 1) * sizeof(slot) + m->pool_cap +
                 2 * m->off_cap * sizeof(uint32_t)
           : 0;
}
