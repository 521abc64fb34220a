/* story.c -- the clustering stage: stories with capped centroids, the
 * candidate index over their heaviest keys, the decision rule, the merge
 * step and the final story list. Features come from features.c. See
 * docs/cluster.md for the algorithm and how its weights were fitted. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "internal.h"

#define NONE UINT32_MAX
#define MAX_IDX 20 /* index_terms + index_names, at most */
#define MAX_CLS 7  /* postings per key: at most 1 << MAX_CLS */
#define TITLE_MAX 300

struct cr_story {
  uint32_t ndocs;
  uint32_t first_doc;
  uint64_t last_seq;             /* c->ndocs when it last took an article */
  int64_t first_time, last_time; /* -1 unknown */
  cr_kv *v;                      /* terms, then names, then numbers */
  uint16_t nt, ne, nn;
  uint8_t nidx;
  float nrm_t, nrm_e, nrm_n;
  uint32_t idx[MAX_IDX]; /* keys under which it is in the index now */
  char *title;
  float title_score, title_shape; /* score < 0: not yet compared */
  /* a story founded by an article that matched none well enough: the
   * story it fitted best then and that fit (w.f, without a bias), for the
   * sweep at flush, which then still sees the article's whole vector */
  uint32_t tent;
  float tent_fit;
  uint32_t title_doc;
};

/* ---- the candidate index ----------------------------------------------------
 * key -> the most recent stories indexed under it, a ring of at most
 * `postings` ids, allocated from one pool in power-of-two blocks. */

typedef struct ix_ent {
  uint32_t key, off;
  uint8_t n, cls, head, pad;
} ix_ent;

struct cr_index {
  ix_ent *e;
  uint32_t mask, n;
  uint32_t *pool;
  size_t pool_n, pool_cap;
  uint32_t freel[MAX_CLS + 1];
  uint32_t pmax_cls;
  /* whether a story can still take articles: entries whose stories all
   * retired are dropped when the table fills */
  int (*live)(const void *ud, uint32_t story);
  const void *ud;
};

static cr_index *ix_new(uint32_t postings) {
  cr_index *ix = cr_calloc(1, sizeof *ix);
  if (!ix)
    return NULL;
  ix->e = cr_calloc(1024, sizeof *ix->e);
  if (!ix->e) {
    cr_free(ix);
    return NULL;
  }
  ix->mask = 1023;
  for (int i = 0; i <= MAX_CLS; i++)
    ix->freel[i] = NONE;
  uint32_t cls = 0;
  while (cls < MAX_CLS && (2u << cls) <= postings)
    cls++;
  ix->pmax_cls = cls;
  return ix;
}

static void ix_free(cr_index *ix) {
  if (!ix)
    return;
  cr_free(ix->e);
  cr_free(ix->pool);
  cr_free(ix);
}

static size_t ix_bytes(const cr_index *ix) {
  return sizeof *ix + (size_t)(ix->mask + 1) * sizeof *ix->e +
         ix->pool_cap * sizeof *ix->pool;
}

static int64_t pool_alloc(cr_index *ix, uint32_t cls) {
  uint32_t off = ix->freel[cls];
  if (off != NONE) {
    ix->freel[cls] = ix->pool[off];
    return off;
  }
  size_t need = ix->pool_n + ((size_t)1 << cls);
  if (need >= NONE)
    return -1;
  if (need > ix->pool_cap &&
      cr_grow((void **)&ix->pool, &ix->pool_cap, need, sizeof *ix->pool))
    return -1;
  off = (uint32_t)ix->pool_n;
  ix->pool_n = need;
  return off;
}

static void pool_release(cr_index *ix, uint32_t off, uint32_t cls) {
  ix->pool[off] = ix->freel[cls];
  ix->freel[cls] = off;
}

static ix_ent *ix_find(const cr_index *ix, uint32_t key) {
  uint32_t i = (key * 0x9E3779B1u) & ix->mask;
  while (ix->e[i].key) {
    if (ix->e[i].key == key)
      return &ix->e[i];
    i = (i + 1) & ix->mask;
  }
  return NULL;
}

static void pool_release(cr_index *ix, uint32_t off, uint32_t cls);

/* The table is full: drop the entries of retired stories only, and grow
 * when that does not bring it down to half full. */
static int ix_grow(cr_index *ix) {
  uint32_t kept = 0;
  uint8_t *keep = cr_calloc(ix->mask + 1, 1);
  if (!keep)
    return -1;
  for (uint32_t j = 0; j <= ix->mask; j++) {
    const ix_ent *x = &ix->e[j];
    if (!x->key)
      continue;
    for (uint32_t k = 0; k < x->n && !keep[j]; k++)
      keep[j] = !ix->live || ix->live(ix->ud, ix->pool[x->off + k]);
    kept += keep[j];
  }
  uint32_t nslots = ix->mask + 1;
  if ((uint64_t)kept * 2 > nslots)
    nslots *= 2;
  ix_ent *e = cr_calloc(nslots, sizeof *e);
  if (!e) {
    cr_free(keep);
    return -1;
  }
  for (uint32_t j = 0; j <= ix->mask; j++) {
    if (!ix->e[j].key)
      continue;
    if (!keep[j]) {
      pool_release(ix, ix->e[j].off, ix->e[j].cls);
      continue;
    }
    uint32_t i = (ix->e[j].key * 0x9E3779B1u) & (nslots - 1);
    while (e[i].key)
      i = (i + 1) & (nslots - 1);
    e[i] = ix->e[j];
  }
  cr_free(ix->e);
  cr_free(keep);
  ix->e = e;
  ix->mask = nslots - 1;
  ix->n = kept;
  return 0;
}

