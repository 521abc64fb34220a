/* test_claims_seeds.c -- quote attribution on the five real seed articles
 * (../shared/corpus/seeds) against our hand-written gold set
 * (tests/cases/claims/seed_quotes.txt), through the public API. Prints
 * precision and recall; skipped when ../shared is absent. */
#include <dirent.h>

#include "harness.h"
#include "unit/claims_json.h"

typedef struct gold {
  char file[16];
  char speaker[128];
  char excerpt[256];
  int found, right;
} gold;

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  const char *shared = h_shared_dir();
  const char *src = getenv("CROSSREAD_SRC");
  if (!shared || !src)
    SKIP("../shared (CROSSREAD_SHARED) or CROSSREAD_SRC not set");
  char path[4096];
  snprintf(path, sizeof path, "%s/corpus/seeds", shared);
  DIR *dir = opendir(path);
  if (!dir)
    SKIP("../shared/corpus/seeds is absent");
  char *files[64];
  size_t nf = 0;
  struct dirent *de;
  while ((de = readdir(dir)) && nf < 64)
    if (strstr(de->d_name, ".txt")) {
      char p[4096 + 512];
      snprintf(p, sizeof p, "%s/%s", path, de->d_name);
      files[nf++] = strdup(p);
    }
  closedir(dir);
  qsort(files, nf, sizeof *files, cmp_str);
  CHECK(nf == 5);

  snprintf(path, sizeof path, "%s/tests/cases/claims/seed_quotes.txt", src);
  char *gtext = h_read_file(path, NULL);
  CHECK(gtext != NULL);
  if (!gtext)
    return DONE();
  gold g[128];
  size_t ng = 0;
  for (char *line = gtext; line && *line && ng < 128;) {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = '\0';
    char *a = strchr(line, '|'), *b = a ? strchr(a + 1, '|') : NULL;
    if (line[0] != '#' && a && b) {
      memset(&g[ng], 0, sizeof g[ng]);
      snprintf(g[ng].file, sizeof g[ng].file, "%.*s", (int)(a - line), line);
      snprintf(g[ng].speaker, sizeof g[ng].speaker, "%.*s", (int)(b - a - 1),
               a + 1);
      snprintf(g[ng].excerpt, sizeof g[ng].excerpt, "%s", b + 1);
      ng++;
    }
    line = nl ? nl + 1 : NULL;
  }
  free(gtext);

  json_t *root = cj_digest((const char *const *)files, nf);
  CHECK(root != NULL);
  if (!root)
    return DONE();
  size_t npred = 0, pred_right = 0;
  json_t *arts = json_object_get(root, "articles"), *art;
  size_t ai;
  json_array_foreach(arts, ai, art) {
    const char *source = json_string_value(json_object_get(art, "source"));
    const char *base = source ? strrchr(source, '/') : NULL;
    base = base ? base + 1 : source ? source : "";
    json_t *claims = json_object_get(art, "claims"), *c;
    size_t ci;
    json_array_foreach(claims, ci, c) {
      if (strcmp(json_string_value(json_object_get(c, "kind")), "quote"))
        continue;
      npred++;
      const char *text = json_string_value(json_object_get(c, "text"));
      const char *name = json_string_value(json_object_get(c, "speaker_name"));
      char got[256], want[256];
      cj_norm(name ? name : "", got, sizeof got);
      int right = 0, matched = 0;
      for (size_t k = 0; k < ng; k++) {
        if (strncmp(base, g[k].file, strlen(g[k].file)) || !text ||
            !strstr(text, g[k].excerpt))
          continue;
        matched = 1;
        g[k].found = 1;
        cj_norm(g[k].speaker, want, sizeof want);
        if (!strcmp(got, want)) {
          g[k].right = 1;
          right = 1;
        } else {
          printf("wrong speaker in %s: \"%s\" for \"%s\" (gold \"%s\")\n", base,
                 name ? name : "(none)", g[k].excerpt, g[k].speaker);
        }
      }
      if (!matched)
        printf("not in gold (%s): \"%.60s\" by %s\n", base, text ? text : "",
               name ? name : "(none)");
      pred_right += (size_t)right;
    }
  }
  size_t found = 0, right = 0;
  for (size_t k = 0; k < ng; k++) {
    found += (size_t)g[k].found;
    right += (size_t)g[k].right;
    if (!g[k].found)
      printf("missed (%s): \"%s\"\n", g[k].file, g[k].excerpt);
  }
  double p = npred ? (double)pred_right / (double)npred : 0;
  double r = ng ? (double)right / (double)ng : 0;
  printf("seed quotes: gold %zu, predicted %zu, found %zu, speaker right %zu; "
         "precision %.3f recall %.3f\n",
         ng, npred, found, right, p, r);
  CHECK_EQ(ng, 27);
  CHECK(p >= 0.9);
  CHECK(r >= 0.9);
  json_decref(root);
  for (size_t i = 0; i < nf; i++)
    free(files[i]);
  return DONE();
}
