/* text.c -- plain-text dumps (text copied from a page): a line classifier.
 * Every input line is one paragraph. A header region (before the first body
 * paragraph) may hold UI labels, a title, a byline, a date and a "Summary:"
 * block; the body keeps its paragraphs, section headings and list items;
 * after it come promos, copyright/syndication footers and comment sections.
 * Dropped lines go verbatim to `dropped`; comments to `comments`. */
#include <string.h>

#include "core/error.h"
#include "extract_int.h"

typedef struct line {
  const char *s; /* trimmed */
  size_t n;
  const char *raw; /* as in the input, without the line break */
  size_t rawn;
  size_t words;
} line;

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* U+00A0 and U+2000..U+200B, U+202F, U+3000 count as spaces when trimming */
static size_t lead_space(const char *s, size_t n) {
  size_t i = 0;
  for (;;) {
    if (i < n && is_space((unsigned char)s[i]))
      i++;
    else if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
             (unsigned char)s[i + 1] == 0xA0)
      i += 2;
    else if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
             (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] <= 0x8B ||
              (unsigned char)s[i + 2] == 0xAF))
      i += 3;
    else if (i + 2 < n && (unsigned char)s[i] == 0xE3 &&
             (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
      i += 3;
    else
      return i;
  }
}

static size_t trail_space(const char *s, size_t n) {
  size_t k = 0;
  for (;;) {
    if (k < n && is_space((unsigned char)s[n - 1 - k]))
      k++;
    else if (k + 2 <= n && (unsigned char)s[n - 2 - k] == 0xC2 &&
             (unsigned char)s[n - 1 - k] == 0xA0)
      k += 2;
    else if (k + 3 <= n && (unsigned char)s[n - 3 - k] == 0xE2 &&
             (unsigned char)s[n - 2 - k] == 0x80 &&
             ((unsigned char)s[n - 1 - k] <= 0x8B ||
              (unsigned char)s[n - 1 - k] == 0xAF))
      k += 3;
    else
      return k;
  }
}

static int starts_ci(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && cr_ascii_ieq(s, k, p);
}

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* the line ends a sentence: . ! ? or a closing quote/bracket after one */
static int sentence_end(const char *s, size_t n) {
  while (n) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
      return 1;
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      n--;
      continue;
    }
    /* ” ’ » (UTF-8 tails) */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
        (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) {
      n -= 3;
      continue;
    }
    /* … */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
        (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0xA6)
      return 1;
    return 0;
  }
  return 0;
}

/* A paragraph of running text. */
static int body_like(const line *l) {
  return (l->words >= 10 && sentence_end(l->s, l->n)) || l->words >= 25;
}

/* "Summary:" or "Wed Dec 17 04:20:00 UTC 2025: Summary:" */
static int summary_head(const line *l, char date[32]) {
  date[0] = 0;
  static const char *const heads[] = {"summary:",  "summary",
                                      "tl;dr:",    "key points:",
                                      "in brief:", "at a glance:"};
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
    size_t k = strlen(heads[i]);
    if (l->n >= k && cr_ascii_ieq(l->s + l->n - k, k, heads[i])) {
      size_t pre = l->n - k;
      if (pre == 0)
        return 1;
      /* what comes before must be a date (and a separator) */
      if (l->words > 12)
        return 0;
      return cr_date_parse(l->s, pre, 0, date);
    }
  }
  return 0;
}

/* a short label that ends in ':' ("News Article:", "Full story:") */
static int label_line(const line *l) {
  return l->n >= 2 && l->s[l->n - 1] == ':' && l->words <= 3;
}

static int cta_line(const line *l) { return cr_cta_line(l->s, l->n, l->words); }

/* A headline: 3..30 words, no sentence-final period, starts with a capital
 * or a digit, not a UI label. */
static int title_like(const line *l) {
  if (l->words < 3 || l->words > 30 || l->n < 10)
    return 0;
  unsigned char c = (unsigned char)l->s[0];
  if (!(is_upper(c) || (c >= '0' && c <= '9') || c >= 0x80 || c == '"'))
    return 0;
  unsigned char e = (unsigned char)l->s[l->n - 1];
  return e != '.' && e != ',' && e != ';' && e != ':';
}

static const char *skip_name_space(const char *p, const char *e) {
  while (p < e && *p == ' ')
    p++;
  return p;
}