/* Most recent story of an entry. */
static uint32_t ix_last(const cr_index *ix, const ix_ent *e) {
  uint32_t cap = 1u << e->cls;
  if (e->n < cap)
    return ix->pool[e->off + e->n - 1];
  return ix->pool[e->off + ((e->head + cap - 1) & (cap - 1))];
}

static int ix_add(cr_index *ix, uint32_t key, uint32_t story) {
  ix_ent *e = ix_find(ix, key);
  if (!e) {
    if ((uint64_t)(ix->n + 1) * 4 > (uint64_t)(ix->mask + 1) * 3 && ix_grow(ix))
      return -1;
    int64_t off = pool_alloc(ix, 0);
    if (off < 0)
      return -1;
    uint32_t i = (key * 0x9E3779B1u) & ix->mask;
    while (ix->e[i].key)
      i = (i + 1) & ix->mask;
    e = &ix->e[i];
    memset(e, 0, sizeof *e);
    e->key = key;
    e->off = (uint32_t)off;
    ix->n++;
  }
  if (e->n && ix_last(ix, e) == story)
    return 0;
  uint32_t cap = 1u << e->cls;
  if (e->n == cap && e->cls < ix->pmax_cls) {
    int64_t off = pool_alloc(ix, e->cls + 1u);
    if (off < 0)
      return -1;
    memcpy(ix->pool + off, ix->pool + e->off, cap * sizeof *ix->pool);
    pool_release(ix, e->off, e->cls);
    e->off = (uint32_t)off;
    e->cls++;
    cap <<= 1;
  }
  if (e->n < cap) {
    ix->pool[e->off + e->n++] = story;
  } else { /* full ring: replace the oldest */
    ix->pool[e->off + e->head] = story;
    e->head = (uint8_t)((e->head + 1) & (cap - 1));
  }
  return 0;
}

/* ---- stories
 * -----------------------------------------------------------------*/

static int story_live(const void *ud, uint32_t s);

void cr_cluster_opts_default(cr_cluster_opts *o) {
  memset(o, 0, sizeof *o);
  o->w_cos = 1.0f;
  o->w_ent = 1.2f;
  o->w_num = 0.7f;
  o->bias = -1.2f;
  o->merge_bias = -1.25f;
  o->sweep_bias = -0.45f;
  o->w_title = 1.0f;
  o->w_lead = 3.0f;
  o->lead_sents = 3;
  o->day_penalty = 0.05f;
  o->window = 7 * 86400;
  o->retire_docs = 200000;
  o->centroid_terms = 64;
  o->centroid_names = 32;
  o->centroid_numbers = 16;
  o->index_terms = 12;
  o->index_names = 8;
  o->query_terms = 16;
  o->query_names = 8;
  o->postings = 16;
  o->candidates = 16;
  o->df_slots_max = 1u << 22;
  o->idf_docs = 20000;
}

cr_cluster *cr_cluster_new(const cr_cluster_opts *o) {
  cr_cluster *c = cr_calloc(1, sizeof *c);
  if (!c)
    return NULL;
  if (o)
    c->o = *o;
  else
    cr_cluster_opts_default(&c->o);
  cr_cluster_opts *p = &c->o;
  if (p->index_terms + p->index_names > MAX_IDX) {
    p->index_terms = MAX_IDX * 2 / 3;
    p->index_names = MAX_IDX - p->index_terms;
  }
  if (p->centroid_terms > 4096)
    p->centroid_terms = 4096;
  if (p->centroid_names > 4096)
    p->centroid_names = 4096;
  if (p->centroid_numbers > 4096)
    p->centroid_numbers = 4096;
  if (!p->candidates)
    p->candidates = 1;
  c->idf_max = log(p->idf_docs > 1 ? (double)p->idf_docs : 2.0);
  if (cr_dftab_init(&c->df, p->df_slots_max, p->retire_docs) ||
      cr_kmap_init(&c->tf, 1024) || cr_kmap_init(&c->tfe, 256) ||
      cr_kmap_init(&c->tfn, 256) || cr_kmap_init(&c->seen, 256) ||
      cr_kmap_init(&c->dmap, 1024) || cr_kmap_init(&c->acc, 1024) ||
      cr_kmap_init(&c->tmp, 1024))
    goto fail;
  c->ix = ix_new(p->postings ? p->postings : 1);
  if (!c->ix)
    goto fail;
  c->ix->live = story_live;
  c->ix->ud = c;
  return c;
fail:
  cr_cluster_free(c);
  return NULL;
}

static void out_clear(cr_cluster *c) {
  cr_free(c->out_off);
  cr_free(c->out_docs);
  cr_free(c->out_root);
  cr_free(c->root_out);
  c->out_off = c->out_docs = c->out_root = c->root_out = NULL;
  c->nout = c->out_ndocs = 0;
  c->out_nst = 0;
}

void cr_cluster_free(cr_cluster *c) {
  if (!c)
    return;
  for (uint32_t i = 0; i < c->nst; i++) {
    cr_free(c->st[i].v);
    cr_free(c->st[i].title);
  }
  cr_free(c->st);
  cr_free(c->par);
  ix_free(c->ix);
  cr_dftab_clear(&c->df);
  cr_kmap_clear(&c->tf);
  cr_kmap_clear(&c->tfe);
  cr_kmap_clear(&c->tfn);
  cr_kmap_clear(&c->seen);
  cr_kmap_clear(&c->dmap);
  cr_kmap_clear(&c->acc);
  cr_kmap_clear(&c->tmp);
  cr_free(c->vt);
  cr_free(c->ve);
  cr_free(c->vn);
  cr_free(c->q);
  cr_free(c->stage);
  cr_free(c->doc_story);
  out_clear(c);
  cr_free(c);
}

/* The union-find of stories lives in its own array, c->par, apart from
 * the story records: the candidate search resolves hundreds of ids per
 * article and this keeps them in cache. The top bit of a root's entry says
 * it is retired. */
