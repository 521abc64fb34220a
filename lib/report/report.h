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
/* The name to show for a quote's speaker: the story entity's canonical name
 * when the speaker is linked to one, else the name as written, else
 * "unattributed". */
const char *cr_report_speaker(const cr_story *s, const cr_squote *q);
/* Length of a quote without the trailing comma or colon that belongs to the
 * sentence around it ("... three years," said X). */
size_t cr_report_quote_len(const char *q);
/* Quotes grouped by speaker: fills order[] (indexes into s->quotes) so that
 * each speaker's quotes follow each other, speakers with the most citing
 * articles first; returns the number of speakers. order has s->nquotes
 * slots; first[k] (may be NULL) receives the position in order[] where
 * speaker k starts (s->nquotes + 1 slots). */
size_t cr_report_quote_groups(const cr_story *s, size_t *order, size_t *first);
/* "14 Mar 2026" style range of a story's dates into out; "" when unknown */
void cr_report_date_range(const cr_story *s, char *out, size_t cap);

#endif
