/* test_tokenize.c -- the re2c tokenizer (lib/normalize/token.re): each token
 * shape with its kind and flags, other scripts, apostrophes, quotes. */
#include "harness.h"
#include "normalize/normalize.h"

typedef struct tk {
  char text[128];
  int kind;
  unsigned flags;
} tk;

static tk got[256];
static int ngot;

static int collect(void *ud, uint32_t off, uint32_t len, int kind,
                   unsigned flags) {
  const char *s = ud;
  if (ngot < 256) {
    snprintf(got[ngot].text, sizeof got[ngot].text, "%.*s", (int)len, s + off);
    got[ngot].kind = kind;
    got[ngot].flags = flags;
  }
  ngot++;
  return 0;
}

static void scan(const char *s) {
  ngot = 0;
  CHECK_EQ(cr_tokenize(s, strlen(s), collect, (void *)s), 0);
}

static char kind_letter(int k) {
  static const char l[] = "?WNADTUEHPS";
  return k >= 1 && k <= 10 ? l[k] : '?';
}

/* `want`: the tokens of `in` as "text/K" separated by spaces, K the kind:
 * W word, N number, A abbreviation, D date, T time, U URL, E e-mail,
 * H handle, P punctuation, S symbol */
static void check_tokens(const char *in, const char *want) {
  scan(in);
  char buf[4096];
  size_t n = 0;
  buf[0] = '\0';
  for (int i = 0; i < ngot && i < 256; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s/%c", i ? " " : "",
                          got[i].text, kind_letter(got[i].kind));
  CHECK_STR(buf, want);
}

/* the flags of token i of the last scan */
static unsigned flags_of(int i) { return i < ngot ? got[i].flags : 0xFFFFu; }

static void test_numbers(void) {
  check_tokens("1,613 days 9.5 million 20% $1.5bn $100.00 \xC2\xA3"
               "1.7m "
               "\xE2\x82\xAC"
               "20 1990s 3rd US$5",
               "1,613/N days/W 9.5/N million/W 20%/N $1.5bn/N $100.00/N "
               "\xC2\xA3"
               "1.7m/N \xE2\x82\xAC"
               "20/N 1990s/N 3rd/N US$5/N");
  CHECK_EQ(flags_of(0), CR_TF_DIGIT);
  check_tokens("-5 and +3.2% but 2-1 and 10-15 and 737-800",
               "-5/N and/W +3.2%/N but/W 2/N -/P 1/N and/W 10/N -/P 15/N "
               "and/W 737/N -/P 800/N");
  check_tokens("in the '90s, 1/2 cup", "in/W the/W '90s/N ,/P 1/2/N cup/W");
  check_tokens("N\xC2\xB0. 1026.253.553.",
               "N/W \xC2\xB0/S ./P 1026.253.553/N ./P");
}

static void test_dates_times(void) {
  check_tokens("2025-12-17 12/17/2025 17.12.2025 2025-12-17T04:20:00Z",
               "2025-12-17/D 12/17/2025/D 17.12.2025/D 2025-12-17T04:20:00Z/D");
  /* "4:20 p.m." is a TIME and an ABBREV: a time token never holds a space */
  check_tokens("04:20 4:20pm 4:20 p.m. 10am 4 p.m.",
               "04:20/T 4:20pm/T 4:20/T p.m./A 10am/T 4/N p.m./A");
}

static void test_abbreviations(void) {
  check_tokens("U.S. U.S.A. a.m. e.g. Ph.D. Mr. Gen. etc. Co.",
               "U.S./A U.S.A./A a.m./A e.g./A Ph.D./A Mr./A Gen./A etc./A "
               "Co./A");
  CHECK_EQ(flags_of(0), CR_TF_CAP | CR_TF_UPPER);
  CHECK_EQ(flags_of(2), 0);
  /* "U.S.-Belarus": the abbreviation, a hyphen, the name */
  check_tokens("U.S.-Belarus engagement", "U.S./A -/P Belarus/W engagement/W");
  /* an initial; the same letter at the end of the text is a word + stop */
  check_tokens("Jonas E. Smith", "Jonas/W E./A Smith/W");
  check_tokens("Plan B.", "Plan/W B/W ./P");
  /* words not in the list keep their period apart */
  check_tokens("world.Today is Tuesday.Mr. Smith",
               "world/W ./P Today/W is/W Tuesday/W ./P Mr./A Smith/W");
  /* "No." and "p." only before a number */
  check_tokens("No. 1 and p. 55 but I said no. Then",
               "No./A 1/N and/W p./A 55/N but/W I/W said/W no/W ./P Then/W");
  /* initials of other scripts */
  check_tokens("\xD0\x92. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",
               "\xD0\x92./A \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD/W");
}

