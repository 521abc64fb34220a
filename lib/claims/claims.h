/* claims.h -- per-document claims: quantities, dates, quotes and
 * attributions read from the normalised text. Runs after normalize, one
 * document at a time; the cross-document check (verify) aligns the records
 * later by their keys. See docs/claims.md.
 *
 * Everything lives in the document's arena; positions are byte spans into
 * cr_norm.text, sentence numbers index cr_norm.sent. */
#ifndef CR_CLAIMS_H
#define CR_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "crossread.h"
#include "normalize/normalize.h"

/* ---- Quantities -------------------------------------------------------- */

typedef enum cr_qkind {
  CR_Q_COUNT = 1, /* "123 prisoners": a counted noun */
  CR_Q_MONEY,     /* "$1.5bn", "20 million euros" */
  CR_Q_PERCENT,   /* "20%", "3 percentage points" */
  CR_Q_MEASURE,   /* "87 mph", "2.4 litres" */
  CR_Q_DURATION,  /* "11 years", "1,613 days" */
  CR_Q_AGE,       /* "69-year-old", "Name, 71," */
  CR_Q_NUMBER     /* a bare number: an index level, "about 1000 come" */
} cr_qkind;

typedef struct cr_quantity {
  cr_span span;      /* the whole expression: markers, number(s), unit */
  cr_span num;       /* the number(s) as written */
  double value;      /* the low end of a range */
  double high;       /* == value unless a range */
  uint8_t kind;      /* cr_qkind */
  uint8_t range;     /* 1: "5-10", "between 5 and 10", "eight or nine" */
  char approx;       /* '=' exact, '~' about, '>' more than, '<' less than */
  int8_t change;     /* +1 "rose 5%", -1 "fell 5%", 0 a level */
  const char *unit;  /* normalised unit or counted noun, singular, lower
                        case: "percent", "dollar", "political prisoner";
                        "" for a bare number */
  cr_span unit_span; /* the unit or counted noun as written (len 0: none) */
  cr_span of_span;   /* what a percent or fraction is of: "20% of [global
                        potash exports]" (len 0: none) */
  const char *key;   /* what it counts, for alignment: Snowball stem of the
                        head noun or the normalised unit ("prison",
                        "year", "percent") */
  cr_span subject;   /* who or what it is about (len 0: not found) */
  const char *subject_key; /* lower-cased last word of the subject, or "" */
  cr_span predicate;       /* the verb governing it: "pardoned",
                              "sentenced to" (len 0: not found) */
  const char *pred_key;    /* stem of the predicate's verb, or "" */
  uint32_t sent;           /* sentence index */
  int32_t date;   /* first date of the same sentence (index), -1 none */
  int32_t attrib; /* attribution of the same sentence (index), -1 none */
} cr_quantity;

/* ---- Dates --------------------------------------------------------------*/

typedef enum cr_date_prec {
  CR_DATE_DAY = 1,
  CR_DATE_WEEK,
  CR_DATE_MONTH,
  CR_DATE_YEAR
} cr_date_prec;

typedef struct cr_date {
  cr_span span; /* as written: "Saturday", "last month", "Dec. 13" */
  uint32_t sent;
  uint8_t prec;     /* cr_date_prec */
  uint8_t relative; /* 1: depends on the article's date ("last month") */
  uint8_t resolved; /* 1: iso holds a date; 0: unknown (no article date) */
  int16_t year;     /* resolved start; for a week, its Monday */
  int8_t month, day;
  char iso[12]; /* "2025-12-13", "2025-W50", "2025-09", "2025"; "" when
                   unresolved */
} cr_date;

/* ---- Quotes and attributions -------------------------------------------*/

typedef enum cr_quote_rule {
  CR_QA_NONE = 0,
  CR_QA_AFTER,     /* "...," said X / "...," X said */
  CR_QA_BEFORE,    /* X said: "..." / X described it as "..." */
  CR_QA_PRONOUN,   /* "...," he added: resolved to an earlier person */
  CR_QA_CONTINUED, /* a quote right after another quote of the speaker */
  CR_QA_PREVIOUS   /* the speaker is named in the previous sentence */
} cr_quote_rule;

