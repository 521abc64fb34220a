/* quantity.c -- numeric claims: a number (digits or words, scale, fraction,
 * range), its approximation and change markers, its unit or counted noun,
 * and the subject and predicate around it. Years, dates and clock times
 * were taken by date.c; ordinals, labels ("Flight 17"), addresses, scores
 * and versions are left out here. See docs/claims.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "claims_int.h"

/* A number read at some position: tokens [s, e). */
typedef struct numx {
  long s, e;
  double v, hi;
  int range, scaled, words, vague, frac, one, sign;
  double mult; /* the last multiplier applied: "five thousand" 1000 */
} numx;

/* A unit read after a number: tokens [s, e). */
typedef struct unitx {
  long s, e;
  const char *norm; /* normalised name (arena or table) */
  char kind[8];     /* table kind, "cur" for a currency, "np" counted noun */
} unitx;

/* The quantity under construction. */
typedef struct qx {
  long s, e;   /* whole span, inclusive */
  long ns, ne; /* number(s), inclusive */
  double v, hi;
  int range;
  char approx;
  int change;
  int age;
  const char *cur; /* currency unit */
  unitx u;
  long os, oe; /* of-span, inclusive; os < 0 none */
  long subj_s, subj_e;
  long after; /* first token after the number(s) and scale */
} qx;

static const char *tl(const cl_doc *d, long i) { return d->t[i].low; }
static int used(const cl_doc *d, long i) { return d->t[i].flags & (CL_USED); }

static int is_dash(const cl_doc *d, long i) {
  return cl_is(d, i, "-") || cl_is(d, i, "\xe2\x80\x93") ||
         cl_is(d, i, "\xe2\x80\x94");
}
static int is_minus(const cl_doc *d, long i) {
  return cl_is(d, i, "-") || cl_is(d, i, "\xe2\x88\x92") ||
         cl_is(d, i, "\xe2\x80\x93");
}

static int func_word(const cl_doc *d, long i) {
  if (!cl_word(d, i))
    return 0;
  return cr_claims_is_function(d, i);
}

/* ---- numbers
 * ---------------------------------------------------------------*/

static const char *numword(const char *w, size_t n, char *type, double *v) {
  const char *e = cr_table_find(&cr_tab_claims_numwords, w, n);
  if (!e)
    return NULL;
  char t[4];
  cr_claims_field(e, 2, t, sizeof t);
  *type = t[0];
  *v = cr_claims_field_num(e, 1);
  return e;
}

/* "twenty-three", "two-thirds": a hyphenated number word. Returns 1 and the
 * value; for a fraction *den holds the denominator. */
static int hyphen_number(const char *w, size_t n, double *v, double *den) {
  const char *h = memchr(w, '-', n);
  if (!h)
    return 0;
  char t1, t2;
  double a, b;
  if (!numword(w, (size_t)(h - w), &t1, &a) ||
      !numword(h + 1, n - (size_t)(h - w) - 1, &t2, &b))
    return 0;
  *den = 0;
  if (t1 == 't' && t2 == 'n' && b < 10) {
    *v = a + b;
    return 1;
  }
  if ((t1 == 'n') && t2 == 'f') {
    *v = a;
    *den = b;
    return 1;
  }
  return 0;
}

/* Spelled-out numbers: "five", "twenty-three", "a thousand", "four hundred
 * and five", "1.5 million" is handled by the scale step instead. */
static int parse_words(const cl_doc *d, long i, long se, numx *nx) {
  double total = 0, cur = 0, mult = 1;
  long j = i;
  int any = 0, last = 0;
  if (cl_is(d, i, "a") || cl_is(d, i, "an")) {
    char t;
    double v;
    if (i + 1 >= se || !cl_word(d, i + 1) ||
        !numword(tl(d, i + 1), d->t[i + 1].lowlen, &t, &v) ||
        !(t == 'h' || t == 'm' || t == 'd'))
      return 0;
    cur = 1;
    j = i + 1;
    last = 'n';
  }
  for (; j < se; j++) {
    if (!cl_word(d, j) || used(d, j))
      break;
    char t;
    double v, den;
    const char *w = tl(d, j);
    size_t n = d->t[j].lowlen;
    if (!numword(w, n, &t, &v)) {
      if (hyphen_number(w, n, &v, &den) && den == 0 &&
          (last == 0 || last == 'h' || last == 'm')) {
        cur += v;
        last = 'n';
        any = 1;
        continue;
      }
      if (cl_is(d, j, "and") && (last == 'h' || last == 'm') && j + 1 < se &&
          cl_word(d, j + 1)) {
        char t2;
        double v2;
        if ((numword(tl(d, j + 1), d->t[j + 1].lowlen, &t2, &v2) &&
             (t2 == 'n' || t2 == 't')) ||
            hyphen_number(tl(d, j + 1), d->t[j + 1].lowlen, &v2, &den))
          continue;
      }
      break;
    }
    if (t == 'n') {
      if (last == 'n' || (last == 't' && v >= 10))
        break;
      cur += v;
    } else if (t == 't') {
      if (last == 'n' || last == 't')
        break;
      cur += v;
    } else if (t == 'h') {
      if (!any && j == i)
        return 0;
      cur = (cur ? cur : 1) * 100;
      if (mult < 100)
        mult = 100;
    } else if (t == 'm') {
      if (!any && j == i)
        return 0;
      total += (cur ? cur : 1) * v;
      cur = 0;
      mult = v;
    } else if (t == 'd') {
      if (j == i && !(i > 0 && (cl_is(d, i - 1, "a") || cl_is(d, i - 1, "an"))))
        return 0;
      cur = (cur ? cur : 1) * 12;
    } else {
      break;
    }
    last = t;
    any = 1;
  }
  if (!any)
    return 0;
  nx->s = i;
  nx->e = j;
  nx->v = nx->hi = total + cur;
  nx->words = 1;
  nx->mult = mult;
  nx->one = (j == i + 1 && cl_is(d, i, "one"));
  return 1;
}

/* "a third of", "two-thirds of", "half of", "three quarters of" */
static int parse_fraction(const cl_doc *d, long i, long se, numx *nx) {
  double num = 0, den = 0, v;
  char t;
  long j = i;
  if (!cl_word(d, i))
    return 0;
  if (cl_is(d, i, "half") && j + 1 < se &&
      (cl_is(d, j + 1, "of") || cl_is(d, j + 1, "the")) &&
      !(i > 0 && (cl_is(d, i - 1, "the") || cl_is(d, i - 1, "first") ||
                  cl_is(d, i - 1, "second") || cl_is(d, i - 1, "other")))) {
    num = 1;
    den = 2;
  } else if ((cl_is(d, i, "a") || cl_is(d, i, "one")) && i + 1 < se &&
             numword(tl(d, i + 1), d->t[i + 1].lowlen, &t, &v) && t == 'f') {
    num = 1;
    den = v;
    j = i + 1;
  } else if (hyphen_number(tl(d, i), d->t[i].lowlen, &num, &den) && den) {
    /* "two-thirds" */
  } else if (numword(tl(d, i), d->t[i].lowlen, &t, &v) && t == 'n' &&
             i + 1 < se &&
             numword(tl(d, i + 1), d->t[i + 1].lowlen, &t, &den) && t == 'f' &&
             v > 1) {
    num = v;
    j = i + 1;
  } else {
    return 0;
  }
  if (!(j + 1 < se && (cl_is(d, j + 1, "of") ||
                       (cl_is(d, i, "half") && cl_is(d, j + 1, "the")))))
    return 0;
  nx->s = i;
  nx->e = j + 1;
  nx->v = nx->hi = num / den;
  nx->frac = 1;
  nx->words = 1;
  nx->mult = 1;
  return 1;
}

/* "dozens of", "hundreds of", "tens of thousands", "thousands" */
static int parse_vague(const cl_doc *d, long i, long se, numx *nx) {
  char t;
  double v, v2;
  if (!cl_word(d, i) ||
      (d->t[i].flags & CL_CAP && !(d->t[i].flags & CL_SSTART)))
    return 0;
  long j = i;
  double base;
  if (cl_is(d, i, "tens") && i + 2 < se && cl_is(d, i + 1, "of") &&
      numword(tl(d, i + 2), d->t[i + 2].lowlen, &t, &v) && t == 'v' &&
      v >= 1000) {
    base = 10 * v;
    j = i + 2;
  } else if (numword(tl(d, i), d->t[i].lowlen, &t, &v) && t == 'v') {
    base = v;
    if (i + 2 < se && cl_is(d, i + 1, "of") &&
        numword(tl(d, i + 2), d->t[i + 2].lowlen, &t, &v2) && t == 'v' &&
        v2 >= 1000 && v >= 100) {
      base = v * v2;
      j = i + 2;
    }
  } else {
    return 0;
  }
  nx->s = i;
  nx->e = j + 1;
  nx->vague = 1;
  nx->words = 1;
  nx->mult = 1;
  if (base == 12) {
    nx->v = nx->hi = 12;
  } else {
    nx->v = base;
    nx->hi = base * 10;
    nx->range = 1;
  }
  return 1;
}

