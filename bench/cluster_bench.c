/* cluster_bench.c -- the clustering stage on a long synthetic stream:
 * articles per second (one thread) and memory per article at 1M articles,
 * and end to end with the text core on a shorter stream.
 *
 * The stream is made from the ECB+ dev articles (../shared/data/clustering):
 * each synthetic event takes one dev event as its template and a random
 * salt; its articles are the template's articles with every capitalised
 * word, number and date re-keyed by the salt (new people, places and
 * figures: another event of the same kind), one word in ten swapped for a
 * random word of a 200,000-word vocabulary, and times a few hours apart.
 * Events start all along the stream (one for every ~10 articles), so the
 * number of stories grows with it. Usage:
 *   cluster_bench DEV.jsonl [--articles N] [--e2e N] [--seed S]
 * Prints one JSON object. See docs/cluster.md. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cluster/cluster.h"
#include "cluster/internal.h"
#include "core/arena.h"
#include "normalize/normalize.h"

typedef struct base {
  char *title, *text;
  int gold;
  cr_arena *arena;
  cr_norm body, head;
} base;

static base *bases;
static size_t nbases;
static int **events; /* per dev event: its articles */
static size_t *event_n, nevents;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: the per-core figure, unmoved by other jobs
 * sharing the machine (wall time is printed beside it). */
static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}
static uint64_t mix(uint64_t h, uint64_t salt) {
  uint64_t x = (h ^ salt) * 0xBF58476D1CE4E5B9ull;
  x ^= x >> 31;
  return x * 0x94D049BB133111EBull;
}

static char *xdup(const char *s) {
  size_t n = strlen(s ? s : "");
  char *p = malloc(n + 1);
  memcpy(p, s ? s : "", n + 1);
  return p;
}

static int load(const char *path, cr_normalizer *nz) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cluster_bench: %s: cannot open\n", path);
    return -1;
  }
  char *line = NULL, **names = NULL;
  size_t cap = 0, acap = 0, nnames = 0;
  while (getline(&line, &cap, f) > 0) {
    json_t *o = json_loads(line, 0, NULL);
    if (!o)
      continue;
    if (nbases == acap) {
      acap = acap ? 2 * acap : 1024;
      bases = realloc(bases, acap * sizeof *bases);
    }
    base *b = &bases[nbases];
    b->title = xdup(json_string_value(json_object_get(o, "title")));
    const char *text = json_string_value(json_object_get(o, "text"));
    size_t tl = strlen(b->title), xl = strlen(text ? text : "");
    b->text = malloc(tl + xl + 3);
    memcpy(b->text, b->title, tl);
    memcpy(b->text + tl, "\n\n", 2);
    memcpy(b->text + tl + 2, text ? text : "", xl + 1);
    const char *cl = json_string_value(json_object_get(o, "cluster"));
    size_t g = 0;
    while (g < nnames && strcmp(names[g], cl ? cl : ""))
      g++;
    if (g == nnames) {
      names = realloc(names, (nnames + 1) * sizeof *names);
      names[nnames++] = xdup(cl);
    }
    b->gold = (int)g;
    b->arena = cr_arena_new(1 << 16, 0);
    if (cr_normalize_run(nz, b->text, strlen(b->text), b->arena, &b->body) ||
        cr_normalize_run(nz, b->title, tl, b->arena, &b->head)) {
      json_decref(o);
      continue;
    }
    nbases++;
    json_decref(o);
  }
  free(line);
  fclose(f);
  nevents = nnames;
  events = calloc(nevents, sizeof *events);
  event_n = calloc(nevents, sizeof *event_n);
  for (size_t i = 0; i < nbases; i++) {
    int g = bases[i].gold;
    events[g] = realloc(events[g], (event_n[g] + 1) * sizeof **events);
    events[g][event_n[g]++] = (int)i;
  }
  for (size_t i = 0; i < nnames; i++)
    free(names[i]);
  free(names);
  return nbases ? 0 : -1;
}

