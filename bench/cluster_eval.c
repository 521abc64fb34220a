/* cluster_eval.c -- runs the clustering stage over a labelled JSON Lines
 * stream (../shared/data/clustering/dev.jsonl: id, title, text, cluster,
 * topic, seq) in `seq` order, as the pipeline does (text core, entity keys,
 * dedup copies), writes {"id","cluster"} lines for eval_clustering.py and
 * times the stage. Also the fitting tools of docs/cluster.md: --fit (the
 * thresholds by coordinate search on clustering F1, on all topics or on
 * one half of them and checked on the other), --oracle (teacher-forced
 * features for bench/cluster_fit.py), --grid, and views for reading
 * (--show, --pairs, --tokens). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cluster/cluster.h"
#include "cluster/internal.h"
#include "dedup/dedup.h"
#include "core/arena.h"
#include "normalize/normalize.h"

typedef struct art {
  char *id, *title, *cluster, *topic;
  long seq;
  int gold, topic_ix;
  cr_arena *arena;
  cr_norm body, head;
  cr_cluster_key *keys; /* from the entity stage (--ner) */
  size_t nkeys;
  int64_t origin; /* from the dedup stage (--dedup), -1 none */
} art;

static art *arts;
static size_t narts;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s ? s : "");
  char *p = malloc(n + 1);
  if (p)
    memcpy(p, s ? s : "", n + 1);
  return p;
}

static int cmp_seq(const void *a, const void *b) {
  const art *x = a, *y = b;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

static int intern(char ***names, size_t *n, const char *s) {
  for (size_t i = 0; i < *n; i++)
    if (!strcmp((*names)[i], s))
      return (int)i;
  *names = realloc(*names, (*n + 1) * sizeof **names);
  (*names)[*n] = xstrdup(s);
  return (int)(*n)++;
}

static char **gold_names, **topic_names;
static int title_apart;
static size_t ngold, ntopic;

static int load(const char *path, cr_normalizer *nz, double *norm_s) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cluster_eval: %s: cannot open\n", path);
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  size_t acap = 0;
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je);
    if (!o) {
      fprintf(stderr, "cluster_eval: %s:%d: %s\n", path, je.line, je.text);
      continue;
    }
    if (narts == acap) {
      acap = acap ? acap * 2 : 1024;
      arts = realloc(arts, acap * sizeof *arts);
    }
    art *a = &arts[narts++];
    memset(a, 0, sizeof *a);
    a->id = xstrdup(json_string_value(json_object_get(o, "id")));
    a->title = xstrdup(json_string_value(json_object_get(o, "title")));
    a->cluster = xstrdup(json_string_value(json_object_get(o, "cluster")));
    a->topic = xstrdup(json_string_value(json_object_get(o, "topic")));
    a->seq = (long)json_integer_value(json_object_get(o, "seq"));
    const char *text = json_string_value(json_object_get(o, "text"));
    size_t tl = strlen(a->title), xl = strlen(text ? text : "");
    char *body = malloc(tl + xl + 3);
    size_t bl = 0;
    if (!title_apart || !xl) { /* the title as the first paragraph */
      memcpy(body, a->title, tl);
      memcpy(body + tl, "\n\n", 2);
      bl = tl + 2;
    }
    memcpy(body + bl, text ? text : "", xl + 1);
    bl += xl;
    a->arena = cr_arena_new(64 * 1024, 0);
    double t0 = now();
    if (cr_normalize_run(nz, body, bl, a->arena, &a->body) ||
        cr_normalize_run(nz, a->title, tl, a->arena, &a->head)) {
      fprintf(stderr, "cluster_eval: %s: normalize failed\n", a->id);
      narts--;
    }
    *norm_s += now() - t0;
    free(body);
    json_decref(o);
  }
  free(line);
  fclose(f);
  qsort(arts, narts, sizeof *arts, cmp_seq);
  for (size_t i = 0; i < narts; i++) {
    arts[i].gold = intern(&gold_names, &ngold, arts[i].cluster);
    arts[i].topic_ix = intern(&topic_names, &ntopic, arts[i].topic);
  }
  return 0;
}

