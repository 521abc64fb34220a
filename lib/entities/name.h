/* name.h -- spelling keys of personal names and the person-name matcher of
 * the alias resolver: transliteration to Latin (ICU), titles, particles and
 * regnal numbers stripped, given name and surname, gender from the given
 * name, a title or a gendered surname ending. See docs/entities.md. */
#ifndef CR_ENTITIES_NAME_H
#define CR_ENTITIES_NAME_H

#include <stddef.h>
#include <stdint.h>

#include "lex.h"

#define CR_NAME_MAXW 6
#define CR_NAME_WLEN 40

enum { CR_GENDER_UNKNOWN = 0, CR_GENDER_MALE = 1, CR_GENDER_FEMALE = 2 };

typedef struct cr_name_word {
  char ascii[CR_NAME_WLEN]; /* lower-case ASCII letters (and '-') */
  char key[CR_NAME_WLEN];   /* spelling key: cr_name_wordkey */
  int32_t group;            /* given-name group in the lexicon, -1 */
  uint8_t ggender;          /* gender of that given name */
  uint8_t initial;          /* a single letter: "J." */
} cr_name_word;

typedef struct cr_name {
  cr_name_word w[CR_NAME_MAXW];
  int nw;
  int roman;            /* regnal number ("Richard III" -> 3), 0 none */
  int32_t given_group;  /* group of the given name in the lexicon, -1 */
  uint8_t gender;       /* CR_GENDER_*: title, then given name, then surname */
  uint8_t title_gender; /* from "Mr", "Mrs", "King", ... */
  int8_t surname_form;  /* gendered surname ending: 1 masculine, 2 feminine */
  int16_t surname_rule; /* which line of data/surname_gender.txt, -1 */
  uint8_t inflected;    /* written in a script whose names decline (Cyrillic) */
  uint8_t epithet;      /* a given name with a designation: "Isabella of
                           France", "Louis the German" */
} cr_name;

/* Spelling key of one word (UTF-8 or ASCII, any case): lower-case ASCII in
 * which transliteration variants meet (x/ks, kh/h, zh/dzh/j, sh/sch/shch,
 * ts/tz, w/v, ph/f, iy/y/ii -> i, ou/ow -> ov, double letters once). Letters
 * that are not Latin after folding are dropped. Returns the length written
 * (NUL-terminated, 0 when nothing is left). */
size_t cr_name_wordkey(const char *w, size_t len, char *out, size_t cap);

/* Parse a personal name as written (any script). Returns 0, or -1 when no
 * name word is left (the name was only a title, say). */
int cr_name_parse(const cr_entlex *lx, const char *s, size_t len, cr_name *out);

/* Match strength of two parsed names of people:
 *   0  different people (or no evidence they are one),
 *   1  compatible, but one is partial (surname only, initial),
 *   2  the same full name (given name and surname agree).
 * Never more than 0 for different given names, a feminine against a
 * masculine surname form, different regnal numbers or known genders that
 * differ. */
int cr_name_match(const cr_entlex *lx, const cr_name *a, const cr_name *b);

/* 1 when two spelling keys are the same word up to unstressed vowels
 * (Novikova / Navikava), for surnames and other name words. */
int cr_name_key_similar(const char *a, const char *b);

/* Lower-case ASCII form of a name in any script (ICU transliteration and
 * accent folding), words separated by one space. Returns its length. */
size_t cr_name_ascii(const cr_entlex *lx, const char *s, size_t len, char *out,
                     size_t cap, int *nonlatin);

#endif
