/* dedup.c -- the dedup stage (dedup.h): candidates from the inverted index,
 * verification by sentence-unit alignment, the relation of each pair, its
 * direction, origins by union-find, eviction by time window, and the
 * re-scoring at flush. Design and figures: docs/dedup.md. */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "dedup_int.h"

#define CAP_PER_KEY 32  /* live postings kept per key */
#define DF_BP 8         /* a unit in this many other documents is boilerplate */
#define SHINGLE_DF 12   /* shingles in more documents give no candidates */
#define MAX_VERIFY 64   /* candidates verified per document */
#define CAND_MIN 3.0f   /* candidate weight needed before verifying */
#define LONG_UNIT 6     /* content tokens of a unit that is not boilerplate-like */
#define SPANS_MAX 16    /* evidence spans kept per edge */

typedef struct drec {
  uint32_t doc, seq;
  int64_t time;
  uint64_t exact;
  size_t u0, f0; /* absolute positions in the unit and feature pools */
  uint32_t nunit, nfeat;
  uint32_t content;
  uint32_t nkeys; /* entries it added to the index */
  uint8_t credit; /* carries a wire or syndication credit */
  uint32_t outlet; /* hash of the outlet's name, 0 when unknown */
  uint8_t timed;  /* time is its publication time, not the stream clock */
} drec;

/* What flush needs to re-score an edge: its exactly aligned units. */
typedef struct evunit {
  uint32_t key;
  uint8_t content, flags;
} evunit;

typedef struct edge_x {
  size_t span0;
  size_t ev0;
  uint32_t nev;
} edge_x;

typedef struct cand {
  uint32_t seq;
  float w;
  uint16_t quotes, numbers;
} cand;

struct cr_dedup {
  cr_dedup_opts o;
  cr_keyindex ix;
  cr_dfp fp;
  /* window: records, their units and features, FIFO with a moving base */
  drec *rec;
  size_t rhead, rlen, rcap;
  cr_dunit *unit;
  size_t ubase, uhead, ulen, ucap;
  cr_dfeat *feat;
  size_t fbase, fhead, flen, fcap;
  uint32_t next_seq;
  int64_t clock;
  /* candidates of the current document */
  cand *cd;
  uint32_t *cslot; /* open addressing: index into cd + 1 */
  size_t ncd, cdcap, cmask;
  cand *good; /* those worth verifying */
  size_t goodcap;
  uint32_t *post;
  /* alignment scratch */
  int32_t *mi, *onext, *lis_tail, *lis_prev, *chain;
  uint8_t *mk, *oused;
  uint32_t *otab;
  size_t scap_new, scap_old, otab_mask;
  /* graph */
  cr_dedup_edge *edge;
  edge_x *ex;
  size_t nedge, ecap;
  cr_dedup_span *span;
  size_t nspan, spcap;
  evunit *ev;
  size_t nev, evcap;
  uint32_t *parent;
  size_t nparent;
  size_t run_s, run_e; /* longest run of the last verified pair: new units */
  uint8_t new_credit;  /* the document being pushed has a credit line */
  uint32_t new_outlet; /* and its outlet hash */
};

#define EV_RUN 0x80 /* evunit flag: in the longest run */

/* ---- small helpers -------------------------------------------------------*/

static int need(void **p, size_t *cap, size_t n, size_t size) {
  return n <= *cap ? 0 : cr_grow(p, cap, n, size);
}

cr_dedup *cr_dedup_new(const cr_dedup_opts *opts) {
  cr_dedup *d = cr_calloc(1, sizeof *d);
  if (!d)
    return NULL;
  if (opts)
    d->o = *opts;
  if (d->o.window_seconds <= 0)
    d->o.window_seconds = 3 * 86400;
  if (!d->o.max_docs)
    d->o.max_docs = 200000;
  d->next_seq = 1;
  d->clock = INT64_MIN;
  d->post = cr_malloc(CAP_PER_KEY * sizeof *d->post);
  if (!d->post || cr_keyindex_init(&d->ix, CAP_PER_KEY)) {
    cr_free(d->post);
    cr_free(d);
    return NULL;
  }
  return d;
}

void cr_dedup_free(cr_dedup *d) {
  if (!d)
    return;
  cr_keyindex_clear(&d->ix);
  cr_dedup_fp_clear(&d->fp);
  cr_free(d->rec);
  cr_free(d->unit);
  cr_free(d->feat);
  cr_free(d->cd);
  cr_free(d->good);
  cr_free(d->cslot);
  cr_free(d->post);
  cr_free(d->mi);
  cr_free(d->onext);
  cr_free(d->lis_tail);
  cr_free(d->lis_prev);
  cr_free(d->chain);
  cr_free(d->mk);
  cr_free(d->oused);
  cr_free(d->otab);
  cr_free(d->edge);
  cr_free(d->ex);
  cr_free(d->span);
  cr_free(d->ev);
  cr_free(d->parent);
  cr_free(d);
}

const char *cr_dedup_rel_name(int rel) {
  switch (rel) {
  case CR_DEDUP_COPY:
    return "copy";
  case CR_DEDUP_SYNDICATION:
    return "syndication";
  case CR_DEDUP_REWRITE:
    return "rewrite";
  case CR_DEDUP_PARTIAL:
    return "partial";
  default:
    return "none";
  }
}

/* ---- union-find over document indexes --------------------------------------*/

