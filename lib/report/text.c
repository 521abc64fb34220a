/* text.c -- the digest for terminals (text, wrapped at 78 columns) and for
 * mail or notes (Markdown). Per story: a dated header, the summary, the facts
 * with how many independent origins back each, the disputes side by side,
 * who said what, the timeline, and the sources grouped by origin. */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "report.h"

#define WIDTH 78

typedef struct out_ctx {
  cr_buf *b;
  const cr_digest *dg;
  int md;
} out_ctx;

static size_t u8len(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* Article content into a line being built: in Markdown, backslash-escape
 * what would otherwise become markup or raw HTML. */
static void content(const out_ctx *o, cr_buf *dst, const char *s) {
  if (!s)
    return;
  if (!o->md) {
    cr_buf_puts(dst, s);
    return;
  }
  for (; *s; s++) {
    if (strchr("\\`*_[]<>#|~", *s))
      cr_buf_putc(dst, '\\');
    cr_buf_putc(dst, *s == '\n' ? ' ' : *s);
  }
}

/* Append s wrapped at WIDTH; first line after `first` (already printed, of
 * `col` columns), later lines indented by `indent` spaces. Markdown is not
 * wrapped (renderers reflow it). */
static void wrap(out_ctx *o, const char *s, size_t col, size_t indent) {
  if (o->md) {
    for (const char *p = s; *p; p++)
      cr_buf_putc(o->b, *p == '\n' ? ' ' : *p);
    return;
  }
  const char *p = s;
  while (*p) {
    while (*p == ' ' || *p == '\n')
      p++;
    if (!*p)
      break;
    size_t wl = strcspn(p, " \n");
    size_t w = u8len(p, wl);
    if (col > indent && col + 1 + w > WIDTH) {
      cr_buf_putc(o->b, '\n');
      for (size_t i = 0; i < indent; i++)
        cr_buf_putc(o->b, ' ');
      col = indent;
    } else if (col > indent) {
      cr_buf_putc(o->b, ' ');
      col++;
    }
    cr_buf_put(o->b, p, wl);
    col += w;
    p += wl;
  }
}

static void cites(out_ctx *o, const cr_idlist *l, cr_buf *tmp) {
  cr_buf_reset(tmp);
  cr_buf_putc(tmp, '[');
  for (size_t i = 0; i < l->n; i++) {
    if (l->v[i] >= o->dg->ndocs)
      continue;
    cr_buf_printf(tmp, "%s%s", i ? ", " : "", o->dg->docs[l->v[i]]->id);
  }
  cr_buf_putc(tmp, ']');
}

/* one list item: text, an optional tail, the citation list */
static void item(out_ctx *o, const char *text, const cr_idlist *l,
                 const char *tail) {
  cr_buf tmp;
  cr_buf_init(&tmp, 0);
  content(o, &tmp, text);
  if (tail)
    cr_buf_printf(&tmp, " %s", tail);
  if (l && l->n) {
    cr_buf c;
    cr_buf_init(&c, 0);
    cites(o, l, &c);
    cr_buf_printf(&tmp, " %s", c.data ? c.data : "");
    cr_buf_clear(&c);
  }
  cr_buf_puts(o->b, o->md ? "- " : "  - ");
  wrap(o, tmp.data ? tmp.data : "", 4, 4);
  cr_buf_putc(o->b, '\n');
  cr_buf_clear(&tmp);
}

/* an item whose line is already built (content escaped by the caller) */
static void item_raw_cited(out_ctx *o, const char *line, const cr_idlist *l) {
  cr_buf tmp;
  cr_buf_init(&tmp, 0);
  cr_buf_puts(&tmp, line ? line : "");
  if (l && l->n) {
    cr_buf c;
    cr_buf_init(&c, 0);
    cites(o, l, &c);
    cr_buf_printf(&tmp, " %s", c.data ? c.data : "");
    cr_buf_clear(&c);
  }
  cr_buf_puts(o->b, o->md ? "- " : "  - ");
  wrap(o, tmp.data ? tmp.data : "", 4, 4);
  cr_buf_putc(o->b, '\n');
  cr_buf_clear(&tmp);
}

static void item_raw(out_ctx *o, const char *line) { item_raw_cited(o, line, NULL); }

static void heading(out_ctx *o, const char *h) {
  if (o->md)
    cr_buf_printf(o->b, "\n### %s\n\n", h);
  else
    cr_buf_printf(o->b, "\n%s:\n", h);
}

static const char *status_mark(cr_claim_status s, int md) {
  switch (s) {
  case CR_CLAIM_CORROBORATED: return md ? "**corroborated**" : "[corroborated]";
  case CR_CLAIM_DISPUTED: return md ? "**disputed**" : "[disputed]";
  default: return md ? "*single source*" : "[single source]";
  }
}

static void story(out_ctx *o, const cr_story *s) {
  const cr_digest *dg = o->dg;
  char dates[160];
  cr_report_date_range(s, dates, sizeof dates);
  const char *title = s->title ? s->title : "(untitled story)";
  if (o->md) {
    cr_buf_puts(o->b, "\n## ");
    content(o, o->b, title);
    cr_buf_puts(o->b, "\n\n");
    cr_buf_printf(o->b, "*%s%s%zu article%s, %zu independent origin%s*\n",
                  dates, dates[0] ? " · " : "", s->ndocs, s->ndocs == 1 ? "" : "s",
                  s->independent_origins, s->independent_origins == 1 ? "" : "s");
  } else {
    cr_buf_puts(o->b, "\n== ");
    wrap(o, title, 3, 3);
    cr_buf_puts(o->b, "\n");
    cr_buf_printf(o->b, "   %s%s%zu article%s, %zu independent origin%s\n", dates,
                  dates[0] ? " | " : "", s->ndocs, s->ndocs == 1 ? "" : "s",
                  s->independent_origins, s->independent_origins == 1 ? "" : "s");
  }
  if (s->nsummary) {
    heading(o, "Summary");
    for (size_t i = 0; i < s->nsummary; i++)
      item(o, s->summary[i].text, &s->summary[i].docs, NULL);
  }
  if (s->nclaims) {
    heading(o, "Facts");
    char tail[96];
    for (size_t i = 0; i < s->nclaims; i++) {
      const cr_sclaim *c = &s->claims[i];
      if (c->status == CR_CLAIM_DISPUTED)
        continue;
      snprintf(tail, sizeof tail, "%s %zu origin%s", status_mark(c->status, o->md),
               c->origins, c->origins == 1 ? "" : "s");
      item(o, c->text, &c->docs, tail);
    }
  }
  if (s->nconflicts) {
    heading(o, "Disputed");
    for (size_t i = 0; i < s->nconflicts; i++) {
      const cr_sconflict *c = &s->conflicts[i];
      cr_buf line, cb;
      cr_buf_init(&line, 0);
      cr_buf_init(&cb, 0);
      content(o, &line, c->about ? c->about : "value");
      cr_buf_puts(&line, ": ");
      for (size_t k = 0; k < c->nvalues; k++) {
        cites(o, &c->values[k].docs, &cb);
        cr_buf_printf(&line, "%s%s", k ? " vs " : "", o->md ? "**" : "");
        content(o, &line, c->values[k].value ? c->values[k].value : "?");
        cr_buf_printf(&line, "%s %s", o->md ? "**" : "", cb.data ? cb.data : "");
      }
      item_raw(o, line.data);
      cr_buf_clear(&line);
      cr_buf_clear(&cb);
    }
  }
  if (s->nquotes) {
    heading(o, "Quotes");
    size_t *order = cr_calloc(s->nquotes, sizeof *order);
    size_t *first = cr_calloc(s->nquotes + 1, sizeof *first);
    size_t ng = order && first ? cr_report_quote_groups(s, order, first) : 0;
    for (size_t g = 0; g < ng; g++) {
      for (size_t k = first[g]; k < first[g + 1]; k++) {
        const cr_squote *q = &s->quotes[order[k]];
        cr_buf line, qt;
        cr_buf_init(&line, 0);
        cr_buf_init(&qt, 0);
        cr_buf_puts(&line, o->md ? "**" : "");
        content(o, &line, cr_report_speaker(s, q));
        cr_buf_printf(&line, "%s: \"", o->md ? "**" : "");
        cr_buf_put(&qt, q->text ? q->text : "", cr_report_quote_len(q->text));
        content(o, &line, qt.data ? qt.data : "");
        cr_buf_putc(&line, '"');
        item_raw_cited(o, line.data, &q->docs);
        cr_buf_clear(&line);
        cr_buf_clear(&qt);
      }
    }
    cr_free(order);
    cr_free(first);
  }
  if (s->ntimeline) {
    heading(o, "Timeline");
    for (size_t i = 0; i < s->ntimeline; i++) {
      const cr_sevent *e = &s->timeline[i];
      cr_buf line;
      cr_buf_init(&line, 0);
      cr_buf_printf(&line, "%s%s%s  ", o->md ? "**" : "", e->date ? e->date : "?",
                    o->md ? "**" : "");
      content(o, &line, e->text);
      item_raw_cited(o, line.data, &e->docs);
      cr_buf_clear(&line);
    }
  }
  heading(o, "Sources");
  for (size_t k = 0; k < s->ndocs; k++) {
    if (s->docs[k] >= dg->ndocs)
      continue;
    const cr_doc *d = dg->docs[s->docs[k]];
    cr_buf line;
    cr_buf_init(&line, 0);
    const char *outlet = cr_report_outlet(d);
    cr_buf_printf(&line, "[%s] ", d->id);
    if (outlet) {
      content(o, &line, outlet);
      cr_buf_puts(&line, ": ");
    }
    content(o, &line, cr_report_title(d));
    if (d->ex.published)
      cr_buf_printf(&line, " (%.16s)", d->ex.published);
    for (size_t e = 0; e < d->nderived; e++)
      if (d->derived[e].doc < dg->ndocs)
        cr_buf_printf(&line, "; %s of %s", d->derived[e].relation,
                      dg->docs[d->derived[e].doc]->id);
    if (d->origin >= 0)
      cr_buf_printf(&line, "; origin o%d", d->origin + 1);
    item_raw(o, line.data);
    cr_buf_clear(&line);
  }
}

crossread_status cr_report_text(const cr_digest *dg, cr_buf *out, int md) {
  out_ctx o = {out, dg, md};
  cr_buf_printf(out, "%scrossread digest%s%s: %zu article%s, %zu stor%s\n",
                md ? "# " : "", dg->generated ? " of " : "",
                dg->generated ? dg->generated : "", dg->ndocs,
                dg->ndocs == 1 ? "" : "s", dg->nstories,
                dg->nstories == 1 ? "y" : "ies");
  for (size_t i = 0; i < dg->nstories; i++)
    story(&o, &dg->stories[i]);
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}

crossread_status cr_report_text_article(const cr_doc *d, cr_buf *out) {
  if (d->ex.title || d->hints.title)
    cr_buf_printf(out, "%s\n\n", cr_report_title(d));
  const char *outlet = cr_report_outlet(d);
  if (outlet)
    cr_buf_printf(out, "Outlet: %s\n", outlet);
  for (size_t i = 0; i < d->ex.authors.n; i++)
    cr_buf_printf(out, "Author: %s\n", d->ex.authors.v[i]);
  if (d->ex.published)
    cr_buf_printf(out, "Published: %s\n", d->ex.published);
  if (d->ex.dateline)
    cr_buf_printf(out, "Dateline: %s\n", d->ex.dateline);
  if (d->ex.credit)
    cr_buf_printf(out, "Credit: %s\n", d->ex.credit);
  const char *lang = d->ex.language ? d->ex.language : d->hints.language;
  if (lang)
    cr_buf_printf(out, "Language: %s\n", lang);
  const char *url = d->ex.url ? d->ex.url : d->hints.url;
  if (url)
    cr_buf_printf(out, "URL: %s\n", url);
  cr_buf_printf(out, "Words: %zu (%u min read)\n", d->norm.words,
                cr_report_reading_minutes(d->norm.words));
  if (d->ex.dropped.n || d->ex.comments.n)
    cr_buf_printf(out, "Dropped: %zu boilerplate block%s; %zu reader comment%s kept apart\n",
                  d->ex.dropped.n, d->ex.dropped.n == 1 ? "" : "s", d->ex.comments.n,
                  d->ex.comments.n == 1 ? "" : "s");
  if (d->ex.summary)
    cr_buf_printf(out, "Summary: %s\n", d->ex.summary);
  cr_buf_putc(out, '\n');
  cr_buf_puts(out, d->norm.text ? d->norm.text : "");
  cr_buf_putc(out, '\n');
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}
