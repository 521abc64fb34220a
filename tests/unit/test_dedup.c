/* test_dedup.c -- the dedup stage (lib/dedup) on hand-made articles: copies,
 * cut copies with other furniture, a passage inside another article, a
 * paraphrase with the same quotes and figures, independent reports of one
 * event, boilerplate shared by unrelated articles, the time window, and the
 * memory an article costs in the index. All texts are written for this
 * test (a fictional event). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dedup/dedup.h"
#include "harness.h"
#include "normalize/normalize.h"

static cr_normalizer *nz;

typedef struct tdoc {
  cr_arena *a;
  cr_norm norm;
} tdoc;

static void tdoc_make(tdoc *t, const char *text) {
  t->a = cr_arena_new(64 * 1024, 0);
  memset(&t->norm, 0, sizeof t->norm);
  CHECK(cr_normalize_run(nz, text, strlen(text), t->a, &t->norm) ==
        CROSSREAD_OK);
}

static void tdoc_free(tdoc *t) { cr_arena_free(t->a); }

/* Push text as document idx; returns the number of edges found online. */
static size_t push(cr_dedup *d, uint32_t idx, tdoc *t, const char *text,
                   int64_t when) {
  tdoc_make(t, text);
  cr_dedup_meta meta = {when, NULL, NULL};
  cr_dedup_out out;
  CHECK_EQ(cr_dedup_push(d, idx, &t->norm, &meta, &out), 0);
  return out.n;
}

/* The live edge between a and b, or NULL. */
static const cr_dedup_edge *edge(cr_dedup *d, uint32_t a, uint32_t b) {
  size_t n;
  const cr_dedup_edge *e = cr_dedup_edges(d, &n);
  for (size_t i = 0; i < n; i++)
    if (!e[i].removed && e[i].relation &&
        ((e[i].older == a && e[i].newer == b) ||
         (e[i].older == b && e[i].newer == a)))
      return &e[i];
  return NULL;
}

static size_t live_edges(cr_dedup *d) {
  size_t n, k = 0;
  const cr_dedup_edge *e = cr_dedup_edges(d, &n);
  for (size_t i = 0; i < n; i++)
    k += !e[i].removed && e[i].relation;
  return k;
}

/* ---- the fictional event ---------------------------------------------------*/

#define S1 "A footbridge over the Varna river in the town of Keldmoor collapsed on Tuesday evening, injuring 14 people who were crossing it during a lantern festival."
#define S2 "Emergency crews pulled 9 of the injured from the shallow water within an hour, according to the regional fire service."
#define S3 "\"The structure gave way in the middle, and people simply dropped into the river,\" said Tomas Erlund, a shop owner who saw the collapse from the bank."
#define S4 "The bridge, built of timber and steel cables in 1987, had been inspected in March and declared safe for crowds of up to 300 people."
#define S5 "Mayor Ilse Brandvold ordered every pedestrian bridge in the district closed until engineers finish a full survey of their cables."
#define S6 "\"We owe the families a complete and honest answer about what went wrong on that bridge,\" Brandvold told reporters at the town hall."
#define S7 "Officials estimated the cost of a replacement crossing at 3.2 million crowns, a sum the town council says it cannot raise alone."
#define S8 "The festival, which draws visitors from across the coast every autumn, was cancelled for the remaining two nights."
#define S9 "Police have opened an inquiry into the maintenance records of the contractor that repaired the cables last year."
#define S10 "\"Nobody should have to wonder whether a bridge will hold them,\" said Marit Olsen, whose daughter was among those treated at the county hospital."

static const char *wire =
    "Footbridge collapse injures 14 at Keldmoor lantern festival\n\n" S1
    " " S2 "\n\n" S3 "\n\n" S4 " " S5 "\n\n" S6 "\n\n" S7 " " S8 "\n\n" S9
    "\n\n" S10;

/* the same body, another headline, an outlet's furniture, cut after S7 */
static const char *syndicated =
    "KELDMOOR BRIDGE COLLAPSE INJURES 14 | The Coastal Ledger\n\n"
    "Listen to this article\n4 min read\n\n" S1 " " S2 "\n\n" S3 "\n\n" S4
    " " S5 "\n\n" S6 "\n\n" S7 "\n\n"
    "Copyright 2026 The Coastal Ledger. All rights reserved.\n"
    "Distributed by Northern Wire Agency.";