/* A number core at i: digits ("1,613", "9.5", "1/16") or words. */
static int parse_core(const cl_doc *d, long i, long se, numx *nx) {
  memset(nx, 0, sizeof *nx);
  nx->mult = 1;
  if (i >= se || used(d, i))
    return 0;
  const cl_tok *t = &d->t[i];
  if (t->kind == CL_NUM) {
    if ((t->flags & CL_MULTIDOT) || t->nint > 15)
      return 0;
    nx->s = i;
    nx->e = i + 1;
    nx->v = nx->hi = t->val;
    /* 1/16, 1⁄32 */
    if (i + 2 < se &&
        (cl_is(d, i + 1, "/") || cl_is(d, i + 1, "\xe2\x81\x84")) &&
        cl_glued(d, i + 1) && cl_num(d, i + 2) && cl_glued(d, i + 2) &&
        !t->nfrac && !d->t[i + 2].nfrac && d->t[i + 2].val > t->val &&
        d->t[i + 2].val > 0 && !used(d, i + 2)) {
      nx->v = nx->hi = t->val / d->t[i + 2].val;
      nx->e = i + 3;
      nx->frac = 1;
    }
    return 1;
  }
  if (t->kind != CL_WORD)
    return 0;
  if (parse_fraction(d, i, se, nx))
    return 1;
  if (parse_vague(d, i, se, nx))
    return 1;
  return parse_words(d, i, se, nx);
}

/* ---- units
 * ------------------------------------------------------------------*/

/* Build the text of tokens [k, k+n) as a unit candidate: glued tokens join
 * without a space. Returns 0 when a token cannot be part of a unit. */
static int unit_text(const cl_doc *d, long k, long n, long se, int lower,
                     char *buf, size_t cap) {
  size_t len = 0;
  for (long j = k; j < k + n; j++) {
    if (j >= se || used(d, j))
      return 0;
    const cl_tok *t = &d->t[j];
    if (t->kind == CL_NUM) {
      if (!(t->flags & CL_GLUE) || t->len != 1 || j == k)
        return 0;
    } else if (t->kind == CL_PUNCT) {
      if (!(cl_is(d, j, "-") && (t->flags & CL_GLUE)))
        return 0;
    } else if (t->kind == CL_QUOTE || t->kind == CL_URL) {
      return 0;
    }
    if (j > k && !(t->flags & CL_GLUE)) {
      if (len + 1 >= cap)
        return 0;
      buf[len++] = ' ';
    }
    const char *s = lower ? t->low : d->text + t->off;
    size_t sl = lower ? t->lowlen : t->len;
    if (len + sl >= cap)
      return 0;
    memcpy(buf + len, s, sl);
    len += sl;
  }
  buf[len] = '\0';
  return (int)len;
}

/* Longest unit of the table at k; the number of tokens, or 0. */
static int unit_at(const cl_doc *d, long k, long se, int glued,
                   const char **entry) {
  char buf[64], low[64];
  for (long n = 4; n >= 1; n--) {
    int len = unit_text(d, k, n, se, 0, buf, sizeof buf);
    if (len <= 0)
      continue;
    const char *e = cr_table_find(&cr_tab_claims_units, buf, (size_t)len);
    int via_lower = 0;
    if (!e) {
      int ll = unit_text(d, k, n, se, 1, low, sizeof low);
      int is_low = ll == len && memcmp(low, buf, (size_t)len) == 0;
      if (ll > 0 && (len >= 2 || is_low))
        e = cr_table_find(&cr_tab_claims_units, low, (size_t)ll);
      via_lower = e && !is_low;
    }
    if (!e)
      continue;
    size_t kl = strcspn(e, "|");
    char kd[8];
    cr_claims_field(e, 2, kd, sizeof kd);
    /* "203 HR" are home runs, not hours: an upper-case short word only
     * names a unit of measure */
    if (len == 2 && via_lower && !strcmp(kd, "time"))
      continue;
    /* one-letter units only glued ("5m", "30C"), watts and volts also
     * spaced; "%" always */
    if (kl == 1 && !glued && e[0] != '%' && e[0] != 'W' && e[0] != 'V')
      continue;
    /* "per"-only words are not units on their own */
    char kind[8];
    cr_claims_field(e, 2, kind, sizeof kind);
    if (!strcmp(kind, "per"))
      continue;
    *entry = e;
    return (int)n;
  }
  return 0;
}

/* A currency written after the number: "dollars", "Australian dollars",
 * "USD". Returns tokens matched; *norm gets the unit (arena). */
static int currency_after(cl_doc *d, long k, long se, const char **norm) {
  long j = k;
  /* up to two capitalised words before the currency name */
  int caps = 0;
  while (j < se && caps < 2 && cl_word(d, j) && (d->t[j].flags & CL_CAP) &&
         !(d->t[j].flags & CL_UPPER) && !cl_find(claims_currency, d, j)) {
    j++;
    caps++;
  }
  if (j >= se)
    return 0;
  if (!cl_word(d, j) || used(d, j))
    return 0;
  const char *e = cl_find(claims_currency, d, j);
  if (!e)
    return 0;
  char where[4];
  cr_claims_field(e, 2, where, sizeof where);
  if (where[0] == 'p')
    return 0;
  /* codes must be written as codes ("USD"), names in lower case or
   * capitalised; a one-letter name ("p") only glued */
  if (d->t[j].lowlen == 1 && !cl_glued(d, j))
    return 0;
  if (where[0] == 'b' && !(d->t[j].flags & CL_UPPER))
    return 0;
  char u[48];
  cr_claims_field(e, 1, u, sizeof u);
  if (caps) {
    /* "Australian dollars" -> "australian dollar"; keep the table's
     * name when it already says the country */
    char buf[96];
    size_t n = 0;
    for (long c = k; c < j && n + 1 < sizeof buf; c++) {
      size_t l = d->t[c].lowlen;
      if (n + l + 1 >= sizeof buf)
        break;
      memcpy(buf + n, d->t[c].low, l);
      n += l;
      buf[n++] = ' ';
    }
    const char *base = strrchr(u, ' ') ? strrchr(u, ' ') + 1 : u;
    size_t bl = strlen(base);
    if (n + bl < sizeof buf) {
      memcpy(buf + n, base, bl);
      n += bl;
    }
    *norm = cr_arena_strndup(d->a, buf, n);
  } else {
    *norm = cr_arena_strdup(d->a, u);
  }
  return (int)(j - k + 1);
}

/* A currency written before the number at i: "$", "US$", "$US", "HK $",
 * "EUR", "RM". Returns the index of the number, or -1; *norm the unit. */
static long currency_before(const cl_doc *d, long i, long se,
                            const char **norm) {
  char buf[16];
  const char *e = NULL;
  long j = i;
  const cl_tok *t = &d->t[i];
  if (t->kind == CL_SYM) {
    /* "$", "$US", "$A" */
    if (i + 2 < se && cl_word(d, i + 1) && cl_glued(d, i + 1) &&
        (d->t[i + 1].flags & CL_CAP) && d->t[i + 1].lowlen <= 2 &&
        cl_num(d, i + 2) && cl_glued(d, i + 2)) {
      int n = snprintf(buf, sizeof buf, "%s%s", t->low, d->t[i + 1].low);
      if (n > 0 && (size_t)n < sizeof buf &&
          (e = cr_table_find(&cr_tab_claims_currency, buf, (size_t)n)))
        j = i + 2;
    }
    if (!e && (e = cl_find(claims_currency, d, i)))
      j = i + 1;
  } else if (t->kind == CL_WORD && t->lowlen <= 3 && (t->flags & CL_CAP)) {
    /* "US$", "HK $", "NZ$" */
    if (i + 2 < se && d->t[i + 1].kind == CL_SYM && cl_num(d, i + 2)) {
      int n = snprintf(buf, sizeof buf, "%s%s", t->low, d->t[i + 1].low);
      if (n > 0 && (size_t)n < sizeof buf &&
          (e = cr_table_find(&cr_tab_claims_currency, buf, (size_t)n)))
        j = i + 2;
    }
    /* "EUR50m", "USD 10", "RM79", "Rs 500" */
    if (!e && i + 1 < se && cl_num(d, i + 1) &&
        ((t->flags & CL_UPPER) || t->lowlen <= 2)) {
      e = cl_find(claims_currency, d, i);
      if (e) {
        char w[4];
        cr_claims_field(e, 2, w, sizeof w);
        if (w[0] == 'a')
          e = NULL;
        else
          j = i + 1;
      }
    }
  }
  if (!e || j >= se || !cl_num(d, j) || used(d, j))
    return -1;
  char where[4];
  cr_claims_field(e, 2, where, sizeof where);
  if (where[0] == 'a')
    return -1;
  *norm = e;
  return j;
}

