/* test_verify_examples.c -- the cross-check stage on the bundled example
 * corpus, against examples/<story>/EXPECTED.md. The articles of each story
 * go through the pipeline and are cross-checked as one story (whatever the
 * clustering says). Then:
 *  - every listed conflict is reported, with its values and articles;
 *  - no conflict is reported that is not listed (no false conflict);
 *  - the listed single-source claims are marked single_source; a listed
 *    claim that is found is disputed exactly when it is listed so (how
 *    many corroborated ones are found corroborated is printed: a miss
 *    there is a lost corroboration, not a false statement);
 *  - the listed not_conflicts are not conflicts;
 *  - the listed timeline events dated to the day or the month are in the
 *    timeline citing their articles, when the claims stage resolved the
 *    date in one of those articles at all.
 * Prints the counts it checked (the figures of docs/verify.md). */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>

#include "harness.h"
#include "verify_fixture.h"

static const char *SRC;

/* the ```json block of an EXPECTED.md */
static json_t *expected(const char *story) {
  char path[4096];
  snprintf(path, sizeof path, "%s/examples/%s/EXPECTED.md", SRC, story);
  char *md = h_read_file(path, NULL);
  if (!md)
    return NULL;
  char *b = strstr(md, "```json\n");
  char *e = b ? strstr(b + 8, "\n```") : NULL;
  json_t *x = NULL;
  if (b && e) {
    *e = '\0';
    json_error_t je;
    x = json_loads(b + 8, 0, &je);
  }
  free(md);
  return x;
}

/* engine index of an article id ("dir/file" or "dir/file#itemN": a feed
 * item is the document whose source is its link), -1 when not read */
static int32_t doc_of(const crossread_engine *eng, json_t *meta,
                      const char *id) {
  const char *link =
      json_string_value(json_object_get(json_object_get(meta, id), "link"));
  char file[4096];
  snprintf(file, sizeof file, "%s/examples/corpus/%s", SRC, id);
  char *hash = strchr(file, '#');
  if (hash)
    *hash = '\0';
  for (size_t i = 0; i < eng->ndocs; i++) {
    const char *s = eng->docs[i]->source;
    if (link ? strcmp(s, link) == 0 : strcmp(s, file) == 0)
      return (int32_t)i;
  }
  return -1;
}

typedef struct story {
  vfx F;
  json_t *x;
  int32_t *ids; /* expected articles, in the order listed: engine index */
} story;

static int load(story *S, const char *name) {
  memset(S, 0, sizeof *S);
  S->x = expected(name);
  CHECK(S->x != NULL);
  if (!S->x)
    return -1;
  crossread_engine *eng = crossread_engine_new(0);
  json_t *arts = json_object_get(S->x, "articles");
  size_t n = json_array_size(arts);
  for (size_t k = 0; k < n; k++) {
    char file[4096];
    snprintf(file, sizeof file, "%s/examples/corpus/%s", SRC,
             json_string_value(json_array_get(arts, k)));
    char *hash = strchr(file, '#');
    if (hash)
      *hash = '\0';
    int dup = 0; /* a feed named twice is fed once */
    for (size_t j = 0; j < eng->ndocs; j++)
      dup |= strncmp(eng->docs[j]->source, file, strlen(file)) == 0;
    if (!dup)
      crossread_feed_path(eng, file, CROSSREAD_IN_AUTO, NULL);
  }
  /* the engine must hold the expected articles, then only those are
   * taken (the feed's other items belong to other stories) */
  crossread_finish(eng, NULL);
  json_t *meta = json_object_get(S->x, "article_meta");
  uint32_t *pick = calloc(n + 1, sizeof *pick);
  S->ids = calloc(n + 1, sizeof *S->ids);
  size_t np = 0;
  for (size_t k = 0; k < n; k++) {
    int32_t d = doc_of(eng, meta, json_string_value(json_array_get(arts, k)));
    CHECK(d >= 0);
    S->ids[k] = d;
    if (d >= 0)
      pick[np++] = (uint32_t)d;
  }
  int rc = vfx_story(&S->F, eng, pick, np);
  CHECK_EQ(rc, 0);
  free(pick);
  return rc;
}

static void unload(story *S) {
  vfx_free(&S->F);
  json_decref(S->x);
  free(S->ids);
}

static int32_t id_doc(story *S, const char *id) {
  json_t *arts = json_object_get(S->x, "articles");
  for (size_t k = 0; k < json_array_size(arts); k++)
    if (strcmp(json_string_value(json_array_get(arts, k)), id) == 0)
      return S->ids[k];
  return -1;
}

