/* buf.c -- growable byte buffer with a cap (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"

void cr_buf_init(cr_buf *b, size_t max) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
  b->max = max;
  b->err = 0;
}

void cr_buf_clear(cr_buf *b) {
  cr_free(b->data);
  cr_buf_init(b, b->max);
}

void cr_buf_reset(cr_buf *b) {
  b->len = 0;
  b->err = 0;
  if (b->data)
    b->data[0] = '\0';
}

static int ensure(cr_buf *b, size_t extra) {
  if (b->err)
    return -1;
  size_t need = b->len + extra + 1;
  if (need < b->len || (b->max && need > b->max + 1)) {
    b->err = 1;
    return -1;
  }
  if (need <= b->cap)
    return 0;
  size_t ncap = b->cap ? b->cap : 64;
  while (ncap < need)
    ncap *= 2;
  if (b->max && ncap > b->max + 1)
    ncap = b->max + 1;
  char *p = cr_realloc(b->data, ncap);
  if (!p) {
    b->err = 1;
    return -1;
  }
  b->data = p;
  b->cap = ncap;
  return 0;
}

int cr_buf_reserve(cr_buf *b, size_t extra) { return ensure(b, extra); }

int cr_buf_put(cr_buf *b, const void *p, size_t n) {
  if (ensure(b, n))
    return -1;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int cr_buf_puts(cr_buf *b, const char *s) {
  return cr_buf_put(b, s, strlen(s));
}

int cr_buf_putc(cr_buf *b, int c) {
  char ch = (char)c;
  return cr_buf_put(b, &ch, 1);
}

int cr_buf_printf(cr_buf *b, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->err = 1;
    return -1;
  }
  if ((size_t)n < sizeof small)
    return cr_buf_put(b, small, (size_t)n);
  if (ensure(b, (size_t)n))
    return -1;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

char *cr_buf_steal(cr_buf *b, size_t *len) {
  if (!b->data && ensure(b, 0))
    return NULL;
  char *d = b->data;
  if (len)
    *len = b->len;
  cr_buf_init(b, b->max);
  return d;
}
