/* test_verify_seeds.c -- the cross-check stage on the five seed articles
 * (../shared/corpus/seeds, one story told by five outlets), taken as one
 * story. What we read in the articles ourselves:
 *  - two disputes between outlets: the leader's age (69 in 000, 71 in
 *    004) and the number of freed people moved to Ukraine (114 civilians
 *    received, 000; 104 transferred, 004) are the only conflicts;
 *  - the name variants (Kolesnikova / Kalesnikava, Babaryka / Babariko)
 *    make no conflict: the 11-year sentence told with either spelling is
 *    one corroborated claim;
 *  - "123" prisoners (every outlet, in other words: "pardoned", "release
 *    of", "ordered the release of") is one claim of five origins; "more
 *    than 50" and "52" (two outlets, September) never dispute 123;
 *  - 80% (one outlet) is single source.
 * Skips (77) without ../shared. */
#include <stdlib.h>

#include "harness.h"
#include "verify_fixture.h"

static vfx F;

static int32_t doc_named(const char *part) {
  for (size_t i = 0; i < F.eng->ndocs; i++)
    if (strstr(F.eng->docs[i]->source, part))
      return (int32_t)i;
  return -1;
}

static void disputes(void) {
  int32_t d0 = doc_named("000_"), d4 = doc_named("004_");
  CHECK(d0 >= 0 && d4 >= 0);
  CHECK_EQ(F.s.nconflicts, 2);
  const cr_sconflict *age = vfx_conflict_with(&F, "69");
  CHECK(age != NULL);
  if (age) {
    const cr_svalue *a = vfx_value(age, "69"), *b = vfx_value(age, "71");
    CHECK(a && b);
    CHECK_EQ(age->nvalues, 2);
    CHECK(a && vfx_has(&a->docs, (uint32_t)d0));
    CHECK(b && vfx_has(&b->docs, (uint32_t)d4));
    CHECK(age->about && strstr(age->about, "age of") &&
          strstr(age->about, "Lukashenko"));
  }
  const cr_sconflict *moved = vfx_conflict_with(&F, "114");
  CHECK(moved != NULL);
  if (moved) {
    const cr_svalue *a = vfx_value(moved, "114"), *b = vfx_value(moved, "104");
    CHECK(a && b);
    CHECK_EQ(moved->nvalues, 2);
    CHECK(a && vfx_has(&a->docs, (uint32_t)d0));
    CHECK(b && vfx_has(&b->docs, (uint32_t)d4));
    CHECK(a && a->origins == 1 && b && b->origins == 1);
  }
  /* each side of a dispute is a disputed claim */
  const cr_sclaim *c = vfx_claim_in(&F, "71", (uint32_t)d4);
  CHECK(c && c->status == CR_CLAIM_DISPUTED);
}

static void variants_and_rewordings(void) {
  int32_t d0 = doc_named("000_"), d4 = doc_named("004_");
  const cr_sclaim *c = vfx_claim_in(&F, "11 years", (uint32_t)d0);
  CHECK(c != NULL);
  if (c) {
    CHECK(vfx_has(&c->docs, (uint32_t)d4)); /* "Kalesnikava ... 11 years" */
    CHECK_EQ(c->status, CR_CLAIM_CORROBORATED);
  }
  const cr_sclaim *p = vfx_claim_in(&F, "123", (uint32_t)d0);
  CHECK(p != NULL);
  if (p) {
    CHECK_EQ(p->docs.n, 5);
    CHECK_EQ(p->origins, 5);
    CHECK_EQ(p->status, CR_CLAIM_CORROBORATED);
  }
  CHECK(vfx_conflict_with(&F, "52") == NULL);
  CHECK(vfx_conflict_with(&F, "more than 50") == NULL);
  CHECK(vfx_conflict_with(&F, "123") == NULL);
}

static void single_source(void) {
  const cr_sclaim *c = vfx_claim_in(&F, "80%", (uint32_t)doc_named("004_"));
  CHECK(c && c->status == CR_CLAIM_SINGLE_SOURCE && c->origins == 1);
}

int main(void) {
  const char *sh = getenv("CROSSREAD_SHARED");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/corpus/seeds", sh ? sh : "");
  FILE *probe = NULL;
  if (sh && *sh) {
    char f[4200];
    snprintf(f, sizeof f, "%s/000_6d653c4f856f5923.txt", dir);
    probe = fopen(f, "r");
  }
  if (!probe)
    SKIP("../shared/corpus/seeds not found (CROSSREAD_SHARED)");
  fclose(probe);
  crossread_engine *eng = crossread_engine_new(0);
  crossread_feed_path(eng, dir, CROSSREAD_IN_AUTO, NULL);
  CHECK_EQ(vfx_story(&F, eng, NULL, 0), 0);
  CHECK_EQ(F.npick, 5);
  if (getenv("VERIFY_DUMP"))
    vfx_dump(&F);
  RUN(disputes);
  RUN(variants_and_rewordings);
  RUN(single_source);
  vfx_free(&F);
  return DONE();
}
