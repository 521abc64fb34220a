/* ner_data.h -- shared by tools/ner_train.c and bench/ner_eval.c: reads the
 * UNER-style JSON Lines of ../shared/data/claims/ner (sentences with
 * character-offset entities), joins the sentences of each document into one
 * text, runs the text core on it and maps between the clean text and the
 * sentences' own byte offsets. Test and build tooling, not library code. */
#ifndef CR_TOOLS_NER_DATA_H
#define CR_TOOLS_NER_DATA_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/strmap.h"
#include "entities/ner.h"
#include "normalize/normalize.h"

typedef struct nd_ent {
  size_t start, end; /* bytes in the sentence text */
  int type;          /* 0 PER, 1 ORG, 2 LOC */
} nd_ent;

typedef struct nd_sent {
  char *id, *doc, *text;
  size_t len;
  nd_ent *ents;
  size_t nents;
  size_t off; /* in the document text */
} nd_sent;

typedef struct nd_doc {
  size_t first, n; /* sentences */
  char *text;      /* sentences joined by "\n\n" */
  size_t len;
  unsigned fold;   /* cross-validation fold */
} nd_doc;

typedef struct nd_set {
  nd_sent *s;
  size_t ns;
  nd_doc *d;
  size_t nd;
} nd_set;

static inline size_t nd_cp_to_byte(const char *t, size_t len, size_t cp) {
  size_t b = 0;
  for (size_t k = 0; k < cp && b < len; k++) {
    b++;
    while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
      b++;
  }
  return b;
}

static inline int nd_type(const char *t) {
  return strcmp(t, "PER") == 0 ? 0 : strcmp(t, "ORG") == 0 ? 1 : 2;
}

/* Read the set; documents in order of first appearance, sentences of one
 * document consecutive (as in the file). Folds: hash of the document id. */
static inline int nd_load(const char *path, unsigned folds, nd_set *out) {
  memset(out, 0, sizeof *out);
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  size_t cap = 0, dcap = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t ll;
  while ((ll = getline(&line, &lcap, f)) > 0) {
    json_error_t je;
    json_t *r = json_loadb(line, (size_t)ll, 0, &je);
    if (!r)
      continue;
    if (out->ns == cap) {
      cap = cap ? cap * 2 : 512;
      out->s = realloc(out->s, cap * sizeof *out->s);
      if (!out->s)
        exit(1);
    }
    nd_sent *s = &out->s[out->ns];
    memset(s, 0, sizeof *s);
    s->id = strdup(json_string_value(json_object_get(r, "id")));
    const char *doc = json_string_value(json_object_get(r, "doc"));
    s->doc = strdup(doc ? doc : s->id);
    s->text = strdup(json_string_value(json_object_get(r, "text")));
    s->len = strlen(s->text);
    json_t *ents = json_object_get(r, "entities");
    s->nents = json_array_size(ents);
    s->ents = calloc(s->nents ? s->nents : 1, sizeof *s->ents);
    for (size_t k = 0; k < s->nents; k++) {
      json_t *e = json_array_get(ents, k);
      size_t a = (size_t)json_integer_value(json_object_get(e, "start"));
      size_t b = (size_t)json_integer_value(json_object_get(e, "end"));
      s->ents[k].start = nd_cp_to_byte(s->text, s->len, a);
      s->ents[k].end = nd_cp_to_byte(s->text, s->len, b);
      s->ents[k].type = nd_type(json_string_value(json_object_get(e, "type")));
    }
    json_decref(r);
    if (!out->nd || strcmp(out->s[out->d[out->nd - 1].first].doc, s->doc)) {
      if (out->nd == dcap) {
        dcap = dcap ? dcap * 2 : 128;
        out->d = realloc(out->d, dcap * sizeof *out->d);
        if (!out->d)
          exit(1);
      }
      nd_doc *d = &out->d[out->nd++];
      memset(d, 0, sizeof *d);
      d->first = out->ns;
      d->fold = folds ? (unsigned)(cr_hash64(s->doc, strlen(s->doc)) % folds) : 0;
    }
    out->d[out->nd - 1].n++;
    out->ns++;
  }
  free(line);
  fclose(f);
  for (size_t i = 0; i < out->nd; i++) {
    nd_doc *d = &out->d[i];
    size_t len = 0;
    for (size_t k = 0; k < d->n; k++)
      len += out->s[d->first + k].len + 2;
    d->text = malloc(len + 1);
    if (!d->text)
      exit(1);
    size_t o = 0;
    for (size_t k = 0; k < d->n; k++) {
      nd_sent *s = &out->s[d->first + k];
      if (k) {
        d->text[o++] = '\n';
        d->text[o++] = '\n';
      }
      s->off = o;
      memcpy(d->text + o, s->text, s->len);
      o += s->len;
    }
    d->text[o] = '\0';
    d->len = o;
  }
  return 0;
}

static inline void nd_free(nd_set *set) {
  for (size_t i = 0; i < set->ns; i++) {
    free(set->s[i].id);
    free(set->s[i].doc);
    free(set->s[i].text);
    free(set->s[i].ents);
  }
  for (size_t i = 0; i < set->nd; i++)
    free(set->d[i].text);
  free(set->s);
  free(set->d);
  memset(set, 0, sizeof *set);
}

/* For each byte of the clean text, the byte of the original it came from:
 * the cleaner only drops or merges white space and control characters and
 * composes a few characters (NFC), so a walk over both suffices. */
static inline size_t *nd_align(const char *orig, size_t olen, const char *clean,
                        size_t clen) {
  size_t *map = malloc((clen + 1) * sizeof *map);
  if (!map)
    exit(1);
  size_t i = 0, j = 0;
  while (j < clen) {
    if (i < olen && orig[i] == clean[j]) {
      map[j++] = i++;
    } else if (i < olen && ((unsigned char)orig[i] <= ' ' ||
                            (orig[i] == '\xc2' && i + 1 < olen &&
                             orig[i + 1] == '\xa0'))) {
      i += (unsigned char)orig[i] <= ' ' ? 1 : 2;
    } else if ((unsigned char)clean[j] <= ' ') {
      map[j++] = i;
    } else {
      map[j++] = i < olen ? i : olen;
      if (i < olen)
        i++;
    }
  }
  map[clen] = i < olen ? i : olen;
  return map;
}

/* The sentence of the document holding original byte b. */
static inline size_t nd_sent_of(const nd_set *set, const nd_doc *d, size_t b) {
  size_t k = 0;
  while (k + 1 < d->n && set->s[d->first + k + 1].off <= b)
    k++;
  return d->first + k;
}

/* Gold BIO tags of the tokens of the clean text. */
static inline void nd_gold(const nd_set *set, const nd_doc *d, const cr_norm *n,
                    const size_t *map, uint8_t *tags) {
  memset(tags, 0, n->ntok);
  for (size_t t = 0; t < n->ntok; t++) {
    size_t b = map[n->tok[t].off];
    size_t si = nd_sent_of(set, d, b);
    const nd_sent *s = &set->s[si];
    if (b < s->off)
      continue;
    size_t rb = b - s->off;
    for (size_t k = 0; k < s->nents; k++) {
      const nd_ent *e = &s->ents[k];
      if (rb >= e->start && rb < e->end) {
        int inside_before = t > 0 && map[n->tok[t - 1].off] >= s->off &&
                            map[n->tok[t - 1].off] - s->off >= e->start &&
                            map[n->tok[t - 1].off] - s->off < e->end;
        tags[t] = (uint8_t)(1 + e->type * 2 + (inside_before ? 1 : 0));
        break;
      }
    }
  }
}

#endif
