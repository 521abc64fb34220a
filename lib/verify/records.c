/* records.c -- the claim records of a story: every quantity of every
 * article with what alignment compares (kind, value as an interval, the
 * counted noun and its class, the subject as a story entity, the event
 * class of the words governing it, the date of its sentence, and the
 * sentence's concepts: stems, event classes and story entities, weighted by
 * their rarity among the story's origins). See docs/verify.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/table.h"
#include "verify_int.h"

enum { TF_QUOTE = 1, TF_DATE = 2 };

/* concept keys: stems are cr_token.hash; entities and event classes live in
 * their own key ranges (mixed, so never 0) */
static uint64_t ent_concept(int32_t e) {
  return cr_hash64(&e, sizeof e) ^ 0x45454545ULL;
}
static uint64_t class_concept(int c) {
  return cr_hash64(&c, sizeof c) ^ 0x50505050ULL;
}

const char *cr_verify_span(vrun *R, uint32_t doc, uint32_t off, uint32_t len) {
  const cr_norm *nm = R->docs[doc].norm;
  if (off > nm->len || len > nm->len - off)
    return "";
  const char *s = cr_arena_strndup(R->tmp, nm->text + off, len);
  return s ? s : "";
}

const char *cr_verify_sentence(vrun *R, uint32_t doc, uint32_t sent) {
  const cr_norm *nm = R->docs[doc].norm;
  if (sent >= nm->nsent)
    return NULL;
  return cr_arena_strndup(R->a, nm->text + nm->sent[sent].off,
                          nm->sent[sent].len);
}

/* ---- documents ---------------------------------------------------------- */

/* the first token at or after byte off */
static uint32_t tok_at(const cr_norm *nm, uint32_t off) {
  size_t lo = 0, hi = nm->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (nm->tok[mid].off + nm->tok[mid].len <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (uint32_t)lo;
}

static void mark(const cr_norm *nm, uint8_t *f, uint32_t off, uint32_t len,
                 uint8_t bit) {
  for (uint32_t t = tok_at(nm, off); t < nm->ntok && nm->tok[t].off < off + len;
       t++)
    f[t] |= bit;
}

static int concept_of(const vrun *R, const vdoc *D, uint32_t t, uint64_t *out) {
  const cr_token *tk = &D->d->norm->tok[t];
  if (D->tok_ent[t] >= 0) {
    *out = ent_concept(D->tok_ent[t]);
    return 1;
  }
  if (D->tok_quote[t] & TF_DATE)
    return 0;
  if (tk->kind == CR_TOK_NUMBER) {
    *out = tk->hash ? tk->hash : 1; /* "87" in two sentences says much */
    return 1;
  }
  if (tk->kind != CR_TOK_WORD && tk->kind != CR_TOK_ABBREV)
    return 0;
  int c = cr_verify_pred_class(R->v, tk->hash);
  if (c) {
    *out = class_concept(c);
    return 1;
  }
  if (tk->flags & CR_TF_STOP || tk->len < 2)
    return 0;
  *out = tk->hash ? tk->hash : 1;
  return 1;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int cr_verify_weigh(vrun *R, vset *s) {
  s->w = cr_arena_alloc(R->tmp, (s->n ? s->n : 1) * sizeof *s->w);
  if (!s->w)
    return -1;
  s->sum = 0;
  for (size_t i = 0; i < s->n; i++) {
    const double *df = cr_verify_map_get(&R->df, s->k[i]);
    double f = df && *df >= 1 ? *df : 1;
    s->w[i] = (float)log(1.0 + (double)R->norigins / f);
    s->sum += s->w[i];
  }
  return 0;
}

int cr_verify_concepts(vrun *R, uint32_t doc, uint32_t sent, uint32_t skip0,
                       uint32_t skip1, vset *out) {
  const vdoc *D = &R->vd[doc];
  const cr_norm *nm = D->d->norm;
  memset(out, 0, sizeof *out);
  if (sent >= nm->nsent)
    return cr_verify_weigh(R, out);
  const cr_sentence *s = &nm->sent[sent];
  uint64_t *c = cr_arena_alloc(R->tmp, (s->ntok ? s->ntok : 1) * sizeof *c);
  if (!c)
    return -1;
  size_t k = 0;
  for (uint32_t t = s->tok; t < s->tok + s->ntok && t < nm->ntok; t++) {
    if (t >= skip0 && t < skip1)
      continue;
    if (concept_of(R, D, t, &c[k]))
      k++;
  }
  qsort(c, k, sizeof *c, cmp_u64);
  size_t w = 0;
  for (size_t i = 0; i < k; i++)
    if (!w || c[i] != c[w - 1])
      c[w++] = c[i];
  out->k = c;
  out->n = w;
  return cr_verify_weigh(R, out);
}

double cr_verify_overlap(const vset *a, const vset *b, int mode) {
  double both = 0;
  size_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->k[i] < b->k[j])
      i++;
    else if (b->k[j] < a->k[i])
      j++;
    else {
      both += a->w[i];
      i++;
      j++;
    }
  }
  if (a->sum <= 0 || b->sum <= 0)
    return 0;
  return mode == 1 ? both / (a->sum < b->sum ? a->sum : b->sum)
                   : both / sqrt(a->sum * b->sum);
}

static int read_docs(vrun *R, vmap *places);

/* The place of the story whose one-word name begins the nationality word
 * (its final vowel aside, four letters at least): Ukraine / Ukrainian,
 * Belarus / Belarusian. -1 none. */
