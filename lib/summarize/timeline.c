/* timeline.c -- the story's timeline: dated events (found by the claims
 * stage, relative dates already resolved) grouped when they carry the same
 * date and the same or a near-duplicate sentence, ordered by date, each
 * citing every article that reports it. See summarize.h, docs/summarize.md. */
#include <stdlib.h>
#include <string.h>

#include "span.h"
#include "summarize.h"

/* distinct near-duplicate keys of a span, sorted */
typedef struct keys {
  uint64_t *k;
  size_t n;
} keys;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int span_keys(const cr_norm *nm, const cr_sum_span *sp, cr_arena *a,
                     keys *out) {
  out->n = 0;
  out->k = cr_arena_alloc(a, (sp->ntok ? sp->ntok : 1) * sizeof *out->k);
  if (!out->k)
    return -1;
  for (uint32_t t = sp->tok; t < sp->tok + sp->ntok; t++) {
    uint64_t k = cr_sum_dup_key(&nm->tok[t]);
    if (k)
      out->k[out->n++] = k;
  }
  qsort(out->k, out->n, sizeof *out->k, cmp_u64);
  size_t w = 0;
  for (size_t i = 0; i < out->n; i++)
    if (w == 0 || out->k[i] != out->k[w - 1])
      out->k[w++] = out->k[i];
  out->n = w;
  return 0;
}

/* near-duplicates, as the summary judges them */
static int near_dup(const keys *x, const keys *y) {
  if (x->n == 0 && y->n == 0)
    return 1;
  return cr_sum_near_dup(x->k, x->n, y->k, y->n, 0.8);
}

typedef struct ev {
  const cr_tl_event *e;
  cr_sum_span sp;
  keys k;
  int64_t published; /* of its article; 0 unknown */
  uint32_t group;    /* union-find parent */
  uint32_t order;    /* input position */
} ev;

static uint32_t find(ev *v, uint32_t i) {
  while (v[i].group != i) {
    v[i].group = v[v[i].group].group;
    i = v[i].group;
  }
  return i;
}

/* earlier article first: publication time (known before unknown), then
 * input order, then sentence */
static int earlier(const ev *a, const ev *b) {
  int64_t ta = a->published, tb = b->published;
  if (ta != tb)
    return ta && tb ? ta < tb : ta != 0;
  if (a->e->doc != b->e->doc)
    return a->e->doc < b->e->doc;
  return a->e->sent < b->e->sent;
}

/* same date: the same date string (and so the same precision) */
static int same_date(const ev *a, const ev *b) {
  return strcmp(a->e->date, b->e->date) == 0;
}

static int cmp_date(const void *pa, const void *pb) {
  const ev *a = *(const ev *const *)pa, *b = *(const ev *const *)pb;
  if (a->e->order && b->e->order && a->e->order != b->e->order)
    return a->e->order < b->e->order ? -1 : 1;
  if (a->e->order && b->e->order && a->e->precision != b->e->precision &&
      !same_date(a, b)) /* one period starts where the other does */
    return a->e->precision < b->e->precision ? -1 : 1;
  int c = strcmp(a->e->date, b->e->date);
  if (c)
    return c;
  if (earlier(a, b))
    return -1;
  if (earlier(b, a))
    return 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

crossread_status cr_timeline_run(const cr_sum_doc *docs, size_t n,
                                 const cr_tl_event *evs, size_t nev,
                                 cr_arena *a, cr_timeline *out) {
  memset(out, 0, sizeof *out);
  if (nev == 0)
    return CROSSREAD_OK;
  crossread_status st = CROSSREAD_ERR_NOMEM;
  cr_arena *tmp = cr_arena_new(64 * 1024, 0);
  if (!tmp)
    return st;
  ev *v = cr_arena_calloc(tmp, nev, sizeof *v);
  ev **byd = cr_arena_alloc(tmp, nev * sizeof *byd);
  if (!v || !byd)
    goto fail;
  size_t m = 0;
  for (size_t i = 0; i < nev; i++) {
    const cr_tl_event *e = &evs[i];
    if (!e->date || !e->date[0] || e->doc >= n || !docs[e->doc].norm ||
        e->sent >= docs[e->doc].norm->nsent)
      continue; /* names no sentence: skipped, as documented */
    ev *x = &v[m];
    x->e = e;
    x->order = (uint32_t)i;
    x->published = docs[e->doc].published;
    cr_sum_span_of(docs[e->doc].norm, e->sent, &x->sp);
    if (span_keys(docs[e->doc].norm, &x->sp, tmp, &x->k))
      goto fail;
    x->group = (uint32_t)m;
    byd[m] = x;
    m++;
  }
  qsort(byd, m, sizeof *byd, cmp_date);
  /* within one date: same sentence, or near-duplicate sentences, group */
  for (size_t i = 0; i < m;) {
    size_t j = i + 1;
    while (j < m && same_date(byd[j], byd[i]))
      j++;
    for (size_t p = i; p < j; p++)
      for (size_t q = p + 1; q < j; q++) {
        const ev *x = byd[p], *y = byd[q];
        int same = x->e->doc == y->e->doc && x->e->sent == y->e->sent;
        if (same || near_dup(&x->k, &y->k)) {
          uint32_t rx = find(v, (uint32_t)(x - v)),
                   ry = find(v, (uint32_t)(y - v));
          if (rx != ry)
            v[ry > rx ? ry : rx].group = ry > rx ? rx : ry;
        }
      }
    i = j;
  }
  /* one entry per group, at the place of its first member in date order
   * (that member, from the earliest article, is the sentence shown) */
  out->items = cr_arena_calloc(a, m ? m : 1, sizeof *out->items);
  uint8_t *seen = cr_arena_calloc(tmp, m ? m : 1, 1);
  uint8_t *cite = cr_arena_calloc(tmp, n ? n : 1, 1);
  if (!out->items || !seen || !cite)
    goto fail;
  for (size_t i = 0; i < m; i++) {
    uint32_t root = find(v, (uint32_t)(byd[i] - v));
    if (seen[root])
      continue;
    seen[root] = 1;
    const ev *x = byd[i];
    memset(cite, 0, n);
    size_t nc = 0;
    for (size_t q = i; q < m && same_date(byd[q], x); q++)
      if (find(v, (uint32_t)(byd[q] - v)) == root && !cite[byd[q]->e->doc]) {
        cite[byd[q]->e->doc] = 1;
        nc++;
      }
    cr_tl_item *it = &out->items[out->n];
    const cr_norm *nm = docs[x->e->doc].norm;
    it->date = cr_arena_strdup(a, x->e->date);
    it->precision = x->e->precision;
    it->text = cr_arena_strndup(a, nm->text + x->sp.off, x->sp.len);
    it->len = x->sp.len;
    it->doc = x->e->doc;
    it->sent = x->e->sent;
    it->cites = cr_arena_alloc(a, nc * sizeof *it->cites);
    if (!it->date || !it->text || !it->cites)
      goto fail;
    for (size_t d = 0; d < n; d++)
      if (cite[d])
        it->cites[it->ncites++] = (uint32_t)d;
    out->n++;
  }
  st = CROSSREAD_OK;
fail:
  cr_arena_free(tmp);
  if (st != CROSSREAD_OK)
    memset(out, 0, sizeof *out);
  return st;
}