static const char *entry_unit(cl_doc *d, const char *e) {
  char u[64];
  size_t n = cr_claims_field(e, 1, u, sizeof u);
  return cr_arena_strndup(d->a, u, n);
}

/* ---- noun phrases ---------------------------------------------------------*/

static int np_skip_word(const cl_doc *d, long j) {
  return cl_is(d, j, "other") || cl_is(d, j, "more") ||
         cl_is(d, j, "additional") || cl_is(d, j, "extra") ||
         cl_is(d, j, "further") || cl_is(d, j, "such") || cl_is(d, j, "the") ||
         cl_is(d, j, "its") || cl_is(d, j, "their") || cl_is(d, j, "his") ||
         cl_is(d, j, "her") || cl_is(d, j, "our") || cl_is(d, j, "these") ||
         cl_is(d, j, "those") || cl_is(d, j, "all") || cl_is(d, j, "them") ||
         cl_is(d, j, "my") || cl_is(d, j, "your") || cl_is(d, j, "a") ||
         cl_is(d, j, "an");
}

/* An adverb in -ly ("totally"), not one of the nouns in -ly. */
static int adverb_ly(const cl_doc *d, long j) {
  static const char *const nouns[] = {"family", "ally",  "supply",  "assembly",
                                      "rally",  "reply", "anomaly", "monopoly",
                                      "jelly",  "belly", "bully",   "lily",
                                      "folly",  "holly", "melee",   NULL};
  const cl_tok *t = &d->t[j];
  if (t->lowlen < 5 || (t->flags & CL_CAP) ||
      strcmp(t->low + t->lowlen - 2, "ly") || memchr(t->low, '-', t->lowlen))
    return 0; /* "gas-only" is an adjective */
  for (const char *const *n = nouns; *n; n++)
    if (!strcmp(t->low, *n))
      return 0;
  return 1;
}

/* A base form listed as a verb ("sentence", "release", "order") is as
 * often a noun: inside a noun phrase it does not end it. */
static int base_form(const cl_doc *d, long j) {
  const char *e = cl_find(claims_verbs, d, j);
  if (!e)
    return 0;
  const char *l;
  size_t n = cr_table_field(e, 1, &l);
  return n == d->t[j].lowlen && !memcmp(l, d->t[j].low, n);
}

/* The noun phrase right after a number: "political prisoners", "Liverpool
 * fans", "particular demand", "page [document]". Sets [*s, *e) and the head
 * index; returns 0 when there is none. `one`: the count is one. */
static int np_after(const cl_doc *d, long k, long se, int one, int compound,
                    long *s, long *e, long *head) {
  long j = k;
  while (j < se && (cl_is(d, j, "other") || cl_is(d, j, "more") ||
                    cl_is(d, j, "additional") || cl_is(d, j, "extra") ||
                    cl_is(d, j, "further")))
    j++;
  long start = j, h = -1, first_sing = -1;
  int words = 0;
  while (j < se && words < 5) {
    if (!cl_word(d, j) || used(d, j) || (j > k && (d->t[j].flags & CL_NL)))
      break;
    if (cl_glued(d, j) && j > start)
      break;
    if (func_word(d, j))
      break;
    /* "eight estimates", "job cuts": a plural after a number is the
     * noun even when it could be a verb */
    if (!one && cr_claims_is_plural(d, j) && !(d->t[j].flags & CL_CAP)) {
      h = j;
      words++;
      j++;
      break;
    }
    if (cr_claims_is_verb(d, j) && !base_form(d, j)) {
      /* participles before a noun are adjectives: "freed prisoners" */
      if (!(j + 1 < se && cl_word(d, j + 1) && !func_word(d, j + 1) &&
            !cr_claims_is_verb(d, j + 1) && !cl_glued(d, j + 1)))
        break;
      if (cl_in(claims_speech, d, j) || cl_in(claims_verbs, d, j))
        break;
    }
    /* a one-letter word is no noun ("2.5 F"), an adverb ends the phrase */
    if (d->t[j].lowlen == 1 || adverb_ly(d, j))
      break;
    words++;
    h = j;
    if (!one && cr_claims_is_plural(d, j)) {
      j++;
      break;
    }
    if (first_sing < 0)
      first_sing = j;
    j++;
    /* "digital and physical sales", "Kia and Hyundai vehicles" */
    if (j + 1 < se && (cl_is(d, j, "and") || cl_is(d, j, "or")) &&
        cl_word(d, j + 1) && !func_word(d, j + 1) &&
        !cr_claims_is_verb(d, j + 1) && !cr_claims_is_plural(d, j - 1) &&
        j + 2 < se && cl_word(d, j + 2) && !func_word(d, j + 2))
      j++;
  }
  if (h < 0)
    return 0;
  /* "12 page document": a singular noun after a count above one is the
   * unit of a compound */
  if (compound && !one && !cr_claims_is_plural(d, h) && words >= 2 &&
      first_sing == start && !(d->t[start].flags & CL_CAP))
    h = start;
  *s = start;
  *e = h + 1;
  *head = h;
  return 1;
}

/* Normalised name of a noun phrase: content words, lower case, head
 * singular: "Liverpool fans" -> "liverpool fan". */
static const char *np_norm(cl_doc *d, long s, long e, long head) {
  char buf[128];
  size_t n = 0;
  for (long j = s; j < e && j <= head; j++) {
    if (func_word(d, j) || np_skip_word(d, j) || cl_is(d, j, "and") ||
        cl_is(d, j, "or"))
      continue;
    char w[64];
    size_t wl;
    if (j == head)
      wl = cr_claims_singular(d->t[j].low, d->t[j].lowlen, w, sizeof w);
    else {
      wl = d->t[j].lowlen < sizeof w ? d->t[j].lowlen : sizeof w - 1;
      memcpy(w, d->t[j].low, wl);
      w[wl] = '\0';
      if (wl > 2 && w[wl - 2] == '\'' && w[wl - 1] == 's')
        wl -= 2;
    }
    if (n + wl + 2 >= sizeof buf)
      break;
    if (n)
      buf[n++] = ' ';
    memcpy(buf + n, w, wl);
    n += wl;
  }
  return cr_arena_strndup(d->a, buf, n);
}

/* "of [the] global potash exports" after a quantity: the phrase's tokens. */
static int of_phrase(const cl_doc *d, long k, long se, long *s, long *e,
                     long *head) {
  if (!cl_is(d, k, "of"))
    return 0;
  long j = k + 1;
  while (j < se && np_skip_word(d, j))
    j++;
  /* "one of Airbnb's earliest investments": a possessive name first */
  if (j < se && cl_word(d, j) && (d->t[j].flags & CL_CAP) &&
      d->t[j].lowlen > 2 &&
      (!strcmp(d->t[j].low + d->t[j].lowlen - 2, "'s") ||
       d->t[j].low[d->t[j].lowlen - 1] == '\''))
    j++;
  long ps, pe, h;
  if (!np_after(d, j, se, 0, 0, &ps, &pe, &h))
    return 0;
  *s = ps;
  *e = pe;
  *head = h;
  return 1;
}

/* ---- filters
 * ------------------------------------------------------------------*/

static int title_case_sentence(const cl_doc *d, long sb, long se) {
  int words = 0, caps = 0;
  for (long i = sb; i < se; i++) {
    if (!cl_word(d, i) || d->t[i].lowlen <= 3 ||
        (d->t[i].flags & (CL_UPPER | CL_ABBR)))
      continue;
    words++;
    if (d->t[i].flags & CL_CAP)
      caps++;
  }
  return words >= 4 && caps * 10 >= words * 7;
}

/* A label rather than a quantity: "Flight 17", "iPhone 11", "G70",
 * "COVID-19", "No. 5", "(4)", "575 Main Road". Only for bare numbers. */
