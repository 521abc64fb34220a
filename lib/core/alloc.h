/* alloc.h -- the one allocation hook of libcrossread.
 * Every heap allocation of the library goes through cr_malloc/cr_realloc/cr_free
 * so tests can fail the Nth allocation (tests/unit/test_alloc_fail.c). */
#ifndef CR_CORE_ALLOC_H
#define CR_CORE_ALLOC_H

#include <stddef.h>

void *cr_malloc(size_t n);
void *cr_calloc(size_t count, size_t size);
void *cr_realloc(void *p, size_t n);
void cr_free(void *p);
char *cr_strdup(const char *s);
char *cr_strndup(const char *s, size_t n);

/* Grow an array to hold at least `need` elements of `size` bytes; doubles.
 * Returns 0 on success, -1 when out of memory or on overflow (array kept). */
int cr_grow(void **arr, size_t *cap, size_t need, size_t size);

#endif
