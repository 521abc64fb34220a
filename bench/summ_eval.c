/* summ_eval.c -- evaluation driver of the summary stage (lib/summarize) on
 * the DUC-style clusters of ../shared/data/summarization: normalises every
 * document, summarises every cluster, writes PRED.jsonl for eval_rouge.py,
 * and prints one JSON line of timings (summarisation apart from
 * normalisation, single thread).
 *
 *   summ_eval CLUSTERS.jsonl PRED.jsonl [--words N] [--overflow 0|1]
 *             [--repeat R] [--only PREFIX] [--set NAME=VALUE ...]
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "normalize/normalize.h"
#include "summarize/summarize.h"

typedef struct cluster {
  char *id;
  size_t ndocs;
  char **doc_id;
  cr_arena **arena;
  cr_norm *norm;
  cr_sum_doc *sd;
} cluster;

static double now_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now_wall(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* "1998-10-16" -> seconds since the epoch (UTC, days only); 0 if unknown */
static int64_t parse_date(const char *s) {
  if (!s)
    return 0;
  int y, m, d;
  if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
    return 0;
  /* days from civil (Howard Hinnant's algorithm) */
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return ((int64_t)era * 146097 + doe - 719468) * 86400;
}

static int set_opt(cr_sum_opts *o, const char *kv) {
  const char *eq = strchr(kv, '=');
  if (!eq)
    return -1;
  size_t kl = (size_t)(eq - kv);
  double v = strtod(eq + 1, NULL);
#define OPT(name, field, type)                                                 \
  if (kl == strlen(name) && memcmp(kv, name, kl) == 0) {                       \
    o->field = (type)v;                                                        \
    return 0;                                                                  \
  }
  OPT("words", words, unsigned)
  OPT("overflow", overflow, int)
  OPT("min_words", min_words, unsigned)
  OPT("max_words", max_words, unsigned)
  OPT("skip_quotes", skip_quotes, int)
  OPT("skip_openers", skip_openers, int)
  OPT("pos_weight", pos_weight, double)
  OPT("pos_decay", pos_decay, double)
  OPT("unigram_weight", unigram_weight, double)
  OPT("min_support", min_support, double)
  OPT("len_power", len_power, double)
  OPT("df_power", df_power, double)
  OPT("weighting", weighting, int)
  OPT("df_rate", df_rate, double)
  OPT("lead_rate", lead_rate, double)
  OPT("tf_power", tf_power, double)
  OPT("lead_sents", lead_sents, unsigned)
  OPT("repeat_rate", repeat_rate, double)
  OPT("cap_rate", cap_rate, double)
  OPT("num_rate", num_rate, double)
  OPT("first_rate", first_rate, double)
  OPT("last_rate", last_rate, double)
  OPT("uni_df_rate", uni_df_rate, double)
  OPT("uni_tf_power", uni_tf_power, double)
  OPT("repeat_pow", repeat_pow, double)
  OPT("function_weight", function_weight, double)
  OPT("solver_nodes", solver_nodes, unsigned)
  OPT("cand_max", cand_max, unsigned)
  OPT("max_skips", max_skips, unsigned)
  OPT("dup_share", dup_share, double)
#undef OPT
  return -1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: summ_eval CLUSTERS.jsonl PRED.jsonl [--words N] "
                    "[--overflow 0|1] [--repeat R] [--only PREFIX] "
                    "[--set NAME=VALUE ...]\n");
    return 2;
  }
  cr_sum_opts opts;
  cr_sum_opts_default(&opts);
  int repeat = 1;
  const char *only = NULL;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "--words") && i + 1 < argc)
      opts.words = (unsigned)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--overflow") && i + 1 < argc)
      opts.overflow = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--only") && i + 1 < argc)
      only = argv[++i];
    else if (!strcmp(argv[i], "--set") && i + 1 < argc) {
      if (set_opt(&opts, argv[++i])) {
        fprintf(stderr, "summ_eval: %s: unknown option\n", argv[i]);
        return 2;
      }
    } else {
      fprintf(stderr, "summ_eval: %s: unknown argument\n", argv[i]);
      return 2;
    }
  }
  if (repeat < 1)
    repeat = 1;

  FILE *in = fopen(argv[1], "r");
  if (!in) {
    fprintf(stderr, "summ_eval: %s: cannot open\n", argv[1]);
    return 1;
  }
  cr_normalizer *nz = cr_normalizer_new();
  if (!nz) {
    fclose(in);
    return 1;
  }
  cluster *cl = NULL;
  size_t ncl = 0, capcl = 0, ndocs = 0, bytes = 0;
  double t_norm = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t ll;
  size_t lineno = 0;
  while ((ll = getline(&line, &lcap, in)) > 0) {
    lineno++;
    json_error_t jerr;
    json_t *o = json_loadb(line, (size_t)ll, 0, &jerr);
    if (!o) {
      fprintf(stderr, "summ_eval: %s:%zu: %s\n", argv[1], lineno, jerr.text);
      continue;
    }
    const char *id = json_string_value(json_object_get(o, "id"));
    json_t *docs = json_object_get(o, "documents");
    if (!id || !json_is_array(docs) ||
        (only && strncmp(id, only, strlen(only)))) {
      json_decref(o);
      continue;
    }
    if (ncl == capcl) {
      capcl = capcl ? 2 * capcl : 64;
      cl = realloc(cl, capcl * sizeof *cl);
    }
    cluster *c = &cl[ncl++];
    memset(c, 0, sizeof *c);
    c->id = strdup(id);
    size_t nd = json_array_size(docs);
    c->doc_id = calloc(nd + 1, sizeof *c->doc_id);
    c->arena = calloc(nd + 1, sizeof *c->arena);
    c->norm = calloc(nd + 1, sizeof *c->norm);
    c->sd = calloc(nd + 1, sizeof *c->sd);
    for (size_t k = 0; k < nd; k++) {
      json_t *d = json_array_get(docs, k);
      const char *did = json_string_value(json_object_get(d, "id"));
      const char *text = json_string_value(json_object_get(d, "text"));
      if (!did || !text)
        continue;
      size_t i = c->ndocs;
      cr_arena *a = cr_arena_new(64 * 1024, 0);
      double t0 = now_cpu();
      crossread_status st =
          cr_normalize_run(nz, text, strlen(text), a, &c->norm[i]);
      t_norm += now_cpu() - t0;
      if (st != CROSSREAD_OK) {
        fprintf(stderr, "summ_eval: %s/%s: cannot normalise\n", id, did);
        cr_arena_free(a);
        continue;
      }
      bytes += strlen(text);
      c->arena[i] = a;
      c->doc_id[i] = strdup(did);
      c->sd[i].norm = &c->norm[i];
      c->sd[i].origin = -1; /* each its own origin: no provenance here */
      c->sd[i].published =
          parse_date(json_string_value(json_object_get(d, "date")));
      c->ndocs++;
      ndocs++;
    }
    json_decref(o);
  }
  free(line);
  fclose(in);

  FILE *out = fopen(argv[2], "w");
  if (!out) {
    fprintf(stderr, "summ_eval: %s: cannot write\n", argv[2]);
    return 1;
  }
  cr_arena *sa = cr_arena_new(64 * 1024, 0);
  double best_cpu = 1e30, wall0 = now_wall();
  size_t words = 0, ncand = 0, nconc = 0, nnodes = 0, nexact = 0;
  for (int r = 0; r < repeat; r++) {
    double t0 = now_cpu();
    for (size_t i = 0; i < ncl; i++) {
      cr_summary sum;
      cr_arena_reset(sa);
      if (cr_summarize_run(cl[i].sd, cl[i].ndocs, &opts, sa, &sum) !=
          CROSSREAD_OK) {
        fprintf(stderr, "summ_eval: %s: summariser failed\n", cl[i].id);
        continue;
      }
      if (r > 0)
        continue;
      json_t *o = json_object();
      json_t *ss = json_array();
      json_object_set_new(o, "id", json_string(cl[i].id));
      for (size_t k = 0; k < sum.n; k++) {
        json_t *s = json_object();
        json_t *cites = json_array();
        json_object_set_new(s, "text",
                            json_stringn(sum.items[k].text, sum.items[k].len));
        for (size_t q = 0; q < sum.items[k].ncites; q++)
          json_array_append_new(
              cites, json_string(cl[i].doc_id[sum.items[k].cites[q]]));
        json_object_set_new(s, "citations", cites);
        json_array_append_new(ss, s);
      }
      words += sum.words;
      ncand += sum.candidates;
      nconc += sum.concepts;
      nnodes += sum.nodes;
      nexact += sum.exact;
      json_object_set_new(o, "sentences", ss);
      char *txt = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
      fprintf(out, "%s\n", txt);
      free(txt);
      json_decref(o);
    }
    double dt = now_cpu() - t0;
    if (dt < best_cpu)
      best_cpu = dt;
  }
  double wall = now_wall() - wall0;
  fclose(out);
  printf("{\"clusters\": %zu, \"documents\": %zu, \"bytes\": %zu, "
         "\"normalise_s\": %.4f, \"summarise_s\": %.5f, "
         "\"clusters_per_s\": %.1f, \"end_to_end_clusters_per_s\": %.1f, "
         "\"mean_words\": %.1f, \"repeat\": %d, \"wall_s\": %.3f, "
         "\"mean_candidates\": %.1f, \"mean_concepts\": %.1f, "
         "\"mean_nodes\": %.1f, \"exact\": %zu}\n",
         ncl, ndocs, bytes, t_norm, best_cpu,
         best_cpu > 0 ? (double)ncl / best_cpu : 0.0,
         (double)ncl / (t_norm + best_cpu), ncl ? (double)words / ncl : 0.0,
         repeat, wall, ncl ? (double)ncand / ncl : 0.0,
         ncl ? (double)nconc / ncl : 0.0, ncl ? (double)nnodes / ncl : 0.0,
         nexact);
  cr_arena_free(sa);
  for (size_t i = 0; i < ncl; i++) {
    for (size_t k = 0; k < cl[i].ndocs; k++) {
      cr_arena_free(cl[i].arena[k]);
      free(cl[i].doc_id[k]);
    }
    free(cl[i].doc_id);
    free(cl[i].arena);
    free(cl[i].norm);
    free(cl[i].sd);
    free(cl[i].id);
  }
  free(cl);
  cr_normalizer_free(nz);
  return 0;
}