typedef struct cr_quote {
  cr_span span;     /* first to last character inside the marks */
  const char *text; /* verbatim, without the marks; a quote running over
                       several paragraphs is joined with "\n\n" and the
                       re-opening marks are dropped */
  cr_span speaker;  /* the speaker as written where named: a name or a
                       description ("a U.S. official"); for a pronoun, the
                       earlier mention it refers to. len 0: unknown */
  cr_span name;     /* the fullest form of that name in the document
                       ("Ana Novak" for "Novak"); == speaker otherwise */
  cr_span mention;  /* what the attribution itself says: "he", "Novak",
                       "a U.S. official" */
  cr_span verb;     /* "said", "added", "told"; len 0 none */
  uint32_t sent;    /* sentence of the opening mark */
  uint8_t rule;     /* cr_quote_rule */
  uint8_t partial;  /* 1: a phrase quoted inside the writer's sentence */
} cr_quote;

typedef enum cr_attr_kind {
  CR_ATTR_SAID = 1,  /* X said / told / added (that ...) */
  CR_ATTR_ACCORDING, /* according to X */
  CR_ATTR_REPORTED,  /* X reported / confirmed / announced; reported by X */
} cr_attr_kind;

typedef struct cr_attribution {
  cr_span source; /* "Viasna", "the state news agency", "a U.S. official" */
  cr_span verb;   /* "according to", "told", "reported" */
  cr_span outlet; /* "The Associated Press" in "told The Associated Press";
                     "X" in "said on X"; len 0 none */
  uint32_t sent;
  uint8_t kind; /* cr_attr_kind */
} cr_attribution;

typedef struct cr_claims {
  cr_quantity *q;
  size_t nq;
  cr_date *dates;
  size_t ndates;
  cr_quote *quotes;
  size_t nquotes;
  cr_attribution *attr;
  size_t nattr;
} cr_claims;

/* ---- The stage ------------------------------------------------------------*/

/* Holds the stemmer and the optional person hook; one per engine, not
 * thread-safe. */
typedef struct cr_claims_ctx cr_claims_ctx;
cr_claims_ctx *cr_claims_ctx_new(void);
void cr_claims_ctx_free(cr_claims_ctx *c); /* NULL ok */

/* Optional hook for the entity stage: is text[0..len) a person's name, and
 * of which grammatical gender ('m', 'f', or 0 unknown)? Return 1 person,
 * 0 not a person, -1 unknown (the built-in rules decide). Without a hook
 * the built-in rules (capitalised runs, titles, speech verbs) are used. */
typedef int (*cr_claims_person_fn)(void *ud, const char *text, size_t len,
                                   char *gender);
void cr_claims_ctx_set_person_fn(cr_claims_ctx *c, cr_claims_person_fn fn,
                                 void *ud);

/* Read the claims of one document. `published` is the article's date in
 * ISO 8601 ("2025-12-17T04:20:00Z", "2025-12-13") or NULL: relative dates
 * ("Saturday", "last month") are resolved against it, and left unresolved
 * (iso "") without it. All output is allocated in `a`. Returns CROSSREAD_OK,
 * or CROSSREAD_ERR_NOMEM when the arena is full (out is then empty). */
crossread_status cr_claims_run(cr_claims_ctx *c, const cr_norm *norm,
                               const char *published, cr_arena *a,
                               cr_claims *out);

/* Names for reports. */
const char *cr_claims_kind_name(int kind); /* "count", "money", ... */
const char *cr_claims_prec_name(int prec); /* "day", "week", ... */
const char *cr_claims_rule_name(int rule); /* "after", "pronoun", ... */
const char *cr_claims_attr_name(int kind); /* "said", "according" */

/* Parse the date part of an ISO 8601 string: fills y, m (0 when absent) and
 * d (0 when absent). Returns 1 when at least a year was read. */
int cr_claims_parse_iso(const char *iso, int *y, int *m, int *d);

#endif
