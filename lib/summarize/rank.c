/* rank.c -- the extractive summariser (see summarize.h, docs/summarize.md).
 * Concepts are stemmed bigrams (and content words) weighted by the number of
 * independent origins that hold them plus a lead-position credit; a budgeted
 * maximum-coverage problem picks verbatim sentences (greedy start, then
 * branch & bound), and each pick cites every article with a near-duplicate. */
#include "summarize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/table.h"
#include "span.h"

void cr_sum_opts_default(cr_sum_opts *o) {
  memset(o, 0, sizeof *o);
  o->words = 100;
  o->overflow = 0;
  o->min_words = 8;
  o->max_words = 60;
  o->skip_quotes = 1;
  o->skip_openers = 1;
  o->weighting = CR_SUM_W_MODEL;
  o->min_support = 0.3;
  /* CR_SUM_W_MODEL: a log-linear estimate of how many reference summaries
   * hold a bigram, fitted on the DUC 2003 part of the dev set only (see
   * docs/summarize.md) and rounded */
  o->df_rate = 0.23;
  o->lead_rate = 0.31;
  o->lead_sents = 2;
  o->tf_power = 1.8;
  o->cap_rate = 0.52;
  o->num_rate = 0.63;
  o->first_rate = 0.63;
  o->last_rate = 0.53;
  o->unigram_weight = 1.0;
  o->uni_df_rate = 0.22;
  o->uni_tf_power = 0.6;
  /* CR_SUM_W_ORIGINS: ICSISumm's weights (origins holding the bigram) */
  o->df_power = 1.0;
  o->pos_weight = 0.0;
  o->pos_decay = 3.0;
  o->repeat_rate = 0.2;
  o->function_weight = 45.0;
  o->repeat_pow = 3.0;
  o->len_power = 1.0;
  o->solver_nodes = 2000;
  o->cand_max = 50;
  o->max_skips = 6;
  o->dup_share = 0.8;
}

/* ---- small helpers
 * ----------------------------------------------------------*/

static uint64_t mix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k ? k : 1; /* 0 marks an empty slot */
}

static uint64_t bigram_key(uint64_t a, uint64_t b) {
  return mix64(a * 0x9e3779b97f4a7c15ULL + (b ^ 0x632be59bd9b4e019ULL));
}

static uint64_t unigram_key(uint64_t a) {
  return mix64(a ^ 0xa0761d6478bd642fULL);
}

static uint64_t function_key(uint64_t a) {
  return mix64(a ^ 0xe7037ed1a0b428dbULL);
}

static int is_content(const cr_token *t) {
  return t->kind != CR_TOK_PUNCT && t->kind != CR_TOK_SYMBOL;
}

/* ---- concept table
 * ------------------------------------------------------------*/

typedef struct concept {
  double w;
  double pos_sum;   /* lead credit summed over origins */
  uint32_t cur_pos; /* best (lowest) sentence position in the current origin */
  uint32_t df;      /* origins holding it */
  uint32_t lead;    /* origins holding it in their opening sentences */
  uint32_t tf;      /* occurrences in the first document of each origin */
  uint32_t caps;    /* capitalised words (not opening a sentence) seen in it */
  uint8_t num;      /* holds a number */
  uint8_t edge;     /* bit 0: opens the earliest article, bit 1: the latest */
  int32_t last_origin;
  uint32_t stamp; /* last candidate that listed it */
  int uni;        /* a content word rather than a bigram */
  double rep;     /* worth of each further mention, as a share of the last */
  uint32_t act;   /* its index among the concepts candidates list */
  uint8_t fn;     /* a function word (stop word): worth by expected count */
  uint8_t seen;   /* mentions in the candidate being listed */
  float tail[8];  /* fn: P(a reference holds it more than k times) */
}
concept;

typedef struct cslot {
  uint64_t key; /* 0: empty */
  uint32_t idx;
} cslot;

/* Open addressing, linear probing, grown at 70% load; key and index share
 * one slot so a probe costs one cache line. */
typedef struct ctable {
  cslot *slot;
  size_t mask;
  concept *c;
  size_t n, cap, max; /* concepts, room, most ever needed */
  cr_arena *a;
} ctable;

static int ctable_init(ctable *t, cr_arena *a, size_t max_entries,
                       size_t expect) {
  size_t cap = 64;
  while (cap < expect + expect / 2)
    cap <<= 1;
  t->slot = cr_arena_calloc(a, cap, sizeof *t->slot);
  t->n = 0;
  t->cap = cap / 2;
  if (t->cap > max_entries)
    t->cap = max_entries ? max_entries : 1;
  t->c = cr_arena_alloc(a, t->cap * sizeof *t->c);
  t->mask = cap - 1;
  t->max = max_entries;
  t->a = a;
  return t->slot && t->c ? 0 : -1;
}

/* double the slots (at 70% load) or the concept array (when full) */
static int ctable_grow(ctable *t) {
  if (t->n == t->cap) {
    size_t ncap = 2 * t->cap;
    if (ncap > t->max)
      ncap = t->max;
    concept *nc = cr_arena_realloc(t->a, t->c, t->cap * sizeof *t->c,
                                   ncap * sizeof *t->c);
    if (!nc)
      return -1;
    t->c = nc;
    t->cap = ncap;
    if (10 * (t->n + 1) <= 7 * (t->mask + 1))
      return 0;
  }
  size_t cap = 2 * (t->mask + 1);
  cslot *ns = cr_arena_calloc(t->a, cap, sizeof *ns);
  if (!ns)
    return -1;
  for (size_t i = 0; i <= t->mask; i++) {
    if (!t->slot[i].key)
      continue;
    size_t h = (size_t)t->slot[i].key & (cap - 1);
    while (ns[h].key)
      h = (h + 1) & (cap - 1);
    ns[h] = t->slot[i];
  }
  t->slot = ns;
  t->mask = cap - 1;
  return 0;
}

/* index of key, adding it when absent; UINT32_MAX when out of memory */
static uint32_t ctable_add(ctable *t, uint64_t key) {
  size_t i = (size_t)key & t->mask;
  for (;;) {
    if (t->slot[i].key == key)
      return t->slot[i].idx;
    if (!t->slot[i].key)
      break;
    i = (i + 1) & t->mask;
  }
  if (t->n >= t->max)
    return UINT32_MAX;
  if (t->n == t->cap || 10 * (t->n + 1) > 7 * (t->mask + 1)) {
    if (ctable_grow(t))
      return UINT32_MAX;
    i = (size_t)key & t->mask;
    while (t->slot[i].key)
      i = (i + 1) & t->mask;
  }
  t->slot[i].key = key;
  t->slot[i].idx = (uint32_t)t->n;
  concept *c = &t->c[t->n];
  memset(c, 0, sizeof *c);
  c->last_origin = -1;
  c->stamp = UINT32_MAX;
  c->act = UINT32_MAX;
  return (uint32_t)t->n++;
}

/* concept index of a key, or UINT32_MAX */
static uint32_t ctable_find(const ctable *t, uint64_t key) {
  size_t i = (size_t)key & t->mask;
  for (;;) {
    if (t->slot[i].key == key)
      return t->slot[i].idx;
    if (!t->slot[i].key)
      return UINT32_MAX;
    i = (i + 1) & t->mask;
  }
}