#define RETIRED 0x80000000u
#define PARENT(c, s) ((c)->par[s] & ~RETIRED)
#define IS_ROOT(c, s) (PARENT(c, s) == (s))
#define IS_RETIRED(c, s) (((c)->par[s] & RETIRED) != 0)

/* A story, or the story it merged into, can still take articles. */
static int story_live(const void *ud, uint32_t s) {
  const cr_cluster *c = ud;
  while (PARENT(c, s) != s)
    s = PARENT(c, s);
  return !IS_RETIRED(c, s);
}

static uint32_t find(cr_cluster *c, uint32_t s) {
  while (PARENT(c, s) != s) {
    uint32_t p = PARENT(c, s);
    c->par[s] = PARENT(c, p); /* non-roots carry no flag */
    s = p;
  }
  return s;
}

static float norm_of(const cr_kv *v, uint32_t n) {
  double ss = 0;
  for (uint32_t i = 0; i < n; i++)
    ss += (double)v[i].w * v[i].w;
  return (float)sqrt(ss);
}

/* How well a title names its story: date lines ("9 September 2013, 14:08")
 * and one-word labels are poor titles, whole first sentences passable. */
static float title_shape(const char *t) {
  if (!t)
    return 0.0f;
  size_t words = 0, digits = 0, letters = 0;
  int in = 0;
  for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
    int sp = *p == ' ' || *p == '\t' || *p == '\n';
    if (!sp && !in)
      words++;
    in = !sp;
    if (*p >= '0' && *p <= '9')
      digits++;
    else if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
      letters++;
    else if (*p >= 0x80)
      letters++; /* bytes of non-ASCII letters: count roughly */
  }
  if (letters == 0)
    return 0.05f;
  if (words < 3 || digits * 4 > digits + letters)
    return 0.2f;
  if (words > 20)
    return 0.6f;
  return 1.0f;
}

static int set_title(cr_cluster *c, cr_story *s, const char *title,
                     uint32_t doc, float shape, float score) {
  char *t = NULL;
  if (title) {
    size_t n = strlen(title);
    if (n > TITLE_MAX) { /* cut on a UTF-8 boundary */
      n = TITLE_MAX;
      while (n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80)
        n--;
    }
    t = cr_strndup(title, n);
    if (!t)
      return -1;
    c->story_bytes += n + 1;
  }
  if (s->title)
    c->story_bytes -= strlen(s->title) + 1;
  cr_free(s->title);
  s->title = t;
  s->title_doc = doc;
  s->title_shape = shape;
  s->title_score = score;
  return 0;
}

/* Staging area for rebuilt centroids. */
static cr_kv *stage(cr_cluster *c, uint32_t n) {
  if (n > c->stage_cap) {
    cr_kv *v = cr_realloc(c->stage, (size_t)n * sizeof *v);
    if (!v)
      return NULL;
    c->stage = v;
    c->stage_cap = n;
  }
  return c->stage;
}

/* Add vectors to a story's centroid (the sum of its articles' unit
 * vectors), each section cut back to its cap by weight. */
static int absorb(cr_cluster *c, cr_story *s, const cr_kv *const add[3],
                  const uint32_t nadd[3]) {
  const uint32_t caps[3] = {c->o.centroid_terms, c->o.centroid_names,
                            c->o.centroid_numbers};
  const cr_kv *own[3] = {s->v, s->v + s->nt, s->v + s->nt + s->ne};
  const uint32_t nown[3] = {s->nt, s->ne, s->nn};
  cr_kv *out = stage(c, caps[0] + caps[1] + caps[2]);
  if (!out)
    return -1;
  uint32_t nsec[3], total = 0;
  for (int k = 0; k < 3; k++) {
    cr_kmap_reset(&c->tmp);
    for (uint32_t i = 0; i < nown[k]; i++) {
      cr_kv *e = cr_kmap_at(&c->tmp, own[k][i].key);
      if (!e)
        return -1;
      e->w += own[k][i].w;
    }
    for (uint32_t i = 0; i < nadd[k]; i++) {
      cr_kv *e = cr_kmap_at(&c->tmp, add[k][i].key);
      if (!e)
        return -1;
      e->w += add[k][i].w;
    }
    nsec[k] = cr_kv_top(c->tmp.ent, c->tmp.n, caps[k]);
    memcpy(out + total, c->tmp.ent, (size_t)nsec[k] * sizeof *out);
    total += nsec[k];
  }
  if (total != (uint32_t)s->nt + s->ne + s->nn) {
    cr_kv *v = cr_realloc(s->v, (size_t)(total ? total : 1) * sizeof *v);
    if (!v)
      return -1;
    c->story_bytes += (size_t)total * sizeof *v;
    c->story_bytes -= ((size_t)s->nt + s->ne + s->nn) * sizeof *v;
    s->v = v;
  }
  if (total)
    memcpy(s->v, out, (size_t)total * sizeof *out);
  s->nt = (uint16_t)nsec[0];
  s->ne = (uint16_t)nsec[1];
  s->nn = (uint16_t)nsec[2];
  s->nrm_t = norm_of(s->v, s->nt);
  s->nrm_e = norm_of(s->v + s->nt, s->ne);
  s->nrm_n = norm_of(s->v + s->nt + s->ne, s->nn);
  return 0;
}

/* Put the story under its heaviest terms and names; keys it already sits
 * under are not added again, keys it lost stay until the ring drops them
 * (a stale entry only costs one extra candidate). */
