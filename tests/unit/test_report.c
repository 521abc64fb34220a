/* test_report.c -- the renderers on a hand-made digest model: the JSON has the
 * contract's keys and values, article content is escaped in HTML, the text
 * digest wraps at 78 columns and shows every part. */
#include <jansson.h>

#include "harness.h"
#include "report/report.h"

static cr_doc docs[3];
static cr_doc *dp[3] = {&docs[0], &docs[1], &docs[2]};
static uint32_t all[3] = {0, 1, 2}, d01[2] = {0, 1}, d2[1] = {2};
static const char *variants[] = {"Ana Petrova", "Anna Petrova"};
static const char *claim_ids[] = {"c2", "c3"};
static cr_sevidence ev[1] = {{0, "The mayor said 40 people were evacuated."}};

static void setup(cr_story *s) {
  memset(docs, 0, sizeof docs);
  const char *titles[] = {"Flood <script>alert(1)</script> in Oskar", "Floods hit Oskar",
                          "River bursts banks"};
  const char *outlets[] = {"Wire & Co", "Daily \"Post\"", "Radio North"};
  for (int i = 0; i < 3; i++) {
    snprintf(docs[i].id, sizeof docs[i].id, "a%d", i + 1);
    docs[i].source = titles[i];
    docs[i].ex.title = titles[i];
    docs[i].ex.outlet = outlets[i];
    docs[i].ex.published = i == 2 ? "2026-04-03T09:00:00Z" : "2026-04-02T08:00:00Z";
    docs[i].norm.text = "The mayor said 40 people were evacuated.";
    docs[i].norm.words = 7;
    docs[i].story = 0;
    docs[i].origin = i == 1 ? 0 : i;
  }
  static cr_sedge edge = {0, "syndication", 0.97, NULL};
  docs[1].derived = &edge;
  docs[1].nderived = 1;
  memset(s, 0, sizeof *s);
  snprintf(s->id, sizeof s->id, "s1");
  s->title = "Flood in <Oskar>";
  s->docs = all;
  s->ndocs = 3;
  s->independent_origins = 2;
  s->first_published = "2026-04-02T08:00:00Z";
  s->last_published = "2026-04-03T09:00:00Z";
  static cr_sentity ent;
  snprintf(ent.id, sizeof ent.id, "e1");
  ent.kind = CR_ENT_PERSON;
  ent.name = "Ana Petrova";
  ent.variants = variants;
  ent.nvariants = 2;
  ent.docs = (cr_idlist){all, 3};
  ent.mentions = 5;
  s->entities = &ent;
  s->nentities = 1;
  static cr_sclaim cl[3];
  memset(cl, 0, sizeof cl);
  snprintf(cl[0].id, 16, "c1");
  cl[0].kind = "quantity";
  cl[0].text = "40 people evacuated";
  cl[0].has_value = 1;
  cl[0].number = 40;
  cl[0].unit = "people";
  cl[0].value_text = "40 people";
  cl[0].docs = (cr_idlist){all, 3};
  cl[0].origins = 2;
  cl[0].status = CR_CLAIM_CORROBORATED;
  cl[0].evidence = ev;
  cl[0].nevidence = 1;
  snprintf(cl[1].id, 16, "c2");
  cl[1].kind = "quantity";
  cl[1].text = "water level 4.5 metres";
  cl[1].has_value = 1;
  cl[1].number = 4.5;
  cl[1].value_text = "4.5 metres";
  cl[1].docs = (cr_idlist){d01, 2};
  cl[1].origins = 1;
  cl[1].status = CR_CLAIM_DISPUTED;
  cl[2] = cl[1];
  snprintf(cl[2].id, 16, "c3");
  cl[2].number = 5;
  cl[2].value_text = "5 metres";
  cl[2].docs = (cr_idlist){d2, 1};
  s->claims = cl;
  s->nclaims = 3;
  static cr_svalue vals[2];
  vals[0] = (cr_svalue){"4.5 metres", {d01, 2}, 1};
  vals[1] = (cr_svalue){"5 metres", {d2, 1}, 1};
  static cr_sconflict cf;
  snprintf(cf.id, 16, "x1");
  cf.about = "water level of the river";
  cf.claims = claim_ids;
  cf.nclaims = 2;
  cf.values = vals;
  cf.nvalues = 2;
  s->conflicts = &cf;
  s->nconflicts = 1;
  static cr_squote q;
  snprintf(q.id, 16, "q1");
  q.speaker_entity = "e1";
  q.speaker_name = "Ana Petrova";
  q.text = "We moved everyone <before> dark & nobody was hurt";
  q.docs = (cr_idlist){d01, 2};
  s->quotes = &q;
  s->nquotes = 1;
  static cr_sevent tl;
  tl = (cr_sevent){"2026-04-01", "The river burst its banks.", {all, 3}};
  s->timeline = &tl;
  s->ntimeline = 1;
  static cr_ssentence sum[1];
  sum[0] = (cr_ssentence){"The mayor said 40 people were evacuated after the river burst its banks on "
                          "Wednesday night, and that the water level was still rising slowly.",
                          {all, 3}};
  s->summary = sum;
  s->nsummary = 1;
}

