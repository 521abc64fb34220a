/* arena.h -- one arena per document: everything a document owns dies with one
 * cr_arena_free(). Allocation past the cap fails (NULL), and the caller turns
 * that into CROSSREAD_ERR_TOOBIG for that input only. */
#ifndef CR_CORE_ARENA_H
#define CR_CORE_ARENA_H

#include <stddef.h>

typedef struct cr_arena cr_arena;

/* chunk: size of the first chunk; cap: hard limit of bytes (0 = no limit). */
cr_arena *cr_arena_new(size_t chunk, size_t cap);
void *cr_arena_alloc(cr_arena *a, size_t n);  /* 16-byte aligned; NULL at cap */
void *cr_arena_calloc(cr_arena *a, size_t count, size_t size);
char *cr_arena_strndup(cr_arena *a, const char *s, size_t n);
char *cr_arena_strdup(cr_arena *a, const char *s); /* NULL s -> NULL */
/* Resize the most recent allocation in place when possible, else copy. */
void *cr_arena_realloc(cr_arena *a, void *p, size_t old, size_t n);
void cr_arena_reset(cr_arena *a); /* keep the first chunk for the next doc */
void cr_arena_free(cr_arena *a);  /* NULL ok */
size_t cr_arena_used(const cr_arena *a);
/* 1 once an allocation failed because of the cap (not of memory). */
int cr_arena_hit_cap(const cr_arena *a);

#endif
