/* bench_sbd.c -- throughput of the text core on news text: cr_text_clean,
 * cr_tokenize, cr_sentence_split (on clean text) and the whole
 * cr_normalize_run (repair, clean, split, tokens, folds, stems), best of
 * several passes, printed as one JSON line. Documents come from clusters
 * JSON Lines files ({"documents": [{"text": ...}]}, as
 * ../shared/data/summarization/clusters.dev.jsonl) or from plain text files.
 *
 *   bench_sbd [--passes N] FILE... */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "normalize/normalize.h"

typedef struct docs {
  char **text;
  size_t *len;
  size_t n, cap, bytes;
} docs;

static int add_doc(docs *d, const char *s, size_t len) {
  if (d->n == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 256;
    char **t = realloc(d->text, cap * sizeof *t);
    size_t *l = realloc(d->len, cap * sizeof *l);
    if (t)
      d->text = t;
    if (l)
      d->len = l;
    if (!t || !l)
      return -1;
    d->cap = cap;
  }
  d->text[d->n] = malloc(len + 1);
  if (!d->text[d->n])
    return -1;
  memcpy(d->text[d->n], s, len);
  d->text[d->n][len] = '\0';
  d->len[d->n++] = len;
  d->bytes += len;
  return 0;
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (cap - n < 65536) {
      char *p = realloc(buf, cap = cap ? cap * 2 : 1 << 20);
      if (!p) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = p;
    }
    size_t r = fread(buf + n, 1, cap - n - 1, f);
    n += r;
    if (r == 0)
      break;
  }
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* one clusters line: every documents[].text; or an object with "text" */
static int load_jsonl(docs *d, const char *path, char *data) {
  int line = 0;
  for (char *p = data; *p;) {
    char *e = strchr(p, '\n');
    if (e)
      *e = '\0';
    line++;
    if (*p) {
      json_error_t je;
      json_t *o = json_loads(p, 0, &je);
      json_t *arr = o ? json_object_get(o, "documents") : NULL;
      size_t i;
      json_t *doc;
      if (!o) {
        fprintf(stderr, "bench_sbd: %s:%d: %s\n", path, line, je.text);
      } else if (json_is_array(arr)) {
        json_array_foreach(arr, i, doc) {
          json_t *t = json_object_get(doc, "text");
          if (json_is_string(t) &&
              add_doc(d, json_string_value(t), json_string_length(t)))
            return -1;
        }
      } else if (json_is_string(json_object_get(o, "text"))) {
        json_t *t = json_object_get(o, "text");
        if (add_doc(d, json_string_value(t), json_string_length(t)))
          return -1;
      }
      json_decref(o);
    }
    if (!e)
      break;
    p = e + 1;
  }
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int count_tok(void *ud, uint32_t off, uint32_t len, int kind,
                     unsigned flags) {
  (*(size_t *)ud)++;
  return 0;
}

int main(int argc, char **argv) {
  int passes = 5;
  docs d = {0};
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      passes = (int)strtol(argv[++i], NULL, 10);
      if (passes < 1)
        passes = 1;
      continue;
    }
    size_t len;
    char *data = read_all(argv[i], &len);
    if (!data) {
      fprintf(stderr, "bench_sbd: %s: cannot read\n", argv[i]);
      continue;
    }
    size_t nl = strlen(argv[i]);
    int rc = nl > 6 && strcmp(argv[i] + nl - 6, ".jsonl") == 0
                 ? load_jsonl(&d, argv[i], data)
                 : add_doc(&d, data, len);
    free(data);
    if (rc) {
      fprintf(stderr, "bench_sbd: out of memory\n");
      return 1;
    }
  }
  if (!d.n) {
    fprintf(stderr, "usage: bench_sbd [--passes N] CLUSTERS.jsonl|TEXT...\n");
    return 2;
  }

  /* clean once for the split and token timings */
  cr_buf *clean = calloc(d.n, sizeof *clean);
  size_t clean_bytes = 0;
  for (size_t i = 0; i < d.n; i++) {
    cr_buf_init(&clean[i], 0);
    cr_buf_reserve(&clean[i], 1);
    cr_text_clean(d.text[i], d.len[i], &clean[i]);
    clean_bytes += clean[i].len;
  }
  cr_arena *a = cr_arena_new(1 << 20, 0);
  cr_normalizer *nz = cr_normalizer_new();
  cr_buf tmp;
  cr_buf_init(&tmp, 0);
  double best[4] = {1e30, 1e30, 1e30, 1e30};
  size_t nsent = 0, ntok = 0, nwords = 0;
  for (int p = 0; p < passes; p++) {
    double t0 = now();
    for (size_t i = 0; i < d.n; i++) {
      cr_buf_reset(&tmp);
      cr_text_clean(d.text[i], d.len[i], &tmp);
    }
    double t1 = now();
    ntok = 0;
    for (size_t i = 0; i < d.n; i++)
      cr_tokenize(clean[i].data, clean[i].len, count_tok, &ntok);
    double t2 = now();
    nsent = 0;
    for (size_t i = 0; i < d.n; i++) {
      cr_span *sp;
      size_t n;
      cr_arena_reset(a);
      cr_sentence_split(clean[i].data, clean[i].len, a, &sp, &n);
      nsent += n;
    }
    double t3 = now();
    nwords = 0;
    for (size_t i = 0; i < d.n; i++) {
      cr_norm nm;
      cr_arena_reset(a);
      if (cr_normalize_run(nz, d.text[i], d.len[i], a, &nm) == CROSSREAD_OK)
        nwords += nm.words;
    }
    double t4 = now();
    double t[4] = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
    for (int k = 0; k < 4; k++)
      if (t[k] < best[k])
        best[k] = t[k];
  }
  printf("{\"tool\": \"crossread\", \"documents\": %zu, \"bytes\": %zu, "
         "\"clean_bytes\": %zu, \"sentences\": %zu, \"tokens\": %zu, "
         "\"words\": %zu, \"passes\": %d, "
         "\"clean_mb_per_sec\": %.1f, \"tokenize_mb_per_sec\": %.1f, "
         "\"split_mb_per_sec\": %.1f, \"normalize_mb_per_sec\": %.1f}\n",
         d.n, d.bytes, clean_bytes, nsent, ntok, nwords, passes,
         (double)d.bytes / 1e6 / best[0], (double)clean_bytes / 1e6 / best[1],
         (double)clean_bytes / 1e6 / best[2], (double)d.bytes / 1e6 / best[3]);
  for (size_t i = 0; i < d.n; i++) {
    cr_buf_clear(&clean[i]);
    free(d.text[i]);
  }
  free(clean);
  free(d.text);
  free(d.len);
  cr_buf_clear(&tmp);
  cr_normalizer_free(nz);
  cr_arena_free(a);
  return 0;
}
