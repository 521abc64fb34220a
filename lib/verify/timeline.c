/* timeline.c -- the story's dated events: every resolved date of its
 * articles (claims stage: relative dates already resolved against the
 * article's date) that says when something happened, with its sentence;
 * the same event told by several articles (same date, overlapping words
 * and entities) listed once with all of them; ordered by date. */
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "verify_int.h"

#define T_EVENT 0.30      /* overlap of two sentences telling one event */
#define T_EVENT_PART 0.60 /* the same, over the shorter one */
#define MAX_EVENTS 30

typedef struct vev {
  uint32_t doc, sent;
  int32_t copy_of; /* the same date and sentence in an article of the same
                      origin (a copy): joined without comparing */
  const cr_date *dt;
  int32_t *groups; /* claim groups of the sentence's figures and dates */
  size_t ngroups;
  vset ctx;
  int32_t group;
  size_t origins; /* of the group, at its root */
} vev;

static int32_t ev_root(vev *e, int32_t i) {
  while (e[i].group != i) {
    e[i].group = e[e[i].group].group;
    i = e[i].group;
  }
  return i;
}

static uint32_t sent_words(const cr_norm *nm, uint32_t s) {
  const cr_sentence *x = &nm->sent[s];
  uint32_t w = 0;
  for (uint32_t t = x->tok; t < x->tok + x->ntok && t < nm->ntok; t++)
    w += nm->tok[t].kind != CR_TOK_PUNCT && nm->tok[t].kind != CR_TOK_SYMBOL;
  return w;
}

/* a date that dates an event of the story */
static int wanted(const vrun *R, const vdoc *D, const cr_date *dt) {
  const cr_norm *nm = D->d->norm;
  if (!dt->resolved || !dt->iso[0] || dt->sent >= nm->nsent)
    return 0;
  if (dt->prec == CR_DATE_WEEK || (dt->prec == CR_DATE_YEAR && dt->relative))
    return 0; /* "this week", "last year": too vague to place */
  if (cr_verify_not_event(nm, dt->span.off))
    return 0; /* "since 2004" dates no event */
  /* a date inside a quotation is the speaker's "today" */
  size_t lo = 0, hi = nm->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (nm->tok[mid].off + nm->tok[mid].len <= dt->span.off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < nm->ntok && (D->tok_quote[lo] & 1))
    return 0;
  /* a dateline, a time stamp, a caption, a line that introduces what
   * follows ("K. Varga wrote on 15/03/2026 08:40:"): no event */
  (void)R;
  const cr_sentence *s = &nm->sent[dt->sent];
  if (s->len && nm->text[s->off + s->len - 1] == ':')
    return 0;
  return sent_words(nm, dt->sent) >= 6;
}

