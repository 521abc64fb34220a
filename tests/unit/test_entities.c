/* test_entities.c -- the entity stage: tagging of hand-written sentences
 * (titles and possessives outside the spans), the name keys and the person
 * matcher (every merge and must-not-merge rule of docs/entities.md), the
 * mentions of one article linked into entities (surnames alone, pronouns,
 * family words) and the resolver across articles. */
#include <string.h>

#include "entities/entities.h"
#include "entities/lex.h"
#include "entities/name.h"
#include "harness.h"

static cr_entities *E;
static cr_normalizer *NZ;

typedef struct doc {
  cr_arena *a;
  cr_norm n;
  cr_ents e;
} doc;

static void run(doc *d, const char *text) {
  d->a = cr_arena_new(1 << 14, 0);
  CHECK(cr_normalize_run(NZ, text, strlen(text), d->a, &d->n) == CROSSREAD_OK);
  CHECK(cr_entities_run(E, &d->n, d->a, &d->e) == CROSSREAD_OK);
}

/* the mention whose text is s (named, not a pronoun), or NULL */
static const cr_mention *find(const doc *d, const char *s) {
  for (size_t i = 0; i < d->e.nm; i++) {
    const cr_mention *m = &d->e.m[i];
    if (!(m->flags & CR_MF_PRONOUN) && m->len == strlen(s) &&
        memcmp(d->n.text + m->off, s, m->len) == 0)
      return m;
  }
  return NULL;
}

static int kind_of(const doc *d, const char *s) {
  const cr_mention *m = find(d, s);
  return m ? m->kind : 0;
}

static void test_tagging(void) {
  doc d;
  run(&d, "President Emmanuel Macron met officials of the World Bank in "
          "Berlin on Monday.");
  CHECK_EQ(kind_of(&d, "Emmanuel Macron"), CR_ENT_PER);
  CHECK(find(&d, "President Emmanuel Macron") == NULL); /* title outside */
  CHECK_EQ(kind_of(&d, "World Bank"), CR_ENT_ORG);
  CHECK_EQ(kind_of(&d, "Berlin"), CR_ENT_LOC);
  CHECK(find(&d, "Monday") == NULL);
  const cr_mention *m = find(&d, "Emmanuel Macron");
  CHECK(m && (m->flags & CR_MF_TITLED));
  cr_arena_free(d.a);

  /* possessive 's outside the span, curly or straight */
  run(&d, "Angela Merkel's government and Germany’s parliament voted.");
  CHECK_EQ(kind_of(&d, "Angela Merkel"), CR_ENT_PER);
  CHECK(find(&d, "Angela Merkel's") == NULL);
  CHECK(kind_of(&d, "Germany") != 0);
  CHECK(find(&d, "Germany’s") == NULL);
  cr_arena_free(d.a);

  /* honorifics stay out: "Mr Smith" is "Smith" */
  run(&d, "The report was written by Mr Smith and Dr Jane Doe.");
  CHECK_EQ(kind_of(&d, "Smith"), CR_ENT_PER);
  CHECK(find(&d, "Mr Smith") == NULL);
  CHECK_EQ(kind_of(&d, "Jane Doe"), CR_ENT_PER);
  cr_arena_free(d.a);

  /* a nationality or a day alone is no entity; a headline line says
   * nothing by its capitals */
  run(&d, "Ukrainian Officials Meet On Friday\n\nUkrainian officials met on "
          "Friday in Kyiv.");
  CHECK(find(&d, "Ukrainian") == NULL);
  CHECK(find(&d, "Friday") == NULL);
  CHECK(find(&d, "Officials Meet") == NULL);
  CHECK_EQ(kind_of(&d, "Kyiv"), CR_ENT_LOC);
  cr_arena_free(d.a);
}

static cr_name parse(const char *s) {
  cr_name n;
  CHECK_EQ(cr_name_parse(cr_entities_lex(E), s, strlen(s), &n), 0);
  return n;
}

static int match(const char *a, const char *b) {
  cr_name x = parse(a), y = parse(b);
  int r = cr_name_match(cr_entities_lex(E), &x, &y);
  int r2 = cr_name_match(cr_entities_lex(E), &y, &x);
  CHECK_EQ(r, r2); /* symmetric */
  return r;
}

