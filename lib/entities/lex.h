/* lex.h -- the lexicons of the entity stage (data/places.txt, orgs.txt,
 * first_names.txt, person_titles.txt, ...) loaded once per engine into hash
 * maps, and the ICU transliterator for names in other scripts. Read-only
 * after cr_entlex_new, so one lexicon serves every document. */
#ifndef CR_ENTITIES_LEX_H
#define CR_ENTITIES_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "core/strmap.h"

/* Classes of a word or phrase (bits). */
enum {
  CR_LX_COUNTRY = 1u << 0,
  CR_LX_CITY = 1u << 1,
  CR_LX_REGION = 1u << 2,
  CR_LX_WATER = 1u << 3,
  CR_LX_ORG = 1u << 4,       /* a known organisation */
  CR_LX_FIRST_M = 1u << 5,   /* a given name, male */
  CR_LX_FIRST_F = 1u << 6,   /* a given name, female */
  CR_LX_FIRST_U = 1u << 7,   /* a given name, either */
  CR_LX_TITLE = 1u << 8,     /* "President", "Mr", "Gen." */
  CR_LX_NAT = 1u << 9,       /* nationality, language, religion */
  CR_LX_TIME = 1u << 10,     /* day or month name */
  CR_LX_MISC = 1u << 11,     /* other capitalised non-name */
  CR_LX_ORGHEAD = 1u << 12,  /* "Ministry", "University" */
  CR_LX_ORGSUF = 1u << 13,   /* "Inc.", "Ltd" */
  CR_LX_LOCWORD = 1u << 14,  /* "River", "Street", "Lake" */
  CR_LX_PARTICLE = 1u << 15, /* "von", "de", "al-" */
  CR_LX_TITLE_M = 1u << 16,  /* title of a man: "Mr", "King" */
  CR_LX_TITLE_F = 1u << 17,  /* title of a woman: "Mrs", "Queen" */
  CR_LX_PREFIX = 1u << 18,   /* first word of a longer phrase */
  CR_LX_FAMILY = 1u << 19,   /* kinship: "wife", "son" */
  CR_LX_SURNAME = 1u << 20   /* a common family name */
};
#define CR_LX_FIRST (CR_LX_FIRST_M | CR_LX_FIRST_F | CR_LX_FIRST_U)
#define CR_LX_PLACE (CR_LX_COUNTRY | CR_LX_CITY | CR_LX_REGION | CR_LX_WATER)

#define CR_LX_MAXWORDS 6

typedef struct cr_entlex {
  cr_strmap *words; /* folded word or phrase -> id */
  uint32_t *bits;   /* by id: CR_LX_* */
  uint8_t *maxlen;  /* by id: longest phrase (in words) starting here */
  size_t nwords;

  cr_strmap *given;      /* spelling key of a given name -> id */
  uint32_t *given_group; /* by id: group (same name in other spellings) */
  uint8_t *given_gender; /* by id: 0 either, 1 male, 2 female */

  cr_strmap *alias; /* folded alias -> id; alias_canon[id] = canonical id */
  uint32_t *alias_canon;

  /* gendered surname endings: fem[i] with the masculine endings masc[i]
   * (space separated) */
  const char **fem, **masc;
  size_t nfem;

  /* UTransliterator*, opened on first use by cr_entlex_translit: the one
   * part that changes after cr_entlex_new (one engine, one thread) */
  void *translit;
  int translit_tried;
} cr_entlex;

cr_entlex *cr_entlex_new(void);
void cr_entlex_free(cr_entlex *lx); /* NULL ok */

/* The transliterator of names in other scripts, NULL when ICU has none. */
void *cr_entlex_translit(const cr_entlex *lx);

/* Classes of the folded word or phrase s[0..len), 0 when unknown; the
 * longest phrase starting with it in *maxlen (may be NULL). */
uint32_t cr_entlex_bits(const cr_entlex *lx, const char *s, size_t len,
                        unsigned *maxlen);

/* 1 when the folded key acr ("reco") is made of the first letters of the
 * words of the folded name ("real estate council of ontario"), particles
 * and "and"/"for" left out. */
int cr_entlex_is_acronym(const cr_entlex *lx, const char *acr,
                         const char *name);

#endif
