/* test_claims_examples.c -- every quote that an example story lists in its
 * examples/<story>/EXPECTED.md (the ```json block, "quotes": [{"speaker",
 * "text", "articles"}]) is found in the digest of examples/corpus with the
 * right speaker: a spelling of that person listed among the story's
 * "entities" variants (linking spellings is the entity stage's work).
 * Skipped while no EXPECTED.md lists quotes. */
#include <dirent.h>
#include <sys/stat.h>

#include "harness.h"
#include "unit/claims_json.h"

/* The first ```json block of a Markdown file, parsed. */
static json_t *expected_json(const char *path) {
  char *md = h_read_file(path, NULL);
  if (!md)
    return NULL;
  json_t *j = NULL;
  char *a = strstr(md, "```json");
  if (a) {
    a = strchr(a, '\n');
    char *b = a ? strstr(a, "```") : NULL;
    if (a && b)
      j = json_loadb(a + 1, (size_t)(b - a - 1), 0, NULL);
  }
  free(md);
  return j;
}

/* Every spelling of the expected speaker: the canonical name and the
 * variants of the EXPECTED entity of that name (normalised, into out). */
static size_t spellings(json_t *entities, const char *speaker, char out[][256],
                        size_t cap) {
  size_t n = 0;
  cj_norm(speaker, out[n++], 256);
  size_t i;
  json_t *e;
  json_array_foreach(entities, i, e) {
    const char *c = json_string_value(json_object_get(e, "canonical"));
    if (!c || strcmp(c, speaker))
      continue;
    size_t k;
    json_t *v;
    json_array_foreach(json_object_get(e, "variants"), k, v) {
      if (n < cap && json_string_value(v))
        cj_norm(json_string_value(v), out[n++], 256);
    }
  }
  return n;
}

/* Equal strings, where U+FFFD in `got` (a byte the extraction could not
 * decode) stands for any one character of `want`. */
static int same_name(const char *got, const char *want) {
  while (*got && *want) {
    if (!memcmp(got, "\xef\xbf\xbd", 3)) {
      got += 3;
      unsigned char c = (unsigned char)*want;
      want += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      continue;
    }
    if (*got != *want)
      return 0;
    got++;
    want++;
  }
  return !*got && !*want;
}

/* Last word of a normalised name. */
static const char *last_word(const char *s) {
  const char *sp = strrchr(s, ' ');
  return sp ? sp + 1 : s;
}

int main(void) {
  const char *src = getenv("CROSSREAD_SRC");
  if (!src)
    SKIP("CROSSREAD_SRC not set");
  char path[4096];
  snprintf(path, sizeof path, "%s/examples", src);
  DIR *dir = opendir(path);
  if (!dir)
    SKIP("no examples/ folder");
  json_t *want = json_array();
  struct dirent *de;
  while ((de = readdir(dir))) {
    if (de->d_name[0] == '.')
      continue;
    char p[4096 + 512];
    snprintf(p, sizeof p, "%s/%s/EXPECTED.md", path, de->d_name);
    json_t *j = expected_json(p);
    json_t *qs = j ? json_object_get(j, "quotes") : NULL;
    json_t *ents = j ? json_object_get(j, "entities") : NULL;
    size_t i;
    json_t *q;
    json_array_foreach(qs, i, q) {
      json_object_set_new(q, "story", json_string(de->d_name));
      json_object_set(q, "entities", ents ? ents : json_null());
      json_array_append(want, q);
    }
    json_decref(j);
  }
  closedir(dir);
  if (!json_array_size(want)) {
    json_decref(want);
    SKIP("no examples/*/EXPECTED.md lists quotes yet");
  }
  snprintf(path, sizeof path, "%s/examples/corpus", src);
  struct stat st;
  if (stat(path, &st) != 0) {
    json_decref(want);
    SKIP("no examples/corpus");
  }
  const char *paths[1] = {path};
  json_t *root = cj_digest(paths, 1);
  CHECK(root != NULL);
  size_t ok = 0, n = json_array_size(want);
  size_t i;
  json_t *w;
  json_array_foreach(want, i, w) {
    const char *text = json_string_value(json_object_get(w, "text"));
    const char *speaker = json_string_value(json_object_get(w, "speaker"));
    char wt[2048], ws[16][256];
    cj_norm(text ? text : "", wt, sizeof wt);
    size_t nws = spellings(json_object_get(w, "entities"),
                           speaker ? speaker : "", ws, 16);
    int found = 0, right = 0;
    json_t *arts = json_object_get(root, "articles"), *art;
    size_t ai;
    json_array_foreach(arts, ai, art) {
      json_t *claims = json_object_get(art, "claims"), *c;
      size_t ci;
      json_array_foreach(claims, ci, c) {
        const char *kind = json_string_value(json_object_get(c, "kind"));
        const char *t = json_string_value(json_object_get(c, "text"));
        if (!kind || strcmp(kind, "quote") || !t)
          continue;
        char gt[2048];
        cj_norm(t, gt, sizeof gt);
        /* the same words, give or take the punctuation at the edges */
        size_t lw = strlen(wt), lg = strlen(gt);
        while (lw && strchr(".,;:!? ", wt[lw - 1]))
          wt[--lw] = '\0';
        while (lg && strchr(".,;:!? ", gt[lg - 1]))
          gt[--lg] = '\0';
        if (!lw || !lg || (!strstr(gt, wt) && !strstr(wt, gt)))
          continue;
        found = 1;
        const char *names[2] = {
            json_string_value(json_object_get(c, "speaker_name")),
            json_string_value(json_object_get(c, "speaker"))};
        for (int k = 0; k < 2; k++) {
          char gs[256];
          if (!names[k])
            continue;
          cj_norm(names[k], gs, sizeof gs);
          for (size_t m = 0; m < nws; m++)
            if (same_name(gs, ws[m]) ||
                same_name(last_word(gs), last_word(ws[m])))
              right = 1;
        }
      }
    }
    if (!found || !right)
      printf("%s: quote \"%.60s\" by %s: %s\n",
             json_string_value(json_object_get(w, "story")), text ? text : "",
             speaker ? speaker : "(none)",
             found ? "wrong speaker" : "not found");
    ok += (size_t)(found && right);
  }
  printf("example quotes: %zu of %zu found with the right speaker\n", ok, n);
  CHECK_EQ(ok, n);
  json_decref(root);
  json_decref(want);
  return DONE();
}