/* a value as EXPECTED writes it against one of our labels: "58" / "58",
 * "Three" / "Three", "12 years" / "12 years", "$340 million" / "$340
 * million", "40%" / "About 40%" (the marker is ours to add) */
static int same_value(const char *want, const char *got) {
  size_t lw = strlen(want), lg = strlen(got);
  if (lg < lw)
    return 0;
  for (size_t i = 0; i + lw <= lg; i++) {
    size_t k = 0;
    while (k < lw && tolower((unsigned char)want[k]) ==
                         tolower((unsigned char)got[i + k]))
      k++;
    if (k == lw && (i == 0 || got[i - 1] == ' ') &&
        (got[i + lw] == '\0' || got[i + lw] == ' '))
      return 1;
  }
  return 0;
}

/* the article set of a JSON list of ids equals the id list */
static int same_docs(story *S, json_t *ids, const cr_idlist *got) {
  if (json_array_size(ids) != got->n)
    return 0;
  for (size_t k = 0; k < json_array_size(ids); k++) {
    int32_t d = id_doc(S, json_string_value(json_array_get(ids, k)));
    if (d < 0 || !vfx_has(got, (uint32_t)d))
      return 0;
  }
  return 1;
}

/* the claim for an expected one: a value match holding most of its
 * articles */
static const cr_sclaim *find_claim(story *S, json_t *c) {
  const char *v = json_string_value(json_object_get(c, "value"));
  json_t *arts = json_object_get(c, "articles");
  const cr_sclaim *best = NULL;
  size_t bn = 0;
  for (size_t i = 0; i < S->F.s.nclaims; i++) {
    const cr_sclaim *x = &S->F.s.claims[i];
    if (!x->value_text || !same_value(v, x->value_text))
      continue;
    size_t n = 0;
    for (size_t k = 0; k < json_array_size(arts); k++) {
      int32_t d = id_doc(S, json_string_value(json_array_get(arts, k)));
      n += d >= 0 && vfx_has(&x->docs, (uint32_t)d);
    }
    if (n > bn) {
      bn = n;
      best = x;
    }
  }
  return best;
}

/* 1 when each of the articles has a publication date (a relative date
 * can be placed only then) */
static int all_dated(story *S, json_t *arts) {
  for (size_t k = 0; k < json_array_size(arts); k++) {
    int32_t d = id_doc(S, json_string_value(json_array_get(arts, k)));
    if (d < 0)
      return 0;
    const cr_doc *doc = S->F.eng->docs[d];
    if (!doc->ex.published && !doc->hints.published)
      return 0;
  }
  return 1;
}

static int checked_conflicts, found_conflicts, false_conflicts, checked_single,
    right_single, checked_claims, right_claims, checked_events, found_events,
    skipped_events;

