/* keyindex.c -- the inverted index of the dedup stage: 32-bit keys to the
 * documents holding them, as one open-addressing table of (key, seq) pairs
 * with duplicates, 8 bytes an entry. Eviction is lazy (see dedup_int.h). */
#include "dedup_int.h"

#include <string.h>

#include "core/alloc.h"

static size_t slot_of(uint32_t key, size_t mask) {
  uint32_t h = key * 0x9E3779B1u;
  return (size_t)(h ^ (h >> 15)) & mask;
}

static int table_alloc(cr_keyindex *ix, size_t slots) {
  uint32_t *k = cr_calloc(slots, sizeof *k);
  uint32_t *s = cr_calloc(slots, sizeof *s);
  if (!k || !s) {
    cr_free(k);
    cr_free(s);
    return -1;
  }
  ix->key = k;
  ix->seq = s;
  ix->mask = slots - 1;
  ix->used = 0;
  return 0;
}

int cr_keyindex_init(cr_keyindex *ix, uint32_t cap_per_key) {
  memset(ix, 0, sizeof *ix);
  ix->cap_per_key = cap_per_key ? cap_per_key : 32;
  ix->first_live = 1;
  return table_alloc(ix, 1024);
}

void cr_keyindex_clear(cr_keyindex *ix) {
  cr_free(ix->key);
  cr_free(ix->seq);
  memset(ix, 0, sizeof *ix);
}

size_t cr_keyindex_get(const cr_keyindex *ix, uint32_t key, uint32_t *seqs,
                       size_t max) {
  size_t n = 0;
  for (size_t i = slot_of(key, ix->mask);; i = (i + 1) & ix->mask) {
    uint32_t s = ix->seq[i];
    if (!s)
      break;
    if (ix->key[i] == key && s >= ix->first_live) {
      if (n < max)
        seqs[n] = s;
      n++;
    }
  }
  return n;
}

static void put(cr_keyindex *ix, uint32_t key, uint32_t seq) {
  size_t i = slot_of(key, ix->mask);
  while (ix->seq[i])
    i = (i + 1) & ix->mask;
  ix->key[i] = key;
  ix->seq[i] = seq;
  ix->used++;
}

/* Rebuild without dead entries, doubling when the live ones need room. */
static int rebuild(cr_keyindex *ix) {
  size_t slots = ix->mask + 1;
  while (ix->live * 2 > slots && slots < ((size_t)1 << 31))
    slots *= 2;
  while (slots > 1024 && ix->live * 8 < slots)
    slots /= 2;
  uint32_t *ok = ix->key, *os = ix->seq;
  size_t oslots = ix->mask + 1;
  if (table_alloc(ix, slots)) {
    ix->key = ok;
    ix->seq = os;
    ix->mask = oslots - 1;
    return -1;
  }
  size_t live = 0;
  for (size_t i = 0; i < oslots; i++)
    if (os[i] >= ix->first_live) {
      put(ix, ok[i], os[i]);
      live++;
    }
  ix->live = live;
  cr_free(ok);
  cr_free(os);
  return 0;
}

int cr_keyindex_add(cr_keyindex *ix, uint32_t key, uint32_t seq) {
  if ((ix->used + 1) * 4 > (ix->mask + 1) * 3 && rebuild(ix))
    return -1;
  size_t same = 0, tomb = SIZE_MAX;
  size_t i = slot_of(key, ix->mask);
  for (;; i = (i + 1) & ix->mask) {
    uint32_t s = ix->seq[i];
    if (!s)
      break;
    if (s < ix->first_live) {
      if (tomb == SIZE_MAX)
        tomb = i;
    } else if (ix->key[i] == key && ++same >= ix->cap_per_key) {
      return 0;
    }
  }
  if (tomb != SIZE_MAX) {
    ix->key[tomb] = key;
    ix->seq[tomb] = seq;
  } else {
    ix->key[i] = key;
    ix->seq[i] = seq;
    ix->used++;
  }
  ix->live++;
  return 1;
}

void cr_keyindex_evict(cr_keyindex *ix, uint32_t first_live, size_t entries) {
  if (first_live > ix->first_live)
    ix->first_live = first_live;
  ix->live = entries > ix->live ? 0 : ix->live - entries;
}

size_t cr_keyindex_bytes(const cr_keyindex *ix) {
  return (ix->mask + 1) * (sizeof *ix->key + sizeof *ix->seq);
}
