/* quote.c -- direct quotes and who said them, and attributions ("according
 * to X", "X told Y", "X reported"). Quotation marks are paired per
 * paragraph (curly and straight, nested single marks inside, a quote that
 * runs on into the next paragraph); the speaker is found after the quote
 * ("..., said X" / "..., X said"), before it ("X said: ..."), through a
 * pronoun ("he added" -> the last person named), or carried over from the
 * previous quote or sentence. See docs/claims.md. */
#include <stdio.h>
#include <stdlib.h>

#include "claims_int.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/strmap.h"

/* ---- people
 * -----------------------------------------------------------------*/

typedef struct person {
  long s, e;    /* tokens of the name, inclusive */
  uint32_t grp; /* reading sentence */
  long full;    /* index of the fullest mention with the same last word */
  long ante;    /* a pronoun ("she"): the named mention it refers to; else -1 */
  long next;    /* the previous named mention with the same last word, -1 */
  char gender;
  const char *last; /* lower-cased last word */
} person;

/* People are kept in text order, so sentence and position look-ups are
 * binary searches; mentions sharing a last word are chained through a map
 * so that long texts with many names stay linear. */
typedef struct qstate {
  cl_doc *d;
  person *p;
  size_t np, pcap;
  cr_strmap *lastmap; /* last word -> id; head[id]: its latest mention */
  long *head;
  size_t headcap;
  int fail;
} qstate;

