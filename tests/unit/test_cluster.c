/* test_cluster.c -- the story clustering stage on hand-made articles: two
 * events of one kind stay apart, a rewrite joins, the merge step, the sweep
 * of lone articles, titles, the time window, copies from the dedup stage,
 * retirement, and that the candidate index bounds the work per article. */
#include <stdint.h>
#include <string.h>

#include "cluster/cluster.h"
#include "core/arena.h"
#include "harness.h"
#include "normalize/normalize.h"

static cr_normalizer *nz;
static cr_arena *arena;

static cr_norm norm_of(const char *text) {
  cr_norm n;
  memset(&n, 0, sizeof n);
  if (cr_normalize_run(nz, text, strlen(text), arena, &n) != CROSSREAD_OK)
    memset(&n, 0, sizeof n);
  return n;
}

static int64_t push(cr_cluster *c, uint32_t doc, const char *title,
                    const char *text, int64_t published, int64_t origin) {
  cr_norm body = norm_of(text);
  cr_norm head = norm_of(title ? title : "");
  cr_cluster_meta m = {title, title ? &head : NULL, published, NULL, 0, origin};
  return cr_cluster_push(c, doc, &body, &m);
}

/* Two earthquakes: the same kind of story, other place, people, numbers. */
static const char *quake_a[][2] = {
    {"Strong earthquake kills 12 in Norvik province",
     "A magnitude 6.1 earthquake struck Norvik province on Tuesday, killing 12 "
     "people and injuring 140, the governor Anselm Rudd said. The quake hit at "
     "dawn near the town of Halberg, collapsing houses and a school. Rescue "
     "teams searched the rubble in Halberg through the night. Rudd said 300 "
     "homes were destroyed."},
    {"Halberg digs out after deadly quake",
     "Rescuers in Halberg pulled survivors from collapsed houses on Wednesday "
     "after the magnitude 6.1 earthquake that killed 12 people in Norvik "
     "province. Governor Anselm Rudd said 140 people were injured and 300 "
     "homes destroyed. Aftershocks shook Halberg through the night."},
    {"Norvik quake death toll stays at 12",
     "The death toll from Tuesday's earthquake in Norvik province remained at "
     "12, governor Anselm Rudd said, as aid reached Halberg. The magnitude 6.1 "
     "quake destroyed 300 homes. Schools in Halberg will stay closed this "
     "week, Rudd said."},
};
static const char *quake_b[][2] = {
    {"Earthquake injures 3 on Castellane island",
     "A magnitude 5.2 earthquake shook Castellane island on Sunday, injuring "
     "three people and cracking walls in the port of Sainte-Orla, mayor "
     "Beatrix Coll said. The quake struck offshore. Fishermen in Sainte-Orla "
     "reported a small wave. Coll said 20 buildings were damaged."},
    {"Castellane counts damage after moderate quake",
     "Engineers inspected 20 damaged buildings in Sainte-Orla on Monday after "
     "the magnitude 5.2 earthquake on Castellane island. Mayor Beatrix Coll "
     "said three people were injured, none seriously. Ferries to Castellane "
     "sailed as usual."},
    {"Sainte-Orla reopens port after quake",
     "The port of Sainte-Orla reopened on Monday after Sunday's magnitude 5.2 "
     "earthquake on Castellane island, mayor Beatrix Coll said. Three people "
     "were hurt and 20 buildings damaged. Coll thanked the fishermen of "
     "Sainte-Orla for their help."},
};

