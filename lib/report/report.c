/* report.c -- dispatch to the renderers and their shared helpers. */
#include "report.h"

#include "engine.h"

crossread_status cr_report_json(const crossread_engine *eng, cr_buf *out);
crossread_status cr_report_json_article(const cr_doc *d, cr_buf *out);
crossread_status cr_report_text(const crossread_engine *eng, cr_buf *out,
                                int markdown);
crossread_status cr_report_text_article(const cr_doc *d, cr_buf *out);
crossread_status cr_report_html(const crossread_engine *eng, cr_buf *out);

unsigned cr_report_reading_minutes(size_t words) {
  /* 230 words a minute, rounded up, at least one minute for any text */
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

crossread_status cr_report_render(const crossread_engine *eng,
                                  crossread_format fmt, cr_buf *out) {
  switch (fmt) {
  case CROSSREAD_FORMAT_JSON: return cr_report_json(eng, out);
  case CROSSREAD_FORMAT_MARKDOWN: return cr_report_text(eng, out, 1);
  case CROSSREAD_FORMAT_TEXT: return cr_report_text(eng, out, 0);
  case CROSSREAD_FORMAT_HTML: return cr_report_html(eng, out);
  }
  return CROSSREAD_ERR_USAGE;
}

crossread_status cr_report_article(const cr_doc *d, crossread_format fmt,
                                   cr_buf *out) {
  if (fmt == CROSSREAD_FORMAT_JSON)
    return cr_report_json_article(d, out);
  return cr_report_text_article(d, out);
}
