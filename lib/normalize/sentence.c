/* sentence.c -- the sentence splitter: rule-based decisions on the tokens of
 * each line of clean text (periods after abbreviations, initials and numbers,
 * ellipses, quotes and brackets after a stop, list items, bullets). Line
 * breaks always end a sentence. Runs in the normalize stage, which takes its
 * tokens in the same pass. The rules are in docs/text-core.md. */
#include <string.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "lexicon.h"
#include "normalize.h"

typedef struct stok {
  uint32_t off, len; /* in the line */
  uint16_t kind, flags;
} stok;

typedef struct splitter {
  const char *line; /* the current line */
  stok *t;          /* its tokens */
  size_t nt, tcap;
  uint8_t *start; /* start[i]: a sentence begins at token i */
  size_t scap;
  cr_span *sp; /* sentences so far (heap; moved to the arena at the end) */
  size_t n, cap;
  int fail;
} splitter;

static int collect(void *ud, uint32_t off, uint32_t len, int kind,
                   unsigned flags) {
  splitter *s = ud;
  if (s->nt == s->tcap &&
      cr_grow((void **)&s->t, &s->tcap, s->nt + 1, sizeof *s->t)) {
    s->fail = 1;
    return -1;
  }
  s->t[s->nt++] = (stok){off, len, (uint16_t)kind, (uint16_t)flags};
  return 0;
}

/* ---- token tests ---------------------------------------------------------*/

static const char *tx(const splitter *s, size_t i) {
  return s->line + s->t[i].off;
}

/* white space between token i-1 and token i */
static int space_before(const splitter *s, size_t i) {
  return i == 0 || s->t[i].off > s->t[i - 1].off + s->t[i - 1].len;
}

static int is_text(const splitter *s, size_t i, const char *str) {
  size_t n = strlen(str);
  return s->t[i].len == n && memcmp(tx(s, i), str, n) == 0;
}

static uint32_t first_cp(const splitter *s, size_t i) {
  int n;
  return cr_utf8_decode(tx(s, i), tx(s, i) + s->t[i].len, &n);
}

enum { C_OTHER, C_UPPER, C_LOWER, C_DIGIT, C_UNCASED };

/* the case of the first character of token i */
static int first_case(const splitter *s, size_t i) {
  uint32_t cp = first_cp(s, i);
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z')
      return C_UPPER;
    if (cp >= 'a' && cp <= 'z')
      return C_LOWER;
    if (cp >= '0' && cp <= '9')
      return C_DIGIT;
    return C_OTHER;
  }
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT:
    return C_UPPER;
  case UTF8PROC_CATEGORY_LL:
    return C_LOWER;
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_LM:
    return C_UNCASED;
  case UTF8PROC_CATEGORY_ND:
    return C_DIGIT;
  default:
    return C_OTHER;
  }
}

/* Upper case then lower case: a word that starts a sentence glued to the
 * previous one ("world.Today", "Tuesday.Mr.", "1,000.That"). */
static int title_case(const splitter *s, size_t i) {
  const char *p = tx(s, i);
  return s->t[i].len >= 2 && first_case(s, i) == C_UPPER &&
         (s->t[i].kind == CR_TOK_WORD || s->t[i].kind == CR_TOK_ABBREV) &&
         p[1] >= 'a' && p[1] <= 'z';
}

static int is_bullet(const splitter *s, size_t i) {
  /* all bullets are three-byte characters */
  if ((s->t[i].kind != CR_TOK_PUNCT && s->t[i].kind != CR_TOK_SYMBOL) ||
      s->t[i].len != 3)
    return 0;
  int n;
  uint32_t cp = cr_utf8_decode(tx(s, i), tx(s, i) + s->t[i].len, &n);
  if ((uint32_t)n != s->t[i].len)
    return 0;
  switch (cp) {
  case 0x2022:
  case 0x25E6:
  case 0x2023:
  case 0x2043:
  case 0x25AA:
  case 0x25CF:
  case 0x25A0:
  case 0x25BA:
  case 0x25B6:
  case 0x27A2:
  case 0x2219:
    return 1;
  default:
    return 0;
  }
}

/* the word "I" (or "I'm", "I’d"...): capitalised wherever it stands */
static int is_pronoun_i(const splitter *s, size_t i) {
  const char *p = tx(s, i);
  return s->t[i].kind == CR_TOK_WORD && p[0] == 'I' &&
         (s->t[i].len == 1 || p[1] == '\'' ||
          (s->t[i].len > 3 && memcmp(p + 1, "\xE2\x80\x99", 3) == 0));
}

