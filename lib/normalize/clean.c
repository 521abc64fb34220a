/* clean.c -- cr_text_clean: the display form of an extracted text (NFC, no
 * control or zero-width characters, plain single spaces, trimmed lines,
 * "\n\n" between paragraphs, soft line wraps undone). First step of the
 * normalize stage; every later position (sentences, tokens) points into its
 * output. ASCII is copied byte by byte; utf8proc only sees runs of non-ASCII
 * code points that a quick check cannot prove to be in NFC already. */
#include <string.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "normalize.h"

enum { QC_SLOTS = 64 };

typedef struct cleaner {
  cr_buf *out;
  char *o; /* write position in out->data */
  int sep; /* before the next content: 0 nothing, 1 line break, 2 blank line */
  int space;      /* a space is pending inside the line */
  int content;    /* the current line has content */
  int any;        /* some content was written */
  int shy;        /* a soft hyphen was dropped after the last content */
  uint32_t last;  /* last code point written */
  uint32_t last2; /* the one before it */
  /* NFC quick-check answers for precomposed characters (cp + 1, 0 = empty) */
  uint32_t qc_cp[QC_SLOTS];
  uint8_t qc_ok[QC_SLOTS];
  utf8proc_int32_t *u32; /* scratch for the NFC of a run */
  size_t u32_cap;
} cleaner;

