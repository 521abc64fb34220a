/* test_quantity.c -- numeric claims (lib/claims/quantity.c): numbers in
 * digits and words, scale and currency, approximation and change markers,
 * ranges, units and counted nouns, ages and durations, subject and
 * predicate, and what must not be read as a quantity. Hand-written
 * sentences. */
#include "unit/claims_fixture.h"

#define NEAR(a, b)                                                             \
  (fabs((double)(a) - (double)(b)) <= 1e-6 * (fabs((double)(b)) + 1))

static void counts_and_predicates(void) {
  CHECK(fx_run("The court pardoned 123 prisoners on Friday.", NULL) == 0);
  const cr_quantity *q = fx_q(123);
  CHECK(q != NULL);
  if (q) {
    CHECK_EQ(q->kind, CR_Q_COUNT);
    CHECK_STR(q->unit, "prisoner");
    CHECK_STR(fx_span(q->unit_span), "prisoners");
    CHECK_STR(fx_span(q->predicate), "pardoned");
    CHECK_STR(q->pred_key, "pardon");
    CHECK_STR(fx_span(q->subject), "court");
    CHECK_EQ(q->approx, '=');
    CHECK_EQ(q->range, 0);
  }
  CHECK_EQ(F.cl.nq, 1);

  CHECK(fx_run("The mill employs 1,613 seasonal workers.", NULL) == 0);
  q = fx_q(1613);
  CHECK(q != NULL);
  if (q)
    CHECK_STR(q->unit, "seasonal worker");

  CHECK(fx_run("Four people died and five were hurt.", NULL) == 0);
  q = fx_q(4);
  CHECK(q && !strcmp(q->unit, "people"));
  /* "five were hurt": a spelled number with nothing counted is not kept */
  CHECK(fx_q(5) == NULL);

  CHECK(fx_run("Twenty-three boats and four hundred sailors arrived.", NULL) ==
        0);
  CHECK(fx_q(23) != NULL);
  CHECK(fx_q(400) != NULL);

  CHECK(fx_run("Officials were jailed and thousands of people fled.", NULL) ==
        0);
  q = fx_q(1000);
  CHECK(q && !strcmp(fx_span(q->predicate), "fled"));
  CHECK(fx_run("The court ordered the release of 40 prisoners.", NULL) == 0);
  q = fx_q(40);
  CHECK(q && !strcmp(fx_span(q->predicate), "ordered"));
  CHECK(fx_run("Timber is one of Vellas\xe2\x80\x99 key exports.", NULL) == 0);
  q = fx_q(1);
  CHECK(q && !strcmp(q->unit, "key export"));

  CHECK(fx_run("The city has 9.5 million residents.", NULL) == 0);
  q = fx_q(9.5e6);
  CHECK(q && !strcmp(q->unit, "resident"));
  if (q)
    CHECK_STR(fx_span(q->subject), "city");
}

static void money_and_percent(void) {
  CHECK(fx_run("Exports rose 6.5% to $2.3 billion last year.", NULL) == 0);
  const cr_quantity *q = fx_q(6.5);
  CHECK(q != NULL);
  if (q) {
    CHECK_EQ(q->kind, CR_Q_PERCENT);
    CHECK_STR(q->unit, "percent");
    CHECK_EQ(q->change, 1);
  }
  q = fx_q(2.3e9);
  CHECK(q != NULL);
  if (q) {
    CHECK_EQ(q->kind, CR_Q_MONEY);
    CHECK_STR(q->unit, "dollar");
    CHECK_EQ(q->change, 0);
  }

  CHECK(fx_run("The club paid £1.7m for the player and €20 million for the "
               "stadium.",
               NULL) == 0);
  q = fx_q(1.7e6);
  CHECK(q && !strcmp(q->unit, "pound sterling"));
  q = fx_q(2e7);
  CHECK(q && !strcmp(q->unit, "euro"));

  CHECK(fx_run("The merger is worth $1.5bn, or 7,199 Chinese yuan a share.",
               NULL) == 0);
  CHECK(fx_q(1.5e9) != NULL);
  q = fx_q(7199);
  CHECK(q && !strcmp(q->unit, "chinese yuan per share"));

  CHECK(fx_run("Crude traded at US$58.24 per barrel.", NULL) == 0);
  q = fx_q(58.24);
  CHECK(q && !strcmp(q->unit, "dollar per barrel"));

  CHECK(fx_run("Tickets cost $6 each.", NULL) == 0);
  q = fx_q(6);
  CHECK(q && q->kind == CR_Q_MONEY);

  CHECK(fx_run("The region supplies approximately 20% of global wheat "
               "exports.",
               NULL) == 0);
  q = fx_q(20);
  CHECK(q != NULL);
  if (q) {
    CHECK_EQ(q->approx, '~');
    CHECK_STR(fx_span(q->of_span), "global wheat exports");
    CHECK_STR(fx_span(q->predicate), "supplies");
  }

  CHECK(fx_run("Inflation eased to 2.1 percent, down 0.4 percentage points.",
               NULL) == 0);
  q = fx_q(2.1);
  CHECK(q && q->change == 0 && !strcmp(q->unit, "percent"));
  q = fx_q(0.4);
  CHECK(q && q->change == -1 && !strcmp(q->unit, "percentage point"));

  CHECK(fx_run("The shares jumped by 12 percent.", NULL) == 0);
  q = fx_q(12);
  CHECK(q && q->change == 1);

  CHECK(fx_run("Oil closed -1.3% lower while gold ended +0.4%.", NULL) == 0);
  q = fx_q(-1.3);
  CHECK(q && q->change == -1);
  q = fx_q(0.4);
  CHECK(q && q->change == 1);
}

