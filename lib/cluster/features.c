/* features.c -- what the clustering stage sees of one document: TF-IDF
 * over stems with document frequencies learned online, name keys (from the
 * entities stage, or derived here from capitalisation), number and date
 * keys; plus the small containers these need. See docs/cluster.md. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "internal.h"

/* ---- scratch map ---------------------------------------------------------*/

int cr_kmap_init(cr_kmap *m, uint32_t slots) {
  memset(m, 0, sizeof *m);
  uint32_t n = 16;
  while (n < slots)
    n <<= 1;
  m->slot = cr_calloc(n, sizeof *m->slot);
  m->ent = cr_malloc((n / 2) * sizeof *m->ent);
  if (!m->slot || !m->ent) {
    cr_kmap_clear(m);
    return -1;
  }
  m->mask = n - 1;
  m->gen = 1;
  m->cap = n / 2;
  return 0;
}

void cr_kmap_clear(cr_kmap *m) {
  cr_free(m->slot);
  cr_free(m->ent);
  memset(m, 0, sizeof *m);
}

void cr_kmap_reset(cr_kmap *m) {
  m->n = 0;
  if (++m->gen == 0) { /* wrapped: stamps from 2^32 resets ago look live */
    memset(m->slot, 0, (size_t)(m->mask + 1) * sizeof *m->slot);
    m->gen = 1;
  }
}

static int kmap_grow(cr_kmap *m) {
  uint32_t nslots = (m->mask + 1) * 2;
  cr_kslot *sl = cr_calloc(nslots, sizeof *sl);
  cr_kv *e = cr_realloc(m->ent, (nslots / 2) * sizeof *e);
  if (!sl || !e) {
    cr_free(sl);
    if (e)
      m->ent = e;
    return -1;
  }
  m->ent = e;
  cr_free(m->slot);
  m->slot = sl;
  m->mask = nslots - 1;
  m->gen = 1;
  m->cap = nslots / 2;
  for (uint32_t j = 0; j < m->n; j++) {
    uint32_t i = (m->ent[j].key * 0x9E3779B1u) & m->mask;
    while (sl[i].gen == 1)
      i = (i + 1) & m->mask;
    sl[i] = (cr_kslot){m->ent[j].key, j, 1};
  }
  return 0;
}

cr_kv *cr_kmap_at(cr_kmap *m, uint32_t key) {
  if (m->n >= m->cap && kmap_grow(m))
    return NULL;
  uint32_t i = (key * 0x9E3779B1u) & m->mask;
  while (m->slot[i].gen == m->gen) {
    if (m->slot[i].key == key)
      return &m->ent[m->slot[i].idx];
    i = (i + 1) & m->mask;
  }
  m->slot[i] = (cr_kslot){key, m->n, m->gen};
  cr_kv *e = &m->ent[m->n++];
  e->key = key;
  e->w = 0.0f;
  return e;
}

size_t cr_kmap_bytes(const cr_kmap *m) {
  return m->mask ? (size_t)(m->mask + 1) * sizeof(cr_kslot) +
                       (size_t)m->cap * sizeof(cr_kv)
                 : 0;
}

/* ---- document frequencies ---------------------------------------------*/

int cr_dftab_init(cr_dftab *t, uint32_t max_slots, uint32_t horizon) {
  memset(t, 0, sizeof *t);
  uint32_t n = 1u << 12;
  t->s = cr_calloc(n, sizeof *t->s);
  if (!t->s)
    return -1;
  t->mask = n - 1;
  t->max_slots = max_slots < n ? n : max_slots;
  t->floor = 1;
  t->horizon = horizon;
  return 0;
}

void cr_dftab_clear(cr_dftab *t) {
  cr_free(t->s);
  memset(t, 0, sizeof *t);
}

/* Rebuild into nslots slots keeping only counts >= floor and keys seen
 * since `since`. */
static int dftab_rebuild(cr_dftab *t, uint32_t nslots, uint32_t floor,
                         uint32_t since) {
  cr_dfslot *s = cr_calloc(nslots, sizeof *s);
  if (!s)
    return -1;
  uint32_t mask = nslots - 1, n = 0;
  for (uint32_t j = 0; j <= t->mask; j++) {
    if (!t->s[j].key || t->s[j].cnt < floor || t->s[j].last < since)
      continue;
    uint32_t i = (t->s[j].key * 0x9E3779B1u) & mask;
    while (s[i].key)
      i = (i + 1) & mask;
    s[i] = t->s[j];
    n++;
  }
  cr_free(t->s);
  t->s = s;
  t->mask = mask;
  t->n = n;
  return 0;
}