static cr_digest digest(const cr_story *s) {
  cr_digest d;
  memset(&d, 0, sizeof d);
  d.docs = dp;
  d.ndocs = 3;
  d.stories = s;
  d.nstories = 1;
  d.generated = "2026-04-04";
  return d;
}

static void json_contract(void) {
  cr_story s;
  setup(&s);
  cr_digest d = digest(&s);
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_report_digest(&d, CROSSREAD_FORMAT_JSON, &b), CROSSREAD_OK);
  json_error_t je;
  json_t *root = json_loads(b.data, 0, &je);
  CHECK(root != NULL);
  CHECK_EQ(json_integer_value(json_object_get(root, "crossread")), 1);
  json_t *a2 = json_array_get(json_object_get(root, "articles"), 1);
  CHECK_STR(json_string_value(json_object_get(a2, "origin")), "o1");
  json_t *der = json_array_get(json_object_get(a2, "derived_from"), 0);
  CHECK_STR(json_string_value(json_object_get(der, "article")), "a1");
  CHECK_STR(json_string_value(json_object_get(der, "relation")), "syndication");
  json_t *st = json_array_get(json_object_get(root, "stories"), 0);
  static const char *keys[] = {"id", "title", "articles", "independent_origins", "entities",
                               "claims", "conflicts", "quotes", "timeline", "summary"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    CHECK(json_object_get(st, keys[i]) != NULL);
  json_t *c1 = json_array_get(json_object_get(st, "claims"), 0);
  CHECK_STR(json_string_value(json_object_get(c1, "status")), "corroborated");
  CHECK_EQ(json_integer_value(json_object_get(json_object_get(c1, "value"), "number")), 40);
  json_t *c2 = json_array_get(json_object_get(st, "claims"), 1);
  CHECK(json_is_real(json_object_get(json_object_get(c2, "value"), "number")));
  json_t *x1 = json_array_get(json_object_get(st, "conflicts"), 0);
  CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(x1, "values"), 1),
                                              "value")),
            "5 metres");
  json_t *e1 = json_array_get(json_object_get(st, "entities"), 0);
  CHECK_STR(json_string_value(json_object_get(e1, "kind")), "person");
  CHECK_EQ(json_array_size(json_object_get(e1, "variants")), 2);
  json_t *s1 = json_array_get(json_object_get(st, "summary"), 0);
  CHECK_EQ(json_array_size(json_object_get(s1, "cites")), 3);
  json_decref(root);
  cr_buf_clear(&b);
}

static void html_escaped(void) {
  cr_story s;
  setup(&s);
  cr_digest d = digest(&s);
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_report_digest(&d, CROSSREAD_FORMAT_HTML, &b), CROSSREAD_OK);
  CHECK(strstr(b.data, "<script>") == NULL);
  CHECK(strstr(b.data, "&lt;script&gt;") != NULL);
  CHECK(strstr(b.data, "Flood in &lt;Oskar&gt;") != NULL);
  CHECK(strstr(b.data, "&lt;before&gt; dark &amp; nobody") != NULL);
  CHECK(strstr(b.data, "Daily &quot;Post&quot;") != NULL);
  CHECK(strstr(b.data, "class=\"disputed\"") != NULL);
  CHECK(strstr(b.data, "http://") == NULL && strstr(b.data, "https://") == NULL);
  CHECK(strstr(b.data, "<link") == NULL && strstr(b.data, "src=") == NULL);
  cr_buf_clear(&b);
}

static void text_digest(void) {
  cr_story s;
  setup(&s);
  cr_digest d = digest(&s);
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_report_digest(&d, CROSSREAD_FORMAT_TEXT, &b), CROSSREAD_OK);
  const char *t = b.data;
  CHECK(strstr(t, "crossread digest of 2026-04-04") != NULL);
  CHECK(strstr(t, "2 Apr 2026 - 3 Apr 2026") != NULL);
  CHECK(strstr(t, "Summary:") != NULL);
  CHECK(strstr(t, "Disputed:") != NULL);
  CHECK(strstr(t, "water level of the river: 4.5 metres [a1, a2] vs 5 metres [a3]") != NULL);
  CHECK(strstr(t, "Ana Petrova: \"We moved everyone") != NULL);
  CHECK(strstr(t, "syndication of a1") != NULL);
  /* no line longer than 78 columns (all ASCII here) */
  size_t longest = 0, cur = 0;
  for (const char *p = t; *p; p++) {
    if (*p == '\n') {
      longest = cur > longest ? cur : longest;
      cur = 0;
    } else {
      cur++;
    }
  }
  CHECK(longest <= 78);
  cr_buf_reset(&b);
  CHECK_EQ(cr_report_digest(&d, CROSSREAD_FORMAT_MARKDOWN, &b), CROSSREAD_OK);
  CHECK(strstr(b.data, "## Flood in \\<Oskar\\>") != NULL);
  CHECK(strstr(b.data, "Flood \\<script\\>") != NULL);
  CHECK(strstr(b.data, "### Summary") != NULL);
  cr_buf_clear(&b);
}

int main(void) {
  RUN(json_contract);
  RUN(html_escaped);
  RUN(text_digest);
  return DONE();
}
