/* table.h -- lookups in the lexicons compiled from data/ (gen/tables.h).
 * Entries are "key" or "key|field|field..."; tables are sorted by key. */
#ifndef CR_CORE_TABLE_H
#define CR_CORE_TABLE_H

#include <stddef.h>

#include "tables.h"

/* The entry whose key equals k[0..len), or NULL. With duplicate keys, the
 * first one. */
const char *cr_table_find(const cr_table *t, const char *k, size_t len);
int cr_table_has(const cr_table *t, const char *k, size_t len);
/* Field i (0 = key) of an entry: start in *s, length returned; 0 if absent. */
size_t cr_table_field(const char *entry, int i, const char **s);

#endif
