/* alloc.c -- allocation hook (see alloc.h). */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crossread.h"

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

void crossread_set_allocator(void *(*malloc_fn)(size_t),
                             void *(*realloc_fn)(void *, size_t),
                             void (*free_fn)(void *)) {
  hook_malloc = malloc_fn ? malloc_fn : malloc;
  hook_realloc = realloc_fn ? realloc_fn : realloc;
  hook_free = free_fn ? free_fn : free;
}

void *cr_malloc(size_t n) { return hook_malloc(n ? n : 1); }

void *cr_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return NULL;
  void *p = cr_malloc(count * size);
  if (p)
    memset(p, 0, count * size);
  return p;
}

void *cr_realloc(void *p, size_t n) { return hook_realloc(p, n ? n : 1); }

void cr_free(void *p) {
  if (p)
    hook_free(p);
}

void crossread_free(void *p) { cr_free(p); }

char *cr_strndup(const char *s, size_t n) {
  char *d = cr_malloc(n + 1);
  if (!d)
    return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *cr_strdup(const char *s) { return cr_strndup(s, strlen(s)); }

int cr_grow(void **arr, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return 0;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2)
      return -1;
    ncap *= 2;
  }
  if (size && ncap > SIZE_MAX / size)
    return -1;
  void *p = cr_realloc(*arr, ncap * size);
  if (!p)
    return -1;
  *arr = p;
  *cap = ncap;
  return 0;
}
