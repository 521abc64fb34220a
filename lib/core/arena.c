/* arena.c -- chunked bump allocator with a cap (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"

typedef struct chunk {
  struct chunk *next;
  size_t size; /* usable bytes after the header */
  size_t used;
  max_align_t align_[]; /* data follows, aligned */
} chunk;

struct cr_arena {
  chunk *head; /* current chunk; older ones follow */
  size_t first;
  size_t cap;
  size_t total; /* bytes handed out */
  size_t reserved;
  void *last; /* most recent allocation, for realloc in place */
  size_t last_size;
  int hit_cap;
};

#define ALIGN 16u
static size_t align_up(size_t n) { return (n + (ALIGN - 1)) & ~(size_t)(ALIGN - 1); }
static char *chunk_data(chunk *c) { return (char *)(c + 1); }

static chunk *chunk_new(size_t size) {
  chunk *c = cr_malloc(sizeof(chunk) + size);
  if (!c)
    return NULL;
  c->next = NULL;
  c->size = size;
  c->used = 0;
  return c;
}

cr_arena *cr_arena_new(size_t first, size_t cap) {
  cr_arena *a = cr_calloc(1, sizeof *a);
  if (!a)
    return NULL;
  a->first = first < 256 ? 256 : align_up(first);
  a->cap = cap;
  return a;
}

void *cr_arena_alloc(cr_arena *a, size_t n) {
  if (!a)
    return NULL;
  n = align_up(n ? n : 1);
  if (n > SIZE_MAX / 4)
    return NULL;
  if (a->cap && a->total + n > a->cap) {
    a->hit_cap = 1;
    return NULL;
  }
  chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t sz = a->head ? a->head->size * 2 : a->first;
    if (sz > ((size_t)64 << 20))
      sz = (size_t)64 << 20;
    if (sz < n)
      sz = n;
    c = chunk_new(sz);
    if (!c)
      return NULL;
    c->next = a->head;
    a->head = c;
    a->reserved += sz;
  }
  void *p = chunk_data(c) + c->used;
  c->used += n;
  a->total += n;
  a->last = p;
  a->last_size = n;
  return p;
}

void *cr_arena_calloc(cr_arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return NULL;
  void *p = cr_arena_alloc(a, count * size);
  if (p)
    memset(p, 0, count * size);
  return p;
}

void *cr_arena_realloc(cr_arena *a, void *p, size_t old, size_t n) {
  if (!p)
    return cr_arena_alloc(a, n);
  if (p == a->last && a->head) {
    chunk *c = a->head;
    size_t nn = align_up(n ? n : 1);
    size_t start = (size_t)((char *)p - chunk_data(c));
    if (start + nn <= c->size && (!a->cap || a->total - a->last_size + nn <= a->cap)) {
      a->total = a->total - a->last_size + nn;
      c->used = start + nn;
      a->last_size = nn;
      return p;
    }
  }
  void *q = cr_arena_alloc(a, n);
  if (q)
    memcpy(q, p, old < n ? old : n);
  return q;
}

char *cr_arena_strndup(cr_arena *a, const char *s, size_t n) {
  char *d = cr_arena_alloc(a, n + 1);
  if (!d)
    return NULL;
  if (n)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *cr_arena_strdup(cr_arena *a, const char *s) {
  return s ? cr_arena_strndup(a, s, strlen(s)) : NULL;
}

void cr_arena_reset(cr_arena *a) {
  if (!a)
    return;
  chunk *c = a->head;
  chunk *keep = NULL;
  while (c) {
    chunk *next = c->next;
    if (!next) {
      keep = c; /* the oldest, first chunk */
    } else {
      cr_free(c);
    }
    c = next;
  }
  a->head = keep;
  a->reserved = keep ? keep->size : 0;
  if (keep)
    keep->used = 0;
  a->total = 0;
  a->last = NULL;
  a->last_size = 0;
  a->hit_cap = 0;
}

void cr_arena_free(cr_arena *a) {
  if (!a)
    return;
  chunk *c = a->head;
  while (c) {
    chunk *next = c->next;
    cr_free(c);
    c = next;
  }
  cr_free(a);
}

size_t cr_arena_used(const cr_arena *a) { return a ? a->total : 0; }
int cr_arena_hit_cap(const cr_arena *a) { return a ? a->hit_cap : 0; }
