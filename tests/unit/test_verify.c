/* test_verify.c -- the cross-check stage (lib/verify) on hand-made
 * articles fed through the real pipeline and taken as one story: the same
 * fact in other words aligns, independent origins giving other values are
 * a dispute with both values, compatible values corroborate, copies count
 * once, ages of two people and two figures of one article stay apart,
 * quotes merge across articles with their speaker, and dated events make a
 * timeline citing every article. */
#include <jansson.h>
#include <stdlib.h>

#include "harness.h"
#include "verify_fixture.h"

typedef struct art {
  const char *published, *outlet, *title, *text;
} art;

/* JSON Lines of the articles, fed to a new engine */
static crossread_engine *feed(const art *a, size_t n) {
  char *all = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&all, &len);
  for (size_t i = 0; f && i < n; i++) {
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s}", "text", a[i].text, "published",
                  a[i].published, "outlet", a[i].outlet, "title", a[i].title);
    char *line = json_dumps(o, JSON_COMPACT);
    fprintf(f, "%s\n", line);
    free(line);
    json_decref(o);
  }
  if (f)
    fclose(f);
  crossread_engine *eng = vfx_engine_jsonl(all ? all : "");
  free(all);
  return eng;
}

/* The wire report; a verbatim copy of it; and two independent reports
 * that tell the same facts in their own words, one with other figures. */
static const char *WIRE =
    "VARNO, Estovia — Estovia released 87 prisoners on Saturday after two "
    "days of talks with a visiting envoy from neighbouring Calvaria, the "
    "government said.\n\n"
    "Of those released, 40 were taken by bus to the border town of Tarvik "
    "early on Saturday, according to the rights group Lantern.\n\n"
    "President Ana Novak, 61, has ruled the country since 2004. Her "
    "government has jailed hundreds of critics since protests in 2020.\n\n"
    "\"We will not stop until every cell is empty,\" said Marek Dolan, a "
    "lawyer for Lantern, who was himself jailed in 2021.\n\n"
    "Police arrested 12 protesters in the capital and 30 protesters in the "
    "port city of Brask during the talks, Lantern said.\n\n"
    "Estovia's economy grew 2.5% last year, the central bank said.";

static const art STORY[] = {
    {"2026-03-14T10:00:00Z", "Wire Service", "Estovia frees 87 prisoners",
     NULL},
    {"2026-03-14T11:00:00Z", "Daily Copy", "Estovia frees 87 prisoners", NULL},
    {"2026-03-14T15:00:00Z", "Harbour Post", "Dozens cross into Tarvik",
     "TARVIK — More than 80 political prisoners were freed by Estovia on "
     "Saturday, in a deal brokered by Calvaria's envoy after talks that "
     "lasted two days.\n\n"
     "Buses carried 33 of the freed prisoners into Tarvik, where volunteers "
     "waited with soup and blankets, the mayor told reporters.\n\n"
     "Novak, 63, has governed Estovia since 2004 and keeps a tight grip on "
     "the press.\n\n"
     "\"We will not stop until every cell is empty\", Dolan said at the "
     "crossing.\n\n"
     "Tarvik, a town of 9,000, has opened its school gym as a shelter with "
     "120 camp beds."},
    {"2026-03-14T18:00:00Z", "Evening Ledger", "A deal for 87 prisoners",
     "Estovia set 87 prisoners free on Saturday. President Ana Novak signed "
     "the pardons after two days of talks with the envoy.\n\n"
     "Peter Hollis, 70, a retired judge who was among those freed, said he "
     "would stay in Tarvik.\n\n"
     "Estovia's economy grew 2.5% last year."},
};

static vfx F;

static void run_story(void) {
  art a[4];
  memcpy(a, STORY, sizeof a);
  a[0].text = a[1].text = WIRE;
  CHECK_EQ(vfx_story(&F, feed(a, 4), NULL, 0), 0);
  CHECK_EQ(F.npick, 4);
  /* the copy shares the wire's origin; the others are independent */
  CHECK_EQ(F.eng->docs[1]->origin, F.eng->docs[0]->origin);
  CHECK(F.eng->docs[2]->origin != F.eng->docs[0]->origin);
  CHECK(F.eng->docs[3]->origin != F.eng->docs[0]->origin);
  if (getenv("VERIFY_DUMP"))
    vfx_dump(&F);
}

/* 87 released / set free / more than 80 freed: one fact, three origins,
 * no conflict ("more than 80" agrees with 87) */
static void same_fact_other_words(void) {
  const cr_sclaim *c = vfx_claim_in(&F, "87", 0);
  CHECK(c != NULL);
  if (!c)
    return;
  CHECK(vfx_has(&c->docs, 1));
  CHECK(vfx_has(&c->docs, 3)); /* "set 87 prisoners free" */
  CHECK(vfx_has(&c->docs, 2)); /* "more than 80 ... were freed" */
  CHECK_EQ(c->origins, 3);
  CHECK_EQ(c->status, CR_CLAIM_CORROBORATED);
  CHECK(vfx_conflict_with(&F, "87") == NULL);
  CHECK(vfx_conflict_with(&F, "More than 80") == NULL);
  /* evidence: one verbatim sentence per article */
  CHECK_EQ(c->nevidence, c->docs.n);
  for (size_t k = 0; k < c->nevidence; k++)
    CHECK(c->evidence[k].sentence && strstr(c->evidence[k].sentence, "8"));
}

/* 40 taken to Tarvik (wire and copy) against 33 (an independent report):
 * disputed, each value with its articles and origins */