static int reindex(cr_cluster *c, uint32_t sid) {
  cr_story *s = &c->st[sid];
  cr_kv *tmp = stage(c, (uint32_t)s->nt + s->ne);
  if (!tmp)
    return -1;
  if (s->nt + s->ne)
    memcpy(tmp, s->v, ((size_t)s->nt + s->ne) * sizeof *tmp);
  uint32_t kt = cr_kv_top(tmp, s->nt, c->o.index_terms);
  uint32_t ke = cr_kv_top(tmp + s->nt, s->ne, c->o.index_names);
  uint32_t keys[MAX_IDX], nk = 0;
  for (uint32_t i = 0; i < kt; i++)
    keys[nk++] = tmp[i].key;
  for (uint32_t i = 0; i < ke; i++)
    keys[nk++] = tmp[s->nt + i].key;
  for (uint32_t i = 0; i < nk; i++) {
    int had = 0;
    for (uint32_t j = 0; j < s->nidx && !had; j++)
      had = s->idx[j] == keys[i];
    if (!had && ix_add(c->ix, keys[i], sid))
      return -1;
  }
  s = &c->st[sid];
  memcpy(s->idx, keys, nk * sizeof *keys);
  s->nidx = (uint8_t)nk;
  return 0;
}

static int64_t new_story(cr_cluster *c, uint32_t doc, int64_t t) {
  if (c->nst >= RETIRED - 1)
    return -1;
  size_t cap = c->st_cap;
  if (cr_grow((void **)&c->st, &cap, (size_t)c->nst + 1, sizeof *c->st) ||
      cr_grow((void **)&c->par, &c->par_cap, (size_t)c->nst + 1,
              sizeof *c->par))
    return -1;
  c->st_cap = (uint32_t)cap;
  uint32_t id = c->nst++;
  cr_story *s = &c->st[id];
  memset(s, 0, sizeof *s);
  c->par[id] = id;
  s->first_doc = doc;
  s->first_time = s->last_time = t;
  s->title_doc = NONE;
  s->title_score = -1.0f;
  s->tent = NONE;
  return id;
}

/* Distance in seconds from t to the story's time span; -1 when unknown. */
static int64_t time_gap(const cr_story *s, int64_t t) {
  if (t < 0 || s->last_time < 0)
    return -1;
  if (t > s->last_time)
    return t - s->last_time;
  if (t < s->first_time)
    return s->first_time - t;
  return 0;
}

/* Cosines of the document (c->dmap, unit vectors) with a story's
 * centroid, per section. */
static void doc_features(const cr_cluster *c, const cr_story *s, float f[3]) {
  const cr_kv *v = s->v;
  const uint32_t n[3] = {s->nt, s->ne, s->nn};
  const float nrm[3] = {s->nrm_t, s->nrm_e, s->nrm_n};
  for (int k = 0; k < 3; k++) {
    double dot = 0;
    for (uint32_t i = 0; i < n[k]; i++)
      dot += (double)v[i].w * cr_kmap_get(&c->dmap, v[i].key);
    f[k] = nrm[k] > 0 ? (float)(dot / nrm[k]) : 0.0f;
    v += n[k];
  }
}

static float rule(const cr_cluster_opts *o, const float f[3], float bias) {
  return o->w_cos * f[0] + o->w_ent * f[1] + o->w_num * f[2] + bias;
}

/* Load a story's centroid into c->tmp, for pair_loaded. */
static int load_story(cr_cluster *c, const cr_story *a) {
  cr_kmap_reset(&c->tmp);
  uint32_t na = (uint32_t)a->nt + a->ne + a->nn;
  for (uint32_t i = 0; i < na; i++) {
    cr_kv *e = cr_kmap_at(&c->tmp, a->v[i].key);
    if (!e)
      return -1;
    e->w = a->v[i].w;
  }
  return 0;
}

/* Cosines of the loaded story a's centroid with b's, per section. */
static void pair_loaded(const cr_cluster *c, const cr_story *a,
                        const cr_story *b, float f[3]) {
  const cr_kv *v = b->v;
  const uint32_t n[3] = {b->nt, b->ne, b->nn};
  const float nb[3] = {b->nrm_t, b->nrm_e, b->nrm_n};
  const float nra[3] = {a->nrm_t, a->nrm_e, a->nrm_n};
  for (int k = 0; k < 3; k++) {
    double dot = 0;
    for (uint32_t i = 0; i < n[k]; i++)
      dot += (double)v[i].w * cr_kmap_get(&c->tmp, v[i].key);
    f[k] = nb[k] > 0 && nra[k] > 0 ? (float)(dot / (nb[k] * nra[k])) : 0.0f;
    v += n[k];
  }
}

static int pair_features(cr_cluster *c, const cr_story *a, const cr_story *b,
                         float f[3]) {
  if (load_story(c, a))
    return -1;
  pair_loaded(c, a, b, f);
  return 0;
}

/* Merge two live stories: the smaller goes into the larger. Returns the
 * survivor, or -1 when out of memory (nothing changed then). */
static int64_t merge(cr_cluster *c, uint32_t a, uint32_t b) {
  if (c->st[b].ndocs > c->st[a].ndocs ||
      (c->st[b].ndocs == c->st[a].ndocs && b < a)) {
    uint32_t t = a;
    a = b;
    b = t;
  }
  cr_story *w = &c->st[a], *l = &c->st[b];
  const cr_kv *add[3] = {l->v, l->v + l->nt, l->v + l->nt + l->ne};
  const uint32_t nadd[3] = {l->nt, l->ne, l->nn};
  if (absorb(c, w, add, nadd))
    return -1;
  w->ndocs += l->ndocs;
  if (l->first_doc < w->first_doc)
    w->first_doc = l->first_doc;
  if (l->last_seq > w->last_seq)
    w->last_seq = l->last_seq;
  if (l->first_time >= 0 &&
      (w->first_time < 0 || l->first_time < w->first_time))
    w->first_time = l->first_time;
  if (l->last_time > w->last_time)
    w->last_time = l->last_time;
  if (l->title && (!w->title || l->title_score > w->title_score)) {
    if (w->title)
      c->story_bytes -= strlen(w->title) + 1;
    cr_free(w->title);
    w->title = l->title;
    w->title_doc = l->title_doc;
    w->title_score = l->title_score;
    w->title_shape = l->title_shape;
  } else if (l->title) {
    c->story_bytes -= strlen(l->title) + 1;
    cr_free(l->title);
  }
  l->title = NULL;
  c->story_bytes -= ((size_t)l->nt + l->ne + l->nn) * sizeof *l->v;
  cr_free(l->v);
  l->v = NULL;
  l->nt = l->ne = l->nn = 0;
  c->par[b] = a;
  if (reindex(c, a))
    return -1;
  return a;
}

