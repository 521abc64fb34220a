/* test_lexicon.c -- the text core's word lists (data/abbreviations.txt,
 * data/calendar.txt, data/sentence_starters.txt) are well formed, and
 * look-ups by case behave as data/README.md says. */
#include "core/table.h"
#include "harness.h"
#include "normalize/lexicon.h"

static int is_class(const char *f, size_t n) {
  static const char *const c[] = {"title", "post", "num", "mid", "init", "-"};
  for (size_t i = 0; i < sizeof c / sizeof *c; i++)
    if (strlen(c[i]) == n && memcmp(c[i], f, n) == 0)
      return 1;
  return 0;
}

static void test_abbreviation_file(void) {
  CHECK(cr_tab_abbreviations.n > 100);
  for (size_t i = 0; i < cr_tab_abbreviations.n; i++) {
    const char *e = cr_tab_abbreviations.v[i], *f;
    size_t kl = strcspn(e, "|");
    /* lexicon.c skips the look-up for words longer than 8 bytes */
    CHECK(kl >= 1 && kl <= 8);
    for (size_t k = 0; k < kl; k++)
      CHECK((e[k] >= 'a' && e[k] <= 'z') || e[k] == '.');
    CHECK(e[kl - 1] != '.');
    size_t n1 = cr_table_field(e, 1, &f);
    CHECK(is_class(f, n1));
    size_t n2 = cr_table_field(e, 2, &f);
    CHECK(is_class(f, n2));
    if (!(kl <= 8 && n1 && n2))
      fprintf(stderr, "  bad entry: %s\n", e);
  }
}

static void test_word_lists(void) {
  CHECK(cr_tab_calendar.n >= 40);
  for (size_t i = 0; i < cr_tab_calendar.n; i++) {
    const char *e = cr_tab_calendar.v[i], *f;
    size_t n = cr_table_field(e, 1, &f);
    CHECK((n == 3 && memcmp(f, "day", 3) == 0) ||
          (n == 5 && memcmp(f, "month", 5) == 0) ||
          (n == 4 && memcmp(f, "zone", 4) == 0));
  }
  for (size_t i = 0; i < cr_tab_sentence_starters.n; i++)
    for (const char *p = cr_tab_sentence_starters.v[i]; *p; p++)
      CHECK(*p >= 'a' && *p <= 'z');
}

static void test_lookups(void) {
  CHECK_EQ(cr_lexicon_abbrev("Mr", 2), CR_AB_TITLE);
  CHECK_EQ(cr_lexicon_abbrev("MR", 2), CR_AB_TITLE);
  CHECK_EQ(cr_lexicon_abbrev("St", 2), CR_AB_TITLE);
  CHECK_EQ(cr_lexicon_abbrev("st", 2), CR_AB_POST);
  CHECK_EQ(cr_lexicon_abbrev("Co", 2), CR_AB_POST);
  CHECK_EQ(cr_lexicon_abbrev("co", 2), CR_AB_POST);
  CHECK_EQ(cr_lexicon_abbrev("gen", 3),
           CR_AB_NONE); /* titles are capitalised */
  CHECK_EQ(cr_lexicon_abbrev("p", 1), CR_AB_NUM);
  CHECK_EQ(cr_lexicon_abbrev("P", 1), CR_AB_INIT);
  CHECK_EQ(cr_lexicon_abbrev("E", 1), CR_AB_INIT);
  CHECK_EQ(cr_lexicon_abbrev("e.g", 3), CR_AB_MID);
  CHECK_EQ(cr_lexicon_abbrev("a.m", 3), CR_AB_POST);
  CHECK_EQ(cr_lexicon_abbrev("U.S", 3), CR_AB_INIT);
  CHECK_EQ(cr_lexicon_abbrev("Tuesday", 7), CR_AB_NONE);
  CHECK_EQ(cr_lexicon_abbrev("international", 13), CR_AB_NONE);
  CHECK(cr_lexicon_starter("How", 3));
  CHECK(cr_lexicon_starter("however", 7));
  CHECK(!cr_lexicon_starter("Government", 10));
  CHECK(cr_lexicon_calendar("Monday", 6));
  CHECK(cr_lexicon_calendar("EST", 3));
  CHECK(!cr_lexicon_calendar("Mr", 2));
}

int main(void) {
  RUN(test_abbreviation_file);
  RUN(test_word_lists);
  RUN(test_lookups);
  return DONE();
}
