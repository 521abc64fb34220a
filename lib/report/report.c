/* report.c -- the digest view of an engine and helpers shared by the
 * renderers. */
#include "report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine.h"

unsigned cr_report_reading_minutes(size_t words) {
  /* 230 words a minute, rounded up; any text takes at least a minute */
  return words ? (unsigned)((words + 229) / 230) : 0;
}

void cr_report_html_escape(cr_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default: break;
    }
    if (rep) {
      cr_buf_put(b, s + run, i - run);
      cr_buf_puts(b, rep);
      run = i + 1;
    }
  }
  cr_buf_put(b, s + run, n - run);
}

const char *cr_report_title(const cr_doc *d) {
  if (d->ex.title)
    return d->ex.title;
  if (d->hints.title)
    return d->hints.title;
  return d->source ? d->source : d->id;
}

const char *cr_report_outlet(const cr_doc *d) {
  return d->ex.outlet ? d->ex.outlet : d->hints.outlet;
}

static void fmt_day(const char *iso, char *out, size_t cap) {
  static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y = 0, m = 0, d = 0;
  int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
  if (n >= 2 && m >= 1 && m <= 12) {
    if (n == 3 && d >= 1 && d <= 31)
      snprintf(out, cap, "%d %s %d", d, mon[m - 1], y);
    else
      snprintf(out, cap, "%s %d", mon[m - 1], y);
  } else if (n == 1) {
    snprintf(out, cap, "%d", y);
  } else {
    snprintf(out, cap, "%s", iso);
  }
}

void cr_report_date_range(const cr_story *s, char *out, size_t cap) {
  out[0] = '\0';
  if (!s->first_published)
    return;
  char a[64], b[64];
  fmt_day(s->first_published, a, sizeof a);
  if (!s->last_published || strncmp(s->first_published, s->last_published, 10) == 0) {
    snprintf(out, cap, "%s", a);
    return;
  }
  fmt_day(s->last_published, b, sizeof b);
  snprintf(out, cap, "%s - %s", a, b);
}

crossread_status cr_report_digest(const cr_digest *d, crossread_format fmt,
                                  cr_buf *out) {
  switch (fmt) {
  case CROSSREAD_FORMAT_JSON: return cr_report_json(d, out);
  case CROSSREAD_FORMAT_MARKDOWN: return cr_report_text(d, out, 1);
  case CROSSREAD_FORMAT_TEXT: return cr_report_text(d, out, 0);
  case CROSSREAD_FORMAT_HTML: return cr_report_html(d, out);
  }
  return CROSSREAD_ERR_USAGE;
}

crossread_status cr_report_render(const crossread_engine *eng,
                                  crossread_format fmt, cr_buf *out) {
  cr_digest d;
  memset(&d, 0, sizeof d);
  d.docs = eng->docs;
  d.ndocs = eng->ndocs;
  d.nstories = cr_pipeline_story_count(eng->pipe);
  d.stories = d.nstories ? cr_pipeline_story(eng->pipe, 0) : NULL;
  d.flags = eng->flags;
  char today[32];
  time_t now = time(NULL);
  struct tm tmv;
  if (gmtime_r(&now, &tmv) && strftime(today, sizeof today, "%Y-%m-%d", &tmv))
    d.generated = today;
  return cr_report_digest(&d, fmt, out);
}

crossread_status cr_report_article(const cr_doc *d, crossread_format fmt,
                                   cr_buf *out) {
  if (fmt == CROSSREAD_FORMAT_JSON)
    return cr_report_json_article(d, out);
  return cr_report_text_article(d, out);
}