/* number of periods when token i is made of periods only, else 0 */
static size_t dots(const splitter *s, size_t i) {
  const char *p = tx(s, i);
  for (size_t k = 0; k < s->t[i].len; k++)
    if (p[k] != '.')
      return 0;
  return s->t[i].len;
}

/* token i is made of "…" only */
static int ellipses(const splitter *s, size_t i) {
  const char *p = tx(s, i);
  for (size_t k = 0; k < s->t[i].len; k += 3)
    if (s->t[i].len - k < 3 || memcmp(p + k, "\xE2\x80\xA6", 3) != 0)
      return 0;
  return s->t[i].len > 0;
}

/* a word without the period of an abbreviation */
static size_t bare_len(const splitter *s, size_t i) {
  return s->t[i].len - (s->t[i].kind == CR_TOK_ABBREV ? 1 : 0);
}

/* value of a list number (one or two digits), else -1 */
static int list_number(const splitter *s, size_t i) {
  if (s->t[i].kind != CR_TOK_NUMBER || s->t[i].len > 2)
    return -1;
  int v = 0;
  for (size_t k = 0; k < s->t[i].len; k++) {
    char c = tx(s, i)[k];
    if (c < '0' || c > '9')
      return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

/* A list marker "N." "N.)" "N)" at token i followed by white space: the
 * index after it (and its style in *style: 1 ".", 2 ".)", 3 ")"), else 0. */
static size_t marker_end(const splitter *s, size_t i, int *style) {
  if (i + 1 >= s->nt || list_number(s, i) < 0 || space_before(s, i + 1))
    return 0;
  size_t j = i + 1;
  int st;
  if (is_text(s, j, ".")) {
    st = 1;
    if (j + 1 < s->nt && !space_before(s, j + 1) && is_text(s, j + 1, ")")) {
      j++;
      st = 2;
    }
  } else if (is_text(s, j, ")")) {
    st = 3;
  } else {
    return 0;
  }
  j++;
  if (j < s->nt && !space_before(s, j))
    return 0;
  *style = st;
  return j;
}

/* a dash standing alone: "-", "--", "–", "—", the wire's "_" */
static int is_dash(const splitter *s, size_t i) {
  if (s->t[i].kind != CR_TOK_PUNCT || !space_before(s, i) ||
      (i + 1 < s->nt && !space_before(s, i + 1)))
    return 0;
  return is_text(s, i, "-") || is_text(s, i, "--") || is_text(s, i, "_") ||
         is_text(s, i, "\xE2\x80\x93") || is_text(s, i, "\xE2\x80\x94");
}

/* ---- decisions -----------------------------------------------------------*/

typedef struct ctx {
  size_t g;   /* first token after the stop and its closing marks */
  int sp;     /* white space before token g */
  int closed; /* closing quotes or brackets follow the stop */
  size_t e;   /* the token that tells the case: g, or the one after an
                 opening quote or bracket at g */
  int ecase;  /* first_case of token e */
} ctx;

static void look_ahead(const splitter *s, size_t end, ctx *c) {
  size_t g = end;
  while (g < s->nt && !space_before(s, g) &&
         (s->t[g].flags & (CR_TF_CLOSE | CR_TF_TERM)))
    g++;
  c->closed = g > end;
  c->g = g;
  c->sp = g < s->nt && space_before(s, g);
  c->e = g;
  /* the case is told by the word after an opening mark or a dash:
   * '. "This', '. (Later', 'free. _ When' */
  if (g + 1 < s->nt &&
      (((s->t[g].flags & CR_TF_OPEN) && !space_before(s, g + 1)) ||
       is_dash(s, g)))
    c->e = g + 1;
  c->ecase = c->e < s->nt ? first_case(s, c->e) : C_OTHER;
}

/* After an ordinary stop: a period after a word or number, "!", "?", or an
 * ellipsis of four dots (a period and an ellipsis). p is the token before
 * the stop (or SIZE_MAX); qe: the stop holds "!" or "?". */
static int ordinary_end(const splitter *s, size_t p, const ctx *c, int qe) {
  size_t g = c->g;
  if (g >= s->nt)
    return 0;
  if (!c->sp) {
    /* glued: "world.Today", "1,000.That", but not "U.S.A" or "3.5" */
    if (c->closed)
      return c->ecase == C_UPPER;
    return p != SIZE_MAX &&
           (s->t[p].kind == CR_TOK_WORD || s->t[p].kind == CR_TOK_NUMBER) &&
           title_case(s, g);
  }
  switch (c->ecase) {
  case C_UPPER:
  case C_UNCASED:
    return 1;
  case C_LOWER:
    return 0;
  case C_DIGIT:
    /* "p. 55" and "N°. 1026" go on; a word then a number is a new
     * sentence only after a real word */
    if (qe || c->closed)
      return 1;
    return p != SIZE_MAX && s->t[p].kind == CR_TOK_WORD && s->t[p].len >= 2 &&
           !(s->t[p].flags & CR_TF_DIGIT);
  default:
    if (s->t[g].kind == CR_TOK_PUNCT)
      return c->e != g && c->ecase != C_LOWER;
    return 1; /* "$5", "@user", "#tag" */
  }
}

/* After a three-dot ellipsis ("...", "…", ". . ."): an omission inside a
 * sentence unless a capitalised word other than "I" follows. */
static int ellipsis_end(const splitter *s, size_t first, const ctx *c) {
  if (first > 0 && !space_before(s, first) &&
      (s->t[first - 1].flags & CR_TF_OPEN))
    return 0; /* "[...]" */
  if (c->g >= s->nt || !c->sp)
    return 0;
  return c->ecase == C_UPPER && !is_pronoun_i(s, c->e);
}

static int is_title_abbrev(const splitter *s, size_t i) {
  if (s->t[i].kind != CR_TOK_ABBREV)
    return 0;
  return cr_lexicon_abbrev(tx(s, i), s->t[i].len - 1) == CR_AB_TITLE;
}

/* After an abbreviation token i (its period included). */
static int abbrev_end(const splitter *s, size_t i, const ctx *c) {
  if (c->g >= s->nt)
    return 0;
  if (c->closed)
    return ordinary_end(s, i, c, 0); /* "... the U.S." She said */
  if (!c->sp)
    return 0; /* "U.S.-Canada" */
  cr_abbr_class k = cr_lexicon_abbrev(tx(s, i), s->t[i].len - 1);
  if (k == CR_AB_NONE)
    k = CR_AB_INIT; /* an initial in any script */
  switch (k) {
  case CR_AB_TITLE:
  case CR_AB_MID:
    return 0;
  case CR_AB_NUM:
    return c->ecase != C_DIGIT && ordinary_end(s, i, c, 0);
  case CR_AB_POST:
    /* "Jane and co. They", not "10 a.m. Monday" nor "Calif. Gov. Brown" */
    return c->ecase == C_UPPER &&
           !cr_lexicon_calendar(tx(s, c->e), bare_len(s, c->e)) &&
           !is_title_abbrev(s, c->e);
  default:
    /* initials: "the E.U. How", not "the U.S. Government", "Jonas E. Smith" */
    if (c->ecase != C_UPPER)
      return 0;
    return s->t[c->e].kind == CR_TOK_WORD &&
           cr_lexicon_starter(tx(s, c->e), s->t[c->e].len);
  }
}

/* Decide the stop at token i (a TERM punctuation or an abbreviation). Sets
 * *next to the token where scanning goes on; returns 1 when a sentence
 * starts there. */
static int decide(splitter *s, size_t i, size_t *next) {
  const stok *t = &s->t[i];
  ctx c;
  size_t p = i > 0 && !space_before(s, i) ? i - 1 : SIZE_MAX;
  if (t->kind == CR_TOK_ABBREV) {
    look_ahead(s, i + 1, &c);
    *next = c.g;
    return abbrev_end(s, i, &c);
  }
  size_t d = dots(s, i), end = i + 1;
  if (d == 1) {
    /* a spaced ellipsis ". . ." continues with single periods */
    while (end < s->nt && dots(s, end) == 1 &&
           s->t[end].off == s->t[end - 1].off + 2 && tx(s, end)[-1] == ' ')
      end++, d++;
  }
  look_ahead(s, end, &c);
  *next = c.g;
  if (d == 3 || ellipses(s, i))
    return ellipsis_end(s, i, &c);
  if (d >= 1) /* a period, or one followed by an ellipsis */
    return ordinary_end(s, p, &c, 0);
  const char *q = tx(s, i);
  int qe = memchr(q, '!', t->len) || memchr(q, '?', t->len);
  if (qe || memchr(q, '.', t->len))
    return ordinary_end(s, p, &c, qe);
  /* "…." and the stops of other scripts (。 ؟ । ...) */
  return c.g < s->nt && c.ecase != C_LOWER;
}

/* Mark sentence starts among the tokens of one line. */
static void split_line(splitter *s) {
  size_t n = s->nt;
  memset(s->start, 0, n);
  s->start[0] = 1;
  int list_next = -1, list_style = 0;
  size_t i = 0, sstart = 0;
  int at_start = 1;
  while (i < n) {
    if (at_start) {
      /* bullets and list numbers open an item; their periods are no stops */
      at_start = 0;
      sstart = i;
      if (is_bullet(s, i))
        i++;
      int st;
      size_t m = i < n ? marker_end(s, i, &st) : 0;
      if (m) {
        list_next = list_number(s, i) + 1;
        list_style = st;
        i = m;
      }
      continue;
    }
    if (i > sstart && space_before(s, i)) {
      int st;
      if (is_bullet(s, i) ||
          (list_next >= 0 && list_number(s, i) == list_next &&
           marker_end(s, i, &st) && st == list_style)) {
        s->start[i] = 1;
        at_start = 1;
        continue;
      }
    }
    if ((s->t[i].flags & CR_TF_TERM) || s->t[i].kind == CR_TOK_ABBREV) {
      size_t next;
      int brk = decide(s, i, &next);
      if (brk && next < n) {
        s->start[next] = 1;
        at_start = 1;
      }
      i = next > i ? next : i + 1;
      continue;
    }
    i++;
  }
}

static int push_span(splitter *s, uint32_t off, uint32_t len) {
  if (s->n == s->cap &&
      cr_grow((void **)&s->sp, &s->cap, s->n + 1, sizeof *s->sp))
    return -1;
  s->sp[s->n++] = (cr_span){off, len};
  return 0;
}

/* a single-letter initial ("B.") */
static int is_initial(const splitter *s, size_t i) {
  if (s->t[i].kind != CR_TOK_ABBREV)
    return 0;
  int n;
  cr_utf8_decode(tx(s, i), tx(s, i) + s->t[i].len, &n);
  return s->t[i].len == (uint32_t)n + 1;
}

static int emit_line(splitter *s, uint32_t base, cr_token_fn emit, void *ud) {
  size_t n = s->nt;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && !s->start[j])
      j++;
    uint32_t off = s->t[i].off, end = s->t[j - 1].off + s->t[j - 1].len;
    if (push_span(s, base + off, end - off))
      return -1;
    if (emit) {
      for (size_t k = i; k < j; k++) {
        const stok *t = &s->t[k];
        unsigned f = t->flags | (k == i ? CR_TF_SSTART : 0);
        if (k + 1 == j && k > i && is_initial(s, k)) {
          /* "Plan B." ends the sentence: the period is its own token */
          if (emit(ud, base + t->off, t->len - 1, CR_TOK_WORD, f) ||
              emit(ud, base + t->off + t->len - 1, 1, CR_TOK_PUNCT, CR_TF_TERM))
            return -1;
        } else if (emit(ud, base + t->off, t->len, t->kind, f)) {
          return -1;
        }
      }
    }
    i = j;
  }
  return 0;
}