static void test_name_keys(void) {
  char k1[64], k2[64];
  /* the spelling key makes transliteration variants meet */
  static const char *const same[][2] = {{"Maxim", "Maksim"},
                                        {"Dmitriy", "Dmitry"},
                                        {"Yevgeny", "Evgeny"},
                                        {"Tsikhanouski", "Tsikhanovski"},
                                        {"Abakumow", "Abakumov"},
                                        {"Schulman", "Shulman"},
                                        {"Dzhabarov", "Jabarov"} /* dzh / j */,
                                        {"Stefanovic", "Stefanovich"},
                                        {"Mariia", "Mariya"}};
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    cr_name_wordkey(same[i][0], strlen(same[i][0]), k1, sizeof k1);
    cr_name_wordkey(same[i][1], strlen(same[i][1]), k2, sizeof k2);
    CHECK_STR(k1, k2);
  }
  /* unstressed vowels: similar, not equal */
  cr_name_wordkey("Kolesnikova", 11, k1, sizeof k1);
  cr_name_wordkey("Kalesnikava", 11, k2, sizeof k2);
  CHECK(cr_name_key_similar(k1, k2));
  cr_name_wordkey("Martin", 6, k1, sizeof k1);
  cr_name_wordkey("Merton", 6, k2, sizeof k2);
  CHECK(!cr_name_key_similar(k1, k2));
  /* other scripts through ICU */
  char a[64];
  int nonlatin = 0;
  cr_name_ascii(cr_entities_lex(E), "Мария Колесникова",
                strlen("Мария Колесникова"), a, sizeof a, &nonlatin);
  CHECK_STR(a, "mariya kolesnikova");
  CHECK_EQ(nonlatin, 1);
  cr_name_ascii(cr_entities_lex(E), "Łukasz Ćwikła", strlen("Łukasz Ćwikła"), a,
                sizeof a, &nonlatin);
  CHECK_STR(a, "lukasz chwikla");
  CHECK_EQ(nonlatin, 0);
}

static void test_name_merges(void) {
  /* transliteration variants of one person */
  CHECK_EQ(match("Maria Kolesnikova", "Maryia Kalesnikava"), 2);
  CHECK_EQ(match("Viktar Babaryka", "Viktor Babariko"), 2);
  CHECK_EQ(match("Maxim Znak", "Maksim Znak"), 2);
  CHECK_EQ(match("Alexander Lukashenko", "Aleksandr Lukashenko"), 2);
  CHECK_EQ(match("Dmitriy Medvedev", "Dmitry Medvedev"), 2);
  CHECK_EQ(match("Sviatlana Tsikhanouskaya", "Svetlana Tsikhanovskaya"), 2);
  CHECK_EQ(match("Mikhail Gorbachev", "Michail Gorbatschow"), 2);
  /* Cyrillic input */
  CHECK_EQ(match("Мария Колесникова", "Maria Kolesnikova"), 2);
  CHECK_EQ(match("Владимир Путин", "Vladimir Putin"), 2);
  /* a surname alone, an initial, a title */
  CHECK_EQ(match("Kolesnikova", "Maria Kolesnikova"), 1);
  CHECK_EQ(match("J. Smith", "John Smith"), 1);
  CHECK_EQ(match("President Lukashenko", "Alexander Lukashenko"), 1);
  CHECK_EQ(match("Mr. Smith", "John Smith"), 1);
  CHECK_EQ(match("Richard III", "Richard III"), 2);
}

static void test_name_never_merges(void) {
  /* different given names */
  CHECK_EQ(match("Alexander Smith", "Alexei Smith"), 0);
  CHECK_EQ(match("John Smith", "Jane Smith"), 0);
  CHECK_EQ(match("Viktar Babaryka", "Eduard Babaryka"), 0);
  CHECK_EQ(match("J. Smith", "Mary Smith"), 0);
  /* a feminine and a masculine surname form: wife and husband */
  CHECK_EQ(match("Tsikhanouskaya", "Tsikhanouski"), 0);
  CHECK_EQ(match("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski"), 0);
  CHECK_EQ(match("Kolesnikova", "Kolesnikov"), 0);
  CHECK_EQ(match("Anna Novakova", "Novakov"), 0);
  /* known genders that differ */
  CHECK_EQ(match("Mrs Smith", "Mr Smith"), 0);
  CHECK_EQ(match("Mr Smith", "Mary Smith"), 0);
  /* regnal numbers */
  CHECK_EQ(match("Richard III", "Richard II"), 0);
  /* plainly different names */
  CHECK_EQ(match("Martin Winterkorn", "Herbert Diess"), 0);
  CHECK_EQ(match("Schulman", "Salaman"), 0);
}

