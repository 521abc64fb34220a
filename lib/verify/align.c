/* align.c -- claim records aligned into facts: a score for every pair of
 * records of two articles (same kind, compatible counted nouns, event
 * classes, subjects and dates, and the weighted overlap of their
 * sentences), greedy average-link grouping with cannot-links (two values of
 * one article, vetoed pairs), a stricter bar for a merge that makes a
 * conflict, then each group split into value clusters: one claim each, and
 * a conflict when independent origins give incompatible values. See
 * docs/verify.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "verify_int.h"

/* Thresholds on the pair score (docs/verify.md, "Scores"). */
#define T_MERGE 0.55    /* same fact, compatible values */
#define T_CONFLICT 0.60 /* same fact although the values disagree */
#define VETO -1.0

/* ---- pair scores ------------------------------------------------------ */

static int compatible(const vrec *a, const vrec *b) {
  double eps = 1e-9 * (fabs(a->val) + fabs(b->val) + 1);
  return a->lo <= b->hi + eps && b->lo <= a->hi + eps;
}

/* Two values that disagree, but by little: the nearer ends of their
 * intervals within a ratio of 1.5 (58 / 49, 69 / 71). Outlets disagree on
 * a figure by a margin; 55 wounded against 3,000, or 28 killed against
 * more than 600, are two figures of two things. */
static int same_order(const vrec *a, const vrec *b) {
  double x = a->hi < b->lo ? a->hi : b->hi, y = a->hi < b->lo ? b->lo : a->lo;
  if (x < 0 || y < 0)
    return 0;
  if (x > y) {
    double t = x;
    x = y;
    y = t;
  }
  return y <= 1.5 * x;
}

/* an open bound ("more than 80", "at least five") and a value over three
 * times it: compatible, but no evidence of one fact */
static int far_beyond(const vrec *a, const vrec *b) {
  return a->q && a->q->approx == '>' && a->lo > 0 && b->hi != INFINITY &&
         b->lo > 3 * a->lo;
}

/* places of two clauses: 1 one in common (and one names no place the
 * other does not), 2 one in common but each names others ("in Aceh" /
 * "in Indonesia, Sri Lanka, India": two scopes), 0 both name places and
 * none is shared, -1 one names none */
static int places_agree(const vrec *a, const vrec *b) {
  if (!a->nplaces || !b->nplaces)
    return -1;
  int shared = 0, only_a = 0, only_b = 0;
  for (int i = 0; i < a->nplaces; i++) {
    int in = 0;
    for (int j = 0; j < b->nplaces; j++)
      in |= a->places[i] == b->places[j];
    shared += in;
    only_a += !in;
  }
  for (int j = 0; j < b->nplaces; j++) {
    int in = 0;
    for (int i = 0; i < a->nplaces; i++)
      in |= a->places[i] == b->places[j];
    only_b += !in;
  }
  if (!shared)
    return 0;
  return only_a && only_b ? 2 : 1;
}

typedef struct pscore {
  double s;      /* VETO: never one fact */
  int nodispute; /* may be one fact only if the values agree */
} pscore;

