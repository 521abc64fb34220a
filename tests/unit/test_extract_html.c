/* test_extract_html.c -- the HTML side of the extract stage on hand-written
 * messy pages: unclosed tags, entities without semicolons, </br>, nested
 * layout tables, a generated 10 MB page, legacy charsets, JSON-LD,
 * OpenGraph and <time> metadata, comments kept apart, furniture dropped;
 * both parser backends. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "extract/extract.h"
#include "harness.h"

static cr_arena *A;

static const char *PARA1 =
    "The city council approved the new budget on Tuesday after a long debate, "
    "with seven members voting in favour and two against the proposal.";
static const char *PARA2 =
    "Officials said the plan, which includes money for schools, roads and "
    "parks, would take effect next spring if the mayor signs it.";
static const char *PARA3 =
    "Residents who spoke at the meeting were divided, with some praising the "
    "spending on parks and others warning about higher property taxes.";

/* an article page: furniture around three paragraphs */
static char *page(const char *head, const char *before, const char *after) {
  static char buf[65536];
  snprintf(
      buf, sizeof buf,
      "<html><head>%s</head><body>"
      "<nav class=\"main-nav\"><ul><li><a href=/>Home</a></li><li><a "
      "href=/world>World</a></li><li><a href=/sport>Sport</a></li></ul></nav>"
      "<div class=\"page\"><article class=\"story\">"
      "<h1>Council approves budget</h1>%s"
      "<div class=\"article-body\"><p>%s</p><p>%s</p><p>%s</p></div>%s"
      "</article>"
      "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=/a>One "
      "story about something else</a></li><li><a href=/b>Another story "
      "about other things</a></li></ul></aside></div>"
      "<footer class=\"site-footer\">Copyright 2024 Example Media. All rights "
      "reserved.</footer></body></html>",
      head, before, PARA1, PARA2, PARA3, after);
  return buf;
}

static crossread_status run(const char *html, size_t len, int backend,
                            cr_extract *ex) {
  crossread_error err;
  cr_arena_reset(A);
  return cr_extract_html_with(html, len, NULL, backend, A, ex, &err);
}

static int has(const char *hay, const char *needle) {
  return hay && strstr(hay, needle) != NULL;
}

static int list_has(const cr_strlist *l, const char *needle) {
  for (size_t i = 0; i < l->n; i++)
    if (strstr(l->v[i], needle))
      return 1;
  return 0;
}

static void test_basic_page(void) {
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    char *h = page(
        "<title>Council approves budget | Example News</title>",
        "<p class=\"byline\">By Jane Doe</p>"
        "<div class=\"share-bar\"><a href=#>Share</a><a href=#>Tweet</a></div>",
        "<div class=\"related-stories\"><h2>Related</h2><ul><li><a href=/x>A "
        "related headline here</a></li></ul></div>");
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(has(ex.text, "The city council approved the new budget"));
    CHECK(has(ex.text, "higher property taxes."));
    /* paragraphs separated by a blank line */
    CHECK(has(ex.text, "against the proposal.\n\nOfficials said"));
    /* headline, byline, share bar, related list, nav, footer are not text */
    CHECK(!has(ex.text, "Council approves budget"));
    CHECK(!has(ex.text, "Jane Doe"));
    CHECK(!has(ex.text, "Tweet"));
    CHECK(!has(ex.text, "related headline"));
    CHECK(!has(ex.text, "Sport"));
    CHECK(!has(ex.text, "All rights reserved"));
    CHECK_STR(ex.title, "Council approves budget");
    CHECK_STR(ex.outlet, "Example News");
  }
}

static void test_unclosed_and_entities(void) {
  /* unclosed <p> and <div>, entities without semicolons, </br> */
  const char *h =
      "<html><body><div id=content><p>Fish &amp chips cost &pound5 at the "
      "caf&eacute on the corner, the owner said on Monday morning, smiling"
      "<p>The second line ends here</br>and the third line starts after a "
      "broken break tag, as browsers do, with more words to count"
      "<p>A final paragraph of the article says goodbye to the readers, "
      "thanking them, and closes nothing at all";
  cr_extract ex;
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "Fish & chips cost \xC2\xA3"
                     "5"));
  CHECK(has(ex.text, "caf\xC3\xA9 on the corner"));
  CHECK(has(ex.text, "closes nothing at all"));
  /* </br> is a line break: the words on both sides stay apart */
  CHECK(!has(ex.text, "hereand"));
  CHECK(has(ex.text, "and the third line"));
  /* libxml2 follows HTML 4 here (no legacy entities without ';', </br>
   * ignored): the paragraphs are all there, not the browser's details */
  CHECK_EQ(run(h, strlen(h), 1, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "chips cost"));
  CHECK(has(ex.text, "closes nothing at all"));
  CHECK(has(ex.text, "and the third line"));
}

