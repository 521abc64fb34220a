/* html.c -- the digest as one self-contained HTML page: no external assets,
 * no scripts, inline CSS, every piece of article content HTML-escaped. Per
 * story: the summary with citations, the claims coloured by status, the
 * disagreements side by side, the quotes, the timeline, the entities with
 * their spellings, and the sources grouped by origin. */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "report.h"

static void esc(cr_buf *b, const char *s) {
  if (s)
    cr_report_html_escape(b, s, strlen(s));
}

static const char *css =
    ":root{--fg:#1d2330;--muted:#5b6472;--line:#dde1e7;--bg:#fff;--soft:#f5f7fa;"
    "--ok:#1e7d4f;--okbg:#e3f4ea;--one:#8a5a00;--onebg:#fdf1d8;--bad:#b42318;--badbg:#fde7e5;"
    "--link:#1f5fbf}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:var(--fg);background:var(--soft)}"
    "header.top{background:#17202e;color:#fff;padding:1.2rem 1.5rem}"
    "header.top h1{margin:0;font-size:1.35rem;letter-spacing:.01em}"
    "header.top p{margin:.25rem 0 0;color:#c9d1dd;font-size:.9rem}"
    "main{max-width:64rem;margin:0 auto;padding:1rem}"
    "nav.toc{background:var(--bg);border:1px solid var(--line);border-radius:8px;"
    "padding:.6rem 1rem;margin:1rem 0}"
    "nav.toc ol{margin:.2rem 0;padding-left:1.4rem}"
    "section.story{background:var(--bg);border:1px solid var(--line);border-radius:10px;"
    "padding:1.2rem 1.5rem;margin:1.2rem 0}"
    "section.story>h2{margin:.1rem 0 .2rem;font-size:1.45rem;line-height:1.25}"
    ".meta{color:var(--muted);font-size:.9rem;margin:0 0 .6rem}"
    "h3{font-size:1.02rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);"
    "margin:1.3rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}"
    "ol.summary{padding-left:1.3rem}ol.summary li{margin:.35rem 0}"
    "a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}"
    ".cite{font-size:.8rem;white-space:nowrap}"
    ".cite a{display:inline-block;background:#eef3fb;border-radius:4px;padding:0 .3rem;"
    "margin-left:.15rem}"
    "table{border-collapse:collapse;width:100%;font-size:.93rem}"
    "th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid var(--line)}"
    "th{color:var(--muted);font-weight:600;font-size:.82rem;text-transform:uppercase}"
    ".badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.78rem;"
    "font-weight:600;white-space:nowrap}"
    ".corroborated .badge{background:var(--okbg);color:var(--ok)}"
    ".single_source .badge{background:var(--onebg);color:var(--one)}"
    ".disputed .badge{background:var(--badbg);color:var(--bad)}"
    "tr.disputed td{background:#fff8f7}"
    ".conflict{border:1px solid #f3c2bd;border-radius:8px;margin:.6rem 0;overflow:hidden}"
    ".conflict h4{margin:0;padding:.45rem .8rem;background:var(--badbg);color:var(--bad);font-size:.95rem}"
    ".sides{display:flex;flex-wrap:wrap}"
    ".side{flex:1 1 12rem;padding:.6rem .8rem;border-right:1px solid var(--line)}"
    ".side:last-child{border-right:0}"
    ".side .v{font-size:1.5rem;font-weight:700}"
    ".side .who{color:var(--muted);font-size:.85rem}"
    "blockquote{margin:.5rem 0;padding:.4rem .9rem;border-left:4px solid #c7d2e3;background:var(--soft)}"
    ".speaker{margin:.6rem 0}.speaker h4{margin:.2rem 0;font-size:.95rem}"
    "details>summary{cursor:pointer;color:var(--link);margin:.4rem 0}"
    "ul.timeline{list-style:none;padding:0}ul.timeline li{display:flex;gap:.8rem;margin:.3rem 0}"
    "ul.timeline .d{flex:0 0 7.5rem;font-weight:600;font-variant-numeric:tabular-nums}"
    ".chips{display:flex;flex-wrap:wrap;gap:.35rem}"
    ".chip{border:1px solid var(--line);border-radius:6px;padding:.15rem .5rem;font-size:.88rem;background:var(--soft)}"
    ".chip small{color:var(--muted)}"
    ".origin{border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;margin:.5rem 0}"
    ".origin>b{font-size:.82rem;color:var(--muted);text-transform:uppercase}"
    ".origin ul{margin:.3rem 0;padding-left:1.1rem}"
    ".rel{font-size:.82rem;color:var(--one)}"
    "footer{color:var(--muted);font-size:.82rem;text-align:center;padding:1rem}";