int cr_dftab_reserve(cr_dftab *t, uint32_t more) {
  while ((uint64_t)(t->n + more) * 4 > (uint64_t)(t->mask + 1) * 3) {
    uint32_t nslots = (t->mask + 1) * 2;
    if (nslots <= t->max_slots) {
      if (dftab_rebuild(t, nslots, 0, 0))
        return -1;
      continue;
    }
    /* Full: drop the keys not seen within the horizon; if that frees less
     * than a quarter of the table, the rarest too, raising the floor until
     * it does, so pruning stays rare. */
    uint32_t before = t->n;
    uint32_t since = t->clock > t->horizon ? t->clock - t->horizon : 0;
    if (dftab_rebuild(t, t->mask + 1, 0, since))
      return -1;
    while (t->n * 4 > before * 3) {
      if (dftab_rebuild(t, t->mask + 1, t->floor + 1, 0))
        return -1;
      if (t->n * 4 > before * 3)
        t->floor++;
    }
    if ((uint64_t)(t->n + more) * 4 > (uint64_t)(t->mask + 1) * 3)
      return -1; /* more than the table can ever hold */
  }
  return 0;
}

int64_t cr_dftab_bump(cr_dftab *t, uint32_t key) {
  if (cr_dftab_reserve(t, 1))
    return -1;
  uint32_t i = (key * 0x9E3779B1u) & t->mask;
  while (t->s[i].key && t->s[i].key != key)
    i = (i + 1) & t->mask;
  if (!t->s[i].key) {
    t->s[i].key = key;
    t->n++;
  }
  t->s[i].last = t->clock;
  return t->s[i].cnt == UINT32_MAX ? UINT32_MAX : t->s[i].cnt++;
}

uint32_t cr_dftab_get(const cr_dftab *t, uint32_t key) {
  uint32_t i = (key * 0x9E3779B1u) & t->mask;
  while (t->s[i].key) {
    if (t->s[i].key == key)
      return t->s[i].cnt;
    i = (i + 1) & t->mask;
  }
  return 0;
}

/* ---- top k
 * ------------------------------------------------------------------*/

static int heavier(cr_kv a, cr_kv b) {
  return a.w > b.w || (a.w == b.w && a.key > b.key);
}

/* Quickselect, heaviest first; ties broken by key so the result does not
 * depend on the order of the input. */
uint32_t cr_kv_top(cr_kv *v, uint32_t n, uint32_t k) {
  if (n <= k)
    return n;
  if (k == 0)
    return 0;
  uint32_t lo = 0, hi = n - 1;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    cr_kv p = v[mid];
    v[mid] = v[hi];
    v[hi] = p;
    uint32_t s = lo;
    for (uint32_t i = lo; i < hi; i++) {
      if (heavier(v[i], p)) {
        cr_kv t = v[i];
        v[i] = v[s];
        v[s] = t;
        s++;
      }
    }
    v[hi] = v[s];
    v[s] = p;
    if (s == k - 1)
      break;
    if (s < k - 1)
      lo = s + 1;
    else
      hi = s - 1;
  }
  return k;
}

/* ---- features
 * --------------------------------------------------------------*/

static int is_term(const cr_token *t) {
  switch (t->kind) {
  case CR_TOK_WORD:
    return !(t->flags & CR_TF_STOP) && t->stem_len >= 2;
  case CR_TOK_NUMBER:
  case CR_TOK_ABBREV:
  case CR_TOK_DATE:
  case CR_TOK_HANDLE:
    return 1;
  default:
    return 0;
  }
}

static int is_number(const cr_token *t) {
  return t->kind == CR_TOK_NUMBER || t->kind == CR_TOK_DATE;
}

/* A capitalised word that could be part of a name. */
static int name_like(const cr_token *t) {
  return (t->kind == CR_TOK_WORD || t->kind == CR_TOK_ABBREV) &&
         (t->flags & CR_TF_CAP) && !(t->flags & CR_TF_STOP) && t->stem_len >= 2;
}

/* Pass 1: which capitalised words are capitalised for being names. A word
 * counts when it is capitalised somewhere it need not be: not first in its
 * sentence, and not in a sentence written in title case (a headline,
 * where every word is capitalised). */