static void test_nested_tables(void) {
  char h[16384];
  snprintf(
      h, sizeof h,
      "<html><body><table width=100%%><tr><td class=menu><a href=/>Home</a> "
      "<a href=/b>B</a></td><td><table><tr><td><div class=article-content>"
      "<p>%s</p><p>%s</p><p>%s</p></div></td></tr></table></td></tr></table>"
      "</body></html>",
      PARA1, PARA2, PARA3);
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(has(ex.text, "seven members voting"));
    CHECK(has(ex.text, "property taxes"));
    CHECK(!has(ex.text, "Home"));
  }
}

static void test_big_page(void) {
  /* 10 MB: many paragraphs of an article plus a long link list */
  size_t cap = 11u << 20, n = 0;
  char *h = malloc(cap);
  CHECK(h != NULL);
  if (!h)
    return;
  n += (size_t)snprintf(h + n, cap - n, "<html><body><ul class=menu>");
  for (int i = 0; i < 2000; i++)
    n += (size_t)snprintf(h + n, cap - n, "<li><a href=/l%d>link %d</a></li>",
                          i, i);
  n += (size_t)snprintf(h + n, cap - n, "</ul><div class=story-body>");
  int paras = 0;
  while (n < (10u << 20)) {
    n += (size_t)snprintf(h + n, cap - n, "<p>Paragraph %d: %s</p>\n", paras,
                          PARA2);
    paras++;
  }
  n += (size_t)snprintf(h + n, cap - n, "</div></body></html>");
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    CHECK_EQ(run(h, n, be, &ex), CROSSREAD_OK);
    CHECK(has(ex.text, "Paragraph 0: Officials"));
    char last[64];
    snprintf(last, sizeof last, "Paragraph %d: Officials", paras - 1);
    CHECK(has(ex.text, last));
    CHECK(!has(ex.text, "link 5"));
    CHECK(ex.text_len > 9u << 20);
  }
  free(h);
}

