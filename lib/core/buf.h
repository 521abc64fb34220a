/* buf.h -- growable byte buffer with a cap (curl's dynbuf idea). Heap-backed;
 * used for rendering reports and building texts before they move to an arena.
 */
#ifndef CR_CORE_BUF_H
#define CR_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct cr_buf {
  char *data; /* always NUL-terminated when not NULL */
  size_t len;
  size_t cap;
  size_t max; /* 0 = no limit */
  int err;    /* sticky: 1 after an allocation failed or the max was passed */
} cr_buf;

void cr_buf_init(cr_buf *b, size_t max);
void cr_buf_clear(cr_buf *b);                       /* frees */
void cr_buf_reset(cr_buf *b);                       /* len = 0, keeps memory */
int cr_buf_put(cr_buf *b, const void *p, size_t n); /* 0 ok, -1 error */
int cr_buf_puts(cr_buf *b, const char *s);
int cr_buf_putc(cr_buf *b, int c);
/* Make room for `extra` more bytes (plus the NUL) without changing len, so
 * hot loops can write into data + len directly. 0 ok, -1 error. */
int cr_buf_reserve(cr_buf *b, size_t extra);
int cr_buf_printf(cr_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hand the data over (caller frees with cr_free); the buffer is emptied. */
char *cr_buf_steal(cr_buf *b, size_t *len);

#endif
