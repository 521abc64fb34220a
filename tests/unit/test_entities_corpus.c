/* test_entities_corpus.c -- the alias resolver on the bundled example
 * corpus and on the seed articles. For every story of
 * examples/<story>/EXPECTED.md, all articles of the story go through the
 * pipeline and one cross-article resolution; then no story entity may hold
 * spellings of two different expected entities (nor of an entity and one it
 * must not merge with), and the spellings of each expected person that were
 * found must sit in one story entity. On the seeds (../shared/corpus/seeds,
 * one story), general behaviour read off the articles: transliteration
 * variants of one person join, a wife and her husband (gendered surname
 * forms) stay apart. Skips (77) when neither is present. */
#include <dirent.h>
#include <jansson.h>
#include <string.h>

#include "engine.h"
#include "entities/entities.h"
#include "entities/lex.h"
#include "entities/name.h"
#include "harness.h"

static cr_entities *E;
static int ran;

/* Spelling as our mentions write it: a leading title goes ("President X"). */
static const char *strip_title(const char *v) {
  const char *sp = strchr(v, ' ');
  if (!sp)
    return v;
  char w[64];
  size_t l = (size_t)(sp - v);
  if (l >= sizeof w)
    return v;
  for (size_t i = 0; i < l; i++)
    w[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
  return cr_entlex_bits(cr_entities_lex(E), w, l, NULL) & CR_LX_TITLE ? sp + 1
                                                                      : v;
}

/* The story entity that holds spelling v, -1 if none. */
static int32_t holder(const cr_alias *al, const char *v) {
  v = strip_title(v);
  for (size_t i = 0; i < cr_alias_count(al); i++) {
    const cr_story_entity *se = cr_alias_get(al, i);
    for (size_t k = 0; k < se->nvariants; k++)
      if (strcmp(se->variants[k], v) == 0)
        return (int32_t)i;
  }
  return -1;
}

static int ends_with(const char *s, const char *e) {
  size_t ls = strlen(s), le = strlen(e);
  return ls >= le && strcmp(s + ls - le, e) == 0;
}

/* Feed the files, resolve the entities of the documents whose source ends
 * with one of `want` (all when want is NULL). */
static cr_alias *resolve(crossread_engine *eng, json_t *want) {
  cr_alias *al = cr_alias_new(E);
  CHECK(al != NULL);
  if (!al)
    return NULL;
  for (size_t i = 0; i < eng->ndocs; i++) {
    const cr_doc *d = eng->docs[i];
    int take = want == NULL;
    for (size_t k = 0; want && k < json_array_size(want); k++)
      take |= ends_with(d->source, json_string_value(json_array_get(want, k)));
    if (take)
      CHECK_EQ(cr_alias_add(al, (uint32_t)i, &d->norm, &d->ents), 0);
  }
  CHECK_EQ(cr_alias_resolve(al), 0);
  return al;
}

static void story(const char *src, const char *name) {
  char path[16384];
  if (snprintf(path, sizeof path, "%s/examples/%s/EXPECTED.md", src, name) >=
      (int)sizeof path)
    return;
  char *md = h_read_file(path, NULL);
  if (!md)
    return;
  char *b = strstr(md, "```json\n");
  char *e = b ? strstr(b + 8, "\n```") : NULL;
  json_t *x = NULL;
  if (b && e) {
    *e = '\0';
    json_error_t je;
    x = json_loads(b + 8, 0, &je);
  }
  free(md);
  CHECK(x != NULL);
  if (!x)
    return;
  ran = 1;
  crossread_engine *eng = crossread_engine_new(0);
  json_t *arts = json_object_get(x, "articles");
  for (size_t k = 0; k < json_array_size(arts); k++) {
    char file[16384];
    snprintf(file, sizeof file, "%s/examples/corpus/%s", src,
             json_string_value(json_array_get(arts, k)));
    char *hash = strchr(strrchr(file, '/'), '#');
    if (hash)
      *hash = '\0';
    int dup = 0; /* a feed named twice is fed once */
    for (size_t j = 0; j < eng->ndocs; j++)
      dup |= strncmp(eng->docs[j]->source, file, strlen(file)) == 0;
    if (!dup)
      crossread_feed_path(eng, file, CROSSREAD_IN_AUTO, NULL);
  }
  CHECK(crossread_finish(eng, NULL) == CROSSREAD_OK);
  cr_alias *al = resolve(eng, arts);
  json_t *ents = json_object_get(x, "entities");
  size_t ne = json_array_size(ents), found = 0, total = 0;
  int32_t *hold = calloc(ne ? ne : 1, sizeof *hold);
  for (size_t i = 0; al && i < ne; i++) {
    json_t *en = json_array_get(ents, i);
    json_t *vars = json_object_get(en, "variants");
    const char *kind = json_string_value(json_object_get(en, "kind"));
    hold[i] = -1;
    for (size_t k = 0; k < json_array_size(vars); k++) {
      const char *v = json_string_value(json_array_get(vars, k));
      /* a spelling two expected entities share says nothing, nor does a
       * title with a surname that another person bears too ("Minister
       * Rusak" once the title goes) */
      int shared = 0;
      const char *sv = strip_title(v);
      for (size_t j = 0; j < ne; j++) {
        json_t *ov = json_object_get(json_array_get(ents, j), "variants");
        for (size_t q = 0; j != i && q < json_array_size(ov); q++) {
          const char *o = strip_title(json_string_value(json_array_get(ov, q)));
          shared |=
              strcmp(o, sv) == 0 || (sv != v && ends_with(o, sv) &&
                                     o[strlen(o) - strlen(sv) - 1] == ' ');
        }
      }
      if (shared)
        continue;
      int32_t h = holder(al, v);
      total++;
      if (h < 0)
        continue;
      found++;
      /* one person, one story entity */
      if (strcmp(kind, "person") == 0 && hold[i] >= 0 && h != hold[i])
        fprintf(stderr, "%s: %s split: \"%s\"\n", name,
                json_string_value(json_object_get(en, "canonical")), v);
      if (strcmp(kind, "person") == 0 && hold[i] >= 0)
        CHECK_EQ(h, hold[i]);
      if (hold[i] < 0)
        hold[i] = h;
    }
  }
  /* no story entity holds two expected entities */
  for (size_t i = 0; al && i < ne; i++)
    for (size_t j = i + 1; j < ne; j++) {
      if (hold[i] < 0 || hold[j] < 0)
        continue;
      if (hold[i] == hold[j])
        fprintf(stderr, "%s: wrong merge: %s / %s\n", name,
                json_string_value(
                    json_object_get(json_array_get(ents, i), "canonical")),
                json_string_value(
                    json_object_get(json_array_get(ents, j), "canonical")));
      CHECK(hold[i] != hold[j]);
    }
  printf("%s: %zu of %zu expected spellings found\n", name, found, total);
  CHECK(found * 2 >= total); /* the tagger finds most of them */
  free(hold);
  cr_alias_free(al);
  crossread_engine_free(eng);
  json_decref(x);
}

static void test_examples(void) {
  const char *src = getenv("CROSSREAD_SRC");
  if (!src)
    return;
  char dir[8192];
  if (snprintf(dir, sizeof dir, "%s/examples", src) >= (int)sizeof dir)
    return;
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *de;
  char names[32][256];
  size_t n = 0;
  while ((de = readdir(d)) && n < 32)
    if (de->d_name[0] != '.')
      snprintf(names[n++], sizeof names[0], "%s", de->d_name);
  closedir(d);
  for (size_t i = 0; i < n; i++)
    story(src, names[i]);
}

/* The seeds: one story of five real articles. What is asserted was read
 * off the articles: a person written in two transliterations in different
 * articles, and a wife and husband with the feminine and masculine forms of
 * one surname. */
static void test_seeds(void) {
  const char *sh = h_shared_dir();
  if (!sh)
    return;
  char path[8192];
  if (snprintf(path, sizeof path, "%s/corpus/seeds", sh) >= (int)sizeof path)
    return;
  crossread_engine *eng = crossread_engine_new(0);
  if (crossread_feed_path(eng, path, CROSSREAD_IN_AUTO, NULL) != CROSSREAD_OK) {
    crossread_engine_free(eng);
    return;
  }
  ran = 1;
  CHECK(crossread_finish(eng, NULL) == CROSSREAD_OK);
  cr_alias *al = resolve(eng, NULL);
  if (!al) {
    crossread_engine_free(eng);
    return;
  }
  static const char *const same[][2] = {
      {"Maria Kolesnikova", "Maria Kalesnikava"},
      {"Viktar Babaryka", "Viktor Babariko"},
      {"Maxim Znak", "Maksim Znak"},
      {"Alexander Lukashenko", "Lukashenko"}};
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    int32_t a = holder(al, same[i][0]), b = holder(al, same[i][1]);
    if (a < 0 || b < 0 || a != b)
      fprintf(stderr, "seeds: %s / %s: %d %d\n", same[i][0], same[i][1], a, b);
    CHECK(a >= 0 && a == b);
  }
  /* the wife and the husband: never one entity */
  int32_t w = holder(al, "Sviatlana Tsikhanouskaya");
  CHECK(w >= 0);
  for (size_t i = 0; i < cr_alias_count(al); i++) {
    const cr_story_entity *se = cr_alias_get(al, i);
    int fem = 0, masc = 0;
    for (size_t k = 0; k < se->nvariants; k++) {
      fem |= strstr(se->variants[k], "Tsikhanouskaya") != NULL;
      masc |= strstr(se->variants[k], "Tsikhanouski") != NULL &&
              strstr(se->variants[k], "Tsikhanouskaya") == NULL;
    }
    CHECK(!(fem && masc));
  }
  /* two people of one name in no entity: the variants of a person entity
   * never carry two different given names */
  for (size_t i = 0; i < cr_alias_count(al); i++) {
    const cr_story_entity *se = cr_alias_get(al, i);
    if (se->kind != CR_ENT_PER)
      continue;
    for (size_t k = 0; k < se->nvariants; k++)
      for (size_t j = k + 1; j < se->nvariants; j++) {
        const char *a = se->variants[k], *b = se->variants[j];
        if (!strchr(a, ' ') || !strchr(b, ' '))
          continue;
        cr_name x, y;
        const cr_entlex *lx = cr_entities_lex(E);
        if (cr_name_parse(lx, a, strlen(a), &x) ||
            cr_name_parse(lx, b, strlen(b), &y))
          continue;
        if (cr_name_match(lx, &x, &y) == 0)
          fprintf(stderr, "seeds: %s and %s in one entity\n", a, b);
        CHECK(cr_name_match(lx, &x, &y) > 0);
      }
  }
  cr_alias_free(al);
  crossread_engine_free(eng);
}

int main(void) {
  E = cr_entities_new(NULL);
  if (!E)
    return 1;
  RUN(test_examples);
  RUN(test_seeds);
  cr_entities_free(E);
  if (!ran)
    SKIP("neither examples/*/EXPECTED.md nor ../shared/corpus/seeds present");
  return DONE();
}