static void test_charsets(void) {
  cr_extract ex;
  /* undeclared, not UTF-8: windows-1252 (curly quotes, e acute) */
  char w[4096];
  snprintf(
      w, sizeof w,
      "<html><body><div class=content><p>\x93Quoted words\x94 at the caf\xE9 "
      "were spoken by the owner, who said the shop would stay open.</p>"
      "<p>%s</p><p>%s</p></div></body></html>",
      PARA1, PARA2);
  CHECK_EQ(run(w, strlen(w), 0, &ex), CROSSREAD_OK);
  CHECK(
      has(ex.text, "\xE2\x80\x9CQuoted words\xE2\x80\x9D at the caf\xC3\xA9"));
  CHECK_EQ(ex.repaired, 0);
  /* declared ISO-8859-2 in a meta tag: 0xB3 is l with stroke */
  char l2[4096];
  snprintf(
      l2, sizeof l2,
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-2\"></head><body><div class=content><p>W\xB3odzimierz "
      "spoke in \xA3\xF3\x64\xBC to the crowd that gathered at noon.</p>"
      "<p>%s</p><p>%s</p></div></body></html>",
      PARA1, PARA2);
  CHECK_EQ(run(l2, strlen(l2), 1, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "W\xC5\x82odzimierz"));
  CHECK(has(ex.text, "\xC5\x81\xC3\xB3\x64\xC5\xBA"));
  /* <meta charset=...> ISO-8859-7 (Greek alpha is 0xE1) */
  char g[4096];
  snprintf(
      g, sizeof g,
      "<html><head><meta charset=\"ISO-8859-7\"></head><body><div class=post>"
      "<p>\xE1\xE2\xE3 is how the letters were written in the report.</p>"
      "<p>%s</p><p>%s</p></div></body></html>",
      PARA1, PARA2);
  CHECK_EQ(run(g, strlen(g), 0, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "\xCE\xB1\xCE\xB2\xCE\xB3 is how"));
  /* the HTTP header's charset wins over the meta tag */
  cr_hints hints = {0};
  hints.charset = "windows-1251";
  char c[4096];
  snprintf(
      c, sizeof c,
      "<html><head><meta charset=utf-8></head><body><div class=post><p>\xCF\xF0"
      "\xE8\xE2\xE5\xF2 was the first word of the letter they received.</p>"
      "<p>%s</p><p>%s</p></div></body></html>",
      PARA1, PARA2);
  crossread_error err;
  cr_arena_reset(A);
  CHECK_EQ(cr_extract_html(c, strlen(c), &hints, A, &ex, &err), CROSSREAD_OK);
  CHECK(has(ex.text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 was"));
  /* declared UTF-8 with invalid bytes: replaced and counted */
  char u[4096];
  snprintf(
      u, sizeof u,
      "<html><head><meta charset=utf-8></head><body><div class=post><p>Bad "
      "byte \xFF here and the rest of the sentence is fine and long.</p>"
      "<p>%s</p><p>%s</p></div></body></html>",
      PARA1, PARA2);
  CHECK_EQ(run(u, strlen(u), 0, &ex), CROSSREAD_OK);
  CHECK_EQ(ex.repaired, 1);
  CHECK(has(ex.text, "Bad byte \xEF\xBF\xBD here"));
  /* UTF-16LE with a byte order mark */
  const char *src =
      "<html><body><div class=post><p>Sixteen bit text of an "
      "article that is long enough to be kept by the scorer, "
      "with commas, words, and more words.</p></div></body></html>";
  size_t sl = strlen(src);
  char *u16 = malloc(2 * sl + 2);
  u16[0] = (char)0xFF;
  u16[1] = (char)0xFE;
  for (size_t i = 0; i < sl; i++) {
    u16[2 + 2 * i] = src[i];
    u16[3 + 2 * i] = 0;
  }
  CHECK_EQ(run(u16, 2 * sl + 2, 0, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "Sixteen bit text"));
  free(u16);
}

static void test_metadata(void) {
  const char *head =
      "<title>Budget passes - Example Post</title>"
      "<meta property=\"og:site_name\" content=\"The Example Post\">"
      "<link rel=\"canonical\" href=\"https://example.org/2024/03/05/budget\">"
      "<script "
      "type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"site\"},{\"@type\":"
      "\"NewsArticle\","
      "\"headline\":\"Council passes the budget\",\"datePublished\":"
      "\"2024-03-05T09:30:00-05:00\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Jane "
      "Doe\"},{\"@type\":\"Person\",\"name\":\"John "
      "Roe\"}],\"publisher\":{\"@type\":"
      "\"Organization\",\"name\":\"Example Post "
      "Inc\"},\"inLanguage\":\"en-US\"}]}</script>";
  cr_extract ex;
  char *h = page(head, "", "");
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK_STR(ex.title, "Council passes the budget");
  CHECK_STR(ex.outlet, "The Example Post");
  CHECK_STR(ex.published, "2024-03-05T09:30:00-05:00");
  CHECK_STR(ex.url, "https://example.org/2024/03/05/budget");
  CHECK_STR(ex.language, "en");
  CHECK_EQ(ex.authors.n, 2);
  if (ex.authors.n == 2) {
    CHECK_STR(ex.authors.v[0], "Jane Doe");
    CHECK_STR(ex.authors.v[1], "John Roe");
  }
  /* OpenGraph and meta tags, a <time> element, <html lang> */
  const char *head2 =
      "<meta property=\"og:title\" content=\"OG headline here\">"
      "<meta name=\"author\" content=\"Ann Smith\">";
  char h2[65536];
  snprintf(
      h2, sizeof h2, "<html lang=\"fr-FR\">%s",
      page(head2, "<time datetime=\"2023-11-19T08:00:00Z\">Nov 19</time>", "") +
          6);
  CHECK_EQ(run(h2, strlen(h2), 1, &ex), CROSSREAD_OK);
  CHECK_STR(ex.title, "OG headline here");
  CHECK_STR(ex.published, "2023-11-19T08:00:00Z");
  CHECK_STR(ex.language, "fr");
  CHECK_EQ(ex.authors.n, 1);
  /* no site name in the head: the owner in the footer's copyright line */
  CHECK_STR(ex.outlet, "Example Media");
  /* a date only in the URL */
  const char *head3 = "<link rel=canonical "
                      "href=\"https://news.example/2019/11/18/story-slug/\">";
  h = page(head3, "", "");
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK_STR(ex.published, "2019-11-18");
  /* prose date in a meta tag */
  const char *head4 =
      "<meta name=\"date\" content=\"December 13, 2025 10:30 AM EST\">";
  h = page(head4, "", "");
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK_STR(ex.published, "2025-12-13T10:30:00-05:00");
}

static void test_comments_apart(void) {
  const char *after =
      "<section id=\"comments\" class=\"comments-area\"><h3>3 Comments</h3>"
      "<ol><li class=\"comment\"><p>Great article, thanks for writing about "
      "the "
      "budget.</p></li><li class=\"comment\"><p>I disagree with the council on "
      "this one entirely.</p></li></ol></section>";
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    char *h = page("", "", after);
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(!has(ex.text, "Great article"));
    CHECK(!has(ex.text, "I disagree"));
    CHECK(list_has(&ex.comments, "Great article, thanks"));
    CHECK(list_has(&ex.comments, "I disagree with the council"));
  }
}

static void test_furniture_in_body(void) {
  const char *before =
      "<figure><img src=a.jpg><figcaption>The council chamber. "
      "Photo: Staff</figcaption></figure>"
      "<div class=\"ad-slot\"><p>Advertisement</p></div>";
  const char *after =
      "<p>Advertisement</p><div class=\"newsletter-signup\"><p>Sign up "
      "for our daily newsletter to get the news first.</p></div>"
      "<p>\xC2\xA9 2024 Example Wire Service. Distributed by Example "
      "Syndicate.</p>";
  cr_extract ex;
  char *h = page("", before, after);
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "seven members voting"));
  CHECK(!has(ex.text, "council chamber"));
  CHECK(!has(ex.text, "Advertisement"));
  CHECK(!has(ex.text, "daily newsletter"));
  CHECK(!has(ex.text, "Distributed by"));
  CHECK(has(ex.credit, "Distributed by Example Syndicate"));
  CHECK(list_has(&ex.dropped, "Advertisement"));
}