static int collect_name_evidence(cr_cluster *c, const cr_norm *nm) {
  for (size_t s = 0; s < nm->nsent; s++) {
    const cr_sentence *se = &nm->sent[s];
    uint32_t nword = 0, ncap = 0;
    for (uint32_t i = se->tok; i < se->tok + se->ntok && i < nm->ntok; i++) {
      const cr_token *t = &nm->tok[i];
      if ((t->kind == CR_TOK_WORD || t->kind == CR_TOK_ABBREV) &&
          !(t->flags & CR_TF_STOP)) {
        nword++;
        ncap += (t->flags & CR_TF_CAP) != 0;
      }
    }
    if (nword >= 3 && ncap * 10 >= nword * 6)
      continue;
    for (uint32_t i = se->tok; i < se->tok + se->ntok && i < nm->ntok; i++) {
      const cr_token *t = &nm->tok[i];
      if (!name_like(t) || (t->flags & CR_TF_SSTART))
        continue;
      if (i > se->tok && (nm->tok[i - 1].flags & CR_TF_OPEN))
        continue; /* first word of a quotation */
      if (!cr_kmap_at(&c->seen, ck_key(t->hash, SALT_NAME)))
        return -1;
    }
  }
  return 0;
}

static int add(cr_kmap *m, uint32_t key, float w) {
  cr_kv *e = cr_kmap_at(m, key);
  if (!e)
    return -1;
  e->w += w;
  return 0;
}

/* Pass 2: count terms, numbers and (when derive) name keys: each word
 * that passed pass 1, and each run of two or more such words ("Lindsay
 * Lohan", "Betty Ford Center") as one more key. */
static int count_tokens(cr_cluster *c, const cr_norm *nm, float w0,
                        int derive) {
  uint64_t run = 0;
  uint32_t run_len = 0, prev = UINT32_MAX;
  float run_w = 0;
  for (size_t i = 0; i < nm->ntok; i++) {
    const cr_token *t = &nm->tok[i];
    /* the lead says who did what where: it weighs more */
    float w = t->sent < c->o.lead_sents ? w0 * (1.0f + c->o.w_lead) : w0;
    if (is_term(t) && add(&c->tf, ck_key(t->hash, SALT_TERM), w))
      return -1;
    if (is_number(t) && add(&c->tfn, ck_key(t->hash, SALT_NUM), w))
      return -1;
    if (!derive)
      continue;
    int name =
        name_like(t) && cr_kmap_find(&c->seen, ck_key(t->hash, SALT_NAME)) >= 0;
    int cont = name && prev != UINT32_MAX && i == (size_t)prev + 1 &&
               nm->tok[prev].sent == t->sent && run_len < 4;
    if (!cont) {
      if (run_len >= 2 && add(&c->tfe, ck_key(run, SALT_RUN), run_w))
        return -1;
      run = 0;
      run_len = 0;
    }
    if (name) {
      if (add(&c->tfe, ck_key(t->hash, SALT_NAME), w))
        return -1;
      if (!run_len)
        run_w = w;
      run = run * 0x100000001B3ull ^ t->hash;
      run_len++;
      prev = (uint32_t)i;
    }
  }
  if (run_len >= 2 && add(&c->tfe, ck_key(run, SALT_RUN), run_w))
    return -1;
  return 0;
}

static float damp(float tf) { return tf <= 1.0f ? tf : 1.0f + logf(tf); }

/* Counts -> TF-IDF weights, L2-normalised, into *out (grown as needed);
 * document frequencies are read before this document is counted in. Terms,
 * names and numbers have frequencies of their own: "Bush" the name and
 * "bush" the word are not the same evidence. */
static int weigh(cr_cluster *c, cr_kmap *m, cr_kv **out, uint32_t *cap,
                 uint32_t *n) {
  if (m->n > *cap) {
    cr_kv *v = cr_realloc(*out, (size_t)m->n * sizeof *v);
    if (!v)
      return -1;
    *out = v;
    *cap = m->n;
  }
  double n1 = (double)c->ndocs + 1.0, ss = 0.0;
  cr_kv *v = *out;
  /* the table is far larger than the caches: ask for every slot first */
  if (cr_dftab_reserve(&c->df, m->n))
    return -1;
#if defined(__GNUC__)
  for (uint32_t i = 0; i < m->n; i++)
    __builtin_prefetch(&c->df.s[(m->ent[i].key * 0x9E3779B1u) & c->df.mask]);
#endif
  for (uint32_t i = 0; i < m->n; i++) {
    uint32_t key = m->ent[i].key;
    int64_t df = cr_dftab_bump(&c->df, key);
    if (df < 0)
      return -1;
    double idf = log(n1 / ((double)df + 1.0));
    if (idf > c->idf_max)
      idf = c->idf_max;
    idf += 1.0;
    double x = damp(m->ent[i].w) * idf;
    v[i].key = key;
    v[i].w = (float)x;
    ss += x * x;
    /* the count is spent: the entry now says whether any earlier document
     * had the key (only those can be in the index) */
    m->ent[i].w = df > 0 ? 1.0f : 0.0f;
  }
  float inv = ss > 0 ? (float)(1.0 / sqrt(ss)) : 0.0f;
  for (uint32_t i = 0; i < m->n; i++)
    v[i].w *= inv;
  *n = m->n;
  return 0;
}