/* "By Jane Doe", "By Jane Doe and John Roe", "Jane Doe, John Roe, Agency
 * News on": names are runs of 1-4 capitalised words. Fills authors, and
 * *outlet (when not NULL) with an organisation part that names a
 * publisher rather than a desk or a role. */
static int byline(cr_arena *a, const line *l, cr_listb *authors,
                  const char **outlet) {
  if (l->words > 16 || sentence_end(l->s, l->n))
    return 0;
  const char *p = l->s, *e = l->s + l->n;
  int by = 0;
  if (starts_ci(p, l->n, "by ")) {
    p += 3;
    by = 1;
  }
  /* strip a trailing " on" (a date was cut off) and "| date" parts */
  const char *end = e;
  if (end - p > 3 && cr_ascii_ieq(end - 3, 3, " on"))
    end -= 3;
  cr_listb names = {0};
  int parts = 0, org = 0;
  const char *org_name = NULL;
  while (p < end) {
    p = skip_name_space(p, end);
    const char *q = p;
    /* one part: up to ',' or " and " or '&' */
    const char *stop = end;
    for (const char *x = p; x < end; x++) {
      if (*x == ',' || *x == '|' || *x == '&' ||
          (x + 5 <= end && cr_ascii_ieq(x, 5, " and "))) {
        stop = x;
        break;
      }
    }
    /* every word of the part capitalised (particles allowed) */
    int words = 0, ok = 1;
    for (const char *x = q; x < stop;) {
      while (x < stop && *x == ' ')
        x++;
      if (x >= stop)
        break;
      const char *w = x;
      while (x < stop && *x != ' ')
        x++;
      size_t wl = (size_t)(x - w);
      words++;
      unsigned char c0 = (unsigned char)w[0];
      int particle =
          (wl == 2 && (cr_ascii_ieq(w, 2, "de") || cr_ascii_ieq(w, 2, "da"))) ||
          (wl == 3 && (cr_ascii_ieq(w, 3, "van") || cr_ascii_ieq(w, 3, "von") ||
                       cr_ascii_ieq(w, 3, "der") || cr_ascii_ieq(w, 3, "bin")));
      if (!(is_upper(c0) || c0 >= 0xC3) && !particle)
        ok = 0;
    }
    if (!ok || words == 0 || words > 4)
      return 0;
    size_t plen = (size_t)(stop - q);
    /* publishers first, then desks and roles (from ROLES on) */
    static const char *const orgw[] = {
        "News",   "Press",    "Agency",  "Reuters", "Times", "Post",
        "Wire",   "Media",    "Service", "Network", "Staff", "Correspondent",
        "Editor", "Reporter", "Writer",  "Bureau",  "Desk"};
    enum { ROLES = 10 };
    int is_org = 0, role = 0;
    for (size_t i = 0; i < sizeof orgw / sizeof *orgw; i++) {
      size_t k = strlen(orgw[i]);
      for (size_t j = 0; j + k <= plen; j++)
        if (memcmp(q + j, orgw[i], k) == 0 &&
            (j + k == plen || q[j + k] == ' ')) {
          is_org = 1;
          /* "Staff", "World Affairs Desk", "Senior Reporter": no outlet */
          role |= i >= ROLES;
        }
    }
    /* "The Example Sentinel": no person's name starts with "The" */
    if (!is_org && words >= 2 && plen > 4 && memcmp(q, "The ", 4) == 0)
      is_org = 1;
    if (is_org && !role && !org_name)
      org_name = cr_clean_dup(a, q, plen);
    if (is_org)
      org++;
    else if (words >= 2)
      cr_list_push(a, &names, cr_clean_dup(a, q, plen));
    else
      return 0; /* "Trump, Putin Meet": a one-word part is no name */
    parts++;
    p = stop;
    if (p < end && (*p == ',' || *p == '|' || *p == '&'))
      p++;
    else if (p + 5 <= end && cr_ascii_ieq(p, 5, " and "))
      p += 5;
  }
  /* "By X" alone is enough; a bare list needs two parts, or a name and an
   * organisation ("Jane Doe, Agency News") */
  if (!names.n || (!by && parts < 2) || (!by && !org && parts < 2))
    return 0;
  for (size_t i = 0; i < names.n; i++)
    if (names.v[i])
      cr_list_push(a, authors, names.v[i]);
  if (outlet && org_name && !*outlet)
    *outlet = org_name;
  return 1;
}

/* "KELMAR, Dorvania — ", "LISK, NORVESSA – ", "LONDON (Reuters) - ",
 * "WASHINGTON: ". The place starts with an all-capitals word. Returns the
 * length of the dateline prefix (dash included) or 0; the place in *place,
 * an agency in parentheses in *agency. */