static void test_dateline_and_empty(void) {
  char h[8192];
  snprintf(h, sizeof h,
           "<html><body><div class=story><p>VILNIUS, Lithuania (AP) "
           "\xE2\x80\x94 %s</p>"
           "<p>%s</p><p>%s</p></div></body></html>",
           PARA1, PARA2, PARA3);
  cr_extract ex;
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK_STR(ex.dateline, "VILNIUS, Lithuania");
  CHECK_STR(ex.credit, "(AP)");
  CHECK(has(ex.text, "VILNIUS, Lithuania (AP)")); /* the text keeps it */
  /* nothing but scripts: EMPTY, not a crash */
  const char *e =
      "<html><head><script>var a = 1;</script></head><body><script>x()"
      "</script></body></html>";
  CHECK_EQ(run(e, strlen(e), 0, &ex), CROSSREAD_ERR_EMPTY);
  CHECK_EQ(run("", 0, 0, &ex), CROSSREAD_ERR_EMPTY);
  CHECK_EQ(run("", 0, 1, &ex), CROSSREAD_ERR_EMPTY);
  /* deep nesting does not exhaust the stack */
  size_t depth = 100000, n = 0;
  char *deep = malloc(depth * 5 + 64);
  for (size_t i = 0; i < depth; i++) {
    memcpy(deep + n, "<div>", 5);
    n += 5;
  }
  memcpy(deep + n, "deep text", 9);
  n += 9;
  crossread_status st = run(deep, n, 1, &ex);
  CHECK(st == CROSSREAD_OK || st == CROSSREAD_ERR_EMPTY);
  /* gumbo too: the depth cap keeps its quadratic tree building away */
  st = run(deep, n, 0, &ex);
  CHECK(st == CROSSREAD_OK);
  CHECK(ex.text && strstr(ex.text, "deep text") != NULL);
  free(deep);
}