int cr_sentence_split_tokens(const char *text, size_t len, cr_arena *a,
                             cr_span **out, size_t *n, cr_token_fn emit,
                             void *ud) {
  splitter s;
  memset(&s, 0, sizeof s);
  int rc = -1;
  *out = NULL;
  *n = 0;
  for (size_t ls = 0; ls < len;) {
    const char *nl = memchr(text + ls, '\n', len - ls);
    size_t le = nl ? (size_t)(nl - text) : len;
    if (le > ls) {
      s.line = text + ls;
      s.nt = 0;
      if (cr_tokenize(s.line, le - ls, collect, &s) || s.fail)
        goto fail;
      if (s.nt) {
        if (s.nt > s.scap) {
          size_t cap = s.scap;
          if (cr_grow((void **)&s.start, &cap, s.nt, 1))
            goto fail;
          s.scap = cap;
        }
        split_line(&s);
        if (emit_line(&s, (uint32_t)ls, emit, ud))
          goto fail;
      }
    }
    ls = le + 1;
  }
  *out = cr_arena_alloc(a, (s.n ? s.n : 1) * sizeof **out);
  if (!*out)
    goto fail;
  if (s.n)
    memcpy(*out, s.sp, s.n * sizeof **out);
  *n = s.n;
  rc = 0;
fail:
  cr_free(s.t);
  cr_free(s.start);
  cr_free(s.sp);
  return rc;
}

int cr_sentence_split(const char *text, size_t len, cr_arena *a, cr_span **out,
                      size_t *n) {
  return cr_sentence_split_tokens(text, len, a, out, n, NULL, NULL);
}
