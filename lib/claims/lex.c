/* lex.c -- claim tokens: a second, finer reading of the clean text for the
 * claims stage. Numbers are split from glued letters and signs ("$1.5bn" ->
 * "$" "1.5" "bn") so currency, scale and unit can be read apart whatever
 * the tokenizer grouped; quotation marks are told apart from apostrophes.
 * Each token knows its sentence and paragraph from cr_norm. See
 * docs/claims.md. */
#include <ctype.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "claims_int.h"
#include "core/alloc.h"

static int is_space_cp(uint32_t cp) {
  if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' ||
      cp == '\v')
    return 1;
  if (cp < 0x80)
    return 0;
  if (cp == 0xA0 || cp == 0x2028 || cp == 0x2029)
    return 1;
  return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

static int is_letter_cp(uint32_t cp) {
  if (cp < 0x80)
    return isalpha((int)cp) != 0;
  /* U+FFFD stands for a byte that could not be decoded, most often a
   * letter of a wrongly declared charset: keep the word whole */
  if (cp == 0xFFFD)
    return 1;
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static int is_upper_cp(uint32_t cp) {
  if (cp < 0x80)
    return isupper((int)cp) != 0;
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_digit_at(const char *s, const char *end) {
  return s < end && *s >= '0' && *s <= '9';
}

static int is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019; }
static int is_hyph(uint32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static uint32_t peek(const char *s, const char *end, int *n) {
  if (s >= end) {
    *n = 0;
    return 0;
  }
  return cr_utf8_decode(s, end, n);
}

typedef struct lexer {
  cl_doc *d;
  size_t cap;
  char *fold; /* every token's folded form, one after another */
  size_t flen, fcap;
  const cr_sentence *sent;
  size_t nsent, si;
  const cr_span *para;
  size_t npara, pi;
} lexer;

/* Lower-case copy of a token for lexicon look-ups: ASCII and Unicode
 * letters lower-cased, ’ and unicode hyphens folded to ASCII. The copies
 * go one after another into one buffer (pointers are set once lexing is
 * over, as the buffer moves while it grows); returns the offset or -1. */
static long fold(lexer *lx, const char *s, size_t len, uint32_t *out) {
  size_t need = len * 2 + 5;
  if (lx->flen + need > lx->fcap) {
    size_t ncap = lx->fcap ? lx->fcap * 2 : 4096;
    while (ncap < lx->flen + need)
      ncap *= 2;
    char *n = cr_realloc(lx->fold, ncap);
    if (!n)
      return -1;
    lx->fold = n;
    lx->fcap = ncap;
  }
  char *o = lx->fold + lx->flen;
  const char *p = s, *end = s + len;
  size_t k = 0;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
      o[k++] = (char)tolower(c);
      p++;
      continue;
    }
    int n;
    uint32_t cp = cr_utf8_decode(p, end, &n);
    if (cp == 0x2019 || cp == 0x2018)
      cp = '\'';
    else if (cp == 0x2010 || cp == 0x2011)
      cp = '-';
    else
      cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    char b[4];
    int m = cr_utf8_encode(cp, b);
    if (k + (size_t)m + 1 > need)
      break;
    memcpy(o + k, b, (size_t)m);
    k += (size_t)m;
    p += n;
  }
  o[k] = '\0';
  long off = (long)lx->flen;
  lx->flen += k + 1;
  *out = (uint32_t)k;
  return off;
}