/* Which half of the topics a topic is in: alternate positions of the
 * topics sorted by number. */
static int *topic_half;
static void make_halves(void) {
  topic_half = calloc(ntopic, sizeof *topic_half);
  int *order = malloc(ntopic * sizeof *order);
  for (size_t i = 0; i < ntopic; i++)
    order[i] = (int)i;
  for (size_t i = 0; i < ntopic; i++)
    for (size_t j = i + 1; j < ntopic; j++)
      if (strtol(topic_names[order[j]], NULL, 10) <
          strtol(topic_names[order[i]], NULL, 10)) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
  for (size_t i = 0; i < ntopic; i++)
    topic_half[order[i]] = (int)(i % 2);
  free(order);
}

typedef struct scores {
  double b3p, b3r, b3f, pwp, pwr, pwf;
  size_t nclusters, n;
  double secs;
  size_t bytes;
} scores;

static int64_t *pred;
static FILE *show_f;

/* key -> a surface form, for reading centroids */
static uint32_t *kn_key;
static const char **kn_str;
static uint32_t kn_mask;
static void key_name_add(uint32_t key, const char *s) {
  uint32_t i = (key * 0x9E3779B1u) & kn_mask;
  while (kn_key[i] && kn_key[i] != key)
    i = (i + 1) & kn_mask;
  kn_key[i] = key;
  kn_str[i] = s;
}
static const char *key_name(uint32_t key) {
  uint32_t i = (key * 0x9E3779B1u) & kn_mask;
  while (kn_key[i]) {
    if (kn_key[i] == key)
      return kn_str[i];
    i = (i + 1) & kn_mask;
  }
  return "?run";
}
static void key_names(void) {
  kn_mask = (1u << 21) - 1;
  kn_key = calloc(kn_mask + 1, sizeof *kn_key);
  kn_str = calloc(kn_mask + 1, sizeof *kn_str);
  for (size_t i = 0; i < narts; i++)
    for (int h = 0; h < 2; h++) {
      const cr_norm *nm = h ? &arts[i].head : &arts[i].body;
      for (size_t k = 0; k < nm->ntok; k++) {
        const cr_token *t = &nm->tok[k];
        char *s = cr_arena_strndup(arts[i].arena, nm->text + t->off, t->len);
        key_name_add(ck_key(t->hash, SALT_TERM), t->stem);
        key_name_add(ck_key(t->hash, SALT_NAME), s);
        key_name_add(ck_key(t->hash, SALT_NUM), s);
      }
    }
}
static FILE *pairs_f;