int cr_cluster_features(cr_cluster *c, const cr_norm *norm,
                        const cr_cluster_meta *meta, cr_docvec *out) {
  memset(out, 0, sizeof *out);
  cr_kmap_reset(&c->tf);
  cr_kmap_reset(&c->tfe);
  cr_kmap_reset(&c->tfn);
  cr_kmap_reset(&c->seen);
  const cr_norm *title = meta ? meta->title_norm : NULL;
  /* names from capitalisation always: the entity stage's keys, when given,
   * are added to them (both together fit best, docs/cluster.md) */
  if (collect_name_evidence(c, norm))
    return -1;
  if (count_tokens(c, norm, 1.0f, 1))
    return -1;
  if (title && count_tokens(c, title, c->o.w_title, 1))
    return -1;
  for (size_t i = 0; meta && meta->keys && i < meta->nkeys; i++) {
    const cr_cluster_key *k = &meta->keys[i];
    float w = k->weight > 0 ? k->weight : 1.0f;
    int r = k->kind == CR_CKEY_NAME
                ? add(&c->tfe, ck_key(k->hash, SALT_NAME), w)
                : add(&c->tfn, ck_key(k->hash, SALT_NUM), w);
    if (r)
      return -1;
  }
  if (weigh(c, &c->tf, &c->vt, &c->vt_cap, &out->nt) ||
      weigh(c, &c->tfe, &c->ve, &c->ve_cap, &out->ne) ||
      weigh(c, &c->tfn, &c->vn, &c->vn_cap, &out->nn))
    return -1;
  out->t = c->vt;
  out->e = c->ve;
  out->n = c->vn;

  /* the index query: the heaviest terms and names that earlier documents
   * had (a key seen for the first time cannot find a story), twice as many
   * as are looked up, as some may have left the index; copied, as top-k
   * reorders */
  uint32_t qn = 2 * (c->o.query_terms + c->o.query_names);
  if (qn > c->q_cap) {
    cr_kv *q = cr_realloc(c->q, (size_t)qn * sizeof *q);
    if (!q)
      return -1;
    c->q = q;
    c->q_cap = qn;
  }
  cr_kmap_reset(&c->tmp);
  for (uint32_t i = 0; i < out->nt; i++)
    if (c->tf.ent[i].w > 0 && add(&c->tmp, out->t[i].key, out->t[i].w))
      return -1;
  uint32_t k = cr_kv_top(c->tmp.ent, c->tmp.n, 2 * c->o.query_terms);
  memcpy(c->q, c->tmp.ent, (size_t)k * sizeof *c->q);
  out->qt = c->q;
  out->nqt = k;
  cr_kmap_reset(&c->tmp);
  for (uint32_t i = 0; i < out->ne; i++)
    if (c->tfe.ent[i].w > 0 && add(&c->tmp, out->e[i].key, out->e[i].w))
      return -1;
  uint32_t ke = cr_kv_top(c->tmp.ent, c->tmp.n, 2 * c->o.query_names);
  memcpy(c->q + k, c->tmp.ent, (size_t)ke * sizeof *c->q);
  out->qe = c->q + k;
  out->nqe = ke;

  /* one map of the whole document for scoring against stories */
  cr_kmap_reset(&c->dmap);
  for (uint32_t i = 0; i < out->nt; i++)
    if (add(&c->dmap, out->t[i].key, out->t[i].w))
      return -1;
  for (uint32_t i = 0; i < out->ne; i++)
    if (add(&c->dmap, out->e[i].key, out->e[i].w))
      return -1;
  for (uint32_t i = 0; i < out->nn; i++)
    if (add(&c->dmap, out->n[i].key, out->n[i].w))
      return -1;
  c->ndocs++;
  c->df.clock++;
  return 0;
}