static int32_t country_of(const vrun *R, const char *w, size_t n) {
  for (size_t i = 0; i < R->s->nentities; i++) {
    const cr_sentity *e = &R->s->entities[i];
    if (e->kind != CR_ENT_PLACE || !e->name || strchr(e->name, ' '))
      continue;
    size_t l = strlen(e->name);
    if (l && strchr("aeoy", e->name[l - 1] | 32))
      l--;
    if (l < 4 || l >= n)
      continue;
    size_t k = 0;
    while (k < l && (e->name[k] | 32) == w[k])
      k++;
    if (k == l)
      return (int32_t)i;
  }
  return -1;
}

/* one-word spellings of the story's places, lower case -> entity */
static int place_names(vrun *R, vmap *m) {
  for (size_t i = 0; i < R->s->nentities; i++) {
    const cr_sentity *e = &R->s->entities[i];
    if (e->kind != CR_ENT_PLACE)
      continue;
    for (size_t k = 0; k <= e->nvariants; k++) {
      const char *v = k < e->nvariants ? e->variants[k] : e->name;
      size_t n = v ? strlen(v) : 0;
      char low[64];
      if (!n || n >= sizeof low || strchr(v, ' '))
        continue;
      for (size_t j = 0; j < n; j++)
        low[j] = (char)(v[j] >= 'A' && v[j] <= 'Z' ? v[j] + 32 : v[j]);
      double *x = cr_verify_map_put(m, cr_hash64(low, n));
      if (!x)
        return -1;
      *x = (double)i;
    }
  }
  return 0;
}

int cr_verify_read_docs(vrun *R) {
  vmap places;
  if (cr_verify_map_init(&places, 64))
    return -1;
  int rc = read_docs(R, &places);
  cr_verify_map_free(&places);
  return rc;
}

static int read_docs(vrun *R, vmap *places) {
  if (place_names(R, places))
    return -1;
  R->vd = cr_arena_calloc(R->tmp, R->n ? R->n : 1, sizeof *R->vd);
  if (!R->vd)
    return -1;
  /* dense origins */
  int32_t *seen = cr_arena_alloc(R->tmp, (R->n ? R->n : 1) * sizeof *seen);
  if (!seen)
    return -1;
  R->norigins = 0;
  for (size_t k = 0; k < R->n; k++) {
    vdoc *D = &R->vd[k];
    D->d = &R->docs[k];
    D->pos = (uint32_t)k;
    size_t o = R->norigins;
    for (size_t j = 0; D->d->origin >= 0 && j < R->norigins; j++)
      if (seen[j] == D->d->origin)
        o = j;
    if (o == R->norigins)
      seen[R->norigins++] = D->d->origin >= 0 ? D->d->origin : -1 - (int32_t)k;
    D->origin = (uint32_t)o;
    cr_claims_parse_iso(D->d->published, &D->pub_y, &D->pub_m, &D->pub_d);
    if (D->pub_y && D->pub_m && D->pub_d &&
        D->pub_y * 400 + D->pub_m * 32 + D->pub_d >
            R->pub_y * 400 + R->pub_m * 32 + R->pub_d) {
      R->pub_y = D->pub_y;
      R->pub_m = D->pub_m;
      R->pub_d = D->pub_d;
    }
    const cr_norm *nm = D->d->norm;
    size_t nt = nm->ntok ? nm->ntok : 1;
    D->tok_ent = cr_arena_alloc(R->tmp, nt * sizeof *D->tok_ent);
    D->tok_quote = cr_arena_calloc(R->tmp, nt, 1);
    if (!D->tok_ent || !D->tok_quote)
      return -1;
    for (size_t t = 0; t < nt; t++)
      D->tok_ent[t] = -1;
    const cr_ents *en = D->d->ents;
    for (size_t i = 0; en && R->al && i < en->nm; i++) {
      const cr_mention *m = &en->m[i];
      if (m->entity < 0)
        continue;
      int32_t se = cr_alias_of(R->al, D->d->index, (uint32_t)m->entity);
      if (se < 0 || (size_t)se >= R->s->nentities)
        continue;
      for (uint32_t t = m->tok; t < m->tok + m->ntok && t < nm->ntok; t++)
        D->tok_ent[t] = se;
    }
    /* a place the story names, where the tagger missed it in this
     * article; a nationality word stands for its country ("Ukrainian
     * authorities" / "to Ukraine") */
    for (uint32_t t = 0; t < nm->ntok; t++) {
      const cr_token *tk = &nm->tok[t];
      if (D->tok_ent[t] >= 0 || tk->kind != CR_TOK_WORD ||
          !(tk->flags & CR_TF_CAP))
        continue;
      const double *pl =
          cr_verify_map_get(places, cr_hash64(tk->fold, tk->fold_len));
      if (pl)
        D->tok_ent[t] = (int32_t)*pl;
      else if (cr_verify_is_demonym(tk->fold, tk->fold_len))
        D->tok_ent[t] = country_of(R, tk->fold, tk->fold_len);
    }
    const cr_claims *cl = D->d->claims;
    for (size_t i = 0; cl && i < cl->nquotes; i++)
      mark(nm, D->tok_quote, cl->quotes[i].span.off, cl->quotes[i].span.len,
           TF_QUOTE);
    for (size_t i = 0; cl && i < cl->ndates; i++)
      mark(nm, D->tok_quote, cl->dates[i].span.off, cl->dates[i].span.len,
           TF_DATE);
  }
  /* how many origins hold each concept */
  for (size_t o = 0; o < R->norigins; o++) {
    vmap seen_o;
    if (cr_verify_map_init(&seen_o, 256))
      return -1;
    for (size_t k = 0; k < R->n; k++) {
      const vdoc *D = &R->vd[k];
      if (D->origin != o)
        continue;
      for (uint32_t t = 0; t < D->d->norm->ntok; t++) {
        uint64_t c;
        if (!concept_of(R, D, t, &c))
          continue;
        double *x = cr_verify_map_put(&seen_o, c);
        if (!x) {
          cr_verify_map_free(&seen_o);
          return -1;
        }
        *x = 1;
      }
    }
    for (size_t i = 0; i < seen_o.cap; i++)
      if (seen_o.k[i]) {
        double *x = cr_verify_map_put(&R->df, seen_o.k[i]);
        if (!x) {
          cr_verify_map_free(&seen_o);
          return -1;
        }
        *x += 1;
      }
    cr_verify_map_free(&seen_o);
  }
  return 0;
}