static int uf_room(cr_dedup *d, uint32_t doc) {
  if (doc < d->nparent)
    return 0;
  size_t cap = d->nparent;
  if (cr_grow((void **)&d->parent, &cap, (size_t)doc + 1, sizeof *d->parent))
    return -1;
  for (size_t i = d->nparent; i < cap; i++)
    d->parent[i] = (uint32_t)i;
  d->nparent = cap;
  return 0;
}

static uint32_t uf_find(cr_dedup *d, uint32_t x) {
  if (x >= d->nparent)
    return x;
  while (d->parent[x] != x) {
    d->parent[x] = d->parent[d->parent[x]];
    x = d->parent[x];
  }
  return x;
}

/* The smaller index stays the root, so an origin is named by its first
 * document. */
static void uf_union(cr_dedup *d, uint32_t a, uint32_t b) {
  uint32_t ra = uf_find(d, a), rb = uf_find(d, b);
  if (ra == rb)
    return;
  if (ra < rb)
    d->parent[rb] = ra;
  else
    d->parent[ra] = rb;
}

static int joins_origin(const cr_dedup_edge *e) {
  return !e->removed && e->relation && e->same_origin;
}

uint32_t cr_dedup_origin(cr_dedup *d, uint32_t doc) { return uf_find(d, doc); }

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

size_t cr_dedup_count_origins(cr_dedup *d, const uint32_t *docs, size_t n) {
  if (!n)
    return 0;
  uint32_t small[64];
  uint32_t *r = n <= 64 ? small : cr_malloc(n * sizeof *r);
  if (!r)
    return n;
  for (size_t i = 0; i < n; i++)
    r[i] = uf_find(d, docs[i]);
  qsort(r, n, sizeof *r, cmp_u32);
  size_t k = 1;
  for (size_t i = 1; i < n; i++)
    k += r[i] != r[i - 1];
  if (r != small)
    cr_free(r);
  return k;
}

/* ---- the window -------------------------------------------------------------*/

static drec *rec_of(cr_dedup *d, uint32_t seq) {
  if (d->rhead >= d->rlen)
    return NULL;
  uint32_t first = d->rec[d->rhead].seq;
  if (seq < first || seq - first >= d->rlen - d->rhead)
    return NULL;
  return &d->rec[d->rhead + (seq - first)];
}

static void evict(cr_dedup *d) {
  size_t entries = 0, n0 = d->rhead;
  while (d->rhead < d->rlen) {
    const drec *r = &d->rec[d->rhead];
    size_t live = d->rlen - d->rhead;
    int old = d->clock != INT64_MIN && r->time < d->clock - d->o.window_seconds;
    if (!old && live < d->o.max_docs)
      break;
    entries += r->nkeys;
    d->rhead++;
  }
  if (d->rhead == n0)
    return;
  uint32_t first = d->rhead < d->rlen ? d->rec[d->rhead].seq : d->next_seq;
  cr_keyindex_evict(&d->ix, first, entries);
  size_t u0 = d->rhead < d->rlen ? d->rec[d->rhead].u0 : d->ubase + d->ulen;
  size_t f0 = d->rhead < d->rlen ? d->rec[d->rhead].f0 : d->fbase + d->flen;
  d->uhead = u0 - d->ubase;
  d->fhead = f0 - d->fbase;
  /* move the live part to the front once the dead part is the bigger */
  if (d->rhead * 2 > d->rlen) {
    memmove(d->rec, d->rec + d->rhead, (d->rlen - d->rhead) * sizeof *d->rec);
    d->rlen -= d->rhead;
    d->rhead = 0;
  }
  if (d->uhead * 2 > d->ulen) {
    memmove(d->unit, d->unit + d->uhead, (d->ulen - d->uhead) * sizeof *d->unit);
    d->ulen -= d->uhead;
    d->ubase += d->uhead;
    d->uhead = 0;
  }
  if (d->fhead * 2 > d->flen) {
    memmove(d->feat, d->feat + d->fhead, (d->flen - d->fhead) * sizeof *d->feat);
    d->flen -= d->fhead;
    d->fbase += d->fhead;
    d->fhead = 0;
  }
}

size_t cr_dedup_index_bytes(const cr_dedup *d, size_t *ndocs) {
  size_t live = d->rlen - d->rhead;
  if (ndocs)
    *ndocs = live;
  return cr_keyindex_bytes(&d->ix) + live * sizeof(drec) +
         (d->ulen - d->uhead) * sizeof(cr_dunit) +
         (d->flen - d->fhead) * sizeof(cr_dfeat);
}

/* How many origins other than skip1 and skip2 hold the documents of
 * post[0..n): a line is boilerplate when it recurs across independent
 * origins, not when one wire story was copied many times. */
static size_t other_origins(cr_dedup *d, const uint32_t *post, size_t n,
                            uint32_t skip1, uint32_t skip2) {
  uint32_t o[CAP_PER_KEY];
  size_t k = 0;
  for (size_t i = 0; i < n && i < CAP_PER_KEY; i++) {
    const drec *r = rec_of(d, post[i]);
    if (!r)
      continue;
    uint32_t x = uf_find(d, r->doc);
    if (x == skip1 || x == skip2)
      continue;
    size_t j = 0;
    while (j < k && o[j] != x)
      j++;
    if (j == k)
      o[k++] = x;
  }
  return k;
}