/* ---- the working state of one run
 * ---------------------------------------------*/

typedef struct sview {
  uint32_t doc, sent;
  uint32_t tok, ntok; /* tokens of the verbatim span (dateline dropped) */
  uint32_t off, len;  /* verbatim span in the document's text */
  uint32_t words;
} sview;

typedef struct cand {
  uint32_t s;      /* index into the sentence views */
  uint32_t c0, nc; /* its content concepts in cc[c0 .. c0+nc) */
  uint32_t nf;     /* then its function-word mentions, cc[c0+nc .. +nf) */
  uint32_t g0, ng; /* the same, grouped: fg_a[g0 ..] mentioned fg_m[..] times */
  uint32_t words;
  double value;
  double wpow; /* words ^ len_power */
} cand;

typedef struct summ {
  const cr_sum_doc *docs;
  size_t ndocs;
  const cr_sum_opts *o;
  cr_arena *tmp;
  sview *sv;
  size_t nsv;
  uint32_t *first_sv;           /* first view of each document; [ndocs] = nsv */
  uint32_t *tbase;              /* first global token index of each document */
  uint32_t first_doc, last_doc; /* earliest and latest article */
  uint64_t *bkey; /* per global token: bigram key ending there, 0 none */
  ctable ct;
  cand *cd;
  size_t ncd;
  uint32_t *cc;    /* concept indexes of candidates */
  uint8_t *cpos;   /* word position of each listed concept in its sentence */
  uint8_t *crank;  /* mentions of the same concept before it in the sentence */
  uint32_t *act_c; /* listed concepts (the solver's ids) -> concept index */
  size_t nact;
  float *gt;      /* gt[a * GT + k]: worth of the k-th further mention of a */
  float *dt;      /* gt[a * GT + k] - gt[a * GT + k + 1] */
  float *cgt;     /* cgt[a * (GT + 1) + k]: sum of gt[a * GT + i], i < k */
  uint32_t *fg_a; /* function-word groups of the candidates */
  uint8_t *fg_m;
  size_t nfg;
  size_t nwords; /* word tokens of all documents (function-word rates) */
  /* solver */
  uint32_t budget;
  uint16_t *cov;
  double *gain;       /* content gain of each candidate, kept current */
  double *tg;         /* scratch: whole gains at a search node */
  uint32_t *post_off; /* concept -> candidates: post[post_off[c] ..] */
  uint32_t *post;
  uint8_t *post_rank; /* the posting is the candidate's (rank+1)-th mention */
  uint32_t *live;     /* scratch of the search, one row per depth */
  uint16_t *excl;     /* > 0: may not be taken (taken, left out, or blocked) */
  uint32_t *conf_off; /* near-duplicate pairs among candidates */
  uint32_t *conf;
  uint32_t *sel, nsel;
  uint32_t *best, nbest;
  double best_val;
  size_t nodes;
  unsigned skips; /* top choices left out on the current path */
} summ;

static int eligible(const summ *S, const sview *v) {
  const cr_sum_opts *o = S->o;
  const cr_norm *nm = S->docs[v->doc].norm;
  if (v->words < o->min_words || v->words > o->max_words || v->ntok == 0)
    return 0;
  const char *p = nm->text + v->off;
  unsigned char c0 = (unsigned char)p[0];
  /* must open like a sentence: a capital, a digit or a non-ASCII letter */
  if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 >= 0xc0))
    return 0;
  /* and close like one; questions rarely summarise */
  size_t e = v->len;
  while (e > 0 && (p[e - 1] == '"' || p[e - 1] == '\'' || p[e - 1] == ')' ||
                   (unsigned char)p[e - 1] >= 0x80))
    e--;
  if (e == 0 || (p[e - 1] != '.' && p[e - 1] != '!'))
    return 0;
  /* a headline (most words capitalised) is not a sentence */
  uint32_t caps = 0, wordtoks = 0;
  for (uint32_t t = v->tok; t < v->tok + v->ntok; t++)
    if (nm->tok[t].kind == CR_TOK_WORD && !(nm->tok[t].flags & CR_TF_STOP)) {
      wordtoks++;
      caps += (nm->tok[t].flags & CR_TF_CAP) != 0;
    }
  if (wordtoks >= 4 && 10 * caps >= 7 * wordtoks)
    return 0;
  if (o->skip_openers) {
    const cr_token *t = &nm->tok[v->tok];
    size_t l = 0; /* "it's", "they're": the word before the apostrophe */
    while (l < t->fold_len && t->fold[l] != '\'')
      l++;
    if (t->kind == CR_TOK_WORD && cr_table_has(&cr_tab_sum_openers, t->fold, l))
      return 0;
  }
  /* one pass over the bytes: a short line glued on by a line break (a
   * heading or a caption left in the text, not part of the sentence), and
   * quotation marks */
  for (uint32_t i = 0; i < v->len; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '\n' && cr_sum_count_words(p, i) <= 8)
      return 0;
    if (o->skip_quotes &&
        (c == '"' || (c == '`' && i + 1 < v->len && p[i + 1] == '`') ||
         (c == '\'' && i + 1 < v->len && p[i + 1] == '\'') ||
         (c == 0xe2 && i + 2 < v->len && (unsigned char)p[i + 1] == 0x80 &&
          ((unsigned char)p[i + 2] == 0x9c ||
           (unsigned char)p[i + 2] == 0x9d))))
      return 0;
  }
  return 1;
}

/* Sentence views of every document (dateline dropped, words counted). */
static int build_views(summ *S) {
  size_t nsv = 0, ntok = 0;
  S->tbase = cr_arena_alloc(S->tmp, (S->ndocs + 1) * sizeof *S->tbase);
  S->first_sv = cr_arena_alloc(S->tmp, (S->ndocs + 1) * sizeof *S->first_sv);
  if (!S->tbase || !S->first_sv)
    return -1;
  for (size_t d = 0; d < S->ndocs; d++) {
    const cr_norm *nm = S->docs[d].norm;
    S->tbase[d] = (uint32_t)ntok;
    if (nm) {
      nsv += nm->nsent;
      ntok += nm->ntok;
    }
  }
  S->tbase[S->ndocs] = (uint32_t)ntok;
  S->sv = cr_arena_alloc(S->tmp, (nsv ? nsv : 1) * sizeof *S->sv);
  S->bkey = cr_arena_calloc(S->tmp, ntok ? ntok : 1, sizeof *S->bkey);
  if (!S->sv || !S->bkey ||
      ctable_init(&S->ct, S->tmp, 2 * ntok + 1, ntok < 8192 ? ntok : 8192))
    return -1;
  size_t k = 0;
  for (size_t d = 0; d < S->ndocs; d++) {
    S->first_sv[d] = (uint32_t)k;
    const cr_norm *nm = S->docs[d].norm;
    if (!nm)
      continue;
    for (size_t i = 0; i < nm->nsent; i++) {
      sview *v = &S->sv[k++];
      v->doc = (uint32_t)d;
      v->sent = (uint32_t)i;
      cr_sum_span sp;
      cr_sum_span_of(nm, i, &sp);
      v->tok = sp.tok;
      v->ntok = sp.ntok;
      v->off = sp.off;
      v->len = sp.len;
      v->words = sp.words;
    }
  }
  S->first_sv[S->ndocs] = (uint32_t)k;
  S->nsv = k;
  return 0;
}

