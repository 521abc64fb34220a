/* report.c -- the digest view of an engine and helpers shared by the
 * renderers. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
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

const char *cr_report_speaker(const cr_story *s, const cr_squote *q) {
  if (q->speaker_entity)
    for (size_t i = 0; i < s->nentities; i++)
      if (!strcmp(s->entities[i].id, q->speaker_entity) && s->entities[i].name)
        return s->entities[i].name;
  return q->speaker_name ? q->speaker_name : "unattributed";
}

size_t cr_report_quote_len(const char *q) {
  size_t n = q ? strlen(q) : 0;
  while (n && (q[n - 1] == ',' || q[n - 1] == ':' || q[n - 1] == ';' ||
               q[n - 1] == ' '))
    n--;
  return n;
}

static const char *speaker_key(const cr_squote *q) {
  return q->speaker_entity ? q->speaker_entity
                           : q->speaker_name ? q->speaker_name : "";
}

size_t cr_report_quote_groups(const cr_story *s, size_t *order, size_t *first) {
  size_t n = s->nquotes, ng = 0, pos = 0;
  /* speakers in order of first appearance, with their weight */
  size_t *grp = n ? cr_calloc(n, sizeof *grp) : NULL;    /* quote -> group */
  size_t *weight = n ? cr_calloc(n, sizeof *weight) : NULL; /* group -> docs */
  size_t *rank = n ? cr_calloc(n, sizeof *rank) : NULL;
  if (n && (!grp || !weight || !rank)) {
    for (size_t i = 0; i < n; i++)
      order[i] = i;
    cr_free(grp);
    cr_free(weight);
    cr_free(rank);
    if (first) {
      first[0] = 0;
      first[1] = n;
    }
    return n ? 1 : 0;
  }
  for (size_t i = 0; i < n; i++) {
    size_t g = ng;
    for (size_t j = 0; j < i; j++)
      if (!strcmp(speaker_key(&s->quotes[j]), speaker_key(&s->quotes[i]))) {
        g = grp[j];
        break;
      }
    if (g == ng)
      rank[ng++] = g;
    grp[i] = g;
    weight[g] += s->quotes[i].docs.n;
  }
  /* stable sort of groups by weight, heaviest first; unattributed last */
  for (size_t a = 1; a < ng; a++) {
    size_t g = rank[a], b = a;
    while (b > 0 && weight[rank[b - 1]] < weight[g]) {
      rank[b] = rank[b - 1];
      b--;
    }
    rank[b] = g;
  }
  for (size_t r = 0; r < ng; r++) {
    if (first)
      first[r] = pos;
    for (size_t i = 0; i < n; i++)
      if (grp[i] == rank[r])
        order[pos++] = i;
  }
  if (first)
    first[ng] = pos;
  cr_free(grp);
  cr_free(weight);
  cr_free(rank);
  return ng;
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
