/* test_claims_examples.c -- every quote that an example story lists in its
 * examples/<story>/EXPECTED.md (the ```json block, "quotes": [{"speaker",
 * "text", "articles"}]) is found in the digest of examples/corpus with the
 * right speaker: a spelling of that person listed among the story's
 * "entities" variants (linking spellings is the entity stage's work); and
 * every numeric claim value listed with evidence in an article is among
 * that article's quantities (years and day names among its dates).
 * Skipped while no EXPECTED.md lists quotes. */
#include <dirent.h>
#include <math.h>
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

/* The number an EXPECTED claim value states ("87", "$340 million",
 * "about 40%", "Three", "12 years"); 0 when it is no plain number. */
static int expected_number(const char *v, double *out) {
  static const char *const words[] = {
      "zero",  "one",   "two",  "three", "four",   "five",   "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve", NULL};
  char low[128];
  cj_norm(v, low, sizeof low);
  for (int i = 0; words[i]; i++)
    if (!strncmp(low, words[i], strlen(words[i])) &&
        (!low[strlen(words[i])] || low[strlen(words[i])] == ' ')) {
      *out = i;
      return 1;
    }
  const char *p = low;
  while (*p && !(*p >= '0' && *p <= '9'))
    p++;
  if (!*p)
    return 0;
  char num[64];
  size_t k = 0;
  for (; *p && k + 1 < sizeof num &&
         ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',');
       p++)
    if (*p != ',')
      num[k++] = *p;
  num[k] = '\0';
  if (*p == '-' && p[1] >= '0' && p[1] <= '9')
    return 0; /* a score, "3-1" */
  *out = strtod(num, NULL);
  if (strstr(p, "million"))
    *out *= 1e6;
  else if (strstr(p, "billion"))
    *out *= 1e9;
  return 1;
}

/* The digest article for an EXPECTED article id ("story/file", or
 * "story/file#itemN" named by its link in article_meta). */
static json_t *find_article(json_t *root, json_t *meta, const char *id) {
  const char *want = id;
  if (strchr(id, '#')) {
    json_t *m = json_object_get(meta, id);
    want = json_string_value(json_object_get(m, "link"));
    if (!want)
      want = json_string_value(json_object_get(m, "url"));
    if (!want)
      return NULL;
  }
  size_t i;
  json_t *a;
  json_array_foreach(json_object_get(root, "articles"), i, a) {
    const char *src = json_string_value(json_object_get(a, "source"));
    size_t ls = src ? strlen(src) : 0, lw = strlen(want);
    if (src && ls >= lw && !strcmp(src + ls - lw, want))
      return a;
  }
  return NULL;
}

/* Every numeric claim value an EXPECTED.md gives for an article is among
 * that article's quantities (years and day names among its dates). */
static void expected_values(json_t *root, const char *src) {
  char path[4096];
  snprintf(path, sizeof path, "%s/examples", src);
  DIR *dir = opendir(path);
  if (!dir)
    return;
  size_t pairs = 0, ok = 0;
  struct dirent *de;
  while ((de = readdir(dir))) {
    if (de->d_name[0] == '.')
      continue;
    char p[4096 + 512];
    snprintf(p, sizeof p, "%s/%s/EXPECTED.md", path, de->d_name);
    json_t *j = expected_json(p);
    json_t *meta = j ? json_object_get(j, "article_meta") : NULL;
    size_t ci;
    json_t *c;
    json_array_foreach(j ? json_object_get(j, "claims") : NULL, ci, c) {
      const char *value = json_string_value(json_object_get(c, "value"));
      double v = 0;
      int year = value && strlen(value) == 4 && value[0] >= '1' &&
                 value[0] <= '2' && strspn(value, "0123456789") == 4;
      int day = value && strspn(value, "0123456789") == 0 &&
                strstr("Monday Tuesday Wednesday Thursday Friday Saturday "
                       "Sunday",
                       value);
      if (!value || (!year && !day && !expected_number(value, &v)))
        continue;
      const char *id;
      json_t *ev;
      double v0 = v;
      json_object_foreach(json_object_get(c, "evidence"), id, ev) {
        json_t *a = find_article(root, meta, id);
        if (!a)
          continue;
        /* an article may give a compatible value of its own ("41%" for
         * "about 40%"): the number in its evidence counts */
        const char *et = json_string_value(ev);
        v = v0;
        if (!year && !day && et) {
          char el[512];
          cj_norm(et, el, sizeof el);
          char vl[128];
          cj_norm(value, vl, sizeof vl);
          char digits[64];
          const char *dp = vl + strcspn(vl, "0123456789");
          size_t dl = strspn(dp, "0123456789,.");
          snprintf(digits, sizeof digits, "%.*s", (int)dl, dp);
          int has = dl ? strstr(el, digits) != NULL : strstr(el, vl) != NULL;
          if (!has && !expected_number(et, &v))
            continue;
        }
        pairs++;
        int found = 0;
        size_t k;
        json_t *x;
        json_array_foreach(json_object_get(a, "claims"), k, x) {
          const char *kind = json_string_value(json_object_get(x, "kind"));
          if (year || day) {
            const char *d = json_string_value(json_object_get(x, "date"));
            const char *t = json_string_value(json_object_get(x, "text"));
            if (kind && !strcmp(kind, "date") &&
                ((year && d && !strncmp(d, value, 4)) ||
                 (day && t && strstr(t, value))))
              found = 1;
            continue;
          }
          if (!kind || strcmp(kind, "quantity"))
            continue;
          json_t *val = json_object_get(x, "value");
          double n = json_number_value(json_object_get(val, "number"));
          json_t *hi = json_object_get(val, "high");
          if (fabs(n - v) < 1e-6 * (fabs(v) + 1) ||
              (hi && fabs(json_number_value(hi) - v) < 1e-6 * (fabs(v) + 1)))
            found = 1;
        }
        if (!found)
          printf("%s: claim \"%s\" (%s) not found in %s\n", de->d_name, value,
                 json_string_value(json_object_get(c, "about")), id);
        ok += (size_t)found;
      }
    }
    json_decref(j);
  }
  closedir(dir);
  printf("example claim values: %zu of %zu (article, value) pairs found\n", ok,
         pairs);
  CHECK_EQ(ok, pairs);
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
  expected_values(root, src);
  json_decref(root);
  json_decref(want);
  return DONE();
}
