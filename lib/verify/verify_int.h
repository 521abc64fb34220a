/* verify_int.h -- what the files of lib/verify share: the per-run view of
 * a story's documents, the claim records that get aligned, the lexicons,
 * and a small hash map of 64-bit keys. Not part of the stage's API. */
#ifndef CR_VERIFY_INT_H
#define CR_VERIFY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "verify.h"

/* ---- 64-bit key map (open addressing, key 0 is "empty") ---------------- */

typedef struct vmap {
  uint64_t *k;
  double *v;
  size_t n, cap; /* cap: a power of two */
} vmap;

int cr_verify_map_init(vmap *m, size_t expect);
void cr_verify_map_free(vmap *m);
/* the value slot of key (added as 0 when absent); NULL when out of memory */
double *cr_verify_map_put(vmap *m, uint64_t key);
/* the value of key, or NULL when absent */
const double *cr_verify_map_get(const vmap *m, uint64_t key);

/* ---- lexicons ------------------------------------------------------------*/

enum { VP_NONE = 0 }; /* event classes are 1..VP_MAX */
#define VP_MAX 31

struct cr_verify {
  struct sb_stemmer *stem;
  vmap pred;                    /* stem hash -> event class */
  char classes[VP_MAX + 1][12]; /* event class names by id */
  int nclasses;
  int c_custody; /* the class of "jailed", "sentenced" */
};

#define VP_OF 64 /* added to a class told only before "of" + figure */
/* Event class of a token stem (hash as cr_token.hash), VP_NONE if none. */
int cr_verify_pred_class(const cr_verify *v, uint64_t stem_hash);
/* 1 when that word tells its class only right before "of" and a figure */
int cr_verify_pred_of_only(const cr_verify *v, uint64_t stem_hash);
/* Stem hash of a word, as the text core computes cr_token.hash. */
uint64_t cr_verify_stem_hash(cr_verify *v, const char *w, size_t len);

/* Class of a counted noun (singular, lower case): 1 person, 0 none;
 * gender 'm', 'f' or 0 in *g when g is not NULL. */
int cr_verify_noun_class(const char *w, size_t len, char *g);
/* 1 when w (lower case) is a nationality ("ukrainian"). */
int cr_verify_is_demonym(const char *w, size_t len);

/* ---- concept sets
 * ------------------------------------------------------------ */

/* Concepts of a sentence or clause: sorted distinct keys with their
 * weights (rarity among the story's origins) and the weights' sum. */
typedef struct vset {
  uint64_t *k;
  float *w;
  size_t n;
  double sum;
} vset;

/* ---- the story's documents ---------------------------------------------- */

typedef struct vdoc {
  const cr_verify_doc *d;
  uint32_t pos;            /* position in the story */
  uint32_t origin;         /* dense origin id within the story */
  int32_t *tok_ent;        /* per token: story entity, -1 none */
  uint8_t *tok_quote;      /* per token: 1 inside quotation marks */
  int pub_y, pub_m, pub_d; /* publication date, 0 unknown */
} vdoc;

/* ---- claim records
 * ---------------------------------------------------------*/

enum { K_COUNT = 1, K_MONEY, K_PERCENT, K_MEASURE, K_DURATION, K_AGE, K_DATE };

typedef struct vdate {
  int16_t y;
  int8_t m, d;  /* 0 unknown */
  uint8_t prec; /* cr_date_prec; 0 none */
  uint8_t word; /* unresolved: 1..12 a month, 21..27 a weekday; 0 none */
} vdate;