/* Cluster the articles of `half` (-1: all) and score them. */
static int run(const cr_cluster_opts *o, int half, scores *sc) {
  cr_cluster *c = cr_cluster_new(o);
  if (!c)
    return -1;
  double t0 = now();
  for (size_t i = 0; i < narts; i++) {
    pred[i] = -1;
    if (half >= 0 && topic_half[arts[i].topic_ix] != half)
      continue;
    cr_cluster_meta m = {arts[i].title, &arts[i].head, -1,
                         arts[i].keys,  arts[i].nkeys, arts[i].origin};
    if (cr_cluster_push(c, (uint32_t)i, &arts[i].body, &m) < 0) {
      cr_cluster_free(c);
      return -1;
    }
  }
  if (cr_cluster_flush(c)) {
    cr_cluster_free(c);
    return -1;
  }
  sc->secs = now() - t0;
  sc->bytes = cr_cluster_bytes(c);
  for (size_t i = 0; i < narts; i++)
    if (!(half >= 0 && topic_half[arts[i].topic_ix] != half))
      pred[i] = cr_cluster_story_of(c, (uint32_t)i);
  sc->nclusters = cr_cluster_story_count(c);
  if (show_f) { /* each story: its heaviest keys, for reading */
    for (size_t i = 0; i < sc->nclusters; i++) {
      size_t nd;
      const uint32_t *dd = cr_cluster_story_docs(c, i, &nd);
      fprintf(show_f, "story %zu (%zu):", i, nd);
      for (size_t k = 0; k < nd && k < 12; k++)
        fprintf(show_f, " %s", arts[dd[k]].cluster);
      fprintf(show_f, "\n  title: %s\n", cr_cluster_story_title(c, i));
      uint32_t n[3];
      const cr_kv *v = cr_cluster_story_vec(c, i, n);
      static const char *sec[3] = {"terms", "names", "numbers"};
      for (int k = 0; k < 3; k++) {
        cr_kv tmp[4096];
        uint32_t m = n[k] < 4096 ? n[k] : 4096;
        memcpy(tmp, v, m * sizeof *tmp);
        uint32_t top = cr_kv_top(tmp, m, 12);
        /* sort the top by weight for reading */
        for (uint32_t x = 0; x < top; x++)
          for (uint32_t y = x + 1; y < top; y++)
            if (tmp[y].w > tmp[x].w) {
              cr_kv t = tmp[x];
              tmp[x] = tmp[y];
              tmp[y] = t;
            }
        fprintf(show_f, "  %s:", sec[k]);
        for (uint32_t x = 0; x < top; x++)
          fprintf(show_f, " %s:%.2f", key_name(tmp[x].key), tmp[x].w);
        fprintf(show_f, "\n");
        v += n[k];
      }
    }
    fclose(show_f);
    show_f = NULL;
  }
  if (pairs_f) { /* every pair of stories: merge features, gold overlap */
    size_t ns = sc->nclusters;
    for (size_t a = 0; a < ns; a++)
      for (size_t b = a + 1; b < ns; b++) {
        size_t na, nb;
        const uint32_t *da = cr_cluster_story_docs(c, a, &na);
        const uint32_t *db = cr_cluster_story_docs(c, b, &nb);
        float f[3];
        if (cr_cluster_pair(c, da[0], db[0], f))
          continue;
        /* majority gold of each */
        int ga = arts[da[0]].gold, gb = arts[db[0]].gold;
        fprintf(pairs_f, "%zu\t%zu\t%zu\t%zu\t%.4f\t%.4f\t%.4f\t%d\t%s\t%s\n",
                a, b, na, nb, f[0], f[1], f[2], ga == gb, gold_names[ga],
                gold_names[gb]);
      }
    fclose(pairs_f);
    pairs_f = NULL;
  }
  cr_cluster_free(c);

  /* contingency counts, as eval_clustering.py computes them */
  size_t np = sc->nclusters;
  double *cell = calloc(ngold * (np ? np : 1), sizeof *cell);
  double *gs = calloc(ngold, sizeof *gs), *ps = calloc(np ? np : 1, sizeof *ps);
  size_t n = 0;
  for (size_t i = 0; i < narts; i++) {
    if (pred[i] < 0)
      continue;
    cell[(size_t)arts[i].gold * np + (size_t)pred[i]] += 1;
    gs[arts[i].gold] += 1;
    ps[pred[i]] += 1;
    n++;
  }
  double tp = 0, gp = 0, pp = 0, bp = 0, br = 0;
  for (size_t g = 0; g < ngold; g++) {
    gp += gs[g] * (gs[g] - 1) / 2;
    for (size_t p = 0; p < np; p++) {
      double x = cell[g * np + p];
      if (x == 0)
        continue;
      tp += x * (x - 1) / 2;
      bp += x * x / ps[p];
      br += x * x / gs[g];
    }
  }
  for (size_t p = 0; p < np; p++)
    pp += ps[p] * (ps[p] - 1) / 2;
  sc->n = n;
  sc->pwp = pp ? tp / pp : (gp == 0);
  sc->pwr = gp ? tp / gp : 1;
  sc->pwf = sc->pwp + sc->pwr ? 2 * sc->pwp * sc->pwr / (sc->pwp + sc->pwr) : 0;
  sc->b3p = n ? bp / (double)n : 0;
  sc->b3r = n ? br / (double)n : 0;
  sc->b3f = sc->b3p + sc->b3r ? 2 * sc->b3p * sc->b3r / (sc->b3p + sc->b3r) : 0;
  free(cell);
  free(gs);
  free(ps);
  return 0;
}