/* fold the best position an origin gave a concept into its totals */
static void close_origin(const cr_sum_opts *o, concept *c) {
  c->pos_sum += 1.0 / (1.0 + (double)c->cur_pos / o->pos_decay);
  if (c->cur_pos < o->lead_sents)
    c->lead++;
}

/* Concepts of every sentence, counted once per origin, with the best lead
 * credit each origin gives them. Documents are visited origin by origin so
 * that "already seen in this origin" is one comparison. */
static void count_concepts(summ *S, const uint32_t *order, const int32_t *oid) {
  const cr_sum_opts *o = S->o;
  for (size_t r = 0; r < S->ndocs; r++) {
    uint32_t d = order[r];
    int32_t org = oid[d];
    const cr_norm *nm = S->docs[d].norm;
    if (!nm)
      continue;
    int first_of_origin = r == 0 || oid[order[r - 1]] != org;
    uint32_t pos = 0; /* position among real sentences (not headings) */
    for (uint32_t k = S->first_sv[d]; k < S->first_sv[d + 1]; k++) {
      const sview *v = &S->sv[k];
      uint32_t here = pos;
      if (v->words >= 4)
        pos++;
      const cr_token *prev = NULL;
      int prev_cap = 0, prev_num = 0;
      for (uint32_t t = v->tok; t < v->tok + v->ntok; t++) {
        const cr_token *tk = &nm->tok[t];
        if (!is_content(tk))
          continue;
        uint64_t keys[2];
        int uni[2];
        int nk = 0;
        int cap = (tk->flags & CR_TF_CAP) && t != v->tok &&
                  !(tk->flags & CR_TF_SSTART);
        int num = tk->kind == CR_TOK_NUMBER || (tk->flags & CR_TF_DIGIT);
        if (prev) {
          uint64_t bk = bigram_key(prev->hash, tk->hash);
          S->bkey[S->tbase[d] + t] = bk;
          if (!((prev->flags & CR_TF_STOP) && (tk->flags & CR_TF_STOP))) {
            uni[nk] = 0;
            keys[nk++] = bk;
          }
        }
        if (!(tk->flags & CR_TF_STOP) && o->unigram_weight > 0) {
          uni[nk] = 1;
          keys[nk++] = unigram_key(tk->hash);
        }
        S->nwords++;
        if ((tk->flags & CR_TF_STOP) && o->function_weight > 0) {
          uint32_t ci = ctable_add(&S->ct, function_key(tk->hash));
          if (ci != UINT32_MAX) {
            S->ct.c[ci].fn = 1;
            S->ct.c[ci].tf++;
          }
        }
        for (int q = 0; q < nk; q++) {
          uint32_t ci = ctable_add(&S->ct, keys[q]);
          if (ci == UINT32_MAX)
            continue;
          concept *c = &S->ct.c[ci];
          c->uni = uni[q];
          if (first_of_origin) {
            c->tf++;
            c->caps += (uint32_t)(cap + (!uni[q] && prev_cap));
          }
          if (num || (!uni[q] && prev_num))
            c->num = 1;
          if (here < o->lead_sents)
            c->edge |=
                (uint8_t)((d == S->first_doc) | ((d == S->last_doc) << 1));
          if (c->last_origin != org) {
            if (c->last_origin >= 0)
              close_origin(o, c);
            c->last_origin = org;
            c->cur_pos = here;
            c->df++;
          } else if (here < c->cur_pos) {
            c->cur_pos = here;
          }
        }
        prev = tk;
        prev_cap = cap && !(tk->flags & CR_TF_STOP);
        prev_num = num;
      }
    }
  }
}

static void weigh_concepts(summ *S, size_t norigins) {
  const cr_sum_opts *o = S->o;
  double need = ceil(o->min_support * (double)norigins - 1e-9);
  if (need < 1)
    need = 1;
  /* rates read as "per origin out of ten", the size of a DUC cluster */
  double per = 10.0 / (double)(norigins ? norigins : 1);
  for (size_t i = 0; i < S->ct.n; i++) {
    concept *c = &S->ct.c[i];
    if (c->last_origin >= 0)
      close_origin(o, c);
    c->last_origin = -1;
    if (c->fn) {
      /* a function word's count in a summary of `budget` words follows its
       * rate in these articles (Poisson); the k-th mention is worth the
       * chance that a human summary holds it at least k times */
      double lam = (double)S->budget * (double)c->tf /
                   (double)(S->nwords ? S->nwords : 1);
      double pk = exp(-lam), cdf = pk;
      for (int k = 0; k < 8; k++) {
        c->tail[k] = (float)(1.0 - cdf > 0 ? 1.0 - cdf : 0);
        pk *= lam / (double)(k + 1);
        cdf += pk;
      }
      c->w = o->function_weight;
      c->rep = 0;
      continue;
    }
    if ((double)c->df < need) {
      c->w = 0;
      continue;
    }
    double tfdf = (double)(c->tf ? c->tf : 1) / (double)c->df;
    if (o->weighting == CR_SUM_W_ORIGINS) {
      c->w = pow((double)c->df, o->df_power) + o->pos_weight * c->pos_sum;
    } else if (c->uni) {
      c->w = exp(o->uni_df_rate * per * (double)c->df +
                 o->uni_tf_power * log(tfdf));
    } else {
      double capshare = (double)c->caps / (2.0 * (double)(c->tf ? c->tf : 1));
      c->w = exp(
          o->df_rate * per * (double)c->df +
          o->lead_rate * per * (double)c->lead + o->tf_power * log(tfdf) +
          o->cap_rate * (capshare < 1 ? capshare : 1) + o->num_rate * c->num +
          o->first_rate * (c->edge & 1) + o->last_rate * ((c->edge >> 1) & 1));
    }
    if (c->uni)
      c->w *= o->unigram_weight;
    double share = (double)c->df / (double)(norigins ? norigins : 1);
    c->rep =
        o->repeat_rate * (o->repeat_pow == 3.0 ? share * share * share
                                               : pow(share, o->repeat_pow));
  }
}

/* Worth of the k-th further mention (k = 0: the first) of a concept: its
 * weight the first time, shrinking by rep for each mention already in the
 * summary (the central names of a story come back in every human summary,
 * more than once); for function words, by their expected count. */
static double concept_gain(const concept *c, unsigned k) {
  if (c->fn)
    return k < 8 ? c->w * c->tail[k] : 0;
  double g = c->w;
  while (k-- && g > 1e-12)
    g *= c->rep;
  return g;
}

/* Candidates: eligible sentences with their weighted concepts listed once.
 * A sentence whose token sequence repeats an earlier candidate's is left
 * out (the earlier one stands for both; citations find the copies). */
