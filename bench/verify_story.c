/* verify_story.c -- the cross-check stage (lib/verify) on a set of
 * articles taken as ONE story, whatever the clustering would say: every
 * input goes through the pipeline, the story's entities are resolved, and
 * the claims, conflicts, timeline and quotes are printed as JSON with the
 * articles named by their file names. For measuring the stage on the
 * example corpus and the seeds:
 *   build/verify_story examples/corpus/dorvania-release
 *   build/verify_story ../shared/corpus/seeds */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "verify/verify.h"

static const char *name_of(crossread_engine *eng, uint32_t i) {
  if (i >= eng->ndocs)
    return "?";
  const char *s = eng->docs[i]->source;
  const char *b = strrchr(s, '/');
  return b ? b + 1 : s;
}

static json_t *docs(crossread_engine *eng, const cr_idlist *l) {
  json_t *a = json_array();
  for (size_t i = 0; i < l->n; i++)
    json_array_append_new(a, json_string(name_of(eng, l->v[i])));
  return a;
}

static json_t *str(const char *s) { return s ? json_string(s) : json_null(); }

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: verify_story FILE|DIR...\n");
    return 2;
  }
  crossread_engine *eng = crossread_engine_new(0);
  for (int i = 1; i < argc; i++)
    crossread_feed_path(eng, argv[i], CROSSREAD_IN_AUTO, NULL);
  if (crossread_finish(eng, NULL) != CROSSREAD_OK) {
    fprintf(stderr, "verify_story: finish failed\n");
    return 1;
  }
  cr_entities *E = cr_entities_new(NULL);
  cr_alias *al = cr_alias_new(E);
  cr_verify *v = cr_verify_new();
  cr_arena *a = cr_arena_new(1 << 16, 0);
  cr_verify_doc *vd = calloc(eng->ndocs + 1, sizeof *vd);
  if (!E || !al || !v || !a || !vd)
    return 1;
  for (size_t i = 0; i < eng->ndocs; i++) {
    const cr_doc *d = eng->docs[i];
    cr_alias_add(al, (uint32_t)i, &d->norm, &d->ents);
    vd[i] = (cr_verify_doc){
        d->index,  &d->norm,
        d->claims, &d->ents,
        d->origin, d->ex.published ? d->ex.published : d->hints.published};
  }
  cr_alias_resolve(al);
  cr_story s;
  memset(&s, 0, sizeof s);
  s.nentities = cr_alias_count(al);
  s.entities = cr_arena_calloc(a, s.nentities + 1, sizeof *s.entities);
  for (size_t i = 0; i < s.nentities; i++) {
    snprintf(s.entities[i].id, sizeof s.entities[i].id, "e%u",
             (unsigned)(i + 1) & 0xFFFFFFu);
    const cr_story_entity *se = cr_alias_get(al, i);
    s.entities[i].name = se->name;
    s.entities[i].variants = se->variants;
    s.entities[i].nvariants = se->nvariants;
    s.entities[i].kind = se->kind == CR_ENT_PER   ? CR_ENT_PERSON
                         : se->kind == CR_ENT_ORG ? CR_ENT_ORGANIZATION
                         : se->kind == CR_ENT_LOC ? CR_ENT_PLACE
                                                  : CR_ENT_OTHER;
  }
  /* the stage alone, best of a few runs (stderr) */
  double best = 1e9;
  for (int rep = 0; rep < 5; rep++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (cr_verify_story(v, vd, eng->ndocs, al, a, &s) != CROSSREAD_OK) {
      fprintf(stderr, "verify_story: out of memory\n");
      return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (ms < best)
      best = ms;
  }
  fprintf(stderr,
          "verify_story: %zu articles, %zu claims, %zu conflicts, "
          "%zu timeline events: %.2f ms (best of 5)\n",
          eng->ndocs, s.nclaims, s.nconflicts, s.ntimeline, best);
  json_t *o = json_object();
  json_t *arts = json_array();
  for (size_t i = 0; i < eng->ndocs; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "article", json_string(name_of(eng, (uint32_t)i)));
    json_object_set_new(x, "origin", json_integer(eng->docs[i]->origin));
    json_array_append_new(arts, x);
  }
  json_object_set_new(o, "articles", arts);
  json_t *ents = json_object();
  for (size_t i = 0; i < s.nentities; i++)
    json_object_set_new(ents, s.entities[i].id,
                        json_pack("[s,s]", s.entities[i].name,
                                  cr_entity_kind_name(s.entities[i].kind)));
  json_object_set_new(o, "entities", ents);
  json_t *cl = json_array();
  for (size_t i = 0; i < s.nclaims; i++) {
    const cr_sclaim *c = &s.claims[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(c->id));
    json_object_set_new(x, "text", str(c->text));
    json_object_set_new(x, "value", str(c->value_text));
    json_object_set_new(x, "unit", str(c->unit));
    json_object_set_new(
        x, "subject",
        str(c->subject_entity ? c->subject_entity : c->subject_text));
    json_object_set_new(x, "status",
                        json_string(cr_claim_status_name(c->status)));
    json_object_set_new(x, "origins", json_integer((json_int_t)c->origins));
    json_object_set_new(x, "articles", docs(eng, &c->docs));
    json_array_append_new(cl, x);
  }
  json_object_set_new(o, "claims", cl);
  json_t *cf = json_array();
  for (size_t i = 0; i < s.nconflicts; i++) {
    const cr_sconflict *c = &s.conflicts[i];
    json_t *x = json_object();
    json_object_set_new(x, "about", str(c->about));
    json_t *vals = json_array();
    for (size_t k = 0; k < c->nvalues; k++) {
      json_t *y = json_object();
      json_object_set_new(y, "value", str(c->values[k].value));
      json_object_set_new(y, "articles", docs(eng, &c->values[k].docs));
      json_object_set_new(y, "origins",
                          json_integer((json_int_t)c->values[k].origins));
      json_array_append_new(vals, y);
    }
    json_object_set_new(x, "values", vals);
    json_array_append_new(cf, x);
  }
  json_object_set_new(o, "conflicts", cf);
  json_t *tl = json_array();
  for (size_t i = 0; i < s.ntimeline; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "date", str(s.timeline[i].date));
    json_object_set_new(x, "text", str(s.timeline[i].text));
    json_object_set_new(x, "articles", docs(eng, &s.timeline[i].docs));
    json_array_append_new(tl, x);
  }
  json_object_set_new(o, "timeline", tl);
  json_t *qs = json_array();
  for (size_t i = 0; i < s.nquotes; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "speaker", str(s.quotes[i].speaker_name));
    json_object_set_new(x, "entity", str(s.quotes[i].speaker_entity));
    json_object_set_new(x, "text", str(s.quotes[i].text));
    json_object_set_new(x, "articles", docs(eng, &s.quotes[i].docs));
    json_array_append_new(qs, x);
  }
  json_object_set_new(o, "quotes", qs);
  json_dumpf(o, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
  fputc('\n', stdout);
  json_decref(o);
  free(vd);
  cr_arena_free(a);
  cr_verify_free(v);
  cr_alias_free(al);
  cr_entities_free(E);
  crossread_engine_free(eng);
  return 0;
}