/* A synthetic event: a template, a salt, how many articles it will have. */
typedef struct sevent {
  uint32_t id, tmpl, quota, done;
  uint64_t salt;
  int64_t t0;
} sevent;

#define ACTIVE 200

static sevent act[ACTIVE];
static uint32_t nev;
static int64_t clock_s = 1700000000;

static void start_event(sevent *e) {
  e->id = nev++;
  e->tmpl = (uint32_t)(next() % nevents);
  e->quota = 1 + (uint32_t)(next() % 19); /* 1..19, mean 10 */
  e->done = 0;
  e->salt = next();
  e->t0 = clock_s;
}

/* Re-key one token for an event: names, numbers and dates become the
 * event's own; one other word in ten becomes a random word. */
static void rekey(cr_token *t, const sevent *e) {
  int name = (t->kind == CR_TOK_WORD || t->kind == CR_TOK_ABBREV) &&
             (t->flags & CR_TF_CAP) && !(t->flags & CR_TF_SSTART);
  if (name || t->kind == CR_TOK_NUMBER || t->kind == CR_TOK_DATE) {
    t->hash = mix(t->hash, e->salt);
  } else if (t->kind == CR_TOK_WORD && !(t->flags & CR_TF_STOP) &&
             next() % 10 == 0) {
    /* roughly Zipf over 50,000 words: most swaps are common words */
    double u = (double)(next() >> 11) / (double)(1ull << 53);
    t->hash = mix(0x5EEDull, (uint64_t)(u * u * u * 50000.0));
  }
}

static cr_token *tokbuf, *headbuf;
static size_t tokcap, headcap;

static void synth(const sevent *e, const base *b, cr_norm *body,
                  cr_norm *head) {
  *body = b->body;
  *head = b->head;
  if (b->body.ntok > tokcap) {
    tokcap = b->body.ntok * 2;
    tokbuf = realloc(tokbuf, tokcap * sizeof *tokbuf);
  }
  if (b->head.ntok > headcap) {
    headcap = b->head.ntok * 2 + 16;
    headbuf = realloc(headbuf, headcap * sizeof *headbuf);
  }
  memcpy(tokbuf, b->body.tok, b->body.ntok * sizeof *tokbuf);
  memcpy(headbuf, b->head.tok, b->head.ntok * sizeof *headbuf);
  for (size_t i = 0; i < b->body.ntok; i++)
    rekey(&tokbuf[i], e);
  for (size_t i = 0; i < b->head.ntok; i++)
    rekey(&headbuf[i], e);
  body->tok = tokbuf;
  head->tok = headbuf;
}

/* One article of the stream: its event (an index into act). */
static int pick(void) {
  int k = (int)(next() % ACTIVE);
  if (act[k].done >= act[k].quota)
    start_event(&act[k]);
  return k;
}

/* B-cubed against the synthetic events, from (event, story) counts. */
typedef struct cell {
  uint64_t key;
  uint32_t n;
} cell;

static double bcubed(const uint32_t *ev, const int64_t *st, size_t n,
                     double *prec, double *rec) {
  size_t cap = 1;
  while (cap < 2 * n)
    cap <<= 1;
  cell *t = calloc(cap, sizeof *t);
  uint32_t *es = calloc(nev + 1, sizeof *es);
  int64_t maxs = 0;
  for (size_t i = 0; i < n; i++)
    if (st[i] > maxs)
      maxs = st[i];
  uint32_t *ss = calloc((size_t)maxs + 2, sizeof *ss);
  for (size_t i = 0; i < n; i++) {
    uint64_t key = ((uint64_t)ev[i] << 32 | (uint64_t)(st[i] + 1)) + 1;
    size_t j = (key * 0x9E3779B97F4A7C15ull) >> 20 & (cap - 1);
    while (t[j].key && t[j].key != key)
      j = (j + 1) & (cap - 1);
    t[j].key = key;
    t[j].n++;
    es[ev[i]]++;
    ss[st[i] + 1]++;
  }
  double p = 0, r = 0;
  for (size_t j = 0; j < cap; j++) {
    if (!t[j].key)
      continue;
    uint64_t key = t[j].key - 1;
    double x = t[j].n;
    p += x * x / ss[key & 0xFFFFFFFFu];
    r += x * x / es[key >> 32];
  }
  free(t);
  free(es);
  free(ss);
  *prec = p / (double)n;
  *rec = r / (double)n;
  return 2 * *prec * *rec / (*prec + *rec);
}