static int build_candidates(summ *S) {
  const cr_sum_opts *o = S->o;
  size_t total = 0;
  for (size_t k = 0; k < S->nsv; k++)
    total += 3 * (size_t)S->sv[k].ntok;
  S->cd = cr_arena_alloc(S->tmp, (S->nsv ? S->nsv : 1) * sizeof *S->cd);
  S->cc = cr_arena_alloc(S->tmp, (total ? total : 1) * sizeof *S->cc);
  S->cpos = cr_arena_alloc(S->tmp, (total ? total : 1) * sizeof *S->cpos);
  S->crank = cr_arena_alloc(S->tmp, total ? total : 1);
  S->act_c = cr_arena_alloc(S->tmp, (S->ct.n ? S->ct.n : 1) * sizeof *S->act_c);
  size_t smask = 15;
  while (smask + 1 < 2 * S->nsv)
    smask = 2 * smask + 1;
  uint64_t *seq = cr_arena_calloc(S->tmp, smask + 1, sizeof *seq); /* set */
  size_t longest = 1;
  for (size_t k = 0; k < S->nsv; k++)
    if (S->sv[k].ntok > longest)
      longest = S->sv[k].ntok;
  uint32_t *part_cc = cr_arena_alloc(S->tmp, 3 * longest * sizeof *part_cc);
  uint8_t *part_rank = cr_arena_alloc(S->tmp, 3 * longest);
  uint8_t *part_pos = cr_arena_alloc(S->tmp, 3 * longest);
  S->fg_a = cr_arena_alloc(S->tmp, (total ? total : 1) * sizeof *S->fg_a);
  S->fg_m = cr_arena_alloc(S->tmp, total ? total : 1);
  S->nfg = 0;
  if (!S->cd || !S->cc || !S->cpos || !S->crank || !S->act_c || !seq ||
      !part_cc || !part_rank || !part_pos || !S->fg_a || !S->fg_m)
    return -1;
  size_t n = 0, m = 0;
  for (size_t k = 0; k < S->nsv; k++) {
    const sview *v = &S->sv[k];
    if (!eligible(S, v))
      continue;
    const cr_norm *nm = S->docs[v->doc].norm;
    /* exact duplicate (same token sequence) of an earlier candidate? */
    uint64_t h = 0x84222325cbf29ce4ULL;
    for (uint32_t t = v->tok; t < v->tok + v->ntok; t++)
      if (is_content(&nm->tok[t]))
        h = mix64(h ^ nm->tok[t].hash);
    size_t hs = (size_t)h & smask;
    while (seq[hs] && seq[hs] != h)
      hs = (hs + 1) & smask;
    if (seq[hs])
      continue;
    cand *c = &S->cd[n];
    c->s = (uint32_t)k;
    c->c0 = (uint32_t)m;
    c->words = v->words;
    c->value = 0;
    /* word position of each token: count white-space gaps */
    uint32_t word = 0;
    uint32_t at = v->off;
    const cr_token *prev = NULL;
    for (uint32_t t = v->tok; t < v->tok + v->ntok; t++) {
      const cr_token *tk = &nm->tok[t];
      for (; at < tk->off; at++)
        if (cr_sum_is_space(nm->text[at]) && at > v->off &&
            !cr_sum_is_space(nm->text[at - 1]))
          word++;
      if (!is_content(tk))
        continue;
      uint64_t keys[3];
      int nk = 0;
      if (prev && !((prev->flags & CR_TF_STOP) && (tk->flags & CR_TF_STOP)))
        keys[nk++] = S->bkey[S->tbase[v->doc] + t];
      if (!(tk->flags & CR_TF_STOP) && o->unigram_weight > 0)
        keys[nk++] = unigram_key(tk->hash);
      if ((tk->flags & CR_TF_STOP) && o->function_weight > 0)
        keys[nk++] = function_key(tk->hash);
      prev = tk;
      for (int q = 0; q < nk; q++) {
        uint32_t ci = ctable_find(&S->ct, keys[q]);
        if (ci == UINT32_MAX)
          continue;
        concept *cp = &S->ct.c[ci];
        if (cp->w <= 0)
          continue;
        if (cp->stamp != (uint32_t)n) {
          cp->stamp = (uint32_t)n;
          cp->seen = 0;
        } else if (!cp->fn || cp->seen >= 7) {
          continue; /* content concepts count once per sentence */
        }
        if (cp->act == UINT32_MAX) {
          cp->act = (uint32_t)S->nact;
          S->act_c[S->nact++] = ci;
        }
        S->cc[m] = cp->act;
        S->crank[m] = cp->seen++;
        S->cpos[m] = (uint8_t)(word < 255 ? word : 255);
        c->value += concept_gain(cp, S->crank[m]);
        m++;
      }
    }
    /* content concepts first, function words after (kept apart: their
     * gains are summed when needed instead of kept current) */
    size_t nfn = 0, w = c->c0;
    for (size_t i = c->c0; i < m; i++) {
      if (S->ct.c[S->act_c[S->cc[i]]].fn) {
        part_cc[nfn] = S->cc[i];
        part_rank[nfn] = S->crank[i];
        part_pos[nfn] = S->cpos[i];
        nfn++;
      } else {
        S->cc[w] = S->cc[i];
        S->crank[w] = S->crank[i];
        S->cpos[w] = S->cpos[i];
        w++;
      }
    }
    memcpy(S->cc + w, part_cc, nfn * sizeof *part_cc);
    memcpy(S->crank + w, part_rank, nfn);
    memcpy(S->cpos + w, part_pos, nfn);
    c->nc = (uint32_t)(w - c->c0);
    c->nf = (uint32_t)nfn;
    c->g0 = (uint32_t)S->nfg;
    for (size_t i = 0; i < nfn; i++) {
      if (part_rank[i] != 0)
        continue; /* its first mention opened the group */
      uint8_t mult = 0;
      for (size_t q = i; q < nfn; q++)
        mult += part_cc[q] == part_cc[i];
      S->fg_a[S->nfg] = part_cc[i];
      S->fg_m[S->nfg++] = mult;
    }
    c->ng = (uint32_t)(S->nfg - c->g0);
    if (c->value <= 0) {
      m = c->c0;
      S->nfg = c->g0;
      continue;
    }
    seq[hs] = h;
    n++;
  }
  S->ncd = n;
  /* keep the strongest candidates only: the search space shrinks a lot and
   * weak sentences (little weight per word) almost never make the summary */
  if (o->cand_max && n > o->cand_max) {
    double *key = cr_arena_alloc(S->tmp, n * sizeof *key);
    cand *kept = cr_arena_alloc(S->tmp, n * sizeof *kept);
    if (!key || !kept)
      return -1;
    for (size_t j = 0; j < n; j++)
      key[j] = S->cd[j].value / sqrt((double)S->cd[j].words);
    /* threshold: the cand_max-th largest key (selection by counting) */
    double lo = 0, hi = 0;
    for (size_t j = 0; j < n; j++)
      if (key[j] > hi)
        hi = key[j];
    for (int it = 0; it < 40; it++) {
      double mid = 0.5 * (lo + hi);
      size_t above = 0;
      for (size_t j = 0; j < n; j++)
        above += key[j] >= mid;
      if (above > o->cand_max)
        lo = mid;
      else
        hi = mid;
    }
    size_t k = 0;
    for (size_t j = 0; j < n && k < o->cand_max; j++)
      if (key[j] >= hi)
        kept[k++] = S->cd[j];
    memcpy(S->cd, kept, k * sizeof *kept);
    S->ncd = k;
  }
  return 0;
}