static crossread_status run_hints(const char *html, int backend,
                                  const cr_hints *h, cr_extract *ex) {
  crossread_error err;
  cr_arena_reset(A);
  return cr_extract_html_with(html, strlen(html), h, backend, A, ex, &err);
}

/* A legacy page: one table cell holds a section label, the headline in a
 * <font>, a photo table with its caption and credit, the text, a related
 * box and a comment section, none of it classed. */
static void test_legacy_table_page(void) {
  char h[16384];
  snprintf(
      h, sizeof h,
      "<html><head><title>Harbour Courier :: Region :: Ferry fares rise "
      "again as the winter timetable starts</title></head><body>"
      "<table width=900><tr><td class=masthead><a href=/>Harbour "
      "Courier</a></td></tr><tr><td width=160><a href=/a>Region</a><br>"
      "<a href=/b>Sport</a></td><td width=600>"
      "<font>REGION</font><br>"
      "<font size=5><b>Ferry fares rise again as the winter timetable "
      "starts</b></font><br>"
      "<table><tr><td><img src=ferry.jpg><br><font size=1><i>The morning "
      "ferry leaves the quay.</i> Photo: Ann Example</font></td></tr>"
      "</table>"
      "<p>HARBOURTON \xE2\x80\x93 %s</p><p>%s</p><p>%s</p>"
      "<p>The new fares take effect on Monday, the operator said.</p>"
      "<hr><b>Related stories</b><br>"
      "<a href=/r1>Harbour wall repairs close the promenade for a month</a>"
      "<br><a href=/r2>New ferry ordered from a yard in the north</a><br>"
      "<hr><b>Readers' comments (2)</b><br><table>"
      "<tr><td><b>J. Example</b> wrote on 01/02/2024 10:00:<br>"
      "Another rise and the service is no better than last year.</td></tr>"
      "<tr><td><b>Old Skipper</b> wrote on 01/02/2024 11:00:<br>"
      "The winter timetable always starts with bad news for us.</td></tr>"
      "</table><a href=/c>Add your comment</a>"
      "</td></tr><tr><td class=footer>Copyright \xC2\xA9 2024 Harbour "
      "Courier Ltd. All rights reserved.</td></tr></table></body></html>",
      PARA1, PARA2, PARA3);
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK_STR(ex.title,
              "Ferry fares rise again as the winter timetable starts");
    CHECK_STR(ex.outlet, "Harbour Courier");
    CHECK_STR(ex.dateline, "HARBOURTON");
    /* the text starts with its dateline, past the label and the headline */
    CHECK(ex.text &&
          strncmp(ex.text, "HARBOURTON \xE2\x80\x93 The city", 20) == 0);
    CHECK(has(ex.text, "take effect on Monday, the operator said."));
    CHECK(!has(ex.text, "REGION"));
    CHECK(!has(ex.text, "morning ferry"));
    CHECK(!has(ex.text, "Photo:"));
    CHECK(!has(ex.text, "Related stories"));
    CHECK(!has(ex.text, "Harbour wall repairs"));
    CHECK(!has(ex.text, "New ferry ordered"));
    CHECK(!has(ex.text, "comments"));
    CHECK(!has(ex.text, "Another rise"));
    CHECK(!has(ex.text, "Add your comment"));
    CHECK(list_has(&ex.comments, "Another rise and the service"));
    CHECK(list_has(&ex.comments, "always starts with bad news"));
    CHECK(!list_has(&ex.comments, "wrote on"));
    CHECK(list_has(&ex.dropped, "Harbour wall repairs"));
    CHECK(list_has(&ex.dropped, "Photo: Ann Example"));
  }
}

/* The label over a text with no headline above it stays: it heads the
 * text ("GIRLS BASKETBALL" over results). */
static void test_label_without_headline(void) {
  char h[8192];
  snprintf(h, sizeof h,
           "<html><head><title>Results - Example</title></head><body><div>"
           "<p>CITY BRIEFS</p><p>%s</p><p>%s</p><p>%s</p></div></body></html>",
           PARA1, PARA2, PARA3);
  cr_extract ex;
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK(ex.text && strncmp(ex.text, "CITY BRIEFS", 11) == 0);
}