static int is_label(const cl_doc *d, long i, long e, long sb, long se,
                    int title) {
  long p = i - 1;
  if (p >= sb) {
    const cl_tok *pt = &d->t[p];
    if (pt->kind == CL_WORD && (d->t[i].flags & CL_GLUE))
      return 1; /* "G70", "i4" */
    if (pt->kind == CL_SYM && (d->t[i].flags & CL_GLUE) && pt->low[0] == '#')
      return 1;
    if (is_dash(d, p) && p - 1 >= sb && cl_word(d, p - 1) &&
        ((d->t[p - 1].flags & (CL_CAP | CL_UPPER)) || cl_glued(d, p)) &&
        (cl_glued(d, i)))
      return 1; /* "COVID-19", "F-35", "COVID -19" */
    if (cl_word(d, p) && cl_in(claims_idnouns, d, p))
      return 1;
    if (cl_is(d, p, ".") && p - 1 >= sb && cl_in(claims_idnouns, d, p - 1))
      return 1; /* "No. 5" */
    if (cl_word(d, p) && (pt->flags & (CL_CAP | CL_HASUP)) &&
        !((pt->flags & CL_SSTART) && (pt->flags & CL_CAP)) && !title &&
        !cr_claims_month_at(d, p) &&
        !(pt->lowlen > 2 && !strcmp(pt->low + pt->lowlen - 2, "'s")))
      return 1; /* "Section 427", "Stoxx 600", "S&P 500" */
    if (cl_is(d, p, "(") && cl_is(d, e, ")"))
      return 1; /* a shirt number "(4)" */
  }
  /* an address: the number, capitalised words, a street word */
  if (cl_num(d, i) && !d->t[i].nfrac) {
    int caps = 0;
    for (long j = e; j < se && j < e + 5; j++) {
      int cw = cl_word(d, j) && (d->t[j].flags & CL_CAP);
      if (cw && cl_in(claims_streets, d, j) &&
          (caps > 0 ||
           (j + 1 < se && cl_word(d, j + 1) && (d->t[j + 1].flags & CL_CAP))))
        return 1;
      if (cw)
        caps++;
      else if (!(cl_num(d, j) || (cl_word(d, j) && cl_glued(d, j)) ||
                 cl_is(d, j, ".")))
        break;
    }
    /* leading zeros: codes, not amounts */
    if (d->t[i].nint >= 2 && !d->t[i].nfrac && d->text[d->t[i].off] == '0')
      return 1;
  }
  return 0;
}

/* ---- markers before the number
 * ---------------------------------------------*/

/* The approximation phrase ending at p: its first token, or -1. */
static long approx_before(const cl_doc *d, long p, long sb, char *sym) {
  char buf[64];
  for (long n = 4; n >= 1; n--) {
    long s = p - n + 1;
    if (s < sb)
      continue;
    size_t len = 0;
    int ok = 1;
    for (long j = s; j <= p && ok; j++) {
      if (!cl_word(d, j) && !(cl_is(d, j, ".") && j == p && j > s)) {
        ok = 0;
        break;
      }
      const cl_tok *t = &d->t[j];
      if (j > s && !(t->flags & CL_GLUE)) {
        if (len + 1 >= sizeof buf) {
          ok = 0;
          break;
        }
        buf[len++] = ' ';
      }
      if (len + t->lowlen >= sizeof buf) {
        ok = 0;
        break;
      }
      memcpy(buf + len, t->low, t->lowlen);
      len += t->lowlen;
    }
    if (!ok)
      continue;
    const char *e = cr_table_find(&cr_tab_claims_approx, buf, len);
    if (e) {
      char m[4];
      cr_claims_field(e, 1, m, sizeof m);
      *sym = m[0];
      return s;
    }
  }
  return -1;
}

/* Change before position p: "rose [by] ", "up ". Returns first token or -1;
 * *adverb: the marker was an adverb ("up"). */
static long change_before(const cl_doc *d, long p, long sb, int *dir,
                          int *adverb) {
  long j = p;
  if (j >= sb && cl_is(d, j, "by"))
    j--;
  for (long n = 2; n >= 1; n--) {
    long s = j - n + 1;
    if (s < sb || !cl_word(d, s) || !cl_word(d, j))
      continue;
    char buf[48];
    int len = n == 2
                  ? snprintf(buf, sizeof buf, "%s %s", d->t[s].low, d->t[j].low)
                  : snprintf(buf, sizeof buf, "%s", d->t[j].low);
    if (len <= 0 || (size_t)len >= sizeof buf)
      continue;
    const char *e = cr_table_find(&cr_tab_claims_change, buf, (size_t)len);
    if (!e)
      continue;
    char dr[8], part[4];
    cr_claims_field(e, 1, dr, sizeof dr);
    cr_claims_field(e, 2, part, sizeof part);
    /* an adverb only right before the number ("up 5%"), never through
     * "by" */
    if (part[0] == 'a' && j != p)
      continue;
    *dir = dr[0] == 'u' ? 1 : -1;
    *adverb = part[0] == 'a';
    return s;
  }
  return -1;
}

/* ---- recording
 * -------------------------------------------------------------*/

static int add_q(cl_doc *d, const cr_quantity *q) {
  if (d->nq == d->qcap) {
    size_t ncap = d->qcap ? d->qcap * 2 : 16;
    cr_quantity *n =
        cr_arena_realloc(d->a, d->q, d->qcap * sizeof *n, ncap * sizeof *n);
    if (!n)
      return -1;
    d->q = n;
    d->qcap = ncap;
  }
  d->q[d->nq++] = *q;
  return 0;
}

static cr_span span_or_empty(const cl_doc *d, long s, long e) {
  cr_span z = {0, 0};
  return s >= 0 && e >= s ? cl_span(d, s, e) : z;
}

/* Subject and predicate of a quantity in its sentence. */
static void subject_predicate(cl_doc *d, long sb, long se, const qx *x,
                              cr_quantity *q) {
  long v = -1;
  for (long j = x->s - 1; j >= sb && j >= x->s - 10; j--) {
    const cl_tok *t = &d->t[j];
    if (j + 1 <= x->s && (d->t[j + 1].flags & CL_NL))
      break;
    if (t->kind == CL_PUNCT && strchr(",;:()", t->low[0]) && t->lowlen == 1)
      break;
    if (t->kind == CL_QUOTE || t->kind == CL_NUM)
      break;
    /* "... were jailed and thousands fled": a new clause */
    if (cl_is(d, j, "and") || cl_is(d, j, "or") || cl_is(d, j, "but"))
      break;
    /* "the release of": a listed base form after a determiner is a noun */
    if (cr_claims_is_verb(d, j) && !used(d, j) &&
        !(base_form(d, j) && j - 1 >= sb &&
          (cl_is(d, j - 1, "the") || cl_is(d, j - 1, "a") ||
           cl_is(d, j - 1, "an") || cl_is(d, j - 1, "its") ||
           cl_is(d, j - 1, "his") || cl_is(d, j - 1, "her") ||
           cl_is(d, j - 1, "their")))) {
      v = j;
      break;
    }
  }
  if (v < 0) {
    /* "The region supplies 20%": a present-tense verb the lists miss,
     * right before the number (or its preposition), after a noun */
    long j = x->s - 1;
    while (j > sb && func_word(d, j) && !cl_is(d, j, "the") &&
           !cl_is(d, j, "a") && j > x->s - 3)
      j--;
    const cl_tok *t = j >= sb ? &d->t[j] : NULL;
    if (t && t->kind == CL_WORD && !(t->flags & CL_CAP) && t->lowlen >= 4 &&
        t->low[t->lowlen - 1] == 's' && t->low[t->lowlen - 2] != 's' &&
        !func_word(d, j) && j - 1 >= sb && cl_word(d, j - 1) &&
        !func_word(d, j - 1) && !cr_claims_is_verb(d, j - 1))
      v = j;
  }
  long vs = v, ve = v;
  if (v >= 0) {
    /* "sentenced to", "accounted for": prepositions up to the number */
    long k = v + 1;
    while (k < x->s && func_word(d, k) && !cl_is(d, k, "the") &&
           !cl_is(d, k, "a") && !cl_is(d, k, "an") && !cl_is(d, k, "and") &&
           !cl_is(d, k, "or") && !cl_is(d, k, "but"))
      k++;
    if (k == x->s && k - 1 > v)
      ve = k - 1;
  } else {
    /* no verb before: the quantity is the subject ("More than a thousand
     * prisoners remain ..."); take the first verb after it */
    for (long j = x->e + 1; j < se && j <= x->e + 8; j++) {
      const cl_tok *t = &d->t[j];
      if (t->kind == CL_PUNCT && strchr(",;:()", t->low[0]) && t->lowlen == 1)
        break;
      if (t->kind == CL_QUOTE || t->kind == CL_NUM)
        break;
      if (cr_claims_is_verb(d, j)) {
        vs = ve = j;
        break;
      }
    }
  }
  if (vs >= 0) {
    q->predicate = cl_span(d, vs, ve);
    const char *lemma = NULL;
    const char *e = cl_find(claims_verbs, d, vs);
    char lb[48];
    if (e && cr_claims_field(e, 1, lb, sizeof lb) && lb[0] != '-')
      lemma = lb;
    if (!lemma) {
      e = cl_find(claims_speech, d, vs);
      if (e && cr_claims_field(e, 1, lb, sizeof lb))
        lemma = lb;
    }
    q->pred_key = lemma ? cr_claims_stem(d, lemma, strlen(lemma))
                        : cr_claims_stem(d, d->t[vs].low, d->t[vs].lowlen);
  }
  long ss = x->subj_s, se2 = x->subj_e;
  if (ss < 0 && v >= 0) {
    /* walk back over auxiliaries and adverbs, then take the noun phrase */
    long j = v - 1;
    while (j >= sb && cl_word(d, j) &&
           (cr_claims_is_verb(d, j) ||
            (d->t[j].lowlen > 3 &&
             !strcmp(d->t[j].low + d->t[j].lowlen - 2, "ly")) ||
            cl_is(d, j, "not") || cl_is(d, j, "also") || cl_is(d, j, "has") ||
            cl_is(d, j, "have") || cl_is(d, j, "had") || cl_is(d, j, "was") ||
            cl_is(d, j, "were") || cl_is(d, j, "is") || cl_is(d, j, "are") ||
            cl_is(d, j, "will") || cl_is(d, j, "would") || cl_is(d, j, "be") ||
            cl_is(d, j, "been") || cl_is(d, j, "which") || cl_is(d, j, "who") ||
            cl_is(d, j, "that")))
      j--;
    long e2 = j;
    while (j >= sb && j > e2 - 8 &&
           ((cl_word(d, j) && !func_word(d, j) && !cr_claims_is_verb(d, j)) ||
            (d->t[j].flags & CL_QTY)) &&
           !(d->t[j].flags & CL_INQ)) {
      if (d->t[j].flags & CL_NL) {
        j--;
        break;
      }
      j--;
    }
    /* a quantity at the phrase's start belongs to it: "the 69-year-old
     * leader"; a stray number does not */
    while (j + 1 <= e2 && !cl_word(d, j + 1))
      j++;
    if (e2 >= sb && j < e2) {
      ss = j + 1;
      se2 = e2;
    }
  }
  if (ss >= 0 && se2 >= ss) {
    q->subject = cl_span(d, ss, se2);
    const cl_tok *t = &d->t[se2];
    size_t l = t->lowlen;
    if (l > 2 && !strcmp(t->low + l - 2, "'s"))
      l -= 2;
    q->subject_key = cr_arena_strndup(d->a, t->low, l);
  }
  if (!q->subject_key)
    q->subject_key = "";
  if (!q->pred_key)
    q->pred_key = "";
}

