/* claims_int.h -- private to lib/claims: the claim tokens (a finer lexing
 * of the clean text than the tokenizer's: "$1.5bn" is "$" "1.5" "bn",
 * "69-year-old" is "69" "-" "year-old", each marked glued or not) and the
 * helpers the quantity, date and quote readers share. */
#ifndef CR_CLAIMS_INT_H
#define CR_CLAIMS_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "claims.h"
#include "core/table.h"

enum {
  CL_WORD = 1, /* letters, inner apostrophes and hyphens; "U.S." */
  CL_NUM,      /* digits with thousands commas and one decimal point */
  CL_PUNCT,    /* . , ; : ! ? ( ) dashes ... */
  CL_QUOTE,    /* a quotation mark (not an apostrophe inside a word) */
  CL_SYM,      /* $ % & + / ° £ and anything else */
  CL_URL       /* a URL, e-mail or handle: skipped */
};

enum {
  CL_GLUE = 1u << 0,     /* no space before it */
  CL_CAP = 1u << 1,      /* first letter upper case */
  CL_UPPER = 1u << 2,    /* all letters upper case, at least two */
  CL_ABBR = 1u << 3,     /* letter-dot chain: "U.S.", "a.m." */
  CL_SSTART = 1u << 4,   /* first token of its sentence */
  CL_PSTART = 1u << 5,   /* first token of its paragraph */
  CL_USED = 1u << 6,     /* taken by a date or a time */
  CL_INQ = 1u << 7,      /* inside a quotation */
  CL_MULTIDOT = 1u << 8, /* a number with two or more dots: "1.2.3" */
  CL_HASUP = 1u << 9,    /* a word with an upper-case letter anywhere */
  CL_NL = 1u << 10,      /* a line break before it */
  CL_QTY = 1u << 11      /* inside a recorded quantity */
};

/* Quotation mark shapes (cl_tok.q). */
enum {
  CL_Q_OPEN = 1,
  CL_Q_CLOSE = 2,
  CL_Q_BOTH = 3,
  CL_Q_SINGLE = 4,
  CL_Q_STRAIGHT = 8
};

/* The lexicons a token may be in: one bit each in cl_tok.tabs, set by one
 * hash look-up per token (claims.c), so most table searches are skipped. */
enum {
  T_claims_numwords,
  T_claims_scale,
  T_claims_currency,
  T_claims_units,
  T_claims_approx,
  T_claims_change,
  T_claims_speech,
  T_claims_verbs,
  T_claims_roles,
  T_claims_orgcues,
  T_claims_idnouns,
  T_claims_streets,
  T_claims_months,
  T_claims_weekdays,
  T_claims_timewords,
  T_claims_plurals,
  T_claims_function,
  T_stopwords,
  T_claims_timezones,
  T_COUNT
};

typedef struct cl_tok {
  uint32_t off, len;
  uint32_t sent, para;
  uint32_t grp; /* reading sentence: cr_norm sentences, re-joined where a
                   split fell after "Oct." or "Mr." (see lex.c) */
  uint32_t lowlen;
  uint32_t lowoff; /* offset of low in the fold buffer (lex.c) */
  uint8_t kind;
  uint8_t q; /* CL_Q_* for quotes */
  uint16_t flags;
  uint8_t memo;        /* cached word classes, see claims.c */
  uint8_t nint, nfrac; /* digits before / after the decimal point */
  uint8_t comma;       /* thousands commas seen */
  uint32_t tabs;       /* 1 << T_x for each lexicon holding low as a key */
  const char *low;     /* lower case, ’ folded to ', NUL-terminated */
  double val;          /* CL_NUM */
} cl_tok;

typedef struct cl_doc {
  const char *text;
  size_t len;
  const cr_norm *norm;
  cr_arena *a;
  cr_claims_ctx *ctx;
  cl_tok *t; /* heap, freed at the end of cr_claims_run */
  size_t n;
  char *fold;       /* heap: the folded forms the tokens' low point into */
  size_t nsent;     /* reading sentences (groups) */
  uint32_t *sfirst; /* heap: first token of group i; sfirst[nsent] == n */
  int has_date;     /* publication date known */
  int py, pm, pd;   /* its year, month (0 unknown), day (0 unknown) */
  /* results under construction */
  cr_quantity *q;
  size_t nq, qcap;
  cr_date *dates;
  size_t ndates, dcap;
  cr_quote *quotes;
  size_t nquotes, quotecap;
  cr_attribution *attr;
  size_t nattr, attrcap;
  int fail;
} cl_doc;

