/* test_extract_text.c -- the plain-text line classifier: each rule on a
 * small hand-written dump, then the real seeds of ../shared/corpus/seeds
 * (when CROSSREAD_SHARED is set): boilerplate dropped, bodies kept. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "extract/extract.h"
#include "harness.h"

static cr_arena *A;

static crossread_status run(const char *s, cr_extract *ex) {
  crossread_error err;
  cr_arena_reset(A);
  return cr_extract_run(s, strlen(s), CROSSREAD_IN_TEXT, NULL, A, ex, &err);
}

static int has(const char *hay, const char *needle) {
  return hay && strstr(hay, needle) != NULL;
}

static int starts(const char *s, const char *p) {
  return s && strncmp(s, p, strlen(p)) == 0;
}

static int list_has(const cr_strlist *l, const char *s) {
  for (size_t i = 0; i < l->n; i++)
    if (strcmp(l->v[i], s) == 0)
      return 1;
  return 0;
}

static const char *BODY1 =
    "The river burst its banks on Sunday night, flooding dozens of homes in "
    "the lower town and forcing the closure of two bridges.\n";
static const char *BODY2 =
    "Emergency crews worked through the night to move residents to higher "
    "ground, officials said, and no injuries were reported.\n";
static const char *BODY3 =
    "The mayor said repairs to the bridges could take several weeks and "
    "asked drivers to avoid the area until further notice.\n";

static void test_ui_labels(void) {
  char t[4096];
  snprintf(
      t, sizeof t,
      "Listen to this article\nHome / World / Europe\nLocal News 4 min read\n"
      "4 Min Read\nPublished in News & Features\n/\nAdvertisement\n%s%s"
      "Share this article\n%s",
      BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(list_has(&ex.dropped, "Listen to this article"));
  CHECK(list_has(&ex.dropped, "Home / World / Europe"));
  CHECK(list_has(&ex.dropped, "Local News 4 min read"));
  CHECK(list_has(&ex.dropped, "4 Min Read"));
  CHECK(list_has(&ex.dropped, "Published in News & Features"));
  CHECK(list_has(&ex.dropped, "/"));
  CHECK(list_has(&ex.dropped, "Advertisement"));
  CHECK(list_has(&ex.dropped, "Share this article"));
  CHECK(!has(ex.text, "Listen"));
  CHECK(!has(ex.text, "Advertisement"));
  CHECK(has(ex.text, "The river burst its banks"));
  CHECK(has(ex.text, "until further notice."));
  /* one paragraph per line */
  CHECK(has(ex.text, "two bridges.\n\nEmergency crews"));
  CHECK(ex.title == NULL);
}

static void test_title_byline_dateline(void) {
  char t[4096];
  snprintf(
      t, sizeof t,
      "River Floods Lower Town as Bridges Close\nBy Jane Doe and John Roe\n"
      "March 3, 2024\nRIVERTON, Examplia \xE2\x80\x94 %s%s%s",
      BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.title, "River Floods Lower Town as Bridges Close");
  CHECK_EQ(ex.authors.n, 2);
  if (ex.authors.n == 2) {
    CHECK_STR(ex.authors.v[0], "Jane Doe");
    CHECK_STR(ex.authors.v[1], "John Roe");
  }
  CHECK_STR(ex.published, "2024-03-03");
  CHECK_STR(ex.dateline, "RIVERTON, Examplia");
  /* the dateline stays in the text; title and byline do not */
  CHECK(has(ex.text, "RIVERTON, Examplia \xE2\x80\x94 The river"));
  CHECK(!has(ex.text, "Bridges Close"));
  CHECK(!has(ex.text, "Jane Doe"));
  /* a name list with an agency and a cut-off date */
  snprintf(t, sizeof t, "Ann Smith, Bob Jones, Example News on\n%s%s", BODY1,
           BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_EQ(ex.authors.n, 2);
  CHECK(list_has(&ex.dropped, "Ann Smith, Bob Jones, Example News on"));
  /* a headline with commas and lower-case words is no byline */
  snprintf(t, sizeof t, "Town Floods, Bridges Close as River Rises\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.title, "Town Floods, Bridges Close as River Rises");
  CHECK_EQ(ex.authors.n, 0);
  /* "CITY (Agency) -" */
  snprintf(t, sizeof t, "LONDON (Reuters) - %s%s", BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.dateline, "LONDON");
  CHECK_STR(ex.credit, "(Reuters)");
  /* "U.S.-BELARUS" style compounds are not datelines */
  snprintf(t, sizeof t,
           "US-UK talks resumed on Monday in a quiet room, after months "
           "of delays, officials said.\n%s",
           BODY1);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(ex.dateline == NULL);
}

static void test_summary_block(void) {
  char t[4096];
  snprintf(
      t, sizeof t,
      "Mon Mar 04 10:15:00 UTC 2024: Summary:\nA river flooded a town; bridges "
      "closed and residents moved.\nNews Article:\nRiver Floods Lower "
      "Town\n%s%s",
      BODY1, BODY2);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.summary,
            "A river flooded a town; bridges closed and residents moved.");
  CHECK_STR(ex.published, "2024-03-04T10:15:00Z");
  CHECK_STR(ex.title, "River Floods Lower Town");
  CHECK(list_has(&ex.dropped, "News Article:"));
  CHECK(!has(ex.text, "Summary"));
  CHECK(!has(ex.text, "residents moved."));
  CHECK(has(ex.text, "The river burst"));
}

static void test_headings_and_lists(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%sWhat Happens Next\n%sThe closures affect:\n  \xE2\x80\xA2 the "
           "north bridge\n"
           "  \xE2\x80\xA2 the old mill bridge\n%s",
           BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "\n\nWhat Happens Next\n\n"));
  CHECK(has(ex.text, "\xE2\x80\xA2 the north bridge"));
  CHECK(has(ex.text, "The closures affect:"));
  CHECK_EQ(ex.dropped.n, 0);
}