void cr_dedup_get_stats(const cr_dedup *d, cr_dedup_stats *st) {
  memset(st, 0, sizeof *st);
  st->docs = d->rlen - d->rhead;
  st->entries = d->ix.live;
  st->slots = d->ix.mask + 1;
  st->units = d->ulen - d->uhead;
  st->features = d->flen - d->fhead;
  st->table_bytes = cr_keyindex_bytes(&d->ix);
  st->record_bytes = st->docs * sizeof(drec);
  st->unit_bytes = st->units * sizeof(cr_dunit);
  st->feature_bytes = st->features * sizeof(cr_dfeat);
  st->edges = d->nedge;
  st->evidence_bytes = d->nedge * (sizeof(cr_dedup_edge) + sizeof(edge_x)) +
                       d->nspan * sizeof(cr_dedup_span) +
                       d->nev * sizeof(evunit);
}

/* ---- candidates ----------------------------------------------------------------*/

static int cand_reset(cr_dedup *d, size_t expect) {
  size_t slots = 64;
  while (slots < expect * 2)
    slots *= 2;
  if (slots > d->cmask + 1 || !d->cslot) {
    uint32_t *s = cr_calloc(slots, sizeof *s);
    if (!s)
      return -1;
    cr_free(d->cslot);
    d->cslot = s;
    d->cmask = slots - 1;
  } else {
    for (size_t i = 0; i < d->ncd; i++) {
      size_t h = (d->cd[i].seq * 0x9E3779B1u) & d->cmask;
      while (d->cslot[h])
        d->cslot[h] = 0, h = (h + 1) & d->cmask;
    }
  }
  d->ncd = 0;
  return 0;
}

static cand *cand_get(cr_dedup *d, uint32_t seq) {
  size_t h = (seq * 0x9E3779B1u) & d->cmask;
  while (d->cslot[h]) {
    cand *c = &d->cd[d->cslot[h] - 1];
    if (c->seq == seq)
      return c;
    h = (h + 1) & d->cmask;
  }
  if ((d->ncd + 1) * 2 > d->cmask + 1)
    return NULL; /* full: later candidates are dropped */
  if (need((void **)&d->cd, &d->cdcap, d->ncd + 1, sizeof *d->cd))
    return NULL;
  cand *c = &d->cd[d->ncd++];
  memset(c, 0, sizeof *c);
  c->seq = seq;
  d->cslot[h] = (uint32_t)d->ncd;
  return c;
}

/* Shares enough quotes and figures to be worth a rewrite check. */
static int rewrite_candidate(const cand *c) {
  return c->quotes >= 3 && c->numbers >= 2;
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->w != y->w)
    return x->w > y->w ? -1 : 1;
  return x->seq > y->seq ? -1 : x->seq < y->seq; /* newer first */
}

/* ---- alignment -------------------------------------------------------------------*/

enum { M_NONE = 0, M_EXACT = 1, M_NEAR = 2 };

static int scratch(cr_dedup *d, size_t nn, size_t no) {
  if (nn > d->scap_new) {
    size_t c = nn + 64;
    int32_t *a = cr_realloc(d->mi, c * sizeof *a);
    if (!a)
      return -1;
    d->mi = a;
    uint8_t *k = cr_realloc(d->mk, c);
    if (!k)
      return -1;
    d->mk = k;
    int32_t *t = cr_realloc(d->lis_tail, c * sizeof *t);
    if (!t)
      return -1;
    d->lis_tail = t;
    int32_t *p = cr_realloc(d->lis_prev, c * sizeof *p);
    if (!p)
      return -1;
    d->lis_prev = p;
    int32_t *ch = cr_realloc(d->chain, c * sizeof *ch);
    if (!ch)
      return -1;
    d->chain = ch;
    d->scap_new = c;
  }
  if (no > d->scap_old) {
    size_t c = no + 64;
    int32_t *a = cr_realloc(d->onext, c * sizeof *a);
    if (!a)
      return -1;
    d->onext = a;
    uint8_t *u = cr_realloc(d->oused, c);
    if (!u)
      return -1;
    d->oused = u;
    d->scap_old = c;
  }
  size_t slots = 64;
  while (slots < no * 2)
    slots *= 2;
  if (slots > d->otab_mask + 1 || !d->otab) {
    uint32_t *o = cr_realloc(d->otab, slots * sizeof *o);
    if (!o)
      return -1;
    d->otab = o;
    d->otab_mask = slots - 1;
  }
  return 0;
}

static int near_unit(const cr_dunit *a, const cr_dunit *b) {
  if (a->pre != b->pre && a->suf != b->suf)
    return 0;
  unsigned x = a->content, y = b->content;
  if (x < 3 || y < 3)
    return 0;
  return x * 5 >= y * 3 && y * 5 >= x * 3;
}

typedef struct alignment {
  size_t nchain; /* new units of the ordered chain: d->chain[0..nchain) */
} alignment;

/* Pair the units of one doc with the other's: exact hash matches (first
 * unused occurrence), the longest chain of them in the same order (LIS),
 * then edited units between consecutive pairs of that chain. */