/* The options a command line may set (--set name=value) and --fit tunes. */
typedef struct param {
  const char *name;
  size_t off;
  int is_float;
} param;

#define F(x)                                                                   \
  { #x, offsetof(cr_cluster_opts, x), 1 }
#define U(x)                                                                   \
  { #x, offsetof(cr_cluster_opts, x), 0 }
static const param params[] = {
    F(w_cos),
    F(w_ent),
    F(w_num),
    F(bias),
    F(merge_bias),
    F(sweep_bias),
    F(w_title),
    F(w_lead),
    F(day_penalty),
    U(lead_sents),
    U(centroid_terms),
    U(centroid_names),
    U(centroid_numbers),
    U(index_terms),
    U(index_names),
    U(query_terms),
    U(query_names),
    U(postings),
    U(candidates),
    U(retire_docs),
};

static const param *param_find(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof params / sizeof *params; i++)
    if (strlen(params[i].name) == len && !strncmp(params[i].name, name, len))
      return &params[i];
  return NULL;
}

static void param_set(cr_cluster_opts *o, const param *p, double v) {
  char *b = (char *)o + p->off;
  if (p->is_float)
    *(float *)b = (float)v;
  else
    *(uint32_t *)b = (uint32_t)v;
}

static double param_get(const cr_cluster_opts *o, const param *p) {
  const char *b = (const char *)o + p->off;
  return p->is_float ? *(const float *)b : *(const uint32_t *)b;
}

static void print_scores(const char *label, const scores *s) {
  printf("%-10s articles %4zu  stories %3zu  B3 P/R/F1 %.3f/%.3f/%.3f  "
         "pairwise P/R/F1 %.3f/%.3f/%.3f\n",
         label, s->n, s->nclusters, s->b3p, s->b3r, s->b3f, s->pwp, s->pwr,
         s->pwf);
}

/* Objective of the fit: B-cubed F1 and pairwise F1 weigh the same. */
static double objective(const scores *s) { return 0.5 * (s->b3f + s->pwf); }

/* Coordinate search: each tuned weight over a grid in turn, repeated until
 * nothing improves. Few weights, coarse steps: the aim is a robust
 * setting, not the last hundredth on 568 articles. */
static int fit_weights;
static int fit(cr_cluster_opts *o, int half) {
  static const struct {
    const char *name;
    double lo, hi, step;
  } grid[] = {
      {"bias", -2.0, -0.5, 0.05},       {"sweep_bias", -1.2, -0.1, 0.05},
      {"merge_bias", -2.0, -0.5, 0.05}, {"w_ent", 0.0, 2.0, 0.1},
      {"w_num", 0.0, 1.0, 0.1},
  };
  size_t ngrid = fit_weights ? 5 : 3;
  scores s;
  if (run(o, half, &s))
    return -1;
  double best = objective(&s);
  for (int round = 0; round < 6; round++) {
    int improved = 0;
    for (size_t g = 0; g < ngrid; g++) {
      const param *p = param_find(grid[g].name, strlen(grid[g].name));
      double keep = param_get(o, p), bestv = keep;
      for (double v = grid[g].lo; v <= grid[g].hi + 1e-9; v += grid[g].step) {
        param_set(o, p, v);
        if (run(o, half, &s))
          return -1;
        double ob = objective(&s);
        if (ob > best + 1e-9) {
          best = ob;
          bestv = v;
          improved = 1;
        }
      }
      param_set(o, p, bestv);
    }
    fprintf(stderr, "fit round %d: objective %.4f\n", round, best);
    if (!improved)
      break;
  }
  return 0;
}

/* --grid: the objective over a grid of the three thresholds, for each
 * half of the topics and for all, to see how flat the optimum is. */
static int grid3(cr_cluster_opts *o) {
  for (double b = -1.7; b <= -0.75; b += 0.1)
    for (double sw = -0.9; sw <= -0.05; sw += 0.1)
      for (double mb = -1.6; mb <= -0.75; mb += 0.1) {
        o->bias = (float)b;
        o->sweep_bias = (float)sw;
        o->merge_bias = (float)mb;
        scores s0, s1, sa;
        if (run(o, 0, &s0) || run(o, 1, &s1) || run(o, -1, &sa))
          return -1;
        printf("%.2f %.2f %.2f  %.4f %.4f %.4f  %.4f %.4f\n", b, sw, mb,
               objective(&s0), objective(&s1), objective(&sa), sa.b3f, sa.pwf);
      }
  return 0;
}

static FILE *trace_f;
static int64_t *story_gold; /* oracle runs: gold cluster of each story */
static void trace(void *ud, uint32_t doc, uint32_t story, const float f[3],
                  float score) {
  (void)ud;
  int label = story_gold ? story_gold[story] == arts[doc].gold : -1;
  fprintf(trace_f, "%s\t%u\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%s\n", arts[doc].id,
          story, f[0], f[1], f[2], score, label,
          story_gold ? gold_names[story_gold[story]] : "-");
}

/* Teacher forcing: every article goes to its gold story; the trace then
 * holds the rule's features for the true story and for the candidates the
 * index offers, labelled. */
static int oracle(const cr_cluster_opts *o) {
  cr_cluster *c = cr_cluster_new(o);
  int64_t *gold_story = malloc(ngold * sizeof *gold_story);
  story_gold = calloc(narts + 1, sizeof *story_gold);
  for (size_t g = 0; g < ngold; g++)
    gold_story[g] = -1;
  for (size_t i = 0; i < narts; i++) {
    cr_cluster_meta m = {arts[i].title, &arts[i].head, -1,
                         arts[i].keys,  arts[i].nkeys, -1};
    int64_t s = cr_cluster_push_to(c, (uint32_t)i, &arts[i].body, &m,
                                   gold_story[arts[i].gold]);
    if (s < 0)
      return -1;
    gold_story[arts[i].gold] = s;
    story_gold[s] = arts[i].gold;
  }
  cr_cluster_free(c);
  free(gold_story);
  free(story_gold);
  story_gold = NULL;
  return 0;
}

int main(int argc, char **argv) {
  const char *path = NULL, *out = NULL, *trace_path = NULL, *tokens_path = NULL;
  int status = 0;
  int half = -1, do_fit = 0, do_oracle = 0, do_grid = 0, use_ner = 1,
      use_dedup = 1;
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--out") && i + 1 < argc) {
      out = argv[++i];
    } else if (!strcmp(argv[i], "--half") && i + 1 < argc) {
      half = (int)strtol(argv[++i], NULL, 10);
    } else if (!strcmp(argv[i], "--pairs") && i + 1 < argc) {
      pairs_f = fopen(argv[++i], "w");
    } else if (!strcmp(argv[i], "--show") && i + 1 < argc) {
      show_f = fopen(argv[++i], "w");
    } else if (!strcmp(argv[i], "--tokens") && i + 1 < argc) {
      tokens_path = argv[++i];
    } else if (!strcmp(argv[i], "--oracle")) {
      do_oracle = 1;
    } else if (!strcmp(argv[i], "--fit")) {
      do_fit = 1;
    } else if (!strcmp(argv[i], "--title-apart")) {
      title_apart = 1;
    } else if (!strcmp(argv[i], "--no-dedup")) {
      use_dedup = 0;
    } else if (!strcmp(argv[i], "--no-ner")) {
      use_ner = 0;
    } else if (!strcmp(argv[i], "--grid")) {
      do_grid = 1;
    } else if (!strcmp(argv[i], "--fit-weights")) {
      do_fit = 1;
      fit_weights = 1;
    } else if (!strcmp(argv[i], "--trace") && i + 1 < argc) {
      trace_path = argv[++i];
    } else if (!strcmp(argv[i], "--set") && i + 1 < argc) {
      const char *kv = argv[++i], *eq = strchr(kv, '=');
      const param *p = eq ? param_find(kv, (size_t)(eq - kv)) : NULL;
      if (!p) {
        fprintf(stderr, "cluster_eval: unknown option %s\n", kv);
        return 2;
      }
      param_set(&o, p, strtod(eq + 1, NULL));
    } else if (argv[i][0] != '-' && !path) {
      path = argv[i];
    } else {
      fprintf(stderr,
              "usage: cluster_eval DEV.jsonl [--out PRED.jsonl] [--half 0|1]\n"
              "  [--fit | --fit-weights | --grid] [--set name=value]...\n"
              "  [--no-ner] [--no-dedup] [--title-apart]\n"
              "  [--oracle --trace FILE] [--show FILE] [--pairs FILE] "
              "[--tokens FILE]\n");
      return 2;
    }
  }
  if (!path) {
    fprintf(stderr,
            "cluster_eval: no input (../shared/data/clustering/dev.jsonl)\n");
    return 2;
  }
  cr_normalizer *nz = cr_normalizer_new();
  double norm_s = 0;
  if (!nz || load(path, nz, &norm_s) || !narts) {
    fprintf(stderr, "cluster_eval: %s: no articles\n", path);
    return 1;
  }
  make_halves();
  if (use_ner) { /* the entity stage's names instead of derived ones */
    cr_entities *E = cr_entities_new(NULL);
    if (!E)
      return 1;
    for (size_t i = 0; i < narts; i++) {
      cr_ents en;
      if (cr_entities_run(E, &arts[i].body, arts[i].arena, &en) != CROSSREAD_OK)
        continue;
      arts[i].keys =
          cr_arena_alloc(arts[i].arena, (2 * en.ne + 1) * sizeof *arts[i].keys);
      if (!arts[i].keys)
        continue;
      arts[i].nkeys =
          cr_cluster_entity_keys(&en, &arts[i].body, o.lead_sents, o.w_lead,
                                 arts[i].keys, 2 * en.ne + 1);
    }
    cr_entities_free(E);
  }
  for (size_t i = 0; i < narts; i++)
    arts[i].origin = -1;
  if (use_dedup) { /* the provenance stage's copies, in stream order */
    cr_dedup *dd = cr_dedup_new(NULL);
    for (size_t i = 0; dd && i < narts; i++) {
      cr_dedup_out out;
      if (cr_dedup_push(dd, (uint32_t)i, &arts[i].body, NULL, &out))
        break;
      arts[i].origin = cr_cluster_origin_of(out.edges, out.n, (uint32_t)i);
      if (getenv("CLUSTER_EVAL_DEBUG") && arts[i].origin >= 0)
        fprintf(stderr, "origin %s <- %s%s\n", arts[i].id,
                arts[arts[i].origin].id,
                arts[arts[i].origin].gold == arts[i].gold ? "" : "  CROSS");
    }
    cr_dedup_free(dd);
  }
  if (tokens_path) { /* the normalised articles, for prototyping elsewhere */
    FILE *f = fopen(tokens_path, "w");
    for (size_t i = 0; f && i < narts; i++) {
      json_t *o = json_object();
      json_object_set_new(o, "id", json_string(arts[i].id));
      json_object_set_new(o, "cluster", json_string(arts[i].cluster));
      json_object_set_new(o, "topic", json_string(arts[i].topic));
      for (int h = 0; h < 2; h++) {
        const cr_norm *nm = h ? &arts[i].head : &arts[i].body;
        json_t *a = json_array();
        for (size_t k = 0; k < nm->ntok; k++) {
          const cr_token *t = &nm->tok[k];
          json_t *x = json_array();
          json_array_append_new(x, json_stringn(nm->text + t->off, t->len));
          json_array_append_new(x, json_stringn(t->stem, t->stem_len));
          json_array_append_new(x, json_integer(t->kind));
          json_array_append_new(x, json_integer(t->flags));
          json_array_append_new(x, json_integer(t->sent));
          json_array_append_new(x, json_integer(t->off));
          json_array_append_new(a, x);
        }
        json_object_set_new(o, h ? "head" : "body", a);
      }
      char *js = json_dumps(o, JSON_COMPACT);
      fprintf(f, "%s\n", js);
      free(js);
      json_decref(o);
    }
    if (f)
      fclose(f);
    status = 0;
    goto done;
  }
  if (show_f)
    key_names();
  pred = calloc(narts, sizeof *pred);
  if (do_grid) {
    status = grid3(&o) ? 1 : 0;
    goto done;
  }
  if (do_fit) {
    if (fit(&o, half)) {
      status = 1;
      goto done;
    }
    printf("fitted on %s:", half < 0 ? "all topics"
                            : half   ? "half 1"
                                     : "half 0");
    for (size_t i = 0; i < sizeof params / sizeof *params; i++)
      if (i < 9)
        printf(" %s=%.2f", params[i].name, param_get(&o, &params[i]));
    printf("\n");
  }
  if (trace_path) {
    trace_f = fopen(trace_path, "w");
    if (!trace_f) {
      status = 1;
      goto done;
    }
    o.trace = trace;
    if (do_oracle) {
      status = oracle(&o) ? 1 : 0;
      goto done;
    }
  }
  scores s;
  if (half >= 0) {
    for (int h = 0; h < 2; h++) {
      if (run(&o, h, &s)) {
        status = 1;
        goto done;
      }
      print_scores(h == half ? "fit half" : "other half", &s);
    }
  }
  /* timing: best of a few runs of the stage alone */
  double best = 1e9;
  for (int r = 0; r < 5; r++) {
    if (run(&o, -1, &s)) {
      status = 1;
      goto done;
    }
    if (s.secs < best)
      best = s.secs;
    o.trace = NULL;
  }
  print_scores("all", &s);
  printf("clustering %.0f articles/s (stage only, best of 5), normalize "
         "%.0f articles/s, %.0f bytes/article held by the stage\n",
         (double)s.n / best, (double)narts / norm_s,
         (double)s.bytes / (double)s.n);
  if (out) {
    FILE *f = fopen(out, "w");
    if (!f) {
      fprintf(stderr, "cluster_eval: %s: cannot write\n", out);
      status = 1;
      goto done;
    }
    for (size_t i = 0; i < narts; i++)
      if (pred[i] >= 0)
        fprintf(f, "{\"id\": \"%s\", \"cluster\": \"s%lld\"}\n", arts[i].id,
                (long long)pred[i] + 1);
    fclose(f);
  }
  status = 0;
done:
  if (trace_f && trace_f != stdout)
    fclose(trace_f);
  trace_f = NULL;
  for (size_t i = 0; i < narts; i++) {
    cr_arena_free(arts[i].arena);
    free(arts[i].id);
    free(arts[i].title);
    free(arts[i].cluster);
    free(arts[i].topic);
  }
  free(arts);
  free(pred);
  for (size_t i = 0; i < ngold; i++)
    free(gold_names[i]);
  for (size_t i = 0; i < ntopic; i++)
    free(topic_names[i]);
  free(gold_names);
  free(topic_names);
  free(topic_half);
  cr_normalizer_free(nz);
  return status;
}
