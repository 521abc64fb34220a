/* test_quotes.c -- quotes and attributions (lib/claims/quote.c): pairing of
 * curly and straight marks, nested and multi-paragraph quotes, partial
 * quotes, each speaker rule (after, before, pronoun, continued, previous
 * sentence, according to), and attributions without quotes.
 * Hand-written sentences with invented names. */
#include "unit/claims_fixture.h"

static void expect(const char *text, const char *part, const char *speaker,
                   int rule) {
  CHECK(fx_run(text, NULL) == 0);
  const cr_quote *q = fx_quote(part);
  if (!q) {
    fprintf(stderr, "  no quote \"%s\" in: %s\n", part, text);
    CHECK(q != NULL);
    return;
  }
  const char *got = fx_span(q->speaker);
  if (strcmp(got, speaker) || (rule >= 0 && q->rule != rule))
    fprintf(stderr, "  \"%s\": speaker \"%s\" rule %s\n", part, got,
            cr_claims_rule_name(q->rule));
  CHECK_STR(got, speaker);
  if (rule >= 0)
    CHECK_EQ(q->rule, rule);
}

static void after(void) {
  expect("\xe2\x80\x9cWe will not give up,\xe2\x80\x9d said Ana Novak, who "
         "leads the union.",
         "We will not give up,", "Ana Novak", CR_QA_AFTER);
  expect("\xe2\x80\x9cThe plan failed,\xe2\x80\x9d the minister said on "
         "Tuesday.",
         "The plan failed", "the minister", CR_QA_AFTER);
  expect("\"It is over,\" a senior official told reporters.", "It is over",
         "a senior official", CR_QA_AFTER);
  expect("\xe2\x80\x9cPrices will rise,\xe2\x80\x9d according to the central "
         "bank.",
         "Prices will rise", "the central bank", CR_QA_AFTER);
  expect("\xe2\x80\x9cWe are ready,\xe2\x80\x9d Foreign Minister Tomas Berg "
         "said.",
         "We are ready", "Tomas Berg", CR_QA_AFTER);
  /* the fullest form of the name in the text */
  CHECK(fx_run("Mia Holt won the race. \xe2\x80\x9cIt was hard,\xe2\x80\x9d "
               "Holt said.",
               NULL) == 0);
  const cr_quote *q = fx_quote("It was hard");
  CHECK(q && !strcmp(fx_span(q->speaker), "Holt") &&
        !strcmp(fx_span(q->name), "Mia Holt"));
  if (q)
    CHECK_STR(fx_span(q->verb), "said");
}

static void before(void) {
  expect(
      "Tomas Berg told reporters: \xe2\x80\x9cNothing has changed.\xe2\x80\x9d",
      "Nothing has changed.", "Tomas Berg", CR_QA_BEFORE);
  expect("The mayor described the decision as \xe2\x80\x9c"
         "a serious "
         "mistake\xe2\x80\x9d and \xe2\x80\x9c"
         "deeply unfair.\xe2\x80\x9d",
         "a serious mistake", "The mayor", CR_QA_BEFORE);
  CHECK(fx_quote("deeply unfair") != NULL);
  if (fx_quote("deeply unfair"))
    CHECK(fx_quote("deeply unfair")->partial);
  /* an apposition between the name and the verb */
  expect("Ana Novak, the head of the union, called the offer "
         "\xe2\x80\x9c"
         "an insult.\xe2\x80\x9d",
         "an insult", "Ana Novak", CR_QA_BEFORE);
  /* a participle takes the subject of the clause */
  expect("Judge Lena Ortiz rejected the appeal, saying \xe2\x80\x9cthe law "
         "is clear.\xe2\x80\x9d",
         "the law is clear", "Lena Ortiz", CR_QA_BEFORE);
}

static void pronouns(void) {
  expect("Ana Novak spoke first. \xe2\x80\x9cWe are ready,\xe2\x80\x9d she "
         "added.",
         "We are ready", "Ana Novak", CR_QA_PRONOUN);
  const cr_quote *q = fx_quote("We are ready");
  if (q)
    CHECK_STR(fx_span(q->mention), "she");
  /* the speaker of the quote before, named after it */
  expect("\xe2\x80\x9cThe vote was fair,\xe2\x80\x9d said Tomas Berg, who "
         "ran the count.\n\n\xe2\x80\x9cNobody can doubt it,\xe2\x80\x9d he "
         "added.",
         "Nobody can doubt it", "Tomas Berg", CR_QA_PRONOUN);
  /* names inside a quote are not antecedents */
  expect("Lena Ortiz answered the critics. \xe2\x80\x9cTomas Berg is "
         "wrong,\xe2\x80\x9d she said.",
         "is wrong", "Lena Ortiz", CR_QA_PRONOUN);
}