static void cites(cr_buf *b, const cr_digest *dg, const cr_idlist *l) {
  if (!l || !l->n)
    return;
  cr_buf_puts(b, " <span class=\"cite\">");
  for (size_t i = 0; i < l->n; i++) {
    if (l->v[i] >= dg->ndocs)
      continue;
    const cr_doc *d = dg->docs[l->v[i]];
    cr_buf_printf(b, "<a href=\"#%s\" title=\"", d->id);
    const char *outlet = cr_report_outlet(d);
    esc(b, outlet ? outlet : cr_report_title(d));
    cr_buf_printf(b, "\">%s</a>", d->id);
  }
  cr_buf_puts(b, "</span>");
}

static void claims_table(cr_buf *b, const cr_digest *dg, const cr_story *s) {
  cr_buf_puts(b, "<h3>Claims</h3><table><thead><tr><th>Claim</th><th>Value</th>"
                 "<th>Status</th><th>Origins</th><th>Articles</th></tr></thead><tbody>\n");
  for (size_t i = 0; i < s->nclaims; i++) {
    const cr_sclaim *c = &s->claims[i];
    const char *st = cr_claim_status_name(c->status);
    cr_buf_printf(b, "<tr class=\"%s\" id=\"%s-%s\"><td>", st, s->id, c->id);
    esc(b, c->text);
    cr_buf_puts(b, "</td><td>");
    esc(b, c->value_text);
    cr_buf_printf(b, "</td><td><span class=\"badge\">%s</span></td><td>%zu</td><td>",
                  c->status == CR_CLAIM_CORROBORATED ? "corroborated"
                  : c->status == CR_CLAIM_DISPUTED   ? "disputed"
                                                     : "single source",
                  c->origins);
    cites(b, dg, &c->docs);
    cr_buf_puts(b, "</td></tr>\n");
  }
  cr_buf_puts(b, "</tbody></table>\n");
}

static void conflicts(cr_buf *b, const cr_digest *dg, const cr_story *s) {
  cr_buf_puts(b, "<h3>Disagreements</h3>\n");
  for (size_t i = 0; i < s->nconflicts; i++) {
    const cr_sconflict *c = &s->conflicts[i];
    cr_buf_puts(b, "<div class=\"conflict\"><h4>");
    esc(b, c->about ? c->about : "value");
    cr_buf_puts(b, "</h4><div class=\"sides\">");
    for (size_t k = 0; k < c->nvalues; k++) {
      const cr_svalue *v = &c->values[k];
      cr_buf_puts(b, "<div class=\"side\"><div class=\"v\">");
      esc(b, v->value);
      cr_buf_puts(b, "</div><div class=\"who\">");
      for (size_t j = 0; j < v->docs.n; j++) {
        if (v->docs.v[j] >= dg->ndocs)
          continue;
        const cr_doc *d = dg->docs[v->docs.v[j]];
        const char *outlet = cr_report_outlet(d);
        cr_buf_printf(b, "%s<a href=\"#%s\">", j ? ", " : "", d->id);
        esc(b, outlet ? outlet : d->id);
        cr_buf_puts(b, "</a>");
      }
      cr_buf_printf(b, "<br>%zu independent origin%s</div></div>", v->origins,
                    v->origins == 1 ? "" : "s");
    }
    cr_buf_puts(b, "</div></div>\n");
  }
}