static int align(cr_dedup *d, const cr_dunit *nu, size_t nn, const cr_dunit *ou,
                 size_t no, alignment *al) {
  if (scratch(d, nn, no))
    return -1;
  memset(d->otab, 0, (d->otab_mask + 1) * sizeof *d->otab);
  memset(d->oused, 0, no);
  for (size_t j = no; j-- > 0;) {
    size_t h = ou[j].hash & d->otab_mask;
    while (d->otab[h] && ou[d->otab[h] - 1].hash != ou[j].hash)
      h = (h + 1) & d->otab_mask;
    d->onext[j] = d->otab[h] ? (int32_t)d->otab[h] - 1 : -1;
    d->otab[h] = (uint32_t)j + 1;
  }
  for (size_t i = 0; i < nn; i++) {
    d->mi[i] = -1;
    d->mk[i] = M_NONE;
    size_t h = nu[i].hash & d->otab_mask;
    while (d->otab[h] && ou[d->otab[h] - 1].hash != nu[i].hash)
      h = (h + 1) & d->otab_mask;
    /* a line repeated in the old text: take the occurrence that continues
     * the previous pair or precedes the next unit, else the first free */
    int32_t pick = -1;
    for (int32_t j = d->otab[h] ? (int32_t)d->otab[h] - 1 : -1; j >= 0;
         j = d->onext[j]) {
      if (d->oused[j])
        continue;
      if (pick < 0)
        pick = j;
      if ((i > 0 && d->mi[i - 1] >= 0 && j == d->mi[i - 1] + 1) ||
          (i + 1 < nn && (size_t)j + 1 < no && ou[j + 1].hash == nu[i + 1].hash)) {
        pick = j;
        break;
      }
      if (d->onext[j] < 0 && pick == j)
        break;
    }
    if (pick >= 0) {
      d->oused[pick] = 1;
      d->mi[i] = pick;
      d->mk[i] = M_EXACT;
    }
  }
  /* longest increasing run of old positions (patience sorting) */
  size_t len = 0;
  for (size_t i = 0; i < nn; i++) {
    if (d->mi[i] < 0)
      continue;
    size_t lo = 0, hi = len;
    while (lo < hi) {
      size_t m = (lo + hi) / 2;
      if (d->mi[d->lis_tail[m]] < d->mi[i])
        lo = m + 1;
      else
        hi = m;
    }
    d->lis_prev[i] = lo ? d->lis_tail[lo - 1] : -1;
    d->lis_tail[lo] = (int32_t)i;
    if (lo == len)
      len++;
  }
  size_t nc = 0;
  for (int32_t i = len ? d->lis_tail[len - 1] : -1; i >= 0; i = d->lis_prev[i])
    d->chain[nc++] = i;
  for (size_t a = 0, b = nc ? nc - 1 : 0; a < b; a++, b--) {
    int32_t t = d->chain[a];
    d->chain[a] = d->chain[b];
    d->chain[b] = t;
  }
  /* edited units in the gaps of the chain (and before / after it): a unit
   * is tried against the old unit at the same distance from either end of
   * the gap only, which keeps chance pairings of the short pre/suf hashes
   * rare */
  size_t added = 0;
  for (size_t g = 0; g <= nc; g++) {
    int32_t i0 = g ? d->chain[g - 1] : -1;
    int32_t j0 = g ? d->mi[i0] : -1;
    int32_t i1 = g < nc ? d->chain[g] : (int32_t)nn;
    int32_t j1 = g < nc ? d->mi[i1] : (int32_t)no;
    if (i1 - i0 - 1 <= 0 || j1 - j0 - 1 <= 0)
      continue;
    for (int32_t i = i0 + 1; i < i1; i++) {
      if (d->mi[i] >= 0)
        continue;
      int32_t cj[2] = {j0 + (i - i0), j1 - (i1 - i)};
      for (int k = 0; k < 2; k++) {
        int32_t j = cj[k];
        if (j <= j0 || j >= j1 || d->oused[j] || !near_unit(&nu[i], &ou[j]))
          continue;
        d->oused[j] = 1;
        d->mi[i] = j;
        d->mk[i] = M_NEAR;
        added++;
        break;
      }
    }
  }
  if (added) { /* rebuild the chain: the near pairs lie in its gaps */
    nc = 0;
    int32_t last = -1;
    for (size_t i = 0; i < nn; i++) {
      if (d->mi[i] <= last)
        continue;
      int in = d->mk[i] == M_NEAR;
      if (!in) { /* an exact pair is in the chain when it was before */
        in = 0;
        for (int32_t k = len ? d->lis_tail[len - 1] : -1; k >= 0;
             k = d->lis_prev[k])
          if (k == (int32_t)i) {
            in = 1;
            break;
          }
      }
      if (in) {
        d->chain[nc++] = (int32_t)i;
        last = d->mi[i];
      }
    }
  }
  al->nchain = nc;
  return 0;
}

/* ---- decision ----------------------------------------------------------------------*/

/* Is the pair reuse, and of which kind? 0 when not. Two ways to be reuse:
 * bulk (most of one text is in the other, whatever the frequencies: wire
 * copies of a story share every line with many documents) or a passage
 * (aligned units that are long enough and rare in the index: a single
 * sentence only when it is most of a text, else a run of consecutive units
 * or several units, since independent reports of one event do share a
 * quote or a stock sentence now and then). docs/dedup.md has the figures. */
static int is_reuse(const cr_dedup_feat *f, int same_outlet) {
  float cn = f->tot_newer ? (float)f->m_newer / (float)f->tot_newer : 0;
  float co = f->tot_older ? (float)f->m_older / (float)f->tot_older : 0;
  float cmax = cn > co ? cn : co;
  uint32_t mmax = cn > co ? f->m_newer : f->m_older;
  uint32_t mmin = f->m_newer < f->m_older ? f->m_newer : f->m_older;
  /* edited units paired by their short prefix / suffix hashes only
   * complete an alignment: most of it must be exact */
  int anchored = f->m_exact * 2 >= f->m_newer;
  int bulk = anchored && ((f->long_units && cmax >= 0.9f && mmax >= 15) ||
                          (f->long_units && cmax >= 0.5f && mmin >= 25));
  if (bulk || same_outlet)
    return bulk;
  return (f->n_sub >= 1 && cmax >= 0.45f && f->sub >= 5) ||
         (f->run >= 3 && f->run_sub >= 8) || f->pair_sub >= 8 ||
         (f->n_sub >= 2 && f->sub >= 10 && f->run >= 2);
}