struct sb_stemmer;
struct cr_strmap;
struct cr_claims_ctx {
  struct sb_stemmer *stem;
  struct cr_strmap *keys; /* every lexicon key (and its lower case) */
  uint32_t *keytabs;      /* by key id: the T_x bits */
  cr_claims_person_fn person_fn;
  void *person_ud;
};

/* The T_x bits of a folded word (claims.c). */
uint32_t cr_claims_key_tabs(const cr_claims_ctx *c, const char *k, size_t n);

/* lex.c */
#define CR_CLAIMS_MAX_TEXT ((size_t)1 << 20)
int cr_claims_lex(cl_doc *d);
size_t cr_claims_text_limit(const cl_doc *d);

/* Helpers shared by the readers (claims.c). */
static inline int cl_is(const cl_doc *d, long i, const char *s) {
  return i >= 0 && (size_t)i < d->n && strcmp(d->t[i].low, s) == 0;
}
static inline int cl_word(const cl_doc *d, long i) {
  return i >= 0 && (size_t)i < d->n && d->t[i].kind == CL_WORD;
}
static inline int cl_num(const cl_doc *d, long i) {
  return i >= 0 && (size_t)i < d->n && d->t[i].kind == CL_NUM;
}
static inline int cl_glued(const cl_doc *d, long i) {
  return i >= 0 && (size_t)i < d->n && (d->t[i].flags & CL_GLUE);
}
static inline const char *cl_find_bit(const cr_table *t, int bit,
                                      const cl_doc *d, long i) {
  if (i < 0 || (size_t)i >= d->n || !(d->t[i].tabs & (1u << bit)))
    return NULL;
  return cr_table_find(t, d->t[i].low, d->t[i].lowlen);
}
/* The entry of lexicon NAME (data/NAME.txt) for token i's folded form. */
#define cl_find(NAME, d, i) cl_find_bit(&cr_tab_##NAME, T_##NAME, (d), (i))
/* Token i's folded form is a key of lexicon NAME. */
#define cl_in(NAME, d, i)                                                      \
  ((i) >= 0 && (size_t)(i) < (d)->n && ((d)->t[(i)].tabs & (1u << T_##NAME)))
/* Field f of a table entry as a number (0 when absent). */
double cr_claims_field_num(const char *entry, int f);
/* Field f copied into buf (NUL-terminated, cut to cap-1); returns length. */
size_t cr_claims_field(const char *entry, int f, char *buf, size_t cap);

/* A stop/function word ("the", "of", "said"). */
int cr_claims_is_function(const cl_doc *d, long i);
/* A likely verb form: listed, or a regular -ed / -ing form. */
int cr_claims_is_verb(const cl_doc *d, long i);
/* A likely plural noun. */
int cr_claims_is_plural(const cl_doc *d, long i);
/* Singular of a lower-case noun into buf; returns length. */
size_t cr_claims_singular(const char *w, size_t n, char *buf, size_t cap);
/* Snowball stem of a lower-case word, copied into the arena. */
const char *cr_claims_stem(cl_doc *d, const char *w, size_t n);
/* Copy text[off..off+len) lower-cased into the arena. */
const char *cr_claims_lowdup(cl_doc *d, uint32_t off, uint32_t len);
/* Reading-sentence (group) bounds in tokens. */
static inline void cl_sent_bounds(const cl_doc *d, size_t s, long *b, long *e) {
  *b = (long)d->sfirst[s];
  *e = (long)d->sfirst[s + 1];
}
/* The span from token i to token j inclusive. */
static inline cr_span cl_span(const cl_doc *d, long i, long j) {
  cr_span s = {0, 0};
  if (i < 0 || j < i || (size_t)j >= d->n)
    return s;
  s.off = d->t[i].off;
  s.len = d->t[j].off + d->t[j].len - d->t[i].off;
  return s;
}

/* Readers, in the order cr_claims_run calls them. */
int cr_claims_dates(cl_doc *d);      /* date.c: marks CL_USED */
int cr_claims_quotes(cl_doc *d);     /* quote.c: quotes, attributions */
int cr_claims_quantities(cl_doc *d); /* quantity.c */

/* The year test shared by dates and quantities: a four-digit number read as
 * a year in its context. */
int cr_claims_is_year(const cl_doc *d, long i, long sb, long se);
/* A month name at i (capitalised or an abbreviation): 1..12, else 0. */
int cr_claims_month_at(const cl_doc *d, long i);

/* Calendar arithmetic (date.c). */
long cr_claims_days(int y, int m, int d); /* days since 1970-01-01 */
void cr_claims_civil(long days, int *y, int *m, int *d);
int cr_claims_weekday(long days); /* 1 Monday .. 7 Sunday */

#endif