static void test_footer_and_comments(void) {
  char t[8192];
  snprintf(
      t, sizeof t,
      "%s%s%s\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\n(With assistance from Ann "
      "Smith.)\n"
      "\xC2\xA9"
      "2024 Example Wire L.P. Distributed by Example Syndicate, LLC.\n"
      "Fact Checker\nVerify the accuracy of this article using our analysis.\n"
      "12 Comments\nI live there and the water came up fast, it was "
      "frightening.\n"
      "Stay safe everyone, and thanks to the crews.\n"
      "blog comments powered by Disqus\n",
      BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "until further notice."));
  CHECK(!has(ex.text, "assistance"));
  CHECK(!has(ex.text, "Distributed"));
  CHECK(!has(ex.text, "Verify"));
  CHECK(!has(ex.text, "frightening"));
  CHECK_STR(ex.credit,
            "\xC2\xA9"
            "2024 Example Wire L.P. Distributed by Example Syndicate, LLC.");
  CHECK(list_has(&ex.dropped, "(With assistance from Ann Smith.)"));
  CHECK(list_has(&ex.dropped, "Fact Checker"));
  CHECK(list_has(&ex.dropped, "12 Comments"));
  CHECK(list_has(&ex.dropped, "blog comments powered by Disqus"));
  CHECK_EQ(ex.comments.n, 2);
  /* a "Comments" head before any body is a label, not a comment section */
  snprintf(t, sizeof t, "3 Comments\n%s%s", BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "The river burst"));
  CHECK_EQ(ex.comments.n, 0);
}

static crossread_status run_hints(const char *s, const cr_hints *h,
                                  cr_extract *ex) {
  crossread_error err;
  cr_arena_reset(A);
  return cr_extract_run(s, strlen(s), CROSSREAD_IN_TEXT, h, A, ex, &err);
}

/* Promo boxes inside the body: a short heading and its call to action
 * go together; a heading over running text stays. */
static void test_promo_boxes(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%s\nCHECK THE FACTS\nCompare this report with other sources "
           "using Example Verify.\n\n%s\nMORNING NOTES\nStart your day with "
           "our five-minute digest of the news. Sign up free \xE2\x86\x92\n\n"
           "WHAT COMES NEXT\n%s",
           BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(!has(ex.text, "CHECK THE FACTS"));
  CHECK(!has(ex.text, "Compare this report"));
  CHECK(!has(ex.text, "MORNING NOTES"));
  CHECK(!has(ex.text, "Sign up"));
  CHECK(has(ex.text, "WHAT COMES NEXT\n\nThe mayor said"));
  CHECK(has(ex.text, "no injuries were reported."));
  /* dropped in page order */
  size_t i = 0;
  while (i < ex.dropped.n && strcmp(ex.dropped.v[i], "CHECK THE FACTS"))
    i++;
  CHECK(i + 1 < ex.dropped.n &&
        starts(ex.dropped.v[i + 1], "Compare this report"));
}