/* ---- dates ----------------------------------------------------------------
 */

static int not_event_tok(const cr_norm *nm, uint32_t t);
int cr_verify_not_event(const cr_norm *nm, uint32_t off) {
  return not_event_tok(nm, tok_at(nm, off));
}

static int lower_word(const cr_norm *nm, uint32_t t, char *buf, size_t cap) {
  const cr_token *tk = &nm->tok[t];
  if (tk->fold_len >= cap)
    return 0;
  memcpy(buf, tk->fold, tk->fold_len);
  buf[tk->fold_len] = '\0';
  return (int)tk->fold_len;
}

static int word_is(const cr_norm *nm, uint32_t t, const char *w) {
  const cr_token *tk = &nm->tok[t];
  size_t n = strlen(w);
  return tk->fold_len == n && memcmp(tk->fold, w, n) == 0;
}

/* words before a date that make it no time of the event: "since 2004",
 * "until 2030", "by March" */
static int not_event_tok(const cr_norm *nm, uint32_t t) {
  static const char *const before[] = {"since",   "until",   "till", "by",
                                       "before",  "through", "from", "after",
                                       "between", "to"};
  if (t == 0 || nm->tok[t - 1].sent != nm->tok[t].sent)
    return 0;
  for (size_t i = 0; i < sizeof before / sizeof *before; i++)
    if (word_is(nm, t - 1, before[i]))
      return 1;
  return 0;
}

/* a small non-negative number from a lexicon field */
static int field_int(const char *entry, int i) {
  const char *f;
  size_t n = entry ? cr_table_field(entry, i, &f) : 0;
  int v = 0;
  for (size_t k = 0; k < n && k < 6 && f[k] >= '0' && f[k] <= '9'; k++)
    v = v * 10 + (f[k] - '0');
  return v;
}

static void date_of(const cr_norm *nm, const cr_date *dt, vdate *out) {
  memset(out, 0, sizeof *out);
  if (dt->resolved && dt->prec != CR_DATE_WEEK) {
    /* a week says too little to tell two events apart: left unknown */
    out->prec = dt->prec;
    out->y = dt->year;
    out->m = dt->prec == CR_DATE_YEAR ? 0 : dt->month;
    out->d = dt->prec == CR_DATE_DAY ? dt->day : 0;
    return;
  }
  if (dt->resolved)
    return;
  /* unresolved ("Saturday", "September" with no article date): keep the
   * month or weekday word */
  char w[24];
  for (uint32_t t = tok_at(nm, dt->span.off);
       t < nm->ntok && nm->tok[t].off < dt->span.off + dt->span.len; t++) {
    int n = lower_word(nm, t, w, sizeof w);
    if (!n)
      continue;
    const char *e = cr_table_find(&cr_tab_claims_months, w, (size_t)n);
    if (e && field_int(e, 1) >= 1 && field_int(e, 1) <= 12) {
      out->word = (uint8_t)field_int(e, 1);
      return;
    }
    e = cr_table_find(&cr_tab_claims_weekdays, w, (size_t)n);
    if (e && field_int(e, 1) >= 1 && field_int(e, 1) <= 7) {
      out->word = (uint8_t)(20 + field_int(e, 1));
      return;
    }
  }
}

int cr_verify_event_date(vrun *R, uint32_t doc, uint32_t sent, uint32_t near,
                         vdate *out) {
  const cr_norm *nm = R->docs[doc].norm;
  const cr_claims *cl = R->docs[doc].claims;
  memset(out, 0, sizeof *out);
  int64_t best = -1;
  for (size_t i = 0; cl && i < cl->ndates; i++) {
    const cr_date *dt = &cl->dates[i];
    if (dt->sent != sent || cr_verify_not_event(nm, dt->span.off))
      continue;
    int64_t dist = (int64_t)dt->span.off - (int64_t)near;
    if (dist < 0)
      dist = -dist;
    vdate v;
    date_of(nm, dt, &v);
    if (!v.prec && !v.word)
      continue;
    if (best < 0 || dist < best) {
      best = dist;
      *out = v;
    }
  }
  return best >= 0;
}

/* ISO weekday (1 Monday .. 7 Sunday) of a date */
static int weekday(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = (long)era * 146097 + doe - 719468;
  long w = (days + 3) % 7;
  return (int)(w < 0 ? w + 7 : w) + 1;
}

int cr_verify_dates_agree(const vdate *a, const vdate *b) {
  if (a->prec && b->prec) {
    if (a->y != b->y)
      return 0;
    if (a->m && b->m && a->m != b->m)
      return 0;
    if (a->d && b->d && a->d != b->d)
      return 0;
    return 1;
  }
  if (!a->prec && !b->prec) {
    if (!a->word || !b->word || (a->word > 20) != (b->word > 20))
      return -1;
    return a->word == b->word;
  }
  const vdate *r = a->prec ? a : b, *w = a->prec ? b : a;
  if (!w->word)
    return -1;
  if (w->word <= 12)
    return r->m ? r->m == w->word : -1;
  return r->d ? weekday(r->y, r->m, r->d) == w->word - 20 : -1;
}

static long day_number(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (long)era * 146097 + doe - 719468;
}

