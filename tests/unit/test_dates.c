/* test_dates.c -- dates (lib/claims/date.c): absolute forms, relative ones
 * resolved against the article's date, precision and ISO output, and what
 * stays unresolved without an article date. Hand-written sentences. */
#include "claims/claims_int.h"
#include "unit/claims_fixture.h"

/* 2025-12-17 is a Wednesday, in ISO week 51. */
#define PUB "2025-12-17T04:20:00Z"

static void check(const char *text, const char *pub, const char *what,
                  const char *iso, int prec) {
  CHECK(fx_run(text, pub) == 0);
  const cr_date *d = fx_date(what);
  if (!d) {
    fprintf(stderr, "  no date \"%s\" in \"%s\"\n", what, text);
    CHECK(d != NULL);
    return;
  }
  if (strcmp(d->iso, iso) || d->prec != prec)
    fprintf(stderr, "  \"%s\": got %s (prec %d), want %s (prec %d)\n", text,
            d->iso, d->prec, iso, prec);
  CHECK_STR(d->iso, iso);
  CHECK_EQ(d->prec, prec);
}

static void calendar(void) {
  CHECK_EQ(cr_claims_days(1970, 1, 1), 0);
  CHECK_EQ(cr_claims_days(2000, 3, 1), 11017);
  CHECK_EQ(cr_claims_weekday(cr_claims_days(2025, 12, 17)), 3);
  CHECK_EQ(cr_claims_weekday(cr_claims_days(2024, 2, 29)), 4);
  int y, m, d;
  cr_claims_civil(cr_claims_days(2024, 2, 29) + 1, &y, &m, &d);
  CHECK(y == 2024 && m == 3 && d == 1);
  CHECK(cr_claims_parse_iso("2025-12-17T04:20:00Z", &y, &m, &d) && y == 2025 &&
        m == 12 && d == 17);
  CHECK(cr_claims_parse_iso("2025-09", &y, &m, &d) && m == 9 && d == 0);
  CHECK(!cr_claims_parse_iso("yesterday", &y, &m, &d));
  CHECK(!cr_claims_parse_iso(NULL, &y, &m, &d));
}

static void absolute(void) {
  check("The vote took place on December 13, 2025.", NULL, "December 13, 2025",
        "2025-12-13", CR_DATE_DAY);
  check("The report was filed on 13 Dec 2025 in the capital.", NULL,
        "13 Dec 2025", "2025-12-13", CR_DATE_DAY);
  check("The file is dated 2025-12-13 and signed.", NULL, "2025-12-13",
        "2025-12-13", CR_DATE_DAY);
  check("He was arrested in July 2021 at home.", NULL, "July 2021", "2021-07",
        CR_DATE_MONTH);
  check("The plant opened in 2021.", NULL, "2021", "2021", CR_DATE_YEAR);
  check("It followed the 2020 election.", NULL, "2020", "2020", CR_DATE_YEAR);
  check("The ceremony is on Dec. 20 in the hall.", PUB, "Dec. 20", "2025-12-20",
        CR_DATE_DAY);
  check("The hunt runs on Sept. 20-24 this year.", PUB, "Sept. 20-24",
        "2025-09-20", CR_DATE_DAY);
  check("The form was signed on 12/13/2025.", NULL, "12/13/2025", "2025-12-13",
        CR_DATE_DAY);
}

static void relative(void) {
  check("The deal was announced Saturday.", PUB, "Saturday", "2025-12-13",
        CR_DATE_DAY);
  check("Talks ended on Wednesday.", PUB, "Wednesday", "2025-12-17",
        CR_DATE_DAY);
  check("The talks will resume on Monday.", PUB, "Monday", "2025-12-22",
        CR_DATE_DAY);
  /* the future reaches only its own clause */
  check("The ministry said the border would reopen on Monday.", PUB, "Monday",
        "2025-12-22", CR_DATE_DAY);
  check("Officials said on Saturday that the border would reopen.", PUB,
        "Saturday", "2025-12-13", CR_DATE_DAY);
  check("It will not be easy, the minister said on Wednesday.", PUB,
        "Wednesday", "2025-12-17", CR_DATE_DAY);
  check("On Monday the new line will open to passengers.", PUB, "Monday",
        "2025-12-22", CR_DATE_DAY);
  check("They met last Saturday night.", PUB, "last Saturday night",
        "2025-12-13", CR_DATE_DAY);
  check("Officials met last month in the capital.", PUB, "last month",
        "2025-11", CR_DATE_MONTH);
  check("The country declared an emergency this week.", PUB, "this week",
        "2025-W51", CR_DATE_WEEK);
  check("The trial starts next week.", PUB, "next week", "2025-W52",
        CR_DATE_WEEK);
  check("They first met in September.", PUB, "September", "2025-09",
        CR_DATE_MONTH);
  check("In January, prices rose.", PUB, "January", "2025-01", CR_DATE_MONTH);
  check("Sales fell earlier this year.", PUB, "earlier this year", "2025",
        CR_DATE_YEAR);
  check("Yesterday, the minister resigned.", PUB, "Yesterday", "2025-12-16",
        CR_DATE_DAY);
  check("Three days ago the border closed.", PUB, "Three days ago",
        "2025-12-14", CR_DATE_DAY);
  check("The envoy was named last year.", PUB, "last year", "2024",
        CR_DATE_YEAR);
  /* the day before the year's start crosses the year */
  check("The vote was held on Saturday.", "2026-01-01", "Saturday",
        "2025-12-27", CR_DATE_DAY);
  check("In December the border reopened.", "2026-01-05", "December", "2025-12",
        CR_DATE_MONTH);
}

static void unresolved(void) {
  CHECK(fx_run("The deal was announced Saturday, last month.", NULL) == 0);
  const cr_date *d = fx_date("Saturday");
  CHECK(d && !d->resolved && d->iso[0] == '\0' && d->relative);
  d = fx_date("last month");
  CHECK(d && !d->resolved && d->prec == CR_DATE_MONTH);
  /* a month name alone needs an article date; "May" the verb is no date */
  CHECK(fx_run("Prices may rise, and they may not.", PUB) == 0);
  CHECK_EQ(F.cl.ndates, 0);
}

static void not_dates(void) {
  CHECK(fx_run("The firm hired 2000 engineers and spent $2020.", PUB) == 0);
  CHECK_EQ(F.cl.ndates, 0);
  CHECK(fx_run("The meeting ended at 10:30 p.m. sharp.", PUB) == 0);
  CHECK_EQ(F.cl.ndates, 0);
  CHECK_EQ(F.cl.nq, 0);
}

int main(void) {
  fx_open();
  RUN(calendar);
  RUN(absolute);
  RUN(relative);
  RUN(unresolved);
  RUN(not_dates);
  fx_close();
  return DONE();
}
