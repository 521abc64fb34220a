/* alias.c -- the entities of a story across its articles (see entities.h):
 * people by the name matcher (name.c) with complete linkage, so a chain of
 * partial matches never joins two people; a surname alone joins the one
 * person it fits; places and organisations by their canonical key or an
 * acronym. Owns its memory (one arena), so documents may go. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "entities.h"
#include "lex.h"
#include "name.h"

typedef struct aent {
  uint32_t doc, ent;
  uint8_t kind;
  uint8_t full; /* a person with given name and surname */
  cr_name name;
  const char *key;
  const char **var; /* spellings */
  uint32_t *vcnt;
  size_t nvar;
  uint32_t mentions;
  int32_t cluster;
} aent;

struct cr_alias {
  const cr_entities *E;
  const cr_entlex *lx;
  cr_arena *a;
  aent *v;
  size_t n, cap;
  cr_story_entity *out;
  size_t nout;
  int32_t *order; /* cluster -> output index */
};

cr_alias *cr_alias_new(const cr_entities *E) {
  cr_alias *al = cr_calloc(1, sizeof *al);
  if (!al)
    return NULL;
  al->E = E;
  al->lx = cr_entities_lex(E);
  al->a = cr_arena_new(64 * 1024, 0);
  if (!al->a) {
    cr_free(al);
    return NULL;
  }
  return al;
}

void cr_alias_free(cr_alias *al) {
  if (!al)
    return;
  cr_arena_free(al->a);
  cr_free(al->v);
  cr_free(al);
}

int cr_alias_add(cr_alias *al, uint32_t doc, const cr_norm *n,
                 const cr_ents *ents) {
  if (cr_grow((void **)&al->v, &al->cap, al->n + ents->ne, sizeof *al->v))
    return -1;
  size_t base = al->n;
  for (size_t e = 0; e < ents->ne; e++) {
    const cr_entity *src = &ents->e[e];
    aent *x = &al->v[base + e];
    memset(x, 0, sizeof *x);
    x->doc = doc;
    x->ent = (uint32_t)e;
    x->kind = src->kind;
    x->cluster = -1;
    x->key = cr_arena_strdup(al->a, src->key ? src->key : "");
    x->var = cr_arena_calloc(al->a, src->mentions + 1, sizeof *x->var);
    x->vcnt = cr_arena_calloc(al->a, src->mentions + 1, sizeof *x->vcnt);
    if (!x->key || !x->var || !x->vcnt)
      return -1;
    if (src->kind == CR_ENT_PER && src->name &&
        cr_name_parse(al->lx, src->name, strlen(src->name), &x->name) == 0)
      x->full = x->name.nw >= 2 && !x->name.w[0].initial;
  }
  for (size_t i = 0; i < ents->nm; i++) {
    const cr_mention *m = &ents->m[i];
    if (m->entity < 0 || (m->flags & CR_MF_PRONOUN))
      continue;
    aent *x = &al->v[base + (size_t)m->entity];
    const char *s = n->text + m->off;
    size_t k = 0;
    while (k < x->nvar &&
           !(strlen(x->var[k]) == m->len && memcmp(x->var[k], s, m->len) == 0))
      k++;
    if (k == x->nvar) {
      if (x->nvar > ents->e[m->entity].mentions)
        continue;
      x->var[k] = cr_arena_strndup(al->a, s, m->len);
      if (!x->var[k])
        return -1;
      x->nvar++;
    }
    x->vcnt[k]++;
    x->mentions++;
  }
  al->n += ents->ne;
  return 0;
}

/* ---- resolution
 * ---------------------------------------------------------------*/

typedef struct cluster {
  size_t *mem;
  size_t n, cap;
  uint32_t mentions;
  uint8_t kind;
} cluster;

static int cl_add(cluster *c, size_t i, uint32_t mentions) {
  if (cr_grow((void **)&c->mem, &c->cap, c->n + 1, sizeof *c->mem))
    return -1;
  c->mem[c->n++] = i;
  c->mentions += mentions;
  return 0;
}

