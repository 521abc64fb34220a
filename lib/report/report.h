/* report.h -- last stage: the digest as JSON (docs/digest-json.md), Markdown,
 * terminal text or one self-contained HTML page. Reads the documents and the
 * digest model (lib/story.h); writes nothing back. */
#ifndef CR_REPORT_H
#define CR_REPORT_H

#include "core/buf.h"
#include "crossread.h"
#include "doc.h"
#include "story.h"

/* What a renderer sees: documents in input order and the stories. */
typedef struct cr_digest {
  cr_doc *const *docs;
  size_t ndocs;
  const cr_story *stories;
  size_t nstories;
  unsigned flags;        /* CROSSREAD_F_* */
  const char *generated; /* date of the digest, "2026-11-23", or NULL */
} cr_digest;

crossread_status cr_report_digest(const cr_digest *d, crossread_format fmt,
                                  cr_buf *out);
crossread_status cr_report_render(const crossread_engine *eng,
                                  crossread_format fmt, cr_buf *out);
/* One article on its own (crossread extract). */
crossread_status cr_report_article(const cr_doc *d, crossread_format fmt,
                                   cr_buf *out);

/* renderers (json.c, text.c, html.c) */
crossread_status cr_report_json(const cr_digest *d, cr_buf *out);
crossread_status cr_report_json_article(const cr_doc *d, cr_buf *out);
crossread_status cr_report_text(const cr_digest *d, cr_buf *out, int markdown);
crossread_status cr_report_text_article(const cr_doc *d, cr_buf *out);
crossread_status cr_report_html(const cr_digest *d, cr_buf *out);

/* helpers shared by the renderers (report.c) */
unsigned cr_report_reading_minutes(size_t words);
void cr_report_html_escape(cr_buf *b, const char *s, size_t n);
const char *cr_report_title(const cr_doc *d);  /* never NULL */
const char *cr_report_outlet(const cr_doc *d); /* may be NULL */
/* "14 Mar 2026" style range of a story's dates into out; "" when unknown */
void cr_report_date_range(const cr_story *s, char *out, size_t cap);

#endif
