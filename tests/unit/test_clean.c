/* test_clean.c -- cr_text_clean (lib/normalize/clean.c) and cr_fold
 * (lib/normalize/fold.c): NFC, dropped characters, spaces, lines,
 * paragraphs, soft wraps; folded token forms. */
#include "harness.h"
#include "normalize/normalize.h"

static void check_clean_n(const char *in, size_t n, const char *want) {
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_text_clean(in, n, &b), 0);
  CHECK_STR(b.data ? b.data : "", want);
  cr_buf_clear(&b);
}

static void check_clean(const char *in, const char *want) {
  check_clean_n(in, strlen(in), want);
}

static void check_fold(const char *in, const char *want) {
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_fold(in, strlen(in), &b), 0);
  CHECK_STR(b.data ? b.data : "", want);
  cr_buf_clear(&b);
}

static void test_nfc(void) {
  /* combining acute after an ASCII letter, in the middle of ASCII text */
  check_clean("Cafe\xCC\x81 au lait", "Caf\xC3\xA9 au lait");
  check_clean("nai\xCC\x88ve", "na\xC3\xAFve");
  /* marks in canonical order after composition: a + dot below + dot above */
  check_clean("a\xCC\x87\xCC\xA3", "\xE1\xBA\xA1\xCC\x87");
  /* singletons: ANGSTROM SIGN and OHM SIGN become letters */
  check_clean("5 \xE2\x84\xAB and 3 \xE2\x84\xA6", "5 \xC3\x85 and 3 \xCE\xA9");
  /* Hangul jamo compose into a syllable */
  check_clean("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80");
  /* text that is NFC already is untouched (Cyrillic, curly quotes, emoji) */
  const char *s = "\xE2\x80\x9C\xD0\x9C\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA\xE2\x80"
                  "\x9D \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80";
  check_clean(s, s);
}

static void test_dropped(void) {
  check_clean("a\x01"
              "b\x7f c\x1b",
              "ab c");
  check_clean("a\xC2\x85"
              "B",
              "a\nB"); /* NEL is a line break */
  check_clean("a\xC2\x9B"
              "b",
              "ab"); /* other C1 controls go */
  check_clean("\xEF\xBB\xBFStart", "Start");
  check_clean("zero\xE2\x80\x8Bwidth\xE2\x80\x8E mark\xE2\x81\xA0s",
              "zerowidth marks");
  check_clean("co\xC2\xADoperate", "cooperate");
  /* a soft hyphen at the end of a line joins the word */
  check_clean("exam\xC2\xAD\nple here", "example here");
  /* a joiner inside an emoji sequence is kept, between ASCII dropped */
  check_clean("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
              "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9");
  check_clean("a\xE2\x80\x8D"
              "b",
              "ab");
}

static void test_spaces(void) {
  check_clean("a\xC2\xA0\xE2\x80\x89 \t b", "a b");
  check_clean("\xE3\x80\x80wide\xE3\x80\x80space\xE2\x80\xAF", "wide space");
  check_clean("   lead and trail   ", "lead and trail");
  check_clean("many     spaces", "many spaces");
  check_clean("", "");
  check_clean(" \t \n \xC2\xA0 \n", "");
}

static void test_lines_and_paragraphs(void) {
  check_clean("First.\n\n\n\nSecond.", "First.\n\nSecond.");
  check_clean("First.\n   \t\nSecond.", "First.\n\nSecond.");
  check_clean("\n\n  First.  \n\n", "First.");
  check_clean("One.\r\nTwo.\r\n\r\nThree.", "One.\nTwo.\n\nThree.");
  check_clean("One.\rTwo.\r\rThree.", "One.\nTwo.\n\nThree.");
  check_clean("Line one.\xE2\x80\xA8Line two.\xE2\x80\xA9Para two.",
              "Line one.\nLine two.\n\nPara two.");
  /* a heading line stays a line */
  check_clean("Listen to the article\nBelarus has freed",
              "Listen to the article\nBelarus has freed");
}

static void test_soft_wrap(void) {
  check_clean("This is a sentence\ncut off in the middle.",
              "This is a sentence cut off in the middle.");
  check_clean("It was a cold \nnight in the city.",
              "It was a cold night in the city.");
  check_clean("wrapped, \n  and indented", "wrapped, and indented");
  /* the line ends a clause: the break stays */
  check_clean("He said:\nthe rest", "He said:\nthe rest");
  check_clean("Done.\nnext one", "Done.\nnext one");
  check_clean("\xE2\x80\x9CQuoted.\xE2\x80\x9D\nand more",
              "\xE2\x80\x9CQuoted.\xE2\x80\x9D\nand more");
  check_clean("Really?\nyes", "Really?\nyes");
  /* a hyphen at the end joins without a space */
  check_clean("a well-\nknown fact", "a well-known fact");
  /* lower-case letters of other scripts count */
  check_clean("\xD0\x9F\xD1\x80\xD0\xB8\n\xD0\xB2\xD0\xB5\xD1\x82",
              "\xD0\x9F\xD1\x80\xD0\xB8 \xD0\xB2\xD0\xB5\xD1\x82");
}

static void test_kept_as_written(void) {
  const char *s = "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 she said "
                  "\xE2\x80\x98twice\xE2\x80\x99 \xE2\x80\x93 it\xE2\x80\x99s "
                  "``wire'' -- style";
  check_clean(s, s);
}

static void test_bad_input(void) {
  /* invalid UTF-8 is not expected here, but must not crash or vanish */
  check_clean_n("a\xFF"
                "b",
                3,
                "a\xEF\xBF\xBD"
                "b");
  check_clean_n("end\xE2\x82", 5, "end\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_long_runs(void) {
  /* a long run of non-ASCII text needing NFC (the scratch buffer grows) */
  cr_buf in, want;
  cr_buf_init(&in, 0);
  cr_buf_init(&want, 0);
  for (int i = 0; i < 3000; i++) {
    cr_buf_puts(&in, "\xD0\xB8\xCC\x86"); /* и + breve */
    cr_buf_puts(&want, "\xD0\xB9");       /* й */
  }
  check_clean(in.data, want.data);
  cr_buf_clear(&in);
  cr_buf_clear(&want);
}

static void test_fold(void) {
  check_fold("Hello", "hello");
  check_fold("U.S.", "u.s.");
  check_fold("Lukashenko\xE2\x80\x99s", "lukashenko's");
  check_fold("\xE2\x80\x9C", "\"");
  check_fold("\xE2\x80\x98", "'");
  check_fold("``", "\"");
  check_fold("''", "\"");
  check_fold("\xE2\x80\x94", "-");
  check_fold("\xE2\x80\x93", "-");
  check_fold("\xE2\x88\x92"
             "5",
             "-5");
  check_fold("--", "-");
  check_fold("\xD0\x9C\xD0\x98\xD0\xA0", "\xD0\xBC\xD0\xB8\xD1\x80");
  check_fold("Stra\xC3\x9F"
             "e",
             "strasse");
  check_fold("\xEF\xAC\x81nance", "finance");   /* the fi ligature (NFKC) */
  check_fold("\xEF\xBC\xA1\xEF\xBC\xA2", "ab"); /* full-width letters */
  check_fold("co\xC2\xADop", "coop");
  check_fold("20%", "20%");
}

int main(void) {
  RUN(test_nfc);
  RUN(test_dropped);
  RUN(test_spaces);
  RUN(test_lines_and_paragraphs);
  RUN(test_soft_wrap);
  RUN(test_kept_as_written);
  RUN(test_bad_input);
  RUN(test_long_runs);
  RUN(test_fold);
  return DONE();
}