static void markers(void) {
  static const struct {
    const char *text;
    double v;
    char approx;
  } cases[] = {
      {"About 300 families left the village.", 300, '~'},
      {"Around 40 ships waited offshore.", 40, '~'},
      {"Nearly 70 kg of gold was found.", 70, '~'},
      {"Some 60 fishermen work from the port.", 60, '~'},
      {"More than 50 prisoners were freed.", 50, '>'},
      {"Over 100 buildings were damaged.", 100, '>'},
      {"At least 74 mph winds hit the coast.", 74, '>'},
      {"Fewer than 20 minutes were left.", 20, '<'},
      {"Less than 5% of voters agreed.", 5, '<'},
      {"Up to 400 jobs will be created.", 400, '<'},
      {"Only 17 players stayed.", 17, '='},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    CHECK(fx_run(cases[i].text, NULL) == 0);
    const cr_quantity *q = fx_q(cases[i].v);
    CHECK(q != NULL);
    if (q && q->approx != cases[i].approx)
      fprintf(stderr, "  approx of \"%s\": %c\n", cases[i].text, q->approx);
    CHECK(q && q->approx == cases[i].approx);
  }
  CHECK(fx_run("More than a thousand workers joined the strike.", NULL) == 0);
  const cr_quantity *q = fx_q(1000);
  CHECK(q && q->approx == '>' && !strcmp(q->unit, "worker"));
}

static void ranges(void) {
  const cr_quantity *q;
  CHECK(fx_run("Eight or nine others were sent abroad.", NULL) == 0);
  q = fx_q(8);
  CHECK(q && q->range && NEAR(q->high, 9));

  CHECK(fx_run("Temperatures ranged between 5 and 10 degrees.", NULL) == 0);
  q = fx_q(5);
  CHECK(q && q->range && NEAR(q->high, 10) && !strcmp(q->unit, "degree"));

  CHECK(fx_run("The repairs will cost $5-10 million.", NULL) == 0);
  q = fx_q(5e6);
  CHECK(q && q->range && NEAR(q->high, 1e7) && !strcmp(q->unit, "dollar"));

  CHECK(fx_run("Staff work 40 to 50 hours a week.", NULL) == 0);
  q = fx_q(40);
  CHECK(q && q->range && NEAR(q->high, 50) &&
        !strcmp(q->unit, "hour per week"));

  CHECK(fx_run("There were four to five thousand people.", NULL) == 0);
  q = fx_q(4000);
  CHECK(q && q->range && NEAR(q->high, 5000));

  CHECK(fx_run("The weight fell from 208 pounds to 193 in a year.", NULL) == 0);
  q = fx_q(208);
  CHECK(q && q->range && NEAR(q->high, 193));

  CHECK(fx_run("Tens of thousands of people marched.", NULL) == 0);
  q = fx_q(1e4);
  CHECK(q && q->range && NEAR(q->high, 1e5) && !strcmp(q->unit, "people"));

  CHECK(fx_run("Dozens of homes were destroyed.", NULL) == 0);
  q = fx_q(12);
  CHECK(q && q->approx == '>' && !strcmp(q->unit, "home"));

  /* a rise to another value is no range */
  CHECK(fx_run("The stock rose 8.1 percent to 99.20 yuan.", NULL) == 0);
  q = fx_q(8.1);
  CHECK(q && !q->range);
  CHECK(fx_q(99.2) != NULL);
}

static void fractions_and_one(void) {
  const cr_quantity *q;
  CHECK(fx_run("A third of the budget goes to schools.", NULL) == 0);
  q = fx_q(1.0 / 3);
  CHECK(q != NULL);
  CHECK(fx_run("Nearly two-thirds of the sales came online.", NULL) == 0);
  q = fx_q(2.0 / 3);
  CHECK(q && q->approx == '~');
  CHECK(fx_run("Only 1/4 of the votes were counted.", NULL) == 0);
  CHECK(fx_q(0.25) != NULL);
  CHECK(fx_run("One of the drivers was injured.", NULL) == 0);
  q = fx_q(1);
  CHECK(q && !strcmp(q->unit, "driver"));
  CHECK(fx_run("No one was hurt, and the one that fell was old.", NULL) == 0);
  CHECK_EQ(F.cl.nq, 0);
}