static const cr_entity *entity_of(const doc *d, const char *s) {
  const cr_mention *m = find(d, s);
  return m && m->entity >= 0 ? &d->e.e[m->entity] : NULL;
}

static void test_document(void) {
  doc d;
  run(&d, "Opposition figure Maria Kolesnikova was freed on Saturday. "
          "Kolesnikova tore up her passport in 2020. Later she thanked "
          "her lawyers. Her colleague Ivan Petrov said he was relieved.");
  const cr_entity *k = entity_of(&d, "Maria Kolesnikova");
  CHECK(k != NULL);
  CHECK(k == entity_of(&d, "Kolesnikova"));
  if (k) {
    CHECK_EQ(k->mentions, 2);
    CHECK_EQ(k->gender, CR_GENDER_FEMALE);
    CHECK(k->pronouns >= 2); /* her, she, her */
    CHECK_STR(k->name, "Maria Kolesnikova");
  }
  const cr_entity *p = entity_of(&d, "Ivan Petrov");
  CHECK(p && p != k);
  /* "he" goes to the man, not to the nearest woman */
  int he_to_petrov = 0;
  for (size_t i = 0; i < d.e.nm; i++)
    if ((d.e.m[i].flags & CR_MF_PRONOUN) && d.e.m[i].len == 2 &&
        memcmp(d.n.text + d.e.m[i].off, "he", 2) == 0)
      he_to_petrov = p && &d.e.e[d.e.m[i].entity] == p;
  CHECK(he_to_petrov);
  cr_arena_free(d.a);

  /* husband and wife stay two people; the relation is noted */
  run(&d, "Sviatlana Tsikhanouskaya spoke in Vilnius. Her husband, Siarhei "
          "Tsikhanouski, was freed. Tsikhanouski thanked Tsikhanouskaya.");
  const cr_entity *w = entity_of(&d, "Sviatlana Tsikhanouskaya");
  const cr_entity *h = entity_of(&d, "Siarhei Tsikhanouski");
  CHECK(w && h && w != h);
  CHECK(h == entity_of(&d, "Tsikhanouski"));
  CHECK(w == entity_of(&d, "Tsikhanouskaya"));
  if (w && h)
    CHECK_EQ(h->relative_of, (int32_t)(w - d.e.e));
  cr_arena_free(d.a);

  /* two people sharing a surname: a surname alone joins the latest one
   * whose gender fits, never both */
  run(&d, "Viktar Babaryka ran for president. His son Eduard Babaryka was "
          "also jailed. Babaryka was freed on Saturday.");
  const cr_entity *v = entity_of(&d, "Viktar Babaryka");
  const cr_entity *e = entity_of(&d, "Eduard Babaryka");
  CHECK(v && e && v != e);
  if (v && e)
    CHECK_EQ(e->relative_of, (int32_t)(v - d.e.e));
  cr_arena_free(d.a);

  /* acronyms and known other names join their body or place */
  run(&d, "The Real Estate Council of Ontario said RECO would act. Officials "
          "in the United States and the U.S. Congress agreed.");
  const cr_entity *r = entity_of(&d, "Real Estate Council of Ontario");
  CHECK(r && r == entity_of(&d, "RECO"));
  cr_arena_free(d.a);
}

