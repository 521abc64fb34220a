/* fold.c -- cr_fold: the comparison form of one token (NFKC case fold,
 * typographic quotes and apostrophes to ASCII ' and ", every dash to '-').
 * Called by the normalize stage for each token; its output feeds the
 * stemmer, the stop-word table and every hash built on tokens. */
#include <string.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "normalize.h"

/* Quotes, apostrophes and dashes to ASCII; applied before NFKC. */
static utf8proc_int32_t fold_punct(utf8proc_int32_t cp, void *data) {
  (void)data;
  switch (cp) {
  case 0x2018:
  case 0x2019:
  case 0x201A:
  case 0x201B: /* ‘ ’ ‚ ‛ */
  case 0x2032:
  case 0x2035:
  case 0x02BC:
  case 0x2039:
  case 0x203A:
  case 0xFF07:
  case 0x0060: /* ′ ‵ ʼ ‹ › ＇ ` */
    return '\'';
  case 0x201C:
  case 0x201D:
  case 0x201E:
  case 0x201F: /* “ ” „ ‟ */
  case 0x2033:
  case 0x2036:
  case 0x00AB:
  case 0x00BB:
  case 0xFF02:
    return '"';
  case 0x2010:
  case 0x2011:
  case 0x2012:
  case 0x2013:
  case 0x2014:
  case 0x2015:
  case 0x2212:
  case 0xFE58:
  case 0xFE63:
  case 0xFF0D:
  case 0x2E3A:
  case 0x2E3B:
    return '-';
  default:
    return cp;
  }
}

static int all_of(const char *s, size_t len, char ch) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ch)
      return 0;
  return len > 0;
}

int cr_fold(const char *s, size_t len, cr_buf *out) {
  size_t i = 0;
  while (i < len && (unsigned char)s[i] < 0x80)
    i++;
  if (i == len) {
    /* ASCII: lower case; `` and '' (typewriter quotes) to ", runs of
     * dashes to one '-', a backtick to ' */
    if (len == 2 && (all_of(s, 2, '`') || all_of(s, 2, '\'')))
      return cr_buf_putc(out, '"');
    if (all_of(s, len, '-'))
      return cr_buf_putc(out, '-');
    if (cr_buf_reserve(out, len))
      return -1;
    char *o = out->data + out->len;
    for (i = 0; i < len; i++) {
      char ch = s[i];
      if (ch >= 'A' && ch <= 'Z')
        ch = (char)(ch + 32);
      else if (ch == '`')
        ch = '\'';
      o[i] = ch;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return 0;
  }
  const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                UTF8PROC_IGNORE;
  utf8proc_int32_t small[128], *u = small;
  utf8proc_ssize_t cap = 128, n;
  for (;;) {
    n = utf8proc_decompose_custom((const utf8proc_uint8_t *)s,
                                  (utf8proc_ssize_t)len, u, cap, opt,
                                  fold_punct, NULL);
    if (n < 0 || n <= cap)
      break;
    if (u != small)
      cr_free(u);
    cap = n;
    u = cr_malloc((size_t)cap * sizeof *u);
    if (!u)
      return -1;
  }
  int rc = -1;
  if (n >= 0) {
    n = utf8proc_normalize_utf32(u, n, opt);
    /* re-encode in place: UTF-8 never needs more bytes than UTF-32 */
    n = n >= 0 ? utf8proc_reencode(u, n, opt) : n;
    if (n >= 0) {
      const char *f = (const char *)u;
      if (n >= 2 && all_of(f, (size_t)n, '-'))
        n = 1;
      if (n == 2 && all_of(f, 2, '\''))
        rc = cr_buf_putc(out, '"');
      else
        rc = cr_buf_put(out, f, (size_t)n);
    }
  } else {
    rc = cr_buf_put(out, s, len); /* not UTF-8: keep as it is */
  }
  if (u != small)
    cr_free(u);
  return rc;
}