/* an article of its own about cable bridges that quotes two sentences */
static const char *feature =
    "Cable bridges across the region face new scrutiny\n\n"
    "Engineers have warned for a decade that the suspension footbridges built "
    "in the late twentieth century were designed for lighter loads than the "
    "crowds they now carry.\n\n"
    "A survey published by the national roads agency last spring found rust "
    "on the anchor points of eleven crossings, most of them in small coastal "
    "towns with tight budgets.\n\n" S4 " " S5 "\n\n"
    "The agency says that inspections every five years are enough when the "
    "cables are coated, but several councils have asked for yearly checks "
    "after storms damaged two crossings in the north.\n\n"
    "Repairing the older bridges would take most of the regional transport "
    "fund for a generation, according to budget papers seen by this "
    "newspaper.";

/* a paraphrase: the same quotes and figures, in the same order, new words */
static const char *rewrite =
    "Fourteen hurt as Keldmoor festival footbridge gives way\n\n"
    "Fourteen festival-goers were hurt when a pedestrian bridge spanning the "
    "Varna in Keldmoor broke apart on Tuesday night, 14 of them needing "
    "treatment.\n\n"
    "Firefighters rescued 9 people from the river inside sixty minutes, the "
    "regional service reported.\n\n"
    "Witness Tomas Erlund, who runs a shop by the water, described the "
    "moment: \"The structure gave way in the middle, and people simply "
    "dropped into the river.\"\n\n"
    "Checked this spring, the timber-and-cable crossing had been cleared for "
    "up to 300 people at a time.\n\n"
    "Speaking at the town hall, Brandvold said: \"We owe the families a "
    "complete and honest answer about what went wrong on that bridge.\"\n\n"
    "A new crossing would cost about 3.2 million crowns, officials said.\n\n"
    "Marit Olsen, whose daughter was taken to hospital, added: \"Nobody "
    "should have to wonder whether a bridge will hold them.\"";

/* independent reporting of the same event: own words, one shared figure
 * and one shared quotation (every outlet quotes the mayor) */
static const char *independent =
    "Keldmoor residents demand answers after bridge failure\n\n"
    "Residents of Keldmoor gathered outside the town hall on Wednesday "
    "morning, a day after the lantern festival footbridge fell into the "
    "Varna river.\n\n"
    "The 14 people hurt in the fall included two who were seriously injured, "
    "hospital staff said.\n\n"
    "\"We owe the families a complete and honest answer about what went "
    "wrong on that bridge,\" the mayor said in a brief statement.\n\n"
    "Several residents said they had complained about loose planks on the "
    "crossing for months without any reply from the council.\n\n"
    "\"I walked my children over it every morning,\" said Petra Lind, a "
    "teacher at the nearby school. \"Now I cannot stop thinking about it.\"\n\n"
    "The council has promised a public meeting next week, where engineers "
    "from the capital are expected to present their first findings.";

static void test_copy(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  tdoc a, b;
  push(d, 0, &a, wire, -1);
  CHECK_EQ(push(d, 1, &b, wire, -1), 1);
  const cr_dedup_edge *e = edge(d, 0, 1);
  CHECK(e != NULL);
  if (e) {
    CHECK_EQ(e->relation, CR_DEDUP_COPY);
    CHECK(e->score > 0.99f);
  }
  CHECK_EQ(cr_dedup_origin(d, 1), 0);
  uint32_t docs[2] = {0, 1};
  CHECK_EQ(cr_dedup_count_origins(d, docs, 2), 1);
  tdoc_free(&a);
  tdoc_free(&b);
  cr_dedup_free(d);
}

static void test_syndicated_cut_copy(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  tdoc a, b;
  /* the copy arrives first: direction must come from the texts */
  push(d, 0, &b, syndicated, -1);
  push(d, 1, &a, wire, -1);
  CHECK(cr_dedup_flush(d) == 0);
  const cr_dedup_edge *e = edge(d, 0, 1);
  CHECK(e != NULL);
  if (e) {
    /* a cut copy: part of the source, but all of the copy is the source's */
    CHECK_EQ(e->relation, CR_DEDUP_PARTIAL);
    CHECK_EQ(e->same_origin, 1);
    CHECK_EQ(e->source, 1); /* the complete wire text */
    CHECK(e->nspans >= 1);
    CHECK(e->cont_older > 0.7f); /* most of the copy is the wire's */
  }
  CHECK_EQ(cr_dedup_origin(d, 0), cr_dedup_origin(d, 1));
  tdoc_free(&a);
  tdoc_free(&b);
  cr_dedup_free(d);
}