/* A donation box inside the text, by class and by its wording. */
static void test_donation_box(void) {
  const char *after =
      "<div class=\"x-donate-inline\"><p><strong>Example Voice is funded by "
      "its readers.</strong> Support our work.</p><a class=btn "
      "href=/support>Support Example Voice</a></div>"
      "<p>Example Voice is funded by its readers. We have no owners and no "
      "advertisers, and every reader counts.</p>";
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    char *h = page("", "", after);
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(has(ex.text, "property taxes."));
    CHECK(!has(ex.text, "funded by"));
    CHECK(!has(ex.text, "Support"));
  }
}

/* <title> parts: the headline and the site, sections dropped */
static void test_title_parts(void) {
  static const struct {
    const char *title, *h1, *head, *site;
  } cases[] = {
      {"Budget passes after long debate | Politics | Example Post", NULL,
       "Budget passes after long debate", "Example Post"},
      {"Example Post :: Politics :: Budget passes after long debate", NULL,
       "Budget passes after long debate", "Example Post"},
      /* a lone leading part may be the headline's own: no split */
      {"Budget \xE2\x80\x93 the long debate behind the new plan", NULL,
       "Budget \xE2\x80\x93 the long debate behind the new plan", NULL},
      /* the <h1> picks the headline; the site is at the end */
      {"Opinion | Budget passes after long debate - Example Post",
       "Budget passes after long debate", "Budget passes after long debate",
       "Example Post"},
      {"About bugs - Example Games", "About bugs", "About bugs",
       "Example Games"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char h[8192];
    snprintf(h, sizeof h,
             "<html><head><title>%s</title></head><body><div>%s%s%s"
             "<p>%s</p><p>%s</p><p>%s</p></div></body></html>",
             cases[i].title, cases[i].h1 ? "<h1>" : "",
             cases[i].h1 ? cases[i].h1 : "", cases[i].h1 ? "</h1>" : "", PARA1,
             PARA2, PARA3);
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
    CHECK_STR(ex.title, cases[i].head);
    if (cases[i].site)
      CHECK_STR(ex.outlet, cases[i].site);
    else
      CHECK(ex.outlet == NULL); /* nothing names the site: not invented */
  }
}

/* A feed item: the channel title "Site - Section" gives the site; the
 * reporter's sign-off is a credit; the radio promo goes. */
static void test_feed_item(void) {
  char h[8192];
  snprintf(h, sizeof h,
           "<p>%s</p><p>%s</p><p>%s</p>"
           "<p><em>Listen to Jane Doe's full report on Example Mornings, "
           "from 7 a.m.</em></p>"
           "<p><em>Example Radio's Jane Doe reported from Harbourton."
           "</em></p>",
           PARA1, PARA2, PARA3);
  static const char *const feeds[] = {"Example Radio \xE2\x80\x94 World",
                                      "World | Example Radio",
                                      "Example Radio: World"};
  for (size_t i = 0; i < 3; i++) {
    cr_hints hi = {0};
    hi.outlet = feeds[i];
    hi.url = "https://exampleradio.example/world/2024/01/02/story";
    hi.title = "Budget passes";
    cr_extract ex;
    CHECK_EQ(run_hints(h, 0, &hi, &ex), CROSSREAD_OK);
    CHECK_STR(ex.outlet, "Example Radio");
    CHECK(has(ex.text, "property taxes."));
    CHECK(!has(ex.text, "Listen to"));
    CHECK(!has(ex.text, "reported from"));
    CHECK_STR(ex.credit, "Example Radio's Jane Doe reported from Harbourton.");
  }
  /* no host to match: the first part */
  cr_hints hi = {0};
  hi.outlet = "Example Radio - World";
  cr_extract ex;
  CHECK_EQ(run_hints(h, 1, &hi, &ex), CROSSREAD_OK);
  CHECK_STR(ex.outlet, "Example Radio");
}

/* An organisation named as the author is the credit; a byline in the
 * author tag is split into people. */
static void test_author_credit(void) {
  static const struct {
    const char *meta, *a1, *a2, *credit;
  } cases[] = {
      {"Example News Agency", NULL, NULL, "Example News Agency"},
      {"By Ann Smith and Bob Jones, Example Press", "Ann Smith", "Bob Jones",
       "Example Press"},
      {"By ANN SMITH, Example Auto Writer", "ANN SMITH", NULL, NULL},
      {"Doe, Jane", "Doe, Jane", NULL, NULL},
      {"Jane Doe", "Jane Doe", NULL, NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char head[512];
    snprintf(head, sizeof head, "<meta name=\"author\" content=\"%s\">",
             cases[i].meta);
    char h[8192];
    snprintf(h, sizeof h,
             "<html><head>%s</head><body><div><p>%s</p><p>%s</p><p>%s</p>"
             "</div></body></html>",
             head, PARA1, PARA2, PARA3);
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
    size_t want = (cases[i].a1 != NULL) + (cases[i].a2 != NULL);
    CHECK_EQ(ex.authors.n, want);
    if (cases[i].a1 && ex.authors.n >= 1)
      CHECK_STR(ex.authors.v[0], cases[i].a1);
    if (cases[i].a2 && ex.authors.n >= 2)
      CHECK_STR(ex.authors.v[1], cases[i].a2);
    if (cases[i].credit)
      CHECK_STR(ex.credit, cases[i].credit);
    else
      CHECK(ex.credit == NULL);
  }
}

/* An image with a short line under it, no figure markup: a caption. */
static void test_caption_block(void) {
  char h[8192];
  snprintf(h, sizeof h,
           "<html><body><div class=story><p>%s</p>"
           "<div><img src=a.jpg><br>Crews clear the flooded road near the "
           "bridge.</div><p>%s</p>"
           "<div><img src=b.jpg>%s Some said the rise was overdue.</div>"
           "</div></body></html>",
           PARA1, PARA2, PARA3);
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(!has(ex.text, "Crews clear"));
    CHECK(list_has(&ex.dropped, "Crews clear the flooded road"));
    /* a paragraph's worth of text beside an image is text */
    CHECK(has(ex.text, "higher property taxes."));
  }
}

/* A promo box without classes: a heading and a call to action go
 * together; a heading over text stays. */
static void test_cta_box(void) {
  char h[8192];
  snprintf(h, sizeof h,
           "<html><body><div class=story><p>%s</p><h3>Morning Notes</h3>"
           "<p>Sign up for our newsletter and get the news first.</p>"
           "<h3>What comes next</h3><p>%s</p><p>%s</p>"
           "<p>Compare this report with other sources using Example "
           "Verify.</p></div></body></html>",
           PARA1, PARA2, PARA3);
  for (int be = 0; be < 2; be++) {
    cr_extract ex;
    CHECK_EQ(run(h, strlen(h), be, &ex), CROSSREAD_OK);
    CHECK(!has(ex.text, "Morning Notes"));
    CHECK(!has(ex.text, "Sign up"));
    CHECK(!has(ex.text, "Compare this report"));
    CHECK(has(ex.text, "What comes next\n\nOfficials said"));
    CHECK(list_has(&ex.dropped, "Morning Notes"));
  }
  /* a sentence that only looks like one ("your " holds "our ") stays */
  snprintf(h, sizeof h,
           "<html><body><div class=story><p>%s</p><p>%s</p><p>Try your "
           "luck at the fair this weekend, the organisers said.</p><p>%s</p>"
           "</div></body></html>",
           PARA1, PARA2, PARA3);
  cr_extract ex;
  CHECK_EQ(run(h, strlen(h), 0, &ex), CROSSREAD_OK);
  CHECK(has(ex.text, "Try your luck"));
}

int main(void) {
  A = cr_arena_new(1 << 16, 0);
  RUN(test_basic_page);
  RUN(test_unclosed_and_entities);
  RUN(test_nested_tables);
  RUN(test_big_page);
  RUN(test_charsets);
  RUN(test_metadata);
  RUN(test_comments_apart);
  RUN(test_furniture_in_body);
  RUN(test_dateline_and_empty);
  RUN(test_legacy_table_page);
  RUN(test_label_without_headline);
  RUN(test_donation_box);
  RUN(test_title_parts);
  RUN(test_feed_item);
  RUN(test_author_credit);
  RUN(test_caption_block);
  RUN(test_cta_box);
  cr_arena_free(A);
  return DONE();
}