static void sources(cr_buf *b, const cr_digest *dg, const cr_story *s) {
  cr_buf_puts(b, "<h3>Sources by origin</h3>\n");
  /* one box per origin, in order of first appearance */
  for (size_t k = 0; k < s->ndocs; k++) {
    const cr_doc *first = dg->docs[s->docs[k]];
    int seen = 0;
    for (size_t j = 0; j < k && first->origin >= 0; j++)
      seen |= dg->docs[s->docs[j]]->origin == first->origin;
    if (seen)
      continue;
    cr_buf_puts(b, "<div class=\"origin\"><b>");
    if (first->origin >= 0)
      cr_buf_printf(b, "Origin o%d", first->origin + 1);
    else
      cr_buf_puts(b, "Origin unknown");
    cr_buf_puts(b, "</b><ul>");
    for (size_t j = k; j < s->ndocs; j++) {
      const cr_doc *d = dg->docs[s->docs[j]];
      if (j != k && (first->origin < 0 || d->origin != first->origin))
        continue;
      const char *outlet = cr_report_outlet(d);
      const char *url = d->ex.url ? d->ex.url : d->hints.url;
      cr_buf_printf(b, "<li id=\"%s\"><b>%s</b> ", d->id, d->id);
      if (outlet) {
        esc(b, outlet);
        cr_buf_puts(b, ": ");
      }
      if (url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8))) {
        cr_buf_puts(b, "<a href=\"");
        esc(b, url);
        cr_buf_puts(b, "\">");
        esc(b, cr_report_title(d));
        cr_buf_puts(b, "</a>");
      } else {
        esc(b, cr_report_title(d));
      }
      if (d->ex.published) {
        cr_buf_puts(b, " <span class=\"meta\">");
        esc(b, d->ex.published);
        cr_buf_puts(b, "</span>");
      }
      for (size_t e = 0; e < d->nderived; e++)
        if (d->derived[e].doc < dg->ndocs)
          cr_buf_printf(b, " <span class=\"rel\">%s of %s</span>", d->derived[e].relation,
                        dg->docs[d->derived[e].doc]->id);
      cr_buf_puts(b, "</li>");
      if (first->origin < 0)
        break;
    }
    cr_buf_puts(b, "</ul></div>\n");
  }
}

/* Who said what: quotes grouped by speaker, the most cited speakers first;
 * past the first few, the rest folds away under <details>. */
static void quotes(cr_buf *b, const cr_digest *dg, const cr_story *s) {
  size_t *order = cr_calloc(s->nquotes, sizeof *order);
  size_t *first = cr_calloc(s->nquotes + 1, sizeof *first);
  if (!order || !first) {
    cr_free(order);
    cr_free(first);
    return;
  }
  size_t ng = cr_report_quote_groups(s, order, first);
  cr_buf_printf(b, "<h3>Who said what</h3>\n");
  for (size_t g = 0; g < ng; g++) {
    if (g == 6)
      cr_buf_printf(b, "<details><summary>%zu more speaker%s</summary>\n", ng - 6,
                    ng - 6 == 1 ? "" : "s");
    const cr_squote *q0 = &s->quotes[order[first[g]]];
    cr_buf_puts(b, "<div class=\"speaker\"><h4>");
    esc(b, cr_report_speaker(s, q0));
    cr_buf_puts(b, "</h4>");
    for (size_t k = first[g]; k < first[g + 1]; k++) {
      const cr_squote *q = &s->quotes[order[k]];
      cr_buf_puts(b, "<blockquote>&ldquo;");
      cr_report_html_escape(b, q->text ? q->text : "", cr_report_quote_len(q->text));
      cr_buf_puts(b, "&rdquo;");
      cites(b, dg, &q->docs);
      cr_buf_puts(b, "</blockquote>");
    }
    cr_buf_puts(b, "</div>\n");
  }
  if (ng > 6)
    cr_buf_puts(b, "</details>\n");
  cr_free(order);
  cr_free(first);
}

