/* test_ingest.c -- sniffing, JSON Lines, feeds and the per-input error rule,
 * driven through the public API with in-memory inputs. */
#include "crossread.h"
#include "harness.h"
#include "ingest/ingest.h"

static int nerr;
static char last_src[256];
static void on_err(void *ud, const crossread_error *e) {
  (void)ud;
  nerr++;
  snprintf(last_src, sizeof last_src, "%s", e->source);
}

static void sniff(void) {
  CHECK_EQ(cr_ingest_sniff("a.html", "", 0), CROSSREAD_IN_HTML);
  CHECK_EQ(cr_ingest_sniff("a.jsonl", "", 0), CROSSREAD_IN_JSONL);
  CHECK_EQ(cr_ingest_sniff("a.rss", "", 0), CROSSREAD_IN_FEED);
  const char *feed = "\xEF\xBB\xBF  <?xml version=\"1.0\"?><rss version=\"2.0\">";
  CHECK_EQ(cr_ingest_sniff("a.xml", feed, strlen(feed)), CROSSREAD_IN_FEED);
  const char *atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">";
  CHECK_EQ(cr_ingest_sniff("x", atom, strlen(atom)), CROSSREAD_IN_FEED);
  const char *page = "<!DOCTYPE html><html><body><p>x</p></body></html>";
  CHECK_EQ(cr_ingest_sniff("page", page, strlen(page)), CROSSREAD_IN_HTML);
  const char *j = "{\"text\":\"x\"}\n";
  CHECK_EQ(cr_ingest_sniff("stdin", j, strlen(j)), CROSSREAD_IN_JSONL);
  const char *t = "Plain words here.";
  CHECK_EQ(cr_ingest_sniff("notes.txt", t, strlen(t)), CROSSREAD_IN_TEXT);
}

static void jsonl_lines(void) {
  crossread_engine *e = crossread_engine_new(0);
  crossread_set_error_callback(e, on_err, NULL);
  nerr = 0;
  const char *in =
      "{\"text\":\"The first article has enough words to count.\"}\n"
      "{\"text\": 5}\n"
      "\n"
      "{\"html\":\"<p>The second article is HTML.</p>\",\"url\":\"https://x.example/2\"}\n";
  crossread_error err;
  CHECK_EQ(crossread_feed(e, "mem.jsonl", in, strlen(in), CROSSREAD_IN_AUTO, &err),
           CROSSREAD_OK);
  CHECK_EQ(crossread_article_count(e), 2);
  CHECK_EQ(nerr, 1);
  CHECK_STR(last_src, "mem.jsonl:2");
  CHECK_EQ(crossread_rejected_count(e), 1);
  crossread_engine_free(e);
}

static void headline_only(void) {
  crossread_engine *e = crossread_engine_new(0);
  crossread_set_error_callback(e, on_err, NULL);
  nerr = 0;
  const char *in =
      "{\"title\":\"Storm closes the coast road for a week\",\"text\":\"\"}\n"
      "{\"title\":\"x\",\"text\":\"Singer Ana Vell dies at 91\"}\n"
      "{\"text\":\"   \"}\n";
  crossread_error err;
  CHECK_EQ(crossread_feed(e, "h.jsonl", in, strlen(in), CROSSREAD_IN_JSONL, &err),
           CROSSREAD_OK);
  CHECK_EQ(crossread_article_count(e), 2); /* a headline is an article of one line */
  CHECK_EQ(nerr, 1);                       /* white space only is not */
  char *out = NULL;
  CHECK_EQ(crossread_render(e, CROSSREAD_FORMAT_JSON, &out, NULL, &err), CROSSREAD_OK);
  CHECK(out && strstr(out, "\"text\": \"Singer Ana Vell dies at 91\""));
  CHECK(out && strstr(out, "\"text\": \"Storm closes the coast road for a week\""));
  crossread_free(out);
  crossread_engine_free(e);
}

static void atom_feed(void) {
  crossread_engine *e = crossread_engine_new(0);
  crossread_set_error_callback(e, on_err, NULL);
  nerr = 0;
  const char *in =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Hill Gazette</title>"
      "<entry><title>Snow closes pass</title>"
      "<link rel=\"alternate\" href=\"https://gazette.example/snow\"/>"
      "<published>2026-01-05T08:00:00Z</published><author><name>R. Vale</name></author>"
      "<content type=\"html\">&lt;p&gt;Heavy snow closed the mountain pass on Monday, "
      "stranding 40 trucks.&lt;/p&gt;</content></entry>"
      "<entry><title>Empty</title></entry>"
      "</feed>";
  crossread_error err;
  CHECK_EQ(crossread_feed(e, "g.atom", in, strlen(in), CROSSREAD_IN_AUTO, &err),
           CROSSREAD_OK);
  CHECK_EQ(crossread_article_count(e), 1);
  CHECK_EQ(nerr, 1); /* the empty entry */
  char *out = NULL;
  CHECK_EQ(crossread_render(e, CROSSREAD_FORMAT_JSON, &out, NULL, &err), CROSSREAD_OK);
  CHECK(out && strstr(out, "\"outlet\": \"Hill Gazette\""));
  CHECK(out && strstr(out, "\"source\": \"https://gazette.example/snow\""));
  CHECK(out && strstr(out, "stranding 40 trucks"));
  crossread_free(out);
  crossread_engine_free(e);
}

static void utf16_input(void) {
  crossread_engine *e = crossread_engine_new(0);
  /* "Tide high." in UTF-16LE with a BOM */
  const char in[] = "\xFF\xFET\0i\0d\0e\0 \0h\0i\0g\0h\0.\0";
  crossread_error err;
  CHECK_EQ(crossread_feed(e, "u16.txt", in, sizeof in - 1, CROSSREAD_IN_AUTO, &err),
           CROSSREAD_OK);
  CHECK_EQ(crossread_article_count(e), 1);
  crossread_engine_free(e);
}

static void usage_errors(void) {
  crossread_error err;
  CHECK_EQ(crossread_feed(NULL, "x", "a", 1, CROSSREAD_IN_AUTO, &err), CROSSREAD_ERR_USAGE);
  CHECK_EQ(crossread_feed_path(NULL, "x", CROSSREAD_IN_AUTO, NULL), CROSSREAD_ERR_USAGE);
  crossread_engine *e = crossread_engine_new(0);
  CHECK_EQ(crossread_set_summary_words(e, 0), CROSSREAD_ERR_USAGE);
  CHECK_EQ(crossread_set_max_input(e, 0), CROSSREAD_ERR_USAGE);
  CHECK_EQ(crossread_feed(e, "x", NULL, 3, CROSSREAD_IN_AUTO, &err), CROSSREAD_ERR_USAGE);
  char *out;
  CHECK_EQ(crossread_render(e, (crossread_format)99, &out, NULL, &err), CROSSREAD_ERR_USAGE);
  CHECK(strlen(crossread_strerror(CROSSREAD_ERR_TOOBIG)) > 0);
  CHECK(strlen(crossread_strerror((crossread_status)1234)) > 0);
  crossread_engine_free(e);
  crossread_engine_free(NULL);
  crossread_free(NULL);
}

int main(void) {
  RUN(sniff);
  RUN(jsonl_lines);
  RUN(headline_only);
  RUN(atom_feed);
  RUN(utf16_input);
  RUN(usage_errors);
  return DONE();
}