static void same_kind_events_stay_apart(void) {
  cr_cluster *c = cr_cluster_new(NULL);
  CHECK(c != NULL);
  int64_t a[3], b[3];
  for (int i = 0; i < 3; i++) { /* interleaved, as a stream would be */
    a[i] = push(c, (uint32_t)(2 * i), quake_a[i][0], quake_a[i][1], -1, -1);
    b[i] = push(c, (uint32_t)(2 * i + 1), quake_b[i][0], quake_b[i][1], -1, -1);
    CHECK(a[i] >= 0 && b[i] >= 0);
  }
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 2);
  int64_t sa = cr_cluster_story_of(c, 0), sb = cr_cluster_story_of(c, 1);
  CHECK(sa >= 0 && sb >= 0 && sa != sb);
  for (uint32_t i = 0; i < 6; i++)
    CHECK_EQ(cr_cluster_story_of(c, i), i % 2 ? sb : sa);
  size_t n;
  const uint32_t *docs = cr_cluster_story_docs(c, (size_t)sa, &n);
  CHECK_EQ(n, 3);
  CHECK(docs && docs[0] == 0 && docs[1] == 2 && docs[2] == 4); /* push order */
  cr_cluster_free(c);
}

static void rewrite_joins(void) {
  cr_cluster *c = cr_cluster_new(NULL);
  push(c, 0, quake_a[0][0], quake_a[0][1], -1, -1);
  push(c, 1, quake_b[0][0], quake_b[0][1], -1, -1);
  /* the first story told again in other words */
  push(c, 2, "Deadly tremor hits Norvik, governor Rudd says 12 dead",
       "Twelve people died when a 6.1-magnitude tremor hit Norvik province at "
       "dawn on Tuesday, according to governor Anselm Rudd. Houses and a "
       "school collapsed near Halberg, where 140 were hurt. About 300 homes "
       "are gone, Rudd told reporters in Halberg.",
       -1, -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 2);
  CHECK_EQ(cr_cluster_story_of(c, 2), cr_cluster_story_of(c, 0));
  CHECK(cr_cluster_story_of(c, 1) != cr_cluster_story_of(c, 0));
  cr_cluster_free(c);
}

/* Online joins made impossible: every article starts a story, and only the
 * flush's merge step brings each event's articles together. */
static void merge_step(void) {
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  o.bias = -100.0f;       /* nothing joins online */
  o.sweep_bias = -100.0f; /* nor in the sweep */
  cr_cluster *c = cr_cluster_new(&o);
  int64_t ids[6];
  for (int i = 0; i < 3; i++) {
    ids[2 * i] =
        push(c, (uint32_t)(2 * i), quake_a[i][0], quake_a[i][1], -1, -1);
    ids[2 * i + 1] =
        push(c, (uint32_t)(2 * i + 1), quake_b[i][0], quake_b[i][1], -1, -1);
  }
  for (int i = 0; i < 6; i++)
    for (int j = i + 1; j < 6; j++)
      CHECK(ids[i] != ids[j]);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 2);
  for (uint32_t i = 2; i < 6; i++)
    CHECK_EQ(cr_cluster_story_of(c, i), cr_cluster_story_of(c, i % 2));
  CHECK(cr_cluster_story_of(c, 0) != cr_cluster_story_of(c, 1));
  cr_cluster_free(c);

  /* with no merge either, six stories stay */
  o.merge_bias = -100.0f;
  c = cr_cluster_new(&o);
  for (int i = 0; i < 3; i++) {
    push(c, (uint32_t)(2 * i), quake_a[i][0], quake_a[i][1], -1, -1);
    push(c, (uint32_t)(2 * i + 1), quake_b[i][0], quake_b[i][1], -1, -1);
  }
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 6);
  cr_cluster_free(c);
}

/* A lone article with a weak but real fit joins at flush (the sweep): it
 * starts a story of its own online and ends in the event's story. */