static int push(lexer *lx, const char *start, const char *end, int kind,
                unsigned flags) {
  cl_doc *d = lx->d;
  if (d->n == lx->cap) {
    size_t ncap = lx->cap ? lx->cap * 2 : 256;
    cl_tok *t = cr_realloc(d->t, ncap * sizeof *t);
    if (!t)
      return -1;
    d->t = t;
    lx->cap = ncap;
  }
  cl_tok *t = &d->t[d->n];
  memset(t, 0, sizeof *t);
  t->off = (uint32_t)(start - d->text);
  t->len = (uint32_t)(end - start);
  t->kind = (uint8_t)kind;
  t->flags = (uint16_t)flags;
  while (lx->si + 1 < lx->nsent &&
         t->off >= lx->sent[lx->si].off + lx->sent[lx->si].len)
    lx->si++;
  while (lx->pi + 1 < lx->npara &&
         t->off >= lx->para[lx->pi].off + lx->para[lx->pi].len)
    lx->pi++;
  t->sent = (uint32_t)lx->si;
  t->para = (uint32_t)lx->pi;
  if (d->n == 0 || d->t[d->n - 1].sent != t->sent)
    t->flags |= CL_SSTART;
  if (d->n == 0 || d->t[d->n - 1].para != t->para)
    t->flags |= CL_PSTART;
  long off = fold(lx, start, t->len, &t->lowlen);
  if (off < 0)
    return -1;
  t->low = NULL;
  t->lowoff = (uint32_t)off;
  if (kind != CL_NUM && kind != CL_URL)
    t->tabs = cr_claims_key_tabs(d->ctx, lx->fold + off, t->lowlen);
  d->n++;
  return 0;
}

/* A run of non-space characters that is a URL, an e-mail or a handle. */
static const char *url_end(const char *p, const char *end) {
  const char *q = p;
  int marks = 0;
  while (q < end) {
    unsigned char b = (unsigned char)*q;
    if (b < 0x80) {
      if (isspace(b))
        break;
      marks |= b == '/' || b == '@' || b == '#' || b == '.';
      q++;
      continue;
    }
    int n;
    uint32_t cp = cr_utf8_decode(q, end, &n);
    if (is_space_cp(cp))
      break;
    q += n;
  }
  if (!marks)
    return NULL;
  size_t len = (size_t)(q - p);
  int url = 0;
  if ((*p == '@' || *p == '#') && len > 1 && isalpha((unsigned char)p[1]))
    url = 1;
  for (const char *s = p; !url && s + 3 <= q; s++)
    if (memcmp(s, "://", 3) == 0)
      url = 1;
  if (!url && len > 4 &&
      (memcmp(p, "www.", 4) == 0 || memcmp(p, "WWW.", 4) == 0))
    url = 1;
  if (!url) {
    const char *at = memchr(p, '@', len);
    if (at && at > p && at + 1 < q && isalpha((unsigned char)at[1]) &&
        memchr(at, '.', (size_t)(q - at)))
      url = 1;
  }
  if (!url)
    return NULL;
  while (q > p && strchr(".,;:!?)]\"'", q[-1]))
    q--;
  return q > p ? q : NULL;
}

static const char *scan_number(const char *p, const char *end, uint8_t *nint,
                               uint8_t *nfrac, uint8_t *comma, int *dots) {
  const char *q = p;
  int ni = 0, nf = 0, nc = 0;
  while (is_digit_at(q, end)) {
    q++;
    ni++;
  }
  while (q < end && *q == ',' && is_digit_at(q + 1, end) &&
         is_digit_at(q + 2, end) && is_digit_at(q + 3, end) &&
         !is_digit_at(q + 4, end)) {
    q += 4;
    ni += 3;
    nc++;
  }
  *dots = 0;
  if (q < end && *q == '.' && is_digit_at(q + 1, end)) {
    q++;
    while (is_digit_at(q, end)) {
      q++;
      nf++;
    }
    while (q < end && *q == '.' && is_digit_at(q + 1, end)) {
      (*dots)++;
      q++;
      while (is_digit_at(q, end))
        q++;
    }
  }
  *nint = (uint8_t)(ni > 255 ? 255 : ni);
  *nfrac = (uint8_t)(nf > 255 ? 255 : nf);
  *comma = (uint8_t)(nc > 255 ? 255 : nc);
  return q;
}

static double num_value(const char *p, size_t len) {
  char buf[64];
  size_t k = 0;
  for (size_t i = 0; i < len && k + 1 < sizeof buf; i++)
    if (p[i] != ',')
      buf[k++] = p[i];
  buf[k] = '\0';
  char *e;
  double v = strtod(buf, &e);
  return v;
}