size_t cr_dateline_find(const char *s, size_t n, const char **place,
                        size_t *placen, const char **agency, size_t *agencyn) {
  *agency = NULL;
  *agencyn = 0;
  size_t lim = n < 80 ? n : 80;
  *place = s;
  *placen = 0;
  if (lim && s[0] == '(') {
    /* "(Reuters) — ..." : an agency without a place */
    size_t k = 1;
    while (k < lim && s[k] != ')' && k < 30)
      k++;
    size_t j = k + 1;
    while (j < lim && s[j] == ' ')
      j++;
    size_t d = j < lim && s[j] == '-' ? 1
               : j + 2 < lim && (unsigned char)s[j] == 0xE2 &&
                       (unsigned char)s[j + 1] == 0x80 &&
                       ((unsigned char)s[j + 2] == 0x93 ||
                        (unsigned char)s[j + 2] == 0x94)
                   ? 3
                   : 0;
    if (k < lim && s[k] == ')' && d && j + d < n && s[j + d] == ' ' && k > 1 &&
        is_upper((unsigned char)s[1])) {
      *agency = s;
      *agencyn = k + 1;
      return j + d + 1;
    }
    return 0;
  }
  /* first word: capitals (2+ letters), may hold spaces/dots: "NEW YORK", "ST.
   * LOUIS" */
  size_t i = 0, caps = 0;
  /* a hyphen inside a name ("WINSTON-SALEM"); " - " is the dash */
  while (i < lim &&
         (is_upper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' ||
          s[i] == '\'' || (s[i] == '-' && i && s[i - 1] != ' '))) {
    if (is_upper((unsigned char)s[i]))
      caps++;
    i++;
  }
  if (caps < 2)
    return 0;
  /* the capitals must end a word */
  if (i < lim && (is_lower((unsigned char)s[i])))
    return 0;
  size_t pl_end = i;
  while (pl_end && s[pl_end - 1] == ' ')
    pl_end--;
  /* ", Region" with capitalised words */
  if (i < lim && s[i] == ',') {
    size_t j = i + 1;
    while (j < lim && s[j] == ' ')
      j++;
    if (j < lim && is_upper((unsigned char)s[j])) {
      size_t k = j, words = 0;
      while (k < lim && words < 4) {
        if (!is_upper((unsigned char)s[k]))
          break;
        while (k < lim && (is_upper((unsigned char)s[k]) ||
                           is_lower((unsigned char)s[k]) || s[k] == '.'))
          k++;
        words++;
        if (k < lim && s[k] == ' ' && k + 1 < lim &&
            is_upper((unsigned char)s[k + 1]))
          k++;
        else
          break;
      }
      pl_end = k;
      i = k;
    }
  }
  size_t j = i;
  while (j < lim && s[j] == ' ')
    j++;
  if (j < lim && s[j] == '(') {
    size_t k = j + 1;
    while (k < lim && s[k] != ')')
      k++;
    if (k >= lim || k - j > 30)
      return 0;
    *agency = s + j;
    *agencyn = k + 1 - j;
    j = k + 1;
    while (j < lim && s[j] == ' ')
      j++;
  }
  /* the dash: - – — or ':' */
  size_t d = 0;
  if (j < lim && (s[j] == '-' || s[j] == ':'))
    d = 1;
  else if (j + 2 < lim && (unsigned char)s[j] == 0xE2 &&
           (unsigned char)s[j + 1] == 0x80 &&
           ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
    d = 3;
  if (!d)
    return 0;
  /* a space must follow the dash: "U.S.-CANADA" is no dateline */
  if (j + d >= n || s[j + d] != ' ')
    return 0;
  *place = s;
  *placen = pl_end;
  return j + d + 1;
}

/* Take the body back to where the paragraph at `off` starts, with the
 * break before it. */
static void cut_to(cr_buf *b, size_t off) {
  if (!b->data)
    return;
  b->len = off >= 2 ? off - 2 : 0;
  b->data[b->len] = 0;
}

static int all_caps(const line *l) {
  int up = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (is_lower((unsigned char)l->s[i]))
      return 0;
    up += is_upper((unsigned char)l->s[i]);
  }
  return up >= 3;
}

/* The heading of a promo box: a short line, no sentence, in capitals or
 * title-like ("NEWSLETTER", "FACT CHECK THIS STORY", "Morning Briefing") */