/* Share of a text's substance found in the other: aligned content over
 * aligned plus unaligned long units (short unaligned lines are mostly an
 * outlet's own furniture and say nothing about copying). */
static float cover(uint32_t m, uint32_t extra) {
  return m + extra ? (float)m / (float)(m + extra) : 0;
}

/* Which end is the source, without publication times: 1 older, 0 newer,
 * -1 no structural evidence. A text whose extra is a tail of real
 * sentences is the original of a cut copy; a text that holds all of the
 * other and much more of its own around it quotes or compiles it; between
 * two full copies the one with added short lines (credits, outlet
 * furniture) is the copy. */
static int structural_source(const cr_dedup_feat *f) {
  float co = cover(f->m_older, f->extra_older);
  float cn = cover(f->m_newer, f->extra_newer);
  if (f->tail_older >= 12 && f->tail_older * 10 >= f->extra_older * 7 &&
      f->tail_older > 2 * f->tail_newer && cn >= 0.8f)
    return 1;
  if (f->tail_newer >= 12 && f->tail_newer * 10 >= f->extra_newer * 7 &&
      f->tail_newer > 2 * f->tail_older && co >= 0.8f)
    return 0;
  if (co >= 0.9f && cn < 0.7f)
    return 1;
  if (cn >= 0.9f && co < 0.7f)
    return 0;
  if (f->bp_newer != f->bp_older)
    return f->bp_newer > f->bp_older;
  return -1;
}

/* The relation, once the source is known: the derived text is mostly the
 * source's (a copy, or a syndicated copy with other furniture, cut or
 * lightly edited) or it reuses a passage inside an article of its own. */
/* other_hands: the two come from different outlets, or one carries a
 * credit line: the same text is then syndication, not a copy. */
static int relation(const cr_dedup_feat *f, int exact, int older_is_source,
                    int other_hands, float *score, uint8_t *same_origin) {
  float co = f->tot_older ? (float)f->m_older / (float)f->tot_older : 0;
  float cn = f->tot_newer ? (float)f->m_newer / (float)f->tot_newer : 0;
  *score = co > cn ? co : cn;
  *same_origin = 1;
  if (exact) {
    *score = 1.0f;
    return other_hands ? CR_DEDUP_SYNDICATION : CR_DEDUP_COPY;
  }
  if (co >= 0.97f && cn >= 0.97f && f->m_exact * 10 >= f->m_newer * 9)
    return other_hands ? CR_DEDUP_SYNDICATION : CR_DEDUP_COPY;
  float cd = older_is_source ? cover(f->m_newer, f->extra_newer)
                             : cover(f->m_older, f->extra_older);
  float cs = older_is_source ? cover(f->m_older, f->extra_older)
                             : cover(f->m_newer, f->extra_newer);
  if (cd >= 0.6f)
    return cs >= 0.8f ? CR_DEDUP_SYNDICATION : CR_DEDUP_PARTIAL;
  *same_origin = 0;
  return CR_DEDUP_PARTIAL;
}

static int rewrite_score(const cr_dedup_feat *f, float *score) {
  *score = (float)(f->quotes + f->numbers) / 10.0f;
  if (*score > 1.0f)
    *score = 1.0f;
  return CR_DEDUP_REWRITE;
}

/* ---- push ---------------------------------------------------------------------------*/

static int add_edge(cr_dedup *d, const drec *r, const cr_dfp *fp,
                    uint32_t newdoc, int64_t newtime, int reuse, int rewrite,
                    int exact, const cr_dedup_feat *f) {
  if (d->nedge == d->ecap) {
    size_t cap = d->ecap ? d->ecap * 2 : 64;
    cr_dedup_edge *ne = cr_realloc(d->edge, cap * sizeof *ne);
    if (!ne)
      return -1;
    d->edge = ne;
    edge_x *nx = cr_realloc(d->ex, cap * sizeof *nx);
    if (!nx)
      return -1;
    d->ex = nx;
    d->ecap = cap;
  }
  cr_dedup_edge *e = &d->edge[d->nedge];
  edge_x *x = &d->ex[d->nedge];
  memset(e, 0, sizeof *e);
  memset(x, 0, sizeof *x);
  e->older = r->doc;
  e->newer = newdoc;
  e->f = *f;
  e->cont_older = f->tot_older ? (float)f->m_older / (float)f->tot_older : 0;
  e->cont_newer = f->tot_newer ? (float)f->m_newer / (float)f->tot_newer : 0;
  /* direction: publication times, then the shape of the two texts, then
   * a wire credit on one side only (it marks the copy), then push order */
  e->source = r->doc;
  int st = structural_source(f);
  if (r->timed && newtime >= 0 && r->time != newtime) {
    e->source = r->time < newtime ? r->doc : newdoc;
    e->direction_by = 1;
  } else if (st >= 0) {
    e->source = st ? r->doc : newdoc;
    e->direction_by = 2;
  } else if (r->credit != d->new_credit) {
    e->source = r->credit ? newdoc : r->doc;
    e->direction_by = 3;
  }
  float score = 0;
  int rel = 0;
  if (rewrite) { /* a paraphrase, maybe quoting some sentences verbatim */
    rel = rewrite_score(f, &score);
    e->same_origin = 1;
  } else if (reuse) {
    int other_hands = r->credit || d->new_credit ||
                      (r->outlet && d->new_outlet && r->outlet != d->new_outlet);
    e->other_hands = (uint8_t)other_hands;
    e->exact = (uint8_t)exact;
    rel = relation(f, exact, e->source == r->doc, other_hands, &score,
                   &e->same_origin);
  }
  e->relation = (uint8_t)rel;
  e->score = score;
  /* evidence spans: runs of the chain, in the newer text */
  x->span0 = d->nspan;
  for (size_t c = 0; c < fp->nunit;) {
    if (d->mi[c] < 0 || d->mk[c] != M_EXACT) {
      c++;
      continue;
    }
    size_t s = c;
    while (c + 1 < fp->nunit && d->mi[c + 1] == d->mi[c] + 1)
      c++;
    if (need((void **)&d->span, &d->spcap, d->nspan + 1, sizeof *d->span))
      return -1;
    if (e->nspans < SPANS_MAX) {
      cr_dedup_span *sp = &d->span[d->nspan++];
      sp->off = fp->uoff[s];
      sp->len = fp->uoff[c] + fp->ulen[c] - fp->uoff[s];
      sp->units = (uint16_t)(c - s + 1);
      sp->old_unit = (uint16_t)d->mi[s];
      e->nspans++;
    }
    c++;
  }
  /* exactly aligned units, for flush */
  x->ev0 = d->nev;
  for (size_t i = 0; i < fp->nunit; i++) {
    if (d->mk[i] != M_EXACT || !(fp->unit[i].flags & CR_DU_INDEXED))
      continue;
    if (need((void **)&d->ev, &d->evcap, d->nev + 1, sizeof *d->ev))
      return -1;
    evunit *v = &d->ev[d->nev++];
    v->key = cr_dedup_key(fp->unit[i].hash, CR_DK_UNIT);
    v->content = fp->unit[i].content;
    v->flags = fp->unit[i].flags;
    if (i >= d->run_s && i < d->run_e)
      v->flags |= EV_RUN;
    x->nev++;
  }
  d->nedge++;
  return 0;
}