static int quote_shape(uint32_t cp, const char *start, const char *after,
                       const char *text, const char *end) {
  switch (cp) {
  case 0x201C: /* “ */
  case 0x201E: /* „ */
  case 0x201F:
  case 0x00AB: /* « */
    return CL_Q_OPEN;
  case 0x201D: /* ” */
  case 0x00BB: /* » */
    return CL_Q_CLOSE;
  case 0x2018: /* ‘ */
  case 0x201A:
    return CL_Q_OPEN | CL_Q_SINGLE;
  case 0x2019: /* ’ on its own */
    return CL_Q_CLOSE | CL_Q_SINGLE;
  case 0x2039:
    return CL_Q_OPEN | CL_Q_SINGLE;
  case 0x203A:
    return CL_Q_CLOSE | CL_Q_SINGLE;
  default:
    break;
  }
  /* Straight marks: open after a space or an opening bracket, close before
   * one; both when neither tells. */
  int before_space = 1, after_space = 1;
  if (start > text) {
    unsigned char b = (unsigned char)start[-1];
    before_space = isspace(b) || b == '(' || b == '[' || b == '{';
    if (b >= 0x80) {
      /* a dash or an opening curly mark before */
      before_space = start - text >= 3 && ((unsigned char)start[-3] == 0xE2 &&
                                           (unsigned char)start[-2] == 0x80 &&
                                           ((unsigned char)start[-1] == 0x94 ||
                                            (unsigned char)start[-1] == 0x93));
    }
  }
  if (after < end) {
    unsigned char a = (unsigned char)*after;
    after_space = isspace(a) || (a < 0x80 && ispunct(a) && a != '\'' &&
                                 a != '"' && a != '$' && a != '(');
  }
  int single = (cp == '\'' ? CL_Q_SINGLE : 0) | CL_Q_STRAIGHT;
  if (before_space && !after_space)
    return CL_Q_OPEN | single;
  if (after_space && !before_space)
    return CL_Q_CLOSE | single;
  return CL_Q_BOTH | single;
}

/* Does the sentence starting at token k continue the previous one? */
static int joins(const cl_doc *d, size_t k) {
  if (k < 2 || d->t[k].para != d->t[k - 1].para)
    return 0;
  const cl_tok *n = &d->t[k], *p = &d->t[k - 1], *w = &d->t[k - 2];
  /* a sentence does not begin in lower case after a full stop */
  if (n->kind == CL_WORD && !(n->flags & (CL_CAP | CL_NL | CL_HASUP)) &&
      p->lowlen && p->low[p->lowlen - 1] == '.')
    return 1;
  if (p->kind == CL_WORD && (p->flags & CL_ABBR) &&
      p->low[p->lowlen - 1] == '.')
    return n->kind == CL_WORD && (n->flags & CL_CAP) &&
           !cr_table_has(&cr_tab_stopwords, n->low, n->lowlen);
  if (!(p->kind == CL_PUNCT && p->low[0] == '.' && (p->flags & CL_GLUE) &&
        w->kind == CL_WORD))
    return 0;
  const char *m = cr_table_find(&cr_tab_claims_months, w->low, w->lowlen);
  if (m && strchr(m, '|') && strchr(strchr(m, '|') + 1, '|'))
    return n->kind == CL_NUM;
  if (n->kind == CL_NUM && (!strcmp(w->low, "no") || !strcmp(w->low, "nos") ||
                            !strcmp(w->low, "p") || !strcmp(w->low, "pp")))
    return 1;
  static const char *const titles[] = {
      "mr",   "mrs", "ms",  "dr", "st",   "gen", "sen",
      "rep",  "gov", "jr",  "sr", "prof", "lt",  "col",
      "capt", "sgt", "rev", "vs", "mt",   "ft",  NULL};
  int title = w->lowlen == 1 && (w->flags & CL_CAP);
  for (const char *const *t = titles; !title && *t; t++)
    title = !strcmp(w->low, *t);
  return title && n->kind == CL_WORD && (n->flags & CL_CAP);
}

/* Claims read at most the first CR_CLAIMS_MAX_TEXT bytes of a text, cut at
 * a paragraph break: a longer text is no news article, and the tokens
 * take some ten times the text's size. */
