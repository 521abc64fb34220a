/* test_summarize.c -- the summary stage (lib/summarize): budget, verbatim
 * sentences, near-duplicates cited together and taken once, one vote per
 * origin, reading order, datelines, and the timeline. The articles are
 * invented for these tests. */
#include <string.h>

#include "harness.h"
#include "normalize/normalize.h"
#include "summarize/summarize.h"

#define MAXD 8

typedef struct fixture {
  cr_normalizer *nz;
  cr_arena *a[MAXD];
  cr_norm norm[MAXD];
  cr_sum_doc doc[MAXD];
  size_t n;
  cr_arena *out;
} fixture;

static void fx_init(fixture *f) {
  memset(f, 0, sizeof *f);
  f->nz = cr_normalizer_new();
  f->out = cr_arena_new(4096, 0);
}

static void fx_add(fixture *f, const char *text, int32_t origin,
                   int64_t published) {
  size_t i = f->n++;
  f->a[i] = cr_arena_new(4096, 0);
  CHECK(cr_normalize_run(f->nz, text, strlen(text), f->a[i], &f->norm[i]) ==
        CROSSREAD_OK);
  f->doc[i].norm = &f->norm[i];
  f->doc[i].origin = origin;
  f->doc[i].published = published;
}

static void fx_free(fixture *f) {
  for (size_t i = 0; i < f->n; i++)
    cr_arena_free(f->a[i]);
  cr_arena_free(f->out);
  cr_normalizer_free(f->nz);
}

static int has_cite(const cr_sum_item *it, uint32_t d) {
  for (size_t k = 0; k < it->ncites; k++)
    if (it->cites[k] == d)
      return 1;
  return 0;
}