/* Free the centroid of stories idle for long: they take no more articles,
 * so memory follows the live stories, not the length of the stream. A
 * couple per push, round robin. */
static void retire_idle(cr_cluster *c, int64_t now) {
  for (int k = 0; k < 2 && c->nst; k++) {
    if (c->sweep >= c->nst)
      c->sweep = 0;
    cr_story *s = &c->st[c->sweep++];
    uint32_t sid = (uint32_t)(s - c->st);
    if (!IS_ROOT(c, sid) || IS_RETIRED(c, sid))
      continue;
    int idle = c->ndocs - s->last_seq > c->o.retire_docs;
    if (now >= 0 && s->last_time >= 0 && now - s->last_time > c->o.window)
      idle = 1;
    if (!idle)
      continue;
    c->story_bytes -= ((size_t)s->nt + s->ne + s->nn) * sizeof *s->v;
    cr_free(s->v);
    s->v = NULL;
    s->nt = s->ne = s->nn = 0;
    c->par[sid] |= RETIRED;
  }
}

static void sort_heaviest_first(cr_kv *q, uint32_t n) {
  for (uint32_t i = 1; i < n; i++) {
    cr_kv x = q[i];
    uint32_t j = i;
    while (j > 0 &&
           (q[j - 1].w < x.w || (q[j - 1].w == x.w && q[j - 1].key < x.key))) {
      q[j] = q[j - 1];
      j--;
    }
    q[j] = x;
  }
}

/* Look up the heaviest `want` keys of q[0..n) that are in the index (q is
 * sorted, heaviest first) and add their weight to each story found. */
static int gather(cr_cluster *c, cr_kv *q, uint32_t n, uint32_t want,
                  uint32_t self) {
  sort_heaviest_first(q, n);
#if defined(__GNUC__)
  for (uint32_t i = 0; i < n; i++) /* the index is larger than the caches */
    __builtin_prefetch(&c->ix->e[(q[i].key * 0x9E3779B1u) & c->ix->mask]);
#endif
  for (uint32_t i = 0; i < n && want; i++) {
    const ix_ent *e = ix_find(c->ix, q[i].key);
    if (!e)
      continue;
    want--;
    for (uint32_t j = 0; j < e->n; j++) {
      uint32_t r = find(c, c->ix->pool[e->off + j]);
      if (r == self || IS_RETIRED(c, r))
        continue;
      cr_kv *a = cr_kmap_at(&c->acc, r + 1);
      if (!a)
        return -1;
      a->w += q[i].w;
    }
  }
  return 0;
}

/* Gather candidate stories for a query of terms and names (each list
 * holds up to twice what is looked up: keys absent from the index are
 * passed over) into c->acc (story + 1 -> evidence) and keep the
 * `candidates` best in c->acc.ent[0..n). `self`: a story to leave out
 * (NONE for none). NONE when out of memory. */
static uint32_t candidates(cr_cluster *c, cr_kv *qt, uint32_t nqt, cr_kv *qe,
                           uint32_t nqe, uint32_t self) {
  cr_kmap_reset(&c->acc);
  if (gather(c, qt, nqt, c->o.query_terms, self) ||
      gather(c, qe, nqe, c->o.query_names, self))
    return NONE;
  return cr_kv_top(c->acc.ent, c->acc.n, c->o.candidates);
}

static int grow_docs(cr_cluster *c, uint32_t doc) {
  if (doc < c->doc_cap)
    return 0;
  size_t old = c->doc_cap;
  if (cr_grow((void **)&c->doc_story, &c->doc_cap, (size_t)doc + 1,
              sizeof *c->doc_story))
    return -1;
  for (size_t i = old; i < c->doc_cap; i++)
    c->doc_story[i] = NONE;
  return 0;
}

int64_t cr_cluster_push(cr_cluster *c, uint32_t doc, const cr_norm *norm,
                        const cr_cluster_meta *meta) {
  return cr_cluster_push_to(c, doc, norm, meta, -2);
}