static void continued_and_previous(void) {
  expect("\xe2\x80\x9cWe won,\xe2\x80\x9d said Mia Holt. \xe2\x80\x9cNow we "
         "rest.\xe2\x80\x9d",
         "Now we rest.", "Mia Holt", CR_QA_CONTINUED);
  expect("Coach Mia Holt said after the game:\n\n\xe2\x80\x9cIt was a hard "
         "match.\xe2\x80\x9d",
         "It was a hard match.", "Mia Holt", -1);
}

static void marks(void) {
  /* a quote over two paragraphs: the first is not closed, the second opens
   * again */
  CHECK(fx_run("\xe2\x80\x9cThe first part of the statement.\n\n"
               "\xe2\x80\x9cThe second part ends here,\xe2\x80\x9d said Tomas "
               "Berg.",
               NULL) == 0);
  CHECK_EQ(F.cl.nquotes, 1);
  const cr_quote *q = fx_quote("first part");
  CHECK(q != NULL);
  if (q) {
    CHECK_STR(q->text, "The first part of the statement.\n\nThe second part "
                       "ends here,");
    CHECK_STR(fx_span(q->speaker), "Tomas Berg");
  }
  /* nested single marks stay inside */
  CHECK(fx_run("\xe2\x80\x9cHe told me \xe2\x80\x98never again\xe2\x80\x99 and "
               "left,\xe2\x80\x9d Berg said.",
               NULL) == 0);
  CHECK_EQ(F.cl.nquotes, 1);
  q = fx_quote("never again");
  CHECK(q && strstr(q->text, "He told me") != NULL);
  /* a quoted name is not a quote; a scare quote with nobody saying it is
   * dropped */
  CHECK(fx_run("The \xe2\x80\x9c"
               "Blue Harbor\xe2\x80\x9d project and the "
               "so-called \xe2\x80\x9creform\xe2\x80\x9d were cancelled.",
               NULL) == 0);
  CHECK_EQ(F.cl.nquotes, 0);
  /* apostrophes are no quotation marks */
  CHECK(fx_run("The players\xe2\x80\x99 union said it wasn\xe2\x80\x99t over.",
               NULL) == 0);
  CHECK_EQ(F.cl.nquotes, 0);
  /* an unclosed mark at the end of the text */
  CHECK(fx_run("\xe2\x80\x9cThis never ends, said nobody", NULL) == 0);
  CHECK(fx_run("\"\" \" \xe2\x80\x9d \xe2\x80\x9c", NULL) == 0);
}

static void attributions(void) {
  CHECK(fx_run("The plant closed, according to local officials.", NULL) == 0);
  CHECK_EQ(F.cl.nattr, 1);
  if (F.cl.nattr) {
    CHECK_STR(fx_span(F.cl.attr[0].source), "local officials");
    CHECK_EQ(F.cl.attr[0].kind, CR_ATTR_ACCORDING);
  }
  CHECK(fx_run("The mayor told The Daily Courier that the plan was dead.",
               NULL) == 0);
  CHECK(F.cl.nattr >= 1);
  if (F.cl.nattr) {
    CHECK_STR(fx_span(F.cl.attr[0].source), "The mayor");
    CHECK_STR(fx_span(F.cl.attr[0].outlet), "The Daily Courier");
  }
  CHECK(fx_run("The state news agency reported that 40 people were detained.",
               NULL) == 0);
  CHECK(F.cl.nattr >= 1);
  if (F.cl.nattr) {
    CHECK_STR(fx_span(F.cl.attr[0].source), "The state news agency");
    CHECK_EQ(F.cl.attr[0].kind, CR_ATTR_REPORTED);
  }
  CHECK(fx_run("The talks were cancelled, as reported by the national "
               "broadcaster.",
               NULL) == 0);
  CHECK(F.cl.nattr >= 1);
  if (F.cl.nattr)
    CHECK_STR(fx_span(F.cl.attr[0].source), "the national broadcaster");
  CHECK(fx_run("Ana Novak said on X that she would resign.", NULL) == 0);
  CHECK(F.cl.nattr >= 1);
  if (F.cl.nattr) {
    CHECK_STR(fx_span(F.cl.attr[0].source), "Ana Novak");
    CHECK_STR(fx_span(F.cl.attr[0].outlet), "X");
  }
  /* the quantity of a sentence knows its attribution */
  CHECK(fx_run("Officials confirmed that 114 civilians were received.", NULL) ==
        0);
  CHECK(F.cl.nq == 1 && F.cl.q[0].attrib == 0);
}

int main(void) {
  fx_open();
  RUN(after);
  RUN(before);
  RUN(pronouns);
  RUN(continued_and_previous);
  RUN(marks);
  RUN(attributions);
  fx_close();
  return DONE();
}
