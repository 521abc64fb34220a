/* date.c -- dates as pages and dumps write them, turned into ISO 8601 at
 * the precision given: "2025-12-13", "2025-12-13T10:30:00Z",
 * "2025-12-13T10:30:00-05:00". Forms: ISO 8601, RFC 822 ("Sat, 13 Dec 2025
 * 10:30:00 GMT"), ctime ("Wed Dec 17 04:20:00 UTC 2025"), prose ("December
 * 13, 2025 10:30 AM EST", "13 Dec 2025"), URL paths ("/2025/12/13/"). */
#include <stdio.h>
#include <string.h>

#include "extract_int.h"

typedef struct dt {
  int y, mo, d, h, mi, s, has_time, has_zone, zoff; /* zoff in minutes */
} dt;

static int isdig(int c) { return c >= '0' && c <= '9'; }
static int isalph(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static int num(const char *p, const char *e, int k, int *v) {
  int x = 0;
  for (int i = 0; i < k; i++) {
    if (p + i >= e || !isdig((unsigned char)p[i]))
      return 0;
    x = x * 10 + (p[i] - '0');
  }
  *v = x;
  return 1;
}

/* 1 or 2 digits, not followed by a digit */
static int num12(const char **pp, const char *e, int *v) {
  const char *p = *pp;
  if (p >= e || !isdig((unsigned char)*p))
    return 0;
  int x = *p++ - '0';
  if (p < e && isdig((unsigned char)*p))
    x = x * 10 + (*p++ - '0');
  if (p < e && isdig((unsigned char)*p))
    return 0;
  *v = x;
  *pp = p;
  return 1;
}

static int valid(const dt *t) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return t->y >= 1900 && t->y <= 2100 && t->mo >= 1 && t->mo <= 12 &&
         t->d >= 1 && t->d <= mdays[t->mo - 1] &&
         (!t->has_time || (t->h < 24 && t->mi < 60 && t->s < 61));
}

static void format(const dt *t, char out[32]) {
  if (!t->has_time) {
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)t->y % 10000u,
             (unsigned)t->mo % 100u, (unsigned)t->d % 100u);
    return;
  }
  char z[16] = "";
  if (t->has_zone) {
    if (t->zoff == 0)
      snprintf(z, sizeof z, "Z");
    else {
      int a = t->zoff < 0 ? -t->zoff : t->zoff;
      snprintf(z, sizeof z, "%c%02d:%02d", t->zoff < 0 ? '-' : '+',
               (a / 60) % 100, a % 60);
    }
  }
  snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u%.6s",
           (unsigned)t->y % 10000u, (unsigned)t->mo % 100u,
           (unsigned)t->d % 100u, (unsigned)t->h % 100u, (unsigned)t->mi % 100u,
           (unsigned)t->s % 100u, z);
}

static int month_of(const char *p, const char *e, const char **end) {
  static const char *const names[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const char *q = p;
  while (q < e && isalph((unsigned char)*q))
    q++;
  size_t n = (size_t)(q - p);
  if (n < 3)
    return 0;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(names[m]);
    if (n == full && cr_ascii_ieq(p, n, names[m]))
      goto ok;
    if (n == 3 &&
        cr_ascii_ieq(p, 3, (char[4]){names[m][0], names[m][1], names[m][2], 0}))
      goto ok;
    if (m == 8 && n == 4 && cr_ascii_ieq(p, 4, "sept"))
      goto ok;
    continue;
  ok:
    if (q < e && *q == '.')
      q++;
    *end = q;
    return m + 1;
  }
  return 0;
}

static int weekday(const char *p, const char *e, const char **end) {
  static const char *const names[] = {"monday",   "tuesday", "wednesday",
                                      "thursday", "friday",  "saturday",
                                      "sunday"};
  const char *q = p;
  while (q < e && isalph((unsigned char)*q))
    q++;
  size_t n = (size_t)(q - p);
  for (int i = 0; i < 7; i++) {
    if ((n == strlen(names[i]) && cr_ascii_ieq(p, n, names[i])) ||
        (n == 3 &&
         cr_ascii_ieq(p, 3,
                      (char[4]){names[i][0], names[i][1], names[i][2], 0}))) {
      if (q < e && (*q == ',' || *q == '.'))
        q++;
      *end = q;
      return 1;
    }
  }
  return 0;
}

