/* extract.h -- second stage: the main text and metadata of one page (HTML,
 * via gumbo or libxml2) or one plain-text dump, with boilerplate dropped (kept
 * verbatim in `dropped`) and reader comments kept apart. See
 * docs/extraction.md. */
#ifndef CR_EXTRACT_H
#define CR_EXTRACT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "crossread.h"
#include "ingest/ingest.h"

typedef struct cr_strlist {
  const char **v;
  size_t n;
} cr_strlist;

typedef struct cr_extract {
  const char *text; /* main text, UTF-8, paragraphs separated by "\n\n" */
  size_t text_len;
  const char *title;     /* NULL when unknown, never invented */
  const char *outlet;    /* publisher or site name */
  const char *published; /* ISO 8601, as precise as known */
  const char *dateline;  /* "KELMAR, Dorvania" */
  const char *language;  /* "en" */
  const char *credit;    /* wire/syndication credit line, verbatim */
  const char *summary;   /* a summary block above the article */
  const char *url;       /* canonical URL */
  cr_strlist authors;
  cr_strlist dropped;  /* boilerplate removed, verbatim, in page order */
  cr_strlist comments; /* reader comments, never in text */
  size_t repaired;     /* invalid bytes replaced while decoding */
} cr_extract;

/* Extract an HTML page: detect the charset (BOM, hints->charset, <meta>),
 * convert to UTF-8, parse with gumbo, find the main content. Everything is
 * allocated in `a`. Returns EMPTY when no article text is found. */
crossread_status cr_extract_html(const char *html, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err);

/* Extract a plain-text dump (text copied from a page): drop UI labels,
 * promos, comment sections and footers, find title, byline, dateline and a
 * summary block. Input must be valid UTF-8. */
crossread_status cr_extract_text(const char *text, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err);

/* Either of the two by kind, after repairing invalid UTF-8 for text. */
crossread_status cr_extract_run(const char *bytes, size_t len,
                                crossread_input kind, const cr_hints *hints,
                                cr_arena *a, cr_extract *out,
                                crossread_error *err);

/* Browsers cap the depth of the element tree; gumbo's tree construction is
 * quadratic in it. When the page nests deeper than `cap` open elements,
 * append to `out` the page without the start/end tags past the cap and
 * return 1; return 0 (out untouched) when the page is shallower, -1 on
 * error. Linear time. */
int cr_html_flatten_deep(const char *html, size_t len, size_t cap, cr_buf *out);

/* The same with CROSSREAD_F_* engine flags: CROSSREAD_F_FAST_HTML parses
 * HTML with libxml2 instead of gumbo. */
crossread_status cr_extract_run_ex(const char *bytes, size_t len,
                                   crossread_input kind, const cr_hints *hints,
                                   unsigned flags, cr_arena *a, cr_extract *out,
                                   crossread_error *err);

/* cr_extract_html with a choice of parser: 0 gumbo, 1 libxml2. */
crossread_status cr_extract_html_with(const char *html, size_t len,
                                      const cr_hints *hints, int backend,
                                      cr_arena *a, cr_extract *out,
                                      crossread_error *err);

#endif