static pscore pair_score(const vrun *R, const vrec *a, const vrec *b) {
  pscore p = {VETO, 1};
  if (a->kind != b->kind)
    return p;
  if (a->kind == K_AGE) {
    /* ages: the same person is all that matters; an age at another time
     * ("when he was 20") only joins its like, and never disputes */
    if (a->subj < 0 || a->subj != b->subj || a->hist != b->hist)
      return p;
    p.s = 1.0;
    p.nodispute = a->hist;
    return p;
  }
  if (a->ukey && b->ukey && strcmp(a->ukey, b->ukey) != 0)
    return p;
  if (a->since != b->since)
    return p; /* "since 2004" dates a state, "on Monday" an event */
  if (far_beyond(a, b) || far_beyond(b, a))
    return p; /* "at least five" is true of 220,000, but not the same fact */
  double s = 0;
  int nd = 0, anchor = 0;
  /* what is counted */
  if (a->kind == K_COUNT) {
    if (a->uhead && b->uhead) {
      if (a->uhead == b->uhead)
        s += 0.15;
      else if (a->uclass && a->uclass == b->uclass)
        s += 0.1;
      else
        return p; /* "120 camp beds" is no count of people */
      if (a->umod && b->umod && a->umod != b->umod)
        return p; /* "Ukrainian citizens" / "Norvessan citizens" */
    } else {
      s -= 0.05; /* a bare number: its context must say more */
      const vrec *h = a->uhead ? a : b->uhead ? b : NULL;
      if (h && h->uclass != 1)
        nd = 1; /* "58" of those freed / "two buses": counts of what? */
    }
  } else {
    s += 0.1;
    /* "1,613 days" of prison and a "10-year" term are two measures */
    if (a->kind == K_DURATION && a->q && b->q && a->q->unit && b->q->unit &&
        strcmp(a->q->unit, b->q->unit) != 0)
      nd = 1;
    if (a->change != b->change)
      return p; /* "grew 1.2%" is no level of 1.2% */
  }
  /* what happened */
  if (a->pmask && b->pmask) {
    if (!(a->pmask & b->pmask))
      return p; /* freed / taken to: two facts */
    s += 0.3;
  } else {
    s -= 0.05;
    nd = 1; /* what happened to them is unknown: no dispute */
  }
  /* when */
  int dates = cr_verify_dates_agree(&a->date, &b->date);
  if (dates == 0)
    return p;
  if (dates == 1) {
    s += 0.15;
    anchor = 1;
  } else if ((a->date.prec || a->date.word) != (b->date.prec || b->date.word)) {
    /* one dated, one not: the undated one tells the latest event, which
     * the article's date places; without one, the dated figure may well
     * be of another time ("killed 170,000 in 2004") */
    const vrec *dd = a->date.prec || a->date.word ? a : b;
    const vrec *un = dd == a ? b : a;
    if (!R->pub_y || !cr_verify_recent(R, &dd->date, un->doc))
      nd = 1;
  }
  /* where */
  int places = places_agree(a, b);
  if (places == 0) {
    s -= 0.2;
    nd = 1; /* sent to Lithuania / to Ukraine */
  } else if (places == 1) {
    s += 0.2;
    anchor = 1;
  } else if (places == 2) {
    s += 0.1;
    nd = 1; /* one province / a dozen countries: two scopes */
  }
  /* who */
  if (a->subj >= 0 && b->subj >= 0) {
    if (a->subj != b->subj) {
      if (a->subj_person && b->subj_person && a->kind == K_DURATION)
        return p; /* two people's prison terms */
      s -= 0.15;
      nd = 1;
    } else {
      s += 0.15;
      anchor = 1;
    }
  }
  if (a->val == b->val)
    s += 0.1;
  double loc = cr_verify_overlap(&a->loc, &b->loc, 1);
  if (a->kind == K_DATE && !a->since && loc < 0.35)
    return p; /* the same day says little: "freed on Saturday" and "said
                 on Saturday" are two events */
  s += 0.4 * loc + 0.2 * cr_verify_overlap(&a->ctx, &b->ctx, 0);
  if (loc >= 0.5)
    anchor = 1;
  p.s = s;
  /* a dispute needs the same place, person, date or words, not only the
   * same kind of event */
  p.nodispute = nd || !anchor;
  if (a->kind == K_DATE) {
    /* two days for one event: the same words and the same place, both
     * to the day, and not one weekday read against two article dates */
    int same_word = a->dt->relative && b->dt->relative &&
                    a->dt->span.len == b->dt->span.len &&
                    memcmp(R->docs[a->doc].norm->text + a->dt->span.off,
                           R->docs[b->doc].norm->text + b->dt->span.off,
                           a->dt->span.len) == 0;
    if (loc < 0.5 || places != 1 || same_word ||
        (!a->since &&
         (a->dt->prec != CR_DATE_DAY || b->dt->prec != CR_DATE_DAY)))
      p.nodispute = 1;
  }
  return p;
}

/* ---- grouping ------------------------------------------------------------ */

typedef struct edge {
  uint32_t i, j;
  double s;
} edge;

static int cmp_edge(const void *x, const void *y) {
  const edge *a = x, *b = y;
  if (a->s != b->s)
    return a->s > b->s ? -1 : 1;
  if (a->i != b->i)
    return a->i < b->i ? -1 : 1;
  return a->j < b->j ? -1 : a->j > b->j;
}

static int32_t root(vrec *r, int32_t i) {
  while (r[i].group != i) {
    r[i].group = r[r[i].group].group;
    i = r[i].group;
  }
  return i;
}

/* Members are chained through next[] from their root. The pair scores
 * are computed again here rather than kept: most pairs of a story are
 * vetoed, and only the pairs of groups about to merge are needed. */
