/* test_sentence.c -- the sentence splitter (lib/normalize/sentence.c) on
 * news-style cases beyond the Golden Rules: titles, initialisms, times,
 * dates, company names, quotes, wire typography, lists, lines, scripts. */
#include <stdarg.h>

#include "core/arena.h"
#include "harness.h"
#include "normalize/normalize.h"

/* Clean `text`, split it, and compare with the sentences given after it
 * (NULL-terminated). */
static void check_split(const char *text, ...) {
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_text_clean(text, strlen(text), &b), 0);
  cr_arena *a = cr_arena_new(4096, 0);
  cr_span *sp = NULL;
  size_t n = 0;
  CHECK_EQ(cr_sentence_split(b.data ? b.data : "", b.len, a, &sp, &n), 0);
  va_list ap;
  va_start(ap, text);
  size_t i = 0;
  for (const char *w; (w = va_arg(ap, const char *)) != NULL; i++) {
    if (i < n)
      CHECK_SPAN(b.data, sp[i].off, sp[i].len, w);
    else
      CHECK_STR("(no sentence)", w);
  }
  va_end(ap);
  if (n != i)
    fprintf(stderr, "  in: %s\n", text);
  CHECK_EQ(n, i);
  cr_arena_free(a);
  cr_buf_clear(&b);
}

static void test_titles_and_initialisms(void) {
  check_split("The release comes after talks between Belarusian officials and "
              "U.S. Special Envoy John Coale in Minsk. The talks lasted two "
              "days.",
              "The release comes after talks between Belarusian officials and "
              "U.S. Special Envoy John Coale in Minsk.",
              "The talks lasted two days.", NULL);
  check_split("Gen. Smith arrived. Lt. Col. Jones and Sgt. Brown followed.",
              "Gen. Smith arrived.", "Lt. Col. Jones and Sgt. Brown followed.",
              NULL);
  check_split("Mr. and Mrs. Smith met Dr. Jones and Sen. Max Baucus, D-Mont.",
              "Mr. and Mrs. Smith met Dr. Jones and Sen. Max Baucus, D-Mont.",
              NULL);
  check_split("They met in Washington, D.C. The next day they left.",
              "They met in Washington, D.C.", "The next day they left.", NULL);
  check_split("The U.S. and Russia disagreed. He moved to the U.S. In 1990 he "
              "married.",
              "The U.S. and Russia disagreed.", "He moved to the U.S.",
              "In 1990 he married.", NULL);
  check_split("Rep. W.J. (Billy) Tauzin spoke.",
              "Rep. W.J. (Billy) Tauzin spoke.", NULL);
  check_split("J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it.", NULL);
  check_split("It was called Plan B. The rest failed.", "It was called Plan B.",
              "The rest failed.", NULL);
}

static void test_times_and_dates(void) {
  check_split("The vote is set for Sept. 5 in the capital.",
              "The vote is set for Sept. 5 in the capital.", NULL);
  check_split("The meeting starts at 10 a.m. Monday in Geneva.",
              "The meeting starts at 10 a.m. Monday in Geneva.", NULL);
  check_split("It ended at 4 p.m. EST on Jan. 3, 2025.",
              "It ended at 4 p.m. EST on Jan. 3, 2025.", NULL);
  check_split("The meeting ended at 10 a.m. The president then left.",
              "The meeting ended at 10 a.m.", "The president then left.", NULL);
  check_split("Talks resumed on 2025-12-17. Nothing changed.",
              "Talks resumed on 2025-12-17.", "Nothing changed.", NULL);
}

static void test_companies_and_numbers(void) {
  check_split("He works at Apple Inc. in California.",
              "He works at Apple Inc. in California.", NULL);
  check_split("The deal involves Sun Microsystems Inc. AOL will buy it.",
              "The deal involves Sun Microsystems Inc.", "AOL will buy it.",
              NULL);
  check_split("Shares fell 5%. Analysts said it was a blip.", "Shares fell 5%.",
              "Analysts said it was a blip.", NULL);
  check_split("It cost $5.50. That was cheap. He scored 3.5 points.",
              "It cost $5.50.", "That was cheap.", "He scored 3.5 points.",
              NULL);
  check_split("He was No. 1 in the world. I said no. Then I left.",
              "He was No. 1 in the world.", "I said no.", "Then I left.", NULL);
  check_split("See p. 5 and pp. 10-12 of vol. 3 for details.",
              "See p. 5 and pp. 10-12 of vol. 3 for details.", NULL);
  check_split("The company was founded in 1990. It grew fast.",
              "The company was founded in 1990.", "It grew fast.", NULL);
  check_split("Some fruits, e.g. Apples, are red vs. green ones.",
              "Some fruits, e.g. Apples, are red vs. green ones.", NULL);
  check_split("Smith Jr. said he would run. They live on 5th Ave. and 42nd "
              "St. in New York.",
              "Smith Jr. said he would run.",
              "They live on 5th Ave. and 42nd St. in New York.", NULL);
}

static void test_web(void) {
  check_split(
      "Visit example.com. It is free. Write to news@example.org. Thanks.",
      "Visit example.com.", "It is free.", "Write to news@example.org.",
      "Thanks.", NULL);
  check_split("Some, like Agency.Com and Organic Online, started as designers.",
              "Some, like Agency.Com and Organic Online, started as designers.",
              NULL);
}