/* Other stories' headlines after the body, with or without a label. */
static void test_related_headlines(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%s%s%sRead more:\nBridge repairs to start in the spring\n"
           "Why the river keeps rising every winter\n",
           BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(!has(ex.text, "Bridge repairs"));
  CHECK(!has(ex.text, "Read more"));
  CHECK(list_has(&ex.dropped, "Why the river keeps rising every winter"));
  /* a trailing list without a label */
  snprintf(t, sizeof t,
           "%s%s%s\nBridge repairs to start in the spring\n"
           "Why the river keeps rising every winter\n"
           "Five towns that rebuilt after the floods\n",
           BODY1, BODY2, BODY3);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(!has(ex.text, "Bridge repairs"));
  CHECK(!has(ex.text, "Five towns"));
  CHECK(has(ex.text, "until further notice."));
  /* one short closing line is no list: it stays */
  snprintf(t, sizeof t, "%s%s%sMore rain is forecast for the weekend\n", BODY1,
           BODY2, BODY3);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "More rain is forecast"));
}

/* An aggregator's page: source link, tags and its own disclaimer. */
static void test_aggregator_footer(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%s%s%sRead the full story at Example Wire.\n"
           "Tags: Floods, Riverton, Weather\n"
           "Newsbriefly uses automated tools to summarise news from trusted "
           "sources. Report an error.\n",
           BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "until further notice."));
  CHECK(!has(ex.text, "full story"));
  CHECK(!has(ex.text, "Tags"));
  CHECK(!has(ex.text, "automated"));
  CHECK_STR(ex.credit, "Read the full story at Example Wire.");
  CHECK_STR(ex.outlet, "Newsbriefly");
  /* "Tags" in running text is text */
  snprintf(t, sizeof t,
           "%sTags: the council said the labels would be replaced. Nobody "
           "knows when.\n%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "Tags: the council said"));
}