/* ---- the reader
 * ---------------------------------------------------------------*/

/* Apply a scale word or suffix at k (glued or spaced). Returns tokens used. */
static int scale_at(cl_doc *d, long k, long se, int glued_only, int money,
                    double *mult) {
  if (k >= se || !cl_word(d, k) || used(d, k))
    return 0;
  const cl_tok *t = &d->t[k];
  int glued = (t->flags & CL_GLUE) != 0;
  if (glued_only && !glued)
    return 0;
  const char *e = cr_table_find(&cr_tab_claims_scale, d->text + t->off, t->len);
  if (!e && t->lowlen >= 4)
    e = cl_find(claims_scale, d, k);
  if (!e)
    return 0;
  char w[4];
  cr_claims_field(e, 2, w, sizeof w);
  if (w[0] == 'g' && !glued)
    return 0;
  if (w[0] == 's' && glued)
    return 0;
  /* a spaced upper-case "B" only before a word ("8 B people") */
  if (!glued && t->len == 1 && !(k + 1 < se && cl_word(d, k + 1)))
    return 0;
  /* "35m": a million before "of", a plural or a unit, or with money;
   * otherwise metres */
  if (t->len == 1 && t->low[0] == 'm' && d->text[t->off] == 'm' && !money) {
    long n = k + 1;
    const char *ue;
    if (!(n < se && (cl_is(d, n, "of") || cr_claims_is_plural(d, n) ||
                     (cl_word(d, n) && unit_at(d, n, se, 0, &ue)))))
      return 0;
  }
  *mult = cr_claims_field_num(e, 1);
  return 1;
}

typedef struct numread {
  numx n;
  long after;      /* first token after number, scale and glued unit */
  const char *cur; /* currency unit name (arena) */
  long cur_s;      /* first token of a currency prefix, -1 */
  unitx u;         /* unit, if any */
  int have_unit;
  int reject; /* not a quantity: skip these tokens */
  int age;
  long hyph;       /* "million-year-old": the word, -1 none */
  size_t hyph_off; /* where its unit part starts in the folded word */
} numread;

/* Read one number with its currency, scale and unit at i. */
static int read_number(cl_doc *d, long i, long sb, long se, numread *r) {
  memset(r, 0, sizeof *r);
  r->cur_s = -1;
  r->hyph = -1;
  r->u.s = r->u.e = -1;
  long p = i;
  const char *ce = NULL;
  long cj = currency_before(d, i, se, &ce);
  if (cj >= 0) {
    r->cur_s = i;
    r->cur = entry_unit(d, ce);
    p = cj;
  }
  if (!parse_core(d, p, se, &r->n)) {
    /* "eleven-week", "two-year": a spelled number joined to a unit */
    const cl_tok *t = &d->t[p];
    const char *h = t->kind == CL_WORD ? memchr(t->low, '-', t->lowlen) : NULL;
    char ty;
    double v;
    if (!h || used(d, p) || !numword(t->low, (size_t)(h - t->low), &ty, &v) ||
        !(ty == 'n' || ty == 't') ||
        !cr_table_find(&cr_tab_claims_units, h + 1,
                       t->lowlen - (size_t)(h - t->low) - 1))
      return 0;
    memset(&r->n, 0, sizeof r->n);
    r->n.s = p;
    r->n.e = p + 1;
    r->n.v = r->n.hi = v;
    r->n.words = 1;
    r->n.mult = 1;
    r->hyph = p;
    r->hyph_off = (size_t)(h - t->low) + 1;
    r->after = p + 1;
    return 1;
  }
  long k = r->n.e;
  double mult = 0;
  /* glued suffixes of a digit number */
  if (!r->n.words && k < se && cl_glued(d, k) && cl_word(d, k) && !used(d, k)) {
    const char *s = tl(d, k);
    if (!strcmp(s, "st") || !strcmp(s, "nd") || !strcmp(s, "rd") ||
        !strcmp(s, "th") || !strcmp(s, "s") || !strcmp(s, "'s")) {
      r->reject = 1;
      r->after = k + 1;
      return 1;
    }
    if (scale_at(d, k, se, 1, r->cur != NULL, &mult)) {
      r->n.v *= mult;
      r->n.hi *= mult;
      r->n.scaled = 1;
      r->n.mult = mult;
      k++;
    }
  }
  /* spaced scale words: "20 million", "4 hundred", "8 B" */
  if (!r->n.scaled && !r->n.frac && !r->n.vague && k < se && !cl_glued(d, k) &&
      scale_at(d, k, se, 0, r->cur != NULL, &mult)) {
    r->n.v *= mult;
    r->n.hi *= mult;
    r->n.scaled = 1;
    r->n.mult = mult;
    k++;
  } else if (!r->n.scaled && !r->n.frac && !r->n.vague && k < se &&
             !cl_glued(d, k) && cl_word(d, k) && !used(d, k)) {
    /* "400 million-year-old", "a billion-dollar" */
    const char *w = tl(d, k), *h = strchr(w, '-');
    const char *e =
        h ? cr_table_find(&cr_tab_claims_scale, w, (size_t)(h - w)) : NULL;
    char wh[4];
    if (e && cr_claims_field(e, 2, wh, sizeof wh) && wh[0] != 'g') {
      mult = cr_claims_field_num(e, 1);
      r->n.v *= mult;
      r->n.hi *= mult;
      r->n.scaled = 1;
      r->n.mult = mult;
      r->hyph = k;
      r->hyph_off = (size_t)(h - w) + 1;
      k++;
    }
  }
  r->after = k;
  return 1;
}

