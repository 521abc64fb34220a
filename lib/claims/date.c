/* date.c -- dates in a news text: absolute ("December 13, 2025", "13 Dec",
 * "2025-12-13", "in September 2025", "in 2021") and relative ("Saturday",
 * "last month", "this week", "two days ago"), resolved against the
 * article's publication date into ISO 8601 with a precision. Also marks
 * clock times, so that neither is read as a quantity. See docs/claims.md. */
#include <stdio.h>
#include <stdlib.h>

#include "claims_int.h"

/* ---- calendar -----------------------------------------------------------*/

/* Days since 1970-01-01 of a proleptic Gregorian date (the well-known
 * era-based formula: 400-year eras of 146097 days). */
long cr_claims_days(int y, int m, int d) {
  long yy = y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long mp = (m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void cr_claims_civil(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long dd = doy - (153 * mp + 2) / 5 + 1;
  long mm = mp < 10 ? mp + 3 : mp - 9;
  *y = (int)(yy + (mm <= 2));
  *m = (int)mm;
  *d = (int)dd;
}

int cr_claims_weekday(long days) {
  long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
  if (w < 0)
    w += 7;
  return (int)w + 1;
}

static int month_len(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return m >= 1 && m <= 12 ? len[m - 1] : 30;
}

/* ---- words ----------------------------------------------------------------*/

static int prev_is(const cl_doc *d, long i, long sb, const char *const *ws) {
  if (i - 1 < sb)
    return 0;
  for (; *ws; ws++)
    if (cl_is(d, i - 1, *ws))
      return 1;
  return 0;
}

static const char *const month_preps[] = {
    "in",      "since",   "until",   "till",   "by",     "last",
    "next",    "this",    "early",   "late",   "mid",    "of",
    "from",    "through", "between", "during", "before", "after",
    "end",     "-",       "and",     "to",     "on",     "until",
    "earlier", "later",   "coming",  "past",   NULL};

int cr_claims_month_at(const cl_doc *d, long i) {
  if (!cl_word(d, i) || !(d->t[i].flags & CL_CAP))
    return 0;
  const char *e = cl_find(claims_months, d, i);
  if (!e)
    return 0;
  int m = (int)cr_claims_field_num(e, 1);
  const cl_tok *t = &d->t[i];
  /* "May" and "March" are also words: ask for a day, a year or a
   * preposition of time around them. */
  if ((strcmp(t->low, "may") == 0 || strcmp(t->low, "march") == 0)) {
    long sb = (long)d->sfirst[t->grp];
    int ok = prev_is(d, i, sb, month_preps);
    if (!ok && cl_num(d, i + 1) && !cl_glued(d, i + 1) && d->t[i + 1].nint <= 4)
      ok = 1;
    if (!ok && cl_num(d, i - 1) && d->t[i - 1].nint <= 2 && i - 1 >= sb)
      ok = 1;
    if (!ok)
      return 0;
  }
  /* an abbreviation must not be glued to more letters ("Dec" ok, "Decision"
   * is another word anyway) */
  (void)t;
  return m;
}

/* "Dec." / "Sept.": a month abbreviation takes its dot */
static int abbr_dot(const cl_doc *d, long i, long se) {
  if (!(i + 1 < (long)d->n && cl_is(d, i + 1, ".") && cl_glued(d, i + 1)))
    return 0;
  (void)se;
  const char *e = cl_find(claims_months, d, i);
  if (!e)
    e = cl_find(claims_weekdays, d, i);
  char a[4];
  return e && cr_claims_field(e, 2, a, sizeof a) && a[0] == 'a';
}

static int weekday_at(const cl_doc *d, long i, int allow_abbr) {
  if (!cl_word(d, i) || !(d->t[i].flags & CL_CAP))
    return 0;
  const char *e = cl_find(claims_weekdays, d, i);
  if (!e)
    return 0;
  char f[4];
  if (cr_claims_field(e, 2, f, sizeof f) && !allow_abbr)
    return 0;
  return (int)cr_claims_field_num(e, 1);
}

static int is_currencyish(const cl_doc *d, long i) {
  if (i < 0 || (size_t)i >= d->n)
    return 0;
  const cl_tok *t = &d->t[i];
  if (t->kind == CL_SYM && strcmp(t->low, "%") != 0 && strcmp(t->low, "/") != 0)
    return 1;
  if (t->kind == CL_WORD) {
    const char *e = cl_find(claims_currency, d, i);
    if (e) {
      char w[4];
      cr_claims_field(e, 2, w, sizeof w);
      return w[0] == 'p' || w[0] == 'b';
    }
  }
  return 0;
}

static int unit_or_scale_word(const cl_doc *d, long i) {
  if (i < 0 || (size_t)i >= d->n)
    return 0;
  const cl_tok *t = &d->t[i];
  if (t->kind == CL_SYM && strcmp(t->low, "%") == 0)
    return 1;
  if (t->kind != CL_WORD)
    return 0;
  if (cr_table_find(&cr_tab_claims_units, d->text + t->off, t->len))
    return 1;
  if (t->lowlen >= 3 && cl_in(claims_units, d, i))
    return 1;
  if (cr_table_find(&cr_tab_claims_scale, d->text + t->off, t->len))
    return 1;
  if (strcmp(t->low, "per") == 0)
    return 1;
  return 0;
}

static const char *const year_preps[] = {
    "the",    "in",      "of",      "since",  "by",    "until",  "till",
    "from",   "during",  "between", "before", "after", "its",    "his",
    "her",    "their",   "this",    "that",   "a",     "an",     "and",
    "for",    "through", "early",   "late",   "mid",   "spring", "summer",
    "autumn", "fall",    "winter",  "circa",  "c.",    "year",   "to",
    "or",     "fiscal",  NULL};

int cr_claims_is_year(const cl_doc *d, long i, long sb, long se) {
  if (!cl_num(d, i))
    return 0;
  const cl_tok *t = &d->t[i];
  if ((t->flags & CL_MULTIDOT) || t->nfrac || t->comma || t->nint != 4)
    return 0;
  double v = t->val;
  int strong = prev_is(
      d, i, sb,
      (const char *const[]){"in", "since", "year", "until", "circa", NULL});
  if (!(v >= 1800 && v <= 2100) && !(strong && v >= 1000 && v < 1800))
    return 0;
  if (i - 1 >= sb) {
    const cl_tok *p = &d->t[i - 1];
    if (is_currencyish(d, i - 1))
      return 0;
    if ((p->kind == CL_WORD || p->kind == CL_NUM) && (t->flags & CL_GLUE))
      return 0; /* "G2000", "A1000" */
    if (cl_find(claims_approx, d, i - 1) && !cl_is(d, i - 1, "c.") &&
        !cl_is(d, i - 1, "circa"))
      return 0;
    if (p->kind == CL_PUNCT && (p->low[0] == '+' || p->low[0] == '-') &&
        (t->flags & CL_GLUE) && !(p->flags & CL_GLUE))
      return 0;
  }
  if (i + 1 < se) {
    const cl_tok *n = &d->t[i + 1];
    if (n->kind == CL_WORD && (n->flags & CL_GLUE))
      return 0; /* "1990s", "2000mg" */
    if (unit_or_scale_word(d, i + 1))
      return 0;
  }
  /* "from 1000 to 2000 hires": the end of a range of plain numbers */
  if (i - 2 >= sb &&
      (cl_is(d, i - 1, "to") || cl_is(d, i - 1, "and") ||
       cl_is(d, i - 1, "-") || cl_is(d, i - 1, "or")) &&
      cl_num(d, i - 2) &&
      (d->t[i - 2].comma || d->t[i - 2].nfrac || d->t[i - 2].nint != 4 ||
       d->t[i - 2].val < 1800 || d->t[i - 2].val > 2100))
    return 0;
  /* "2000 hires": a count before a plural noun, unless "the 2020 protests" */
  if (i + 1 < se && cr_claims_is_plural(d, i + 1) &&
      !(d->t[i + 1].flags & CL_CAP) && !prev_is(d, i, sb, year_preps) &&
      !(i - 1 >= sb && cr_claims_month_at(d, i - 1)) &&
      !(i - 1 >= sb && d->t[i - 1].lowlen > 2 &&
        strcmp(d->t[i - 1].low + d->t[i - 1].lowlen - 2, "'s") == 0))
    return 0;
  return 1;
}

/* ---- recording ------------------------------------------------------------*/

/* Does the date at token `at` point forward? A future marker in its
 * sentence decides, but only within the date's clause: "would reopen on
 * Monday" is forward, "said on Saturday that it would reopen" is not for
 * Saturday, and a reporting verb between the marker and the date ends the
 * marker's reach ("it will be hard, he said on Monday"). Before the date any
 * marker counts (reported speech: "would"); after it only a plain future
 * ("On Monday the crossing will reopen"). */
static int is_reporting(const cl_tok *t) {
  static const char *const v[] = {"said", "says", "told", "announced",
                                  "reported", "added", "confirmed", "wrote",
                                  "stated", "noted"};
  for (size_t k = 0; k < sizeof v / sizeof *v; k++)
    if (strcmp(t->low, v[k]) == 0)
      return 1;
  return 0;
}

static int future_marker(const cl_doc *d, long i, int weak_ok) {
  const cl_tok *t = &d->t[i];
  if (t->kind != CL_WORD)
    return 0;
  return strcmp(t->low, "will") == 0 || strcmp(t->low, "shall") == 0 ||
         strcmp(t->low, "upcoming") == 0 || strcmp(t->low, "scheduled") == 0 ||
         strcmp(t->low, "due") == 0 || strcmp(t->low, "plans") == 0 ||
         strcmp(t->low, "planned") == 0 ||
         (weak_ok && strcmp(t->low, "would") == 0) ||
         (t->lowlen > 3 && strcmp(t->low + t->lowlen - 3, "'ll") == 0) ||
         (strcmp(t->low, "going") == 0 && cl_is(d, i + 1, "to")) ||
         (strcmp(t->low, "set") == 0 && cl_is(d, i + 1, "to")) ||
         (strcmp(t->low, "expected") == 0 && cl_is(d, i + 1, "to"));
}

static int future_at(const cl_doc *d, long sb, long se, long at) {
  int fut = 0;
  for (long i = sb; i < at; i++) { /* before the date: the nearest wins */
    if (d->t[i].kind != CL_WORD)
      continue;
    if (future_marker(d, i, 1))
      fut = 1;
    else if (is_reporting(&d->t[i]))
      fut = 0;
  }
  if (fut)
    return 1;
  for (long i = at + 1; i < se; i++) { /* after it: a plain future */
    if (d->t[i].kind != CL_WORD)
      continue;
    if (is_reporting(&d->t[i]))
      return 0;
    if (future_marker(d, i, 0))
      return 1;
  }
  return 0;
}

static void mark(cl_doc *d, long i, long j) {
  for (long k = i; k <= j; k++)
    d->t[k].flags |= CL_USED;
}

static void iso_week(long days, int *wy, int *wn) {
  int wd = cr_claims_weekday(days);
  long thu = days - wd + 4;
  int y, m, dd;
  cr_claims_civil(thu, &y, &m, &dd);
  *wy = y;
  *wn = (int)((thu - cr_claims_days(y, 1, 1)) / 7) + 1;
}

static int add_date(cl_doc *d, long i, long j, int prec, int rel, int y, int m,
                    int dd) {
  if (d->ndates == d->dcap) {
    size_t ncap = d->dcap ? d->dcap * 2 : 16;
    cr_date *n =
        cr_arena_realloc(d->a, d->dates, d->dcap * sizeof *n, ncap * sizeof *n);
    if (!n)
      return -1;
    d->dates = n;
    d->dcap = ncap;
  }
  cr_date *r = &d->dates[d->ndates++];
  memset(r, 0, sizeof *r);
  r->span = cl_span(d, i, j);
  r->sent = d->t[i].sent;
  r->prec = (uint8_t)prec;
  r->relative = (uint8_t)rel;
  r->year = (int16_t)y;
  r->month = (int8_t)m;
  r->day = (int8_t)dd;
  int ok = y > 0 && (prec == CR_DATE_YEAR || m > 0) &&
           (prec != CR_DATE_DAY || dd > 0) && (prec != CR_DATE_WEEK || dd > 0);
  r->resolved = (uint8_t)ok;
  if (ok) {
    switch (prec) {
    case CR_DATE_DAY:
      snprintf(r->iso, sizeof r->iso, "%04u-%02u-%02u", (unsigned)y % 10000u,
               (unsigned)m % 100u, (unsigned)dd % 100u);
      break;
    case CR_DATE_WEEK: {
      int wy, wn;
      iso_week(cr_claims_days(y, m, dd), &wy, &wn);
      snprintf(r->iso, sizeof r->iso, "%04u-W%02u", (unsigned)wy % 10000u,
               (unsigned)wn % 100u);
      break;
    }
    case CR_DATE_MONTH:
      snprintf(r->iso, sizeof r->iso, "%04u-%02u", (unsigned)y % 10000u,
               (unsigned)m % 100u);
      break;
    default:
      snprintf(r->iso, sizeof r->iso, "%04u", (unsigned)y % 10000u);
      break;
    }
  }
  mark(d, i, j);
  return 0;
}

/* The article's date as days, or 0 with *ok = 0. */
static long pub_days(const cl_doc *d, int *ok) {
  *ok = d->has_date && d->pm && d->pd;
  return *ok ? cr_claims_days(d->py, d->pm, d->pd) : 0;
}

/* A day number token (1..31), with an ordinal suffix glued ("13th"). Returns
 * the day and the last token in *last. */
static int day_at(const cl_doc *d, long i, long se, long *last) {
  if (!cl_num(d, i) || i >= se)
    return 0;
  const cl_tok *t = &d->t[i];
  if (t->nfrac || t->comma || t->nint > 2 || (t->flags & CL_MULTIDOT) ||
      t->val < 1 || t->val > 31)
    return 0;
  *last = i;
  if (i + 1 < se && cl_glued(d, i + 1) && cl_word(d, i + 1)) {
    const char *s = d->t[i + 1].low;
    if (strcmp(s, "st") && strcmp(s, "nd") && strcmp(s, "rd") &&
        strcmp(s, "th"))
      return 0;
    *last = i + 1;
  }
  return (int)t->val;
}

static int year_num_at(const cl_doc *d, long i, long se) {
  if (!cl_num(d, i) || i >= se)
    return 0;
  const cl_tok *t = &d->t[i];
  if (t->nfrac || t->comma || t->nint != 4 || (t->flags & CL_MULTIDOT) ||
      t->val < 1000 || t->val > 2999)
    return 0;
  if (i + 1 < se && cl_glued(d, i + 1) && cl_word(d, i + 1))
    return 0;
  return (int)t->val;
}

/* Year of a month (and day) given without one: the article's year, moved
 * back when that would be well after the article (past by default), or
 * forward for a future sentence. */
static int guess_year(const cl_doc *d, int m, int dd, int future, int strict,
                      int dir) {
  if (!d->has_date)
    return 0;
  int y = d->py;
  int pm = d->pm ? d->pm : 12, pd = d->pd ? d->pd : 28;
  if (!dd) {
    if (dir < 0)
      return m < pm ? y : y - 1;
    if (dir > 0)
      return m > pm ? y : y + 1;
    if (future)
      return m >= pm ? y : y + 1;
    return m <= pm ? y : y - 1;
  }
  long pub = cr_claims_days(y, pm, pd);
  long c = cr_claims_days(y, m, dd);
  if (future) {
    if (c < pub - 1)
      y++;
  } else if (c > pub + (strict ? 0 : 31)) {
    y--;
  }
  return y;
}

/* ---- the reader -------------------------------------------------------- */

static int rel_mod(const cl_doc *d, long i) {
  const char *e = cl_find(claims_timewords, d, i);
  char k[4];
  if (!e || !cr_claims_field(e, 1, k, sizeof k) || k[0] != 'r')
    return -99;
  return (int)cr_claims_field_num(e, 2);
}

static int small_count(const cl_doc *d, long i) {
  if (cl_num(d, i) && !d->t[i].nfrac && !d->t[i].comma && d->t[i].val >= 1 &&
      d->t[i].val <= 999)
    return (int)d->t[i].val;
  if (cl_is(d, i, "a") || cl_is(d, i, "an"))
    return 1;
  const char *e = cl_find(claims_numwords, d, i);
  char k[4];
  if (e && cr_claims_field(e, 2, k, sizeof k) && (k[0] == 'n' || k[0] == 't'))
    return (int)cr_claims_field_num(e, 1);
  return 0;
}

static int times_at(cl_doc *d, long i, long se) {
  /* clock times: "04:20", "4:20pm", "10.45pm", "11 a.m.", "5am" */
  if (!cl_num(d, i))
    return 0;
  const cl_tok *t = &d->t[i];
  long j = i;
  int is_time = 0;
  if (t->nint <= 2 && !t->nfrac && j + 2 < se && cl_is(d, j + 1, ":") &&
      cl_glued(d, j + 1) && cl_num(d, j + 2) && cl_glued(d, j + 2) &&
      d->t[j + 2].nint == 2) {
    j += 2;
    is_time = 1;
    if (j + 2 < se && cl_is(d, j + 1, ":") && cl_glued(d, j + 1) &&
        cl_num(d, j + 2) && cl_glued(d, j + 2))
      j += 2;
  }
  if (t->nint <= 2 && (t->nfrac == 0 || t->nfrac == 2 || is_time) &&
      j + 1 < se) {
    const cl_tok *n = &d->t[j + 1];
    if (n->kind == CL_WORD &&
        (!strcmp(n->low, "am") || !strcmp(n->low, "pm") ||
         !strcmp(n->low, "a.m.") || !strcmp(n->low, "p.m.") ||
         !strcmp(n->low, "a.m") || !strcmp(n->low, "p.m"))) {
      j += 1;
      is_time = 1;
    } else if (n->kind == CL_WORD && (!strcmp(n->low, "o'clock"))) {
      j += 1;
      is_time = 1;
    } else if (n->kind == CL_WORD && !(n->flags & CL_GLUE) &&
               (n->flags & CL_UPPER) && (t->nfrac == 2 || is_time) &&
               cr_table_has(&cr_tab_claims_timezones, d->text + n->off,
                            n->len)) {
      /* "08.23 BST" */
      j += 1;
      is_time = 1;
    }
  }
  if (!is_time)
    return 0;
  mark(d, i, j);
  return (int)(j - i + 1);
}

static int read_sentence(cl_doc *d, long sb, long se) {
  int okp;
  long pub = pub_days(d, &okp);
  int fut = -1; /* computed on demand */
  for (long i = sb; i < se; i++) {
    if (d->t[i].flags & CL_USED)
      continue;
    if (times_at(d, i, se))
      continue;
    const cl_tok *t = &d->t[i];
    /* numeric dates: 2025-12-13, 12/13/2025, 13.12.2025 */
    if (t->kind == CL_NUM && !t->nfrac && !t->comma) {
      if (t->nint == 4 && i + 4 < se && cl_is(d, i + 1, "-") &&
          cl_glued(d, i + 1) && cl_num(d, i + 2) && cl_glued(d, i + 2) &&
          d->t[i + 2].nint == 2 && cl_is(d, i + 3, "-") && cl_glued(d, i + 3) &&
          cl_num(d, i + 4) && cl_glued(d, i + 4) && d->t[i + 4].nint == 2) {
        int y = (int)t->val, m = (int)d->t[i + 2].val,
            dd = (int)d->t[i + 4].val;
        if (m >= 1 && m <= 12 && dd >= 1 && dd <= month_len(y, m)) {
          if (add_date(d, i, i + 4, CR_DATE_DAY, 0, y, m, dd))
            return -1;
          i += 4;
          continue;
        }
      }
      if (t->nint <= 2 && i + 4 < se && cl_is(d, i + 1, "/") &&
          cl_glued(d, i + 1) && cl_num(d, i + 2) && cl_glued(d, i + 2) &&
          d->t[i + 2].nint <= 2 && cl_is(d, i + 3, "/") && cl_glued(d, i + 3) &&
          cl_num(d, i + 4) && cl_glued(d, i + 4) &&
          (d->t[i + 4].nint == 4 || d->t[i + 4].nint == 2)) {
        int a = (int)t->val, b = (int)d->t[i + 2].val, y = (int)d->t[i + 4].val;
        if (y < 100)
          y += 2000;
        int m = a, dd = b; /* month first unless it cannot be */
        if (a > 12) {
          m = b;
          dd = a;
        }
        if (m >= 1 && m <= 12 && dd >= 1 && dd <= month_len(y, m)) {
          if (add_date(d, i, i + 4, CR_DATE_DAY, 0, y, m, dd))
            return -1;
          i += 4;
          continue;
        }
      }
    }
    if (t->kind == CL_NUM && (t->flags & CL_MULTIDOT)) {
      int a, b, y;
      char tail;
      if (sscanf(t->low, "%d.%d.%d%c", &a, &b, &y, &tail) == 3 && y >= 1000 &&
          y <= 2999 && b >= 1 && b <= 12 && a >= 1 && a <= month_len(y, b)) {
        if (add_date(d, i, i, CR_DATE_DAY, 0, y, b, a))
          return -1;
        continue;
      }
    }
    /* decades: "1990s", "the '90s" are not quantities; no date kept */
    if (t->kind == CL_NUM && !t->nfrac && !t->comma &&
        (t->nint == 4 || t->nint == 2) && i + 1 < se && cl_glued(d, i + 1) &&
        (cl_is(d, i + 1, "s") || cl_is(d, i + 1, "'s"))) {
      mark(d, i, i + 1);
      i++;
      continue;
    }
    /* D Month [YYYY] */
    long last;
    int dd = day_at(d, i, se, &last);
    if (dd) {
      long k = last + 1;
      if (cl_is(d, k, "of"))
        k++;
      int m = k < se ? cr_claims_month_at(d, k) : 0;
      if (m) {
        long j = k;
        if (abbr_dot(d, j, se))
          j++;
        int y = 0, rel = 0;
        long yj = j + 1;
        if (yj < se && cl_is(d, yj, ","))
          yj++;
        if ((y = year_num_at(d, yj, se)))
          j = yj;
        if (!y) {
          fut = future_at(d, sb, se, i);
          y = guess_year(d, m, dd, fut, 0, 0);
          rel = 1;
        }
        if (dd <= month_len(y ? y : 2000, m)) {
          if (add_date(d, i, j, CR_DATE_DAY, rel, y, m, dd))
            return -1;
          i = j;
          continue;
        }
      }
    }
    /* Month [D[, YYYY]] | Month YYYY | Month */
    int m = cr_claims_month_at(d, i);
    if (m) {
      long j = i;
      if (abbr_dot(d, j, se))
        j++;
      long dl;
      int day = day_at(d, j + 1, se, &dl);
      /* "May 2020" is a month; "May 20, 2020" a day */
      int yv = year_num_at(d, j + 1, se);
      if (day && !yv) {
        long k = dl;
        /* "Sept. 20-24": keep the first day */
        if (k + 2 < se && (cl_is(d, k + 1, "-") || cl_is(d, k + 1, "–")) &&
            cl_num(d, k + 2) && d->t[k + 2].nint <= 2)
          k += 2;
        int y = 0;
        long yj = k + 1;
        if (yj < se && cl_is(d, yj, ","))
          yj++;
        if ((y = year_num_at(d, yj, se)))
          k = yj;
        int rel = 0;
        if (!y) {
          fut = future_at(d, sb, se, i);
          y = guess_year(d, m, day, fut, 0, 0);
          rel = 1;
        }
        if (day <= month_len(y ? y : 2000, m)) {
          if (add_date(d, i, k, CR_DATE_DAY, rel, y, m, day))
            return -1;
          i = k;
          continue;
        }
      }
      long k = j;
      int y = yv;
      if (!y && j + 2 < se && cl_is(d, j + 1, ",") &&
          (y = year_num_at(d, j + 2, se)))
        k = j + 2;
      else if (y)
        k = j + 1;
      int rel = 0, dir = 0;
      long s0 = i;
      int mod = i - 1 >= sb ? rel_mod(d, i - 1) : -99;
      if (mod != -99 && !y) {
        dir = mod;
        s0 = i - 1;
      }
      if (!y) {
        fut = future_at(d, sb, se, i);
        rel = 1;
        if (dir == 0 && mod == 0)
          y = d->has_date ? d->py : 0;
        else
          y = guess_year(d, m, 0, fut, 0, dir);
      }
      if (add_date(d, s0, k, CR_DATE_MONTH, rel, y, m, 0))
        return -1;
      i = k;
      continue;
    }
    /* Weekday names, with "last"/"next"/"this" and a part of the day. */
    int wd = weekday_at(d, i, 0);
    int wda = wd ? wd : weekday_at(d, i, 1);
    if (wda) {
      /* "Saturday, Dec. 13": the date after it decides */
      long k = i;
      if (abbr_dot(d, k, se))
        k++;
      if (k + 1 < se && cl_is(d, k + 1, ","))
        k++;
      if (k + 1 < se && cr_claims_month_at(d, k + 1)) {
        mark(d, i, k);
        continue; /* the month reader takes it next */
      }
      if (wd) {
        long s0 = i, e0 = i;
        int mod = i - 1 >= sb ? rel_mod(d, i - 1) : -99;
        if (mod != -99)
          s0 = i - 1;
        const char *pe = cl_find(claims_timewords, d, i + 1);
        char pk[4];
        if (pe && i + 1 < se && cr_claims_field(pe, 1, pk, sizeof pk) &&
            pk[0] == 'p')
          e0 = i + 1;
        fut = future_at(d, sb, se, i);
        int y = 0, mm = 0, day = 0;
        if (okp) {
          int pw = cr_claims_weekday(pub);
          long x;
          if (mod == -1)
            x = pub - ((pw - wd + 6) % 7 + 1);
          else if (mod == 1)
            x = pub + ((wd - pw + 6) % 7 + 1);
          else if (mod == 0)
            x = pub - pw + wd;
          else if (fut)
            x = pub + (wd - pw + 7) % 7;
          else
            x = pub - (pw - wd + 7) % 7;
          cr_claims_civil(x, &y, &mm, &day);
        }
        if (add_date(d, s0, e0, CR_DATE_DAY, 1, y, mm, day))
          return -1;
        i = e0;
        continue;
      }
    }
    /* yesterday, today, tomorrow, tonight; last night, this morning */
    const char *te =
        t->kind == CL_WORD ? cl_find(claims_timewords, d, i) : NULL;
    char tk[4] = "";
    if (te)
      cr_claims_field(te, 1, tk, sizeof tk);
    if (te && tk[0] == 'd') {
      int off = (int)cr_claims_field_num(te, 2);
      int y = 0, mm = 0, day = 0;
      if (okp)
        cr_claims_civil(pub + off, &y, &mm, &day);
      if (add_date(d, i, i, CR_DATE_DAY, 1, y, mm, day))
        return -1;
      continue;
    }
    /* last/this/next/past/coming + week|month|year|weekend|night|morning;
     * "earlier this year", "later this month" */
    if (te && tk[0] == 'r' && i + 1 < se) {
      int mod = (int)cr_claims_field_num(te, 2);
      const char *ue = cl_find(claims_timewords, d, i + 1);
      char uk[4] = "";
      if (ue)
        cr_claims_field(ue, 1, uk, sizeof uk);
      long s0 = i;
      if (i - 1 >= sb &&
          (cl_is(d, i - 1, "earlier") || cl_is(d, i - 1, "later")))
        s0 = i - 1;
      const char *u = d->t[i + 1].low;
      int y = 0, mm = 0, day = 0, prec = 0;
      if (uk[0] == 'u' || (uk[0] == 'p' && mod <= 0)) {
        if (!strcmp(u, "week") || !strcmp(u, "weekend")) {
          prec = CR_DATE_WEEK;
          if (okp) {
            long x = pub + 7L * mod;
            if (!strcmp(u, "weekend")) {
              /* the Saturday of that weekend */
              fut = future_at(d, sb, se, i);
              int pw = cr_claims_weekday(pub);
              long before = pub - (pw - 6 + 7) % 7;
              long after = pub + (6 - pw + 7) % 7;
              if (mod < 0)
                x = before - (pw >= 6 ? 7 : 0);
              else if (mod > 0)
                x = after == pub ? after + 7 : after;
              else
                x = fut ? after : before;
            }
            cr_claims_civil(x, &y, &mm, &day);
          }
        } else if (!strcmp(u, "month")) {
          prec = CR_DATE_MONTH;
          if (d->has_date && d->pm) {
            int mi = d->py * 12 + (d->pm - 1) + mod;
            y = mi / 12;
            mm = mi % 12 + 1;
          }
        } else if (!strcmp(u, "year")) {
          prec = CR_DATE_YEAR;
          if (d->has_date)
            y = d->py + mod;
        } else if (!strcmp(u, "day")) {
          prec = 0; /* "the next day": relative to another event */
        } else if (uk[0] == 'p') {
          /* last night, this morning */
          prec = CR_DATE_DAY;
          if (okp)
            cr_claims_civil(pub + (mod < 0 ? -1 : 0), &y, &mm, &day);
        }
        if (prec) {
          if (add_date(d, s0, i + 1, prec, 1, y, mm, day))
            return -1;
          i++;
          continue;
        }
      }
    }
    /* N days/weeks/months/years ago */
    if (i + 2 < se && cl_is(d, i + 2, "ago")) {
      int cnt = small_count(d, i);
      const char *u = d->t[i + 1].low;
      if (cnt) {
        int y = 0, mm = 0, day = 0, prec = 0;
        if (!strncmp(u, "day", 3)) {
          prec = CR_DATE_DAY;
          if (okp)
            cr_claims_civil(pub - cnt, &y, &mm, &day);
        } else if (!strncmp(u, "week", 4)) {
          prec = CR_DATE_WEEK;
          if (okp)
            cr_claims_civil(pub - 7L * cnt, &y, &mm, &day);
        } else if (!strncmp(u, "month", 5)) {
          prec = CR_DATE_MONTH;
          if (d->has_date && d->pm) {
            int mi = d->py * 12 + (d->pm - 1) - cnt;
            y = mi / 12;
            mm = mi % 12 + 1;
          }
        } else if (!strncmp(u, "year", 4)) {
          prec = CR_DATE_YEAR;
          if (d->has_date)
            y = d->py - cnt;
        }
        if (prec) {
          if (add_date(d, i, i + 2, prec, 1, y, mm, day))
            return -1;
          i += 2;
          continue;
        }
      }
    }
    /* years: "in 2021", "the 2020 election", "2014-15" */
    if (cr_claims_is_year(d, i, sb, se)) {
      long j = i;
      if (j + 2 < se && (cl_is(d, j + 1, "-") || cl_is(d, j + 1, "–")) &&
          cl_glued(d, j + 1) && cl_num(d, j + 2) && cl_glued(d, j + 2) &&
          (d->t[j + 2].nint == 2 || d->t[j + 2].nint == 4) &&
          !d->t[j + 2].nfrac)
        j += 2;
      if (add_date(d, i, j, CR_DATE_YEAR, 0, (int)t->val, 0, 0))
        return -1;
      i = j;
      continue;
    }
  }
  return 0;
}

int cr_claims_dates(cl_doc *d) {
  for (size_t s = 0; s < d->nsent; s++) {
    long sb, se;
    cl_sent_bounds(d, s, &sb, &se);
    if (read_sentence(d, sb, se))
      return -1;
  }
  return 0;
}