/* Text-level variant for the end-to-end run: every capitalised ASCII word
 * of the template becomes an invented name of the event. */
static void text_variant(const char *in, uint64_t salt, char *out, size_t cap) {
  static const char *syl[] = {"ka", "lo", "mir", "den", "sa", "vo",  "tul",
                              "ra", "ne", "bor", "ist", "ga", "lin", "zo"};
  size_t o = 0;
  for (const char *p = in; *p && o + 32 < cap;) {
    if (*p >= 'A' && *p <= 'Z' && (p == in || p[-1] == ' ' || p[-1] == '\n')) {
      const char *q = p;
      uint64_t h = salt;
      while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
        h = mix(h, (uint64_t)(unsigned char)*q++);
      int ns = 2 + (int)(h % 2);
      for (int k = 0; k < ns; k++) {
        const char *s = syl[(h >> (8 * k + 4)) % 14];
        size_t l = strlen(s);
        memcpy(out + o, s, l);
        if (k == 0)
          out[o] = (char)(out[o] - 32);
        o += l;
      }
      p = q;
      continue;
    }
    out[o++] = *p++;
  }
  out[o] = '\0';
}

int main(int argc, char **argv) {
  const char *path = NULL;
  size_t narts = 1000000, ne2e = 50000;
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--articles") && i + 1 < argc)
      narts = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--e2e") && i + 1 < argc)
      ne2e = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--candidates") && i + 1 < argc)
      o.candidates = (uint32_t)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--idf-docs") && i + 1 < argc)
      o.idf_docs = (uint32_t)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--df-slots") && i + 1 < argc)
      o.df_slots_max = (uint32_t)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--retire-docs") && i + 1 < argc)
      o.retire_docs = (uint32_t)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--postings") && i + 1 < argc)
      o.postings = (uint32_t)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
      rng = strtoull(argv[++i], NULL, 10) | 1;
    else if (!path)
      path = argv[i];
  }
  if (!path || !narts) {
    fprintf(stderr, "usage: cluster_bench DEV.jsonl [--articles N] [--e2e N] "
                    "[--seed S]\n");
    return 2;
  }
  cr_normalizer *nz = cr_normalizer_new();
  if (!nz || load(path, nz))
    return 1;

  /* 1. the stage alone on the long stream */
  for (int k = 0; k < ACTIVE; k++)
    start_event(&act[k]);
  cr_cluster *c = cr_cluster_new(&o);
  uint32_t *ev = malloc(narts * sizeof *ev);
  int64_t *st = malloc(narts * sizeof *st);
  if (!c || !ev || !st)
    return 1;
  double busy = 0, t_all = now();
  size_t peak_bytes = 0;
  for (size_t i = 0; i < narts; i++) {
    sevent *e = &act[pick()];
    const int *docs = events[e->tmpl];
    const base *b = &bases[docs[next() % event_n[e->tmpl]]];
    cr_norm body, head;
    synth(e, b, &body, &head);
    clock_s += 5; /* 1M articles span about two months */
    e->done++;
    int64_t t = e->t0 + (int64_t)(next() % (3 * 86400));
    cr_cluster_meta m = {b->title, &head, t, NULL, 0, -1};
    ev[i] = e->id;
    double t0 = cpu();
    int64_t s = cr_cluster_push(c, (uint32_t)i, &body, &m);
    busy += cpu() - t0;
    if (s < 0) {
      fprintf(stderr, "cluster_bench: out of memory at article %zu\n", i);
      return 1;
    }
    if ((i & 0xFFFF) == 0) {
      size_t bytes = cr_cluster_bytes(c);
      if (bytes > peak_bytes)
        peak_bytes = bytes;
    }
  }
  double t0 = cpu();
  if (cr_cluster_flush(c))
    return 1;
  double flush_s = cpu() - t0;
  size_t bytes = cr_cluster_bytes(c), part[5];
  if (bytes > peak_bytes)
    peak_bytes = bytes;
  cr_cluster_memory(c, part);
  for (size_t i = 0; i < narts; i++)
    st[i] = cr_cluster_story_of(c, (uint32_t)i);
  double p, r, f = bcubed(ev, st, narts, &p, &r);
  size_t nstories = cr_cluster_story_count(c);
  uint32_t nevents_stream = nev;
  cr_cluster_free(c);
  double wall = now() - t_all;

  /* 2. end to end: text variant -> normalize -> cluster */
  double e2e_s = 0;
  if (ne2e) {
    for (int k = 0; k < ACTIVE; k++)
      start_event(&act[k]);
    c = cr_cluster_new(&o);
    cr_arena *a = cr_arena_new(1 << 16, 0);
    size_t tcap = 1 << 16;
    char *text = malloc(tcap), *title = malloc(4096);
    for (size_t i = 0; c && a && i < ne2e; i++) {
      sevent *e = &act[pick()];
      const int *docs = events[e->tmpl];
      const base *b = &bases[docs[next() % event_n[e->tmpl]]];
      size_t need = strlen(b->text) * 2 + 64;
      if (need > tcap) {
        tcap = need;
        text = realloc(text, tcap);
      }
      text_variant(b->text, e->salt, text, tcap);
      text_variant(b->title, e->salt, title, 4096);
      e->done++;
      cr_arena_reset(a);
      double s0 = cpu();
      cr_norm body, head;
      if (cr_normalize_run(nz, text, strlen(text), a, &body) ||
          cr_normalize_run(nz, title, strlen(title), a, &head))
        continue;
      cr_cluster_meta m = {title, &head, -1, NULL, 0, -1};
      cr_cluster_push(c, (uint32_t)i, &body, &m);
      e2e_s += cpu() - s0;
    }
    t0 = cpu();
    cr_cluster_flush(c);
    e2e_s += cpu() - t0;
    cr_cluster_free(c);
    cr_arena_free(a);
    free(text);
    free(title);
  }

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"articles\": %zu, \"events\": %u, \"stories\": %zu, "
         "\"push_cpu_s\": %.3f, \"flush_cpu_s\": %.3f, "
         "\"cluster_articles_per_s\": %.0f, "
         "\"bytes_per_article\": %.1f, \"peak_bytes_per_article\": %.1f, "
         "\"synthetic_bcubed\": {\"p\": %.4f, \"r\": %.4f, \"f1\": %.4f}, "
         "\"e2e_articles\": %zu, \"e2e_articles_per_s\": %.0f, "
         "\"bytes_by_part\": {\"df\": %zu, \"index\": %zu, "
         "\"story_records\": %zu, \"centroids_titles\": %zu, "
         "\"doc_map\": %zu}, "
         "\"wall_s\": %.1f, \"max_rss_kb\": %ld}\n",
         narts, nevents_stream, nstories, busy, flush_s,
         (double)narts / (busy + flush_s), (double)bytes / (double)narts,
         (double)peak_bytes / (double)narts, p, r, f, ne2e,
         e2e_s > 0 ? (double)ne2e / e2e_s : 0.0, part[0], part[1], part[2],
         part[3], part[4], wall, ru.ru_maxrss);
  for (size_t i = 0; i < nbases; i++) {
    free(bases[i].title);
    free(bases[i].text);
    cr_arena_free(bases[i].arena);
  }
  for (size_t i = 0; i < nevents; i++)
    free(events[i]);
  free(events);
  free(event_n);
  free(bases);
  free(ev);
  free(st);
  free(tokbuf);
  free(headbuf);
  cr_normalizer_free(nz);
  return 0;
}