/* The unit after a number at k; fills r->u. Returns 1 when found. */
static int read_unit(cl_doc *d, long k, long se, numread *r) {
  const char *e;
  if (r->hyph >= 0) {
    /* the rest of "million-year-old" / "billion-dollar" */
    const char *rest = tl(d, r->hyph) + r->hyph_off;
    size_t rl = strlen(rest);
    r->u.s = r->hyph;
    r->u.e = r->hyph + 1;
    if ((e = cr_table_find(&cr_tab_claims_units, rest, rl))) {
      r->u.norm = entry_unit(d, e);
      cr_claims_field(e, 2, r->u.kind, sizeof r->u.kind);
      return 1;
    }
    if ((e = cr_table_find(&cr_tab_claims_currency, rest, rl))) {
      r->cur = entry_unit(d, e);
      r->u.norm = r->cur;
      strcpy(r->u.kind, "cur");
      return 1;
    }
    char w[64];
    size_t wl = cr_claims_singular(rest, rl, w, sizeof w);
    r->u.norm = cr_arena_strndup(d->a, w, wl);
    strcpy(r->u.kind, "np");
    return 1;
  }
  if (k >= se || used(d, k))
    return 0;
  /* compound adjective: "69-year-old", "6.1-inch", "10-year", "12-page" */
  if (!r->n.words && is_dash(d, k) && cl_glued(d, k) && k + 1 < se &&
      cl_word(d, k + 1) && cl_glued(d, k + 1)) {
    int n = unit_at(d, k + 1, se, 1, &e);
    r->u.s = k + 1;
    if (n) {
      r->u.e = k + 1 + n;
      r->u.norm = entry_unit(d, e);
      cr_claims_field(e, 2, r->u.kind, sizeof r->u.kind);
    } else {
      char w[64];
      size_t wl =
          cr_claims_singular(tl(d, k + 1), d->t[k + 1].lowlen, w, sizeof w);
      r->u.e = k + 2;
      r->u.norm = cr_arena_strndup(d->a, w, wl);
      strcpy(r->u.kind, "np");
    }
    return 1;
  }
  if (r->cur)
    return 0; /* "an $800 stone oven": the money is the unit */
  if (cl_is(d, k, "%")) {
    r->u.s = k;
    r->u.e = k + 1;
    r->u.norm = "percent";
    strcpy(r->u.kind, "pct");
    return 1;
  }
  const char *cn = NULL;
  int cnum = r->cur ? 0 : currency_after(d, k, se, &cn);
  if (cnum) {
    long ce = k + cnum;
    const char *w = tl(d, ce - 1);
    /* "208 pounds" is a weight unless money is at stake */
    if ((!strcmp(w, "pounds") || !strcmp(w, "pound")) && !r->n.scaled &&
        cnum == 1) {
      r->u.s = k;
      r->u.e = ce;
      r->u.norm = "pound";
      strcpy(r->u.kind, "mass");
      return 1;
    }
    r->cur = cn;
    r->cur_s = -1;
    r->u.s = k;
    r->u.e = ce;
    r->u.norm = cn;
    strcpy(r->u.kind, "cur");
    return 1;
  }
  int n = unit_at(d, k, se, cl_glued(d, k), &e);
  if (n) {
    r->u.s = k;
    r->u.e = k + n;
    r->u.norm = entry_unit(d, e);
    cr_claims_field(e, 2, r->u.kind, sizeof r->u.kind);
    return 1;
  }
  return 0;
}

/* "per day", "a month", "/h", "a-year" after a unit: extends it. */
static void read_per(cl_doc *d, long se, numread *r, const char *base,
                     int time_only) {
  long k = r->u.e >= 0 ? r->u.e : r->after;
  if (k >= se || used(d, k))
    return;
  long w = -1;
  if ((cl_is(d, k, "per") || cl_is(d, k, "a") || cl_is(d, k, "an") ||
       cl_is(d, k, "every") || cl_is(d, k, "/")) &&
      k + 1 < se)
    w = k + 1;
  const char *e = NULL;
  int n = 0;
  char norm[64];
  if (w >= 0) {
    if (cl_is(d, w, "square") || cl_is(d, w, "cubic")) {
      n = unit_at(d, w, se, 1, &e);
    } else if (cl_word(d, w)) {
      e = cl_find(claims_units, d, w);
      if (!e)
        e = cr_table_find(&cr_tab_claims_units, d->text + d->t[w].off,
                          d->t[w].len);
      n = e ? 1 : 0;
    }
    if (n && e) {
      char kind[8];
      cr_claims_field(e, 2, kind, sizeof kind);
      /* after a counted noun only time rates ("tests per day") */
      if (time_only && strcmp(kind, "time"))
        n = 0;
    }
  } else if (cl_word(d, k) && d->t[k].lowlen > 2 &&
             (!strncmp(tl(d, k), "a-", 2) || !strncmp(tl(d, k), "an-", 3))) {
    const char *h = strchr(tl(d, k), '-') + 1;
    e = cr_table_find(&cr_tab_claims_units, h, strlen(h));
    n = e ? 1 : 0;
    w = k;
  }
  if (!n || !e)
    return;
  cr_claims_field(e, 1, norm, sizeof norm);
  char buf[128];
  int len = snprintf(buf, sizeof buf, "%s per %s", base, norm);
  if (len <= 0 || (size_t)len >= sizeof buf)
    return;
  r->u.norm = cr_arena_strndup(d->a, buf, (size_t)len);
  if (r->u.s < 0)
    r->u.s = k;
  r->u.e = w + n;
}

static int same_unit(const numread *a, const numread *b) {
  const char *x = a->cur ? a->cur : a->u.norm;
  const char *y = b->cur ? b->cur : b->u.norm;
  if (!x || !y)
    return 0;
  return strcmp(x, y) == 0;
}

static int has_unit(const numread *r) { return r->cur || r->u.norm; }

/* Read the second number of a range at k ("to 10", "- 10", "and $10").
 * Returns 1 with *r2 filled. */
static int read_second(cl_doc *d, long k, long sb, long se, numread *r2) {
  long j = k;
  char sym;
  /* "to about 10" */
  long a = -1;
  for (long n = 1; n <= 3 && j + n < se; n++)
    if (approx_before(d, j + n - 1, j, &sym) == j) {
      a = j + n;
      break;
    }
  if (a >= 0)
    j = a;
  if (j >= se || !read_number(d, j, sb, se, r2) || r2->reject || r2->n.frac ||
      r2->n.vague)
    return 0;
  if (!read_unit(d, r2->after, se, r2))
    r2->u.s = r2->u.e = -1;
  if (r2->cur || (r2->u.norm && strcmp(r2->u.kind, "np")))
    read_per(d, se, r2, r2->cur && !r2->u.norm ? r2->cur : r2->u.norm, 0);
  return 1;
}

static int finish_quantity(cl_doc *d, long sb, long se, qx *x, numread *r,
                           int title);

/* Try a quantity starting at i; returns the token to continue from (> i),
 * or 0 when nothing starts here. */
/* Can a quantity start at i? A cheap test before the full reading: a
 * number, or a sign, currency or word right before one, or a number word. */
static int may_start(const cl_doc *d, long i, long se) {
  const cl_tok *t = &d->t[i];
  if (t->kind == CL_NUM)
    return 1;
  int num_near = (i + 1 < se && d->t[i + 1].kind == CL_NUM) ||
                 (i + 2 < se && d->t[i + 2].kind == CL_NUM);
  if (t->kind == CL_SYM || t->kind == CL_PUNCT)
    return num_near;
  if (t->kind != CL_WORD)
    return 0;
  if (num_near)
    return 1;
  if (t->lowlen <= 2)
    return (t->low[0] == 'a' && (t->lowlen == 1 || t->low[1] == 'n'));
  if (cl_in(claims_numwords, d, i))
    return 1;
  /* "twenty-three", "two-thirds", "minus" */
  const char *h = memchr(t->low, '-', t->lowlen);
  if (h && cr_table_find(&cr_tab_claims_numwords, t->low, (size_t)(h - t->low)))
    return 1;
  return !strcmp(t->low, "tens");
}

