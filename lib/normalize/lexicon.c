/* lexicon.c -- case-aware look-ups in the text core's word lists (see
 * lexicon.h). The tables are compiled from data/ at build time. */
#include "lexicon.h"

#include <string.h>

#include "core/table.h"

/* ASCII lower case of s into buf (cap bytes); 0 when it does not fit or
 * holds a non-ASCII byte (no list entry does). */
static size_t lower(const char *s, size_t len, char *buf, size_t cap) {
  if (len == 0 || len > cap)
    return 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80)
      return 0;
    buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return len;
}

static cr_abbr_class class_of(const char *f, size_t n) {
  static const struct {
    const char *name;
    cr_abbr_class c;
  } names[] = {{"title", CR_AB_TITLE},
               {"post", CR_AB_POST},
               {"num", CR_AB_NUM},
               {"mid", CR_AB_MID},
               {"init", CR_AB_INIT}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strlen(names[i].name) == n && memcmp(names[i].name, f, n) == 0)
      return names[i].c;
  return CR_AB_NONE;
}

cr_abbr_class cr_lexicon_abbrev(const char *s, size_t len) {
  /* keys are at most 8 bytes long (checked by tests/unit/test_lexicon.c):
   * longer words need no look-up */
  char buf[8];
  size_t n = lower(s, len, buf, sizeof buf);
  const char *e = n ? cr_table_find(&cr_tab_abbreviations, buf, n) : NULL;
  if (e) {
    int cap = s[0] >= 'A' && s[0] <= 'Z';
    const char *f;
    size_t fl = cr_table_field(e, cap ? 1 : 2, &f);
    return fl ? class_of(f, fl) : CR_AB_NONE;
  }
  /* initials: one letter, or letters with inner periods ("U.S", "a.k.a") */
  if (len == 1 || memchr(s, '.', len))
    return CR_AB_INIT;
  return CR_AB_NONE;
}

int cr_lexicon_starter(const char *s, size_t len) {
  char buf[32];
  size_t n = lower(s, len, buf, sizeof buf);
  return n && (cr_table_has(&cr_tab_stopwords, buf, n) ||
               cr_table_has(&cr_tab_sentence_starters, buf, n));
}

int cr_lexicon_calendar(const char *s, size_t len) {
  char buf[32];
  size_t n = lower(s, len, buf, sizeof buf);
  return n && cr_table_has(&cr_tab_calendar, buf, n);
}