static void story(cr_buf *b, const cr_digest *dg, const cr_story *s) {
  char dates[160];
  cr_report_date_range(s, dates, sizeof dates);
  cr_buf_printf(b, "<section class=\"story\" id=\"%s\"><h2>", s->id);
  esc(b, s->title ? s->title : "(untitled story)");
  cr_buf_puts(b, "</h2><p class=\"meta\">");
  esc(b, dates);
  cr_buf_printf(b, "%s%zu article%s &middot; %zu independent origin%s",
                dates[0] ? " &middot; " : "", s->ndocs, s->ndocs == 1 ? "" : "s",
                s->independent_origins, s->independent_origins == 1 ? "" : "s");
  if (s->nconflicts)
    cr_buf_printf(b, " &middot; <span style=\"color:var(--bad)\">%zu disagreement%s</span>",
                  s->nconflicts, s->nconflicts == 1 ? "" : "s");
  cr_buf_puts(b, "</p>\n");
  if (s->nsummary) {
    cr_buf_puts(b, "<h3>Summary</h3><ol class=\"summary\">\n");
    for (size_t i = 0; i < s->nsummary; i++) {
      cr_buf_puts(b, "<li>");
      esc(b, s->summary[i].text);
      cites(b, dg, &s->summary[i].docs);
      cr_buf_puts(b, "</li>\n");
    }
    cr_buf_puts(b, "</ol>\n");
  }
  if (s->nconflicts)
    conflicts(b, dg, s);
  if (s->nclaims)
    claims_table(b, dg, s);
  if (s->nquotes)
    quotes(b, dg, s);
  if (s->ntimeline) {
    cr_buf_puts(b, "<h3>Timeline</h3><ul class=\"timeline\">\n");
    for (size_t i = 0; i < s->ntimeline; i++) {
      const cr_sevent *e = &s->timeline[i];
      cr_buf_puts(b, "<li><span class=\"d\">");
      esc(b, e->date);
      cr_buf_puts(b, "</span><span>");
      esc(b, e->text);
      cites(b, dg, &e->docs);
      cr_buf_puts(b, "</span></li>\n");
    }
    cr_buf_puts(b, "</ul>\n");
  }
  if (s->nentities) {
    cr_buf_puts(b, "<h3>People, organisations, places</h3><div class=\"chips\">\n");
    for (size_t i = 0; i < s->nentities; i++) {
      const cr_sentity *e = &s->entities[i];
      cr_buf_puts(b, "<span class=\"chip\" title=\"");
      esc(b, cr_entity_kind_name(e->kind));
      cr_buf_puts(b, "\">");
      esc(b, e->name);
      int extra = 0;
      for (size_t k = 0; k < e->nvariants; k++) {
        if (e->name && !strcmp(e->variants[k], e->name))
          continue;
        cr_buf_puts(b, extra++ ? ", " : " <small>(also ");
        esc(b, e->variants[k]);
      }
      if (extra)
        cr_buf_puts(b, ")</small>");
      cr_buf_puts(b, "</span>\n");
    }
    cr_buf_puts(b, "</div>\n");
  }
  sources(b, dg, s);
  cr_buf_puts(b, "</section>\n");
}

crossread_status cr_report_html(const cr_digest *dg, cr_buf *b) {
  cr_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                 "<meta name=\"generator\" content=\"crossread " CROSSREAD_VERSION_STRING
                 "\"><title>crossread digest</title><style>");
  cr_buf_puts(b, css);
  cr_buf_puts(b, "</style></head><body>\n<header class=\"top\"><h1>crossread digest</h1><p>");
  if (dg->generated) {
    esc(b, dg->generated);
    cr_buf_puts(b, " &middot; ");
  }
  cr_buf_printf(b, "%zu article%s &middot; %zu stor%s</p></header>\n<main>\n", dg->ndocs,
                dg->ndocs == 1 ? "" : "s", dg->nstories, dg->nstories == 1 ? "y" : "ies");
  if (dg->nstories > 1) {
    cr_buf_puts(b, "<nav class=\"toc\"><b>Stories</b><ol>");
    for (size_t i = 0; i < dg->nstories; i++) {
      const cr_story *s = &dg->stories[i];
      cr_buf_printf(b, "<li><a href=\"#%s\">", s->id);
      esc(b, s->title ? s->title : "(untitled story)");
      cr_buf_printf(b, "</a> <span class=\"meta\">%zu article%s</span></li>", s->ndocs,
                    s->ndocs == 1 ? "" : "s");
    }
    cr_buf_puts(b, "</ol></nav>\n");
  }
  for (size_t i = 0; i < dg->nstories; i++)
    story(b, dg, &dg->stories[i]);
  cr_buf_puts(b, "</main><footer>Made by crossread " CROSSREAD_VERSION_STRING
                 " from the articles listed; every summary sentence is quoted "
                 "verbatim from the articles it cites.</footer></body></html>\n");
  return b->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}