static void test_words(void) {
  check_tokens("Lukashenko's hasn't Lukashenko\xE2\x80\x99s o'clock",
               "Lukashenko's/W hasn't/W Lukashenko\xE2\x80\x99s/W o'clock/W");
  CHECK_EQ(flags_of(0), CR_TF_CAP);
  check_tokens("The 69-year-old leader; COVID-19 and AT&T",
               "The/W 69-year-old/W leader/W ;/P COVID-19/W and/W AT&T/W");
  CHECK_EQ(flags_of(1), CR_TF_DIGIT | CR_TF_HYPHEN);
  CHECK_EQ(flags_of(4), CR_TF_CAP | CR_TF_UPPER | CR_TF_DIGIT | CR_TF_HYPHEN);
  CHECK_EQ(flags_of(6), CR_TF_CAP | CR_TF_UPPER);
  check_tokens("NATO EU a I", "NATO/W EU/W a/W I/W");
  CHECK_EQ(flags_of(0), CR_TF_CAP | CR_TF_UPPER);
  CHECK_EQ(flags_of(3), CR_TF_CAP); /* one letter is not "all upper" */
  /* plural possessive; a closing single quote is not one */
  check_tokens("the parties' demands", "the/W parties'/W demands/W");
  check_tokens("the 'best players' prize",
               "the/W '/P best/W players/W '/P prize/W");
  check_tokens("the crisis'' he", "the/W crisis/W ''/P he/W");
}

static void test_scripts(void) {
  check_tokens(
      "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD"
      "\xD1\x82 \xD0\x91\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1\x81"
      "\xD0\xB8, \xD0\xA1\xD0\xA8\xD0\x90!",
      "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD"
      "\xD1\x82/W \xD0\x91\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1"
      "\x81\xD0\xB8/W ,/P \xD0\xA1\xD0\xA8\xD0\x90/W !/P");
  CHECK_EQ(flags_of(0), CR_TF_CAP);
  CHECK_EQ(flags_of(3), CR_TF_CAP | CR_TF_UPPER);
  /* accented Latin, Greek, a combining mark inside a word */
  check_tokens("Bia\xC5\x82iatski \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 "
               "nai\xCC\x88ve",
               "Bia\xC5\x82iatski/W \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1/W "
               "nai\xCC\x88ve/W");
  /* CJK with its own stops */
  check_tokens("\xE6\x88\x91\xE7\x88\xB1\xE3\x80\x82",
               "\xE6\x88\x91\xE7\x88\xB1/W \xE3\x80\x82/P");
  CHECK_EQ(flags_of(1), CR_TF_TERM);
}

static void test_web(void) {
  check_tokens("Jane.Doe@example.com. https://www.example.50.com/new-site/"
               "awesome_content.html. See example.com, @crossread #news",
               "Jane.Doe@example.com/E ./P https://www.example.50.com/new-site/"
               "awesome_content.html/U ./P See/W example.com/U ,/P "
               "@crossread/H #news/H");
  check_tokens("example.community Agency.Com",
               "example/W ./P community/W Agency.Com/U");
}

