/* dedup_eval.c -- runs the dedup stage over a docs.jsonl file (one article
 * a line: id, title, text, optional published epoch seconds) in file order,
 * as a stream, and writes the pairs it calls reuse for eval_dedup.py:
 *   {"a": ID, "b": ID, "score": S, "source": ID, "relation": "..."}
 * Normalisation (title + text through cr_normalize_run) is timed apart from
 * fingerprint + query (cr_dedup_push), which runs --repeat times over the
 * already normalised documents; the best pass is reported.
 *
 * usage: dedup_eval DOCS.jsonl PRED.jsonl [--repeat N] [--no-flush]
 *                   [--explain FEATS.tsv] [--online PRED0.jsonl]
 * Prints one JSON line of figures on stdout. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dedup/dedup.h"
#include "normalize/normalize.h"

typedef struct doc {
  char *id;
  int64_t published;
  cr_arena *a;
  cr_norm norm;
} doc;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void write_edge(FILE *f, const doc *docs, const cr_dedup_edge *e) {
  json_t *o = json_object();
  json_object_set_new(o, "a", json_string(docs[e->older].id));
  json_object_set_new(o, "b", json_string(docs[e->newer].id));
  json_object_set_new(o, "score", json_real(e->score));
  json_object_set_new(o, "source", json_string(docs[e->source].id));
  json_object_set_new(o, "relation", json_string(cr_dedup_rel_name(e->relation)));
  char *s = json_dumps(o, JSON_COMPACT);
  if (s)
    fprintf(f, "%s\n", s);
  free(s);
  json_decref(o);
}

static void write_feats(FILE *f, const doc *docs, const cr_dedup_edge *e) {
  const cr_dedup_feat *x = &e->f;
  fprintf(f,
          "%s\t%s\t%d\t%d\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%u\t%"
          "u\t%u\t%u\t%u\t%u\t%u\t%s\t",
          docs[e->older].id, docs[e->newer].id, e->relation, e->removed,
          x->tot_older, x->tot_newer, x->m_older, x->m_newer, x->sub,
          x->sub_quoted, x->n_sub, x->run, x->run_sub, x->quotes, x->numbers,
          x->extra_older, x->extra_newer, x->tail_older, x->tail_newer,
          x->bp_older, x->bp_newer, e->direction_by, docs[e->source].id);
  for (uint32_t k = 0; k < e->nspans; k++) {
    const char *s = docs[e->newer].norm.text + e->spans[k].off;
    fputs(k ? " [" : "[", f);
    for (uint32_t c = 0; c < e->spans[k].len; c++)
      fputc(s[c] == '\n' || s[c] == '\t' ? '/' : s[c], f);
    fputc(']', f);
  }
  fprintf(f, "\n");
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: dedup_eval DOCS.jsonl PRED.jsonl [--repeat N] "
                    "[--no-flush] [--explain FEATS.tsv] [--online PRED0.jsonl]\n");
    return 2;
  }
  int repeat = 1, flush = 1;
  const char *explain = NULL, *online = NULL;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--no-flush"))
      flush = 0;
    else if (!strcmp(argv[i], "--explain") && i + 1 < argc)
      explain = argv[++i];
    else if (!strcmp(argv[i], "--online") && i + 1 < argc)
      online = argv[++i];
    else {
      fprintf(stderr, "dedup_eval: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (repeat < 1)
    repeat = 1;
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    fprintf(stderr, "dedup_eval: %s: cannot open\n", argv[1]);
    return 2;
  }
  doc *docs = NULL;
  size_t n = 0, cap = 0;
  size_t bytes = 0;
  cr_normalizer *nz = cr_normalizer_new();
  cr_buf text;
  cr_buf_init(&text, 0);
  char *line = NULL;
  size_t lcap = 0;
  double t_norm = 0;
  long lineno = 0;
  while (getline(&line, &lcap, in) > 0) {
    lineno++;
    json_error_t jerr;
    json_t *o = json_loads(line, 0, &jerr);
    if (!o || !json_is_object(o)) {
      fprintf(stderr, "dedup_eval: %s:%ld: bad JSON line\n", argv[1], lineno);
      json_decref(o);
      continue;
    }
    const char *id = json_string_value(json_object_get(o, "id"));
    const char *title = json_string_value(json_object_get(o, "title"));
    const char *body = json_string_value(json_object_get(o, "text"));
    json_t *pub = json_object_get(o, "published");
    if (!id || !body) {
      fprintf(stderr, "dedup_eval: %s:%ld: no id or text\n", argv[1], lineno);
      json_decref(o);
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 1024;
      doc *nd = realloc(docs, cap * sizeof *nd);
      if (!nd)
        return 3;
      docs = nd;
    }
    doc *d = &docs[n];
    d->id = strdup(id);
    d->published = json_is_integer(pub) ? (int64_t)json_integer_value(pub) : -1;
    d->a = cr_arena_new(64 * 1024, 0);
    cr_buf_reset(&text);
    if (title && title[0]) {
      cr_buf_puts(&text, title);
      cr_buf_puts(&text, "\n\n");
    }
    cr_buf_puts(&text, body);
    bytes += text.len;
    double t0 = now();
    crossread_status st = cr_normalize_run(nz, text.data ? text.data : "",
                                           text.len, d->a, &d->norm);
    t_norm += now() - t0;
    json_decref(o);
    if (st != CROSSREAD_OK) {
      fprintf(stderr, "dedup_eval: %s:%ld: %s\n", argv[1], lineno,
              crossread_strerror(st));
      cr_arena_free(d->a);
      free(d->id);
      continue;
    }
    n++;
  }
  free(line);
  fclose(in);
  cr_buf_clear(&text);
  cr_normalizer_free(nz);

  double best = 1e30, t_flush = 0;
  size_t index_bytes = 0, index_docs = 0, nedges = 0;
  cr_dedup_stats stats = {0};
  FILE *fo = online ? fopen(online, "w") : NULL;
  for (int r = 0; r < repeat; r++) {
    cr_dedup_opts opts = {0};
    opts.explain = explain != NULL;
    cr_dedup *dd = cr_dedup_new(&opts);
    if (!dd)
      return 3;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
      cr_dedup_meta meta = {docs[i].published, NULL, NULL};
      cr_dedup_out out;
      if (cr_dedup_push(dd, (uint32_t)i, &docs[i].norm, &meta, &out)) {
        fprintf(stderr, "dedup_eval: out of memory\n");
        return 3;
      }
      if (fo && r == 0)
        for (size_t k = 0; k < out.n; k++)
          if (out.edges[k].relation)
            write_edge(fo, docs, &out.edges[k]);
    }
    double t = now() - t0;
    if (t < best)
      best = t;
    index_bytes = cr_dedup_index_bytes(dd, &index_docs);
    cr_dedup_get_stats(dd, &stats);
    if (r == repeat - 1) {
      double t1 = now();
      if (flush)
        cr_dedup_flush(dd);
      t_flush = now() - t1;
      FILE *f = fopen(argv[2], "w");
      FILE *fx = explain ? fopen(explain, "w") : NULL;
      if (!f) {
        fprintf(stderr, "dedup_eval: %s: cannot write\n", argv[2]);
        return 2;
      }
      size_t ne;
      const cr_dedup_edge *e = cr_dedup_edges(dd, &ne);
      for (size_t k = 0; k < ne; k++) {
        if (fx)
          write_feats(fx, docs, &e[k]);
        if (!e[k].relation || e[k].removed)
          continue;
        write_edge(f, docs, &e[k]);
        nedges++;
      }
      fclose(f);
      if (fx)
        fclose(fx);
    }
    cr_dedup_free(dd);
  }
  if (fo)
    fclose(fo);
  printf("{\"docs\": %zu, \"bytes\": %zu, \"pairs\": %zu, "
         "\"normalize_s\": %.4f, \"dedup_s\": %.4f, \"flush_s\": %.4f, "
         "\"dedup_docs_per_s\": %.0f, \"end_to_end_docs_per_s\": %.0f, "
         "\"index_bytes\": %zu, \"index_docs\": %zu, "
         "\"index_bytes_per_doc\": %.0f, \"entries_per_doc\": %.1f, "
         "\"table_slots\": %zu, \"units_per_doc\": %.1f, "
         "\"features_per_doc\": %.1f, \"record_bytes\": %zu}\n",
         n, bytes, nedges, t_norm, best, t_flush, n / best,
         n / (t_norm + best), index_bytes, index_docs,
         index_docs ? (double)index_bytes / (double)index_docs : 0.0,
         index_docs ? (double)stats.entries / (double)index_docs : 0.0,
         stats.slots,
         index_docs ? (double)stats.units / (double)index_docs : 0.0,
         index_docs ? (double)stats.features / (double)index_docs : 0.0,
         index_docs ? stats.record_bytes / index_docs : 0);
  for (size_t i = 0; i < n; i++) {
    cr_arena_free(docs[i].a);
    free(docs[i].id);
  }
  free(docs);
  return 0;
}