int64_t cr_cluster_push_to(cr_cluster *c, uint32_t doc, const cr_norm *norm,
                           const cr_cluster_meta *meta, int64_t force) {
  if (!c || !norm || doc == NONE || grow_docs(c, doc))
    return -1;
  if (c->doc_story[doc] != NONE)
    return find(c, c->doc_story[doc]);
  int64_t t = meta && meta->published >= 0 ? meta->published : -1;
  const char *title = meta ? meta->title : NULL;
  cr_docvec d;
  if (cr_cluster_features(c, norm, meta, &d))
    return -1;
  retire_idle(c, t);

  /* the decision rule over the candidates */
  uint32_t best = NONE, tent = NONE;
  int copy = 0;
  float best_score = 0.0f, best_cos = 0.0f, tent_fit = 0.0f;
  uint32_t nc = 0;
  if (meta && meta->origin >= 0 && (uint64_t)meta->origin < c->doc_cap &&
      c->doc_story[meta->origin] != NONE) {
    /* a copy of an earlier article belongs to that article's story */
    uint32_t r = find(c, c->doc_story[meta->origin]);
    if (!IS_RETIRED(c, r)) {
      float f[3];
      doc_features(c, &c->st[r], f);
      best = r;
      best_cos = f[0];
      copy = 1;
    }
  }
  if (best == NONE) {
    nc = candidates(c, d.qt, d.nqt, d.qe, d.nqe, NONE);
    if (nc == NONE)
      return -1;
    for (uint32_t i = 0; i < nc; i++) {
      uint32_t r = c->acc.ent[i].key - 1;
      cr_story *s = &c->st[r];
      int64_t gap = time_gap(s, t);
      if (gap > c->o.window) {
        c->acc.ent[i].w = -1.0f;
        continue;
      }
      float f[3];
      doc_features(c, s, f);
      float sc = rule(&c->o, f, c->o.bias);
      if (gap > 0)
        sc -= c->o.day_penalty * (float)gap / 86400.0f;
      c->acc.ent[i].w = sc; /* kept for the merge check below */
      if (c->o.trace)
        c->o.trace(c->o.trace_ud, doc, r, f, sc);
      if (tent == NONE || sc - c->o.bias > tent_fit) {
        tent = r;
        tent_fit = sc - c->o.bias;
      }
      if (force == -2 && sc > 0 && (best == NONE || sc > best_score)) {
        best = r;
        best_score = sc;
        best_cos = f[0];
      }
    }
  }
  if (force >= 0 && (uint64_t)force < c->nst) {
    float f[3];
    best = find(c, (uint32_t)force);
    doc_features(c, &c->st[best], f);
    best_cos = f[0];
    nc = 0;
    if (c->o.trace)
      c->o.trace(c->o.trace_ud, doc, best, f, rule(&c->o, f, c->o.bias));
  } else if (force == -1) {
    best = NONE;
  }

  float shape = title_shape(title);
  uint32_t sid;
  if (best == NONE) {
    int64_t id = new_story(c, doc, t);
    if (id < 0)
      return -1;
    sid = (uint32_t)id;
    c->st[sid].tent = tent;
    c->st[sid].tent_fit = tent_fit;
    if (title && set_title(c, &c->st[sid], title, doc, shape, -1.0f))
      return -1;
  } else {
    sid = best;
    cr_story *s = &c->st[sid];
    /* the title of the article closest to the centroid it joins; the
     * founder's is scored by the first article to join it */
    if (s->title && s->title_score < 0)
      s->title_score = best_cos * s->title_shape;
    float ts = best_cos * shape;
    if (title && (!s->title || ts > s->title_score) &&
        set_title(c, s, title, doc, shape, ts))
      return -1;
  }
  cr_story *s = &c->st[sid];
  const cr_kv *add[3] = {d.t, d.e, d.n};
  const uint32_t nadd[3] = {d.nt, d.ne, d.nn};
  /* a copy adds no new evidence of what the story is about: it joins
   * without moving the centroid towards the text it repeats */
  if (!copy && absorb(c, s, add, nadd))
    return -1;
  s->ndocs++;
  s->last_seq = c->ndocs;
  if (t >= 0) {
    if (s->first_time < 0 || t < s->first_time)
      s->first_time = t;
    if (t > s->last_time)
      s->last_time = t;
  }
  c->doc_story[doc] = sid;
  if (reindex(c, sid))
    return -1;

  return find(c, sid);
}

/* Candidates of a story into c->acc.ent[0..n): looked up under its
 * heaviest terms and names that other documents have too (a key only its
 * own articles have cannot find another story). */
static uint32_t story_candidates(cr_cluster *c, uint32_t sid) {
  cr_story *s = &c->st[sid];
  uint32_t nq = (uint32_t)s->nt + s->ne;
  cr_kv *q = stage(c, nq ? nq : 1);
  if (!q)
    return NONE;
  uint32_t nt = 0, ne = 0;
  for (uint32_t i = 0; i < nq; i++) {
    if (cr_dftab_get(&c->df, s->v[i].key) <= s->ndocs)
      continue;
    if (i < s->nt)
      q[nt++] = s->v[i];
    else
      q[nt + ne++] = s->v[i];
  }
  /* terms first, then names, each cut to twice its query size */
  uint32_t kt = cr_kv_top(q, nt, 2 * c->o.query_terms);
  uint32_t ke = cr_kv_top(q + nt, ne, 2 * c->o.query_names);
  memmove(q + kt, q + nt, ke * sizeof *q);
  return candidates(c, q, kt, q + kt, ke, sid);
}

/* Two stories too far apart in time to be one. */
static int time_apart(const cr_cluster *c, const cr_story *a,
                      const cr_story *b) {
  if (a->last_time < 0 || b->last_time < 0)
    return 0;
  int64_t g1 = time_gap(a, b->first_time), g2 = time_gap(a, b->last_time);
  return g1 > c->o.window && g2 > c->o.window;
}

/* Flush, step 1: an article still alone after the stream is given a
 * second, laxer look (sweep_bias): online, a story needs a confident first
 * match so that two events of one kind do not fuse early; at the end, a
 * lone article joins the story it fits best, as a member that leaves the
 * centroid as it was. Only stories that already had two articles take
 * lone ones, so no chain of weak links forms. */