static void test_punctuation(void) {
  check_tokens("\xE2\x80\x9CHi,\xE2\x80\x9D she said. \"Yes.\" (No) [x] "
               "\xE2\x80\x94 ``wire'' Hello?! Wait... \xE2\x80\xA6",
               "\xE2\x80\x9C/P Hi/W ,/P \xE2\x80\x9D/P she/W said/W ./P \"/P "
               "Yes/W ./P \"/P (/P No/W )/P [/P x/W ]/P \xE2\x80\x94/P ``/P "
               "wire/W ''/P Hello/W ?!/P Wait/W .../P \xE2\x80\xA6/P");
  CHECK_EQ(flags_of(0), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(3), CR_TF_QUOTE | CR_TF_CLOSE);
  CHECK_EQ(flags_of(6), CR_TF_TERM);
  CHECK_EQ(flags_of(7), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(10), CR_TF_QUOTE | CR_TF_CLOSE);
  CHECK_EQ(flags_of(11), CR_TF_OPEN);
  CHECK_EQ(flags_of(13), CR_TF_CLOSE);
  CHECK_EQ(flags_of(17), 0);
  CHECK_EQ(flags_of(18), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(20), CR_TF_QUOTE | CR_TF_CLOSE);
  CHECK_EQ(flags_of(22), CR_TF_TERM);
  CHECK_EQ(flags_of(24), CR_TF_TERM);
  CHECK_EQ(flags_of(25), CR_TF_TERM);
  /* single curly quotes around words; an apostrophe inside one stays */
  check_tokens("\xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99",
               "\xE2\x80\x98/P it\xE2\x80\x99s/W \xE2\x80\x99/P");
  CHECK_EQ(flags_of(0), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(2), CR_TF_QUOTE | CR_TF_CLOSE);
  /* German quotes close with the English opening mark; French ones are
   * spaced on both sides and keep their usual direction */
  check_tokens("\xE2\x80\x9E"
               "de\xE2\x80\x9C \xC2\xAB oui \xC2\xBB",
               "\xE2\x80\x9E/P de/W \xE2\x80\x9C/P \xC2\xAB/P oui/W "
               "\xC2\xBB/P");
  CHECK_EQ(flags_of(0), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(2), CR_TF_QUOTE | CR_TF_CLOSE);
  CHECK_EQ(flags_of(3), CR_TF_QUOTE | CR_TF_OPEN);
  CHECK_EQ(flags_of(5), CR_TF_QUOTE | CR_TF_CLOSE);
  check_tokens("3\xC2\xBD cups", "3/N \xC2\xBD/N cups/W");
  check_tokens("a & b = c \xE2\x80\xA2 \xF0\x9F\x98\x80",
               "a/W &/S b/W =/S c/W \xE2\x80\xA2/P \xF0\x9F\x98\x80/S");
}

static int stop_after_two(void *ud, uint32_t off, uint32_t len, int kind,
                          unsigned flags) {
  int *n = ud;
  return ++*n >= 2;
}

static void test_edges(void) {
  check_tokens("", "");
  check_tokens("  \n\t ", "");
  /* a span that ends inside a longer text: nothing past it is read */
  const char *s = "U.S.A. and more";
  ngot = 0;
  CHECK_EQ(cr_tokenize(s, 3, collect, (void *)s), 0);
  CHECK_EQ(ngot, 2);
  CHECK_STR(got[0].text, "U.");
  CHECK_STR(got[1].text, "S");
  /* bytes that are not UTF-8 are one symbol each; NUL is a symbol too */
  const char bad[] = "a\xFF\x80z\0q";
  ngot = 0;
  CHECK_EQ(cr_tokenize(bad, sizeof bad - 1, collect, (void *)bad), 0);
  CHECK_EQ(ngot, 6);
  CHECK_EQ(got[1].kind, CR_TOK_SYMBOL);
  CHECK_EQ(got[4].kind, CR_TOK_SYMBOL);
  /* the callback stops the scan */
  int n = 0;
  CHECK_EQ(cr_tokenize("one two three", 13, stop_after_two, &n), -1);
  CHECK_EQ(n, 2);
}

static int count(void *ud, uint32_t off, uint32_t len, int kind,
                 unsigned flags) {
  ++*(size_t *)ud;
  return 0;
}

/* Long runs of one pattern, where a scanner that starts again inside what
 * it already read would take quadratic time (the CTest timeout catches
 * that); the token counts show each run is cut as the rules say. */
static void test_long_runs(void) {
  static const struct {
    const char *unit;
    size_t per_unit; /* tokens per repetition */
  } runs[] = {
      {"a_", 2},   /* word, underscore */
      {"a%", 2},   /* word, percent sign (symbol) */
      {"1-", 2},   /* number, hyphen */
      {"abc.", 2}, /* word, period */
      {"%", 1},    /* a symbol each */
      {"x@", 2},   /* no e-mail without a host */
      {"a.-", 2},  /* initial (abbreviation), hyphen */
  };
  size_t reps = 100000;
  for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
    size_t ul = strlen(runs[r].unit), n = ul * reps;
    char *buf = malloc(n + 3);
    if (!buf)
      continue;
    for (size_t i = 0; i < reps; i++)
      memcpy(buf + i * ul, runs[r].unit, ul);
    memcpy(buf + n, " z", 2); /* a last word, so no run ends the text */
    size_t got_n = 0;
    CHECK_EQ(cr_tokenize(buf, n + 2, count, &got_n), 0);
    if (got_n < reps)
      fprintf(stderr, "  run \"%s\": %zu tokens\n", runs[r].unit, got_n);
    CHECK(got_n >= reps);
    free(buf);
  }
}

int main(void) {
  RUN(test_numbers);
  RUN(test_dates_times);
  RUN(test_abbreviations);
  RUN(test_words);
  RUN(test_scripts);
  RUN(test_web);
  RUN(test_punctuation);
  RUN(test_edges);
  RUN(test_long_runs);
  return DONE();
}
