/* report.h -- last stage: the digest as JSON (docs/digest-json.md), Markdown,
 * terminal text or one self-contained HTML page. Reads every earlier stage's
 * results; writes nothing back. */
#ifndef CR_REPORT_H
#define CR_REPORT_H

#include "core/buf.h"
#include "crossread.h"
#include "doc.h"

crossread_status cr_report_render(const crossread_engine *eng,
                                  crossread_format fmt, cr_buf *out);
/* One article on its own (crossread extract). */
crossread_status cr_report_article(const cr_doc *d, crossread_format fmt,
                                   cr_buf *out);

/* helpers shared by the renderers (report.c) */
unsigned cr_report_reading_minutes(size_t words);
void cr_report_html_escape(cr_buf *b, const char *s, size_t n);

#endif