static void sweep_takes_lone_article(void) {
  const char *color =
      "Families in Halberg slept outside on Tuesday night, afraid of "
      "aftershocks, wrapped in blankets from the Red Crescent. Governor "
      "Anselm Rudd visited the tents while parents queued for water.";
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  for (int sweep = 1; sweep >= 0; sweep--) {
    if (!sweep) {
      o.sweep_bias = -100.0f;
      o.merge_bias = -100.0f;
    }
    cr_cluster *c = cr_cluster_new(&o);
    int64_t s0 = 0;
    for (int i = 0; i < 3; i++)
      s0 = push(c, (uint32_t)i, quake_a[i][0], quake_a[i][1], -1, -1);
    int64_t s3 = push(c, 3, "Night in the tents", color, -1, -1);
    CHECK(s3 >= 0 && s3 != s0);
    CHECK_EQ(cr_cluster_flush(c), 0);
    CHECK_EQ(cr_cluster_story_count(c), sweep ? 1 : 2);
    cr_cluster_free(c);
  }
}

static void titles_and_order(void) {
  cr_cluster *c = cr_cluster_new(NULL);
  /* a date line as a title is not chosen over a headline */
  push(c, 0, "9 September 2013, 14:08", quake_a[0][1], -1, -1);
  push(c, 1, quake_b[0][0], quake_b[0][1], -1, -1);
  push(c, 2, quake_a[1][0], quake_a[1][1], -1, -1);
  push(c, 3, quake_a[2][0], quake_a[2][1], -1, -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 2);
  size_t n0, n1;
  cr_cluster_story_docs(c, 0, &n0);
  cr_cluster_story_docs(c, 1, &n1);
  CHECK_EQ(n0, 3); /* largest first */
  CHECK_EQ(n1, 1);
  const char *t = cr_cluster_story_title(c, 0);
  CHECK(t && strcmp(t, "9 September 2013, 14:08") != 0);
  int64_t td = cr_cluster_story_title_doc(c, 0);
  CHECK(td == 2 || td == 3);
  CHECK_STR(cr_cluster_story_title(c, 1), quake_b[0][0]);
  CHECK_EQ(cr_cluster_story_title_doc(c, 1), 1);
  CHECK(cr_cluster_story_title(c, 2) == NULL);
  CHECK_EQ(cr_cluster_story_of(c, 99), -1);
  cr_cluster_free(c);
}

/* The same report a month apart is another event: the time window. */
static void time_window(void) {
  cr_cluster *c = cr_cluster_new(NULL);
  int64_t day = 86400, t0 = 1700000000;
  push(c, 0, quake_a[0][0], quake_a[0][1], t0, -1);
  push(c, 1, quake_a[1][0], quake_a[1][1], t0 + day, -1);
  push(c, 2, quake_a[2][0], quake_a[2][1], t0 + 40 * day, -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_count(c), 2);
  CHECK_EQ(cr_cluster_story_of(c, 1), cr_cluster_story_of(c, 0));
  CHECK(cr_cluster_story_of(c, 2) != cr_cluster_story_of(c, 0));
  cr_cluster_free(c);
}

/* A copy (from the dedup stage) joins its source's story whatever it says;
 * pushing a document twice changes nothing; an empty one is its own. */