static int is_lower_cp(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static int is_letter_cp(uint32_t cp) {
  if (cp < 0x80)
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* A line ending in one of these may end a sentence (or a heading, a list
 * item): the break after it is kept. */
static int ends_clause(uint32_t cp) {
  switch (cp) {
  case '.':
  case '!':
  case '?':
  case ':':
  case ';':
  case '"':
  case '\'':
  case 0x2026: /* … */
  case 0x201D:
  case 0x2019:
  case 0x00BB:
  case 0x203A: /* ” ’ » › */
  case 0x3002:
  case 0xFF01:
  case 0xFF1F: /* 。！？ */
    return 1;
  default:
    return 0;
  }
}

/* Room for `extra` more bytes at c->o. */
static int room(cleaner *c, size_t extra) {
  cr_buf *b = c->out;
  b->len = (size_t)(c->o - b->data);
  if (cr_buf_reserve(b, extra))
    return -1;
  c->o = b->data + b->len;
  return 0;
}

/* Called before each content code point: writes the pending separator or
 * space. A single line break is a soft wrap (one space, or nothing after a
 * soft hyphen or a hyphen) when the line does not end a clause and the next
 * one begins in lower case. */
static inline void before_content(cleaner *c, uint32_t cp) {
  if (!c->content) {
    if (c->sep == 2) {
      *c->o++ = '\n';
      *c->o++ = '\n';
    } else if (c->sep == 1) {
      if (c->shy && is_letter_cp(cp))
        ; /* "exam-\nple" with a soft hyphen: one word */
      else if (!is_lower_cp(cp) || ends_clause(c->last))
        *c->o++ = '\n';
      else if (!(c->last == '-' && is_letter_cp(c->last2)))
        *c->o++ = ' ';
    }
    c->sep = 0;
    c->content = 1;
    c->any = 1;
  } else if (c->space) {
    *c->o++ = ' ';
  }
  c->space = 0;
  c->shy = 0;
}

static inline void line_break(cleaner *c) {
  if (c->content) {
    c->sep = 1;
    c->content = 0;
  } else if (c->any) {
    c->sep = 2;
  }
  c->space = 0;
}

/* One code point of a non-ASCII run (or an ASCII one that was folded into
 * an NFC run). Needs 8 bytes of room. */
static void put_cp(cleaner *c, uint32_t cp) {
  if (cp < 0x80) {
    if (cp > 0x20 && cp < 0x7F) {
      before_content(c, cp);
      *c->o++ = (char)cp;
      c->last2 = c->last;
      c->last = cp;
    } else if (cp == ' ' || cp == '\t') {
      c->space = 1;
    } else if (cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f') {
      line_break(c);
    }
    return;
  }
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_ZS:
    c->space = 1;
    return;
  case UTF8PROC_CATEGORY_ZL:
    line_break(c);
    return;
  case UTF8PROC_CATEGORY_ZP:
    line_break(c);
    line_break(c);
    return;
  case UTF8PROC_CATEGORY_CC:
    if (cp == 0x85) /* NEL */
      line_break(c);
    return;
  case UTF8PROC_CATEGORY_CF:
    if (cp == 0xAD) { /* soft hyphen: only matters at the end of a line */
      c->shy = 1;
      return;
    }
    /* zero-width (non-)joiners shape scripts and emoji sequences: kept
     * inside a run of non-ASCII characters, dropped elsewhere */
    if ((cp == 0x200C || cp == 0x200D) && c->content && !c->space &&
        c->last >= 0x80)
      break;
    return;
  default:
    break;
  }
  before_content(c, cp);
  c->o += cr_utf8_encode(cp, c->o);
  c->last2 = c->last;
  c->last = cp;
}

/* 1 when cp cannot change under NFC whatever surrounds it, as long as it
 * does not follow a character that is itself unsafe: a starter that is not
 * the second half of any composition and whose canonical decomposition (if
 * any) composes back to itself. */
static int nfc_safe(cleaner *c, uint32_t cp) {
  const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
  if (p->combining_class)
    return 0;
  if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
    return 0; /* can compose with what precedes it */
  if (cp >= 0x1100 && cp <= 0x11FF)
    return 0; /* Hangul jamo compose algorithmically */
  if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
    return 1; /* no canonical decomposition */
  unsigned slot = cp % QC_SLOTS;
  if (c->qc_cp[slot] == cp + 1)
    return c->qc_ok[slot];
  utf8proc_int32_t buf[8];
  int lb = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      (utf8proc_int32_t)cp, buf, 8, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &lb);
  int ok = 0;
  if (n > 0 && n <= 8) {
    n = utf8proc_normalize_utf32(buf, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    ok = n == 1 && (uint32_t)buf[0] == cp;
  }
  c->qc_cp[slot] = cp + 1;
  c->qc_ok[slot] = (uint8_t)ok;
  return ok;
}

/* NFC of s[0..len) into c->u32; the number of code points, -1 on error. */
static utf8proc_ssize_t nfc_run(cleaner *c, const unsigned char *s,
                                size_t len) {
  const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  for (;;) {
    utf8proc_ssize_t n = utf8proc_decompose(s, (utf8proc_ssize_t)len, c->u32,
                                            (utf8proc_ssize_t)c->u32_cap, opt);
    if (n < 0)
      return -1;
    if ((size_t)n <= c->u32_cap)
      return utf8proc_normalize_utf32(c->u32, n, opt);
    size_t cap = (size_t)n + 64;
    utf8proc_int32_t *p = cr_realloc(c->u32, cap * sizeof *p);
    if (!p)
      return -1;
    c->u32 = p;
    c->u32_cap = cap;
  }
}

/* The run of non-ASCII bytes at *pp (up to the next ASCII byte). */
static int do_run(cleaner *c, const unsigned char *in, const unsigned char **pp,
                  const unsigned char *end) {
  const unsigned char *rs = *pp, *p = rs;
  int safe = 1;
  while (p < end && *p >= 0x80) {
    int n;
    uint32_t cp = cr_utf8_decode((const char *)p, (const char *)end, &n);
    if (safe && !nfc_safe(c, cp))
      safe = 0;
    p += n;
  }
  const unsigned char *re = p;
  *pp = re;
  if (room(c, (size_t)(re - rs) * 3 + 16))
    return -1;
  if (safe) {
    for (p = rs; p < re;) {
      int n;
      uint32_t cp = cr_utf8_decode((const char *)p, (const char *)end, &n);
      put_cp(c, cp);
      p += n;
    }
    return 0;
  }
  /* A combining mark may compose with the visible ASCII character just
   * before the run, which was the last byte written: take it back. */
  if (rs > in && rs[-1] > 0x20 && rs[-1] < 0x7F) {
    rs--;
    c->o--;
    c->last = c->last2;
  }
  utf8proc_ssize_t n = nfc_run(c, rs, (size_t)(re - rs));
  if (n < 0)
    return -1;
  if (room(c, (size_t)n * 4 + 16))
    return -1;
  for (utf8proc_ssize_t i = 0; i < n; i++)
    put_cp(c, (uint32_t)c->u32[i]);
  return 0;
}

int cr_text_clean(const char *text, size_t len, cr_buf *out) {
  cleaner c;
  memset(&c, 0, sizeof c);
  c.out = out;
  if (cr_buf_reserve(out, len + 16))
    return -1;
  c.o = out->data + out->len;
  const unsigned char *in = (const unsigned char *)text, *p = in,
                      *end = in + len;
  int rc = 0;
  while (p < end) {
    unsigned ch = *p;
    if (ch > 0x20 && ch < 0x7F) {
      before_content(&c, ch);
      /* a visible run: copy it at once */
      const unsigned char *s = p;
      char *o = c.o;
      do
        *o++ = (char)*p++;
      while (p < end && (unsigned)(*p - 0x21) < 0x5E);
      c.o = o;
      c.last2 = p - s >= 2 ? p[-2] : c.last;
      c.last = p[-1];
      continue;
    }
    if (ch == ' ') {
      c.space = 1;
      p++;
      continue;
    }
    if (ch < 0x80) {
      p++;
      if (ch == '\r' && p < end && *p == '\n')
        p++;
      /* output stays within the input's length plus a few separator bytes
       * between two reservations, so ASCII needs no check */
      put_cp(&c, ch);
      continue;
    }
    if (do_run(&c, in, &p, end) || room(&c, (size_t)(end - p) + 16)) {
      rc = -1;
      break;
    }
  }
  out->len = (size_t)(c.o - out->data);
  out->data[out->len] = '\0';
  cr_free(c.u32);
  return rc || out->err ? -1 : 0;
}