/* A paraphrase of the same report: little shared text, but several of the
 * same quotations and figures, in the same order. Fills f->quotes (quoted
 * units of the newer text holding a shared quote piece) and f->numbers
 * (shared figures, years excluded). */
static int is_rewrite(cr_dedup *d, const drec *r, cr_dedup_feat *f) {
  const cr_dfp *fp = &d->fp;
  const cr_dfeat *of = d->feat + (r->f0 - d->fbase);
  int32_t pn[2 * 12 * 2], po[2 * 12 * 2];
  size_t np = 0;
  unsigned qunits = 0, nums = 0;
  int32_t lastq = -1;
  for (size_t i = 0; i < fp->nfeat; i++) {
    for (uint32_t j = 0; j < r->nfeat; j++) {
      if (of[j].key != fp->feat[i].key)
        continue;
      if (fp->feat[i].kind == CR_DK_QUOTE) {
        if ((int32_t)fp->feat[i].unit != lastq)
          qunits++;
        lastq = fp->feat[i].unit;
      } else {
        nums++;
      }
      if (np < sizeof pn / sizeof *pn) {
        pn[np] = fp->feat[i].unit;
        po[np] = of[j].unit;
        np++;
      }
      break;
    }
  }
  f->quotes = (uint16_t)qunits;
  f->numbers = (uint16_t)nums;
  if (qunits < 3 || nums < 2)
    return 0;
  /* same order of facts: concordant pairs of shared features */
  unsigned conc = 0, pairs = 0;
  for (size_t a = 0; a < np; a++)
    for (size_t b = a + 1; b < np; b++) {
      if (pn[a] == pn[b] || po[a] == po[b])
        continue;
      pairs++;
      conc += (pn[a] < pn[b]) == (po[a] < po[b]);
    }
  return pairs && conc * 10 >= pairs * 7;
}

