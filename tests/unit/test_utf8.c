/* test_utf8.c -- UTF-8 decoding, encoding, repair and the binary sniff of
 * the text core (lib/normalize/utf8.c). */
#include "harness.h"
#include "normalize/normalize.h"

#define FFFD "\xEF\xBF\xBD"

/* repair `in` (n bytes); check the output and the count of replaced bytes */
static void check_repair(const char *in, size_t n, const char *want,
                         size_t want_bad) {
  cr_buf b;
  cr_buf_init(&b, 0);
  size_t bad = cr_utf8_repair(in, n, &b);
  CHECK_EQ(bad, want_bad);
  CHECK_EQ(b.err, 0);
  CHECK_STR(b.data ? b.data : "", want);
  cr_buf_clear(&b);
}

static void test_valid_kept(void) {
  const char *s =
      "plain ASCII, caf\xC3\xA9, \xD0\x9C\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA, "
      "\xE2\x80\x9Cquote\xE2\x80\x9D, \xF0\x9F\x98\x80, " FFFD;
  check_repair(s, strlen(s), s, 0);
  check_repair("", 0, "", 0);
}

static void test_bad_lead_bytes(void) {
  /* lone continuation bytes, 0xC0/0xC1 (always overlong), 0xF5..0xFF */
  check_repair("a\x80z", 3, "a" FFFD "z", 1);
  check_repair("a\xBFz", 3, "a" FFFD "z", 1);
  check_repair("\xC0\xAF", 2, FFFD FFFD, 2);
  check_repair("\xC1\xBF", 2, FFFD FFFD, 2);
  check_repair("x\xF5\x80\x80\x80", 5, "x" FFFD FFFD FFFD FFFD, 4);
  check_repair("\xFE\xFF", 2, FFFD FFFD, 2);
}

static void test_overlong(void) {
  /* "/" as 3 and 4 bytes; U+07FF as 3 bytes */
  check_repair("\xE0\x80\xAF", 3, FFFD FFFD FFFD, 3);
  check_repair("\xF0\x80\x80\xAF", 4, FFFD FFFD FFFD FFFD, 4);
  check_repair("\xE0\x9F\xBF", 3, FFFD FFFD FFFD, 3);
  /* the smallest legal 3-byte form is kept */
  check_repair("\xE0\xA0\x80", 3, "\xE0\xA0\x80", 0);
}

static void test_surrogates_and_range(void) {
  check_repair("\xED\xA0\x80", 3, FFFD FFFD FFFD, 3); /* U+D800 */
  check_repair("\xED\xBF\xBF", 3, FFFD FFFD FFFD, 3); /* U+DFFF */
  check_repair("\xED\x9F\xBF", 3, "\xED\x9F\xBF", 0); /* U+D7FF is fine */
  check_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4); /* > U+10FFFF */
  check_repair("\xF4\x8F\xBF\xBF", 4, "\xF4\x8F\xBF\xBF", 0);  /* U+10FFFF */
}

static void test_truncated(void) {
  /* cut inside a sequence, then ASCII; and cut at the very end */
  check_repair("\xE2\x82z", 3, FFFD FFFD "z", 2);
  check_repair("ab\xE2\x82", 4, "ab" FFFD FFFD, 2);
  check_repair("ab\xF0\x9F\x98", 5, "ab" FFFD FFFD FFFD, 3);
  check_repair("ab\xC3", 3, "ab" FFFD, 1);
}

static void test_nul_dropped(void) {
  check_repair("a\0b\0\0c", 6, "abc", 0);
  check_repair("\0", 1, "", 0);
  check_repair("\xC3\0\xA9", 3, FFFD FFFD, 2);
}

static void test_decode_encode(void) {
  const char *s = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  const char *end = s + strlen(s);
  uint32_t want[] = {0x41, 0xE9, 0x20AC, 0x1F600};
  int lens[] = {1, 2, 3, 4};
  const char *p = s;
  for (int i = 0; i < 4; i++) {
    int n;
    uint32_t cp = cr_utf8_decode(p, end, &n);
    CHECK_EQ(cp, want[i]);
    CHECK_EQ(n, lens[i]);
    char buf[4];
    CHECK_EQ(cr_utf8_encode(cp, buf), lens[i]);
    CHECK(memcmp(buf, p, (size_t)n) == 0);
    p += n;
  }
  int n;
  CHECK_EQ(cr_utf8_decode("\xE2\x82", "\xE2\x82" + 2, &n), 0xFFFD);
  CHECK_EQ(n, 1);
}

static void test_looks_binary(void) {
  CHECK(!cr_looks_binary("Plain news text.\nSecond line.\r\n", 31));
  CHECK(cr_looks_binary("PK\x03\x04\0\0\x14\0", 8));
  char ctl[200];
  for (int i = 0; i < 200; i++)
    ctl[i] = (char)(i % 3 ? 'a' : 0x01);
  CHECK(cr_looks_binary(ctl, sizeof ctl));
  /* Latin-1 text is not binary: it is text in another encoding */
  static const char latin1[] = "caf\xE9 cr\xE8me br\xFBl\xE9"
                               "e";
  CHECK(!cr_looks_binary(latin1, sizeof latin1 - 1));
}

int main(void) {
  RUN(test_valid_kept);
  RUN(test_bad_lead_bytes);
  RUN(test_overlong);
  RUN(test_surrogates_and_range);
  RUN(test_truncated);
  RUN(test_nul_dropped);
  RUN(test_decode_encode);
  RUN(test_looks_binary);
  return DONE();
}