/* the sentence, or for a long one the clause around the date */
static const char *event_text(vrun *R, const vev *e) {
  const cr_norm *nm = R->docs[e->doc].norm;
  if (sent_words(nm, e->sent) <= 35)
    return cr_verify_sentence(R, e->doc, e->sent);
  const cr_sentence *s = &nm->sent[e->sent];
  uint32_t end = s->tok + s->ntok;
  size_t lo = s->tok, hi = end;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (nm->tok[mid].off + nm->tok[mid].len <= e->dt->span.off)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint32_t a = (uint32_t)lo, b = (uint32_t)lo + 1, w = 0;
  /* widen to 25 words, more after the date than before */
  while (w < 25 && (a > s->tok || b < end)) {
    if (b < end) {
      w += nm->tok[b].kind != CR_TOK_PUNCT;
      b++;
    }
    if (a > s->tok && (w % 3 == 0 || b >= end)) {
      a--;
      w += nm->tok[a].kind != CR_TOK_PUNCT;
    }
  }
  uint32_t off = nm->tok[a].off, stop = nm->tok[b - 1].off + nm->tok[b - 1].len;
  const char *pre = a > s->tok ? "… " : "", *post = b < end ? " …" : "";
  size_t n = strlen(pre) + (stop - off) + strlen(post) + 1;
  char *t = cr_arena_alloc(R->a, n);
  if (!t)
    return NULL;
  snprintf(t, n, "%s%.*s%s", pre, (int)(stop - off), nm->text + off, post);
  for (char *p = t; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return t;
}

static size_t event_score(const vev *x) {
  return 2 * x->origins + (x->dt->prec != CR_DATE_YEAR);
}

static int32_t rec_root(vrec *r, int32_t i) {
  while (r[i].group != i)
    i = r[i].group;
  return i;
}

/* records by document and sentence, for sentence_groups */
typedef struct rkey {
  uint32_t doc, sent;
  int32_t i;
} rkey;

static int cmp_rkey(const void *x, const void *y) {
  const rkey *a = x, *b = y;
  if (a->doc != b->doc)
    return a->doc < b->doc ? -1 : 1;
  if (a->sent != b->sent)
    return a->sent < b->sent ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}

/* the claim groups (aligned across articles) of the figures and dates of
 * the event's sentence: two sentences sharing one tell the same event */
static int sentence_groups(vrun *R, const rkey *by, vev *x) {
  size_t lo = 0, hi = R->nr;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (by[mid].doc < x->doc ||
        (by[mid].doc == x->doc && by[mid].sent < x->sent))
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t end = lo;
  while (end < R->nr && by[end].doc == x->doc && by[end].sent == x->sent)
    end++;
  x->ngroups = 0;
  if (end == lo)
    return 0;
  x->groups = cr_arena_alloc(R->tmp, (end - lo) * sizeof *x->groups);
  if (!x->groups)
    return -1;
  for (size_t i = lo; i < end; i++)
    if (R->r[by[i].i].group >= 0)
      x->groups[x->ngroups++] = rec_root(R->r, by[i].i);
  return 0;
}

static int share_group(const vrun *R, const vev *a, const vev *b) {
  for (size_t i = 0; i < a->ngroups; i++)
    for (size_t j = 0; j < b->ngroups; j++)
      if (a->groups[i] == b->groups[j]) {
        /* a group of one article says nothing about another */
        const vrec *r = &R->r[a->groups[i]];
        (void)r;
        return a->doc != b->doc;
      }
  return 0;
}

static int cmp_event(const void *x, const void *y) {
  const vev *a = *(const vev *const *)x, *b = *(const vev *const *)y;
  int c = strcmp(a->dt->iso, b->dt->iso);
  if (c)
    return c;
  if (a->doc != b->doc)
    return a->doc < b->doc ? -1 : 1;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}

int cr_verify_timeline(vrun *R) {
  cr_story *s = R->s;
  size_t total = 0;
  for (size_t k = 0; k < R->n; k++)
    total += R->docs[k].claims ? R->docs[k].claims->ndates : 0;
  s->ntimeline = 0;
  if (!total)
    return 0;
  vev *e = cr_arena_calloc(R->tmp, total, sizeof *e);
  vev **order = cr_arena_alloc(R->tmp, total * sizeof *order);
  if (!e || !order)
    return -1;
  rkey *byds = cr_arena_alloc(R->tmp, (R->nr ? R->nr : 1) * sizeof *byds);
  if (!byds)
    return -1;
  for (size_t i = 0; i < R->nr; i++)
    byds[i] = (rkey){R->r[i].doc, R->r[i].sent, (int32_t)i};
  qsort(byds, R->nr, sizeof *byds, cmp_rkey);
  size_t n = 0;
  for (size_t k = 0; k < R->n; k++) {
    const vdoc *D = &R->vd[k];
    const cr_claims *cl = D->d->claims;
    for (size_t i = 0; cl && i < cl->ndates; i++) {
      const cr_date *dt = &cl->dates[i];
      if (!wanted(R, D, dt))
        continue;
      /* one event per date and sentence */
      int dup = 0;
      for (size_t j = n; j-- > 0 && e[j].doc == k && !dup;)
        dup = e[j].sent == dt->sent && strcmp(e[j].dt->iso, dt->iso) == 0;
      if (dup)
        continue;
      vev *x = &e[n];
      x->doc = (uint32_t)k;
      x->sent = dt->sent;
      x->dt = dt;
      x->group = (int32_t)n;
      if (sentence_groups(R, byds, x))
        return -1;
      if (cr_verify_concepts(R, (uint32_t)k, dt->sent, UINT32_MAX, UINT32_MAX,
                             &x->ctx))
        return -1;
      order[n] = x;
      n++;
    }
  }
  if (!n)
    return 0;
  /* copies of one origin's sentence join at once */
  vmap dups;
  if (cr_verify_map_init(&dups, n))
    return -1;
  for (size_t i = 0; i < n; i++) {
    vev *x = &e[i];
    uint64_t h[3] = {
        R->vd[x->doc].origin, cr_hash64(x->dt->iso, strlen(x->dt->iso)),
        x->ctx.n ? cr_hash64(x->ctx.k, x->ctx.n * sizeof *x->ctx.k) : 0};
    double *slot = cr_verify_map_put(&dups, cr_hash64(h, sizeof h));
    if (!slot) {
      cr_verify_map_free(&dups);
      return -1;
    }
    x->copy_of = -1;
    if (*slot > 0 && e[(size_t)*slot - 1].doc != x->doc) {
      x->copy_of = (int32_t)*slot - 1;
      x->group = x->copy_of;
    } else if (*slot == 0) {
      *slot = (double)(i + 1);
    }
  }
  cr_verify_map_free(&dups);
  qsort(order, n, sizeof *order, cmp_event);
  /* within one date: events whose sentences overlap enough are one */
  vev **uniq = cr_arena_alloc(R->tmp, n * sizeof *uniq);
  if (!uniq)
    return -1;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1, nu = 0;
    while (j < n && strcmp(order[j]->dt->iso, order[i]->dt->iso) == 0)
      j++;
    for (size_t p = i; p < j; p++)
      if (order[p]->copy_of < 0)
        uniq[nu++] = order[p];
    for (size_t p = 0; p < nu; p++)
      for (size_t q = p + 1; q < nu; q++) {
        const vev *a = uniq[p], *b = uniq[q];
        int32_t ra = ev_root(e, (int32_t)(a - e)),
                rb = ev_root(e, (int32_t)(b - e));
        if (ra == rb)
          continue;
        /* the same words, or one sentence saying little more than a part
         * of the other ("Estovia set 87 prisoners free on Saturday.") */
        if (!share_group(R, a, b) &&
            cr_verify_overlap(&a->ctx, &b->ctx, 0) < T_EVENT &&
            cr_verify_overlap(&a->ctx, &b->ctx, 1) < T_EVENT_PART)
          continue;
        e[ra > rb ? ra : rb].group = ra > rb ? rb : ra;
      }
    i = j;
  }
  /* origins per group; keep the best-backed groups when there are many */
  uint8_t *seen =
      cr_arena_calloc(R->tmp, n * (R->norigins ? R->norigins : 1), 1);
  if (!seen)
    return -1;
  size_t groups = 0;
  for (size_t i = 0; i < n; i++) {
    int32_t r = ev_root(e, (int32_t)i);
    uint8_t *o = seen + (size_t)r * R->norigins;
    if (r == (int32_t)i)
      groups++;
    if (!o[R->vd[e[i].doc].origin]) {
      o[R->vd[e[i].doc].origin] = 1;
      e[r].origins++;
    }
  }
  /* many events: keep those told by most origins, and dated to the month
   * or the day rather than the year; on ties the ones found first */
  uint8_t *keep = cr_arena_calloc(R->tmp, n, 1);
  int32_t *roots = cr_arena_alloc(R->tmp, n * sizeof *roots);
  if (!keep || !roots)
    return -1;
  size_t nroots = 0;
  for (size_t i = 0; i < n; i++)
    if (ev_root(e, (int32_t)i) == (int32_t)i)
      roots[nroots++] = (int32_t)i;
  for (size_t i = 1; i < nroots; i++)
    for (size_t k = i;
         k > 0 && event_score(&e[roots[k]]) > event_score(&e[roots[k - 1]]);
         k--) {
      int32_t t = roots[k];
      roots[k] = roots[k - 1];
      roots[k - 1] = t;
    }
  groups = nroots < MAX_EVENTS ? nroots : MAX_EVENTS;
  for (size_t i = 0; i < groups; i++)
    keep[roots[i]] = 1;
  s->timeline = cr_arena_calloc(R->a, groups ? groups : 1, sizeof *s->timeline);
  uint8_t *done = cr_arena_calloc(R->tmp, n, 1);
  uint8_t *cite = cr_arena_calloc(R->tmp, R->n ? R->n : 1, 1);
  if (!s->timeline || !done || !cite)
    return -1;
  for (size_t i = 0; i < n; i++) {
    const vev *x = order[i];
    int32_t r = ev_root(e, (int32_t)(x - e));
    if (done[r] || !keep[r])
      continue;
    done[r] = 1;
    cr_sevent *ev = &s->timeline[s->ntimeline++];
    ev->date = cr_arena_strdup(R->a, x->dt->iso);
    ev->text = event_text(R, x); /* from the earliest article */
    ev->docs.v = cr_arena_alloc(R->a, R->n * sizeof *ev->docs.v);
    if (!ev->date || !ev->text || !ev->docs.v)
      return -1;
    /* every article of the group (members share its date: they follow
     * it in date order) */
    memset(cite, 0, R->n);
    for (size_t j = i; j < n && strcmp(order[j]->dt->iso, x->dt->iso) == 0; j++)
      if (ev_root(e, (int32_t)(order[j] - e)) == r)
        cite[order[j]->doc] = 1;
    for (size_t k = 0; k < R->n; k++)
      if (cite[k])
        ev->docs.v[ev->docs.n++] = R->docs[k].index;
  }
  return 0;
}