/* Where a text dump names its outlet, strongest first. */
static void test_outlet_sources(void) {
  char t[4096];
  cr_extract ex;
  /* a byline with the publisher, and the copyright footer */
  snprintf(t, sizeof t,
           "Latest News\n\nRiver Floods Lower Town as Bridges Close\n\n"
           "Jane Doe and John Roe, Example Financial News on\n\n"
           "March 3, 2024\n\n%s\n%s\n%s\n"
           "\xC2\xA9"
           "2024 Example Financial News L.P. Visit example.test.\n",
           BODY1, BODY2, BODY3);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Financial News");
  CHECK_STR(ex.title, "River Floods Lower Town as Bridges Close");
  CHECK_STR(ex.published, "2024-03-03");
  CHECK_EQ(ex.authors.n, 2);
  /* the byline alone; a desk is no outlet */
  snprintf(t, sizeof t,
           "River Floods Lower Town as Bridges Close\nBy Jane Doe, Example "
           "Times\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Times");
  snprintf(t, sizeof t,
           "River Floods Lower Town as Bridges Close\nBy Jane Doe, The "
           "Riverton Sentinel\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "The Riverton Sentinel");
  CHECK_EQ(ex.authors.n, 1);
  snprintf(t, sizeof t,
           "River Floods Lower Town as Bridges Close\nBy Jane Doe, Metro "
           "Desk\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(ex.outlet == NULL);
  /* a reading-time label */
  snprintf(t, sizeof t,
           "River Floods Lower Town as Bridges Close\nExample Herald 4 Min "
           "Read\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Herald");
  /* the site's name above the headline; the section label is no outlet */
  snprintf(t, sizeof t,
           "Skip to main content\nExample Sentinel\nWorld\nRiver Floods "
           "Lower Town as Bridges Close\nBy Jane Doe\n%s%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Sentinel");
  CHECK_STR(ex.title, "River Floods Lower Town as Bridges Close");
  /* a name below the headline is the author's, not the outlet's */
  snprintf(t, sizeof t,
           "River Floods Lower Town as Bridges Close\nJane Doe\n%s%s", BODY1,
           BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(ex.outlet == NULL);
  /* the hint wins; a feed title loses its section */
  cr_hints h = {0};
  h.outlet = "Example Radio - World";
  CHECK_EQ(run_hints(t, &h, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Radio");
}

/* The outlet asking readers for money goes; news about money stays. */
static void test_funding_appeal(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%sExample Voice is funded by its readers. We have no owners. "
           "Support our work for the price of a coffee.\n%s"
           "The new fund will support independent journalism in the region, "
           "its director said.\nResidents can make a donation at the town "
           "hall until Friday, the mayor said.\nTags on the bottles, police "
           "said, were fake.\n%s",
           BODY1, BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(!has(ex.text, "funded by its readers"));
  CHECK(has(ex.text, "support independent journalism in the region"));
  CHECK(has(ex.text, "make a donation at the town hall"));
  CHECK(has(ex.text, "Tags on the bottles"));
  CHECK(has(ex.text, "until further notice."));
}

/* A reporter's sign-off is a credit, not text. */
static void test_signoff(void) {
  char t[4096];
  snprintf(t, sizeof t,
           "%s%s%sExample Radio's Jane Doe reported from Riverton.\n", BODY1,
           BODY2, BODY3);
  cr_extract ex;
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(!has(ex.text, "reported from"));
  CHECK_STR(ex.credit, "Example Radio's Jane Doe reported from Riverton.");
  /* a sentence that reports from somewhere stays */
  snprintf(t, sizeof t,
           "%sSmith, who reported from Riverton for a decade, retired.\n%s",
           BODY1, BODY2);
  CHECK_EQ(run(t, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "who reported from Riverton"));
}

static void test_bad_input(void) {
  cr_extract ex;
  CHECK_EQ(run("", &ex), CROSSREAD_ERR_EMPTY);
  CHECK_EQ(run("\n\n  \n", &ex), CROSSREAD_ERR_EMPTY);
  CHECK_EQ(run("Advertisement\n", &ex), CROSSREAD_ERR_EMPTY);
  /* invalid UTF-8 is repaired and counted */
  crossread_error err;
  const char bad[] =
      "Caf\xE9 owners said the flood reached the door of the shop.\n";
  cr_arena_reset(A);
  CHECK_EQ(cr_extract_run(bad, sizeof bad - 1, CROSSREAD_IN_TEXT, NULL, A, &ex,
                          &err),
           CROSSREAD_OK);
  CHECK_EQ(ex.repaired, 1);
  CHECK(has(ex.text, "Caf\xEF\xBF\xBD owners"));
  /* CRLF line ends */
  CHECK_EQ(run("Title Of The Story Here\r\nThe first line of the body text has "
               "enough "
               "words to be a paragraph.\r\n",
               &ex),
           CROSSREAD_OK);
  CHECK_STR(ex.title, "Title Of The Story Here");
  CHECK(!has(ex.text, "\r"));
}

/* ---- the seeds ---------------------------------------------------------- */

static char *seed(const char *dir, const char *prefix) {
  char path[4096];
  snprintf(path, sizeof path, "%s/corpus/seeds", dir);
  /* the seed files are named NNN_hash.txt: find one by its prefix */
  DIR *d = opendir(path);
  if (!d)
    return NULL;
  char *data = NULL;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
      char full[5000];
      snprintf(full, sizeof full, "%s/%s", path, e->d_name);
      data = h_read_file(full, NULL);
      break;
    }
  }
  closedir(d);
  return data;
}

static void test_seeds(void) {
  const char *dir = h_shared_dir();
  if (!dir) {
    printf(
        "seeds: ../shared not found (CROSSREAD_SHARED), seed checks skipped\n");
    return;
  }
  cr_extract ex;
  char *s = seed(dir, "000_");
  CHECK(s != NULL);
  if (s) {
    CHECK_EQ(run(s, &ex), CROSSREAD_OK);
    CHECK(list_has(&ex.dropped, "Listen to the article"));
    CHECK(list_has(&ex.dropped, "Fact Checker"));
    CHECK(list_has(&ex.dropped, "10 Comments"));
    CHECK(starts(ex.text, "Belarus has freed Nobel laureate Ales Bialiatski"));
    CHECK(has(
        ex.text,
        "forced repeated closures of Lithuania\xE2\x80\x99s main airport."));
    CHECK(!has(ex.text, "Verify the accuracy"));
    CHECK(!has(ex.text, "That\xE2\x80\x99s a good question"));
    CHECK_EQ(ex.comments.n, 10);
    free(s);
  }
  s = seed(dir, "001_");
  CHECK(s != NULL);
  if (s) {
    CHECK_EQ(run(s, &ex), CROSSREAD_OK);
    CHECK_STR(ex.title, "Belarus Releases Political Prisoners: A Shift in "
                        "U.S.-Belarus Relations?");
    CHECK_STR(ex.dateline, "VILNIUS, Lithuania");
    CHECK(starts(ex.text, "VILNIUS, Lithuania \xE2\x80\x94 In a significant"));
    CHECK(has(ex.text, "\n\nThe Context of the Release\n\n"));
    CHECK(has(ex.text, "\n\nOthers Released\n\n"));
    CHECK(has(ex.text, "in a perennially volatile region."));
    CHECK_EQ(ex.dropped.n, 0);
    free(s);
  }
  s = seed(dir, "002_");
  CHECK(s != NULL);
  if (s) {
    CHECK_EQ(run(s, &ex), CROSSREAD_OK);
    CHECK_STR(ex.published, "2025-12-17T04:20:00Z");
    CHECK(starts(ex.summary, "Belarus released Nobel Peace Prize laureate"));
    CHECK(has(ex.summary, "tensions between Belarus and Lithuania."));
    CHECK_STR(ex.title, "Belarus Frees Nobel Laureate, Opposition Figures as "
                        "US Lifts Sanctions");
    CHECK_STR(ex.dateline, "MINSK, BELARUS");
    CHECK(list_has(&ex.dropped, "News Article:"));
    CHECK(starts(ex.text, "MINSK, BELARUS"));
    CHECK(has(ex.text, "disrupting Lithuanian airspace."));
    CHECK(!has(ex.text, "Summary:"));
    free(s);
  }
  s = seed(dir, "003_");
  CHECK(s != NULL);
  if (s) {
    CHECK_EQ(run(s, &ex), CROSSREAD_OK);
    CHECK_STR(ex.title,
              "Belarus Releases Nobel Laureate and Opposition Figures After "
              "Lukashenko\xE2\x80\x93U.S. Talks");
    CHECK(list_has(&ex.dropped, "3 Min Read"));
    CHECK(!has(ex.text, "Min Read"));
    CHECK(starts(ex.text,
                 "Belarusian authoritarian leader Alexander Lukashenko"));
    CHECK(has(ex.text,
              "\n\nSanctions Relief in Exchange for Prisoner Release\n\n"));
    CHECK(has(ex.text, "\xE2\x80\xA2 Maria Kalesnikava, a leading figure"));
    CHECK(has(ex.text,
              "rather than a fundamental shift toward democratic reform."));
    free(s);
  }
  s = seed(dir, "004_");
  CHECK(s != NULL);
  if (s) {
    CHECK_EQ(run(s, &ex), CROSSREAD_OK);
    CHECK_STR(ex.title,
              "Belarus frees 123 political prisoners as US lifts potash ban");
    CHECK_EQ(ex.authors.n, 2);
    CHECK(list_has(&ex.dropped, "Current News"));
    CHECK(list_has(&ex.dropped, "Published in News & Features"));
    CHECK(list_has(
        &ex.dropped,
        "(With assistance from Eric Martin and Agnieszka Barteczko.)"));
    CHECK(list_has(&ex.dropped, "blog comments powered by Disqus"));
    CHECK(has(ex.credit, "Distributed by Tribune Content Agency"));
    CHECK(starts(ex.text,
                 "Belarus President Alexander Lukashenko ordered the release"));
    CHECK(has(ex.text,
              "\xE2\x80\x9COnly the end of repressions can bring political "
              "stability.\xE2\x80\x9D"));
    CHECK(!has(ex.text, "ArcaMax"));
    CHECK(!has(ex.text, "Bloomberg L.P."));
    CHECK(!has(ex.text, "Disqus"));
    free(s);
  }
}

int main(void) {
  A = cr_arena_new(1 << 16, 0);
  RUN(test_ui_labels);
  RUN(test_title_byline_dateline);
  RUN(test_summary_block);
  RUN(test_headings_and_lists);
  RUN(test_footer_and_comments);
  RUN(test_promo_boxes);
  RUN(test_related_headlines);
  RUN(test_aggregator_footer);
  RUN(test_outlet_sources);
  RUN(test_funding_appeal);
  RUN(test_signoff);
  RUN(test_bad_input);
  RUN(test_seeds);
  cr_arena_free(A);
  return DONE();
}