static long read_quantity(cl_doc *d, long sb, long se, long i, int title) {
  const cl_tok *t = &d->t[i];
  if (used(d, i) || t->kind == CL_URL || t->kind == CL_QUOTE)
    return 0;
  if (!may_start(d, i, se))
    return 0;
  qx x;
  memset(&x, 0, sizeof x);
  x.approx = '=';
  x.os = x.oe = -1;
  x.subj_s = x.subj_e = -1;
  long start = i;
  int sign = 0;
  /* signs: "-1.3%", "+0.2%", "minus 387" */
  if ((is_minus(d, i) || cl_is(d, i, "+")) && !cl_glued(d, i) && i + 1 < se &&
      cl_num(d, i + 1) && cl_glued(d, i + 1)) {
    sign = cl_is(d, i, "+") ? 1 : -1;
    i++;
  } else if (cl_is(d, i, "minus") && i + 1 < se) {
    long j = i + 1;
    if (is_minus(d, j) && cl_glued(d, j))
      j++;
    if (cl_num(d, j)) {
      sign = -2;
      i = j;
    }
  }
  numread r;
  if (!read_number(d, i, sb, se, &r))
    return 0;
  if (r.reject)
    return r.after;
  /* glued to a word before: "G70", "PS2.7m", "COVID-19", "F-35" (but
   * "sub-500", "minus-130") */
  long ns0 = r.n.s;
  if (r.cur_s < 0 && !r.n.words && ns0 - 1 >= sb && cl_glued(d, ns0)) {
    long p = ns0 - 1;
    if (cl_word(d, p) && !cl_is(d, p, "minus"))
      return r.after;
    if (is_dash(d, p) && cl_glued(d, p) && p - 1 >= sb && cl_word(d, p - 1) &&
        !cl_is(d, p - 1, "sub") && !cl_is(d, p - 1, "minus") &&
        !cl_is(d, p - 1, "under") && !cl_is(d, p - 1, "over"))
      return r.after;
  }
  /* "one" alone is a pronoun unless a noun or "of" follows; and not after
   * "the", "this", "each", "no" ... */
  if (r.n.one) {
    long p = i - 1;
    if (p >= sb &&
        (cl_is(d, p, "the") || cl_is(d, p, "this") || cl_is(d, p, "that") ||
         cl_is(d, p, "each") || cl_is(d, p, "every") || cl_is(d, p, "any") ||
         cl_is(d, p, "no") || cl_is(d, p, "which") || cl_is(d, p, "another") ||
         cl_is(d, p, "same") || cl_is(d, p, "last") || cl_is(d, p, "only")))
      return r.after;
    if (cl_is(d, r.after, "another") || cl_is(d, r.after, "or"))
      return r.after;
  }
  x.ns = r.n.s;
  x.ne = r.n.e - 1;
  x.after = r.after;
  x.v = r.n.v;
  x.hi = r.n.hi;
  x.range = r.n.range;
  if (sign == -1 || sign == -2) {
    x.v = -x.v;
    x.hi = -x.hi;
  }
  if (sign == 1 || sign == -1)
    x.change = sign;
  if (sign)
    start = start < r.n.s ? start : r.n.s;
  if (r.cur_s >= 0)
    start = r.cur_s < start ? r.cur_s : start;
  (void)read_unit(d, r.after, se, &r);
  if (r.u.norm && !strcmp(r.u.kind, "age"))
    r.age = 1;
  /* letters glued after the digits that are no unit: "9AB", "49ers" */
  if (!r.n.words && !r.cur && !r.u.norm && r.after < se &&
      cl_glued(d, r.after) && cl_word(d, r.after))
    return r.after + 1;
  /* "COVID -19": a sign after a name is a label's dash */
  if ((sign == 1 || sign == -1) && !r.cur && !r.u.norm && start - 1 >= sb &&
      cl_word(d, start - 1) && (d->t[start - 1].flags & (CL_CAP | CL_HASUP)))
    return r.after;
  if (r.cur || (r.u.norm && strcmp(r.u.kind, "np")))
    read_per(d, se, &r,
             r.cur && !r.u.norm ? r.cur
             : r.u.norm         ? r.u.norm
                                : "",
             0);
  long end = r.u.e > 0 ? r.u.e : r.after; /* exclusive */

  /* ranges: "5-10", "5 to 10", "between 5 and 10", "eight or nine",
   * "$7/$9", "from 20 mpg in 2008 to 29 mpg" */
  int from = 0, between = 0;
  for (long j = start - 1; j >= sb && j >= start - 3; j--) {
    if (cl_is(d, j, "from"))
      from = 1;
    if (cl_is(d, j, "between"))
      between = 1;
    if (!cl_word(d, j))
      break;
  }
  if (!x.range && !r.n.frac && !r.n.vague && !r.age) {
    long k = end;
    int conn = 0;
    if (k < se && !used(d, k)) {
      if ((is_dash(d, k) || cl_is(d, k, "/")) && k + 1 < se &&
          (cl_glued(d, k) == cl_glued(d, k + 1)))
        conn = 1;
      else if (cl_is(d, k, "to") && !r.age)
        conn = 2;
      else if (cl_is(d, k, "and") && between)
        conn = 3;
      else if (cl_is(d, k, "or") && r.n.words)
        conn = 4;
    }
    /* a gap after "from ... X": "from $36,040 at 10.45pm last night to" */
    if (!conn && from) {
      for (long j = k; j < se && j < k + 8; j++) {
        const cl_tok *g = &d->t[j];
        if (g->kind == CL_PUNCT || g->kind == CL_QUOTE)
          break;
        if (g->kind == CL_NUM && !used(d, j))
          break;
        if (cl_is(d, j, "to")) {
          k = j;
          conn = 2;
          break;
        }
      }
    }
    numread r2;
    if (conn && read_second(d, k + 1, sb, se, &r2) &&
        !(conn == 4 && !r2.n.words)) {
      int ok = 1;
      int dash = conn == 1;
      if (dash && !r.n.words && !r2.n.words) {
        /* "2-1" scores, "555-1234" phone numbers, "3888-2" labels */
        if (!(r2.n.v > r.n.v) && !has_unit(&r) && !has_unit(&r2))
          ok = 0;
        if (cl_glued(d, k) && d->t[r.n.s].nint == 3 && d->t[r2.n.s].nint == 4 &&
            !d->t[r.n.s].comma && !d->t[r2.n.s].comma)
          ok = 0;
        if (r2.after < se && is_dash(d, r2.after) && cl_glued(d, r2.after) &&
            cl_num(d, r2.after + 1))
          ok = 0;
        if (!ok)
          return r2.after > i ? r2.after : i + 1;
      }
      if (has_unit(&r) && has_unit(&r2) && !same_unit(&r, &r2))
        ok = 0;
      if (has_unit(&r) && !has_unit(&r2) && !from && !between && !dash)
        ok = 0;
      if (r.cur && r2.cur && strcmp(r.cur, r2.cur))
        ok = 0;
      if (ok) {
        /* "$10 to $15 billion", "four to five thousand": the second's
         * multiplier applies to the first when the first is not larger
         * than the second's plain number */
        double lo = x.v;
        if (r2.n.mult > 1 && r.n.mult <= 1 && !r.n.scaled &&
            fabs(r.n.v) <= fabs(r2.n.v) / r2.n.mult)
          lo = lo * r2.n.mult;
        x.v = lo;
        x.hi = r2.n.v;
        x.range = 1;
        x.ne = r2.n.e - 1;
        x.after = r2.after;
        if (r2.u.norm && strstr(r2.u.norm, " per ") &&
            !(r.u.norm && strstr(r.u.norm, " per ")))
          r.u = r2.u;
        if (!has_unit(&r)) {
          r.cur = r2.cur;
          r.u = r2.u;
          if (r2.u.norm && strcmp(r2.u.kind, "np"))
            read_per(d, se, &r, r.cur && !r.u.norm ? r.cur : r.u.norm, 0);
        }
        end = r2.after;
        if (r2.u.e > end)
          end = r2.u.e;
        if (r.u.e > end)
          end = r.u.e;
        /* the whole range span starts at "from"/"between" */
        for (long j = start - 1; j >= sb && j >= start - 3; j--)
          if (cl_is(d, j, "from") || cl_is(d, j, "between")) {
            start = j;
            break;
          }
        x.s = start;
        x.e = end - 1;
        if (finish_quantity(d, sb, se, &x, &r, title))
          return -1;
        /* "from $160 to $180 to $200": the end starts the next range */
        if (conn == 2 && end < se && cl_is(d, end, "to")) {
          long nx = r2.cur_s >= 0 ? r2.cur_s : r2.n.s;
          if (nx > i)
            return nx;
        }
        return end;
      }
    }
  }
  x.s = start;
  x.e = end - 1;
  if (finish_quantity(d, sb, se, &x, &r, title))
    return -1;
  return end > i ? end : i + 1;
}

/* Markers, filters, unit or counted noun, then record. Returns -1 on
 * memory failure, 0 otherwise (also when the number is dropped). */