/* ---- the solver: budgeted maximum coverage
 * -----------------------------------*/

#define GT 16 /* mentions past this are worth nothing (rep^16, tail[16]) */

static double gain_at(const summ *S, uint32_t a, unsigned k) {
  return k < GT ? S->gt[(size_t)a * GT + k] : 0;
}

static int build_gain_table(summ *S) {
  size_t n = (S->nact ? S->nact : 1) * GT;
  S->gt = cr_arena_alloc(S->tmp, n * sizeof *S->gt);
  S->dt = cr_arena_alloc(S->tmp, n * sizeof *S->dt);
  if (!S->gt || !S->dt)
    return -1;
  S->cgt = cr_arena_alloc(S->tmp,
                          (S->nact ? S->nact : 1) * (GT + 1) * sizeof *S->cgt);
  if (!S->cgt)
    return -1;
  for (size_t a = 0; a < S->nact; a++) {
    const concept *c = &S->ct.c[S->act_c[a]];
    double g = c->w;
    float *cg = S->cgt + a * (GT + 1);
    cg[0] = 0;
    for (unsigned k = 0; k < GT; k++) {
      S->gt[a * GT + k] = (float)(c->fn ? concept_gain(c, k) : g);
      g *= c->rep;
      cg[k + 1] = cg[k] + S->gt[a * GT + k];
    }
  }
  for (size_t a = 0; a < S->nact; a++)
    for (unsigned k = 0; k < GT; k++)
      S->dt[a * GT + k] =
          S->gt[a * GT + k] - (k + 1 < GT ? S->gt[a * GT + k + 1] : 0);
  return 0;
}

/* worth of the listed mention i of a candidate, given the summary so far */
static double mention_gain(const summ *S, uint32_t i) {
  uint32_t a = S->cc[i];
  return gain_at(S, a, (unsigned)S->cov[a] + S->crank[i]);
}

/* Put candidate j in (by = 1) or take it out (by = -1), keeping every
 * candidate's marginal gain current through the concept postings: only the
 * candidates that share a concept with j change. */
static void cover(summ *S, uint32_t j, int by) {
  const cand *c = &S->cd[j];
  for (uint32_t i = c->g0; i < c->g0 + c->ng; i++) {
    uint32_t a = S->fg_a[i];
    S->cov[a] =
        (uint16_t)(by > 0 ? S->cov[a] + S->fg_m[i] : S->cov[a] - S->fg_m[i]);
  }
  for (uint32_t i = 0; i < c->nc; i++) {
    uint32_t ci = S->cc[c->c0 + i];
    /* one more (or one less) mention of ci: each posting's worth moves
     * from gain_at(k + rank) to gain_at(k + 1 + rank) */
    unsigned k = S->cov[ci] - (by < 0);
    const float *dt = S->dt + (size_t)ci * GT;
    double sign = by > 0 ? 1.0 : -1.0;
    for (uint32_t p = S->post_off[ci]; p < S->post_off[ci + 1]; p++) {
      unsigned r = k + S->post_rank[p];
      if (r < GT)
        S->gain[S->post[p]] -= sign * dt[r];
    }
    S->cov[ci] = (uint16_t)(by > 0 ? S->cov[ci] + 1 : S->cov[ci] - 1);
  }
}

/* gain of candidate j now: content gains kept current, plus its
 * function-word mentions */
static double cand_gain(const summ *S, uint32_t j) {
  const cand *c = &S->cd[j];
  double g = S->gain[j];
  for (uint32_t i = c->g0; i < c->g0 + c->ng; i++) {
    uint32_t a = S->fg_a[i];
    unsigned k = S->cov[a], e = k + S->fg_m[i];
    const float *cg = S->cgt + (size_t)a * (GT + 1);
    g += cg[e < GT ? e : GT] - cg[k < GT ? k : GT];
  }
  return g;
}

/* Postings (content concept -> candidates) and the starting gains. */
static int build_postings(summ *S) {
  size_t K = S->nact;
  S->post_off = cr_arena_calloc(S->tmp, K + 1, sizeof *S->post_off);
  size_t total = 0;
  for (size_t j = 0; j < S->ncd; j++)
    total += S->cd[j].nc;
  S->post = cr_arena_alloc(S->tmp, (total ? total : 1) * sizeof *S->post);
  S->post_rank = cr_arena_alloc(S->tmp, total ? total : 1);
  uint32_t *fill = cr_arena_calloc(S->tmp, K + 1, sizeof *fill);
  if (!S->post_off || !S->post || !S->post_rank || !fill)
    return -1;
  for (size_t j = 0; j < S->ncd; j++)
    for (uint32_t i = 0; i < S->cd[j].nc; i++)
      S->post_off[S->cc[S->cd[j].c0 + i] + 1]++;
  for (size_t k = 0; k < K; k++)
    S->post_off[k + 1] += S->post_off[k];
  for (size_t j = 0; j < S->ncd; j++)
    for (uint32_t i = 0; i < S->cd[j].nc; i++) {
      uint32_t ci = S->cc[S->cd[j].c0 + i];
      S->post_rank[S->post_off[ci] + fill[ci]] = S->crank[S->cd[j].c0 + i];
      S->post[S->post_off[ci] + fill[ci]++] = (uint32_t)j;
    }
  for (size_t j = 0; j < S->ncd; j++) {
    const cand *c = &S->cd[j];
    S->gain[j] = 0;
    for (uint32_t i = c->c0; i < c->c0 + c->nc; i++)
      S->gain[j] += mention_gain(S, i);
  }
  return 0;
}

/* take candidate j into the selection, blocking its near-duplicates */
static void take(summ *S, uint32_t j) {
  S->excl[j]++;
  for (uint32_t p = S->conf_off[j]; p < S->conf_off[j + 1]; p++)
    S->excl[S->conf[p]]++;
  cover(S, j, 1);
  S->sel[S->nsel++] = j;
}

static void untake(summ *S) {
  uint32_t j = S->sel[--S->nsel];
  cover(S, j, -1);
  for (uint32_t p = S->conf_off[j]; p < S->conf_off[j + 1]; p++)
    S->excl[S->conf[p]]--;
  S->excl[j]--;
}

static void keep_if_better(summ *S, double val) {
  if (val > S->best_val + 1e-9) {
    S->best_val = val;
    memcpy(S->best, S->sel, S->nsel * sizeof *S->sel);
    S->nbest = S->nsel;
  }
}

/* Greedy by gain per (words ^ power) until nothing fits; leaves the state
 * as it found it. */