/* Measure one candidate pair and add its edge when it is reuse. */
static int verify(cr_dedup *d, const drec *r, uint32_t newdoc, int64_t newtime,
                  const cand *c) {
  const cr_dfp *fp = &d->fp;
  const cr_dunit *ou = d->unit + (r->u0 - d->ubase);
  alignment al;
  if (align(d, fp->unit, fp->nunit, ou, r->nunit, &al))
    return -1;
  cr_dedup_feat f;
  memset(&f, 0, sizeof f);
  f.tot_newer = fp->content;
  f.tot_older = r->content;
  int32_t first = -1, last = -1, ofirst = INT32_MAX, olast = -1;
  for (size_t i = 0; i < fp->nunit; i++) {
    int32_t j = d->mi[i];
    if (j < 0)
      continue;
    f.m_newer += fp->unit[i].content;
    f.m_older += ou[j].content;
    if (d->mk[i] == M_EXACT)
      f.m_exact += fp->unit[i].content;
    if (fp->unit[i].content >= LONG_UNIT)
      f.long_units++;
    if (first < 0)
      first = (int32_t)i;
    last = (int32_t)i;
    if (j < ofirst)
      ofirst = j;
    if (j > olast)
      olast = j;
    if (d->mk[i] == M_EXACT && (fp->unit[i].flags & CR_DU_INDEXED) &&
        fp->udf[i] < DF_BP) {
      f.sub += fp->unit[i].content;
      f.n_sub++;
      if (fp->unit[i].flags & CR_DU_QUOTED)
        f.sub_quoted += fp->unit[i].content;
    }
  }
  if (!f.m_newer && fp->exact != r->exact && !rewrite_candidate(c))
    return 0;
  /* two adjacent sentences reused together (a short passage) */
  for (size_t i = 0; i + 1 < fp->nunit; i++) {
    if (d->mk[i] != M_EXACT || d->mk[i + 1] != M_EXACT ||
        d->mi[i + 1] != d->mi[i] + 1)
      continue;
    unsigned a = fp->unit[i].content, b = fp->unit[i + 1].content;
    if (a < 2 || b < 2 || fp->udf[i] >= DF_BP || fp->udf[i + 1] >= DF_BP)
      continue;
    if (a + b > f.pair_sub)
      f.pair_sub = (uint16_t)(a + b > 65535 ? 65535 : a + b);
  }
  /* longest run of consecutive pairs */
  d->run_s = d->run_e = 0;
  for (size_t i = 0; i < fp->nunit;) {
    if (d->mi[i] < 0) {
      i++;
      continue;
    }
    size_t s = i;
    unsigned sub = 0;
    for (;;) {
      if (d->mk[i] == M_EXACT && fp->udf[i] < DF_BP &&
          (fp->unit[i].flags & CR_DU_INDEXED))
        sub += fp->unit[i].content;
      if (i + 1 < fp->nunit && d->mi[i + 1] == d->mi[i] + 1)
        i++;
      else
        break;
    }
    i++;
    if (i - s > f.run) {
      f.run = (uint16_t)(i - s);
      d->run_s = s;
      d->run_e = i;
      f.run_sub = (uint16_t)(sub > 65535 ? 65535 : sub);
    }
  }
  /* what each side has that the other lacks */
  for (size_t i = 0; i < fp->nunit; i++) {
    if (d->mi[i] >= 0)
      continue;
    unsigned ct = fp->unit[i].content;
    if (ct >= LONG_UNIT && fp->udf[i] < DF_BP) {
      f.extra_newer += ct;
      if ((int32_t)i > last)
        f.tail_newer += ct;
    } else {
      f.bp_newer++;
    }
  }
  for (size_t j = 0; j < r->nunit; j++) {
    if (d->oused[j])
      continue;
    unsigned ct = ou[j].content;
    if (ct >= LONG_UNIT) {
      f.extra_older += ct;
      if ((int32_t)j > olast)
        f.tail_older += ct;
    } else {
      f.bp_older++;
    }
  }
  int exact = fp->exact == r->exact;
  int same_outlet = r->outlet && r->outlet == d->new_outlet;
  int reuse = exact || is_reuse(&f, same_outlet);
  /* little shared text, or only a passage of it (a rewrite keeps its
   * quotations verbatim): try the paraphrase signals */
  int rewrite = 0;
  if (!exact && rewrite_candidate(c)) {
    float cd = cover(f.m_newer, f.extra_newer);
    float co = cover(f.m_older, f.extra_older);
    if ((!reuse || (cd < 0.6f && co < 0.6f)) && is_rewrite(d, r, &f))
      rewrite = 1;
  }
  if (!reuse && !rewrite && !d->o.explain)
    return 0;
  return add_edge(d, r, fp, newdoc, newtime, reuse, rewrite, exact, &f);
}