static void origin_and_odd_inputs(void) {
  cr_cluster *c = cr_cluster_new(NULL);
  push(c, 0, quake_a[0][0], quake_a[0][1], -1, -1);
  push(c, 1, quake_b[0][0], quake_b[0][1], -1, -1);
  int64_t s = push(c, 2, quake_b[1][0], quake_b[1][1], -1, 0);
  CHECK_EQ(s, push(c, 0, quake_a[0][0], quake_a[0][1], -1, -1));
  CHECK_EQ(push(c, 2, "x", "y", -1, -1), s); /* pushed again: same answer */
  int64_t e = push(c, 3, NULL, "", -1, -1);
  CHECK(e >= 0);
  CHECK_EQ(cr_cluster_push(c, 4, NULL, NULL), -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_of(c, 2), cr_cluster_story_of(c, 0));
  CHECK(cr_cluster_story_of(c, 3) >= 0);
  CHECK_EQ(cr_cluster_story_of(c, 4), -1);
  CHECK_EQ(cr_cluster_docs(c), 4);
  CHECK(cr_cluster_bytes(c) > 0);
  /* flush again after more input */
  push(c, 5, quake_a[1][0], quake_a[1][1], -1, -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK_EQ(cr_cluster_story_of(c, 5), cr_cluster_story_of(c, 0));
  cr_cluster_free(c);
  cr_cluster_free(NULL);
}

/* Deterministic filler: documents of random words from a large vocabulary,
 * each its own topic, to fill the index with stories. */
static char *filler(uint32_t seed, char *buf, size_t cap) {
  static const char *syl[] = {"ka", "lo", "mi",  "ren", "tas", "vo",  "dun",
                              "pe", "ri", "sol", "ba",  "nek", "quo", "zi"};
  uint32_t x = seed * 2654435761u + 1;
  size_t o = 0;
  for (int w = 0; w < 60 && o + 16 < cap; w++) {
    int ns = 2 + (int)((x >> 7) % 3);
    for (int k = 0; k < ns; k++) {
      x = x * 1103515245u + 12345u;
      const char *s = syl[(x >> 16) % 14];
      size_t l = strlen(s);
      memcpy(buf + o, s, l);
      o += l;
    }
    buf[o++] = w % 12 == 11 ? '.' : ' ';
    if (w % 12 == 11)
      buf[o++] = ' ';
  }
  buf[o] = '\0';
  return buf;
}

static unsigned scored;
static void count_scored(void *ud, uint32_t doc, uint32_t story,
                         const float f[3], float score) {
  (void)ud, (void)doc, (void)story, (void)f, (void)score;
  scored++;
}

/* However many stories exist, an article is scored against at most
 * `candidates` of them: the candidate index, not a scan. */
static void candidate_index_bounds_work(void) {
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  o.candidates = 8;
  o.trace = count_scored;
  cr_cluster *c = cr_cluster_new(&o);
  char buf[2048];
  unsigned max_scored = 0;
  uint32_t doc = 0;
  for (uint32_t i = 0; i < 3000; i++) {
    cr_arena_reset(arena);
    scored = 0;
    /* every tenth document repeats an earlier one's words: real
     * candidates exist all along the stream */
    uint32_t seed = i % 10 == 9 ? i - 5 : i;
    push(c, doc++, NULL, filler(seed, buf, sizeof buf), -1, -1);
    if (scored > max_scored)
      max_scored = scored;
  }
  CHECK(max_scored >= 1);
  CHECK(max_scored <= o.candidates);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK(cr_cluster_story_count(c) > 2000);
  cr_cluster_free(c);
}

/* Stories idle for long are retired: they take no more articles. */
static void retirement(void) {
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  o.retire_docs = 50;
  cr_cluster *c = cr_cluster_new(&o);
  char buf[2048];
  push(c, 0, quake_a[0][0], quake_a[0][1], -1, -1);
  for (uint32_t i = 1; i < 400; i++) {
    cr_arena_reset(arena);
    push(c, i, NULL, filler(i + 7, buf, sizeof buf), -1, -1);
  }
  cr_arena_reset(arena);
  push(c, 400, quake_a[1][0], quake_a[1][1], -1, -1);
  CHECK_EQ(cr_cluster_flush(c), 0);
  CHECK(cr_cluster_story_of(c, 400) != cr_cluster_story_of(c, 0));
  cr_cluster_free(c);
}

int main(void) {
  nz = cr_normalizer_new();
  arena = cr_arena_new(1 << 16, 0);
  if (!nz || !arena)
    return 1;
  RUN(same_kind_events_stay_apart);
  RUN(rewrite_joins);
  RUN(merge_step);
  RUN(sweep_takes_lone_article);
  RUN(titles_and_order);
  RUN(time_window);
  RUN(origin_and_odd_inputs);
  RUN(candidate_index_bounds_work);
  RUN(retirement);
  cr_arena_free(arena);
  cr_normalizer_free(nz);
  return DONE();
}
