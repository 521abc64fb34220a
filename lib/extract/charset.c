/* charset.c -- the encoding of an HTML page and its conversion to UTF-8:
 * byte order mark, then the caller's hint (HTTP header, feed), then a <meta>
 * declaration near the top, else UTF-8 when the bytes are valid UTF-8, else
 * windows-1252 (what browsers assume for undeclared legacy pages). */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "extract_int.h"
#include "normalize/normalize.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int cr_ascii_ieq(const char *a, size_t n, const char *b) {
  size_t i = 0;
  for (; i < n && b[i]; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
      return 0;
  return i == n && b[i] == 0;
}

size_t cr_utf8_valid_prefix(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *e = p + len;
  while (p < e) {
    if (e - p >= 8) {
      uint64_t w;
      memcpy(&w, p, 8);
      if (!(w & 0x8080808080808080ull)) {
        p += 8;
        continue;
      }
    }
    unsigned c = *p;
    if (c < 0x80) {
      p++;
      continue;
    }
    int n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      min = 0x10000;
    } else {
      break;
    }
    if (e - p <= n)
      break;
    unsigned cp = c & (0x3F >> n);
    int ok = 1;
    for (int k = 1; k <= n; k++) {
      if ((p[k] & 0xC0) != 0x80) {
        ok = 0;
        break;
      }
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      break;
    p += n + 1;
  }
  return (size_t)(p - (const unsigned char *)s);
}

/* Copy a charset label into name[], lower case, trimmed of quotes. */
static void put_label(const char *s, size_t n, char name[CR_CHARSET_MAX]) {
  while (n && (*s == ' ' || *s == '"' || *s == '\'' || *s == '\t')) {
    s++;
    n--;
  }
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < CR_CHARSET_MAX; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c == '-' || c == '_' || c == '.' || c == ':' ||
          (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z')))
      break;
    name[k++] = (char)lower(c);
  }
  name[k] = 0;
}

/* charset=... inside the first bytes of the page, in a <meta> tag. */
static int meta_charset(const char *b, size_t len, char name[CR_CHARSET_MAX]) {
  size_t lim = len < 4096 ? len : 4096;
  for (size_t i = 0; i + 5 < lim; i++) {
    if (b[i] != '<' || !cr_ascii_ieq(b + i + 1, 4, "meta"))
      continue;
    size_t end = i + 5;
    while (end < lim && b[end] != '>')
      end++;
    for (size_t j = i + 5; j + 7 < end; j++) {
      if (!cr_ascii_ieq(b + j, 7, "charset"))
        continue;
      size_t k = j + 7;
      while (k < end && (b[k] == ' ' || b[k] == '\t'))
        k++;
      if (k < end && b[k] == '=') {
        put_label(b + k + 1, end - k - 1, name);
        if (name[0])
          return 1;
      }
    }
    i = end;
  }
  return 0;
}

/* WHATWG folds several labels onto one encoding; iconv wants its own name. */
static const char *iconv_name(const char *label) {
  static const char *const w1252[] = {"iso-8859-1", "iso8859-1",    "latin1",
                                      "l1",         "us-ascii",     "ascii",
                                      "cp1252",     "windows-1252", "x-cp1252",
                                      "iso_8859-1", "cp819"};
  for (size_t i = 0; i < sizeof w1252 / sizeof *w1252; i++)
    if (!strcmp(label, w1252[i]))
      return "WINDOWS-1252";
  if (!strcmp(label, "utf8") || !strcmp(label, "utf-8") ||
      !strcmp(label, "unicode-1-1-utf-8"))
    return "UTF-8";
  if (!strcmp(label, "iso-8859-9") || !strcmp(label, "latin5"))
    return "WINDOWS-1254";
  if (!strcmp(label, "tis-620") || !strcmp(label, "iso-8859-11"))
    return "WINDOWS-874";
  if (!strcmp(label, "gb2312") || !strcmp(label, "gbk") ||
      !strcmp(label, "x-gbk"))
    return "GBK";
  if (!strcmp(label, "shift_jis") || !strcmp(label, "sjis") ||
      !strcmp(label, "x-sjis"))
    return "CP932";
  if (!strcmp(label, "euc-kr") || !strcmp(label, "ks_c_5601-1987"))
    return "CP949";
  return label;
}

const char *cr_charset_detect(const char *b, size_t len, const char *hint,
                              char name[CR_CHARSET_MAX], size_t *skip) {
  *skip = 0;
  name[0] = 0;
  const unsigned char *u = (const unsigned char *)b;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *skip = 3;
    return "UTF-8";
  }
  if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    *skip = 2;
    return "UTF-16LE";
  }
  if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    *skip = 2;
    return "UTF-16BE";
  }
  if (hint && *hint)
    put_label(hint, strlen(hint), name);
  if (!name[0])
    meta_charset(b, len, name);
  if (name[0]) {
    const char *cs = iconv_name(name);
    /* a page declaring UTF-16 in ASCII-compatible bytes is not UTF-16 */
    if (strncmp(cs, "utf-16", 6) != 0)
      return cs;
  }
  if (cr_utf8_valid_prefix(b, len) == len)
    return "UTF-8";
  return "WINDOWS-1252";
}

int cr_charset_to_utf8(const char *b, size_t len, const char *cs, cr_buf *out,
                       size_t *repaired) {
  *repaired = 0;
  if (!strcmp(cs, "UTF-8")) {
    *repaired = cr_utf8_repair(b, len, out);
    return out->err ? -1 : 0;
  }
  iconv_t cd = iconv_open("UTF-8", cs);
  if (cd == (iconv_t)-1) {
    /* an encoding iconv does not know: keep what is valid UTF-8 */
    *repaired = cr_utf8_repair(b, len, out);
    return out->err ? -1 : 0;
  }
  char tmp[8192];
  char *in = (char *)b;
  size_t inleft = len;
  while (inleft) {
    char *o = tmp;
    size_t oleft = sizeof tmp;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    if (cr_buf_put(out, tmp, (size_t)(o - tmp)))
      break;
    if (r == (size_t)-1) {
      if (errno == E2BIG)
        continue;
      /* invalid or truncated input: one U+FFFD per bad byte */
      if (cr_buf_puts(out, "\xEF\xBF\xBD"))
        break;
      (*repaired)++;
      in++;
      inleft--;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  iconv_close(cd);
  return out->err ? -1 : 0;
}
