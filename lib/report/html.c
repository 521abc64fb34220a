/* html.c -- the digest as one self-contained HTML page (no external assets);
 * every piece of article content is HTML-escaped. */
#include <string.h>

#include "engine.h"
#include "report.h"

static void esc(cr_buf *b, const char *s) {
  if (s)
    cr_report_html_escape(b, s, strlen(s));
}

crossread_status cr_report_html(const crossread_engine *eng, cr_buf *out) {
  const cr_pipeline *p = eng->pipe;
  size_t ns = cr_pipeline_story_count(p);
  cr_buf_puts(out,
              "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<title>crossread digest</title><style>"
              "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
              "h1{font-size:1.6rem}h2{font-size:1.3rem;border-top:1px solid #ccc;padding-top:1rem}"
              "li{margin:.2rem 0}.meta{color:#666}"
              "</style></head><body>\n");
  cr_buf_printf(out, "<h1>crossread digest</h1><p class=\"meta\">%zu articles, %zu stories</p>\n",
                eng->ndocs, ns);
  for (size_t i = 0; i < ns; i++) {
    const cr_story *s = cr_pipeline_story(p, i);
    cr_buf_printf(out, "<section id=\"%s\"><h2>", s->id);
    esc(out, s->title ? s->title : "(untitled story)");
    cr_buf_puts(out, "</h2><ul>\n");
    for (size_t k = 0; k < s->ndocs; k++) {
      const cr_doc *d = eng->docs[s->docs[k]];
      cr_buf_printf(out, "<li>[%s] ", d->id);
      esc(out, d->ex.title ? d->ex.title : d->source);
      cr_buf_puts(out, "</li>\n");
    }
    cr_buf_puts(out, "</ul></section>\n");
  }
  cr_buf_puts(out, "</body></html>\n");
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}