static const char *skip_sp(const char *p, const char *e) {
  while (p < e &&
         (*p == ' ' || *p == '\t' || *p == '\n' || (unsigned char)*p == 0xA0))
    p++;
  /* a non-breaking space in UTF-8 */
  while (p + 1 < e && (unsigned char)p[0] == 0xC2 &&
         (unsigned char)p[1] == 0xA0)
    p += 2;
  return p;
}

static int zone(const char **pp, const char *e, dt *t) {
  static const struct {
    const char *n;
    int off;
  } zones[] = {{"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"EST", -300},
               {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
               {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"BST", 60},
               {"CET", 60},   {"CEST", 120}, {"EET", 120},  {"EEST", 180},
               {"MSK", 180},  {"IST", 330},  {"JST", 540},  {"AEST", 600},
               {"AEDT", 660}};
  const char *p = skip_sp(*pp, e);
  if (p < e && (*p == '+' || *p == '-') && p + 3 <= e &&
      isdig((unsigned char)p[1])) {
    int sign = *p == '-' ? -1 : 1, hh, mm = 0;
    const char *q = p + 1;
    if (!num(q, e, 2, &hh))
      return 0;
    q += 2;
    if (q < e && *q == ':')
      q++;
    if (num(q, e, 2, &mm))
      q += 2;
    t->has_zone = 1;
    t->zoff = sign * (hh * 60 + mm);
    *pp = q;
    return 1;
  }
  const char *q = p;
  while (q < e && isalph((unsigned char)*q))
    q++;
  size_t n = (size_t)(q - p);
  for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
    if (n == strlen(zones[i].n) && memcmp(p, zones[i].n, n) == 0) {
      t->has_zone = 1;
      t->zoff = zones[i].off;
      /* "GMT+2", "UTC-05:00" */
      const char *r = q;
      if (r < e && (*r == '+' || *r == '-')) {
        int sign = *r == '-' ? -1 : 1, hh, mm = 0;
        r++;
        if (num12(&r, e, &hh)) {
          if (r < e && *r == ':' && num(r + 1, e, 2, &mm))
            r += 3;
          t->zoff = sign * (hh * 60 + mm);
          q = r;
        }
      }
      *pp = q;
      return 1;
    }
  return 0;
}

/* HH:MM[:SS] [am|pm] [zone] */
static int clock(const char **pp, const char *e, dt *t) {
  const char *p = skip_sp(*pp, e);
  int h, mi, s = 0;
  if (!num12(&p, e, &h) || p >= e || *p != ':' || !num(p + 1, e, 2, &mi))
    return 0;
  p += 3;
  if (p < e && *p == ':' && num(p + 1, e, 2, &s))
    p += 3;
  if (p + 1 < e && *p == '.' && isdig((unsigned char)p[1])) {
    p++; /* fractions of a second */
    while (p < e && isdig((unsigned char)*p))
      p++;
  }
  const char *q = skip_sp(p, e);
  if (q + 1 < e && ((q[0] | 32) == 'a' || (q[0] | 32) == 'p') &&
      ((q[1] | 32) == 'm' || q[1] == '.')) {
    int pm = (q[0] | 32) == 'p';
    q += 2;
    if (q < e && *q == '.')
      q++;
    if (q < e && (*q | 32) == 'm')
      q++;
    if (q < e && *q == '.')
      q++;
    if (h == 12)
      h = 0;
    if (pm)
      h += 12;
    p = q;
  }
  t->h = h;
  t->mi = mi;
  t->s = s;
  t->has_time = 1;
  zone(&p, e, t);
  *pp = p;
  return 1;
}

static int iso(const char *p, const char *e, dt *t, const char **end) {
  if (!num(p, e, 4, &t->y) || p + 10 > e || (p[4] != '-' && p[4] != '/'))
    return 0;
  char sep = p[4];
  if (!num(p + 5, e, 2, &t->mo) || p[7] != sep || !num(p + 8, e, 2, &t->d))
    return 0;
  if (p + 10 < e && isdig((unsigned char)p[10]))
    return 0;
  const char *q = p + 10;
  if (q < e && (*q == 'T' || *q == ' ')) {
    const char *r = q + 1;
    dt u = *t;
    if (clock(&r, e, &u)) {
      *t = u;
      q = r;
    }
  }
  *end = q;
  return 1;
}

/* month day[,] [year] [time] / day month[,] year [time] / ctime */
static int prose(const char *p, const char *e, dt *t, const char **end) {
  const char *q;
  if (weekday(p, e, &q))
    p = skip_sp(q, e);
  int m = month_of(p, e, &q);
  if (m) {
    t->mo = m;
    q = skip_sp(q, e);
    if (!num12(&q, e, &t->d))
      return 0;
    if (q + 1 < e && isalph((unsigned char)q[0]) &&
        isalph((unsigned char)q[1]) &&
        !isalph(q + 2 < e ? (unsigned char)q[2] : 0))
      q += 2; /* 13th */
    if (q < e && *q == ',')
      q++;
    const char *r = skip_sp(q, e);
    /* ctime: "Dec 17 04:20:00 UTC 2025" */
    dt u = *t;
    if (clock(&r, e, &u)) {
      r = skip_sp(r, e);
      if (num(r, e, 4, &u.y) && !(r + 4 < e && isdig((unsigned char)r[4]))) {
        *t = u;
        *end = r + 4;
        return 1;
      }
      return 0;
    }
    if (!num(r, e, 4, &t->y) || (r + 4 < e && isdig((unsigned char)r[4])))
      return 0;
    q = r + 4;
  } else {
    q = p;
    if (!num12(&q, e, &t->d))
      return 0;
    if (q + 1 < e && isalph((unsigned char)q[0]) &&
        isalph((unsigned char)q[1]) && !month_of(q, e, &(const char *){0}))
      q += 2;
    if (q < e && *q == '.')
      q++;
    q = skip_sp(q, e);
    m = month_of(q, e, &q);
    if (!m)
      return 0;
    t->mo = m;
    if (q < e && *q == ',')
      q++;
    q = skip_sp(q, e);
    if (!num(q, e, 4, &t->y) || (q + 4 < e && isdig((unsigned char)q[4])))
      return 0;
    q += 4;
  }
  /* optional time: ", 10:30 AM EST", " at 10:30", " - 10:30" */
  const char *r = q;
  if (r < e && *r == ',')
    r++;
  r = skip_sp(r, e);
  if (r + 2 < e && cr_ascii_ieq(r, 2, "at") && r[2] == ' ')
    r += 3;
  else if (r < e && (*r == '-' || *r == '|'))
    r++;
  dt u = *t;
  if (clock(&r, e, &u)) {
    *t = u;
    q = r;
  }
  *end = q;
  return 1;
}

/* /2025/12/13/ or /20251213/ in a URL path */
static int url_date(const char *p, const char *e, dt *t, const char **end) {
  if (p >= e || (*p != '/' && *p != '-' && *p != '_'))
    return 0;
  p++;
  if (!num(p, e, 4, &t->y))
    return 0;
  if (p + 4 < e && (p[4] == '/' || p[4] == '-') && num(p + 5, e, 2, &t->mo) &&
      p + 7 < e && p[7] == p[4] && num(p + 8, e, 2, &t->d) &&
      (p + 10 == e || !isdig((unsigned char)p[10]))) {
    *end = p + 10;
    return 1;
  }
  if (num(p, e, 8, &t->y) && (p + 8 == e || !isdig((unsigned char)p[8]))) {
    int v = t->y;
    t->y = v / 10000;
    t->mo = v / 100 % 100;
    t->d = v % 100;
    *end = p + 8;
    return 1;
  }
  return 0;
}

int cr_date_parse(const char *s, size_t n, int anywhere, char out[32]) {
  const char *e = s + n;
  for (const char *p = skip_sp(s, e); p < e; p++) {
    unsigned char c = (unsigned char)*p;
    int word = isdig(c) || isalph(c);
    if (p > s && word &&
        (isdig((unsigned char)p[-1]) || isalph((unsigned char)p[-1])))
      continue; /* only at the start of a word */
    dt t = {0};
    const char *end;
    if (((isdig(c) && iso(p, e, &t, &end)) || (word && prose(p, e, &t, &end)) ||
         (anywhere == 2 && url_date(p, e, &t, &end))) &&
        valid(&t)) {
      format(&t, out);
      return 1;
    }
    if (!anywhere)
      break;
  }
  return 0;
}
