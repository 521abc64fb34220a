/* lexicon.h -- the text core's word lists (data/abbreviations.txt,
 * data/calendar.txt, data/stopwords.txt, data/sentence_starters.txt) as the
 * tokenizer and the sentence splitter ask them. Internal to lib/normalize. */
#ifndef CR_NORMALIZE_LEXICON_H
#define CR_NORMALIZE_LEXICON_H

#include <stddef.h>

/* How the period of an abbreviation relates to sentence ends (see
 * data/abbreviations.txt). */
typedef enum cr_abbr_class {
  CR_AB_NONE = 0, /* not an abbreviation */
  CR_AB_TITLE,    /* "Mr." "Gen." "Mt.": never ends a sentence */
  CR_AB_POST,     /* "Inc." "etc." "a.m." "Jan.": ends one before a capital */
  CR_AB_NUM,      /* "No." "p.": an abbreviation only before a number */
  CR_AB_MID,      /* "e.g." "vs.": never ends a sentence */
  CR_AB_INIT      /* "E." "U.S.": ends one before a capitalised function word */
} cr_abbr_class;

/* Class of the abbreviation s[0..len) as written (without its final
 * period, e.g. "Mr", "a.m", "U.S"). Multi-period forms and single letters
 * that are not in the list are CR_AB_INIT; other words CR_AB_NONE. */
cr_abbr_class cr_lexicon_abbrev(const char *s, size_t len);
/* The word (any case) is a function word or a usual sentence opener. */
int cr_lexicon_starter(const char *s, size_t len);
/* The word (any case) names a day, month or time zone. */
int cr_lexicon_calendar(const char *s, size_t len);

#endif
