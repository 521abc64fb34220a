/* utf8.c -- UTF-8 decoding, encoding and repair (see normalize.h). */
#include "normalize.h"

#include <string.h>

uint32_t cr_utf8_decode(const char *s, const char *end, int *n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t avail = (size_t)(end - s);
  unsigned c = p[0];
  *n = 1;
  if (c < 0x80)
    return c;
  int need;
  uint32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    return 0xFFFD;
  }
  if (avail < (size_t)need + 1)
    return 0xFFFD;
  for (int i = 1; i <= need; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0xFFFD;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0xFFFD;
  *n = need + 1;
  return cp;
}

int cr_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t cr_utf8_repair(const char *in, size_t len, cr_buf *out) {
  static const char repl[] = "\xEF\xBF\xBD";
  size_t bad = 0;
  const char *p = in, *end = in + len, *run = in;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x01 && c < 0x80) { /* fast path for ASCII */
      p++;
      continue;
    }
    int n;
    uint32_t cp = c ? cr_utf8_decode(p, end, &n) : 0;
    if (c == 0) {
      cr_buf_put(out, run, (size_t)(p - run));
      p++;
      run = p;
      continue;
    }
    if (cp == 0xFFFD && n == 1 && !(end - p >= 3 && memcmp(p, repl, 3) == 0)) {
      cr_buf_put(out, run, (size_t)(p - run));
      cr_buf_put(out, repl, 3);
      bad++;
      p++;
      run = p;
      continue;
    }
    p += n;
  }
  cr_buf_put(out, run, (size_t)(p - run));
  return bad;
}

int cr_looks_binary(const char *p, size_t len) {
  size_t n = len < 8192 ? len : 8192;
  size_t ctl = 0, bad = 0;
  const char *end = p + n;
  for (const char *s = p; s < end;) {
    unsigned char c = (unsigned char)*s;
    if (c == 0)
      return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
      ctl++;
    if (c >= 0x80) {
      int k;
      if (cr_utf8_decode(s, end, &k) == 0xFFFD && k == 1 && end - s > 3)
        bad++;
      s += k;
    } else {
      s++;
    }
  }
  /* text in a legacy 8-bit charset has many non-UTF-8 high bytes but few
   * control bytes; binary data has both */
  return n && (ctl * 20 > n || (ctl * 100 > n && bad * 10 > n));
}