static void test_syndicated_full_copy(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  tdoc a, b;
  char *full = malloc(strlen(wire) + 512);
  if (!full)
    return;
  /* the whole wire body under another headline, with furniture and credit */
  snprintf(full, strlen(wire) + 512,
           "Keldmoor bridge collapse: 14 hurt | The Coastal Ledger\n\n"
           "Listen to this article\n\n%s\n\n"
           "Copyright 2026 The Coastal Ledger. All rights reserved.",
           strchr(wire, '\n') + 2);
  push(d, 0, &a, wire, -1);
  push(d, 1, &b, full, -1);
  cr_dedup_flush(d);
  const cr_dedup_edge *e = edge(d, 0, 1);
  CHECK(e != NULL);
  if (e) {
    CHECK_EQ(e->relation, CR_DEDUP_SYNDICATION);
    CHECK_EQ(e->source, 0); /* the copy added the furniture */
  }
  CHECK_EQ(cr_dedup_origin(d, 1), 0);
  free(full);
  tdoc_free(&a);
  tdoc_free(&b);
  cr_dedup_free(d);
}

static void test_passage(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  tdoc a, b;
  push(d, 0, &a, wire, 1000);
  push(d, 1, &b, feature, 5000);
  cr_dedup_flush(d);
  const cr_dedup_edge *e = edge(d, 0, 1);
  CHECK(e != NULL);
  if (e) {
    CHECK_EQ(e->relation, CR_DEDUP_PARTIAL);
    CHECK_EQ(e->source, 0);
    CHECK_EQ(e->direction_by, 1); /* by publication time */
    /* the evidence is the quoted passage, in the newer text */
    CHECK(e->nspans >= 1);
    if (e->nspans) {
      const char *ev = b.norm.text + e->spans[0].off;
      CHECK(e->spans[0].len > 40 && strncmp(ev, "The bridge, built", 17) == 0);
    }
  }
  /* a passage does not make the feature a copy of the wire */
  CHECK(cr_dedup_origin(d, 1) != cr_dedup_origin(d, 0));
  tdoc_free(&a);
  tdoc_free(&b);
  cr_dedup_free(d);
}

static void test_rewrite_and_independent(void) {
  cr_dedup_opts xo = {0};
  xo.explain = getenv("DEDUP_EXPLAIN") != NULL;
  cr_dedup *d = cr_dedup_new(&xo);
  tdoc a, b, c;
  push(d, 0, &a, wire, 1000);
  push(d, 1, &b, rewrite, 2000);
  push(d, 2, &c, independent, 3000);
  cr_dedup_flush(d);
  if (xo.explain) {
    size_t n;
    const cr_dedup_edge *x = cr_dedup_edges(d, &n);
    for (size_t i = 0; i < n; i++)
      printf("%u-%u rel %d q %u n %u sub %u\n", x[i].older, x[i].newer,
             x[i].relation, x[i].f.quotes, x[i].f.numbers, x[i].f.sub);
  }
  const cr_dedup_edge *e = edge(d, 0, 1);
  CHECK(e != NULL);
  if (e) {
    CHECK_EQ(e->relation, CR_DEDUP_REWRITE);
    CHECK_EQ(e->source, 0);
    CHECK(e->f.quotes >= 3);
    CHECK(e->f.numbers >= 2);
  }
  CHECK(edge(d, 0, 2) == NULL);
  CHECK(edge(d, 1, 2) == NULL);
  uint32_t docs[3] = {0, 1, 2};
  CHECK_EQ(cr_dedup_count_origins(d, docs, 3), 2);
  tdoc_free(&a);
  tdoc_free(&b);
  tdoc_free(&c);
  cr_dedup_free(d);
}

/* ---- synthetic articles -------------------------------------------------------*/

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 32);
}

/* An article of made-up words: n sentences of 8..20 words. */
static void synth(cr_buf *b, int n) {
  static const char *syl[] = {"ka", "lo", "mer", "dan", "ti", "vos", "ra",
                              "bel", "su", "gon", "fi", "tar", "ne", "ul"};
  for (int s = 0; s < n; s++) {
    int w = 8 + (int)(next_rand() % 13);
    for (int i = 0; i < w; i++) {
      int k = 2 + (int)(next_rand() % 3);
      for (int j = 0; j < k; j++) {
        const char *x = syl[next_rand() % (sizeof syl / sizeof *syl)];
        if (i == 0 && j == 0) {
          char up[8];
          snprintf(up, sizeof up, "%s", x);
          up[0] = (char)(up[0] - 'a' + 'A');
          cr_buf_puts(b, up);
        } else {
          cr_buf_puts(b, x);
        }
      }
      cr_buf_puts(b, i + 1 < w ? " " : ". ");
    }
    if (s % 3 == 2)
      cr_buf_puts(b, "\n\n");
  }
}