size_t cr_claims_text_limit(const cl_doc *d) {
  if (d->len <= CR_CLAIMS_MAX_TEXT)
    return d->len;
  size_t e = CR_CLAIMS_MAX_TEXT;
  while (e > CR_CLAIMS_MAX_TEXT / 2 && !(d->text[e - 1] == '\n'))
    e--;
  if (e <= CR_CLAIMS_MAX_TEXT / 2)
    e = CR_CLAIMS_MAX_TEXT;
  /* never inside a UTF-8 sequence */
  while (e > 0 && ((unsigned char)d->text[e] & 0xC0) == 0x80)
    e--;
  return e;
}

int cr_claims_lex(cl_doc *d) {
  lexer lx = {0};
  lx.d = d;
  static const cr_sentence one_sent = {0, 0, 0, 0, 0};
  cr_sentence whole = one_sent;
  cr_span whole_para = {0, 0};
  if (d->norm->nsent) {
    lx.sent = d->norm->sent;
    lx.nsent = d->norm->nsent;
  } else {
    whole.len = (uint32_t)d->len;
    lx.sent = &whole;
    lx.nsent = 1;
  }
  if (d->norm->npara) {
    lx.para = d->norm->para;
    lx.npara = d->norm->npara;
  } else {
    whole_para.len = (uint32_t)d->len;
    lx.para = &whole_para;
    lx.npara = 1;
  }
  d->nsent = lx.nsent;
  const char *text = d->text, *end = d->text + cr_claims_text_limit(d);
  /* about one token per five bytes of news text: grow rarely */
  lx.cap = (size_t)(end - text) / 4 + 64;
  d->t = cr_malloc(lx.cap * sizeof *d->t);
  lx.fcap = (size_t)(end - text) + (size_t)(end - text) / 4 + 256;
  lx.fold = cr_malloc(lx.fcap);
  if (!d->t || !lx.fold)
    goto fail;
  const char *p = text;
  int glue = 0, chunk_start = 1, nl = 0;
  while (p < end) {
    int n;
    uint32_t cp = cr_utf8_decode(p, end, &n);
    if (is_space_cp(cp)) {
      if (cp == '\n')
        nl = 1;
      p += n;
      glue = 0;
      chunk_start = 1;
      continue;
    }
    unsigned fl = (glue ? CL_GLUE : 0) | (nl ? CL_NL : 0);
    nl = 0;
    const char *start = p;
    if (chunk_start) {
      const char *ue = url_end(p, end);
      if (ue) {
        if (push(&lx, p, ue, CL_URL, fl))
          goto fail;
        p = ue;
        glue = 1;
        chunk_start = 0;
        continue;
      }
    }
    chunk_start = 0;
    if ((cp >= '0' && cp <= '9') ||
        (cp == '.' && is_digit_at(p + 1, end) && !glue)) {
      uint8_t ni, nf, nc;
      int dots;
      const char *q = cp == '.' ? scan_number(p + 1, end, &ni, &nf, &nc, &dots)
                                : scan_number(p, end, &ni, &nf, &nc, &dots);
      if (cp == '.') {
        /* ".500": the digits are the fraction */
        nf = ni;
        ni = 0;
      }
      if (dots)
        fl |= CL_MULTIDOT;
      if (push(&lx, start, q, CL_NUM, fl))
        goto fail;
      cl_tok *t = &d->t[d->n - 1];
      t->nint = ni;
      t->nfrac = nf;
      t->comma = nc;
      t->val = dots ? 0 : num_value(start, (size_t)(q - start));
      p = q;
      glue = 1;
      continue;
    }
    if (is_letter_cp(cp)) {
      const char *q = p + n;
      uint32_t prev = cp;
      int letters = 1, uppers = is_upper_cp(cp) ? 1 : 0;
      for (;;) {
        /* plain ASCII letters first, without decoding */
        while (q < end && (unsigned char)*q < 0x80 &&
               isalpha((unsigned char)*q)) {
          letters++;
          if (isupper((unsigned char)*q))
            uppers++;
          prev = (unsigned char)*q;
          q++;
        }
        int m;
        uint32_t c = peek(q, end, &m);
        if (!m)
          break;
        if (is_letter_cp(c)) {
          letters++;
          if (is_upper_cp(c))
            uppers++;
          prev = c;
          q += m;
          continue;
        }
        int m2;
        uint32_t c2 = peek(q + m, end, &m2);
        if ((is_apos(c) || is_hyph(c)) && is_letter_cp(prev) && m2 &&
            is_letter_cp(c2)) {
          prev = c;
          q += m;
          continue;
        }
        /* "players’ union": a possessive apostrophe after a final s */
        if (is_apos(c) && (prev == 's' || prev == 'S') && q + m + 1 < end &&
            q[m] == ' ' && islower((unsigned char)q[m + 1])) {
          q += m;
          break;
        }
        break;
      }
      unsigned wf = fl;
      /* letter-dot chains: "U.S.", "a.m." */
      if (q - p == 1 && q + 2 <= end && *q == '.' &&
          isalpha((unsigned char)q[1]) &&
          (q + 2 == end || !isalpha((unsigned char)q[2]))) {
        const char *r = q;
        int groups = 1;
        while (r + 1 < end && *r == '.' && isalpha((unsigned char)r[1]) &&
               (r + 2 == end || !isalpha((unsigned char)r[2]))) {
          r += 2;
          groups++;
        }
        if (groups >= 2) {
          if (r < end && *r == '.')
            r++;
          q = r;
          wf |= CL_ABBR;
        }
      }
      if (is_upper_cp(cp))
        wf |= CL_CAP;
      if (uppers)
        wf |= CL_HASUP;
      if (letters >= 2 && uppers == letters)
        wf |= CL_UPPER;
      if (wf & CL_ABBR) {
        int up = 0, lo = 0;
        for (const char *s = p; s < q; s++) {
          up += isupper((unsigned char)*s) != 0;
          lo += islower((unsigned char)*s) != 0;
        }
        if (up >= 2 && !lo)
          wf |= CL_UPPER;
      }
      if (push(&lx, start, q, CL_WORD, wf))
        goto fail;
      p = q;
      glue = 1;
      continue;
    }
    /* one code point of punctuation, a quotation mark or a symbol */
    const char *q = p + n;
    int kind = CL_SYM;
    int shape = 0;
    if (cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D ||
        cp == 0x201E || cp == 0x201F || cp == 0x00AB || cp == 0x00BB ||
        cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x2039 ||
        cp == 0x203A) {
      kind = CL_QUOTE;
      shape = quote_shape(cp, start, q, text, end);
    } else if (cp < 0x80 ? strchr(".,;:!?()[]{}-", (int)cp) != NULL
                         : (cp == 0x2013 || cp == 0x2014 || cp == 0x2026 ||
                            cp == 0x2012 || cp == 0x2015 || cp == 0x2212)) {
      kind = CL_PUNCT;
    }
    if (cp == 0)
      kind = CL_SYM;
    if (push(&lx, start, q, kind, fl))
      goto fail;
    d->t[d->n - 1].q = (uint8_t)shape;
    p = q;
    glue = 1;
  }
  /* tokens and folds live on the heap until cr_claims_run ends: only the
   * claims themselves go to the document's arena */
  d->fold = lx.fold;
  lx.fold = NULL;
  for (size_t k = 0; k < d->n; k++)
    d->t[k].low = d->fold + d->t[k].lowoff;
  /* Reading sentences: the sentences of cr_norm, re-joined where a split
   * fell after an abbreviation that cannot end a sentence before what
   * follows ("Oct. | 31", "No. | 5", "Mr. | Smith", "U.S. | Treasury"). */
  uint32_t g = 0;
  for (size_t k = 0; k < d->n; k++) {
    cl_tok *t = &d->t[k];
    if (k > 0 && t->sent != d->t[k - 1].sent && !joins(d, k))
      g++;
    t->grp = g;
    t->flags &= (uint16_t)~CL_SSTART;
    if (k == 0 || d->t[k - 1].grp != g)
      t->flags |= CL_SSTART;
  }
  d->nsent = d->n ? (size_t)g + 1 : 0;
  d->sfirst = cr_malloc((d->nsent + 1) * sizeof *d->sfirst);
  if (!d->sfirst)
    return -1;
  size_t k = 0;
  for (size_t s = 0; s <= d->nsent; s++) {
    while (k < d->n && d->t[k].grp < s)
      k++;
    d->sfirst[s] = (uint32_t)k;
  }
  return 0;
fail:
  cr_free(lx.fold);
  return -1; /* d->t is freed by the caller */
}