static int same_doc(const cr_alias *al, const cluster *c, uint32_t doc) {
  for (size_t k = 0; k < c->n; k++)
    if (al->v[c->mem[k]].doc == doc)
      return 1;
  return 0;
}

/* Every person of the cluster is compatible with x (two full names must
 * agree in full) and x's document has none of them yet. */
static int fits(const cr_alias *al, const cluster *c, const aent *x) {
  if (c->kind != CR_ENT_PER || same_doc(al, c, x->doc))
    return 0;
  int any = 0;
  for (size_t k = 0; k < c->n; k++) {
    const aent *y = &al->v[c->mem[k]];
    int r = cr_name_match(al->lx, &y->name, &x->name);
    if (r == 0)
      return 0;
    if (x->full && y->full && r < 2)
      return 0;
    any = 1;
  }
  return any;
}

static int by_mentions(const void *a, const void *b) {
  const aent *x = *(const aent *const *)a, *y = *(const aent *const *)b;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  if (x->doc != y->doc)
    return x->doc < y->doc ? -1 : 1;
  return x->ent < y->ent ? -1 : x->ent > y->ent;
}

int cr_alias_resolve(cr_alias *al) {
  size_t n = al->n;
  cluster *cl = cr_calloc(n ? n : 1, sizeof *cl);
  aent **ord = cr_calloc(n ? n : 1, sizeof *ord);
  int rc = -1;
  size_t ncl = 0;
  if (!cl || !ord)
    goto fail;
  for (size_t i = 0; i < n; i++)
    ord[i] = &al->v[i];
  qsort(ord, n, sizeof *ord, by_mentions);
  /* people: full names, then partial ones (only where one person fits) */
  for (int pass = 0; pass < 2; pass++) {
    for (size_t o = 0; o < n; o++) {
      aent *x = ord[o];
      if (x->kind != CR_ENT_PER || x->full != (pass == 0) || !x->name.nw)
        continue;
      int32_t best = -1;
      int nfit = 0;
      for (size_t c = 0; c < ncl; c++) {
        if (!fits(al, &cl[c], x))
          continue;
        nfit++;
        if (best < 0 || cl[c].mentions > cl[best].mentions)
          best = (int32_t)c;
      }
      if (pass == 1 && nfit > 1)
        best = -1; /* a surname two people share stays apart */
      if (best < 0) {
        best = (int32_t)ncl++;
        cl[best].kind = CR_ENT_PER;
      }
      if (cl_add(&cl[best], (size_t)(x - al->v), x->mentions))
        goto fail;
      x->cluster = best;
    }
  }
  /* places and organisations: one key, or an acronym of it */
  for (size_t o = 0; o < n; o++) {
    aent *x = ord[o];
    if (x->kind == CR_ENT_PER && x->name.nw)
      continue;
    int32_t best = -1;
    for (size_t c = 0; c < ncl && best < 0; c++) {
      if (cl[c].kind == CR_ENT_PER || same_doc(al, &cl[c], x->doc))
        continue;
      const aent *y = &al->v[cl[c].mem[0]];
      if (strcmp(y->key, x->key) == 0 ||
          cr_entlex_is_acronym(al->lx, x->key, y->key) ||
          cr_entlex_is_acronym(al->lx, y->key, x->key))
        best = (int32_t)c;
    }
    if (best < 0) {
      best = (int32_t)ncl++;
      cl[best].kind = x->kind;
    }
    if (cl_add(&cl[best], (size_t)(x - al->v), x->mentions))
      goto fail;
    x->cluster = best;
  }
  /* story entities, most mentioned first */
  al->out = cr_arena_calloc(al->a, ncl ? ncl : 1, sizeof *al->out);
  al->order = cr_arena_calloc(al->a, ncl ? ncl : 1, sizeof *al->order);
  if (!al->out || !al->order)
    goto fail;
  size_t *co = cr_calloc(ncl ? ncl : 1, sizeof *co);
  if (!co)
    goto fail;
  for (size_t c = 0; c < ncl; c++) {
    size_t j = c;
    while (j > 0 && cl[co[j - 1]].mentions < cl[c].mentions) {
      co[j] = co[j - 1];
      j--;
    }
    co[j] = c;
  }
  for (size_t r = 0; r < ncl; r++) {
    cluster *c = &cl[co[r]];
    cr_story_entity *se = &al->out[r];
    al->order[co[r]] = (int32_t)r;
    size_t nv = 0;
    uint32_t votes[4] = {0};
    for (size_t k = 0; k < c->n; k++) {
      nv += al->v[c->mem[k]].nvar;
      votes[al->v[c->mem[k]].kind] += al->v[c->mem[k]].mentions;
    }
    se->kind = (uint8_t)(votes[CR_ENT_PER] >= votes[CR_ENT_ORG] &&
                                 votes[CR_ENT_PER] >= votes[CR_ENT_LOC]
                             ? CR_ENT_PER
                         : votes[CR_ENT_ORG] > votes[CR_ENT_LOC] ? CR_ENT_ORG
                                                                 : CR_ENT_LOC);
    se->variants = cr_arena_calloc(al->a, nv + 1, sizeof *se->variants);
    uint32_t *vc = cr_arena_calloc(al->a, nv + 1, sizeof *vc);
    se->docs = cr_arena_calloc(al->a, c->n + 1, sizeof *se->docs);
    if (!se->variants || !vc || !se->docs) {
      cr_free(co);
      goto fail;
    }
    /* members in document order */
    for (size_t k = 1; k < c->n; k++) {
      size_t m = c->mem[k], j = k;
      while (j > 0 && (al->v[c->mem[j - 1]].doc > al->v[m].doc ||
                       (al->v[c->mem[j - 1]].doc == al->v[m].doc &&
                        al->v[c->mem[j - 1]].ent > al->v[m].ent))) {
        c->mem[j] = c->mem[j - 1];
        j--;
      }
      c->mem[j] = m;
    }
    int best = -1;
    uint32_t bestc = 0;
    size_t bestw = 0;
    for (size_t k = 0; k < c->n; k++) {
      const aent *x = &al->v[c->mem[k]];
      if (!se->ndocs || se->docs[se->ndocs - 1] != x->doc)
        se->docs[se->ndocs++] = x->doc;
      se->mentions += x->mentions;
      for (size_t v = 0; v < x->nvar; v++) {
        size_t j = 0;
        while (j < se->nvariants && strcmp(se->variants[j], x->var[v]))
          j++;
        if (j == se->nvariants)
          se->variants[se->nvariants++] = x->var[v];
        vc[j] += x->vcnt[v];
      }
    }
    /* the name: among the fullest spellings (most words), the most used;
     * a spelling in capitals only (a dateline) when there is no other */
    for (size_t j = 0; j < se->nvariants; j++) {
      size_t w = 1;
      int lower = 0;
      for (const char *p = se->variants[j]; *p; p++) {
        w += *p == ' ';
        lower |= *p >= 'a' && *p <= 'z';
      }
      if (se->kind != CR_ENT_PER)
        w = 1; /* "U.S." may well be the name of a place */
      w = w * 2 + (size_t)lower;
      if (best < 0 || w > bestw || (w == bestw && vc[j] > bestc)) {
        best = (int)j;
        bestw = w;
        bestc = vc[j];
      }
    }
    se->name = best >= 0 ? se->variants[best] : "";
  }
  cr_free(co);
  al->nout = ncl;
  rc = 0;
fail:
  for (size_t c = 0; cl && c < n; c++)
    cr_free(cl[c].mem);
  cr_free(cl);
  cr_free(ord);
  return rc;
}

size_t cr_alias_count(const cr_alias *al) { return al ? al->nout : 0; }

const cr_story_entity *cr_alias_get(const cr_alias *al, size_t i) {
  return al && i < al->nout ? &al->out[i] : NULL;
}

int32_t cr_alias_of(const cr_alias *al, uint32_t doc, uint32_t entity) {
  if (!al || !al->order)
    return -1;
  for (size_t i = 0; i < al->n; i++)
    if (al->v[i].doc == doc && al->v[i].ent == entity)
      return al->v[i].cluster >= 0 ? al->order[al->v[i].cluster] : -1;
  return -1;
}
