/* verify_fixture.h -- shared by the cross-check tests: articles go through
 * the real pipeline (an engine, crossread_finish), then ALL of them are
 * taken as one story whatever the clustering says: their entities resolved
 * together and lib/verify run on them. Helpers find claims, conflicts and
 * timeline entries by value or text. */
#ifndef CR_TEST_VERIFY_FIXTURE_H
#define CR_TEST_VERIFY_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "harness.h"
#include "verify/verify.h"

typedef struct vfx {
  crossread_engine *eng;
  cr_entities *E;
  cr_alias *al;
  cr_verify *v;
  cr_arena *a;
  cr_story s;
  uint32_t *pick; /* engine indexes of the story's articles */
  size_t npick;
} vfx;

/* An engine with the articles of a JSON Lines text fed. */
static inline crossread_engine *vfx_engine_jsonl(const char *jsonl) {
  crossread_engine *eng = crossread_engine_new(0);
  if (eng)
    crossread_feed(eng, "test.jsonl", jsonl, strlen(jsonl), CROSSREAD_IN_JSONL,
                   NULL);
  return eng;
}

/* Cross-check the engine's articles whose index is in pick[0..n) (all of
 * them when pick is NULL) as one story. 0 on success. */
static inline int vfx_story(vfx *F, crossread_engine *eng, const uint32_t *pick,
                            size_t n) {
  memset(F, 0, sizeof *F);
  F->eng = eng;
  if (!eng || crossread_finish(eng, NULL) != CROSSREAD_OK)
    return -1;
  F->E = cr_entities_new(NULL);
  F->al = cr_alias_new(F->E);
  F->v = cr_verify_new();
  F->a = cr_arena_new(1 << 16, 0);
  size_t cnt = pick ? n : eng->ndocs;
  F->pick = calloc(cnt + 1, sizeof *F->pick);
  cr_verify_doc *vd = calloc(cnt + 1, sizeof *vd);
  if (!F->E || !F->al || !F->v || !F->a || !F->pick || !vd) {
    free(vd);
    return -1;
  }
  for (size_t k = 0; k < cnt; k++) {
    uint32_t i = pick ? pick[k] : (uint32_t)k;
    if (i >= eng->ndocs)
      continue;
    const cr_doc *d = eng->docs[i];
    F->pick[F->npick] = i;
    cr_alias_add(F->al, i, &d->norm, &d->ents);
    vd[F->npick++] = (cr_verify_doc){
        d->index,  &d->norm,
        d->claims, &d->ents,
        d->origin, d->ex.published ? d->ex.published : d->hints.published};
  }
  cr_alias_resolve(F->al);
  cr_story *s = &F->s;
  s->nentities = cr_alias_count(F->al);
  s->entities = cr_arena_calloc(F->a, s->nentities + 1, sizeof *s->entities);
  for (size_t i = 0; s->entities && i < s->nentities; i++) {
    const cr_story_entity *se = cr_alias_get(F->al, i);
    cr_sentity *o = &s->entities[i];
    snprintf(o->id, sizeof o->id, "e%u", (unsigned)(i + 1) & 0xFFFFFFu);
    o->kind = se->kind == CR_ENT_PER   ? CR_ENT_PERSON
              : se->kind == CR_ENT_ORG ? CR_ENT_ORGANIZATION
              : se->kind == CR_ENT_LOC ? CR_ENT_PLACE
                                       : CR_ENT_OTHER;
    o->name = se->name;
    o->variants = se->variants;
    o->nvariants = se->nvariants;
  }
  crossread_status st = cr_verify_story(F->v, vd, F->npick, F->al, F->a, s);
  free(vd);
  return st == CROSSREAD_OK ? 0 : -1;
}

static inline void vfx_free(vfx *F) {
  cr_arena_free(F->a);
  cr_verify_free(F->v);
  cr_alias_free(F->al);
  cr_entities_free(F->E);
  free(F->pick);
  crossread_engine_free(F->eng);
  memset(F, 0, sizeof *F);
}

/* 1 when the id list holds engine document i */
static inline int vfx_has(const cr_idlist *l, uint32_t i) {
  for (size_t k = 0; k < l->n; k++)
    if (l->v[k] == i)
      return 1;
  return 0;
}

/* the claims whose value is written `value` (as the label) */
static inline size_t vfx_claims(const vfx *F, const char *value,
                                const cr_sclaim **out, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < F->s.nclaims; i++)
    if (F->s.claims[i].value_text &&
        strcmp(F->s.claims[i].value_text, value) == 0 && n < cap)
      out[n++] = &F->s.claims[i];
  return n;
}

/* the first claim with this value holding article i, or NULL */
static inline const cr_sclaim *vfx_claim_in(const vfx *F, const char *value,
                                            uint32_t i) {
  for (size_t k = 0; k < F->s.nclaims; k++) {
    const cr_sclaim *c = &F->s.claims[k];
    if (c->value_text && strcmp(c->value_text, value) == 0 &&
        vfx_has(&c->docs, i))
      return c;
  }
  return NULL;
}

/* the conflict listing value a, or NULL */
static inline const cr_sconflict *vfx_conflict_with(const vfx *F,
                                                    const char *a) {
  for (size_t i = 0; i < F->s.nconflicts; i++)
    for (size_t k = 0; k < F->s.conflicts[i].nvalues; k++)
      if (strcmp(F->s.conflicts[i].values[k].value, a) == 0)
        return &F->s.conflicts[i];
  return NULL;
}

static inline const cr_svalue *vfx_value(const cr_sconflict *x, const char *v) {
  for (size_t k = 0; x && k < x->nvalues; k++)
    if (strcmp(x->values[k].value, v) == 0)
      return &x->values[k];
  return NULL;
}

static inline void vfx_dump(const vfx *F) {
  for (size_t i = 0; i < F->s.nclaims; i++) {
    const cr_sclaim *c = &F->s.claims[i];
    fprintf(stderr, "  claim %s %-8s %-14s origins %zu docs %zu: %s\n", c->id,
            c->value_text ? c->value_text : "-",
            cr_claim_status_name(c->status), c->origins, c->docs.n,
            c->text ? c->text : "");
  }
  for (size_t i = 0; i < F->s.nconflicts; i++) {
    const cr_sconflict *x = &F->s.conflicts[i];
    fprintf(stderr, "  conflict %s:", x->about ? x->about : "?");
    for (size_t k = 0; k < x->nvalues; k++)
      fprintf(stderr, " %s (%zu)", x->values[k].value, x->values[k].docs.n);
    fputc('\n', stderr);
  }
  for (size_t i = 0; i < F->s.ntimeline; i++) {
    fprintf(stderr, "  event %s [", F->s.timeline[i].date);
    for (size_t k = 0; k < F->s.timeline[i].docs.n; k++)
      fprintf(stderr, " %u", F->s.timeline[i].docs.v[k]);
    fprintf(stderr, " ] %s\n", F->s.timeline[i].text);
  }
}

#endif