static int promo_head(const line *l) {
  return l->words >= 1 && l->words <= 6 && !sentence_end(l->s, l->n) &&
         l->s[l->n - 1] != ',' &&
         (all_caps(l) || is_upper((unsigned char)l->s[0]));
}

/* Another story's headline in a list: 4-20 words, a capital or a quote
 * first, no final sentence punctuation (a '?' may end a part inside). */
static int headline_item(const line *l) {
  if (l->words < 4 || l->words > 20 || body_like(l))
    return 0;
  unsigned char c = (unsigned char)l->s[0];
  if (!(is_upper(c) || (c >= '0' && c <= '9') || c == '"' ||
        (c == 0xE2 && l->n > 2 && (unsigned char)l->s[1] == 0x80 &&
         ((unsigned char)l->s[2] == 0x9C || (unsigned char)l->s[2] == 0x98))))
    return 0;
  unsigned char e = (unsigned char)l->s[l->n - 1];
  return e != '.' && e != ',' && e != ';' && e != ':' && e != '!' && e != '?' &&
         !sentence_end(l->s, l->n);
}

/* capitalised words only: "Example Sentinel", "The Daily Example" */
static int caps_words(const char *s, size_t n, size_t maxw) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ')
      i++;
    if (i >= n)
      break;
    unsigned char c = (unsigned char)s[i];
    if (!(is_upper(c) || c >= 0xC3))
      return 0;
    while (i < n && s[i] != ' ') {
      unsigned char d = (unsigned char)s[i];
      if (!(is_upper(d) || is_lower(d) || d >= 0x80 || d == '.' || d == '\'' ||
            d == '-' || d == '&'))
        return 0;
      i++;
    }
    w++;
  }
  return w >= 1 && w <= maxw;
}

static int name_line(const line *l) { return caps_words(l->s, l->n, 4); }

/* "Example News 3 Min Read": the name before a reading-time label */
static const char *label_outlet(cr_arena *a, const line *l) {
  static const char *const tails[] = {" min read", " mins read", " minute read",
                                      " minutes read"};
  for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
    size_t k = strlen(tails[i]);
    if (l->n <= k || !cr_ascii_ieq(l->s + l->n - k, k, tails[i]))
      continue;
    size_t e = l->n - k;
    while (e && l->s[e - 1] >= '0' && l->s[e - 1] <= '9')
      e--;
    while (e && l->s[e - 1] == ' ')
      e--;
    if (e && caps_words(l->s, e, 4))
      return cr_clean_dup(a, l->s, e);
  }
  return NULL;
}

/* A site describing itself under the article: "Example uses automated
 * tools to summarise news", "Example News is funded by its readers." */
static const char *self_outlet(cr_arena *a, const line *l) {
  static const char *const verbs[] = {" uses ",         " is funded ",
                                      " is supported ", " is reader",
                                      " relies on ",    " is an independent ",
                                      " summarises ",   " summarizes ",
                                      " aggregates ",   " curates "};
  for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
    size_t k = strlen(verbs[i]);
    for (size_t j = 1; j + k <= l->n && j < 60; j++)
      if (cr_ascii_ieq(l->s + j, k, verbs[i])) {
        if (caps_words(l->s, j, 4) && !starts_ci(l->s, j, "the ") &&
            !starts_ci(l->s, j, "this "))
          return cr_clean_dup(a, l->s, j);
        return NULL;
      }
  }
  return NULL;
}

static void drop_line(cr_arena *a, cr_listb *dropped, const line *l) {
  cr_list_push(a, dropped, cr_arena_strndup(a, l->raw, l->rawn));
}

