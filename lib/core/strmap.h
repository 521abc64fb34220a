/* strmap.h -- open-addressing hash map from byte strings to 32-bit ids
 * (string interning): the vocabulary of document frequencies, entity
 * aliases, outlets. Keys are copied into the map's own pool; ids are dense
 * (0, 1, 2, ... in insertion order) so callers keep parallel arrays. */
#ifndef CR_CORE_STRMAP_H
#define CR_CORE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct cr_strmap cr_strmap;

cr_strmap *cr_strmap_new(void);
void cr_strmap_free(cr_strmap *m); /* NULL ok */
/* id of the key, or -1 when absent */
int64_t cr_strmap_get(const cr_strmap *m, const char *key, size_t len);
/* id of the key, adding it when absent (*added = 1); -1 on out of memory */
int64_t cr_strmap_intern(cr_strmap *m, const char *key, size_t len, int *added);
/* the key of an id (NUL-terminated), its length in *len */
const char *cr_strmap_key(const cr_strmap *m, uint32_t id, size_t *len);
size_t cr_strmap_count(const cr_strmap *m);
size_t cr_strmap_bytes(const cr_strmap *m); /* memory held */

uint64_t cr_hash64(const void *p, size_t n); /* xxh3, seedless */

#endif
