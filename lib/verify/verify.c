/* verify.c -- the cross-check stage's entry point (see verify.h): the
 * lexicons, a 64-bit key map, and the order of the work for one story:
 * read the documents, make claim records, align them into facts, then the
 * quotes and the timeline. See docs/verify.md. */
#include <libstemmer.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/table.h"
#include "verify_int.h"

/* ---- map
 * -------------------------------------------------------------------*/

int cr_verify_map_init(vmap *m, size_t expect) {
  size_t cap = 64;
  while (cap < expect * 2)
    cap <<= 1;
  m->k = cr_calloc(cap, sizeof *m->k);
  m->v = cr_calloc(cap, sizeof *m->v);
  m->n = 0;
  m->cap = cap;
  if (!m->k || !m->v) {
    cr_verify_map_free(m);
    return -1;
  }
  return 0;
}

void cr_verify_map_free(vmap *m) {
  cr_free(m->k);
  cr_free(m->v);
  memset(m, 0, sizeof *m);
}

static uint64_t mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return k;
}

static int grow(vmap *m) {
  vmap g;
  if (cr_verify_map_init(&g, m->cap))
    return -1;
  for (size_t i = 0; i < m->cap; i++)
    if (m->k[i]) {
      size_t j = mix(m->k[i]) & (g.cap - 1);
      while (g.k[j])
        j = (j + 1) & (g.cap - 1);
      g.k[j] = m->k[i];
      g.v[j] = m->v[i];
      g.n++;
    }
  cr_verify_map_free(m);
  *m = g;
  return 0;
}

double *cr_verify_map_put(vmap *m, uint64_t key) {
  if (!key)
    key = 1;
  if ((m->n + 1) * 2 > m->cap && grow(m))
    return NULL;
  size_t j = mix(key) & (m->cap - 1);
  while (m->k[j] && m->k[j] != key)
    j = (j + 1) & (m->cap - 1);
  if (!m->k[j]) {
    m->k[j] = key;
    m->v[j] = 0;
    m->n++;
  }
  return &m->v[j];
}

const double *cr_verify_map_get(const vmap *m, uint64_t key) {
  if (!key)
    key = 1;
  if (!m->cap)
    return NULL;
  size_t j = mix(key) & (m->cap - 1);
  while (m->k[j]) {
    if (m->k[j] == key)
      return &m->v[j];
    j = (j + 1) & (m->cap - 1);
  }
  return NULL;
}

/* ---- lexicons
 * ----------------------------------------------------------------*/

uint64_t cr_verify_stem_hash(cr_verify *v, const char *w, size_t len) {
  const sb_symbol *s = sb_stemmer_stem(v->stem, (const sb_symbol *)w, (int)len);
  if (!s)
    return cr_hash64(w, len);
  return cr_hash64(s, (size_t)sb_stemmer_length(v->stem));
}

int cr_verify_pred_class(const cr_verify *v, uint64_t stem_hash) {
  const double *c = cr_verify_map_get(&v->pred, stem_hash);
  return c ? (int)*c % VP_OF : VP_NONE;
}

int cr_verify_pred_of_only(const cr_verify *v, uint64_t stem_hash) {
  const double *c = cr_verify_map_get(&v->pred, stem_hash);
  return c && (int)*c >= VP_OF;
}

int cr_verify_noun_class(const char *w, size_t len, char *g) {
  const char *e = cr_table_find(&cr_tab_verify_nouns, w, len);
  if (g)
    *g = 0;
  if (!e)
    return cr_verify_is_demonym(w, len) ? 1 : 0;
  const char *f;
  size_t fl = cr_table_field(e, 2, &f);
  if (g && fl == 1 && (f[0] == 'm' || f[0] == 'f'))
    *g = f[0];
  return 1;
}

int cr_verify_is_demonym(const char *w, size_t len) {
  const char *e = cr_table_find(&cr_tab_demonyms, w, len);
  if (!e)
    return 0;
  const char *f;
  size_t fl = cr_table_field(e, 1, &f);
  return fl == 3 && memcmp(f, "nat", 3) == 0;
}