static void ages_and_durations(void) {
  const cr_quantity *q;
  CHECK(fx_run("The 54-year-old mayor resigned.", NULL) == 0);
  q = fx_q(54);
  CHECK(q && q->kind == CR_Q_AGE);
  if (q)
    CHECK_STR(fx_span(q->subject), "mayor");

  CHECK(fx_run("Ana Novak, 47, said the plan was sound.", NULL) == 0);
  q = fx_q(47);
  CHECK(q && q->kind == CR_Q_AGE);
  if (q)
    CHECK_STR(fx_span(q->subject), "Ana Novak");

  CHECK(fx_run("Workers aged 61 were offered early retirement.", NULL) == 0);
  q = fx_q(61);
  CHECK(q && q->kind == CR_Q_AGE);

  CHECK(fx_run("He was sentenced to 11 years in prison.", NULL) == 0);
  q = fx_q(11);
  CHECK(q && q->kind == CR_Q_DURATION && !strcmp(q->unit, "year"));
  if (q)
    CHECK_STR(fx_span(q->predicate), "sentenced to");

  CHECK(fx_run("She was freed after 1,613 days of imprisonment.", NULL) == 0);
  q = fx_q(1613);
  CHECK(q && q->kind == CR_Q_DURATION);
  if (q)
    CHECK_STR(fx_span(q->of_span), "imprisonment");

  CHECK(fx_run("It was a 10-year sentence.", NULL) == 0);
  q = fx_q(10);
  CHECK(q && q->kind == CR_Q_DURATION);
  if (q)
    CHECK_STR(fx_span(q->of_span), "sentence");

  CHECK(fx_run("The 12-page report was leaked.", NULL) == 0);
  q = fx_q(12);
  CHECK(q && q->kind == CR_Q_COUNT && !strcmp(q->unit, "page"));
}

static void measures(void) {
  const cr_quantity *q;
  CHECK(fx_run("The car reaches 87 mph (140 km/h) with a 2.4-litre engine.",
               NULL) == 0);
  q = fx_q(87);
  CHECK(q && !strcmp(q->unit, "mile per hour"));
  q = fx_q(140);
  CHECK(q && !strcmp(q->unit, "kilometre per hour"));
  q = fx_q(2.4);
  CHECK(q && !strcmp(q->unit, "litre"));
  CHECK(fx_run("The oven reaches 500 degrees Celsius in 90 seconds.", NULL) ==
        0);
  q = fx_q(500);
  CHECK(q && !strcmp(q->unit, "celsius"));
  q = fx_q(90);
  CHECK(q && q->kind == CR_Q_DURATION);
  CHECK(fx_run("The deal covers 12.3m tonnes of grain.", NULL) == 0);
  q = fx_q(12.3e6);
  CHECK(q && !strcmp(q->unit, "tonne"));
  CHECK(fx_run("The sprinter won the 100m race.", NULL) == 0);
  q = fx_q(100);
  CHECK(q && !strcmp(q->unit, "metre"));
}

static void not_quantities(void) {
  static const char *const texts[] = {
      "In 2021 the plant opened on March 3 at 10:30 a.m. in Section 4.",
      "She finished 3rd, behind the 1990s champion.",
      "Call 555-1234 for details.",
      "The team won 2-1 at home.",
      "The new iPhone 15 and the G70 went on sale.",
      "She lives at 12 Elm Street in the old town.",
      "The COVID-19 rules ended on page 7.",
      "The meeting is on Dec. 13, 2025 at 4pm.",
      "Flight 17 landed late.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    CHECK(fx_run(texts[i], NULL) == 0);
    if (F.cl.nq)
      fprintf(stderr, "  \"%s\": %zu quantities, first \"%s\"\n", texts[i],
              F.cl.nq, fx_span(F.cl.q[0].span));
    CHECK_EQ(F.cl.nq, 0);
  }
  /* a year-like number that counts something is a quantity */
  CHECK(fx_run("The firm hired 2000 engineers.", NULL) == 0);
  CHECK(fx_q(2000) != NULL);
  CHECK(fx_run("The staff grew from 1000 to 2000 hires.", NULL) == 0);
  const cr_quantity *q = fx_q(1000);
  CHECK(q && q->range && NEAR(q->high, 2000));
}

static void empty_and_odd(void) {
  CHECK(fx_run("", NULL) == 0);
  CHECK_EQ(F.cl.nq, 0);
  CHECK(fx_run("$ % - + 1/ ,5 .. 12,34 9.9.9 £", NULL) == 0);
  CHECK(fx_run("99999999999999999999999999 people", NULL) == 0);
}

int main(void) {
  fx_open();
  RUN(counts_and_predicates);
  RUN(money_and_percent);
  RUN(markers);
  RUN(ranges);
  RUN(fractions_and_one);
  RUN(ages_and_durations);
  RUN(measures);
  RUN(not_quantities);
  RUN(empty_and_odd);
  fx_close();
  return DONE();
}