/* words as the summary counts them */
static size_t words_of(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t')
      in = 0;
    else if (!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

static const char *ferry[] = {
    "The Lindqvist river ferry resumed service on Monday after a three-week "
    "strike by its crew. Crew members said the new contract raises night pay "
    "and adds a second deckhand on the late crossings. Commuters crowded the "
    "first boat at dawn, and the operator added two extra sailings. The "
    "harbour master said traffic on the old bridge fell back to normal.",
    "Commuters returned to the Lindqvist river ferry on Monday as the "
    "three-week strike ended. The Lindqvist river ferry resumed service on "
    "Monday after a three-week strike by its crew. The operator, Norrby "
    "Lines, agreed to raise night pay for the crew. Shops near the pier "
    "reported their best morning in a month.",
    "Norrby Lines said on Sunday that it had reached a deal with the ferry "
    "crew union, ending a three-week strike. The deal raises night pay and "
    "adds a deckhand on late crossings, the union said in a statement. The "
    "ferry service will resume on Monday morning with extra sailings. Local "
    "officials welcomed the end of the dispute.",
    "The town council of Brekke voted to repair the old bridge next spring. "
    "The bridge carried most of the traffic during the three-week ferry "
    "strike. Engineers found cracks in two of its supports last year. The "
    "repairs will close one lane for about four months.",
};

static void test_budget_and_verbatim(void) {
  fixture f;
  fx_init(&f);
  for (int i = 0; i < 4; i++)
    fx_add(&f, ferry[i], -1, 0);
  cr_sum_opts o;
  cr_sum_opts_default(&o);
  static const unsigned budgets[] = {20, 35, 60, 100};
  for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
    o.words = budgets[b];
    cr_summary s;
    cr_arena_reset(f.out);
    CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
    CHECK(s.n >= 1);
    CHECK(s.words <= o.words);
    size_t sum = 0;
    for (size_t i = 0; i < s.n; i++) {
      const cr_sum_item *it = &s.items[i];
      CHECK(it->doc < f.n);
      /* verbatim: the very bytes of the article's text */
      CHECK(strstr(f.norm[it->doc].text, it->text) != NULL);
      CHECK_EQ(words_of(it->text), it->words);
      CHECK(has_cite(it, it->doc));
      sum += it->words;
      for (size_t k = 0; k + 1 < it->ncites; k++)
        CHECK(it->cites[k] < it->cites[k + 1]);
    }
    CHECK_EQ(sum, s.words);
  }
  /* the story is the ferry strike: the sentence two articles share wins a
   * one-sentence budget and cites both */
  o.words = 22;
  cr_summary s;
  cr_arena_reset(f.out);
  CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
  CHECK_EQ(s.n, 1);
  if (s.n == 1) {
    CHECK(strstr(s.items[0].text, "ferry resumed service") != NULL);
    CHECK(has_cite(&s.items[0], 0) && has_cite(&s.items[0], 1));
    CHECK(!has_cite(&s.items[0], 3));
  }
  fx_free(&f);
}

static void test_near_duplicates(void) {
  fixture f;
  fx_init(&f);
  fx_add(&f,
         "Floodwater closed the coastal railway between Aldby and Vesterhavn "
         "on Tuesday, stranding about four hundred passengers overnight. "
         "Rail crews said the line could reopen by Friday if the water drops.",
         -1, 0);
  /* a rewrite: same sentence with two words changed */
  fx_add(&f,
         "Floodwater closed the coastal railway between Aldby and Vesterhavn "
         "on Tuesday, stranding nearly four hundred travellers overnight. "
         "Buses will carry passengers between the two towns until then.",
         -1, 0);
  fx_add(&f,
         "The coastal railway between Aldby and Vesterhavn stayed shut on "
         "Wednesday. Engineers are checking two bridges for damage from the "
         "floodwater before trains can run again.",
         -1, 0);
  cr_sum_opts o;
  cr_sum_opts_default(&o);
  o.words = 100;
  cr_summary s;
  CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
  int copies = 0;
  for (size_t i = 0; i < s.n; i++)
    if (strstr(s.items[i].text, "Floodwater closed the coastal railway")) {
      copies++;
      CHECK(has_cite(&s.items[i], 0));
      CHECK(has_cite(&s.items[i], 1));
      CHECK(!has_cite(&s.items[i], 2));
    }
  CHECK_EQ(copies, 1);
  fx_free(&f);
}

/* Three copies of one wire story (one origin) against two independent
 * reports of another fact: with origins the independent fact wins a
 * one-sentence budget; counted per article, the copies would win. */
static void test_origins(void) {
  static const char *wire =
      "The mining company Halvard Ore said on Thursday it will close its "
      "northern pit by the end of the year. ";
  static const char *indep =
      "Regional health officials opened a new clinic in the valley town on "
      "Thursday to serve four villages. ";
  static const char *filler[] = {
      "Readers can find more reports on the region in the weekend edition, "
      "which also carries the weather outlook and the sports results for the "
      "whole week ahead.",
      "The newspaper has covered the northern valley for more than sixty "
      "years and keeps an office in each of the three largest towns of the "
      "district today.",
      "Subscribers who missed the morning delivery because of the snow can "
      "ask for a second copy at any kiosk in the town centre until the end "
      "of the week.",
      "An earlier version of this report gave the wrong name for the street "
      "where the town library stands, and it has been corrected here for our "
      "readers today.",
      "Letters to the editor about local matters are welcome and should be "
      "sent by post or left at the front desk of the office before noon on "
      "any weekday.",
  };
  char buf[5][512];
  for (int i = 0; i < 5; i++)
    snprintf(buf[i], sizeof buf[i], "%s%s", i < 3 ? wire : indep, filler[i]);
  for (int pass = 0; pass < 2; pass++) {
    fixture f;
    fx_init(&f);
    for (int i = 0; i < 5; i++)
      fx_add(&f, buf[i], pass == 0 ? (i < 3 ? 7 : 8 + i) : -1, 0);
    cr_sum_opts o;
    cr_sum_opts_default(&o);
    o.words = 20; /* room for one of the two facts, not for a filler */
    cr_summary s;
    CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
    CHECK_EQ(s.n, 1);
    if (s.n == 1) {
      if (pass == 0) {
        CHECK(strstr(s.items[0].text, "clinic") != NULL);
        CHECK_EQ(s.items[0].ncites, 2);
      } else {
        CHECK(strstr(s.items[0].text, "Halvard") != NULL);
        CHECK_EQ(s.items[0].ncites, 3);
      }
    }
    fx_free(&f);
  }
}

static void test_order(void) {
  static const char *txt[] = {
      "The festival closed on Sunday with a concert in the old market square "
      "attended by twelve thousand people.",
      "The festival opened on Friday with a parade of forty bands through the "
      "narrow streets of the old town.",
      "On Saturday the festival held a children's fair and a boat race on the "
      "lake below the castle walls.",
  };
  static const int64_t t[] = {300000, 100000, 200000};
  for (int pass = 0; pass < 2; pass++) {
    fixture f;
    fx_init(&f);
    for (int i = 0; i < 3; i++)
      fx_add(&f, txt[i], -1, pass == 0 ? t[i] : 0);
    cr_sum_opts o;
    cr_sum_opts_default(&o);
    o.words = 100;
    o.min_support = 0; /* every concept counts: three single-article facts */
    cr_summary s;
    CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
    CHECK_EQ(s.n, 3);
    if (s.n == 3) {
      if (pass == 0) { /* by publication time */
        CHECK_EQ(s.items[0].doc, 1);
        CHECK_EQ(s.items[1].doc, 2);
        CHECK_EQ(s.items[2].doc, 0);
      } else { /* times unknown: input order */
        CHECK_EQ(s.items[0].doc, 0);
        CHECK_EQ(s.items[1].doc, 1);
        CHECK_EQ(s.items[2].doc, 2);
      }
    }
    fx_free(&f);
  }
}

static void test_dateline_and_overflow(void) {
  fixture f;
  fx_init(&f);
  fx_add(&f,
         "OSTRAVIK, Norland (AP) _ Firefighters brought a warehouse blaze "
         "under control on Wednesday after it burned for eleven hours near "
         "the port. No one was hurt, the fire service said. The cause of the "
         "warehouse blaze near the port is not yet known, officials said on "
         "Wednesday evening after the fire was under control.",
         -1, 0);
  cr_sum_opts o;
  cr_sum_opts_default(&o);
  o.words = 30;
  cr_summary s;
  CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
  CHECK(s.n >= 1);
  if (s.n >= 1)
    CHECK(strncmp(s.items[0].text, "Firefighters brought", 20) == 0);
  for (size_t i = 0; i < s.n; i++)
    CHECK(strstr(s.items[i].text, "(AP)") == NULL);
  /* overflow: the words before the last sentence stay under the budget and
   * the summary fills it */
  o.words = 25;
  o.overflow = 1;
  cr_arena_reset(f.out);
  CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
  CHECK(s.n >= 1);
  if (s.n >= 1) {
    CHECK(s.words - s.items[s.n - 1].words < o.words);
    CHECK(s.words >= o.words);
  }
  fx_free(&f);
}

static void test_empty(void) {
  fixture f;
  fx_init(&f);
  cr_summary s;
  CHECK(cr_summarize_run(f.doc, 0, NULL, f.out, &s) == CROSSREAD_OK);
  CHECK_EQ(s.n, 0);
  fx_add(&f, "Short. Too short.", -1, 0);
  CHECK(cr_summarize_run(f.doc, f.n, NULL, f.out, &s) == CROSSREAD_OK);
  CHECK_EQ(s.n, 0);
  cr_sum_opts o;
  cr_sum_opts_default(&o);
  o.words = 0;
  fx_add(&f, ferry[0], -1, 0);
  CHECK(cr_summarize_run(f.doc, f.n, &o, f.out, &s) == CROSSREAD_OK);
  CHECK_EQ(s.n, 0);
  fx_free(&f);
}

static void test_timeline(void) {
  fixture f;
  fx_init(&f);
  fx_add(&f,
         "The dam on the Varka river was completed on 2 March 2024. It took "
         "six years to build.",
         -1, 200);
  fx_add(&f,
         "The dam on the Varka river was completed on 2 March 2024 after "
         "years of delays. Its lake now covers three villages.",
         -1, 100);
  fx_add(&f,
         "Protesters marched to the site of the Varka dam on March 2. "
         "Work on the spillway began in January 2024.",
         -1, 300);
  cr_tl_event ev[] = {
      {"2024-03-02", CR_TL_DAY, 0, 0, 0}, {"2024-03-02", CR_TL_DAY, 1, 0, 0},
      {"2024-01", CR_TL_MONTH, 2, 1, 0},  {"2024-03-02", CR_TL_DAY, 2, 0, 0},
      {"2024-03-02", CR_TL_DAY, 9, 0, 0}, /* no such article: skipped */
      {"2024-03-02", CR_TL_DAY, 0, 0, 0}, /* the same event twice */
  };
  cr_timeline tl;
  CHECK(cr_timeline_run(f.doc, f.n, ev, sizeof ev / sizeof *ev, f.out, &tl) ==
        CROSSREAD_OK);
  CHECK_EQ(tl.n, 3);
  if (tl.n == 3) {
    CHECK_STR(tl.items[0].date, "2024-01");
    CHECK_EQ(tl.items[0].precision, CR_TL_MONTH);
    CHECK(strncmp(tl.items[0].text, "Work on the spillway", 20) == 0);
    CHECK_EQ(tl.items[0].ncites, 1);
    /* the completion, reported by two articles: shown from the earlier */
    CHECK_STR(tl.items[1].date, "2024-03-02");
    CHECK_EQ(tl.items[1].doc, 1);
    CHECK_EQ(tl.items[1].ncites, 2);
    if (tl.items[1].ncites == 2) {
      CHECK_EQ(tl.items[1].cites[0], 0);
      CHECK_EQ(tl.items[1].cites[1], 1);
    }
    CHECK_STR(tl.items[2].date, "2024-03-02");
    CHECK(strncmp(tl.items[2].text, "Protesters marched", 18) == 0);
    CHECK_EQ(tl.items[2].ncites, 1);
  }
  CHECK(cr_timeline_run(f.doc, f.n, NULL, 0, f.out, &tl) == CROSSREAD_OK);
  CHECK_EQ(tl.n, 0);
  /* with sort keys: a week sorts at its Monday, a month at its first day
   * (before a day that starts with it) */
  cr_tl_event ev2[] = {
      {"2024-W10", CR_TL_WEEK, 2, 1, 20240304},
      {"2024-03-02", CR_TL_DAY, 0, 0, 20240302},
      {"2024-03", CR_TL_MONTH, 1, 1, 20240301},
      {"2024-03-01", CR_TL_DAY, 2, 0, 20240301},
  };
  CHECK(cr_timeline_run(f.doc, f.n, ev2, 4, f.out, &tl) == CROSSREAD_OK);
  CHECK_EQ(tl.n, 4);
  if (tl.n == 4) {
    CHECK_STR(tl.items[0].date, "2024-03");
    CHECK_STR(tl.items[1].date, "2024-03-01");
    CHECK_STR(tl.items[2].date, "2024-03-02");
    CHECK_STR(tl.items[3].date, "2024-W10");
  }
  fx_free(&f);
}

int main(void) {
  RUN(test_budget_and_verbatim);
  RUN(test_near_duplicates);
  RUN(test_origins);
  RUN(test_order);
  RUN(test_dateline_and_overflow);
  RUN(test_empty);
  RUN(test_timeline);
  return DONE();
}