static void test_boilerplate_only(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  enum { N = 10 };
  tdoc t[N];
  cr_buf b;
  cr_buf_init(&b, 0);
  for (int i = 0; i < N; i++) {
    cr_buf_reset(&b);
    synth(&b, 12);
    cr_buf_puts(&b, "\n\nCopyright 2026 The Example Herald. All rights "
                    "reserved.\nSign up for our morning briefing to get the "
                    "day's news.\nFollow the Example Herald on social media "
                    "for regular updates.\n");
    cr_buf_putc(&b, '\0');
    push(d, (uint32_t)i, &t[i], b.data, -1);
  }
  cr_dedup_flush(d);
  CHECK_EQ(live_edges(d), 0);
  uint32_t docs[N];
  for (int i = 0; i < N; i++)
    docs[i] = (uint32_t)i;
  CHECK_EQ(cr_dedup_count_origins(d, docs, N), N);
  for (int i = 0; i < N; i++)
    tdoc_free(&t[i]);
  cr_buf_clear(&b);
  cr_dedup_free(d);
}

static void test_window(void) {
  cr_dedup_opts o = {0};
  o.window_seconds = 3600;
  cr_dedup *d = cr_dedup_new(&o);
  tdoc a, b, c, e;
  push(d, 0, &a, wire, 1000);
  push(d, 1, &b, feature, 2000);
  size_t n;
  cr_dedup_index_bytes(d, &n);
  CHECK_EQ(n, 2);
  /* a day later the wire has left the window: its copy finds nothing */
  push(d, 2, &c, independent, 1000 + 86400);
  cr_dedup_index_bytes(d, &n);
  CHECK_EQ(n, 1);
  CHECK_EQ(push(d, 3, &e, wire, 1000 + 86400 + 60), 0);
  /* within the window a copy is found */
  tdoc f;
  CHECK_EQ(push(d, 4, &f, wire, 1000 + 86400 + 120), 1);
  CHECK(edge(d, 3, 4) != NULL);
  tdoc_free(&a);
  tdoc_free(&b);
  tdoc_free(&c);
  tdoc_free(&e);
  tdoc_free(&f);
  cr_dedup_free(d);
}

static void test_memory_per_article(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  enum { N = 400 };
  cr_buf b;
  cr_buf_init(&b, 0);
  for (int i = 0; i < N; i++) {
    cr_buf_reset(&b);
    synth(&b, 15 + (int)(next_rand() % 20)); /* 150..700 words */
    cr_buf_putc(&b, '\0');
    tdoc t;
    push(d, (uint32_t)i, &t, b.data, -1);
    tdoc_free(&t);
  }
  size_t n;
  size_t bytes = cr_dedup_index_bytes(d, &n);
  CHECK_EQ(n, N);
  printf("index: %zu bytes for %zu articles, %.0f bytes each\n", bytes, n,
         (double)bytes / (double)n);
  CHECK(bytes <= 1024 * n);
  CHECK_EQ(live_edges(d), 0);
  cr_buf_clear(&b);
  cr_dedup_free(d);
}

static void test_empty_and_tiny(void) {
  cr_dedup *d = cr_dedup_new(NULL);
  tdoc a, b, c;
  CHECK_EQ(push(d, 0, &a, "...", -1), 0);
  CHECK_EQ(push(d, 1, &b, "Yes.", -1), 0);
  CHECK_EQ(push(d, 2, &c, "Yes.", -1), 1); /* the same words: a copy */
  CHECK_EQ(cr_dedup_origin(d, 7), 7);     /* unknown documents: themselves */
  tdoc_free(&a);
  tdoc_free(&b);
  tdoc_free(&c);
  cr_dedup_free(d);
  cr_dedup_free(NULL);
}

int main(void) {
  nz = cr_normalizer_new();
  if (!nz)
    return 1;
  RUN(test_copy);
  RUN(test_syndicated_cut_copy);
  RUN(test_syndicated_full_copy);
  RUN(test_passage);
  RUN(test_rewrite_and_independent);
  RUN(test_boilerplate_only);
  RUN(test_window);
  RUN(test_memory_per_article);
  RUN(test_empty_and_tiny);
  cr_normalizer_free(nz);
  return DONE();
}