int cr_verify_recent(const vrun *R, const vdate *d, uint32_t doc) {
  const vdoc *D = &R->vd[doc];
  int y = D->pub_y, m = D->pub_m, dd = D->pub_d;
  if (!y || !m || !dd) {
    y = R->pub_y;
    m = R->pub_m;
    dd = R->pub_d;
  }
  if (!y || !m || !dd)
    return 1;
  if (d->prec) {
    if (d->d) { /* two weeks either side */
      long k = day_number(d->y, d->m, d->d) - day_number(y, m, dd);
      return k >= -14 && k <= 14;
    }
    if (d->m) { /* this month, the one before or after */
      int k = (d->y * 12 + d->m) - (y * 12 + m);
      return k >= -1 && k <= 1;
    }
    return d->y == y;
  }
  if (d->word >= 1 && d->word <= 12) {
    int k = ((d->word - m) % 12 + 12) % 12; /* months after the article's */
    return k == 0 || k == 1 || k == 11;
  }
  return 1; /* a weekday: within a week */
}

/* ---- records ------------------------------------------------------------- */

static int is_clause_word(const cr_norm *nm, uint32_t t) {
  static const char *const w[] = {
      "and",     "or",       "but",    "while", "whereas", "which",
      "who",     "whom",     "whose",  "that",  "when",    "where",
      "because", "although", "though", "if",    "whether"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (word_is(nm, t, w[i]))
      return 1;
  return 0;
}

static int is_auxiliary(const cr_norm *nm, uint32_t t) {
  static const char *const w[] = {"was",  "were", "is",    "are",   "had",
                                  "have", "has",  "would", "will",  "could",
                                  "been", "be",   "did",   "remain"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (word_is(nm, t, w[i]))
      return 1;
  return 0;
}

static int is_determiner(const cr_norm *nm, uint32_t t) {
  static const char *const w[] = {"the",  "those", "these", "a",   "an",
                                  "its",  "their", "his",   "her", "our",
                                  "this", "that",  "my",    "your"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (word_is(nm, t, w[i]))
      return 1;
  return 0;
}

/* Event classes of the words that govern tokens [t0, t1): up to eight words
 * either side within the clause (punctuation, conjunctions and relative
 * pronouns end it); a class word right after a determiner is an adjective
 * ("the freed detainees") and says nothing. The nearest one in *near. */
static uint32_t governing(const vrun *R, const vdoc *D, uint32_t t0,
                          uint32_t t1, uint32_t *near) {
  const cr_norm *nm = D->d->norm;
  uint32_t mask = 0, best = UINT32_MAX, bestd = UINT32_MAX;
  if (t0 >= nm->ntok)
    return 0;
  uint32_t sent = nm->tok[t0].sent;
  for (int dir = -1; dir <= 1; dir += 2) {
    uint32_t t = dir < 0 ? t0 : t1;
    for (uint32_t steps = 1; steps <= 8; steps++) {
      if (dir < 0) {
        if (t == 0)
          break;
        t--;
      } else if (steps > 1) {
        t++;
      }
      if (t >= nm->ntok || nm->tok[t].sent != sent)
        break;
      if (dir > 0 && steps == 1 && word_is(nm, t, "of") && t + 1 < nm->ntok &&
          is_determiner(nm, t + 1)) {
        /* "Twelve of those freed were put on a plane": the group, not
         * what happened to the figure; on to its verb */
        while (t + 1 < nm->ntok && nm->tok[t + 1].sent == sent &&
               nm->tok[t + 1].kind != CR_TOK_PUNCT && !is_auxiliary(nm, t + 1))
          t++;
        continue;
      }
      const cr_token *tk = &nm->tok[t];
      if (tk->kind == CR_TOK_PUNCT || is_clause_word(nm, t))
        break;
      if (tk->kind != CR_TOK_WORD)
        continue;
      int c = cr_verify_pred_class(R->v, tk->hash);
      if (!c)
        continue;
      /* "the freed detainees": an adjective; "those freed in June" and
       * "those released were" still tell what happened */
      if (t > 0 && is_determiner(nm, t - 1) && t + 1 < nm->ntok &&
          nm->tok[t + 1].kind == CR_TOK_WORD &&
          !(nm->tok[t + 1].flags & CR_TF_STOP))
        continue;
      /* "a town of 9,000": the noun tells it only right before the figure */
      if (cr_verify_pred_of_only(R->v, tk->hash) &&
          !(dir < 0 && t + 2 == t0 && word_is(nm, t + 1, "of")))
        continue;
      mask |= 1u << c;
      if (steps < bestd) {
        bestd = steps;
        best = t;
      }
    }
  }
  *near = best;
  return mask;
}

/* 1 when the two spans are at most two tokens apart ("Novak, 61": the
 * name is the age's; the subject of a verb further away is not) */
static int adjacent(const cr_norm *nm, cr_span a, cr_span b) {
  if (a.off > b.off) {
    cr_span t = a;
    a = b;
    b = t;
  }
  uint32_t ta = tok_at(nm, a.off + a.len), tb = tok_at(nm, b.off);
  return tb <= ta + 2;
}

/* A story entity that is a person for sure: typed so, and named in full
 * somewhere in the story (a one-word "person" is more often a place or a
 * body the tagger mistook, and an age or a prison term must not go to it) */
static int is_person(const vrun *R, int32_t e) {
  if (e < 0 || (size_t)e >= R->s->nentities ||
      R->s->entities[e].kind != CR_ENT_PERSON)
    return 0;
  const cr_sentity *x = &R->s->entities[e];
  for (size_t k = 0; k <= x->nvariants; k++) {
    const char *v = k < x->nvariants ? x->variants[k] : x->name;
    if (v && strchr(v, ' '))
      return 1;
  }
  return 0;
}

/* The story entity a mention of the byte span [off, off+len) belongs to
 * (the last such mention), -1 none; its kind in *kind. */
int32_t cr_verify_entity_at(const vrun *R, const vdoc *D, uint32_t off,
                            uint32_t len, uint8_t *kind) {
  const cr_ents *en = D->d->ents;
  int32_t found = -1;
  for (size_t i = 0; en && i < en->nm; i++) {
    const cr_mention *m = &en->m[i];
    if (m->off >= off + len)
      break;
    if (m->off + m->len <= off || m->tok >= D->d->norm->ntok)
      continue;
    int32_t se = D->tok_ent[m->tok];
    if (se < 0 || (m->flags & CR_MF_PRONOUN && !is_person(R, se)))
      continue; /* "she" linked to a place by the tagger's mistake */
    found = se;
    *kind = m->kind;
  }
  return found;
}

/* The person a description stands for ("the 69-year-old leader", "the
 * 23-year-old student"): the most recent person mentioned before `off` in
 * the same sentence or the two before it, not of the other gender. */
/* The story entity that heads a subject: a mention ending where the
 * subject's words end ("President Alexander Lukashenko", "Foreign Minister
 * Vadim Rusak"), not one inside it ("the head of the Genovese family"). */
static int32_t subject_entity(const vrun *R, const vdoc *D, cr_span sp) {
  const cr_norm *nm = D->d->norm;
  uint32_t last = tok_at(nm, sp.off + sp.len);
  if (last > 0)
    last--;
  uint8_t kind;
  const cr_ents *en = D->d->ents;
  for (size_t i = 0; en && i < en->nm; i++) {
    const cr_mention *m = &en->m[i];
    if (m->off >= sp.off + sp.len)
      break;
    if (m->off + m->len <= sp.off)
      continue;
    if (m->tok + m->ntok == last + 1 ||
        (m->tok + m->ntok == last && nm->tok[last].kind != CR_TOK_WORD))
      return cr_verify_entity_at(R, D, m->off, m->len, &kind);
  }
  return -1;
}

/* The one person of the story spelled so, or whose name holds this word
 * ("Novak" for "Ana Novak"); -1 when none or two (a surname two people
 * share). */
static int32_t person_named(const vrun *R, const char *w, size_t n) {
  const char *sp = memchr(w, ' ', n);
  if (sp) { /* the last word of "President Novak" */
    const char *last = w + n;
    while (last > w && last[-1] != ' ')
      last--;
    n = (size_t)(w + n - last);
    w = last;
  }
  if (n < 2)
    return -1;
  int32_t found = -1;
  for (size_t i = 0; i < R->s->nentities; i++) {
    if (!is_person(R, (int32_t)i))
      continue;
    const cr_sentity *x = &R->s->entities[i];
    int hit = 0;
    for (size_t k = 0; k <= x->nvariants && !hit; k++) {
      const char *v = k < x->nvariants ? x->variants[k] : x->name;
      size_t vl = v ? strlen(v) : 0;
      for (size_t j = 0; j + n <= vl && !hit; j++)
        hit = memcmp(v + j, w, n) == 0 && (j == 0 || v[j - 1] == ' ') &&
              (v[j + n] == ' ' || v[j + n] == '\0');
    }
    if (hit) {
      if (found >= 0)
        return -1;
      found = (int32_t)i;
    }
  }
  return found;
}

static int32_t recent_person(const vrun *R, const vdoc *D, uint32_t off,
                             uint32_t sent, char gender) {
  const cr_ents *en = D->d->ents;
  for (size_t i = en ? en->nm : 0; i-- > 0;) {
    const cr_mention *m = &en->m[i];
    if (m->off >= off)
      continue;
    if (m->sent + 2 < sent)
      break;
    if (m->kind != CR_ENT_PER || m->entity < 0 || m->tok >= D->d->norm->ntok ||
        D->tok_ent[m->tok] < 0 || !is_person(R, D->tok_ent[m->tok]))
      continue;
    uint8_t g = (size_t)m->entity < en->ne ? en->e[m->entity].gender : 0;
    if ((gender == 'm' && g != 1) || (gender == 'f' && g != 2))
      continue; /* "the woman": a person known to be a woman */
    return D->tok_ent[m->tok];
  }
  return -1;
}

static double duration_days(const char *u) {
  static const struct {
    const char *u;
    double d;
  } t[] = {{"second", 1.0 / 86400},
           {"minute", 1.0 / 1440},
           {"hour", 1.0 / 24},
           {"day", 1},
           {"night", 1},
           {"week", 7},
           {"fortnight", 14},
           {"month", 30.4375},
           {"quarter", 91.3125},
           {"year", 365.25},
           {"decade", 3652.5},
           {"century", 36525}};
  for (size_t i = 0; u && i < sizeof t / sizeof *t; i++)
    if (strcmp(u, t[i].u) == 0)
      return t[i].d;
  return 0;
}

/* "dozens", "hundreds of": spelled without digits, a vague plural */
static int is_vague(const cr_norm *nm, cr_span num) {
  for (uint32_t k = 0; k < num.len; k++)
    if (nm->text[num.off + k] >= '0' && nm->text[num.off + k] <= '9')
      return 0;
  char w[24];
  for (uint32_t t = tok_at(nm, num.off);
       t < nm->ntok && nm->tok[t].off < num.off + num.len; t++) {
    int n = lower_word(nm, t, w, sizeof w);
    const char *e =
        n ? cr_table_find(&cr_tab_claims_numwords, w, (size_t)n) : NULL;
    const char *f;
    if (e && cr_table_field(e, 2, &f) == 1 && f[0] == 'v')
      return 1;
  }
  return 0;
}

/* How far the written value may be from the true one because it is
 * rounded: half a unit of its last written digit for decimals ("6.8
 * million": 0.05 million) and scaled or round numbers ("$340 million": 5
 * million; "1,100": 50); exact otherwise. */
static double rounding(const cr_norm *nm, const cr_quantity *q) {
  const char *p = nm->text + q->num.off, *e = p + q->num.len;
  while (p < e && !(*p >= '0' && *p <= '9'))
    p++;
  double v = fabs(q->value);
  if (p == e) { /* spelled out: "two hundred" */
    if (v < 100 || v != floor(v))
      return 0;
    double z = 1;
    while (fmod(v, z * 10) == 0)
      z *= 10;
    return z >= 100 ? z / 2 : 0;
  }
  double mant = 0, frac = 1;
  int decimals = -1, zeros = 0;
  for (; p < e; p++) {
    if (*p >= '0' && *p <= '9') {
      if (decimals >= 0) {
        decimals++;
        frac /= 10;
        mant += (*p - '0') * frac;
      } else {
        mant = mant * 10 + (*p - '0');
        zeros = *p == '0' ? zeros + 1 : 0;
      }
    } else if (*p == '.' && decimals < 0) {
      decimals = 0;
    } else if (*p != ',') {
      break;
    }
  }
  double scale = mant > 0 && v > mant * 1.5 ? v / mant : 1;
  if (decimals > 0)
    return 0.5 * pow(10, -decimals) * scale;
  if (scale > 1)
    return 0.5 * pow(10, zeros) * scale;
  return zeros >= 2 ? 0.5 * pow(10, zeros) : 0;
}

/* The value as written, for conflicts: markers and number ("more than
 * 80", "58"), with the unit where it belongs to the value ("12 years",
 * "41%", "$340 million"). */
static const char *label_of(vrun *R, uint32_t doc, const cr_quantity *q,
                            int kind) {
  uint32_t a = q->span.off, b = q->num.off + q->num.len;
  if (b < a || b > q->span.off + q->span.len)
    b = q->span.off + q->span.len;
  const cr_norm *nm = R->docs[doc].norm;
  uint32_t end = q->span.off + q->span.len;
  if (kind == K_MONEY) {
    b = end; /* "$340 million", "about $38 a cubic metre" */
  } else {
    /* a scale word after the number: "6.8 million" */
    for (uint32_t t = tok_at(nm, b); t < nm->ntok && nm->tok[t].off < end;
         t++) {
      const cr_token *tk = &nm->tok[t];
      if (tk->off > b + 1 ||
          !cr_table_find(&cr_tab_claims_scale, nm->text + tk->off, tk->len))
        break;
      b = tk->off + tk->len;
    }
  }
  if (kind != K_COUNT && kind != K_AGE && q->unit_span.len &&
      q->unit_span.off >= b && q->unit_span.off <= b + 1)
    b = q->unit_span.off + q->unit_span.len;
  const char *s = cr_verify_span(R, doc, a, b - a);
  /* one line, single spaces */
  char *o = cr_arena_strdup(R->a, s);
  if (!o)
    return NULL;
  size_t w = 0;
  for (size_t i = 0; o[i]; i++) {
    char c = o[i] == '\n' || o[i] == '\t' ? ' ' : o[i];
    if (c == ' ' && (w == 0 || o[w - 1] == ' '))
      continue;
    o[w++] = c;
  }
  while (w && (o[w - 1] == ' ' || o[w - 1] == '-'))
    w--;
  o[w] = '\0';
  return o;
}

/* an age at some earlier time: "when he was 20", "at the age of 20", "then
 * 20" in the clause of the age */
static int historical(const vdoc *D, uint32_t t0, uint32_t t1) {
  const cr_norm *nm = D->d->norm;
  if (t0 >= nm->ntok)
    return 0;
  uint32_t sent = nm->tok[t0].sent;
  uint32_t a = t0 > 8 ? t0 - 8 : 0,
           b = t1 + 8 < nm->ntok ? t1 + 8 : (uint32_t)nm->ntok;
  for (uint32_t t = a; t < b; t++) {
    if (nm->tok[t].sent != sent)
      continue;
    if (word_is(nm, t, "when") || word_is(nm, t, "then") ||
        (word_is(nm, t, "age") && t > 0 && word_is(nm, t - 1, "the")))
      return 1;
  }
  return 0;
}

/* The clause of tokens [t0, t1): its concepts and the places it names. */
static int clause_of(vrun *R, const vdoc *D, vrec *r) {
  const cr_norm *nm = D->d->norm;
  uint32_t c0, c1;
  cr_verify_clause(nm, r->tok0, r->tok1, &c0, &c1);
  r->loc.k = cr_arena_alloc(R->tmp, (c1 > c0 ? c1 - c0 : 1) * sizeof *r->loc.k);
  if (!r->loc.k)
    return -1;
  for (uint32_t t = c0; t < c1; t++) {
    if (t >= r->tok0 && t < r->tok1)
      continue;
    uint64_t c;
    if (concept_of(R, D, t, &c)) {
      size_t k = 0;
      while (k < r->loc.n && r->loc.k[k] != c)
        k++;
      if (k == r->loc.n)
        r->loc.k[r->loc.n++] = c;
    }
    int32_t e = D->tok_ent[t];
    if (e >= 0 && (size_t)e < R->s->nentities &&
        R->s->entities[e].kind == CR_ENT_PLACE && r->nplaces < 6) {
      size_t k = 0;
      while (k < r->nplaces && r->places[k] != e)
        k++;
      if (k == r->nplaces)
        r->places[r->nplaces++] = e;
    }
  }
  qsort(r->loc.k, r->loc.n, sizeof *r->loc.k, cmp_u64);
  return cr_verify_weigh(R, &r->loc);
}

static int make_record(vrun *R, uint32_t doc, const cr_quantity *q, vrec *r) {
  const vdoc *D = &R->vd[doc];
  const cr_norm *nm = D->d->norm;
  memset(r, 0, sizeof *r);
  r->doc = doc;
  r->q = q;
  r->subj = -1;
  r->group = -1;
  switch (q->kind) {
  case CR_Q_COUNT:
  case CR_Q_NUMBER:
    r->kind = K_COUNT;
    break;
  case CR_Q_MONEY:
    r->kind = K_MONEY;
    break;
  case CR_Q_PERCENT:
    r->kind = K_PERCENT;
    break;
  case CR_Q_MEASURE:
    r->kind = K_MEASURE;
    break;
  case CR_Q_DURATION:
    r->kind = K_DURATION;
    break;
  case CR_Q_AGE:
    r->kind = K_AGE;
    break;
  default:
    return 0;
  }
  if (q->sent >= nm->nsent || is_vague(nm, q->num))
    return 0; /* "dozens", "hundreds of": nothing to check */
  r->sent = q->sent;
  r->change = q->change;
  if (q->kind == CR_Q_COUNT && q->value == 1 && q->high == 1)
    return 0; /* "one of the ...": no figure */
  double f = 1;
  const char *u = q->unit ? q->unit : "";
  if (r->kind == K_DURATION) {
    f = duration_days(u);
    if (!f)
      f = duration_days(q->key);
    if (!f)
      return 0;
  } else if (r->kind == K_MONEY || r->kind == K_PERCENT ||
             r->kind == K_MEASURE) {
    if (!*u)
      return 0;
    r->ukey = u;
  } else if (r->kind == K_COUNT && *u) {
    /* the counted noun: its head (last word), class, and a nationality
     * before it */
    const char *h = strrchr(u, ' ');
    h = h ? h + 1 : u;
    r->uhead = cr_verify_stem_hash(R->v, h, strlen(h));
    r->uclass = (uint8_t)cr_verify_noun_class(h, strlen(h), NULL);
    for (const char *w = u; w < h;) {
      size_t n = strcspn(w, " ");
      if (cr_verify_is_demonym(w, n))
        r->umod = cr_hash64(w, n) | 1;
      w += n + (w[n] == ' ');
    }
  }
  double tol = r->kind == K_AGE ? 0 : rounding(nm, q);
  double lo = q->value, hi = q->high >= q->value ? q->high : q->value;
  switch (q->approx) {
  case '~': {
    double w = r->kind == K_AGE ? 1 : fabs(q->value) * 0.1;
    lo -= w > tol ? w : tol;
    hi += w > tol ? w : tol;
    break;
  }
  case '>':
    lo -= tol;
    hi = INFINITY;
    break;
  case '<':
    hi += tol;
    lo = lo < 0 ? -INFINITY : 0;
    break;
  default:
    lo -= tol;
    hi += tol;
  }
  r->lo = lo * f;
  r->hi = hi * f;
  r->val = q->value * f;
  r->label = label_of(R, doc, q, r->kind);
  if (!r->label)
    return -1;
  r->tok0 = tok_at(nm, q->span.off);
  r->tok1 = r->tok0;
  while (r->tok1 < nm->ntok && nm->tok[r->tok1].off < q->span.off + q->span.len)
    r->tok1++;
  r->pmask = governing(R, D, r->tok0, r->tok1, &r->pred_tok);
  /* the subject: a named entity in the subject's words; for an age or a
   * prison term, a description ("the 69-year-old leader") or nothing
   * stands for the person mentioned last */
  uint8_t mk = 0;
  cr_span subj = q->subject;
  if (r->kind == K_AGE && subj.len && !adjacent(nm, subj, q->span))
    subj.len = 0; /* "Jeffs was the father of the 15-year-old's child" */
  if (subj.len)
    r->subj = subject_entity(R, D, subj);
  r->subj_person = (uint8_t)is_person(R, r->subj);
  (void)mk;
  int custody = R->v->c_custody && (r->pmask & (1u << R->v->c_custody));
  if (r->subj < 0 && subj.len)
    r->subj = person_named(R, nm->text + subj.off, subj.len);
  r->subj_person = (uint8_t)is_person(R, r->subj);
  if (r->subj < 0 && (r->kind == K_AGE || (r->kind == K_DURATION && custody))) {
    char g = 0;
    int person_word = r->kind == K_DURATION;
    if (subj.len) {
      /* "the 69-year-old leader" points back to a person named before; "a
       * 14-year-old girl" brings in someone new */
      const char *sk = q->subject_key ? q->subject_key : "";
      uint32_t first =
          tok_at(nm, subj.off < q->span.off ? subj.off : q->span.off);
      person_word =
          cr_verify_noun_class(sk, strlen(sk), &g) == 1 && first > 0 &&
          nm->tok[first - 1].sent == q->sent &&
          (word_is(nm, first - 1, "the") || word_is(nm, first - 1, "this"));
    }
    if (person_word) {
      r->subj = recent_person(R, D, q->span.off, q->sent, g);
      r->subj_person = (uint8_t)is_person(R, r->subj);
    }
  }
  if (r->kind == K_AGE) {
    if (r->subj < 0 || !r->subj_person)
      return 0; /* an age of nobody known cannot be checked */
    r->hist = (uint8_t)historical(D, r->tok0, r->tok1);
  }
  cr_verify_event_date(R, doc, q->sent, q->span.off, &r->date);
  if (cr_verify_concepts(R, doc, q->sent, r->tok0, r->tok1, &r->ctx))
    return -1;
  if (clause_of(R, D, r))
    return -1;
  return 1;
}

/* A day or month an event happened on ("freed on Saturday", "reopen on
 * Monday"), as a record: its value is the days it covers. */
static int make_date_record(vrun *R, uint32_t doc, const cr_date *dt, vrec *r) {
  const vdoc *D = &R->vd[doc];
  const cr_norm *nm = D->d->norm;
  /* "since 2004" dates the start of a state ("in power since 2004"): at
   * any precision, aligned only with its like; other dates to the day or
   * the month */
  uint32_t t = tok_at(nm, dt->span.off);
  int since = t > 0 && t < nm->ntok && nm->tok[t - 1].sent == nm->tok[t].sent &&
              word_is(nm, t - 1, "since");
  if (!dt->resolved || dt->sent >= nm->nsent || dt->prec == CR_DATE_WEEK ||
      (!since && dt->prec == CR_DATE_YEAR) ||
      (!since && cr_verify_not_event(nm, dt->span.off)))
    return 0;
  memset(r, 0, sizeof *r);
  r->doc = doc;
  r->sent = dt->sent;
  r->dt = dt;
  r->kind = K_DATE;
  r->since = (uint8_t)since;
  r->subj = -1;
  r->group = -1;
  r->tok0 = tok_at(nm, dt->span.off);
  r->tok1 = r->tok0;
  while (r->tok1 < nm->ntok &&
         nm->tok[r->tok1].off < dt->span.off + dt->span.len)
    r->tok1++;
  if (r->tok0 >= nm->ntok || (D->tok_quote[r->tok0] & TF_QUOTE))
    return 0; /* a speaker's "today" */
  int m = dt->month > 0 ? dt->month : 1;
  long first = day_number(dt->year, m, dt->prec == CR_DATE_DAY ? dt->day : 1);
  long last = dt->prec == CR_DATE_DAY ? first
              : dt->prec == CR_DATE_YEAR
                  ? day_number(dt->year + 1, 1, 1) - 1
                  : day_number(m == 12 ? dt->year + 1 : dt->year,
                               m == 12 ? 1 : m + 1, 1) -
                        1;
  r->lo = (double)first;
  r->hi = (double)last;
  r->val = (double)first;
  /* as written, with the date it stands for when it is relative */
  const char *w = cr_verify_span(R, doc, dt->span.off, dt->span.len);
  size_t n = strlen(w) + strlen(dt->iso) + 4;
  char *lab = cr_arena_alloc(R->a, n);
  if (!lab)
    return -1;
  if (dt->relative)
    snprintf(lab, n, "%s (%s)", w, dt->iso);
  else
    snprintf(lab, n, "%s", w);
  r->label = lab;
  r->pmask = governing(R, D, r->tok0, r->tok1, &r->pred_tok);
  if (cr_verify_concepts(R, doc, dt->sent, r->tok0, r->tok1, &r->ctx) ||
      clause_of(R, D, r))
    return -1;
  return 1;
}

/* Copies of a wire story repeat its figures sentence for sentence: the
 * same figure, in a sentence of the same concepts at the same place, from
 * an article of the same origin, is compared once, through the first
 * record of it (copy_of); a big story's records past VERIFY_MAX_RECORDS
 * distinct ones are not compared at all (each its own claim). */
#define VERIFY_MAX_RECORDS 4000

static int mark_copies(vrun *R) {
  vmap seen;
  if (cr_verify_map_init(&seen, R->nr))
    return -1;
  size_t distinct = 0;
  for (size_t i = 0; i < R->nr; i++) {
    vrec *r = &R->r[i];
    const cr_norm *nm = R->docs[r->doc].norm;
    uint32_t at = r->sent < nm->nsent ? r->tok0 - nm->sent[r->sent].tok : 0;
    uint64_t h[5] = {
        R->vd[r->doc].origin, r->kind, cr_hash64(r->label, strlen(r->label)),
        r->ctx.n ? cr_hash64(r->ctx.k, r->ctx.n * sizeof *r->ctx.k) : 0, at};
    double *x = cr_verify_map_put(&seen, cr_hash64(h, sizeof h));
    if (!x) {
      cr_verify_map_free(&seen);
      return -1;
    }
    r->copy_of = -1;
    if (*x > 0 && R->r[(size_t)*x - 1].doc != r->doc) {
      r->copy_of = (int32_t)*x - 1;
      continue;
    }
    if (*x == 0)
      *x = (double)(i + 1);
    r->aligned = ++distinct <= VERIFY_MAX_RECORDS;
  }
  cr_verify_map_free(&seen);
  return 0;
}

int cr_verify_records(vrun *R) {
  size_t total = 0;
  for (size_t k = 0; k < R->n; k++)
    total += R->docs[k].claims
                 ? R->docs[k].claims->nq + R->docs[k].claims->ndates
                 : 0;
  R->r = cr_arena_calloc(R->tmp, total ? total : 1, sizeof *R->r);
  if (!R->r)
    return -1;
  R->nr = 0;
  for (size_t k = 0; k < R->n; k++) {
    const cr_claims *cl = R->docs[k].claims;
    for (size_t i = 0; cl && i < cl->nq; i++) {
      int st = make_record(R, (uint32_t)k, &cl->q[i], &R->r[R->nr]);
      if (st < 0)
        return -1;
      if (st > 0)
        R->nr++;
    }
    for (size_t i = 0; cl && i < cl->ndates; i++) {
      int st = make_date_record(R, (uint32_t)k, &cl->dates[i], &R->r[R->nr]);
      if (st < 0)
        return -1;
      if (st > 0)
        R->nr++;
    }
  }
  return mark_copies(R);
}
