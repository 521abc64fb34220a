/* quant_eval.c -- runs the claims stage on a quantity benchmark file (JSON
 * Lines with "id" and "text", as ../shared/data/claims/quantities) and
 * writes predictions in the format of ../shared/tools/eval_quant.py; also
 * times the stage. bench/claims.sh and tests/shared/quantities.sh call it.
 *
 *   quant_eval GOLD.jsonl PRED.jsonl [--repeat N] [--debug] [--published ISO]
 *
 * The unit names of the library are mapped to the benchmark's
 * normalised names here, never inside the library. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claims/claims.h"
#include "core/arena.h"
#include "normalize/normalize.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The benchmark's names for a few units; everything else is kept. */
static const char *bench_unit(const cr_quantity *q) {
  static const char *const map[][2] = {
      {"percent", "percentage"},
      {"yen", "japanese yen"},
      {"yuan", "chinese yuan"},
      {"tonne", "metric ton"},
      {"pound", "pound-mass"},
      {"kilopound per square inch", "kilopound per square inch"},
      {"pound-foot", "pound-foot"},
      {"times", "count"},
      {"part per billion", "parts-per-billion"},
  };
  if (q->kind == CR_Q_AGE)
    return "year of age";
  if (!q->unit || !*q->unit)
    return "-";
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (!strcmp(q->unit, map[i][0]))
      return map[i][1];
  return q->unit;
}

static const char *bench_change(const cr_quantity *q) {
  static char a[2];
  if (q->change > 0)
    return "up";
  if (q->change < 0)
    return "down";
  a[0] = q->approx ? q->approx : '=';
  a[1] = '\0';
  return a;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: quant_eval GOLD.jsonl PRED.jsonl [--repeat N] [--debug] "
            "[--published ISO]\n");
    return 2;
  }
  int repeat = 1, debug = 0;
  const char *published = NULL;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--published") && i + 1 < argc)
      published = argv[++i];
    else if (!strcmp(argv[i], "--debug"))
      debug = 1;
  }
  if (repeat < 1)
    repeat = 1;
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    fprintf(stderr, "quant_eval: %s: cannot open\n", argv[1]);
    return 2;
  }
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    fprintf(stderr, "quant_eval: %s: cannot write\n", argv[2]);
    fclose(in);
    return 2;
  }
  /* read all records first so the timing covers the stages only */
  size_t n = 0, cap = 0;
  char **ids = NULL, **texts = NULL;
  char line[1 << 16];
  while (fgets(line, sizeof line, in)) {
    json_error_t jerr;
    json_t *o = json_loads(line, 0, &jerr);
    if (!o)
      continue;
    const char *id = json_string_value(json_object_get(o, "id"));
    const char *text = json_string_value(json_object_get(o, "text"));
    if (id && text) {
      if (n == cap) {
        cap = cap ? cap * 2 : 256;
        ids = realloc(ids, cap * sizeof *ids);
        texts = realloc(texts, cap * sizeof *texts);
        if (!ids || !texts)
          return 1;
      }
      ids[n] = strdup(id);
      texts[n] = strdup(text);
      n++;
    }
    json_decref(o);
  }
  fclose(in);
  cr_normalizer *nz = cr_normalizer_new();
  cr_claims_ctx *cc = cr_claims_ctx_new();
  cr_arena *a = cr_arena_new(1 << 16, 0);
  if (!nz || !cc || !a)
    return 1;
  size_t bytes = 0, nq = 0;
  double best = 1e30, best_claims = 1e30;
  for (int r = 0; r < repeat; r++) {
    double t0 = now(), tc = 0;
    for (size_t i = 0; i < n; i++) {
      cr_arena_reset(a);
      cr_norm norm;
      cr_claims cl;
      size_t len = strlen(texts[i]);
      if (cr_normalize_run(nz, texts[i], len, a, &norm) != CROSSREAD_OK)
        continue;
      double c0 = now();
      if (cr_claims_run(cc, &norm, published, a, &cl) != CROSSREAD_OK)
        continue;
      tc += now() - c0;
      if (r > 0)
        continue;
      bytes += len;
      nq += cl.nq;
      json_t *o = json_object();
      json_t *qs = json_array();
      json_object_set_new(o, "id", json_string(ids[i]));
      for (size_t k = 0; k < cl.nq; k++) {
        const cr_quantity *q = &cl.q[k];
        json_t *j = json_object();
        if (q->range) {
          json_object_set_new(j, "low", json_real(q->value));
          json_object_set_new(j, "high", json_real(q->high));
          json_object_set_new(j, "value", json_real(q->value));
        } else {
          json_object_set_new(j, "value", json_real(q->value));
        }
        json_object_set_new(j, "unit", json_string(q->unit ? q->unit : ""));
        json_object_set_new(j, "normalized_unit", json_string(bench_unit(q)));
        json_object_set_new(j, "change", json_string(bench_change(q)));
        json_object_set_new(j, "kind",
                            json_string(cr_claims_kind_name(q->kind)));
        if (debug) {
          json_object_set_new(
              j, "text", json_stringn(norm.text + q->span.off, q->span.len));
          json_object_set_new(
              j, "subject",
              json_stringn(norm.text + q->subject.off, q->subject.len));
          json_object_set_new(
              j, "predicate",
              json_stringn(norm.text + q->predicate.off, q->predicate.len));
          json_object_set_new(j, "key", json_string(q->key));
        }
        json_array_append_new(qs, j);
      }
      json_object_set_new(o, "quantities", qs);
      if (debug) {
        json_t *qq = json_array();
        for (size_t k = 0; k < cl.nquotes; k++) {
          const cr_quote *q = &cl.quotes[k];
          json_t *j = json_object();
          json_object_set_new(j, "text", json_string(q->text ? q->text : ""));
          json_object_set_new(
              j, "speaker",
              json_stringn(norm.text + q->speaker.off, q->speaker.len));
          json_object_set_new(
              j, "name", json_stringn(norm.text + q->name.off, q->name.len));
          json_object_set_new(j, "rule",
                              json_string(cr_claims_rule_name(q->rule)));
          json_array_append_new(qq, j);
        }
        json_object_set_new(o, "quotes", qq);
        json_t *dd = json_array();
        for (size_t k = 0; k < cl.ndates; k++) {
          const cr_date *t = &cl.dates[k];
          json_t *j = json_object();
          json_object_set_new(
              j, "text", json_stringn(norm.text + t->span.off, t->span.len));
          json_object_set_new(j, "iso", json_string(t->iso));
          json_array_append_new(dd, j);
        }
        json_object_set_new(o, "dates", dd);
      }
      char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
      if (s) {
        fprintf(out, "%s\n", s);
        free(s);
      }
      json_decref(o);
    }
    double el = now() - t0;
    if (el < best)
      best = el;
    if (tc < best_claims)
      best_claims = tc;
  }
  fclose(out);
  fprintf(stderr,
          "{\"sentences\": %zu, \"bytes\": %zu, \"quantities\": %zu, "
          "\"repeat\": %d, \"best_total_s\": %.6f, \"best_claims_s\": %.6f, "
          "\"claims_mb_per_s\": %.2f}\n",
          n, bytes, nq, repeat, best, best_claims,
          best_claims > 0 ? (double)bytes / 1e6 / best_claims : 0.0);
  for (size_t i = 0; i < n; i++) {
    free(ids[i]);
    free(texts[i]);
  }
  free(ids);
  free(texts);
  cr_arena_free(a);
  cr_claims_ctx_free(cc);
  cr_normalizer_free(nz);
  return 0;
}
