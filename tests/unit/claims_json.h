/* claims_json.h -- for the claims tests that go through the public API:
 * digest inputs and read the quotes of every article from the JSON. */
#ifndef CR_TEST_CLAIMS_JSON_H
#define CR_TEST_CLAIMS_JSON_H

#include <ctype.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "crossread.h"

/* Feed every path, finish, render JSON and parse it; NULL on failure. */
static inline json_t *cj_digest(const char *const *paths, size_t n) {
  crossread_engine *eng = crossread_engine_new(0);
  if (!eng)
    return NULL;
  for (size_t i = 0; i < n; i++)
    crossread_feed_path(eng, paths[i], CROSSREAD_IN_AUTO, NULL);
  char *out = NULL;
  size_t len = 0;
  json_t *root = NULL;
  if (crossread_finish(eng, NULL) == CROSSREAD_OK &&
      crossread_render(eng, CROSSREAD_FORMAT_JSON, &out, &len, NULL) ==
          CROSSREAD_OK)
    root = json_loadb(out, len, 0, NULL);
  crossread_free(out);
  crossread_engine_free(eng);
  return root;
}

/* Lower case, no leading article, single spaces, curly quotes folded. */
static inline void cj_norm(const char *s, char *out, size_t cap) {
  size_t k = 0;
  int sp = 0;
  while (*s == ' ')
    s++;
  if (!strncasecmp(s, "the ", 4))
    s += 4;
  else if (!strncasecmp(s, "a ", 2))
    s += 2;
  else if (!strncasecmp(s, "an ", 3))
    s += 3;
  for (; *s && k + 1 < cap; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99)) {
      c = '\'';
      s += 2;
    }
    if (isspace(c)) {
      sp = 1;
      continue;
    }
    if (sp && k)
      out[k++] = ' ';
    sp = 0;
    if (k + 1 < cap)
      out[k++] = (char)tolower(c);
  }
  out[k] = '\0';
}

#endif
