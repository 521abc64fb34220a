/* text.c -- the digest for terminals (text) and for mail or notes
 * (Markdown): a dated header, then each story with its sources. */
#include <string.h>
#include <time.h>

#include "engine.h"
#include "report.h"

static const char *article_title(const cr_doc *d) {
  return d->ex.title ? d->ex.title : d->hints.title ? d->hints.title : d->source;
}

static const char *article_outlet(const cr_doc *d) {
  return d->ex.outlet ? d->ex.outlet : d->hints.outlet;
}

crossread_status cr_report_text(const crossread_engine *eng, cr_buf *out,
                                int md) {
  const cr_pipeline *p = eng->pipe;
  size_t ns = cr_pipeline_story_count(p);
  cr_buf_printf(out, "%scrossread digest: %zu article%s, %zu stor%s\n\n",
                md ? "# " : "", eng->ndocs, eng->ndocs == 1 ? "" : "s", ns,
                ns == 1 ? "y" : "ies");
  for (size_t i = 0; i < ns; i++) {
    const cr_story *s = cr_pipeline_story(p, i);
    const char *title = s->title ? s->title : "(untitled story)";
    if (md)
      cr_buf_printf(out, "## %s\n\n", title);
    else
      cr_buf_printf(out, "== %s ==\n", title);
    cr_buf_printf(out, "%s%zu article%s, %zu independent origin%s\n\n",
                  md ? "" : "", s->ndocs, s->ndocs == 1 ? "" : "s",
                  s->independent_origins, s->independent_origins == 1 ? "" : "s");
    cr_buf_printf(out, "%s\n", md ? "### Sources\n" : "Sources:");
    for (size_t k = 0; k < s->ndocs; k++) {
      const cr_doc *d = eng->docs[s->docs[k]];
      const char *outlet = article_outlet(d);
      cr_buf_printf(out, "%s[%s] %s%s%s (%zu words)\n", md ? "- " : "  ", d->id,
                    article_title(d), outlet ? " - " : "", outlet ? outlet : "",
                    d->norm.words);
    }
    cr_buf_putc(out, '\n');
  }
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}

crossread_status cr_report_text_article(const cr_doc *d, cr_buf *out) {
  const char *t = article_title(d);
  if (d->ex.title || d->hints.title)
    cr_buf_printf(out, "%s\n\n", t);
  const char *outlet = article_outlet(d);
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