static int sweep_pass(cr_cluster *c) {
  uint32_t n = c->nst;
  uint8_t *multi = cr_calloc(n ? n : 1, 1);
  if (!multi)
    return -1;
  for (uint32_t i = 0; i < n; i++)
    multi[i] = IS_ROOT(c, i) && !IS_RETIRED(c, i) && c->st[i].ndocs >= 2;
  for (uint32_t sid = 0; sid < n; sid++) {
    cr_story *s = &c->st[sid];
    if (!IS_ROOT(c, sid) || IS_RETIRED(c, sid) || s->ndocs != 1 || !s->nidx)
      continue;
    uint32_t nc = story_candidates(c, sid);
    if (nc == NONE)
      goto fail;
    uint32_t best = NONE;
    float best_sc = 0;
    if (load_story(c, s))
      goto fail;
    for (uint32_t i = 0; i < nc; i++) {
      uint32_t r = c->acc.ent[i].key - 1;
      if (!multi[r] || time_apart(c, s, &c->st[r]))
        continue;
      float f[3];
      pair_loaded(c, s, &c->st[r], f);
      float sc = rule(&c->o, f, c->o.sweep_bias);
      if (sc > best_sc) {
        best = r;
        best_sc = sc;
      }
    }
    if (s->tent != NONE) { /* the article's own fit when it arrived */
      uint32_t r = find(c, s->tent);
      if (r != sid && multi[r] && s->tent_fit + c->o.sweep_bias > best_sc) {
        best = r;
        best_sc = s->tent_fit + c->o.sweep_bias;
      }
    }
    if (best == NONE)
      continue;
    cr_story *w = &c->st[best];
    w->ndocs += s->ndocs;
    if (s->first_doc < w->first_doc)
      w->first_doc = s->first_doc;
    if (s->title && !w->title) {
      w->title = s->title;
      w->title_doc = s->title_doc;
      w->title_shape = s->title_shape;
      w->title_score = 0;
    } else if (s->title) {
      c->story_bytes -= strlen(s->title) + 1;
      cr_free(s->title);
    }
    s->title = NULL;
    c->story_bytes -= ((size_t)s->nt + s->ne + s->nn) * sizeof *s->v;
    cr_free(s->v);
    s->v = NULL;
    s->nt = s->ne = s->nn = 0;
    c->par[sid] = best;
  }
  cr_free(multi);
  return 0;
fail:
  cr_free(multi);
  return -1;
}

typedef struct pair_cand {
  float score;
  uint32_t a, b;
} pair_cand;