static int class_id(cr_verify *v, const char *name, size_t len) {
  for (int i = 1; i <= v->nclasses; i++)
    if (strlen(v->classes[i]) == len && memcmp(v->classes[i], name, len) == 0)
      return i;
  if (v->nclasses >= VP_MAX || len >= sizeof v->classes[0])
    return VP_NONE;
  v->nclasses++;
  memcpy(v->classes[v->nclasses], name, len);
  v->classes[v->nclasses][len] = '\0';
  return v->nclasses;
}

cr_verify *cr_verify_new(void) {
  cr_verify *v = cr_calloc(1, sizeof *v);
  if (!v)
    return NULL;
  v->stem = sb_stemmer_new("english", "UTF_8");
  if (!v->stem || cr_verify_map_init(&v->pred, cr_tab_verify_predicates.n))
    goto fail;
  for (size_t i = 0; i < cr_tab_verify_predicates.n; i++) {
    const char *e = cr_tab_verify_predicates.v[i], *f;
    size_t kl = strcspn(e, "|");
    size_t fl = cr_table_field(e, 1, &f);
    int c = fl ? class_id(v, f, fl) : VP_NONE;
    if (c == VP_NONE)
      continue;
    double *slot = cr_verify_map_put(&v->pred, cr_verify_stem_hash(v, e, kl));
    if (!slot)
      goto fail;
    fl = cr_table_field(e, 2, &f);
    *slot = c + (fl == 2 && memcmp(f, "of", 2) == 0 ? VP_OF : 0);
  }
  v->c_custody = class_id(v, "custody", 7);
  return v;
fail:
  cr_verify_free(v);
  return NULL;
}

void cr_verify_free(cr_verify *v) {
  if (!v)
    return;
  if (v->stem)
    sb_stemmer_delete(v->stem);
  cr_verify_map_free(&v->pred);
  cr_free(v);
}

/* ---- story entities
 * ------------------------------------------------------------*/

const char *cr_verify_entity_id(vrun *R, int32_t e) {
  if (e < 0 || (size_t)e >= R->s->nentities)
    return NULL;
  return R->s->entities[e].id;
}

const char *cr_verify_entity_name(vrun *R, int32_t e) {
  if (e < 0 || (size_t)e >= R->s->nentities)
    return NULL;
  return R->s->entities[e].name;
}

/* ---- the stage
 * ---------------------------------------------------------------------*/

crossread_status cr_verify_story(cr_verify *v, const cr_verify_doc *docs,
                                 size_t n, const cr_alias *al, cr_arena *a,
                                 cr_story *s) {
  vrun R;
  memset(&R, 0, sizeof R);
  R.v = v;
  R.docs = docs;
  R.n = n;
  R.al = al;
  R.a = a;
  R.s = s;
  s->claims = NULL;
  s->nclaims = 0;
  s->conflicts = NULL;
  s->nconflicts = 0;
  s->timeline = NULL;
  s->ntimeline = 0;
  s->quotes = NULL;
  s->nquotes = 0;
  crossread_status st = CROSSREAD_ERR_NOMEM;
  R.tmp = cr_arena_new(256 * 1024, 0);
  if (!R.tmp || cr_verify_map_init(&R.df, 1024))
    goto fail;
  if (cr_verify_read_docs(&R) || cr_verify_records(&R) || cr_verify_align(&R) ||
      cr_verify_quotes(&R) || cr_verify_timeline(&R))
    goto fail;
  st = CROSSREAD_OK;
fail:
  if (st != CROSSREAD_OK) {
    s->claims = NULL;
    s->nclaims = 0;
    s->conflicts = NULL;
    s->nconflicts = 0;
    s->timeline = NULL;
    s->ntimeline = 0;
    s->quotes = NULL;
    s->nquotes = 0;
  }
  cr_verify_map_free(&R.df);
  cr_arena_free(R.tmp);
  return st;
}