static void greedy(summ *S, double power) {
  uint32_t used = 0;
  double val = 0;
  S->nsel = 0;
  for (size_t j = 0; j < S->ncd; j++)
    S->cd[j].wpow = pow((double)S->cd[j].words, power);
  for (;;) {
    double br = 0, bg = 0;
    size_t bj = SIZE_MAX;
    for (size_t j = 0; j < S->ncd; j++) {
      const cand *c = &S->cd[j];
      if (S->excl[j] || c->words + used > S->budget)
        continue;
      double g = cand_gain(S, (uint32_t)j);
      double r = g / c->wpow;
      if (g > 1e-12 && r > br) {
        br = r;
        bg = g;
        bj = j;
      }
    }
    if (bj == SIZE_MAX)
      break;
    val += bg;
    used += S->cd[bj].words;
    take(S, (uint32_t)bj);
  }
  keep_if_better(S, val);
  while (S->nsel)
    untake(S);
}

/* Take the best solution so far and improve it by swaps (one sentence out,
 * one in) and additions while any helps: a strong starting bound makes the
 * search below prune much more. */
static void improve(summ *S) {
  uint32_t used = 0;
  double val = 0;
  for (uint32_t i = 0; i < S->nbest; i++) {
    val += cand_gain(S, S->best[i]);
    used += S->cd[S->best[i]].words;
    take(S, S->best[i]);
  }
  for (int round = 0; round < 8; round++) {
    double bestd = 1e-9;
    int bi = -1; /* -1: an addition */
    size_t bj = SIZE_MAX;
    for (size_t j = 0; j < S->ncd; j++)
      if (!S->excl[j] && used + S->cd[j].words <= S->budget) {
        double g = cand_gain(S, (uint32_t)j);
        if (g > bestd) {
          bestd = g;
          bj = j;
        }
      }
    for (uint32_t i = 0; i < S->nsel; i++) {
      /* take sentence i out (move it last, then pop) */
      uint32_t out = S->sel[i];
      S->sel[i] = S->sel[S->nsel - 1];
      S->sel[S->nsel - 1] = out;
      untake(S);
      double lose = cand_gain(S, out);
      uint32_t room = S->budget - (used - S->cd[out].words);
      for (size_t j = 0; j < S->ncd; j++)
        if (!S->excl[j] && j != out && S->cd[j].words <= room) {
          double d = cand_gain(S, (uint32_t)j) - lose;
          if (d > bestd) {
            bestd = d;
            bj = j;
            bi = (int)i;
          }
        }
      take(S, out);
      S->sel[S->nsel - 1] = S->sel[i];
      S->sel[i] = out;
    }
    if (bj == SIZE_MAX)
      break;
    if (bi >= 0) {
      uint32_t out = S->sel[bi];
      S->sel[bi] = S->sel[S->nsel - 1];
      S->sel[S->nsel - 1] = out;
      untake(S);
      used -= S->cd[out].words;
    }
    take(S, (uint32_t)bj);
    used += S->cd[bj].words;
    val += bestd;
  }
  keep_if_better(S, val);
  while (S->nsel)
    untake(S);
}

/* Depth-first branch & bound. The bound is the fractional knapsack of every
 * remaining sentence's marginal gain: coverage is submodular, so the gain of
 * any set is at most the sum of its members' gains. Branch on the sentence
 * with the best gain per word: take it, or leave it out of the subtree. */
static void bnb(summ *S, uint32_t used, double val) {
  if (S->nodes >= S->o->solver_nodes)
    return;
  S->nodes++;
  keep_if_better(S, val);
  uint32_t room = S->budget - used;
  uint32_t *live = S->live + (size_t)S->nsel * S->ncd; /* per depth */
  size_t nl = 0;
  double *g = S->tg;
  for (size_t j = 0; j < S->ncd; j++)
    if (!S->excl[j] && S->cd[j].words <= room &&
        (g[j] = cand_gain(S, (uint32_t)j)) > 1e-12)
      live[nl++] = (uint32_t)j;
  if (nl == 0)
    return;
  /* fractional knapsack: best ratios first until the room is full; the
   * first one taken is the branching sentence */
  double bound = val;
  uint32_t left = room;
  size_t top = SIZE_MAX;
  for (size_t k = 0; k < nl && left > 0; k++) {
    size_t bi = k;
    double br = g[live[k]] / S->cd[live[k]].words;
    for (size_t q = k + 1; q < nl; q++) {
      double r = g[live[q]] / S->cd[live[q]].words;
      if (r > br) {
        br = r;
        bi = q;
      }
    }
    uint32_t j = live[bi];
    live[bi] = live[k];
    live[k] = j;
    if (top == SIZE_MAX)
      top = j;
    if (S->cd[j].words <= left) {
      bound += g[j];
      left -= S->cd[j].words;
    } else {
      bound += br * left;
      left = 0;
    }
  }
  if (bound <= S->best_val + 1e-9)
    return;
  uint32_t j = (uint32_t)top;
  double gj = g[j];
  take(S, j);
  bnb(S, used + S->cd[j].words, val + gj);
  untake(S);
  if (S->o->max_skips && S->skips >= S->o->max_skips)
    return; /* limited discrepancy: paths leave out few top choices */
  S->skips++;
  S->excl[j]++; /* left out of this subtree */
  bnb(S, used, val);
  S->excl[j]--;
  S->skips--;
}

/* ---- near duplicates among candidates
 * --------------------------------------*/