int cr_dedup_push(cr_dedup *d, uint32_t doc_index, const cr_norm *norm,
                  const cr_dedup_meta *meta, cr_dedup_out *out) {
  if (out) {
    out->edges = NULL;
    out->n = 0;
  }
  if (uf_room(d, doc_index))
    return -1;
  cr_dfp *fp = &d->fp;
  if (cr_dedup_fingerprint(norm, fp))
    return -1;
  int64_t t = meta && meta->published >= 0 ? meta->published : -1;
  d->new_credit = meta && meta->credit && meta->credit[0];
  d->new_outlet = 0;
  if (meta && meta->outlet && meta->outlet[0]) {
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a of the folded name */
    for (const char *q = meta->outlet; *q; q++) {
      unsigned char ch = (unsigned char)*q;
      h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) * 0x100000001b3ULL;
    }
    d->new_outlet = (uint32_t)(h ^ (h >> 32)) | 1u;
  }
  if (t >= 0 && (d->clock == INT64_MIN || t > d->clock))
    d->clock = t;
  evict(d);

  /* candidates: documents sharing keys, weighted by what they share */
  size_t edge0 = d->nedge;
  if (cand_reset(d, fp->nkey * 8 + 16))
    return -1;
  size_t ui = 0;
  for (size_t k = 0; k < fp->nkey; k++) {
    size_t n = cr_keyindex_get(&d->ix, fp->keys[k], d->post, CAP_PER_KEY);
    if (n > CAP_PER_KEY)
      n = CAP_PER_KEY;
    int kind = fp->kkind[k];
    float w = 0;
    if (kind == CR_DK_UNIT) {
      while (ui < fp->nunit && !(fp->unit[ui].flags & CR_DU_INDEXED))
        ui++;
      if (ui < fp->nunit) {
        size_t no = other_origins(d, d->post, n, UINT32_MAX, UINT32_MAX);
        fp->udf[ui] = (uint16_t)no;
        w = (float)fp->unit[ui].content / (1.0f + (float)no / 4.0f);
        ui++;
      }
    } else if (kind == CR_DK_SHINGLE) {
      w = n <= SHINGLE_DF ? 3.0f : 0; /* a long unit's smallest shingle */
    } else if (kind == CR_DK_EXACT) {
      w = 1000;
    }
    for (size_t p = 0; p < n; p++) {
      cand *c = cand_get(d, d->post[p]);
      if (!c)
        continue;
      c->w += w;
      if (kind == CR_DK_QUOTE)
        c->quotes++;
      else if (kind == CR_DK_NUMBER && n <= SHINGLE_DF)
        c->numbers++;
    }
  }
  size_t ngood = 0;
  if (need((void **)&d->good, &d->goodcap, d->ncd, sizeof *d->good))
    return -1;
  for (size_t i = 0; i < d->ncd; i++)
    if (d->cd[i].w >= CAND_MIN || rewrite_candidate(&d->cd[i]))
      d->good[ngood++] = d->cd[i];
  if (ngood > 1)
    qsort(d->good, ngood, sizeof *d->good, cmp_cand);
  size_t nv = 0;
  for (size_t i = 0; i < ngood && nv < MAX_VERIFY; i++) {
    const cand *c = &d->good[i];
    const drec *r = rec_of(d, c->seq);
    if (!r)
      continue;
    nv++;
    if (verify(d, r, doc_index, t, c))
      return -1;
  }
  for (size_t e = edge0; e < d->nedge; e++)
    if (joins_origin(&d->edge[e]))
      uf_union(d, d->edge[e].older, d->edge[e].newer);

  /* index the document */
  if (need((void **)&d->rec, &d->rcap, d->rlen + 1, sizeof *d->rec) ||
      need((void **)&d->unit, &d->ucap, d->ulen + fp->nunit, sizeof *d->unit) ||
      need((void **)&d->feat, &d->fcap, d->flen + fp->nfeat, sizeof *d->feat))
    return -1;
  drec *r = &d->rec[d->rlen];
  memset(r, 0, sizeof *r);
  r->doc = doc_index;
  r->seq = d->next_seq;
  r->time = t >= 0 ? t : d->clock;
  r->exact = fp->exact;
  r->u0 = d->ubase + d->ulen;
  r->f0 = d->fbase + d->flen;
  r->nunit = (uint32_t)fp->nunit;
  r->nfeat = (uint32_t)fp->nfeat;
  r->content = fp->content;
  r->credit = d->new_credit;
  r->outlet = d->new_outlet;
  r->timed = t >= 0;
  if (fp->nunit)
    memcpy(d->unit + d->ulen, fp->unit, fp->nunit * sizeof *fp->unit);
  d->ulen += fp->nunit;
  if (fp->nfeat)
    memcpy(d->feat + d->flen, fp->feat, fp->nfeat * sizeof *fp->feat);

  d->flen += fp->nfeat;
  for (size_t k = 0; k < fp->nkey; k++) {
    int a = cr_keyindex_add(&d->ix, fp->keys[k], r->seq);
    if (a < 0)
      return -1;
    r->nkeys += (uint32_t)a;
  }
  d->rlen++;
  d->next_seq++;
  for (size_t i = edge0; i < d->nedge; i++)
    d->edge[i].spans = d->edge[i].nspans ? d->span + d->ex[i].span0 : NULL;
  if (out) {
    out->edges = d->edge + edge0;
    out->n = d->nedge - edge0;
  }
  return 0;
}

const cr_dedup_edge *cr_dedup_edges(cr_dedup *d, size_t *n) {
  for (size_t i = 0; i < d->nedge; i++)
    d->edge[i].spans = d->edge[i].nspans ? d->span + d->ex[i].span0 : NULL;
  *n = d->nedge;
  return d->edge;
}

/* ---- flush ---------------------------------------------------------------------------*/

int cr_dedup_flush(cr_dedup *d) {
  uint32_t post[CAP_PER_KEY];
  for (size_t i = 0; i < d->nedge; i++) {
    cr_dedup_edge *e = &d->edge[i];
    const edge_x *x = &d->ex[i];
    if (!e->relation || e->removed || e->exact ||
        e->relation == CR_DEDUP_COPY ||
        e->relation == CR_DEDUP_REWRITE)
      continue;
    cr_dedup_feat f = e->f;
    f.sub = f.sub_quoted = 0;
    f.n_sub = f.run_sub = 0;
    uint32_t sub0 = e->f.sub;
    for (uint32_t k = 0; k < x->nev; k++) {
      const evunit *v = &d->ev[x->ev0 + k];
      size_t df = cr_keyindex_get(&d->ix, v->key, post, CAP_PER_KEY);
      /* as at push, where the older end's origin counted and the newer
       * one was not yet indexed */
      size_t no = other_origins(d, post, df, uf_find(d, e->older),
                                uf_find(d, e->newer));
      if (no + 1 >= DF_BP)
        continue;
      f.sub += v->content;
      f.n_sub++;
      if (v->flags & CR_DU_QUOTED)
        f.sub_quoted += v->content;
      if (v->flags & EV_RUN)
        f.run_sub = (uint16_t)(f.run_sub + v->content);
    }
    if (f.sub < sub0) /* some of its units turned out to be boilerplate */
      f.pair_sub = (uint16_t)(f.pair_sub > f.sub ? f.sub : f.pair_sub);
    if (!is_reuse(&f, 0)) {
      e->removed = 1;
      continue;
    }
    float score;
    e->f = f;
    e->relation = (uint8_t)relation(&f, 0, e->source == e->older,
                                    e->other_hands, &score,
                                    &e->same_origin);
    e->score = score;
  }
  for (size_t i = 0; i < d->nparent; i++)
    d->parent[i] = (uint32_t)i;
  for (size_t i = 0; i < d->nedge; i++)
    if (joins_origin(&d->edge[i]))
      uf_union(d, d->edge[i].older, d->edge[i].newer);
  return 0;
}