static int try_merge(vrun *R, int32_t *next, int32_t ga, int32_t gb) {
  double sum = 0;
  size_t cnt = 0;
  int conflict = 0;
  for (int32_t x = ga; x >= 0; x = next[x])
    for (int32_t y = gb; y >= 0; y = next[y]) {
      const vrec *a = &R->r[x], *b = &R->r[y];
      int ok = compatible(a, b);
      if (a->doc == b->doc) {
        if (!ok)
          return 0; /* two figures of one article: two facts */
        continue;
      }
      pscore ps = pair_score(R, a, b);
      if (ps.s <= VETO)
        return 0;
      if (!ok) {
        if (R->vd[a->doc].origin == R->vd[b->doc].origin || ps.nodispute ||
            !same_order(a, b))
          return 0; /* one origin does not dispute itself */
        conflict = 1;
      }
      sum += ps.s > 0 ? ps.s : 0;
      cnt++;
    }
  if (!cnt)
    return 0;
  double avg = sum / (double)cnt;
  return avg >= (conflict ? T_CONFLICT : T_MERGE);
}

static int group_records(vrun *R, int32_t *next) {
  size_t ne = 0, cap = 0;
  edge *e = NULL;
  for (size_t i = 0; i < R->nr; i++) {
    R->r[i].group = (int32_t)i;
    next[i] = -1;
  }
  /* the records compared: not copies, within the cap */
  size_t nu = 0;
  uint32_t *u = cr_arena_alloc(R->tmp, (R->nr ? R->nr : 1) * sizeof *u);
  if (!u)
    return -1;
  for (size_t i = 0; i < R->nr; i++)
    if (R->r[i].aligned && R->r[i].copy_of < 0)
      u[nu++] = (uint32_t)i;
  for (size_t x = 0; x < nu; x++)
    for (size_t y = x + 1; y < nu; y++) {
      uint32_t i = u[x], j = u[y];
      const vrec *a = &R->r[i], *b = &R->r[j];
      if (a->kind != b->kind || a->doc == b->doc)
        continue;
      pscore ps = pair_score(R, a, b);
      if (ps.s < T_MERGE)
        continue;
      if (ne == cap && cr_grow((void **)&e, &cap, ne + 1, sizeof *e)) {
        cr_free(e);
        return -1;
      }
      e[ne++] = (edge){(uint32_t)i, (uint32_t)j, ps.s};
    }
  if (ne)
    qsort(e, ne, sizeof *e, cmp_edge);
  for (size_t k = 0; k < ne; k++) {
    int32_t ga = root(R->r, (int32_t)e[k].i), gb = root(R->r, (int32_t)e[k].j);
    if (ga == gb || !try_merge(R, next, ga, gb))
      continue;
    if (gb < ga) {
      int32_t t = ga;
      ga = gb;
      gb = t;
    }
    /* append gb's chain to ga's */
    int32_t last = ga;
    while (next[last] >= 0)
      last = next[last];
    next[last] = gb;
    R->r[gb].group = ga;
  }
  /* the copies join the group of the record they repeat */
  for (size_t i = 0; i < R->nr; i++)
    if (R->r[i].copy_of >= 0) {
      int32_t g = root(R->r, R->r[i].copy_of);
      next[i] = next[g];
      next[g] = (int32_t)i;
      R->r[i].group = g;
    }
  cr_free(e);
  return 0;
}

/* ---- text -------------------------------------------------------------------
 */

static int boundary(const cr_token *t) {
  if (t->kind != CR_TOK_PUNCT)
    return 0;
  if (t->flags & CR_TF_QUOTE)
    return 1;
  const char *f = t->fold;
  return strcmp(f, ",") == 0 || strcmp(f, ";") == 0 || strcmp(f, ":") == 0 ||
         strcmp(f, "-") == 0 || strcmp(f, "(") == 0 || strcmp(f, ")") == 0 ||
         strcmp(f, "--") == 0;
}

/* The clause around tokens [t0, t1) as token bounds [*c0, *c1): between
 * punctuation, widened over one boundary while it is shorter than four
 * words. */
void cr_verify_clause(const cr_norm *nm, uint32_t t0, uint32_t t1, uint32_t *c0,
                      uint32_t *c1) {
  if (t0 >= nm->ntok) {
    *c0 = *c1 = t0;
    return;
  }
  const cr_sentence *s = &nm->sent[nm->tok[t0].sent];
  uint32_t lo = s->tok, hi = s->tok + s->ntok;
  if (hi > nm->ntok)
    hi = (uint32_t)nm->ntok;
  uint32_t a = t0, b = t1 > t0 ? t1 : t0 + 1;
  for (int round = 0; round < 3; round++) {
    while (a > lo && !boundary(&nm->tok[a - 1]))
      a--;
    while (b < hi && !boundary(&nm->tok[b]))
      b++;
    uint32_t words = 0;
    for (uint32_t t = a; t < b; t++)
      words += nm->tok[t].kind != CR_TOK_PUNCT;
    if (words >= 4)
      break;
    if (a > lo)
      a--;
    else if (b < hi)
      b++;
    else
      break;
  }
  /* no punctuation at the edges */
  while (a < b && nm->tok[a].kind == CR_TOK_PUNCT)
    a++;
  while (b > a && nm->tok[b - 1].kind == CR_TOK_PUNCT &&
         !(nm->tok[b - 1].flags & CR_TF_CLOSE))
    b--;
  *c0 = a;
  *c1 = b;
}