static int finish_quantity(cl_doc *d, long sb, long se, qx *x, numread *r,
                           int title) {
  long ns = x->ns;
  int bare = !r->cur && !r->u.norm && !x->change;
  /* approximation and change markers before the expression */
  long p = x->s - 1;
  char sym = 0;
  long as = p >= sb ? approx_before(d, p, sb, &sym) : -1;
  if (as >= 0) {
    if (sym != '=')
      x->approx = sym;
    x->s = as;
    p = as - 1;
    /* "just over", then "up about" */
    long as2 = p >= sb ? approx_before(d, p, sb, &sym) : -1;
    if (as2 >= 0 && x->approx == '=' && sym != '=') {
      x->approx = sym;
      x->s = as2;
      p = as2 - 1;
    }
  }
  /* "sub-500" */
  if (p >= sb + 1 && is_dash(d, p) && cl_is(d, p - 1, "sub") &&
      cl_glued(d, ns)) {
    x->approx = '<';
    x->s = p - 1;
    p = p - 2;
  }
  if (p >= sb && !x->change) {
    int dir = 0, adv = 0;
    long cs = change_before(d, p, sb, &dir, &adv);
    if (cs >= 0 && !(adv && x->approx != '='))
      x->change = dir;
  }
  if (bare && as < 0 && !x->range) {
    if (is_label(d, ns, x->ne + 1, sb, se, title))
      return 0;
  }
  if (!r->cur && !x->range && as < 0 && cl_num(d, ns) && r->n.words == 0 &&
      (ns - 1 < sb || !cl_word(d, ns - 1) || !cl_glued(d, ns)) && !r->u.norm) {
    /* leading zeros, long codes */
    if (d->t[ns].nint >= 2 && d->text[d->t[ns].off] == '0' && !d->t[ns].nfrac)
      return 0;
  }
  /* ages: "Name, 71,", "aged 69", "the age of 21" */
  int age = r->age;
  if (!age && !r->cur && !x->range && cl_num(d, ns) && !d->t[ns].nfrac &&
      x->v >= 1 && x->v <= 120 && (!r->u.norm || !strcmp(r->u.kind, "time"))) {
    long q = x->s - 1;
    if (q >= sb && (cl_is(d, q, "aged") || cl_is(d, q, "age") ||
                    (cl_is(d, q, "of") && cl_is(d, q - 1, "age")))) {
      age = 1;
    } else if (!r->u.norm && q - 1 >= sb && cl_is(d, q, ",") &&
               cl_word(d, q - 1) && (d->t[q - 1].flags & CL_CAP) &&
               x->ne + 1 < se &&
               (cl_is(d, x->ne + 1, ",") || cl_is(d, x->ne + 1, ")"))) {
      age = 2;
      long j = q - 1;
      while (j - 1 >= sb && cl_word(d, j - 1) && (d->t[j - 1].flags & CL_CAP))
        j--;
      x->subj_s = j;
      x->subj_e = q - 1;
    }
  }
  cr_quantity q;
  memset(&q, 0, sizeof q);
  /* "dozens of": more than a dozen */
  if (r->n.vague && !x->range && x->approx == '=')
    x->approx = '>';
  q.value = x->v;
  q.high = x->range ? x->hi : x->v;
  q.range = (uint8_t)x->range;
  q.approx = x->approx;
  q.change = (int8_t)x->change;
  q.sent = d->t[ns].sent;
  q.unit = "";
  q.key = "";
  long us = -1, ue = -1, head = -1;
  if (r->cur) {
    q.kind = CR_Q_MONEY;
    q.unit = r->u.norm && strcmp(r->u.kind, "cur") ? r->u.norm : r->cur;
    if (r->u.norm && !strcmp(r->u.kind, "cur"))
      q.unit = r->u.norm;
    if (r->u.s >= 0 && r->u.e > r->u.s) {
      us = r->u.s;
      ue = r->u.e - 1;
    }
    q.key = cr_claims_stem(d, r->cur, strlen(r->cur));
  } else if (age || (r->u.norm && !strcmp(r->u.kind, "age"))) {
    q.kind = CR_Q_AGE;
    q.unit = r->u.norm && strcmp(r->u.kind, "np") ? r->u.norm : "year";
    if (r->u.norm && !strcmp(r->u.kind, "time"))
      q.unit = r->u.norm;
    if (r->u.s >= 0) {
      us = r->u.s;
      ue = r->u.e - 1;
    }
    q.key = "age";
    /* "the 69-year-old leader": the noun after is who */
    long s, e, h;
    long k = r->u.e > 0 ? r->u.e : x->after;
    if (x->subj_s < 0 && k < se && np_after(d, k, se, 1, 0, &s, &e, &h)) {
      x->subj_s = s;
      x->subj_e = h;
      x->e = h > x->e ? h : x->e;
    }
  } else if (r->u.norm && strcmp(r->u.kind, "np")) {
    const char *k = r->u.kind;
    q.kind = !strcmp(k, "pct")    ? CR_Q_PERCENT
             : !strcmp(k, "time") ? CR_Q_DURATION
                                  : CR_Q_MEASURE;
    q.unit = r->u.norm;
    us = r->u.s;
    ue = r->u.e - 1;
    q.key = cr_claims_stem(d, q.unit, strcspn(q.unit, " "));
  } else {
    /* a counted noun: "123 prisoners", "one of the students", "thousands
     * of detainees", "a 12-page document" */
    long s, e, h;
    long k = r->u.e > 0 ? r->u.e : x->after;
    if (r->u.norm) { /* compound "12-page" */
      q.unit = r->u.norm;
      us = r->u.s;
      ue = r->u.e - 1;
      head = ue;
    } else if (of_phrase(d, k, se, &s, &e, &h)) {
      us = s;
      ue = e - 1;
      head = h;
      q.unit = np_norm(d, s, e, h);
      x->os = s;
      x->oe = e - 1;
    } else if (!r->n.frac && np_after(d, k, se, r->n.one, 1, &s, &e, &h)) {
      us = s;
      ue = e - 1;
      head = h;
      q.unit = np_norm(d, s, e, h);
    } else if (r->n.one) {
      return 0;
    }
    if (us >= 0) {
      q.kind = CR_Q_COUNT;
      if (head >= 0) {
        char w[64];
        size_t wl =
            cr_claims_singular(d->t[head].low, d->t[head].lowlen, w, sizeof w);
        q.key = cr_claims_stem(d, w, wl);
      }
    } else {
      /* "the top three", "all five": a spelled-out number with nothing
       * counted refers back, it does not state a quantity */
      if (r->n.words && r->n.mult <= 1 && as < 0 && !x->range &&
          !(cl_is(d, x->after, "of") &&
            (cl_is(d, x->after + 1, "those") ||
             cl_is(d, x->after + 1, "them") ||
             cl_is(d, x->after + 1, "these") || cl_is(d, x->after + 1, "the") ||
             cl_is(d, x->after + 1, "us"))))
        return 0;
      q.kind = CR_Q_NUMBER;
    }
  }
  /* "3,000 tests per day" */
  if (q.kind == CR_Q_COUNT && ue >= us && us >= 0) {
    numread tmp = *r;
    tmp.u.s = us;
    tmp.u.e = ue + 1;
    tmp.u.norm = q.unit;
    read_per(d, se, &tmp, q.unit, 1);
    if (tmp.u.norm != q.unit) {
      q.unit = tmp.u.norm;
      ue = tmp.u.e - 1;
    }
  }
  if (us >= 0 && ue >= us) {
    q.unit_span = cl_span(d, us, ue);
    if (ue > x->e && q.kind != CR_Q_AGE)
      x->e = ue;
  }
  /* "20% of global potash exports", "1,613 days of imprisonment" */
  if (x->os < 0 && q.kind != CR_Q_COUNT && q.kind != CR_Q_AGE) {
    long s, e, h;
    long k = ue >= 0 ? ue + 1 : x->after;
    if (of_phrase(d, k, se, &s, &e, &h)) {
      x->os = s;
      x->oe = e - 1;
    }
  }
  /* "a 10-year sentence": what the compound qualifies */
  if (x->os < 0 && r->u.s > 0 && is_dash(d, r->u.s - 1) && q.kind != CR_Q_AGE) {
    long s, e, h;
    if (np_after(d, r->u.e, se, 1, 0, &s, &e, &h)) {
      x->os = s;
      x->oe = h;
    }
  }
  q.of_span = span_or_empty(d, x->os, x->oe);
  if (!q.unit || !*q.unit)
    q.unit = q.kind == CR_Q_NUMBER ? "" : q.unit;
  if (!q.key)
    q.key = "";
  if (q.key[0] == '\0' && q.kind == CR_Q_AGE)
    q.key = "age";
  q.span = cl_span(d, x->s, x->e);
  q.num = cl_span(d, x->ns, x->ne);
  subject_predicate(d, sb, se, x, &q);
  if (q.kind == CR_Q_AGE && x->subj_s >= 0) {
    /* an age describes its subject; the verb around it is not its own */
    q.predicate.off = q.predicate.len = 0;
    q.pred_key = "";
  }
  for (long j = x->s; j <= x->e; j++)
    d->t[j].flags |= CL_QTY;
  return add_q(d, &q);
}

int cr_claims_quantities(cl_doc *d) {
  for (size_t s = 0; s < d->nsent; s++) {
    long sb, se;
    cl_sent_bounds(d, s, &sb, &se);
    int title = title_case_sentence(d, sb, se);
    for (long i = sb; i < se;) {
      long next = read_quantity(d, sb, se, i, title);
      if (next < 0)
        return -1;
      i = next > i ? next : i + 1;
    }
  }
  return 0;
}