crossread_status cr_extract_text(const char *text, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err) {
  memset(out, 0, sizeof *out);
  /* split into lines */
  size_t nl = 1;
  for (size_t i = 0; i < len; i++)
    nl += text[i] == '\n';
  line *L = cr_arena_alloc(a, nl * sizeof *L);
  if (!L)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  size_t n = 0;
  for (size_t i = 0; i <= len;) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    line *l = &L[n++];
    l->raw = text + i;
    l->rawn = j - i;
    if (l->rawn && l->raw[l->rawn - 1] == '\r')
      l->rawn--;
    size_t ls = lead_space(l->raw, l->rawn);
    l->s = l->raw + ls;
    l->n = l->rawn - ls;
    l->n -= trail_space(l->s, l->n);
    l->words = cr_count_words(l->s, l->n);
    i = j + 1;
    if (j >= len)
      break;
  }
  cr_listb dropped = {0}, comments = {0}, authors = {0};
  cr_buf body;
  cr_buf_init(&body, 0);
  int in_body = 0, in_comments = 0, in_promo = 0, in_summary = 0;
  size_t body_paras = 0;
  /* the body's paragraphs: where each starts in body, and its line */
  size_t *poff = cr_arena_alloc(a, nl * sizeof *poff);
  const line **pline = cr_arena_alloc(a, nl * sizeof *pline);
  if (!poff || !pline)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  /* outlet candidates, strongest first */
  const char *o_copy = NULL, *o_byline = NULL, *o_label = NULL, *o_self = NULL,
             *o_head = NULL;
  char date[32];
  cr_buf summary;
  cr_buf_init(&summary, 0);
  for (size_t i = 0; i < n; i++) {
    line *l = &L[i];
    if (!l->n) {
      if (in_summary && summary.len)
        in_summary = 0;
      continue;
    }
    if (in_comments) {
      cr_bp_kind k = cr_boilerplate_line(l->s, l->n);
      /* "Jane wrote on 15/03/2026 08:14:" heads a comment, and a line of
       * one to three words is a commenter's name: neither is a comment */
      if (k != CR_BP_NONE || (l->s[l->n - 1] == ':' && l->words <= 12) ||
          l->words < 4)
        drop_line(a, &dropped, l);
      else
        cr_list_push(a, &comments, cr_clean_dup(a, l->s, l->n));
      continue;
    }
    if (!in_body && summary_head(l, date)) {
      if (date[0] && !out->published)
        out->published = cr_arena_strdup(a, date);
      drop_line(a, &dropped, l);
      in_summary = 1;
      continue;
    }
    if (in_summary) {
      if (label_line(l) || (summary.len && title_like(l) && !body_like(l))) {
        in_summary = 0;
      } else {
        if (summary.len)
          cr_buf_put(&summary, "\n\n", 2);
        cr_buf_put(&summary, l->s, l->n);
        continue;
      }
    }
    if (!in_body && label_line(l)) {
      drop_line(a, &dropped, l);
      continue;
    }
    cr_bp_kind k = cr_boilerplate_line(l->s, l->n);
    if (k == CR_BP_COMMENTS) {
      drop_line(a, &dropped, l);
      if (body_paras >= 3)
        in_comments = 1;
      continue;
    }
    if (k == CR_BP_CREDIT || k == CR_BP_SIGNOFF || k == CR_BP_SOURCE) {
      drop_line(a, &dropped, l);
      if (!out->credit)
        out->credit = cr_clean_dup(a, l->s, l->n);
      if (k == CR_BP_CREDIT && !o_copy)
        o_copy = cr_copyright_owner(a, l->s, l->n);
      continue;
    }
    int cta = cta_line(l);
    if (k == CR_BP_UI || k == CR_BP_ASSIST || cta) {
      drop_line(a, &dropped, l);
      if (!o_label)
        o_label = label_outlet(a, l);
      if (body_paras && !o_self)
        o_self = self_outlet(a, l);
      /* a call to action takes the short heading right above it along:
       * "NEWSLETTER" / "Sign up for our morning briefing" */
      if (cta && body_paras > 1 && i > 0 &&
          pline[body_paras - 1] == &L[i - 1] && promo_head(&L[i - 1])) {
        /* in page order: the heading, then the call */
        drop_line(a, &dropped, &L[i - 1]);
        if (dropped.n >= 2) {
          const char *t = dropped.v[dropped.n - 1];
          dropped.v[dropped.n - 1] = dropped.v[dropped.n - 2];
          dropped.v[dropped.n - 2] = t;
        }
        body_paras--;
        cut_to(&body, poff[body_paras]);
      }
      continue;
    }
    if (k == CR_BP_PROMO) {
      drop_line(a, &dropped, l);
      /* in the header region the lines after a promo label are the title
       * and the byline, not the promo's items */
      if (in_body)
        in_promo = 1;
      continue;
    }
    if (in_promo) {
      /* a promo box runs until running text comes back */
      if (!body_like(l)) {
        drop_line(a, &dropped, l);
        continue;
      }
      in_promo = 0;
    }
    if (!in_body && !out->title && !body_paras && title_like(l) &&
        l->words <= 20 && l->s[l->n - 1] != '.' &&
        !byline(a, l, &(cr_listb){0}, NULL)) {
      /* a headline may end in '?' or '!' and still not be running text */
      unsigned char e = (unsigned char)l->s[l->n - 1];
      if (e == '?' || e == '!' || !body_like(l)) {
        out->title = cr_clean_dup(a, l->s, l->n);
        continue;
      }
    }
    if (!in_body) {
      if (body_like(l)) {
        in_body = 1;
      } else {
        /* header region: title, byline, date, labels */
        if (!out->title && title_like(l) &&
            !byline(a, l, &(cr_listb){0}, NULL)) {
          out->title = cr_clean_dup(a, l->s, l->n);
          continue;
        }
        if (byline(a, l, &authors, &o_byline)) {
          drop_line(a, &dropped, l);
          continue;
        }
        if (l->words <= 10 && cr_date_parse(l->s, l->n, 1, date)) {
          if (!out->published)
            out->published = cr_arena_strdup(a, date);
          drop_line(a, &dropped, l);
          continue;
        }
        if (l->words <= 4 && !sentence_end(l->s, l->n)) {
          /* outlet names, section labels, author names before the body;
           * above the headline, a name of two or more words is the site's */
          if (!out->title && !o_head && l->words >= 2 && name_line(l))
            o_head = cr_clean_dup(a, l->s, l->n);
          drop_line(a, &dropped, l);
          continue;
        }
        in_body = 1;
      }
      if (body_paras == 0) {
        const char *place, *ag;
        size_t pn, agn;
        if (cr_dateline_find(l->s, l->n, &place, &pn, &ag, &agn)) {
          if (pn)
            out->dateline = cr_clean_dup(a, place, pn);
          if (ag && !out->credit)
            out->credit = cr_arena_strndup(a, ag, agn);
        }
      }
    }
    if (body.len)
      cr_buf_put(&body, "\n\n", 2);
    poff[body_paras] = body.len;
    pline[body_paras] = l;
    cr_buf_put(&body, l->s, l->n);
    body_paras++;
  }
  /* a list of other stories' headlines closing the body goes */
  size_t tail = 0;
  while (tail < body_paras && headline_item(pline[body_paras - 1 - tail]))
    tail++;
  if (tail >= 2 && body_paras - tail >= 3) {
    for (size_t p = body_paras - tail; p < body_paras; p++)
      drop_line(a, &dropped, pline[p]);
    body_paras -= tail;
    cut_to(&body, poff[body_paras]);
  }
  crossread_status st = CROSSREAD_OK;
  if (body.err || summary.err) {
    st = cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
    goto fail;
  }
  out->text = cr_arena_strndup(a, body.data ? body.data : "", body.len);
  out->text_len = body.len;
  if (summary.len)
    out->summary = cr_arena_strndup(a, summary.data, summary.len);
  if (!out->text) {
    st = cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
    goto fail;
  }
  /* a dump that is one headline (a wire flash, a feed item with a title
   * only) is an article of one line, not an empty one */
  if (!out->text_len && out->title) {
    out->text = out->title;
    out->text_len = strlen(out->title);
  }
  if (!out->title && hints && hints->title)
    out->title = cr_clean_dup(a, hints->title, strlen(hints->title));
  if (!out->published && hints && hints->published &&
      cr_date_parse(hints->published, strlen(hints->published), 0, date))
    out->published = cr_arena_strdup(a, date);
  if (hints) {
    if (hints->outlet) {
      out->outlet = cr_site_of_title(a, hints->outlet, hints->url);
      if (!out->outlet)
        out->outlet = cr_clean_dup(a, hints->outlet, strlen(hints->outlet));
    }
    if (hints->url)
      out->url = cr_clean_dup(a, hints->url, strlen(hints->url));
    if (hints->language)
      out->language = cr_clean_dup(a, hints->language, strlen(hints->language));
    if (!out->summary && hints->summary)
      out->summary = cr_clean_dup(a, hints->summary, strlen(hints->summary));
  }
  if (!out->outlet)
    out->outlet = o_copy     ? o_copy
                  : o_byline ? o_byline
                  : o_label  ? o_label
                  : o_self   ? o_self
                             : o_head;
  cr_list_out(&authors, &out->authors);
  cr_list_out(&dropped, &out->dropped);
  cr_list_out(&comments, &out->comments);
  if (!out->text_len)
    st = cr_error_set(err, CROSSREAD_ERR_EMPTY, NULL, "no article text found");
fail:
  cr_buf_clear(&body);
  cr_buf_clear(&summary);
  return st;
}