static const char *tokens_text(vrun *R, uint32_t doc, uint32_t a, uint32_t b) {
  const cr_norm *nm = R->docs[doc].norm;
  if (a >= b || b > nm->ntok)
    return NULL;
  uint32_t off = nm->tok[a].off, end = nm->tok[b - 1].off + nm->tok[b - 1].len;
  char *s = cr_arena_strndup(R->a, nm->text + off, end - off);
  if (!s)
    return NULL;
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return s;
}

static int lead_word(const cr_token *t) {
  static const char *const w[] = {"and",  "or",      "but",   "while",
                                  "when", "who",     "which", "that",
                                  "as",   "whereas", "says",  "said"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (t->fold_len == strlen(w[i]) && memcmp(t->fold, w[i], t->fold_len) == 0)
      return 1;
  return 0;
}

static const char *clause_text(vrun *R, const vrec *r) {
  const cr_norm *nm = R->docs[r->doc].norm;
  uint32_t a, b;
  cr_verify_clause(nm, r->tok0, r->tok1, &a, &b);
  /* no dangling "for", "and would" at the end, nor "and", "when" at the
   * start */
  while (b > a + 1 && b > r->tok1 && nm->tok[b - 1].flags & CR_TF_STOP)
    b--;
  while (a + 1 < b && a < r->tok0 && lead_word(&nm->tok[a]))
    a++;
  return tokens_text(R, r->doc, a, b);
}

/* "number of freed detainees taken by bus to the border town of Lisk":
 * from the words after the figure that govern it; NULL when no member has
 * its governing word after the figure. */
static const char *about_text(vrun *R, const int32_t *m, size_t nm_) {
  const vrec *best = NULL;
  const char *unit = NULL;
  for (size_t i = 0; i < nm_; i++) {
    const vrec *r = &R->r[m[i]];
    if (!unit && r->q && r->q->unit_span.len && r->kind == K_COUNT)
      unit =
          cr_verify_span(R, r->doc, r->q->unit_span.off, r->q->unit_span.len);
    if (!best && r->pred_tok != UINT32_MAX && r->pred_tok >= r->tok1)
      best = r;
  }
  if (!best)
    return NULL;
  const cr_norm *nm = R->docs[best->doc].norm;
  uint32_t c0, c1;
  cr_verify_clause(nm, best->tok0, best->tok1, &c0, &c1);
  /* up to ten words, not into a date ("early on Saturday") */
  const cr_claims *cl = R->docs[best->doc].claims;
  uint32_t stop = c1;
  for (size_t i = 0; cl && i < cl->ndates; i++)
    if (cl->dates[i].sent == best->sent &&
        cl->dates[i].span.off > nm->tok[best->pred_tok].off)
      for (uint32_t t = best->pred_tok; t < stop; t++)
        if (nm->tok[t].off >= cl->dates[i].span.off) {
          stop = t;
          break;
        }
  uint32_t b = best->pred_tok, w = 0;
  while (b < stop && w < 10) {
    w += nm->tok[b].kind != CR_TOK_PUNCT;
    b++;
  }
  /* no dangling "on", "early" */
  while (b > best->pred_tok + 1) {
    const cr_token *t = &nm->tok[b - 1];
    if (!(t->flags & CR_TF_STOP) && t->kind != CR_TOK_PUNCT &&
        !(t->fold_len > 3 && strcmp(t->fold + t->fold_len - 2, "ly") == 0))
      break;
    b--;
  }
  const char *pred = tokens_text(R, best->doc, best->pred_tok, b);
  if (!pred)
    return NULL;
  const char *what = best->kind == K_MONEY      ? "amount"
                     : best->kind == K_PERCENT  ? "share"
                     : best->kind == K_DURATION ? "length"
                     : best->kind == K_COUNT    ? "number"
                                                : "value";
  size_t n = strlen(what) + strlen(pred) + (unit ? strlen(unit) : 0) + 8;
  char *s = cr_arena_alloc(R->a, n);
  if (!s)
    return NULL;
  if (unit)
    snprintf(s, n, "%s of %s %s", what, unit, pred);
  else
    snprintf(s, n, "%s %s", what, pred);
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return s;
}

/* ---- claims and conflicts
 * ---------------------------------------------------- */

typedef struct vcluster {
  int32_t *m; /* record indexes */
  size_t n;
  double lo, hi;
} vcluster;

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* documents (engine indexes, ascending, distinct) and origins of records */
static int doc_list(vrun *R, const int32_t *m, size_t n, cr_idlist *out,
                    size_t *origins) {
  out->v = cr_arena_alloc(R->a, (n ? n : 1) * sizeof *out->v);
  uint8_t *seen = cr_arena_calloc(R->tmp, R->norigins ? R->norigins : 1, 1);
  if (!out->v || !seen)
    return -1;
  out->n = 0;
  *origins = 0;
  for (size_t i = 0; i < n; i++) {
    const vrec *r = &R->r[m[i]];
    out->v[out->n++] = R->docs[r->doc].index;
    if (!seen[R->vd[r->doc].origin]) {
      seen[R->vd[r->doc].origin] = 1;
      (*origins)++;
    }
  }
  qsort(out->v, out->n, sizeof *out->v, cmp_u32);
  size_t w = 0;
  for (size_t i = 0; i < out->n; i++)
    if (!w || out->v[i] != out->v[w - 1])
      out->v[w++] = out->v[i];
  out->n = w;
  return 0;
}

/* The members that are no copies, each with its weight: itself and the
 * copies of it among the members (copies repeat one origin's sentence, so
 * votes over these are votes over all members, in a fraction of the
 * time). `wt` is a zeroed array over all records, zeroed again after. */
static size_t originals(const vrun *R, const int32_t *m, size_t n, uint32_t *wt,
                        int32_t *out, uint32_t *w) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    int32_t o = R->r[m[i]].copy_of >= 0 ? R->r[m[i]].copy_of : m[i];
    wt[o]++;
  }
  for (size_t i = 0; i < n; i++)
    if (R->r[m[i]].copy_of < 0 || !wt[R->r[m[i]].copy_of]) {
      int32_t o = R->r[m[i]].copy_of >= 0 ? R->r[m[i]].copy_of : m[i];
      if (!wt[o])
        continue; /* taken already */
      out[k] = m[i];
      w[k++] = wt[o];
      wt[o] = 0;
    }
  return k;
}