static void test_quotes(void) {
  check_split("``I would like to make it clear,'' Hun Sen told reporters. "
              "``No-one should interfere. It is detrimental,'' he said.",
              "``I would like to make it clear,'' Hun Sen told reporters.",
              "``No-one should interfere.", "It is detrimental,'' he said.",
              NULL);
  check_split("He shouted \"Stop!\" and left. \xE2\x80\x9CWhy?\xE2\x80\x9D "
              "she asked.",
              "He shouted \"Stop!\" and left.",
              "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked.", NULL);
  check_split("\xE2\x80\x9CIt is over.\xE2\x80\x9D The crowd left. (They were "
              "tired.) Then rain came.",
              "\xE2\x80\x9CIt is over.\xE2\x80\x9D", "The crowd left.",
              "(They were tired.)", "Then rain came.", NULL);
  check_split("Police backed off. ''The earlier figure was wrong,'' he said.",
              "Police backed off.",
              "''The earlier figure was wrong,'' he said.", NULL);
  check_split("He left. \"We are done,\" she said.", "He left.",
              "\"We are done,\" she said.", NULL);
  check_split("The official called it \xE2\x80\x9C"
              "a milestone in "
              "U.S.-Belarus engagement\xE2\x80\x9D and left.",
              "The official called it \xE2\x80\x9C"
              "a milestone in "
              "U.S.-Belarus engagement\xE2\x80\x9D and left.",
              NULL);
}

static void test_ellipses_and_marks(void) {
  check_split("He paused... Then he spoke. He paused... and spoke.",
              "He paused...", "Then he spoke.", "He paused... and spoke.",
              NULL);
  check_split("Wait\xE2\x80\xA6 I know. Why?! Because.",
              "Wait\xE2\x80\xA6 I know.", "Why?!", "Because.", NULL);
  check_split("It was not available free. _ When it came, it was late.",
              "It was not available free.", "_ When it came, it was late.",
              NULL);
}

static void test_lines_and_lists(void) {
  check_split("Listen to the article\nBelarus has freed Ales Bialiatski.",
              "Listen to the article", "Belarus has freed Ales Bialiatski.",
              NULL);
  check_split("First paragraph without a stop\n\nSecond one.",
              "First paragraph without a stop", "Second one.", NULL);
  check_split("\xE2\x80\xA2 First item\n\xE2\x80\xA2 Second item",
              "\xE2\x80\xA2 First item", "\xE2\x80\xA2 Second item", NULL);
  check_split("1. Tanks 2. Planes 3. Ships", "1. Tanks", "2. Planes",
              "3. Ships", NULL);
  check_split("Q. Why now? A. In May.", "Q.", "Why now?", "A.", "In May.",
              NULL);
}

static void test_scripts(void) {
  check_split("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9A\xD0"
              "\xB0\xD0\xBA \xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?",
              "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.",
              "\xD0\x9A\xD0\xB0\xD0\xBA \xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?",
              NULL);
  check_split("\xE6\x88\x91\xE7\x88\xB1\xE4\xBD\xA0\xE3\x80\x82\xE4\xBD\xA0"
              "\xE5\xA5\xBD\xE3\x80\x82",
              "\xE6\x88\x91\xE7\x88\xB1\xE4\xBD\xA0\xE3\x80\x82",
              "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82", NULL);
}

static void test_empty(void) {
  check_split("", NULL);
  check_split("   \n\n  ", NULL);
  check_split("...", "...", NULL);
  check_split("\"", "\"", NULL);
}

/* The one-pass form: tokens arrive in order, SSTART marks each sentence,
 * and every token lies inside its sentence. */
typedef struct tokrec {
  const char *text;
  uint32_t off[64], len[64];
  int kind[64];
  unsigned flags[64];
  int n;
} tokrec;

static int rec(void *ud, uint32_t off, uint32_t len, int kind, unsigned flags) {
  tokrec *r = ud;
  if (r->n < 64) {
    r->off[r->n] = off;
    r->len[r->n] = len;
    r->kind[r->n] = kind;
    r->flags[r->n] = flags;
  }
  r->n++;
  return 0;
}

static void test_split_tokens(void) {
  const char *text = "It was Plan B. The general said so.\nGen. Smith left";
  cr_arena *a = cr_arena_new(4096, 0);
  cr_span *sp;
  size_t n;
  tokrec r = {text, {0}, {0}, {0}, {0}, 0};
  CHECK_EQ(cr_sentence_split_tokens(text, strlen(text), a, &sp, &n, rec, &r),
           0);
  CHECK_EQ(n, 3);
  CHECK_EQ(r.n, 13);
  /* "B." ends its sentence: word + period */
  CHECK_SPAN(text, r.off[3], r.len[3], "B");
  CHECK_EQ(r.kind[3], CR_TOK_WORD);
  CHECK_SPAN(text, r.off[4], r.len[4], ".");
  CHECK_EQ(r.flags[4], CR_TF_TERM);
  CHECK_SPAN(text, r.off[10], r.len[10], "Gen.");
  CHECK_EQ(r.kind[10], CR_TOK_ABBREV);
  size_t sent = 0;
  for (int i = 0; i < r.n && i < 64; i++) {
    if (r.flags[i] & CR_TF_SSTART) {
      CHECK(i == 0 || r.off[i] >= sp[sent].off + sp[sent].len);
      sent = i == 0 ? 0 : sent + 1;
      CHECK_EQ(r.off[i], sp[sent].off);
    }
    CHECK(r.off[i] >= sp[sent].off &&
          r.off[i] + r.len[i] <= sp[sent].off + sp[sent].len);
  }
  CHECK_EQ(sent, 2);
  cr_arena_free(a);
}

int main(void) {
  RUN(test_titles_and_initialisms);
  RUN(test_times_and_dates);
  RUN(test_companies_and_numbers);
  RUN(test_web);
  RUN(test_quotes);
  RUN(test_ellipses_and_marks);
  RUN(test_lines_and_lists);
  RUN(test_scripts);
  RUN(test_empty);
  RUN(test_split_tokens);
  return DONE();
}
