/* extract_eval.c -- benchmark driver of the extract stage: runs
 * cr_extract_html on every page of a folder (.html or .html.gz), writes the
 * texts as a predictions JSON {id: text} for shared/tools/eval_extraction.py
 * and prints the single-thread throughput (MB of HTML per second, parse
 * included, best of N passes over pages already in memory).
 *
 *   extract_eval [--parser gumbo|libxml2] [--passes N] [--parse-only]
 *                [--out PRED.json] DIR */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "core/arena.h"
#include "extract/dom.h"
#include "extract/extract.h"

typedef struct page {
  char *id;
  char *data;
  size_t len;
} page;

static char *read_gz(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  for (;;) {
    if (!b)
      break;
    if (cap - n < 65536) {
      char *nb = realloc(b, cap * 2);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
      cap *= 2;
    }
    int r = gzread(f, b + n, (unsigned)(cap - n));
    if (r < 0) {
      free(b);
      b = NULL;
      break;
    }
    if (r == 0)
      break;
    n += (size_t)r;
  }
  gzclose(f);
  *len = n;
  return b;
}

static int cmp(const void *a, const void *b) {
  return strcmp(((const page *)a)->id, ((const page *)b)->id);
}

/* CPU time of this thread (the per-core figure, less disturbed than wall
 * time when other processes share the cores) and wall time */
static double now(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int backend = 0, passes = 1, parse_only = 0;
  const char *outp = NULL, *dir = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--parser") && i + 1 < argc) {
      backend = !strcmp(argv[++i], "libxml2");
    } else if (!strcmp(argv[i], "--passes") && i + 1 < argc) {
      passes = (int)strtol(argv[++i], NULL, 10);
      if (passes < 1)
        passes = 1;
    } else if (!strcmp(argv[i], "--parse-only")) {
      parse_only = 1; /* time the parser backend alone */
    } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
      outp = argv[++i];
    } else {
      dir = argv[i];
    }
  }
  if (!dir) {
    fprintf(stderr, "usage: extract_eval [--parser gumbo|libxml2] [--passes N] "
                    "[--out PRED.json] DIR\n");
    return 2;
  }
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "extract_eval: %s: cannot open\n", dir);
    return 2;
  }
  page *pages = NULL;
  size_t np = 0, cap = 0, total = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    const char *nm = e->d_name;
    const char *dot = strstr(nm, ".html");
    if (!dot)
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, nm);
    size_t len;
    char *data = read_gz(path, &len); /* gzread reads plain files too */
    if (!data) {
      fprintf(stderr, "extract_eval: %s: cannot read\n", path);
      continue;
    }
    if (np == cap) {
      cap = cap ? cap * 2 : 256;
      pages = realloc(pages, cap * sizeof *pages);
      if (!pages)
        return 1;
    }
    pages[np].id = strndup(nm, (size_t)(dot - nm));
    pages[np].data = data;
    pages[np].len = len;
    total += len;
    np++;
  }
  closedir(d);
  if (np)
    qsort(pages, np, sizeof *pages, cmp);
  json_t *pred = json_object();
  double best = 1e30, best_wall = 1e30;
  size_t empty = 0;
  cr_arena *a = cr_arena_new(1 << 20, 0);
  for (int pass = 0; pass < passes; pass++) {
    double t0 = now(CLOCK_THREAD_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
    for (size_t i = 0; i < np; i++) {
      cr_extract ex;
      crossread_error err;
      cr_arena_reset(a);
      if (parse_only) {
        cr_dom dom;
        cr_dom_parse(&dom, pages[i].data, pages[i].len,
                     backend ? CR_HTML_LIBXML2 : CR_HTML_GUMBO, a);
        cr_dom_free(&dom);
        continue;
      }
      crossread_status st = cr_extract_html_with(pages[i].data, pages[i].len,
                                                 NULL, backend, a, &ex, &err);
      if (pass == 0) {
        const char *t = st == CROSSREAD_OK || st == CROSSREAD_ERR_EMPTY
                            ? (ex.text ? ex.text : "")
                            : "";
        if (!*t)
          empty++;
        json_object_set_new(pred, pages[i].id, json_string(t));
      }
    }
    double dt = now(CLOCK_THREAD_CPUTIME_ID) - t0,
           dw = now(CLOCK_MONOTONIC) - w0;
    if (dt < best)
      best = dt;
    if (dw < best_wall)
      best_wall = dw;
  }
  cr_arena_free(a);
  if (outp && json_dump_file(pred, outp, JSON_INDENT(1) | JSON_SORT_KEYS)) {
    fprintf(stderr, "extract_eval: %s: cannot write\n", outp);
    return 1;
  }
  json_decref(pred);
  printf("{\"parser\": \"%s%s\", \"pages\": %zu, \"mb\": %.3f, \"empty\": %zu, "
         "\"best_cpu_s\": %.4f, \"mb_per_s\": %.2f, \"best_wall_s\": %.4f, "
         "\"mb_per_s_wall\": %.2f, \"passes\": %d}\n",
         backend ? "libxml2" : "gumbo", parse_only ? " (parse only)" : "", np,
         (double)total / 1e6, empty, best, (double)total / 1e6 / best,
         best_wall, (double)total / 1e6 / best_wall, passes);
  for (size_t i = 0; i < np; i++) {
    free(pages[i].id);
    free(pages[i].data);
  }
  free(pages);
  return 0;
}
