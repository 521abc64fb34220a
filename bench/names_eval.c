/* names_eval.c -- measures the person-name matcher of the alias resolver
 * (lib/entities/name.c) on the cross-language name-variant groups of
 * ../shared/data/claims/names (see its README for the pair definition).
 *
 *   names_eval DEV.jsonl [--bgn] [--errors]
 *
 * Pair recall: over the pairs of forms (en, de, sv, pt, Russian) of one
 * group whose strings differ (Russian compared as its stored BGN string, so
 * the count matches the README's 853), the share the matcher accepts. The
 * Russian form is fed in Cyrillic and goes through our own ICU
 * transliteration, unless --bgn feeds the stored BGN string instead.
 * False merges: pairs of forms from two groups whose English forms share no
 * word (different people), the share the matcher accepts; and the share of
 * such group pairs with any accepted pair. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "entities/lex.h"
#include "entities/name.h"

#define MAXG 4096
#define NF 5

typedef struct {
  char *form[NF];  /* fed to the matcher */
  char *ident[NF]; /* compared for "non-identical" */
  cr_name parsed[NF];
  int ok[NF];
  char en_words[256];
} group;

static group G[MAXG];

/* 1 when the space-separated word lists a and b have a word in common */
static int share_word(const char *a, const char *b) {
  for (const char *p = a; *p;) {
    size_t l = strcspn(p, " ");
    for (const char *q = b; *q;) {
      size_t m = strcspn(q, " ");
      if (l && l == m && memcmp(p, q, l) == 0)
        return 1;
      q += m;
      while (*q == ' ')
        q++;
    }
    p += l;
    while (*p == ' ')
      p++;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: names_eval DEV.jsonl [--bgn] [--errors]\n");
    return 2;
  }
  int bgn = 0, errors = 0;
  for (int i = 2; i < argc; i++) {
    bgn |= strcmp(argv[i], "--bgn") == 0;
    errors |= strcmp(argv[i], "--errors") == 0;
  }
  if (strcmp(argv[1], "--show") == 0) {
    cr_entlex *lx = cr_entlex_new();
    for (int i = 2; lx && i < argc; i++) {
      cr_name nm;
      int r = cr_name_parse(lx, argv[i], strlen(argv[i]), &nm);
      printf("%s: r=%d infl=%d gender=%d group=%d form=%d roman=%d |", argv[i],
             r, nm.inflected, nm.gender, nm.given_group, nm.surname_form,
             nm.roman);
      for (int k = 0; k < nm.nw; k++)
        printf(" %s/%s", nm.w[k].ascii, nm.w[k].key);
      printf("\n");
    }
    cr_entlex_free(lx);
    return 0;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    fprintf(stderr, "names_eval: %s: cannot open\n", argv[1]);
    return 1;
  }
  cr_entlex *lx = cr_entlex_new();
  if (!lx) {
    fprintf(stderr, "names_eval: out of memory\n");
    return 1;
  }
  static const char *const langs[] = {"en", "de", "sv", "pt", "ru"};
  size_t ng = 0;
  char line[1 << 16];
  while (ng < MAXG && fgets(line, sizeof line, f)) {
    json_error_t je;
    json_t *r = json_loads(line, 0, &je);
    if (!r)
      continue;
    json_t *forms = json_object_get(r, "forms");
    const char *bg = json_string_value(json_object_get(r, "ru_latn_bgn"));
    group *g = &G[ng];
    for (int k = 0; k < NF; k++) {
      const char *s = json_string_value(json_object_get(forms, langs[k]));
      if (k == 4) {
        if (!bg)
          s = NULL;
        g->ident[k] = bg ? strdup(bg) : NULL;
        if (s && bgn)
          s = bg;
      } else {
        g->ident[k] = s ? strdup(s) : NULL;
      }
      g->form[k] = s ? strdup(s) : NULL;
      if (s)
        g->ok[k] = cr_name_parse(lx, s, strlen(s), &g->parsed[k]) == 0;
    }
    const char *en = g->form[0] ? g->form[0] : "";
    char folded[256];
    cr_name_ascii(lx, en, strlen(en), folded, sizeof folded, NULL);
    snprintf(g->en_words, sizeof g->en_words, "%s", folded);
    json_decref(r);
    ng++;
  }
  fclose(f);
  size_t pairs = 0, hit = 0;
  for (size_t i = 0; i < ng; i++) {
    group *g = &G[i];
    for (int a = 0; a < NF; a++)
      for (int b = a + 1; b < NF; b++) {
        if (!g->ident[a] || !g->ident[b] ||
            strcmp(g->ident[a], g->ident[b]) == 0)
          continue;
        pairs++;
        int m = g->ok[a] && g->ok[b] &&
                cr_name_match(lx, &g->parsed[a], &g->parsed[b]) > 0;
        hit += m;
        if (!m && errors)
          printf("MISS\t%s\t%s\n", g->form[a], g->form[b]);
      }
  }
  size_t neg = 0, fm = 0, gneg = 0, gfm = 0;
  for (size_t i = 0; i < ng; i++)
    for (size_t j = i + 1; j < ng; j++) {
      if (share_word(G[i].en_words, G[j].en_words))
        continue;
      gneg++;
      int any = 0;
      for (int a = 0; a < NF; a++)
        for (int b = 0; b < NF; b++) {
          if (!G[i].form[a] || !G[j].form[b] || !G[i].ok[a] || !G[j].ok[b])
            continue;
          neg++;
          int m = cr_name_match(lx, &G[i].parsed[a], &G[j].parsed[b]) > 0;
          fm += m;
          if (m && errors && !any)
            printf("FALSE\t%s\t%s\n", G[i].form[a], G[j].form[b]);
          any |= m;
        }
      gfm += any;
    }
  printf(
      "{\"groups\": %zu, \"pairs\": %zu, \"matched\": %zu, \"pair_recall\": "
      "%.4f, "
      "\"neg_pairs\": %zu, \"false_merges\": %zu, \"false_merge_rate\": %.5f, "
      "\"neg_group_pairs\": %zu, \"group_pairs_merged\": %zu, "
      "\"group_false_merge_rate\": %.5f, \"russian\": \"%s\"}\n",
      ng, pairs, hit, pairs ? (double)hit / pairs : 0, neg, fm,
      neg ? (double)fm / neg : 0, gneg, gfm, gneg ? (double)gfm / gneg : 0,
      bgn ? "stored BGN" : "Cyrillic via ICU");
  for (size_t i = 0; i < ng; i++)
    for (int k = 0; k < NF; k++) {
      free(G[i].form[k]);
      free(G[i].ident[k]);
    }
  cr_entlex_free(lx);
  return 0;
}
