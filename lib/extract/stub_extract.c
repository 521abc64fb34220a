/* stub_extract.c -- PLACEHOLDER extraction so the skeleton builds: all <p>
 * text of a page, the whole of a text dump. Replaced by html.c/text.c. */
#include "extract.h"

#include <gumbo.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "normalize/normalize.h"

static void collect(GumboNode *n, cr_buf *b, int in_p) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
    if (in_p)
      cr_buf_puts(b, n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT)
    return;
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)
    return;
  int p = tag == GUMBO_TAG_P;
  GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++)
    collect(ch->data[i], b, in_p || p);
  if (p)
    cr_buf_puts(b, "\n\n");
}

static GumboNode *find_tag(GumboNode *n, GumboTag t) {
  if (n->type != GUMBO_NODE_ELEMENT)
    return NULL;
  if (n->v.element.tag == t)
    return n;
  GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++) {
    GumboNode *r = find_tag(ch->data[i], t);
    if (r)
      return r;
  }
  return NULL;
}

crossread_status cr_extract_html(const char *html, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err) {
  memset(out, 0, sizeof *out);
  cr_buf flat;
  cr_buf_init(&flat, 0);
  if (cr_html_flatten_deep(html, len, 512, &flat) == 1) {
    html = flat.data;
    len = flat.len;
  }
  GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
  if (!g) {
    cr_buf_clear(&flat);
    return cr_error_set(err, CROSSREAD_ERR_PARSE, NULL, "cannot parse HTML");
  }
  cr_buf b;
  cr_buf_init(&b, 0);
  collect(g->root, &b, 0);
  GumboNode *t = find_tag(g->root, GUMBO_TAG_TITLE);
  if (t && t->v.element.children.length) {
    GumboNode *x = t->v.element.children.data[0];
    if (x->type == GUMBO_NODE_TEXT)
      out->title = cr_arena_strdup(a, x->v.text.text);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, g);
  cr_buf_clear(&flat);
  out->text = cr_arena_strndup(a, b.data ? b.data : "", b.len);
  out->text_len = b.len;
  cr_buf_clear(&b);
  if (!out->text)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  if (!out->title && hints)
    out->title = cr_arena_strdup(a, hints->title);
  if (out->text_len == 0)
    return cr_error_set(err, CROSSREAD_ERR_EMPTY, NULL, "no article text found");
  return CROSSREAD_OK;
}

crossread_status cr_extract_text(const char *text, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err) {
  memset(out, 0, sizeof *out);
  out->text = cr_arena_strndup(a, text, len);
  out->text_len = len;
  if (!out->text)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  if (hints)
    out->title = cr_arena_strdup(a, hints->title);
  size_t i = 0;
  while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'))
    i++;
  if (i == len)
    return cr_error_set(err, CROSSREAD_ERR_EMPTY, NULL, "no article text found");
  return CROSSREAD_OK;
}

crossread_status cr_extract_run(const char *bytes, size_t len,
                                crossread_input kind, const cr_hints *hints,
                                cr_arena *a, cr_extract *out,
                                crossread_error *err) {
  if (kind == CROSSREAD_IN_HTML)
    return cr_extract_html(bytes, len, hints, a, out, err);
  cr_buf b;
  cr_buf_init(&b, 0);
  size_t bad = cr_utf8_repair(bytes, len, &b);
  crossread_status st =
      b.err ? cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory")
            : cr_extract_text(b.data ? b.data : "", b.len, hints, a, out, err);
  out->repaired = bad;
  cr_buf_clear(&b);
  return st;
}