static void check_story(const char *name) {
  story S;
  if (load(&S, name))
    return;
  const cr_story *s = &S.F.s;
  /* every listed conflict, with its values and articles */
  json_t *conf = json_object_get(S.x, "conflicts");
  uint8_t *matched = calloc(s->nconflicts + 1, 1);
  for (size_t i = 0; i < json_array_size(conf); i++) {
    json_t *c = json_array_get(conf, i);
    json_t *vals = json_object_get(c, "values");
    checked_conflicts++;
    int ok = 0;
    for (size_t j = 0; j < s->nconflicts && !ok; j++) {
      const cr_sconflict *x = &s->conflicts[j];
      int all = json_array_size(vals) == x->nvalues;
      for (size_t k = 0; all && k < json_array_size(vals); k++) {
        json_t *v = json_array_get(vals, k);
        const cr_svalue *got =
            vfx_value(x, json_string_value(json_object_get(v, "value")));
        all = got && same_docs(&S, json_object_get(v, "articles"), &got->docs);
      }
      if (all) {
        ok = 1;
        matched[j] = 1;
      }
    }
    if (!ok)
      fprintf(stderr, "%s: conflict not found: %s\n", name,
              json_string_value(json_object_get(c, "about")));
    CHECK(ok);
    found_conflicts += ok;
  }
  /* nothing else */
  for (size_t j = 0; j < s->nconflicts; j++)
    if (!matched[j]) {
      false_conflicts++;
      fprintf(stderr, "%s: conflict not expected: %s\n", name,
              s->conflicts[j].about ? s->conflicts[j].about : "?");
      CHECK(matched[j]);
    }
  free(matched);
  /* claims: single_source marked so; none the other way */
  json_t *claims = json_object_get(S.x, "claims");
  for (size_t i = 0; i < json_array_size(claims); i++) {
    json_t *c = json_array_get(claims, i);
    const char *st = json_string_value(json_object_get(c, "status"));
    const char *about = json_string_value(json_object_get(c, "about"));
    json_t *arts = json_object_get(c, "articles");
    const cr_sclaim *x = find_claim(&S, c);
    if (strcmp(st, "single_source") == 0) {
      checked_single++;
      int ok = x && x->status == CR_CLAIM_SINGLE_SOURCE;
      if (!ok)
        fprintf(stderr, "%s: single source claim %s: %s\n", name, about,
                x ? cr_claim_status_name(x->status) : "not found");
      CHECK(ok);
      right_single += ok;
      continue;
    }
    /* a relative date ("Monday") is placed only in dated articles */
    if (!json_is_string(json_object_get(c, "unit")) && !all_dated(&S, arts))
      continue;
    checked_claims++;
    int ok = x && strcmp(cr_claim_status_name(x->status), st) == 0;
    if (!ok)
      fprintf(stderr, "%s: %s claim %s: %s\n", name, st, about,
              x ? cr_claim_status_name(x->status) : "not found");
    right_claims += ok;
    /* a figure that agrees is never shown as disputed, and a disputed one
     * never as settled */
    if (x)
      CHECK((x->status == CR_CLAIM_DISPUTED) == (strcmp(st, "disputed") == 0));
  }
  /* not conflicts */
  json_t *nc = json_object_get(S.x, "not_conflicts");
  for (size_t i = 0; i < json_array_size(nc); i++) {
    json_t *vals = json_object_get(json_array_get(nc, i), "values");
    for (size_t j = 0; j < s->nconflicts; j++) {
      size_t hit = 0;
      for (size_t k = 0; k < json_array_size(vals); k++)
        for (size_t v = 0; v < s->conflicts[j].nvalues; v++)
          hit += same_value(json_string_value(json_array_get(vals, k)),
                            s->conflicts[j].values[v].value);
      CHECK(hit < 2);
    }
  }
  /* timeline: events to the day or month */
  json_t *tl = json_object_get(S.x, "timeline");
  for (size_t i = 0; i < json_array_size(tl); i++) {
    json_t *ev = json_array_get(tl, i);
    const char *date = json_string_value(json_object_get(ev, "date"));
    json_t *arts = json_object_get(ev, "articles");
    if (strlen(date) < 7)
      continue;
    /* did the claims stage give this date in one of the articles? */
    int given = 0;
    for (size_t k = 0; k < json_array_size(arts) && !given; k++) {
      int32_t d = id_doc(&S, json_string_value(json_array_get(arts, k)));
      const cr_claims *cl = d >= 0 ? S.F.eng->docs[d]->claims : NULL;
      for (size_t q = 0; cl && q < cl->ndates; q++)
        given |= strcmp(cl->dates[q].iso, date) == 0;
    }
    if (!given) {
      skipped_events++;
      fprintf(stderr, "%s: timeline %s: no article resolves this date\n", name,
              date);
      continue;
    }
    checked_events++;
    int ok = 0;
    for (size_t t = 0; t < s->ntimeline && !ok; t++) {
      if (strcmp(s->timeline[t].date, date) != 0)
        continue;
      for (size_t k = 0; k < json_array_size(arts) && !ok; k++) {
        int32_t d = id_doc(&S, json_string_value(json_array_get(arts, k)));
        ok = d >= 0 && vfx_has(&s->timeline[t].docs, (uint32_t)d);
      }
    }
    if (!ok)
      fprintf(stderr, "%s: timeline %s not found\n", name, date);
    CHECK(ok);
    found_events += ok;
  }
  if (getenv("VERIFY_DUMP"))
    vfx_dump(&S.F);
  unload(&S);
}

int main(void) {
  SRC = getenv("CROSSREAD_SRC");
  if (!SRC)
    SRC = ".";
  char probe[4096];
  snprintf(probe, sizeof probe, "%s/examples/dorvania-release/EXPECTED.md",
           SRC);
  FILE *f = fopen(probe, "r");
  if (!f)
    SKIP("examples/ not found (set CROSSREAD_SRC)");
  fclose(f);
  check_story("dorvania-release");
  check_story("valmora-release");
  check_story("norvessa-cup-final");
  printf("conflicts: %d/%d found, %d not expected; single-source claims: "
         "%d/%d marked so; other claims: %d/%d with the expected status; "
         "timeline events: %d/%d found (%d dates no article resolves)\n",
         found_conflicts, checked_conflicts, false_conflicts, right_single,
         checked_single, right_claims, checked_claims, found_events,
         checked_events, skipped_events);
  /* every expected event's date is resolved by the claims stage */
  CHECK_EQ(skipped_events, 0);
  return DONE();
}