/* First person whose reading sentence is >= g. */
static size_t first_in_grp(const qstate *qs, uint32_t g) {
  size_t lo = 0, hi = qs->np;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (qs->p[mid].grp < g)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* First person starting at token >= s. */
static size_t first_at(const qstate *qs, long s) {
  size_t lo = 0, hi = qs->np;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (qs->p[mid].s < s)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The latest named mention whose last word is w[0..n), or -1. */
static long last_head(const qstate *qs, const char *w, size_t n) {
  if (!qs->lastmap)
    return -1;
  int64_t id = cr_strmap_get(qs->lastmap, w, n);
  return id >= 0 && (size_t)id < qs->headcap ? qs->head[id] : -1;
}

static int cap_word(const cl_doc *d, long i) {
  return cl_word(d, i) && (d->t[i].flags & CL_CAP);
}

static int particle(const cl_doc *d, long i) {
  static const char *const ps[] = {"von",   "van", "der", "den", "de",  "del",
                                   "della", "di",  "da",  "du",  "la",  "le",
                                   "bin",   "ibn", "al",  "el",  "ter", NULL};
  if (!cl_word(d, i) || (d->t[i].flags & CL_CAP))
    return 0;
  for (const char *const *p = ps; *p; p++)
    if (cl_is(d, i, *p))
      return 1;
  return 0;
}

static int possessive(const cl_doc *d, long i) {
  const cl_tok *t = &d->t[i];
  return t->kind == CL_WORD && t->lowlen > 2 &&
         !strcmp(t->low + t->lowlen - 2, "'s");
}

static int role_word(const cl_doc *d, long i) {
  if (!cl_word(d, i))
    return 0;
  const cl_tok *t = &d->t[i];
  size_t n = t->lowlen;
  if (possessive(d, i))
    n -= 2;
  return n == t->lowlen ? cl_in(claims_roles, d, i)
                        : cr_table_has(&cr_tab_claims_roles, t->low, n);
}

static int org_word(const cl_doc *d, long i) {
  const cl_tok *t = &d->t[i];
  size_t n = t->lowlen;
  if (possessive(d, i))
    n -= 2;
  return n == t->lowlen ? cl_in(claims_orgcues, d, i)
                        : cr_table_has(&cr_tab_claims_orgcues, t->low, n);
}

static int pronoun(const cl_doc *d, long i, char *g) {
  if (!cl_word(d, i))
    return 0;
  if (cl_is(d, i, "he")) {
    *g = 'm';
    return 1;
  }
  if (cl_is(d, i, "she")) {
    *g = 'f';
    return 1;
  }
  if (cl_is(d, i, "they") || cl_is(d, i, "we") || cl_is(d, i, "it")) {
    *g = 'p';
    return 1;
  }
  return 0;
}

static int speech_at(const cl_doc *d, long i, char *type) {
  if (!cl_word(d, i) || (d->t[i].flags & CL_INQ))
    return 0;
  if ((d->t[i].flags & CL_CAP) && !(d->t[i].flags & CL_SSTART))
    return 0;
  const char *e = cl_find(claims_speech, d, i);
  if (!e)
    return 0;
  char t[4];
  cr_claims_field(e, 2, t, sizeof t);
  *type = t[0];
  return 1;
}

static int is_ing(const cl_doc *d, long i) {
  const cl_tok *t = &d->t[i];
  return t->lowlen > 4 && !strcmp(t->low + t->lowlen - 3, "ing");
}

/* A run of capitalised words [s, e] is a person's name: no organisation
 * word, not an acronym, not a month or weekday, and a hook may decide. */
/* 2: the entity stage says it is a person; 1: the built-in rules let it
 * be one; 0: not a person. */
static int person_run(qstate *qs, long s, long e, char *gender) {
  cl_doc *d = qs->d;
  *gender = 0;
  if (d->ctx->person_fn) {
    cr_span sp = cl_span(d, s, e);
    int r =
        d->ctx->person_fn(d->ctx->person_ud, d->text + sp.off, sp.len, gender);
    if (r >= 0)
      return r ? 2 : 0;
  }
  for (long i = s; i <= e; i++) {
    if (particle(d, i))
      continue;
    if (org_word(d, i) || (d->t[i].flags & (CL_UPPER | CL_ABBR)) ||
        cr_claims_month_at(d, i) || cl_find(claims_weekdays, d, i))
      return 0;
  }
  return 1;
}

/* Every word of [s, e] is one of [s2, e2]. */
static int words_within(const cl_doc *d, long s, long e, long s2, long e2) {
  for (long i = s; i <= e; i++) {
    size_t n = d->t[i].lowlen;
    if (possessive(d, i))
      n -= 2;
    int found = 0;
    for (long j = s2; j <= e2 && !found; j++) {
      size_t m = d->t[j].lowlen;
      if (possessive(d, j))
        m -= 2;
      found = n == m && !memcmp(d->t[i].low, d->t[j].low, n);
    }
    if (!found)
      return 0;
  }
  return 1;
}

static int add_person(qstate *qs, long s, long e, char gender) {
  cl_doc *d = qs->d;
  if (qs->np == qs->pcap) {
    size_t ncap = qs->pcap ? qs->pcap * 2 : 32;
    person *n =
        cr_arena_realloc(d->a, qs->p, qs->pcap * sizeof *n, ncap * sizeof *n);
    if (!n)
      return -1;
    qs->p = n;
    qs->pcap = ncap;
  }
  person *p = &qs->p[qs->np];
  p->s = s;
  p->e = e;
  p->grp = d->t[s].grp;
  p->gender = gender;
  size_t n = d->t[e].lowlen;
  if (possessive(d, e))
    n -= 2;
  p->last = cr_arena_strndup(d->a, d->t[e].low, n);
  if (!p->last)
    return -1;
  p->full = (long)qs->np;
  p->ante = -1;
  p->next = -1;
  /* the fullest earlier mention with the same last word whose words hold
   * all of this one's ("Novak", "Ana Novak"; not "Ben Novak") */
  for (long k = last_head(qs, p->last, n); k >= 0; k = qs->p[k].next)
    if (qs->p[k].e - qs->p[k].s > p->e - p->s &&
        words_within(d, p->s, p->e, qs->p[k].s, qs->p[k].e)) {
      p->full = qs->p[k].full;
      if (!p->gender)
        p->gender = qs->p[k].gender;
      break;
    }
  qs->np++;
  return 0;
}

/* Chain a named mention under its last word (after add_person). */
static int chain_last(qstate *qs, long k) {
  if (!qs->lastmap && !(qs->lastmap = cr_strmap_new()))
    return -1;
  person *p = &qs->p[k];
  int added;
  int64_t id = cr_strmap_intern(qs->lastmap, p->last, strlen(p->last), &added);
  if (id < 0)
    return -1;
  if ((size_t)id >= qs->headcap) {
    size_t cap = qs->headcap;
    if (cr_grow((void **)&qs->head, &cap, (size_t)id + 1, sizeof *qs->head))
      return -1;
    for (size_t i = qs->headcap; i < cap; i++)
      qs->head[i] = -1;
    qs->headcap = cap;
  }
  p->next = qs->head[id];
  qs->head[id] = k;
  return 0;
}

static long resolve_pronoun(qstate *qs, long i, char g);

/* A subject pronoun ("she") outside quotes stands for the person it refers
 * to, so a later pronoun can find that person through it. */
static int add_pronoun(qstate *qs, long i, char g) {
  long k = resolve_pronoun(qs, i, g);
  if (k < 0)
    return 0;
  long ante = qs->p[k].ante >= 0 ? qs->p[k].ante : k;
  if (add_person(qs, i, i, g))
    return -1;
  person *p = &qs->p[qs->np - 1];
  p->ante = ante;
  p->full = qs->p[ante].full;
  if (!qs->p[p->full].gender)
    qs->p[p->full].gender = g;
  return 0;
}

static int known_last(const qstate *qs, const cl_doc *d, long i) {
  size_t n = d->t[i].lowlen;
  if (possessive(d, i))
    n -= 2;
  for (long k = last_head(qs, d->t[i].low, n); k >= 0; k = qs->p[k].next)
    if (qs->p[k].e > qs->p[k].s)
      return 1;
  return 0;
}

/* Person mentions outside quotes, in text order. */
static int find_persons(qstate *qs) {
  cl_doc *d = qs->d;
  for (long i = 0; i < (long)d->n;) {
    char pg;
    if (!(d->t[i].flags & CL_INQ) &&
        (cl_is(d, i, "he") || cl_is(d, i, "she")) && pronoun(d, i, &pg)) {
      if (add_pronoun(qs, i, pg))
        return -1;
      i++;
      continue;
    }
    if (!cap_word(d, i) || (d->t[i].flags & CL_INQ)) {
      i++;
      continue;
    }
    long s = i, e = i;
    for (;;) {
      long k = e + 1;
      while (k < (long)d->n && particle(d, k))
        k++;
      if (k >= (long)d->n || d->t[k].grp != d->t[s].grp || possessive(d, e) ||
          !cap_word(d, k) || (d->t[k].flags & (CL_INQ | CL_NL)) || k - e > 3)
        break;
      e = k;
    }
    long next = e + 1;
    /* a leading function word: "The", "However", "While" */
    while (s <= e && cr_claims_is_function(d, s))
      s++;
    /* drop titles and roles up to the last one: "Foreign Minister Ana
     * Novak" -> "Ana Novak" */
    int role = 0;
    for (long k = e; k >= s; k--)
      if (role_word(d, k) && !possessive(d, k)) {
        s = k + 1;
        role = 1;
        break;
      }
    /* a title or role just before the run: "envoy John Smith" */
    if (!role && s - 1 >= 0 && role_word(d, s - 1) &&
        !(d->t[s - 1].flags & CL_CAP))
      role = 1;
    if (s <= e) {
      char g = 0;
      int words = 0;
      for (long k = s; k <= e; k++)
        words += !particle(d, k);
      int ok = 0;
      /* "Rovers coach X", "Kremlin spokesman Y": a name before a role
       * word qualifies the role */
      int modifier = e + 1 < (long)d->n && role_word(d, e + 1) &&
                     !(d->t[e + 1].flags & CL_CAP) && s == e;
      int pr = modifier ? 0 : person_run(qs, s, e, &g);
      if (pr == 2 && words <= 4)
        ok = 1;
      else if (pr == 1 && words >= 2 && words <= 4)
        ok = 1;
      else if (pr == 1 && words == 1 && (role || known_last(qs, d, e)))
        ok = 1;
      if (s - 1 >= 0 && (cl_is(d, s - 1, "mr") || cl_is(d, s - 1, "mr.")))
        g = 'm';
      if (ok && (add_person(qs, s, e, g) || chain_last(qs, (long)qs->np - 1)))
        return -1;
    }
    i = next;
  }
  return 0;
}

/* The person mention covering or ending at token i, or -1. */
static long person_at(const qstate *qs, long s, long e) {
  long best = -1;
  for (size_t k = first_at(qs, s); k < qs->np && qs->p[k].s <= e; k++)
    if (qs->p[k].ante < 0 && qs->p[k].s >= s && qs->p[k].e <= e &&
        (best < 0 || qs->p[k].e - qs->p[k].s > qs->p[best].e - qs->p[best].s))
      best = (long)k;
  return best;
}

static int gender_ok(char want, char have) {
  if (want == 'p')
    return 0;
  return !have || !want || want == have;
}

/* Antecedent of a pronoun at token i (gender g): the first person of its
 * sentence before it, else of each earlier sentence, left to right. */
static long resolve_pronoun(qstate *qs, long i, char g) {
  cl_doc *d = qs->d;
  uint32_t s = d->t[i].grp;
  for (int back = 0; back <= 6; back++) {
    if ((long)s - back < 0)
      break;
    uint32_t ss = s - (uint32_t)back;
    for (size_t k = first_in_grp(qs, ss); k < qs->np && qs->p[k].grp == ss;
         k++) {
      const person *p = &qs->p[k];
      if (back == 0 && p->s >= i)
        continue;
      if (gender_ok(g, qs->p[p->full].gender))
        return (long)k;
    }
  }
  return -1;
}

/* ---- noun phrases for speakers ------------------------------------------*/

static int np_word(const cl_doc *d, long i) {
  if (!cl_word(d, i) || (d->t[i].flags & CL_INQ))
    return 0;
  if (cap_word(d, i) || (d->t[i].flags & CL_ABBR) || role_word(d, i) ||
      particle(d, i))
    return 1;
  if (cr_claims_is_function(d, i) || cr_claims_is_verb(d, i))
    return 0;
  return 1;
}

static int determiner(const cl_doc *d, long i) {
  return cl_is(d, i, "the") || cl_is(d, i, "a") || cl_is(d, i, "an") ||
         cl_is(d, i, "his") || cl_is(d, i, "her") || cl_is(d, i, "their") ||
         cl_is(d, i, "its") || cl_is(d, i, "one") || cl_is(d, i, "two") ||
         cl_is(d, i, "several") || cl_is(d, i, "some") || cl_is(d, i, "many");
}

/* The noun phrase ending at j (walking left): [*s, j]. */
static int np_back(const cl_doc *d, long j, long sb, long *s) {
  if (j < sb || !np_word(d, j))
    return 0;
  long k = j;
  while (k - 1 >= sb && k - 1 > j - 10 && np_word(d, k - 1) &&
         !(possessive(d, k - 1) && !cap_word(d, k - 1) && 0))
    k--;
  /* "the", "a", "his" start it */
  if (k - 1 >= sb && determiner(d, k - 1))
    k--;
  /* a lone sentence-initial function word is not a name */
  if (k == j && (d->t[k].flags & CL_SSTART) && cr_claims_is_function(d, k))
    return 0;
  if ((d->t[k].flags & CL_SSTART) && cr_claims_is_function(d, k) &&
      !determiner(d, k))
    k++;
  if (k > j)
    return 0;
  *s = k;
  return 1;
}

/* The noun phrase starting at j (walking right): [j, *e]. */
static int np_fwd(const cl_doc *d, long j, long se, long *e) {
  long k = j;
  if (k < se && determiner(d, k))
    k++;
  if (k >= se || !np_word(d, k))
    return 0;
  while (k + 1 < se && k + 1 < j + 10 && np_word(d, k + 1) && !possessive(d, k))
    k++;
  /* "Minister of Finance Ana Novak" */
  while (k + 2 < se && cl_is(d, k + 1, "of") && cap_word(d, k + 2) &&
         cap_word(d, k)) {
    k += 2;
    while (k + 1 < se && cap_word(d, k + 1))
      k++;
  }
  *e = k;
  return 1;
}

/* The name inside a speaker phrase: the capitalised run after its last
 * role word ("Lithuanian Foreign Minister [Ana Novak]"); else the whole
 * phrase (a description: "a U.S. official"). */
static cr_span name_in_np(const cl_doc *d, long s, long e, long *ns, long *ne) {
  long last_role = -1;
  for (long k = s; k <= e; k++)
    if (role_word(d, k))
      last_role = k;
  long a = last_role >= 0 ? last_role + 1 : s;
  while (a <= e && !cap_word(d, a))
    a++;
  if (a <= e && (last_role >= 0 || a == s || (a > s && !cap_word(d, a - 1)))) {
    long b = a;
    while (b + 1 <= e && (cap_word(d, b + 1) || particle(d, b + 1)))
      b++;
    if (b == e && !(d->t[a].flags & CL_SSTART && cr_claims_is_function(d, a))) {
      *ns = a;
      *ne = b;
      return cl_span(d, a, b);
    }
  }
  *ns = s;
  *ne = e;
  return cl_span(d, s, e);
}

/* Trim a possessive "’s" from a span's end. */
static cr_span trim_poss(const cl_doc *d, cr_span sp) {
  if (sp.len >= 4 && !memcmp(d->text + sp.off + sp.len - 4, "\xe2\x80\x99s", 4))
    sp.len -= 4;
  else if (sp.len >= 2 && !memcmp(d->text + sp.off + sp.len - 2, "'s", 2))
    sp.len -= 2;
  return sp;
}

/* ---- subjects of speech verbs ------------------------------------------*/

typedef struct who {
  long s, e; /* the phrase as written in the attribution */
  long ps;   /* person index when the phrase names a known person */
  int pron;  /* 1: a pronoun */
  char gender;
} who;

static int skip_adverb(const cl_doc *d, long j) {
  const cl_tok *t = &d->t[j];
  if (!cl_word(d, j))
    return 0;
  if (t->lowlen > 3 && !strcmp(t->low + t->lowlen - 2, "ly") &&
      !(t->flags & CL_CAP))
    return 1;
  return cl_is(d, j, "also") || cl_is(d, j, "later") || cl_is(d, j, "then") ||
         cl_is(d, j, "has") || cl_is(d, j, "had") || cl_is(d, j, "have") ||
         cl_is(d, j, "was") || cl_is(d, j, "were") || cl_is(d, j, "is") ||
         cl_is(d, j, "are") || cl_is(d, j, "will") || cl_is(d, j, "would") ||
         cl_is(d, j, "did") || cl_is(d, j, "does") || cl_is(d, j, "once") ||
         cl_is(d, j, "again") || cl_is(d, j, "further") || cl_is(d, j, "not") ||
         cl_is(d, j, "had") || cl_is(d, j, "previously") ||
         cl_is(d, j, "earlier") || cl_is(d, j, "reportedly");
}

static int subject_of(qstate *qs, long v, long sb, who *w, int depth);

/* For "..., stating" / "..., adding that": the subject of the clause's
 * earlier verb, preferring a speech verb. */
static int clause_subject(qstate *qs, long v, long sb, who *w, int depth) {
  cl_doc *d = qs->d;
  if (depth > 2)
    return 0;
  char ty;
  for (long j = v - 1; j >= sb; j--)
    if (speech_at(d, j, &ty) && ty != 'a' &&
        subject_of(qs, j, sb, w, depth + 1))
      return 1;
  for (long j = v - 1; j >= sb; j--)
    if (!(d->t[j].flags & CL_INQ) && cr_claims_is_verb(d, j) && !is_ing(d, j) &&
        subject_of(qs, j, sb, w, depth + 1))
      return 1;
  return 0;
}

static int subject_of(qstate *qs, long v, long sb, who *w, int depth) {
  cl_doc *d = qs->d;
  memset(w, 0, sizeof *w);
  w->ps = -1;
  long j = v - 1;
  for (;;) {
    while (j >= sb && skip_adverb(d, j))
      j--;
    /* "X on Saturday described": a date between subject and verb */
    if (j >= sb && (d->t[j].flags & CL_USED)) {
      while (j >= sb && (d->t[j].flags & CL_USED))
        j--;
      if (j >= sb &&
          (cl_is(d, j, "on") || cl_is(d, j, "in") || cl_is(d, j, "at") ||
           cl_is(d, j, "late") || cl_is(d, j, "early")))
        j--;
      continue;
    }
    break;
  }
  if (j < sb)
    return 0;
  char g;
  if (pronoun(d, j, &g)) {
    w->s = w->e = j;
    w->pron = 1;
    w->gender = g;
    return 1;
  }
  /* "..., who said" / "..., which described": the person named before, or
   * the first person of the sentence */
  if ((cl_is(d, j, "who") || cl_is(d, j, "which")) && depth < 3) {
    long k = j - 1;
    if (k >= sb && cl_is(d, k, ","))
      k--;
    long s0;
    if (cl_is(d, j, "who") && k >= sb && np_back(d, k, sb, &s0)) {
      w->s = s0;
      w->e = k;
      return 1;
    }
    for (size_t m = first_in_grp(qs, d->t[j].grp);
         m < qs->np && qs->p[m].grp == d->t[j].grp; m++)
      if (qs->p[m].ante < 0 && qs->p[m].s >= sb && qs->p[m].e < j) {
        w->s = qs->p[m].s;
        w->e = qs->p[m].e;
        return 1;
      }
    if (k >= sb && np_back(d, k, sb, &s0)) {
      w->s = s0;
      w->e = k;
      return 1;
    }
    return 0;
  }
  if (cl_is(d, j, ",") && is_ing(d, v))
    return clause_subject(qs, v, sb, w, depth);
  /* "Ana Novak, the envoy, said": skip an apposition between commas */
  if (cl_is(d, j, ",")) {
    long c = j - 1, k = j - 1;
    int verbs = 0;
    while (k >= sb && k > j - 16 && !cl_is(d, k, ",") &&
           d->t[k].kind != CL_QUOTE) {
      if (cr_claims_is_verb(d, k) && !cl_is(d, k, "who"))
        verbs++;
      k--;
    }
    int rel =
        k + 1 <= c && (cl_is(d, k + 1, "who") || cl_is(d, k + 1, "which"));
    if (k >= sb && cl_is(d, k, ",") && (verbs == 0 || rel))
      j = k - 1;
    else
      return is_ing(d, v) ? clause_subject(qs, v, sb, w, depth) : 0;
  }
  long s;
  if (j < sb || !np_back(d, j, sb, &s)) {
    if (is_ing(d, v))
      return clause_subject(qs, v, sb, w, depth);
    return 0;
  }
  w->s = s;
  w->e = j;
  return 1;
}

/* ---- quotes ---------------------------------------------------------------*/

typedef struct qraw {
  long o, c;   /* opening and closing mark (c may be -1: to paragraph end) */
  long last;   /* last token inside */
  long cont;   /* index of the continuation segment in the next paragraph */
  int is_cont; /* a continuation segment */
} qraw;

static int add_quote(cl_doc *d, const cr_quote *q) {
  if (d->nquotes == d->quotecap) {
    size_t ncap = d->quotecap ? d->quotecap * 2 : 16;
    cr_quote *n = cr_arena_realloc(d->a, d->quotes, d->quotecap * sizeof *n,
                                   ncap * sizeof *n);
    if (!n)
      return -1;
    d->quotes = n;
    d->quotecap = ncap;
  }
  d->quotes[d->nquotes++] = *q;
  return 0;
}

static int add_attr(cl_doc *d, const cr_attribution *a) {
  for (size_t k = d->nattr > 8 ? d->nattr - 8 : 0; k < d->nattr; k++)
    if (d->attr[k].verb.off == a->verb.off &&
        d->attr[k].source.off == a->source.off)
      return 0;
  if (d->nattr == d->attrcap) {
    size_t ncap = d->attrcap ? d->attrcap * 2 : 16;
    cr_attribution *n = cr_arena_realloc(d->a, d->attr, d->attrcap * sizeof *n,
                                         ncap * sizeof *n);
    if (!n)
      return -1;
    d->attr = n;
    d->attrcap = ncap;
  }
  d->attr[d->nattr++] = *a;
  return 0;
}

static int cmp_qraw(const void *a, const void *b) {
  long x = ((const qraw *)a)->o, y = ((const qraw *)b)->o;
  return x < y ? -1 : x > y;
}

/* Pair quotation marks paragraph by paragraph. */
static int pair_marks(cl_doc *d, qraw **out, size_t *nout) {
  size_t cap = 16, n = 0;
  qraw *v = cr_arena_alloc(d->a, cap * sizeof *v);
  if (!v)
    return -1;
  long i = 0;
  while (i < (long)d->n) {
    /* one paragraph (a quote may run over its line breaks) */
    uint32_t para = d->t[i].para;
    long pb = i, pe = i + 1;
    while (pe < (long)d->n && d->t[pe].para == para)
      pe++;
    long open = -1;
    for (int pass = 0; pass < 2; pass++) {
      /* pass 0: double marks; pass 1: single marks outside double quotes */
      open = -1;
      for (long k = pb; k < pe; k++) {
        const cl_tok *t = &d->t[k];
        if (t->kind != CL_QUOTE)
          continue;
        int single = (t->q & CL_Q_SINGLE) != 0;
        if (single != pass)
          continue;
        if (pass == 1 && (t->flags & CL_INQ))
          continue;
        int shape = t->q & CL_Q_BOTH;
        if (pass == 1 && shape == CL_Q_BOTH)
          continue; /* an ambiguous straight ' is an apostrophe */
        /* straight double marks alternate within a line, whatever the
         * spacing around them ("... ! \"Name said") */
        if ((t->q & CL_Q_STRAIGHT) && !single)
          shape = open >= 0 ? CL_Q_CLOSE : CL_Q_OPEN;
        int is_open = shape == CL_Q_OPEN || (shape == CL_Q_BOTH && open < 0);
        if (is_open && open >= 0 && shape == CL_Q_OPEN)
          open = k; /* an unclosed mark before: start again */
        else if (is_open)
          open = k;
        else if (open >= 0) {
          if (k - open > 1) {
            if (n == cap) {
              qraw *nv = cr_arena_realloc(d->a, v, cap * sizeof *v,
                                          2 * cap * sizeof *v);
              if (!nv)
                return -1;
              v = nv;
              cap *= 2;
            }
            qraw *r = &v[n++];
            memset(r, 0, sizeof *r);
            r->o = open;
            r->c = k;
            r->last = k - 1;
            r->cont = -1;
            for (long m = open + 1; m < k; m++)
              d->t[m].flags |= CL_INQ;
          }
          open = -1;
        }
        if (pass == 1 && open >= 0 && k - open > 40)
          open = -1;
      }
      if (pass == 0 && open >= 0 && pe - open > 2) {
        /* unclosed at the paragraph's end: runs on when the next paragraph
         * opens with a mark, else ends here */
        if (n == cap) {
          qraw *nv =
              cr_arena_realloc(d->a, v, cap * sizeof *v, 2 * cap * sizeof *v);
          if (!nv)
            return -1;
          v = nv;
          cap *= 2;
        }
        qraw *r = &v[n++];
        memset(r, 0, sizeof *r);
        r->o = open;
        r->c = -1;
        r->last = pe - 1;
        r->cont = -1;
        for (long m = open + 1; m < pe; m++)
          d->t[m].flags |= CL_INQ;
      }
    }
    i = pe;
  }
  /* sort by opening mark (single-mark quotes were added after double) */
  qsort(v, n, sizeof *v, cmp_qraw);
  /* link runs-on: an unclosed quote followed by a quote opening the next
   * paragraph */
  for (size_t a = 0; a + 1 < n; a++) {
    if (v[a].c >= 0 || v[a].is_cont)
      continue;
    const cl_tok *o2 = &d->t[v[a + 1].o];
    long prev_last = v[a].last;
    int next_line =
        (o2->flags & (CL_PSTART | CL_NL)) && v[a + 1].o == prev_last + 1;
    if (next_line && !(o2->q & CL_Q_SINGLE)) {
      v[a].cont = (long)(a + 1);
      v[a + 1].is_cont = 1;
    }
  }
  *out = v;
  *nout = n;
  return 0;
}

static int is_dash_tok(const cl_doc *d, long i) {
  return cl_is(d, i, "\xe2\x80\x94") || cl_is(d, i, "\xe2\x80\x93");
}

/* The attribution after a closing mark: ", said X" / ", X said" /
 * ", according to X". */
static int after_quote(qstate *qs, long c, who *w, long *verb) {
  cl_doc *d = qs->d;
  long k = c + 1;
  uint32_t sent = d->t[c].grp;
  long se = (long)d->sfirst[sent + 1];
  /* the quote ended its sentence: a lower-case next sentence carries on
   * ("... .” he said.") */
  if (k >= se && sent + 1 < d->nsent && k < (long)d->n &&
      d->t[k].para == d->t[c].para && cl_word(d, k) &&
      !(d->t[k].flags & CL_CAP))
    se = (long)d->sfirst[sent + 2];
  while (k < se && (cl_is(d, k, ",") || is_dash_tok(d, k)))
    k++;
  if (k >= se || d->t[k].kind == CL_QUOTE)
    return 0;
  /* “... .” She emphasised ...: a new sentence, unless it is only the
   * attribution ("... .” she said.") */
  int closed = c - 1 >= 0 && (cl_is(d, c - 1, ".") || cl_is(d, c - 1, "!") ||
                              cl_is(d, c - 1, "?"));
  if (closed && k == c + 1 && (d->t[k].flags & CL_CAP)) {
    long v = k;
    char t2;
    while (v < se && v < k + 8 && !speech_at(d, v, &t2))
      v++;
    if (!(v < se && v < k + 8) ||
        !(v + 1 >= se || d->t[v + 1].kind == CL_PUNCT))
      return 0;
  }
  char ty;
  memset(w, 0, sizeof *w);
  w->ps = -1;
  /* "according to X" */
  if (cl_is(d, k, "according") && cl_is(d, k + 1, "to")) {
    long e;
    if (np_fwd(d, k + 2, se, &e)) {
      w->s = k + 2;
      w->e = e;
      *verb = k;
      return 1;
    }
    return 0;
  }
  /* "said X" */
  if (speech_at(d, k, &ty) && ty != 'd' && ty != 'a') {
    long e;
    char g;
    if (k + 1 < se && pronoun(d, k + 1, &g)) {
      w->s = w->e = k + 1;
      w->pron = 1;
      w->gender = g;
      *verb = k;
      return 1;
    }
    if (np_fwd(d, k + 1, se, &e)) {
      w->s = k + 1;
      w->e = e;
      *verb = k;
      /* "said his mother, Rosa Salvat, who ...": the name in apposition */
      int named = 0;
      for (long m = k + 1; m <= e; m++)
        named |= cap_word(d, m) && !(d->t[m].flags & CL_SSTART);
      long e2;
      if (!named && e + 2 < se && cl_is(d, e + 1, ",") && cap_word(d, e + 2) &&
          np_fwd(d, e + 2, se, &e2)) {
        int caps = 1;
        for (long m = e + 2; m <= e2; m++)
          caps &= cap_word(d, m) || particle(d, m);
        if (caps)
          w->e = e2;
      }
      return 1;
    }
    return 0;
  }
  /* "X said", "he added", "the official told reporters" */
  for (long v = k + 1; v < se && v <= k + 10; v++) {
    if (d->t[v].kind != CL_WORD)
      break;
    if (speech_at(d, v, &ty) && ty != 'd' && ty != 'a') {
      long j = v - 1;
      while (j > k && skip_adverb(d, j))
        j--;
      char g;
      if (j == k && pronoun(d, k, &g)) {
        w->s = w->e = k;
        w->pron = 1;
        w->gender = g;
        *verb = v;
        return 1;
      }
      long s;
      if (np_back(d, j, k, &s) && s == k) {
        w->s = s;
        w->e = j;
        *verb = v;
        return 1;
      }
      return 0;
    }
    if (!np_word(d, v) && !determiner(d, v))
      break;
  }
  return 0;
}

/* The attribution before an opening mark in its sentence: the nearest
 * speech verb and its subject. */
static int before_quote(qstate *qs, long o, who *w, long *verb) {
  cl_doc *d = qs->d;
  uint32_t sent = d->t[o].grp;
  long sb = (long)d->sfirst[sent];
  char ty;
  for (long v = o - 1; v >= sb; v--) {
    if (d->t[v].flags & CL_INQ)
      continue;
    if (!speech_at(d, v, &ty))
      continue;
    /* "had asked for the release": a request, not what introduces the
     * quote */
    if (cl_is(d, v + 1, "for"))
      continue;
    if (ty == 'a') {
      long e;
      if (cl_is(d, v + 1, "to") && np_fwd(d, v + 2, o, &e)) {
        memset(w, 0, sizeof *w);
        w->ps = -1;
        w->s = v + 2;
        w->e = e;
        *verb = v;
        return 1;
      }
      continue;
    }
    /* "with Ana Novak noting": the phrase right before a participle */
    if (subject_of(qs, v, sb, w, 0)) {
      *verb = v;
      return 1;
    }
    return 0;
  }
  return 0;
}

/* A quoted name ("the “Blue Sky” project"), not a quote. */
static int quoted_name(const cl_doc *d, long o, long last, long c) {
  int words = 0;
  for (long k = o + 1; k <= last; k++) {
    if (d->t[k].kind == CL_PUNCT)
      continue;
    if (!cap_word(d, k) && !particle(d, k))
      return 0;
    words++;
  }
  if (words == 0 || words > 4)
    return 0;
  long p = o - 1;
  if (p >= 0 && (cl_is(d, p, "the") || cl_is(d, p, "a") || cl_is(d, p, "an") ||
                 cl_is(d, p, "called") || cl_is(d, p, "named") ||
                 cl_is(d, p, "dubbed") || cl_is(d, p, "titled") ||
                 cl_is(d, p, "entitled") || cl_is(d, p, "so-called")))
    return 1;
  long n = c >= 0 ? c + 1 : last + 1;
  if (n < (long)d->n && cl_word(d, n) && !(d->t[n].flags & CL_CAP) &&
      !cr_claims_is_function(d, n) && !cr_claims_is_verb(d, n))
    return 1;
  return 0;
}

static int is_full(const cl_doc *d, long o) {
  if (d->t[o].flags & (CL_SSTART | CL_PSTART))
    return 1;
  long p = o - 1;
  if (p >= 0 && d->t[p].grp != d->t[o].grp)
    return 1;
  long f = o + 1;
  int capital = f < (long)d->n && (d->t[f].flags & CL_CAP);
  if (cl_is(d, p, ":"))
    return 1;
  if (cl_is(d, p, ",") && capital)
    return 1;
  char ty;
  if (speech_at(d, p, &ty) && capital)
    return 1;
  return 0;
}

/* Fill the quote's speaker from a found phrase. */
static void set_speaker(qstate *qs, cr_quote *q, const who *w, long verb) {
  cl_doc *d = qs->d;
  q->mention = trim_poss(d, cl_span(d, w->s, w->e));
  if (verb >= 0) {
    long ve = verb;
    if (cl_is(d, verb, "according") && cl_is(d, verb + 1, "to"))
      ve = verb + 1;
    q->verb = cl_span(d, verb, ve);
  }
  if (w->pron) {
    long k = resolve_pronoun(qs, w->s, w->gender);
    if (k < 0)
      return;
    if (qs->p[k].ante >= 0)
      k = qs->p[k].ante;
    person *p = &qs->p[k];
    if (w->gender == 'm' || w->gender == 'f') {
      if (!qs->p[p->full].gender)
        qs->p[p->full].gender = w->gender;
    }
    q->speaker = trim_poss(d, cl_span(d, p->s, p->e));
    const person *f = &qs->p[p->full];
    q->name = trim_poss(d, cl_span(d, f->s, f->e));
    q->rule = CR_QA_PRONOUN;
    return;
  }
  long ns, ne;
  q->speaker = trim_poss(d, name_in_np(d, w->s, w->e, &ns, &ne));
  q->name = q->speaker;
  long k = person_at(qs, ns, ne);
  if (k >= 0) {
    const person *f = &qs->p[qs->p[k].full];
    q->name = trim_poss(d, cl_span(d, f->s, f->e));
  } else if (ns == ne && cap_word(d, ns)) {
    /* a surname named earlier in full */
    size_t n = d->t[ns].lowlen;
    if (possessive(d, ns))
      n -= 2;
    long m = last_head(qs, d->t[ns].low, n);
    if (m >= 0) {
      const person *f = &qs->p[qs->p[m].full];
      q->name = trim_poss(d, cl_span(d, f->s, f->e));
    }
  }
}

static const char *quote_text(cl_doc *d, const qraw *v, size_t a) {
  cr_buf b;
  cr_buf_init(&b, 0);
  for (long k = (long)a; k >= 0; k = v[k].cont) {
    const qraw *r = &v[k];
    if (r->last <= r->o)
      continue;
    cr_span sp = cl_span(d, r->o + 1, r->last);
    if (b.len)
      cr_buf_puts(&b, "\n\n");
    cr_buf_put(&b, d->text + sp.off, sp.len);
    if (r->c >= 0)
      break;
  }
  const char *s =
      b.err ? NULL : cr_arena_strndup(d->a, b.data ? b.data : "", b.len);
  cr_buf_clear(&b);
  return s;
}

static int read_quotes(qstate *qs, qraw *v, size_t n) {
  cl_doc *d = qs->d;
  long prev_q = -1; /* index in d->quotes of the previous kept quote */
  long prev_close = -1;
  for (size_t a = 0; a < n; a++) {
    if (v[a].is_cont)
      continue;
    /* the segment that closes a run-on quote */
    size_t z = a;
    while (v[z].c < 0 && v[z].cont >= 0)
      z = (size_t)v[z].cont;
    long o = v[a].o, last = v[z].last, c = v[z].c;
    if (last <= o)
      continue;
    int full = is_full(d, o);
    if (!full && quoted_name(d, o, last, c))
      continue;
    cr_quote q;
    memset(&q, 0, sizeof q);
    q.span = cl_span(d, o + 1, last);
    q.text = quote_text(d, v, a);
    if (!q.text)
      return -1;
    q.sent = d->t[o].sent;
    q.partial = (uint8_t)!full;
    who w;
    long verb = -1;
    int found = 0;
    if (full) {
      found = c >= 0 && after_quote(qs, c, &w, &verb);
      if (found)
        q.rule = CR_QA_AFTER;
      else if ((found = before_quote(qs, o, &w, &verb)))
        q.rule = CR_QA_BEFORE;
    } else {
      if ((found = before_quote(qs, o, &w, &verb)))
        q.rule = CR_QA_BEFORE;
      else if ((found = c >= 0 && after_quote(qs, c, &w, &verb)))
        q.rule = CR_QA_AFTER;
    }
    if (found)
      set_speaker(qs, &q, &w, verb);
    if (!found && full && prev_q >= 0 && prev_close >= 0 &&
        o - prev_close <= 16 && d->t[o].para <= d->t[prev_close].para + 1 &&
        d->quotes[prev_q].speaker.len) {
      /* another quote right after one of the same speaker */
      const cr_quote *pq = &d->quotes[prev_q];
      q.speaker = pq->speaker;
      q.name = pq->name;
      q.mention = pq->mention;
      q.rule = CR_QA_CONTINUED;
      found = 1;
    }
    if (!found && full && d->t[o].grp > 0) {
      /* the previous sentence introduces it: "X confirmed the deal:" or
       * names a speaker */
      uint32_t ps = d->t[o].grp - 1;
      long sb = (long)d->sfirst[ps], se = (long)d->sfirst[ps + 1];
      char ty;
      for (long vv = se - 1; vv >= sb && !found; vv--)
        if (speech_at(d, vv, &ty) && ty != 'a' &&
            subject_of(qs, vv, sb, &w, 0)) {
          set_speaker(qs, &q, &w, vv);
          q.rule = CR_QA_PREVIOUS;
          found = 1;
        }
    }
    if (!found && full && d->t[o].grp > 0 && (d->t[o].flags & CL_SSTART)) {
      /* the subject of the sentence before, in the same paragraph: "The
       * opposition leader Ana Novak drove to the border. \"Today we
       * count...\"" */
      uint32_t ps = d->t[o].grp - 1;
      long sb = (long)d->sfirst[ps], se = (long)d->sfirst[ps + 1];
      long first_verb = se;
      for (long k = sb; k < se; k++)
        if (cr_claims_is_verb(d, k) && !(d->t[k].flags & CL_INQ)) {
          first_verb = k;
          break;
        }
      if (se > sb && d->t[sb].para == d->t[o].para)
        for (size_t m = first_in_grp(qs, ps);
             m < qs->np && qs->p[m].grp == ps && !found; m++) {
          const person *p = &qs->p[m];
          if (p->e >= first_verb)
            continue;
          long k = p->ante >= 0 ? p->ante : (long)m;
          w.s = qs->p[k].s;
          w.e = qs->p[k].e;
          w.pron = 0;
          w.ps = -1;
          set_speaker(qs, &q, &w, -1);
          q.mention = cl_span(d, p->s, p->e);
          q.rule = CR_QA_PREVIOUS;
          found = 1;
        }
    }
    /* a phrase in quotes with nobody saying it is a scare quote */
    if (!full && !q.speaker.len)
      continue;
    if (add_quote(d, &q))
      return -1;
    prev_q = (long)d->nquotes - 1;
    prev_close = c >= 0 ? c : last;
  }
  return 0;
}

/* ---- attributions
 * ----------------------------------------------------------*/

static int read_attributions(qstate *qs) {
  cl_doc *d = qs->d;
  for (size_t s = 0; s < d->nsent; s++) {
    long sb = (long)d->sfirst[s], se = (long)d->sfirst[s + 1];
    for (long v = sb; v < se; v++) {
      char ty;
      if (!speech_at(d, v, &ty) || ty == 'd')
        continue;
      cr_attribution at;
      memset(&at, 0, sizeof at);
      at.sent = d->t[v].sent;
      who w;
      memset(&w, 0, sizeof w);
      int ok = 0;
      if (ty == 'a') {
        long e;
        if (cl_is(d, v + 1, "to") && np_fwd(d, v + 2, se, &e)) {
          w.s = v + 2;
          w.e = e;
          at.kind = CR_ATTR_ACCORDING;
          at.verb = cl_span(d, v, v + 1);
          ok = 1;
        }
      } else if (cl_is(d, v + 1, "by") && !is_ing(d, v)) {
        /* "as reported by the state news agency" */
        long e;
        if (np_fwd(d, v + 2, se, &e)) {
          w.s = v + 2;
          w.e = e;
          at.kind = CR_ATTR_REPORTED;
          at.verb = cl_span(d, v, v + 1);
          ok = 1;
        }
      } else if (!is_ing(d, v) && subject_of(qs, v, sb, &w, 0)) {
        at.kind = ty == 'r' ? CR_ATTR_REPORTED : CR_ATTR_SAID;
        at.verb = cl_span(d, v, v);
        ok = 1;
        /* "told The Associated Press", "said on X" */
        long e;
        if (cl_is(d, v, "told") && v + 1 < se && cap_word(d, v + 1) &&
            np_fwd(d, v + 1, se, &e))
          at.outlet = trim_poss(d, cl_span(d, v + 1, e));
        else if (cl_is(d, v + 1, "on") && v + 2 < se && cap_word(d, v + 2))
          at.outlet = cl_span(d, v + 2, v + 2);
      }
      if (!ok)
        continue;
      if (w.pron) {
        long k = resolve_pronoun(qs, w.s, w.gender);
        if (k < 0)
          continue;
        if (qs->p[k].ante >= 0)
          k = qs->p[k].ante;
        at.source = trim_poss(d, cl_span(d, qs->p[k].s, qs->p[k].e));
      } else {
        at.source = trim_poss(d, cl_span(d, w.s, w.e));
      }
      if (add_attr(d, &at))
        return -1;
    }
  }
  return 0;
}

int cr_claims_quotes(cl_doc *d) {
  qstate qs;
  memset(&qs, 0, sizeof qs);
  qs.d = d;
  qraw *v;
  size_t n;
  int r = 0;
  if (pair_marks(d, &v, &n) || find_persons(&qs) || read_quotes(&qs, v, n) ||
      read_attributions(&qs))
    r = -1;
  cr_strmap_free(qs.lastmap);
  cr_free(qs.head);
  return r;
}