typedef struct vrec {
  uint32_t doc;         /* story position */
  uint32_t sent;        /* its sentence */
  const cr_quantity *q; /* a figure, or */
  const cr_date *dt;    /* the date of an event (K_DATE) */
  uint8_t kind;         /* K_* */
  int8_t change;        /* +1 rose, -1 fell, 0 a level */
  uint8_t since;        /* K_DATE: "since 2004", the start of a state */
  uint8_t hist;         /* an age at some earlier time */
  uint8_t uclass;       /* counted noun class (1 person), 0 none */
  uint64_t uhead;       /* stem hash of the counted noun's head, 0 none */
  uint64_t umod;    /* a nationality before the head ("Ukrainian"), 0 none */
  const char *ukey; /* unit for money, percent, measure: must be equal */
  double lo, hi;    /* the value as an interval, in base units */
  double val;       /* the value as written, base units */
  int32_t subj;     /* story entity of the subject, -1 unknown */
  uint8_t subj_person;
  uint32_t pmask;    /* event classes of the words governing it (bit c for
                        class c), 0 unknown */
  uint32_t pred_tok; /* the nearest such word (UINT32_MAX none) */
  vdate date;
  vset ctx;          /* concepts of the sentence */
  vset loc;          /* concepts of the figure's clause */
  int32_t places[6]; /* places named in that clause (story entities) */
  uint8_t nplaces;
  uint32_t tok0, tok1; /* the quantity's tokens [tok0, tok1) */
  const char *label;   /* the value as written: "58", "more than 80" */
  int32_t copy_of;     /* the same figure in the same sentence of an
                          article of the same origin (a copy), or -1 */
  uint8_t aligned;     /* compared with others (0: past the cap) */
  int32_t group;       /* union-find parent */
} vrec;

typedef struct vrun {
  cr_verify *v;
  const cr_verify_doc *docs;
  size_t n;
  const cr_alias *al;
  cr_arena *a;   /* output */
  cr_arena *tmp; /* this call only */
  cr_story *s;
  vdoc *vd;
  size_t norigins;
  vrec *r;
  size_t nr;
  vmap df;                 /* concept -> origins holding it */
  int pub_y, pub_m, pub_d; /* the story's latest publication date, 0 */
} vrun;

/* records.c */
int cr_verify_read_docs(vrun *R);
int cr_verify_records(vrun *R);
/* the text of a span of document d (tmp arena) */
const char *cr_verify_span(vrun *R, uint32_t doc, uint32_t off, uint32_t len);
/* the sentence of a token range, verbatim, in the output arena */
const char *cr_verify_sentence(vrun *R, uint32_t doc, uint32_t sent);
/* concepts of sentence `sent` of doc, leaving out the tokens [skip0,
 * skip1), weighted; tmp arena */
int cr_verify_concepts(vrun *R, uint32_t doc, uint32_t sent, uint32_t skip0,
                       uint32_t skip1, vset *out);
/* weights of a set whose keys are filled */
int cr_verify_weigh(vrun *R, vset *s);
/* weighted overlap of two concept sets, 0..1: mode 0 shared weight over
 * the geometric mean of the two sets' weights, 1 over the smaller set's */
double cr_verify_overlap(const vset *a, const vset *b, int mode);
/* dates of a sentence that say when it happened (not "since 2004") */
int cr_verify_event_date(vrun *R, uint32_t doc, uint32_t sent, uint32_t near,
                         vdate *out);
/* 1 when the date at byte off follows "since", "until", "by"...: no time
 * of an event */
int cr_verify_not_event(const cr_norm *nm, uint32_t off);
/* the story entity of a mention within [off, off+len) (the last), -1 */
int32_t cr_verify_entity_at(const vrun *R, const vdoc *D, uint32_t off,
                            uint32_t len, uint8_t *kind);
/* 1 compatible, 0 incompatible, -1 unknown */
int cr_verify_dates_agree(const vdate *a, const vdate *b);
/* An event dated `d` and an undated statement of document `doc` (news
 * tells the latest event undated): 0 when d lies clearly outside the
 * weeks before that document's date (or the story's), else 1. */
int cr_verify_recent(const vrun *R, const vdate *d, uint32_t doc);

/* align.c */
int cr_verify_align(vrun *R);
/* quotes.c */
int cr_verify_quotes(vrun *R);
/* timeline.c */
int cr_verify_timeline(vrun *R);

/* The clause around tokens [t0, t1) of a document as token bounds [*c0,
 * *c1): between punctuation, widened over one boundary while it is
 * shorter than four words (align.c). */
void cr_verify_clause(const cr_norm *nm, uint32_t t0, uint32_t t1, uint32_t *c0,
                      uint32_t *c1);

/* the story entity id "e<i+1>" and its name */
const char *cr_verify_entity_id(vrun *R, int32_t e);
const char *cr_verify_entity_name(vrun *R, int32_t e);

#endif