/* the member whose label most members share (earliest on ties) */
static const vrec *representative(vrun *R, const int32_t *u, const uint32_t *w,
                                  size_t nu) {
  const vrec *best = &R->r[u[0]];
  size_t bc = 0;
  for (size_t i = 0; i < nu; i++) {
    size_t c = 0;
    for (size_t j = 0; j < nu; j++)
      c += strcmp(R->r[u[i]].label, R->r[u[j]].label) == 0 ? w[j] : 0;
    if (c > bc) {
      bc = c;
      best = &R->r[u[i]];
    }
  }
  return best;
}

static int cmp_evidence(const void *x, const void *y) {
  const cr_sevidence *a = x, *b = y;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static int fill_claim(vrun *R, cr_sclaim *c, const int32_t *m, size_t n,
                      int disputed, uint32_t *wt, const char **said) {
  int32_t *u = cr_arena_alloc(R->tmp, n * sizeof *u);
  uint32_t *w = cr_arena_alloc(R->tmp, n * sizeof *w);
  if (!u || !w)
    return -1;
  size_t nu = originals(R, m, n, wt, u, w);
  const vrec *rep = representative(R, u, w, nu);
  c->kind = rep->q ? "quantity" : "date";
  c->has_value = 1;
  c->number = rep->q ? rep->q->value : 0;
  c->value_text = rep->label;
  c->unit = !rep->q ? NULL
            : rep->q->unit_span.len
                ? cr_arena_strdup(R->a, cr_verify_span(R, rep->doc,
                                                       rep->q->unit_span.off,
                                                       rep->q->unit_span.len))
            : rep->q->unit && *rep->q->unit
                ? cr_arena_strdup(R->a, rep->q->unit)
                : NULL;
  /* the subject: the story entity most members name */
  int32_t subj = -1;
  size_t sc = 0;
  for (size_t i = 0; i < nu; i++) {
    int32_t e = R->r[u[i]].subj;
    size_t k = 0;
    for (size_t j = 0; e >= 0 && j < nu; j++)
      k += R->r[u[j]].subj == e ? w[j] : 0;
    if (k > sc) {
      sc = k;
      subj = e;
    }
  }
  c->subject_entity = cr_verify_entity_id(R, subj);
  if (!c->subject_entity && rep->q && rep->q->subject.len)
    c->subject_text =
        cr_arena_strdup(R->a, cr_verify_span(R, rep->doc, rep->q->subject.off,
                                             rep->q->subject.len));
  if (rep->kind == K_AGE && subj >= 0) {
    const char *name = cr_verify_entity_name(R, subj);
    size_t len = strlen(name ? name : "") + strlen(rep->label) + 16;
    char *t = cr_arena_alloc(R->a, len);
    if (!t)
      return -1;
    snprintf(t, len, "age of %s: %s", name ? name : "?", rep->label);
    c->text = t;
  } else {
    /* the clause of the earliest article stating the value shown */
    const vrec *first = rep;
    for (size_t i = 0; i < nu; i++)
      if (strcmp(R->r[u[i]].label, rep->label) == 0 &&
          R->r[u[i]].doc < first->doc)
        first = &R->r[u[i]];
    const char *t = clause_text(R, first);
    c->text = t ? t : rep->label;
  }
  size_t origins;
  if (doc_list(R, m, n, &c->docs, &origins))
    return -1;
  c->origins = origins;
  c->status = disputed       ? CR_CLAIM_DISPUTED
              : origins >= 2 ? CR_CLAIM_CORROBORATED
                             : CR_CLAIM_SINGLE_SOURCE;
  /* evidence: the sentence of each article, once; a copy's sentence is
   * its original's when the words are the same */
  c->evidence = cr_arena_calloc(R->a, n, sizeof *c->evidence);
  uint8_t *dseen = cr_arena_calloc(R->tmp, R->n ? R->n : 1, 1);
  if (!c->evidence || !dseen)
    return -1;
  c->nevidence = 0;
  for (int pass = 0; pass < 2; pass++) /* originals first, then copies */
    for (size_t i = 0; i < n; i++) {
      const vrec *r = &R->r[m[i]];
      if ((r->copy_of >= 0) != pass || dseen[r->doc])
        continue;
      dseen[r->doc] = 1;
      const char *sent = NULL;
      const cr_norm *nm = R->docs[r->doc].norm;
      if (r->copy_of >= 0 && said[r->copy_of]) {
        const vrec *o = &R->r[r->copy_of];
        const cr_norm *on = R->docs[o->doc].norm;
        if (r->sent < nm->nsent && o->sent < on->nsent &&
            nm->sent[r->sent].len == on->sent[o->sent].len &&
            memcmp(nm->text + nm->sent[r->sent].off,
                   on->text + on->sent[o->sent].off,
                   nm->sent[r->sent].len) == 0)
          sent = said[r->copy_of];
      }
      if (!sent && !(sent = cr_verify_sentence(R, r->doc, r->sent)))
        return -1;
      if (r->copy_of < 0)
        said[m[i]] = sent;
      cr_sevidence *ev = &c->evidence[c->nevidence++];
      ev->doc = R->docs[r->doc].index;
      ev->sentence = sent;
    }
  for (size_t i = 0; i < n; i++)
    said[m[i]] = NULL;
  qsort(c->evidence, c->nevidence, sizeof *c->evidence, cmp_evidence);
  return 0;
}

typedef struct msup {
  int32_t m;
  size_t support;
} msup;

static int cmp_msup(const void *x, const void *y) {
  const msup *a = x, *b = y;
  if (a->support != b->support)
    return a->support > b->support ? -1 : 1;
  return a->m < b->m ? -1 : a->m > b->m;
}

static int cmp_i32(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return a < b ? -1 : a > b;
}

/* Split a group into clusters of mutually compatible values: the members
 * backed by most origins first, each joining the first cluster whose
 * common interval it meets. */
static size_t split_values(vrun *R, int32_t *m, size_t n, vcluster *cl) {
  size_t *support = cr_arena_calloc(R->tmp, n, sizeof *support);
  uint8_t *seen = cr_arena_calloc(R->tmp, R->norigins ? R->norigins : 1, 1);
  if (!support || !seen)
    return 0;
  /* a copy has its original's origin and value: the originals alone
   * count the origins */
  int32_t *orig = cr_arena_alloc(R->tmp, n * sizeof *orig);
  if (!orig)
    return 0;
  size_t no = 0;
  for (size_t i = 0; i < n; i++)
    if (R->r[m[i]].copy_of < 0)
      orig[no++] = m[i];
  for (size_t i = 0; i < n; i++) {
    memset(seen, 0, R->norigins);
    for (size_t j = 0; j < no; j++)
      if (compatible(&R->r[m[i]], &R->r[orig[j]]) &&
          !seen[R->vd[R->r[orig[j]].doc].origin]) {
        seen[R->vd[R->r[orig[j]].doc].origin] = 1;
        support[i]++;
      }
  }
  /* order by support, then input order */
  msup *ms = cr_arena_alloc(R->tmp, n * sizeof *ms);
  if (!ms)
    return 0;
  for (size_t i = 0; i < n; i++)
    ms[i] = (msup){m[i], support[i]};
  qsort(ms, n, sizeof *ms, cmp_msup);
  for (size_t i = 0; i < n; i++)
    m[i] = ms[i].m;
  size_t nc = 0;
  for (size_t i = 0; i < n; i++) {
    const vrec *r = &R->r[m[i]];
    size_t c = 0;
    while (c < nc && !(r->lo <= cl[c].hi && cl[c].lo <= r->hi))
      c++;
    if (c == nc) {
      cl[nc].m = cr_arena_alloc(R->tmp, n * sizeof *cl[nc].m);
      if (!cl[nc].m)
        return 0;
      cl[nc].n = 0;
      cl[nc].lo = r->lo;
      cl[nc].hi = r->hi;
      nc++;
    }
    cl[c].m[cl[c].n++] = m[i];
    if (r->lo > cl[c].lo)
      cl[c].lo = r->lo;
    if (r->hi < cl[c].hi)
      cl[c].hi = r->hi;
  }
  /* members back in input order within each cluster */
  for (size_t c = 0; c < nc; c++)
    qsort(cl[c].m, cl[c].n, sizeof *cl[c].m, cmp_i32);
  return nc;
}

static int fill_conflict(vrun *R, cr_sconflict *x, vcluster *cl, size_t nc,
                         const char **ids) {
  /* about: the age of a person, a prison term, or the governed words */
  const vrec *r0 = &R->r[cl[0].m[0]];
  const char *name = cr_verify_entity_name(R, r0->subj);
  char *t = NULL;
  if (r0->kind == K_AGE && name) {
    size_t len = strlen(name) + 8;
    if ((t = cr_arena_alloc(R->a, len)))
      snprintf(t, len, "age of %s", name);
  } else if (r0->kind == K_DURATION && r0->subj_person && name &&
             R->v->c_custody && (r0->pmask & (1u << R->v->c_custody))) {
    size_t len = strlen(name) + 20;
    if ((t = cr_arena_alloc(R->a, len)))
      snprintf(t, len, "prison term of %s", name);
  }
  x->about = t;
  if (!x->about) {
    size_t total = 0;
    for (size_t c = 0; c < nc; c++)
      total += cl[c].n;
    int32_t *all = cr_arena_alloc(R->tmp, total * sizeof *all);
    if (!all)
      return -1;
    total = 0;
    for (size_t c = 0; c < nc; c++)
      for (size_t i = 0; i < cl[c].n; i++)
        all[total++] = cl[c].m[i];
    x->about = about_text(R, all, total);
  }
  if (!x->about)
    x->about = clause_text(R, r0);
  x->claims = ids;
  x->nclaims = nc;
  /* each distinct label of each cluster */
  size_t nv = 0;
  for (size_t c = 0; c < nc; c++)
    nv += cl[c].n;
  x->values = cr_arena_calloc(R->a, nv ? nv : 1, sizeof *x->values);
  int32_t *tmp = cr_arena_alloc(R->tmp, (nv ? nv : 1) * sizeof *tmp);
  if (!x->values || !tmp)
    return -1;
  x->nvalues = 0;
  for (size_t c = 0; c < nc; c++)
    for (size_t i = 0; i < cl[c].n; i++) {
      const char *lab = R->r[cl[c].m[i]].label;
      int done = 0;
      for (size_t k = 0; k < i; k++)
        done |= strcmp(R->r[cl[c].m[k]].label, lab) == 0;
      if (done)
        continue;
      size_t n = 0;
      for (size_t k = i; k < cl[c].n; k++)
        if (strcmp(R->r[cl[c].m[k]].label, lab) == 0)
          tmp[n++] = cl[c].m[k];
      cr_svalue *v = &x->values[x->nvalues++];
      v->value = lab;
      if (doc_list(R, tmp, n, &v->docs, &v->origins))
        return -1;
    }
  return 0;
}

/* Claims backed by most origins first, then by most articles, then in the
 * order found; ids in that order, and the conflicts' claim lists (claim
 * numbers until now) pointed at them. */
static int cmp_claim(const void *x, const void *y) {
  const cr_sclaim *a = *(const cr_sclaim *const *)x,
                  *b = *(const cr_sclaim *const *)y;
  if (a->origins != b->origins)
    return a->origins > b->origins ? -1 : 1;
  if (a->docs.n != b->docs.n)
    return a->docs.n > b->docs.n ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int order_claims(vrun *R) {
  cr_story *s = R->s;
  if (!s->nclaims)
    return 0;
  const cr_sclaim **by = cr_arena_alloc(R->tmp, s->nclaims * sizeof *by);
  size_t *rank = cr_arena_alloc(R->tmp, s->nclaims * sizeof *rank);
  cr_sclaim *out = cr_arena_calloc(R->a, s->nclaims, sizeof *out);
  if (!by || !rank || !out)
    return -1;
  for (size_t i = 0; i < s->nclaims; i++)
    by[i] = &s->claims[i];
  qsort(by, s->nclaims, sizeof *by, cmp_claim);
  for (size_t i = 0; i < s->nclaims; i++) {
    out[i] = *by[i];
    rank[by[i] - s->claims] = i;
    snprintf(out[i].id, sizeof out[i].id, "c%u", (unsigned)(i + 1));
  }
  for (size_t i = 0; i < s->nconflicts; i++)
    for (size_t k = 0; k < s->conflicts[i].nclaims; k++) {
      size_t old = (size_t)(uintptr_t)s->conflicts[i].claims[k] - 1;
      s->conflicts[i].claims[k] = out[rank[old]].id;
    }
  s->claims = out;
  /* two claims in the words of one clause ("put in a van with four other
   * women and driven for two hours"): the value says which is which */
  uint8_t *dup = cr_arena_calloc(R->tmp, s->nclaims, 1);
  if (!dup)
    return -1;
  for (size_t i = 0; i < s->nclaims; i++)
    for (size_t j = i + 1; j < s->nclaims; j++)
      if (out[i].text && out[j].text && strcmp(out[i].text, out[j].text) == 0)
        dup[i] = dup[j] = 1;
  for (size_t i = 0; i < s->nclaims; i++) {
    if (!dup[i] || !out[i].value_text)
      continue;
    size_t n = strlen(out[i].value_text) + strlen(out[i].text) + 4;
    char *t = cr_arena_alloc(R->a, n);
    if (!t)
      return -1;
    snprintf(t, n, "%s: %s", out[i].value_text, out[i].text);
    out[i].text = t;
  }
  return 0;
}

int cr_verify_align(vrun *R) {
  cr_story *s = R->s;
  if (!R->nr)
    return 0;
  int32_t *next = cr_arena_alloc(R->tmp, R->nr * sizeof *next);
  /* per record, zeroed between claims: copy counts, evidence sentences */
  uint32_t *wt = cr_arena_calloc(R->tmp, R->nr, sizeof *wt);
  const char **said = cr_arena_calloc(R->tmp, R->nr, sizeof *said);
  if (!wt || !said)
    return -1;
  int32_t *m = cr_arena_alloc(R->tmp, R->nr * sizeof *m);
  vcluster *cl = cr_arena_calloc(R->tmp, R->nr, sizeof *cl);
  if (!next || !m || !cl || group_records(R, next))
    return -1;
  s->claims = cr_arena_calloc(R->a, R->nr, sizeof *s->claims);
  s->conflicts = cr_arena_calloc(R->a, R->nr, sizeof *s->conflicts);
  if (!s->claims || !s->conflicts)
    return -1;
  s->nclaims = s->nconflicts = 0;
  for (size_t g = 0; g < R->nr; g++) {
    if (R->r[g].group != (int32_t)g)
      continue;
    size_t n = 0;
    for (int32_t x = (int32_t)g; x >= 0; x = next[x])
      m[n++] = x;
    size_t nc = split_values(R, m, n, cl);
    if (!nc)
      return -1;
    if (R->r[g].kind == K_DATE) {
      /* a date told by one article is in the timeline only */
      int docs = 0;
      for (size_t i = 1; i < n; i++)
        docs |= R->r[m[i]].doc != R->r[m[0]].doc;
      if (!docs)
        continue;
    }
    /* a dispute needs two clusters from different origins; a cluster of
     * one origin against another of the same origin cannot happen (the
     * grouping refused it) */
    int disputed = nc >= 2;
    const char **ids = cr_arena_calloc(R->a, nc, sizeof *ids);
    if (!ids)
      return -1;
    for (size_t c = 0; c < nc; c++) {
      cr_sclaim *c_ = &s->claims[s->nclaims];
      if (fill_claim(R, c_, cl[c].m, cl[c].n, disputed, wt, said))
        return -1;
      ids[c] = (const char *)(uintptr_t)(s->nclaims + 1); /* set below */
      s->nclaims++;
    }
    if (disputed) {
      cr_sconflict *x = &s->conflicts[s->nconflicts];
      snprintf(x->id, sizeof x->id, "x%u", (unsigned)(s->nconflicts + 1));
      if (fill_conflict(R, x, cl, nc, ids))
        return -1;
      s->nconflicts++;
    }
  }
  return order_claims(R);
}