static void test_across_articles(void) {
  static const char *const texts[] = {
      "Maria Kolesnikova was freed. Kolesnikova thanked Sviatlana "
      "Tsikhanouskaya, whose husband Siarhei Tsikhanouski is still jailed.",
      "Maryia Kalesnikava spoke to reporters. Kalesnikava said Viktar "
      "Babaryka was also released.",
      "Viktor Babariko and Maksim Znak left Minsk. Tsikhanouskaya welcomed "
      "the news.",
      "Eduard Babaryka, his son, remains in prison. Maxim Znak is free."};
  doc d[4];
  cr_alias *al = cr_alias_new(E);
  CHECK(al != NULL);
  for (uint32_t i = 0; i < 4; i++) {
    run(&d[i], texts[i]);
    CHECK_EQ(cr_alias_add(al, i, &d[i].n, &d[i].e), 0);
  }
  CHECK_EQ(cr_alias_resolve(al), 0);
  /* the story entity holding a spelling */
  int32_t who[16];
  static const char *const names[] = {
      "Maria Kolesnikova", "Maryia Kalesnikava",   "Viktar Babaryka",
      "Viktor Babariko",   "Maksim Znak",          "Maxim Znak",
      "Eduard Babaryka",   "Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya",
      "Tsikhanouskaya"};
  for (size_t k = 0; k < 10; k++) {
    who[k] = -1;
    for (size_t i = 0; i < cr_alias_count(al); i++) {
      const cr_story_entity *se = cr_alias_get(al, i);
      for (size_t v = 0; v < se->nvariants; v++)
        if (strcmp(se->variants[v], names[k]) == 0)
          who[k] = (int32_t)i;
    }
    CHECK(who[k] >= 0);
  }
  CHECK_EQ(who[0], who[1]); /* Kolesnikova / Kalesnikava */
  CHECK_EQ(who[2], who[3]); /* Babaryka / Babariko */
  CHECK_EQ(who[4], who[5]); /* Maksim / Maxim Znak */
  CHECK_EQ(who[8], who[9]); /* the surname alone, in another article */
  CHECK(who[2] != who[6]);  /* father and son */
  CHECK(who[7] != who[8]);  /* husband and wife */
  const cr_story_entity *se =
      who[0] >= 0 ? cr_alias_get(al, (size_t)who[0]) : NULL;
  if (se) {
    CHECK_EQ(se->kind, CR_ENT_PER);
    CHECK_EQ(se->ndocs, 2);
    CHECK(se->nvariants >= 3);
  }
  /* the document entity maps to its story entity */
  const cr_mention *m = find(&d[1], "Maryia Kalesnikava");
  CHECK(m && cr_alias_of(al, 1, (uint32_t)m->entity) == who[0]);
  cr_alias_free(al);
  for (int i = 0; i < 4; i++)
    cr_arena_free(d[i].a);
}

static void test_edges(void) {
  doc d;
  run(&d, "");
  CHECK_EQ(d.e.nm, 0);
  cr_arena_free(d.a);
  run(&d, "\xff\xfe binary \x01 garbage ’’’ 's 's");
  cr_arena_free(d.a);
  cr_name n;
  CHECK_EQ(cr_name_parse(cr_entities_lex(E), "Mr.", 3, &n), -1);
  CHECK(cr_entities_new("/nonexistent/model.txt") == NULL);
  /* a tiny arena cap: a clean error, no crash */
  cr_arena *a = cr_arena_new(256, 4096);
  cr_norm nn;
  const char *t = "Maria Kolesnikova met John Smith in Paris and London. "
                  "Kolesnikova and Smith spoke to the United Nations.";
  if (cr_normalize_run(NZ, t, strlen(t), a, &nn) == CROSSREAD_OK) {
    cr_ents e;
    crossread_status st = cr_entities_run(E, &nn, a, &e);
    CHECK(st == CROSSREAD_OK || st == CROSSREAD_ERR_TOOBIG);
  }
  cr_arena_free(a);
}

int main(void) {
  E = cr_entities_new(NULL);
  NZ = cr_normalizer_new();
  if (!E || !NZ) {
    printf("cannot load the entity stage\n");
    return 1;
  }
  RUN(test_tagging);
  RUN(test_name_keys);
  RUN(test_name_merges);
  RUN(test_name_never_merges);
  RUN(test_document);
  RUN(test_across_articles);
  RUN(test_edges);
  cr_entities_free(E);
  cr_normalizer_free(NZ);
  return DONE();
}