static void different_values_disputed(void) {
  const cr_sconflict *x = vfx_conflict_with(&F, "40");
  CHECK(x != NULL);
  const cr_svalue *v40 = vfx_value(x, "40"), *v33 = vfx_value(x, "33");
  CHECK(v40 != NULL);
  CHECK(v33 != NULL);
  if (!v40 || !v33)
    return;
  CHECK(vfx_has(&v40->docs, 0) && vfx_has(&v40->docs, 1));
  CHECK_EQ(v40->origins, 1);
  CHECK(vfx_has(&v33->docs, 2));
  CHECK_EQ(x->nclaims, 2);
  const cr_sclaim *c = vfx_claim_in(&F, "40", 0);
  CHECK(c && c->status == CR_CLAIM_DISPUTED);
  CHECK(x->about && strstr(x->about, "Tarvik"));
  /* the ages of the president: 61 against 63 */
  const cr_sconflict *age = vfx_conflict_with(&F, "61");
  CHECK(age != NULL);
  CHECK(vfx_value(age, "63") != NULL);
  CHECK(age && age->about && strstr(age->about, "age of") &&
        strstr(age->about, "Novak"));
}

/* the copy says what the wire says: four articles with 12 arrests? no, two
 * (wire and copy) -- one origin: single source, however many copies */
static void copies_count_once(void) {
  const cr_sclaim *c = vfx_claim_in(&F, "12", 0);
  CHECK(c != NULL);
  if (!c)
    return;
  CHECK(vfx_has(&c->docs, 1));
  CHECK_EQ(c->docs.n, 2);
  CHECK_EQ(c->origins, 1);
  CHECK_EQ(c->status, CR_CLAIM_SINGLE_SOURCE);
  /* 2.5% growth in the wire (and copy) and in the Ledger: corroborated */
  const cr_sclaim *g = vfx_claim_in(&F, "2.5%", 0);
  CHECK(g && g->origins == 2 && g->status == CR_CLAIM_CORROBORATED);
}

/* Novak is 61 or 63; Hollis is 70: his age is no third value of hers */
static void ages_of_two_people(void) {
  const cr_sclaim *h = vfx_claim_in(&F, "70", 3);
  CHECK(h != NULL);
  CHECK(vfx_conflict_with(&F, "70") == NULL);
  if (h)
    CHECK_EQ(h->status, CR_CLAIM_SINGLE_SOURCE);
  const cr_sconflict *age = vfx_conflict_with(&F, "61");
  CHECK(age && age->nvalues == 2);
}

/* 12 protesters in the capital, 30 in Brask: two facts of one article,
 * never one claim, never a conflict */
static void two_counts_one_article(void) {
  const cr_sclaim *a = vfx_claim_in(&F, "12", 0),
                  *b = vfx_claim_in(&F, "30", 0);
  CHECK(a != NULL && b != NULL);
  CHECK(a != b);
  CHECK(vfx_conflict_with(&F, "12") == NULL);
  CHECK(vfx_conflict_with(&F, "30") == NULL);
  /* nor are 9,000 people and 120 camp beds of one sentence */
  CHECK(vfx_conflict_with(&F, "9,000") == NULL);
}

/* the same words quoted by two outlets (other quotation marks and
 * punctuation): one quote, both articles, the speaker a story entity */
static void quotes_merge(void) {
  const cr_squote *q = NULL;
  size_t n = 0;
  for (size_t i = 0; i < F.s.nquotes; i++)
    if (strstr(F.s.quotes[i].text, "every cell is empty")) {
      q = &F.s.quotes[i];
      n++;
    }
  CHECK_EQ(n, 1);
  if (!q)
    return;
  CHECK(vfx_has(&q->docs, 0) && vfx_has(&q->docs, 1) && vfx_has(&q->docs, 2));
  CHECK(q->speaker_name && strstr(q->speaker_name, "Dolan"));
  CHECK(q->speaker_entity != NULL);
  if (q->speaker_entity) {
    int found = 0;
    for (size_t i = 0; i < F.s.nentities; i++)
      found |= strcmp(F.s.entities[i].id, q->speaker_entity) == 0 &&
               strstr(F.s.entities[i].name, "Dolan") != NULL;
    CHECK(found);
  }
}

/* Saturday (the articles' date) is the day of the release, told by all
 * four; the years before it come first */
static void timeline(void) {
  const cr_sevent *sat = NULL;
  for (size_t i = 0; i < F.s.ntimeline; i++) {
    if (i)
      CHECK(strcmp(F.s.timeline[i - 1].date, F.s.timeline[i].date) <= 0);
    if (strcmp(F.s.timeline[i].date, "2026-03-14") == 0 &&
        strstr(F.s.timeline[i].text, "87") && !sat)
      sat = &F.s.timeline[i];
  }
  CHECK(sat != NULL);
  if (sat)
    CHECK(vfx_has(&sat->docs, 0) && vfx_has(&sat->docs, 3));
}

/* no articles, or articles without any figure: empty, no crash */
static void empty(void) {
  vfx G;
  static const art one[] = {{"2026-03-14", "X", "Quiet day",
                             "Nothing much happened in the capital today, "
                             "officials said. Shops opened as usual."}};
  CHECK_EQ(vfx_story(&G, feed(one, 1), NULL, 0), 0);
  CHECK_EQ(G.s.nconflicts, 0);
  vfx_free(&G);
  CHECK_EQ(vfx_story(&G, crossread_engine_new(0), NULL, 0), 0);
  CHECK_EQ(G.s.nclaims, 0);
  vfx_free(&G);
}

int main(void) {
  run_story();
  RUN(same_fact_other_words);
  RUN(different_values_disputed);
  RUN(copies_count_once);
  RUN(ages_of_two_people);
  RUN(two_counts_one_article);
  RUN(quotes_merge);
  RUN(timeline);
  RUN(empty);
  vfx_free(&F);
  return DONE();
}