static int popcount64(uint64_t x) {
  int n = 0;
  for (; x; x &= x - 1)
    n++;
  return n;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Pairs of near-duplicate candidates (cr_sum_near_dup): the summary takes
 * at most one of each pair (exact copies were already folded into one
 * candidate). */
static int build_conflicts(summ *S) {
  size_t m = S->ncd;
  uint32_t *k0 = cr_arena_alloc(S->tmp, (m + 1) * sizeof *k0);
  S->conf_off = cr_arena_calloc(S->tmp, m + 1, sizeof *S->conf_off);
  if (!k0 || !S->conf_off)
    return -1;
  size_t total = 0;
  for (size_t j = 0; j < m; j++)
    total += S->sv[S->cd[j].s].ntok;
  uint64_t *keys = cr_arena_alloc(S->tmp, (total ? total : 1) * sizeof *keys);
  if (!keys)
    return -1;
  size_t nk = 0;
  for (size_t j = 0; j < m; j++) {
    const sview *v = &S->sv[S->cd[j].s];
    k0[j] = (uint32_t)nk;
    size_t start = nk;
    const cr_token *tok = S->docs[v->doc].norm->tok;
    for (uint32_t t = v->tok; t < v->tok + v->ntok; t++) {
      uint64_t k = cr_sum_dup_key(&tok[t]);
      if (k)
        keys[nk++] = k;
    }
    qsort(keys + start, nk - start, sizeof *keys, cmp_u64);
    size_t w = start;
    for (size_t i = start; i < nk; i++)
      if (i == start || keys[i] != keys[w - 1])
        keys[w++] = keys[i];
    nk = w;
  }
  k0[m] = (uint32_t)nk;
  /* a 64-bit signature per candidate: a bit of the smaller set missing from
   * the other's signature is a key missing from it, so too many such bits
   * rule the pair out without the merge */
  uint64_t *sig = cr_arena_calloc(S->tmp, m + 1, sizeof *sig);
  if (!sig)
    return -1;
  for (size_t j = 0; j < m; j++)
    for (size_t i = k0[j]; i < k0[j + 1]; i++)
      sig[j] |= (uint64_t)1 << (mix64(keys[i]) & 63);
  /* pairs, twice (j -> q and q -> j) */
  size_t cap = 16, n = 0;
  uint32_t *pa = cr_arena_alloc(S->tmp, 2 * cap * sizeof *pa);
  if (!pa)
    return -1;
  for (size_t j = 0; j < m; j++)
    for (size_t q = j + 1; q < m; q++) {
      size_t nj = k0[j + 1] - k0[j], nq = k0[q + 1] - k0[q];
      uint64_t miss = nj <= nq ? sig[j] & ~sig[q] : sig[q] & ~sig[j];
      double small = (double)(nj <= nq ? nj : nq);
      if ((double)popcount64(miss) > (1.0 - S->o->dup_share) * small + 1e-9)
        continue;
      if (!cr_sum_near_dup(keys + k0[j], k0[j + 1] - k0[j], keys + k0[q],
                           k0[q + 1] - k0[q], S->o->dup_share))
        continue;
      if (n == cap) {
        uint32_t *np2 = cr_arena_realloc(S->tmp, pa, 2 * cap * sizeof *pa,
                                         4 * cap * sizeof *pa);
        if (!np2)
          return -1;
        pa = np2;
        cap *= 2;
      }
      pa[2 * n] = (uint32_t)j;
      pa[2 * n + 1] = (uint32_t)q;
      n++;
    }
  S->conf = cr_arena_alloc(S->tmp, (2 * n + 1) * sizeof *S->conf);
  uint32_t *fill = cr_arena_calloc(S->tmp, m + 1, sizeof *fill);
  if (!S->conf || !fill)
    return -1;
  for (size_t i = 0; i < n; i++) {
    S->conf_off[pa[2 * i] + 1]++;
    S->conf_off[pa[2 * i + 1] + 1]++;
  }
  for (size_t j = 0; j < m; j++)
    S->conf_off[j + 1] += S->conf_off[j];
  for (size_t i = 0; i < n; i++) {
    uint32_t x = pa[2 * i], y = pa[2 * i + 1];
    S->conf[S->conf_off[x] + fill[x]++] = y;
    S->conf[S->conf_off[y] + fill[y]++] = x;
  }
  return 0;
}

/* ---- reading order and citations
 * ----------------------------------------------*/

/* Publication time, then input order of the article, then position. */
static void order_picks(const summ *S, uint32_t *pick, size_t np) {
  for (size_t i = 1; i < np; i++) {
    uint32_t x = pick[i];
    const sview *vx = &S->sv[S->cd[x].s];
    size_t j = i;
    while (j > 0) {
      const sview *vy = &S->sv[S->cd[pick[j - 1]].s];
      int64_t tx = S->docs[vx->doc].published, ty = S->docs[vy->doc].published;
      int before = tx != ty ? (tx && ty ? tx < ty : tx != 0)
                            : (vx->doc != vy->doc ? vx->doc < vy->doc
                                                  : vx->sent < vy->sent);
      if (!before)
        break;
      pick[j] = pick[j - 1];
      j--;
    }
    pick[j] = x;
  }
}

/* Citations of up to 64 picks: every document with a sentence that is a
 * near-duplicate of the pick (cr_sum_near_dup, measured on the pick: the
 * other sentence may say more). One pass over all sentences against a set
 * of the picks' keys, whose owner bits say which picks hold each.
 * cited[i * ndocs + d] is set for pick i. */
static int cite_picks(summ *S, const uint32_t *pick, size_t np,
                      uint8_t *cited) {
  size_t n = S->ndocs, cap = 64, nkeys = 0;
  for (size_t i = 0; i < np; i++)
    nkeys += S->sv[S->cd[pick[i]].s].ntok;
  while (cap < 2 * nkeys + 2)
    cap <<= 1;
  uint64_t *sk = cr_arena_calloc(S->tmp, cap, sizeof *sk);
  uint64_t *owner = cr_arena_calloc(S->tmp, cap, sizeof *owner);
  uint32_t *stamp = cr_arena_alloc(S->tmp, cap * sizeof *stamp);
  if (!sk || !owner || !stamp)
    return -1;
  uint32_t need[64], nums[64], hits[64], numhits[64];
  for (size_t i = 0; i < cap; i++)
    stamp[i] = UINT32_MAX;
  size_t mask = cap - 1;
  for (size_t i = 0; i < np; i++) {
    const sview *v = &S->sv[S->cd[pick[i]].s];
    const cr_token *tok = S->docs[v->doc].norm->tok;
    uint32_t distinct = 0;
    nums[i] = 0;
    for (uint32_t t = v->tok; t < v->tok + v->ntok; t++) {
      uint64_t k = cr_sum_dup_key(&tok[t]);
      if (!k)
        continue;
      size_t h = (size_t)k & mask;
      while (sk[h] && sk[h] != k)
        h = (h + 1) & mask;
      sk[h] = k;
      if (!(owner[h] & ((uint64_t)1 << i))) {
        owner[h] |= (uint64_t)1 << i;
        distinct++;
        nums[i] += (uint32_t)(k & 1);
      }
    }
    need[i] = (uint32_t)ceil(S->o->dup_share * distinct - 1e-9);
    if (need[i] == 0)
      need[i] = 1;
    cited[i * n + v->doc] = 1;
  }
  for (size_t k = 0; k < S->nsv; k++) {
    const sview *v = &S->sv[k];
    const cr_token *tok = S->docs[v->doc].norm->tok;
    memset(hits, 0, np * sizeof *hits);
    memset(numhits, 0, np * sizeof *numhits);
    uint64_t any = 0;
    for (uint32_t t = v->tok; t < v->tok + v->ntok; t++) {
      uint64_t key = cr_sum_dup_key(&tok[t]);
      if (!key)
        continue;
      size_t h = (size_t)key & mask;
      while (sk[h] && sk[h] != key)
        h = (h + 1) & mask;
      if (!sk[h] || stamp[h] == (uint32_t)k)
        continue;
      stamp[h] = (uint32_t)k; /* count each key once per sentence */
      any |= owner[h];
      for (size_t i = 0; i < np; i++) {
        uint32_t bit = (uint32_t)((owner[h] >> i) & 1);
        hits[i] += bit;
        numhits[i] += bit & (uint32_t)(key & 1);
      }
    }
    for (size_t i = 0; any && i < np; i++)
      if (hits[i] >= need[i] && numhits[i] == nums[i])
        cited[i * n + v->doc] = 1;
  }
  return 0;
}

/* ---- the run
 * ----------------------------------------------------------------*/

crossread_status cr_summarize_run(const cr_sum_doc *docs, size_t n,
                                  const cr_sum_opts *opts, cr_arena *a,
                                  cr_summary *out) {
  memset(out, 0, sizeof *out);
  cr_sum_opts def;
  if (!opts) {
    cr_sum_opts_default(&def);
    opts = &def;
  }
  if (n == 0 || opts->words == 0)
    return CROSSREAD_OK;
  crossread_status st = CROSSREAD_ERR_NOMEM;
  summ S;
  memset(&S, 0, sizeof S);
  S.docs = docs;
  S.ndocs = n;
  S.o = opts;
  S.budget = opts->words;
  S.tmp = cr_arena_new(32 * 1024, 0);
  if (!S.tmp)
    return CROSSREAD_ERR_NOMEM;

  /* origins: dense ids; documents ordered by origin */
  int32_t *oid = cr_arena_alloc(S.tmp, n * sizeof *oid);
  uint32_t *order = cr_arena_alloc(S.tmp, n * sizeof *order);
  if (!oid || !order)
    goto fail;
  size_t norigins = 0;
  for (size_t d = 0; d < n; d++) {
    oid[d] = -1;
    if (docs[d].origin >= 0)
      for (size_t e = 0; e < d; e++)
        if (docs[e].origin == docs[d].origin) {
          oid[d] = oid[e];
          break;
        }
    if (oid[d] < 0)
      oid[d] = (int32_t)norigins++;
  }
  {
    size_t k = 0;
    for (size_t g = 0; g < norigins; g++)
      for (size_t d = 0; d < n; d++)
        if (oid[d] == (int32_t)g)
          order[k++] = (uint32_t)d;
  }

  /* the earliest and the latest article (input order breaks ties) */
  for (size_t d = 1; d < n; d++) {
    int64_t t = docs[d].published;
    int64_t f = docs[S.first_doc].published, l = docs[S.last_doc].published;
    if (t && (!f || t < f))
      S.first_doc = (uint32_t)d;
    if (!t ? !l : (!l || t >= l))
      S.last_doc = (uint32_t)d;
  }
  if (build_views(&S))
    goto fail;
  count_concepts(&S, order, oid);
  weigh_concepts(&S, norigins);
  if (build_candidates(&S))
    goto fail;

  /* solve */
  S.cov = cr_arena_calloc(S.tmp, S.nact ? S.nact : 1, sizeof *S.cov);
  if (build_gain_table(&S))
    goto fail;
  S.gain = cr_arena_calloc(S.tmp, S.ncd ? S.ncd : 1, sizeof *S.gain);
  S.tg = cr_arena_calloc(S.tmp, S.ncd ? S.ncd : 1, sizeof *S.tg);
  S.excl = cr_arena_calloc(S.tmp, S.ncd ? S.ncd : 1, sizeof *S.excl);
  S.sel = cr_arena_alloc(S.tmp, (S.ncd + 2) * sizeof *S.sel);
  S.best = cr_arena_alloc(S.tmp, (S.ncd + 2) * sizeof *S.best);
  if (!S.cov || !S.gain || !S.tg || !S.excl || !S.sel || !S.best)
    goto fail;
  /* the search takes at most budget / (shortest candidate) sentences */
  size_t depth = 1;
  {
    uint32_t shortest = UINT32_MAX;
    for (size_t j = 0; j < S.ncd; j++)
      if (S.cd[j].words < shortest)
        shortest = S.cd[j].words;
    if (S.ncd)
      depth = S.budget / (shortest ? shortest : 1) + 2;
    if (depth > S.ncd + 1)
      depth = S.ncd + 1;
  }
  S.live = cr_arena_alloc(S.tmp, depth * (S.ncd + 1) * sizeof *S.live);
  if (!S.live || build_postings(&S) || build_conflicts(&S))
    goto fail;
  greedy(&S, opts->len_power);
  greedy(&S, 0.5 * opts->len_power);
  {
    /* the best single sentence (the usual guard of cost-scaled greedy) */
    size_t one = SIZE_MAX;
    for (size_t j = 0; j < S.ncd; j++)
      if (S.cd[j].words <= S.budget &&
          (one == SIZE_MAX || S.cd[j].value > S.cd[one].value))
        one = j;
    if (one != SIZE_MAX) {
      take(&S, (uint32_t)one);
      keep_if_better(&S, S.cd[one].value);
      untake(&S);
    }
  }
  improve(&S);
  if (opts->solver_nodes > 0)
    bnb(&S, 0, 0);

  /* the picks, then (overflow) the sentence whose opening words add most */
  uint32_t *pick = cr_arena_alloc(S.tmp, (S.nbest + 2) * sizeof *pick);
  if (!pick)
    goto fail;
  size_t np = 0;
  uint32_t used = 0;
  for (uint32_t i = 0; i < S.nbest; i++) {
    pick[np++] = S.best[i];
    used += S.cd[S.best[i]].words;
    take(&S, S.best[i]);
  }
  int last_over = 0;
  if (opts->overflow && used < S.budget) {
    /* the sentence too long for the room left whose opening words (those
     * before the reader's cut) add most */
    uint32_t room = S.budget - used;
    double bg = 0;
    size_t bj = SIZE_MAX;
    for (size_t j = 0; j < S.ncd; j++) {
      const cand *c = &S.cd[j];
      if (S.excl[j] || c->words <= room)
        continue; /* taken, a near-duplicate, or passed over by the solver */
      double g = 0;
      for (uint32_t i = 0; i < c->nc + c->nf; i++)
        if (S.cpos[c->c0 + i] < room)
          g += mention_gain(&S, c->c0 + i);
      if (g > bg) {
        bg = g;
        bj = j;
      }
    }
    if (bj != SIZE_MAX) {
      pick[np++] = (uint32_t)bj;
      last_over = 1;
    }
  }
  order_picks(&S, pick, np - (size_t)last_over);

  out->items = cr_arena_calloc(a, np ? np : 1, sizeof *out->items);
  uint8_t *cited = cr_arena_calloc(S.tmp, np * n + 1, 1);
  if (!out->items || !cited)
    goto fail;
  for (size_t b0 = 0; b0 < np; b0 += 64)
    if (cite_picks(&S, pick + b0, np - b0 < 64 ? np - b0 : 64, cited + b0 * n))
      goto fail;

  size_t words = 0;
  for (size_t i = 0; i < np; i++) {
    const sview *v = &S.sv[S.cd[pick[i]].s];
    const cr_norm *nm = docs[v->doc].norm;
    cr_sum_item *it = &out->items[i];
    it->doc = v->doc;
    it->sent = v->sent;
    it->text = cr_arena_strndup(a, nm->text + v->off, v->len);
    it->len = v->len;
    it->words = v->words;
    size_t nc = 0;
    for (size_t d = 0; d < n; d++)
      nc += cited[i * n + d];
    it->cites = cr_arena_alloc(a, (nc ? nc : 1) * sizeof *it->cites);
    if (!it->text || !it->cites)
      goto fail;
    for (size_t d = 0; d < n; d++)
      if (cited[i * n + d])
        it->cites[it->ncites++] = (uint32_t)d;
    words += v->words;
  }
  out->n = np;
  out->words = words;
  out->candidates = S.ncd;
  out->nodes = S.nodes;
  out->exact = S.nodes < opts->solver_nodes && !opts->max_skips;
  out->concepts = S.nact;
  st = CROSSREAD_OK;
fail:
  cr_arena_free(S.tmp);
  if (st != CROSSREAD_OK)
    memset(out, 0, sizeof *out);
  return st;
}
