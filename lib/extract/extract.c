/* extract.c -- entry points of the extract stage: decode the page to UTF-8
 * (charset.c), parse it with the chosen backend (dom_*.c), then hand the
 * tree to the content finder (html.c); text dumps go to text.c. */
#include <string.h>

#include "core/error.h"
#include "extract_int.h"
#include "normalize/normalize.h"

crossread_status cr_extract_html_with(const char *html, size_t len,
                                      const cr_hints *hints, int backend,
                                      cr_arena *a, cr_extract *out,
                                      crossread_error *err) {
  memset(out, 0, sizeof *out);
  char name[CR_CHARSET_MAX];
  size_t skip = 0;
  const char *cs =
      cr_charset_detect(html, len, hints ? hints->charset : NULL, name, &skip);
  html += skip;
  len -= skip;
  cr_buf conv;
  cr_buf_init(&conv, 0);
  const char *u = html;
  size_t ulen = len;
  /* valid UTF-8 without NULs is parsed in place */
  if (strcmp(cs, "UTF-8") != 0 || cr_utf8_valid_prefix(html, len) != len ||
      memchr(html, 0, len)) {
    if (cr_charset_to_utf8(html, len, cs, &conv, &out->repaired)) {
      cr_buf_clear(&conv);
      return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
    }
    u = conv.data ? conv.data : "";
    ulen = conv.len;
  }
  size_t repaired = out->repaired;
  cr_dom dom;
  crossread_status st;
  int bad =
      cr_dom_parse(&dom, u, ulen, backend ? CR_HTML_LIBXML2 : CR_HTML_GUMBO, a);
  if (bad && backend && !cr_arena_hit_cap(a)) {
    /* libxml2 gives up on some inputs (empty, binary); gumbo never does */
    cr_dom_free(&dom);
    bad = cr_dom_parse(&dom, u, ulen, CR_HTML_GUMBO, a);
  }
  if (bad) {
    st = cr_arena_hit_cap(a) ? cr_error_set(err, CROSSREAD_ERR_TOOBIG, NULL,
                                            "page too big to parse")
                             : cr_error_set(err, CROSSREAD_ERR_PARSE, NULL,
                                            "cannot parse HTML");
  } else {
    st = cr_extract_dom(&dom, hints, a, out, err);
  }
  out->repaired = repaired;
  cr_dom_free(&dom);
  cr_buf_clear(&conv);
  return st;
}

crossread_status cr_extract_html(const char *html, size_t len,
                                 const cr_hints *hints, cr_arena *a,
                                 cr_extract *out, crossread_error *err) {
  return cr_extract_html_with(html, len, hints, 0, a, out, err);
}

crossread_status cr_extract_run_ex(const char *bytes, size_t len,
                                   crossread_input kind, const cr_hints *hints,
                                   unsigned flags, cr_arena *a, cr_extract *out,
                                   crossread_error *err) {
  if (kind == CROSSREAD_IN_HTML)
    return cr_extract_html_with(bytes, len, hints,
                                (flags & CROSSREAD_F_FAST_HTML) ? 1 : 0, a, out,
                                err);
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

crossread_status cr_extract_run(const char *bytes, size_t len,
                                crossread_input kind, const cr_hints *hints,
                                cr_arena *a, cr_extract *out,
                                crossread_error *err) {
  return cr_extract_run_ex(bytes, len, kind, hints, 0, a, out, err);
}