static int cmp_pair(const void *pa, const void *pb) {
  const pair_cand *x = pa, *y = pb;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

/* Flush, step 2: merge stories whose centroids agree (merge_bias),
 * best-scored pairs first. A story merged in a round is compared again in
 * the next with its new centroid; pairs of unchanged stories were already
 * found wanting, so later rounds look only at the changed ones. */
static int merge_rounds(cr_cluster *c) {
  pair_cand *pc = NULL;
  size_t npc = 0, cap = 0;
  uint8_t *dirty = cr_malloc(c->nst ? c->nst : 1);
  if (!dirty)
    return -1;
  memset(dirty, 1, c->nst);
  for (int round = 0; round < 16; round++) {
    npc = 0;
    for (uint32_t sid = 0; sid < c->nst; sid++) {
      cr_story *s = &c->st[sid];
      if (!dirty[sid] || !IS_ROOT(c, sid) || IS_RETIRED(c, sid) || !s->nidx)
        continue;
      uint32_t nc = story_candidates(c, sid);
      if (nc == NONE)
        goto fail;
      if (nc && load_story(c, s))
        goto fail;
      for (uint32_t i = 0; i < nc; i++) {
        uint32_t r = c->acc.ent[i].key - 1;
        if (time_apart(c, s, &c->st[r]))
          continue;
        float f[3];
        pair_loaded(c, s, &c->st[r], f);
        float sc = rule(&c->o, f, c->o.merge_bias);
        if (sc <= 0)
          continue;
        if (cr_grow((void **)&pc, &cap, npc + 1, sizeof *pc))
          goto fail;
        pc[npc++] = (pair_cand){sc, sid < r ? sid : r, sid < r ? r : sid};
      }
    }
    memset(dirty, 0, c->nst);
    if (!npc)
      break;
    qsort(pc, npc, sizeof *pc, cmp_pair);
    for (size_t i = 0; i < npc; i++) {
      uint32_t a = pc[i].a, b = pc[i].b;
      if (dirty[a] || dirty[b] || !IS_ROOT(c, a) || !IS_ROOT(c, b))
        continue;
      int64_t w = merge(c, a, b);
      if (w < 0)
        goto fail;
      dirty[a] = dirty[b] = 1; /* both wait for the next round */
    }
  }
  cr_free(pc);
  cr_free(dirty);
  return 0;
fail:
  cr_free(pc);
  cr_free(dirty);
  return -1;
}

typedef struct out_sort {
  uint32_t root, n, first;
} out_sort;

static int cmp_roots(const void *pa, const void *pb) {
  const out_sort *a = pa, *b = pb;
  if (a->n != b->n)
    return a->n > b->n ? -1 : 1;
  return a->first < b->first ? -1 : a->first > b->first;
}

int cr_cluster_flush(cr_cluster *c) {
  if (!c)
    return -1;
  if (sweep_pass(c) || merge_rounds(c))
    return -1;
  out_clear(c);
  /* count the articles of each root */
  out_sort *roots = NULL;
  uint32_t *cnt = cr_calloc(c->nst ? c->nst : 1, sizeof *cnt);
  uint32_t *first = cr_malloc((c->nst ? c->nst : 1) * sizeof *first);
  if (!cnt || !first)
    goto fail;
  for (uint32_t i = 0; i < c->nst; i++)
    first[i] = NONE;
  size_t ndocs = 0;
  for (size_t d = 0; d < c->doc_cap; d++) {
    if (c->doc_story[d] == NONE)
      continue;
    uint32_t r = find(c, c->doc_story[d]);
    if (!cnt[r]++)
      first[r] = (uint32_t)d;
    ndocs++;
  }
  size_t nr = 0;
  for (uint32_t i = 0; i < c->nst; i++)
    nr += cnt[i] > 0;
  roots = cr_malloc((nr ? nr : 1) * sizeof *roots);
  c->out_off = cr_malloc((nr + 1) * sizeof *c->out_off);
  c->out_docs = cr_malloc((ndocs ? ndocs : 1) * sizeof *c->out_docs);
  c->out_root = cr_malloc((nr ? nr : 1) * sizeof *c->out_root);
  c->root_out = cr_malloc((c->nst ? c->nst : 1) * sizeof *c->root_out);
  c->out_nst = c->nst;
  if (!roots || !c->out_off || !c->out_docs || !c->out_root || !c->root_out)
    goto fail;
  nr = 0;
  for (uint32_t i = 0; i < c->nst; i++)
    c->root_out[i] = NONE;
  for (uint32_t i = 0; i < c->nst; i++)
    if (cnt[i])
      roots[nr++] = (out_sort){i, cnt[i], first[i]};
  qsort(roots, nr, sizeof *roots, cmp_roots);
  uint32_t off = 0;
  for (size_t i = 0; i < nr; i++) {
    c->out_root[i] = roots[i].root;
    c->root_out[roots[i].root] = (uint32_t)i;
    c->out_off[i] = off;
    off += roots[i].n;
    cnt[roots[i].root] = c->out_off[i]; /* now: next free position */
  }
  c->out_off[nr] = off;
  for (size_t d = 0; d < c->doc_cap; d++) {
    if (c->doc_story[d] == NONE)
      continue;
    uint32_t r = find(c, c->doc_story[d]);
    c->out_docs[cnt[r]++] = (uint32_t)d;
  }
  c->nout = nr;
  c->out_ndocs = ndocs;
  cr_free(roots);
  cr_free(cnt);
  cr_free(first);
  return 0;
fail:
  cr_free(roots);
  cr_free(cnt);
  cr_free(first);
  out_clear(c);
  return -1;
}

size_t cr_cluster_story_count(const cr_cluster *c) { return c ? c->nout : 0; }

const uint32_t *cr_cluster_story_docs(const cr_cluster *c, size_t i,
                                      size_t *n) {
  if (!c || i >= c->nout) {
    if (n)
      *n = 0;
    return NULL;
  }
  if (n)
    *n = c->out_off[i + 1] - c->out_off[i];
  return c->out_docs + c->out_off[i];
}

const char *cr_cluster_story_title(const cr_cluster *c, size_t i) {
  return c && i < c->nout ? c->st[c->out_root[i]].title : NULL;
}

int64_t cr_cluster_story_title_doc(const cr_cluster *c, size_t i) {
  if (!c || i >= c->nout)
    return -1;
  uint32_t d = c->st[c->out_root[i]].title_doc;
  return d == NONE ? -1 : (int64_t)d;
}

int64_t cr_cluster_story_of(const cr_cluster *c, uint32_t doc) {
  if (!c || doc >= c->doc_cap || c->doc_story[doc] == NONE || !c->root_out)
    return -1;
  uint32_t s = c->doc_story[doc];
  while (PARENT(c, s) != s)
    s = PARENT(c, s);
  return s < c->out_nst && c->root_out[s] != NONE ? (int64_t)c->root_out[s]
                                                  : -1;
}

size_t cr_cluster_bytes(const cr_cluster *c) {
  if (!c)
    return 0;
  size_t b = sizeof *c + (size_t)(c->df.mask + 1) * sizeof *c->df.s +
             ix_bytes(c->ix) + (size_t)c->st_cap * sizeof *c->st +
             c->par_cap * sizeof *c->par + c->story_bytes +
             c->doc_cap * sizeof *c->doc_story;
  b += cr_kmap_bytes(&c->tf) + cr_kmap_bytes(&c->tfe) + cr_kmap_bytes(&c->tfn) +
       cr_kmap_bytes(&c->seen) + cr_kmap_bytes(&c->dmap) +
       cr_kmap_bytes(&c->acc) + cr_kmap_bytes(&c->tmp);
  b += ((size_t)c->vt_cap + c->ve_cap + c->vn_cap + c->q_cap + c->stage_cap) *
       sizeof(cr_kv);
  b += (c->nout + 1 + c->nout) * 4 + c->out_ndocs * 4 + (size_t)c->nst * 4;
  return b;
}

size_t cr_cluster_docs(const cr_cluster *c) { return c ? c->ndocs : 0; }

int cr_cluster_pair(cr_cluster *c, uint32_t doc_a, uint32_t doc_b, float f[3]) {
  if (doc_a >= c->doc_cap || doc_b >= c->doc_cap ||
      c->doc_story[doc_a] == NONE || c->doc_story[doc_b] == NONE)
    return -1;
  uint32_t a = find(c, c->doc_story[doc_a]), b = find(c, c->doc_story[doc_b]);
  if (IS_RETIRED(c, a) || IS_RETIRED(c, b))
    return -1;
  return pair_features(c, &c->st[a], &c->st[b], f);
}

const cr_kv *cr_cluster_story_vec(const cr_cluster *c, size_t i,
                                  uint32_t n[3]) {
  if (i >= c->nout)
    return NULL;
  const cr_story *s = &c->st[c->out_root[i]];
  n[0] = s->nt;
  n[1] = s->ne;
  n[2] = s->nn;
  return s->v;
}

void cr_cluster_memory(const cr_cluster *c, size_t out[5]) {
  out[0] = (size_t)(c->df.mask + 1) * sizeof *c->df.s;
  out[1] = ix_bytes(c->ix);
  out[2] = (size_t)c->st_cap * sizeof *c->st + c->par_cap * sizeof *c->par;
  out[3] = c->story_bytes;
  out[4] = c->doc_cap * sizeof *c->doc_story;
}
