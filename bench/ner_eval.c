/* ner_eval.c -- runs the named-entity stage on UNER-style JSON Lines and
 * writes predictions for ../shared/tools/eval_ner.py (--pred-offsets byte),
 * timing the text core and the tagging apart.
 *
 *   ner_eval DATA.jsonl PRED.jsonl [--model FILE] [--folds K --fold I]
 *            [--raw] [--sentences] [--repeat N]
 *
 * Each document's sentences are joined into one text (as an article would
 * be) unless --sentences tags every sentence alone. --raw writes the
 * tagger's spans; otherwise the mentions of cr_entities_run (tagger plus
 * document rules). With --folds/--fold only documents of that fold are
 * written (cross-validation, tools/ner_cv.sh). --repeat tags N times for a
 * steadier speed figure. Prints one JSON line of counts and timings. */
#include <time.h>

#include "../tools/ner_data.h"
#include "entities/entities.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct unit {
  nd_doc d; /* a document, or one sentence as a document */
  cr_arena *a;
  cr_norm n;
  size_t *map;
} unit;

static const char *const type_name[] = {"PER", "ORG", "LOC"};

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: ner_eval DATA.jsonl PRED.jsonl [--model FILE] "
            "[--folds K --fold I] [--raw] [--sentences] [--repeat N]\n");
    return 2;
  }
  const char *model = NULL;
  unsigned folds = 0, fold = 0;
  int raw = 0, sentences = 0, repeat = 1;
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "--raw") == 0)
      raw = 1;
    else if (strcmp(argv[i], "--sentences") == 0)
      sentences = 1;
    else if (i + 1 < argc && strcmp(argv[i], "--model") == 0)
      model = argv[++i];
    else if (i + 1 < argc && strcmp(argv[i], "--folds") == 0)
      folds = (unsigned)strtoul(argv[++i], NULL, 10);
    else if (i + 1 < argc && strcmp(argv[i], "--fold") == 0)
      fold = (unsigned)strtoul(argv[++i], NULL, 10);
    else if (i + 1 < argc && strcmp(argv[i], "--repeat") == 0)
      repeat = (int)strtol(argv[++i], NULL, 10);
  }
  nd_set set;
  if (nd_load(argv[1], folds, &set)) {
    fprintf(stderr, "ner_eval: %s: cannot read\n", argv[1]);
    return 1;
  }
  cr_entities *E = cr_entities_new(model);
  cr_normalizer *nz = cr_normalizer_new();
  if (!E || !nz) {
    fprintf(stderr, "ner_eval: %s: cannot load the model\n",
            model ? model : "built-in");
    return 1;
  }
  /* units of work */
  size_t nu = 0;
  unit *u = calloc(set.ns + 1, sizeof *u);
  for (size_t di = 0; di < set.nd; di++) {
    nd_doc *d = &set.d[di];
    if (folds && d->fold != fold)
      continue;
    if (!sentences) {
      u[nu++].d = *d;
      continue;
    }
    for (size_t k = 0; k < d->n; k++) {
      nd_sent *s = &set.s[d->first + k];
      nd_doc *sd = &u[nu++].d;
      sd->first = d->first + k;
      sd->n = 1;
      sd->text = s->text;
      sd->len = s->len;
    }
  }
  /* the text core, timed alone */
  size_t ntok = 0, nbytes = 0;
  double t0 = now();
  for (size_t i = 0; i < nu; i++) {
    u[i].a = cr_arena_new(1 << 16, 0);
    if (cr_normalize_run(nz, u[i].d.text, u[i].d.len, u[i].a, &u[i].n) !=
        CROSSREAD_OK) {
      fprintf(stderr, "ner_eval: %s: text core failed\n",
              set.s[u[i].d.first].id);
      return 1;
    }
    ntok += u[i].n.ntok;
    nbytes += u[i].d.len;
  }
  double t_norm = now() - t0;
  /* tagging: scratch arenas so the documents' own stay as they are */
  cr_ents *out = calloc(nu ? nu : 1, sizeof *out);
  cr_arena **ta = calloc(nu ? nu : 1, sizeof *ta);
  double t_tag = 1e30;
  for (int r = 0; r < repeat; r++) {
    for (size_t i = 0; i < nu; i++) {
      if (ta[i])
        cr_arena_reset(ta[i]);
      else
        ta[i] = cr_arena_new(1 << 16, 0);
    }
    double t1 = now();
    for (size_t i = 0; i < nu; i++) {
      int rc = raw ? cr_entities_tag(E, &u[i].n, ta[i], &out[i])
                   : cr_entities_run(E, &u[i].n, ta[i], &out[i]);
      if (rc != CROSSREAD_OK) {
        fprintf(stderr, "ner_eval: %s: tagging failed\n",
                set.s[u[i].d.first].id);
        return 1;
      }
    }
    double t = now() - t1;
    if (t < t_tag)
      t_tag = t; /* best of N */
  }
  /* predictions, one line per sentence, in input order */
  FILE *o = fopen(argv[2], "w");
  if (!o) {
    fprintf(stderr, "ner_eval: %s: cannot write\n", argv[2]);
    return 1;
  }
  size_t nments = 0;
  for (size_t i = 0; i < nu; i++) {
    u[i].map = nd_align(u[i].d.text, u[i].d.len, u[i].n.text, u[i].n.len);
    for (size_t k = 0; k < u[i].d.n; k++) {
      size_t si = u[i].d.first + k;
      const nd_sent *s = &set.s[si];
      size_t base = sentences ? 0 : s->off;
      fprintf(o, "{\"id\": \"%s\", \"entities\": [", s->id);
      int firstout = 1;
      for (size_t m = 0; m < out[i].nm; m++) {
        const cr_mention *mn = &out[i].m[m];
        if (mn->flags & CR_MF_PRONOUN)
          continue;
        size_t b = u[i].map[mn->off];
        size_t e = u[i].map[mn->off + mn->len - 1] + 1;
        if (b < base || e > base + s->len)
          continue;
        fprintf(o, "%s{\"start\": %zu, \"end\": %zu, \"type\": \"%s\"}",
                firstout ? "" : ", ", b - base, e - base,
                type_name[mn->kind - 1]);
        firstout = 0;
        nments++;
      }
      fprintf(o, "]}\n");
    }
  }
  fclose(o);
  printf("{\"tool\": \"crossread\", \"mode\": \"%s%s\", \"units\": %zu, "
         "\"tokens\": %zu, \"bytes\": %zu, \"mentions\": %zu, "
         "\"normalize_s\": %.4f, \"tag_s\": %.4f, \"tag_tok_s\": %.0f, "
         "\"normalize_tok_s\": %.0f}\n",
         raw ? "tagger" : "entities", sentences ? ", per sentence" : "", nu,
         ntok, nbytes, nments, t_norm, t_tag, ntok / (t_tag > 0 ? t_tag : 1e-9),
         ntok / (t_norm > 0 ? t_norm : 1e-9));
  for (size_t i = 0; i < nu; i++) {
    cr_arena_free(u[i].a);
    cr_arena_free(ta[i]);
    free(u[i].map);
  }
  free(u);
  free(out);
  free(ta);
  cr_entities_free(E);
  cr_normalizer_free(nz);
  nd_free(&set);
  return 0;
}
