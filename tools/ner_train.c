/* ner_train.c -- trains the weights of the named-entity tagger
 * (lib/entities/ner.c): a structured averaged perceptron with Viterbi
 * decoding over the features of cr_ner_features, on UNER-style JSON Lines.
 *
 *   ner_train DATA.jsonl OUT.txt [--epochs N] [--folds K --fold I] [--min W]
 *                                [--dropout P]
 *
 * With --folds K --fold I the documents of fold I are left out (k-fold
 * cross-validation by document; tools/ner_cv.sh). The output is the text
 * format of data/ner_model.txt: "!meta", "!start", "!trans0".."!trans6",
 * then "BUCKET|w0|...|w6" with int16 weights (hex bucket). Weights trained
 * on UNER are a CC BY-SA derivative: the file carries the attribution. */
#include <math.h>
#include <stdint.h>

#include "../tools/ner_data.h"
#include "core/alloc.h"
#include "entities/lex.h"

#define NT CR_NER_NTAGS
#define NB (1u << CR_NER_BITS)

typedef struct tsent {
  uint32_t *f; /* features, CR_NER_MAXF per token */
  uint8_t *nf;
  uint8_t *gold;
  size_t n;
} tsent;

static float *W, *U, T[(NT + 1) * NT], TU[(NT + 1) * NT];
static double C = 1;

static uint8_t *Drop; /* per token of the sentence: identity dropped */

static void update(const tsent *s, size_t i, int tag, float d) {
  const uint32_t *f = s->f + i * CR_NER_MAXF;
  for (size_t k = 0; k < s->nf[i]; k++) {
    if (Drop[i] && k >= 1 && k <= CR_NER_NIDENT)
      continue;
    W[(size_t)f[k] * NT + tag] += d;
    U[(size_t)f[k] * NT + tag] += (float)(C * d);
  }
}

static void tupdate(int from, int to, float d) {
  T[from * NT + to] += d;
  TU[from * NT + to] += (float)(C * d);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: ner_train DATA.jsonl OUT.txt [--epochs N] "
                    "[--folds K --fold I] [--min W]\n");
    return 2;
  }
  int epochs = 12;
  unsigned folds = 0, fold = 0;
  double minw = 0.02, dropout = 0.95;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--epochs") == 0)
      epochs = (int)strtol(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "--folds") == 0)
      folds = (unsigned)strtoul(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "--fold") == 0)
      fold = (unsigned)strtoul(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "--min") == 0)
      minw = strtod(argv[i + 1], NULL);
    else if (strcmp(argv[i], "--dropout") == 0)
      dropout = strtod(argv[i + 1], NULL);
  }
  nd_set set;
  if (nd_load(argv[1], folds, &set)) {
    fprintf(stderr, "ner_train: %s: cannot read\n", argv[1]);
    return 1;
  }
  cr_entlex *lx = cr_entlex_new();
  cr_normalizer *nz = cr_normalizer_new();
  if (!lx || !nz)
    return 1;
  tsent *ts = calloc(set.ns + set.nd, sizeof *ts);
  size_t nts = 0, ntok = 0;
  for (size_t di = 0; di < set.nd; di++) {
    nd_doc *d = &set.d[di];
    if (folds && d->fold == fold)
      continue;
    cr_arena *a = cr_arena_new(1 << 16, 0);
    cr_norm n;
    cr_ner_word *tk;
    if (cr_normalize_run(nz, d->text, d->len, a, &n) != CROSSREAD_OK ||
        cr_ner_prepare(lx, &n, &tk)) {
      fprintf(stderr, "ner_train: document %s failed\n", set.s[d->first].doc);
      return 1;
    }
    size_t *map = nd_align(d->text, d->len, n.text, n.len);
    uint8_t *gold = malloc(n.ntok + 1);
    nd_gold(&set, d, &n, map, gold);
    for (size_t s = 0; s < n.nsent; s++) {
      size_t first = n.sent[s].tok, cnt = n.sent[s].ntok;
      if (!cnt)
        continue;
      cr_ner_tok *view = malloc(cnt * sizeof *view);
      cr_ner_sentence(lx, &n, tk, first, cnt, view);
      tsent *t = &ts[nts++];
      t->n = cnt;
      t->f = malloc(cnt * CR_NER_MAXF * sizeof *t->f);
      t->nf = malloc(cnt);
      t->gold = malloc(cnt);
      for (size_t i = 0; i < cnt; i++) {
        t->nf[i] =
            (uint8_t)cr_ner_features(view, 0, i, cnt, t->f + i * CR_NER_MAXF);
        t->gold[i] = gold[first + i];
      }
      ntok += cnt;
      free(view);
    }
    free(gold);
    free(map);
    cr_free(tk);
    cr_arena_free(a);
  }
  W = calloc((size_t)NB * NT, sizeof *W);
  U = calloc((size_t)NB * NT, sizeof *U);
  if (!W || !U)
    return 1;
  float *em = NULL;
  int *back = NULL;
  uint8_t *pred = NULL;
  size_t emcap = 0;
  size_t *order = malloc(nts * sizeof *order);
  for (size_t i = 0; i < nts; i++)
    order[i] = i;
  uint64_t rng = 0x2545F4914F6CDD1DULL;
  for (int ep = 0; ep < epochs; ep++) {
    for (size_t i = nts; i > 1; i--) { /* deterministic shuffle */
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      size_t j = rng % i;
      size_t x = order[i - 1];
      order[i - 1] = order[j];
      order[j] = x;
    }
    size_t errs = 0;
    for (size_t oi = 0; oi < nts; oi++) {
      tsent *s = &ts[order[oi]];
      if (s->n > emcap) {
        emcap = s->n * 2;
        em = realloc(em, emcap * NT * sizeof *em);
        back = realloc(back, emcap * NT * sizeof *back);
        pred = realloc(pred, emcap);
        Drop = realloc(Drop, emcap);
      }
      for (size_t i = 0; i < s->n; i++) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        Drop[i] = (double)(rng % 1000000) / 1e6 < dropout;
      }
      for (size_t i = 0; i < s->n; i++) {
        float acc[NT] = {0};
        const uint32_t *f = s->f + i * CR_NER_MAXF;
        for (size_t k = 0; k < s->nf[i]; k++) {
          if (Drop[i] && k >= 1 && k <= CR_NER_NIDENT)
            continue;
          for (int t = 0; t < NT; t++)
            acc[t] += W[(size_t)f[k] * NT + t];
        }
        memcpy(em + i * NT, acc, sizeof acc);
      }
      cr_ner_viterbi(em, T, s->n, pred, back);
      for (size_t i = 0; i < s->n; i++) {
        int g = s->gold[i], p = pred[i];
        int gprev = i ? s->gold[i - 1] : NT, pprev = i ? pred[i - 1] : NT;
        if (g != p) {
          errs++;
          update(s, i, g, 1);
          update(s, i, p, -1);
        }
        if (g != p || gprev != pprev) {
          tupdate(gprev, g, 1);
          tupdate(pprev, p, -1);
        }
      }
      C++;
    }
    fprintf(stderr, "epoch %d: %zu token errors of %zu\n", ep + 1, errs, ntok);
  }
  /* averaged weights: w - u / c; quantised to int16 */
  float maxw = 0;
  for (size_t i = 0; i < (size_t)NB * NT; i++) {
    W[i] -= (float)(U[i] / C);
    if (fabsf(W[i]) > maxw)
      maxw = fabsf(W[i]);
  }
  for (int i = 0; i < (NT + 1) * NT; i++) {
    T[i] -= (float)(TU[i] / C);
    if (fabsf(T[i]) > maxw)
      maxw = fabsf(T[i]);
  }
  double scale = maxw > 0 ? 30000.0 / maxw : 1;
  FILE *o = fopen(argv[2], "w");
  if (!o) {
    fprintf(stderr, "ner_train: %s: cannot write\n", argv[2]);
    return 1;
  }
  fprintf(
      o,
      "# Weights of the crossread named-entity tagger (lib/entities/ner.c),\n"
      "# trained by tools/ner_train.c (%d epochs) on the English-PUD dev\n"
      "# split of Universal NER (../shared/data/claims/ner).\n"
      "# Licence: CC BY-SA 3.0, as the data it derives from\n"
      "# (https://creativecommons.org/licenses/by-sa/3.0/).\n"
      "# Attribution: Mayhew et al., \"Universal NER: A Gold-Standard\n"
      "# Multilingual Named Entity Recognition Benchmark\", NAACL 2024;\n"
      "# sentences from the Parallel Universal Dependencies (PUD) treebanks\n"
      "# (CoNLL 2017 shared task). See data/README.md.\n"
      "# Format: !meta, !start (from sentence start), !transT (from tag T),\n"
      "# then BUCKET(hex)|w0..w6 for tags O B-PER I-PER B-ORG I-ORG B-LOC "
      "I-LOC.\n",
      epochs);
  fprintf(o, "!meta|crossread-ner 1|bits %d|scale %.4f\n", CR_NER_BITS, scale);
  for (int r = 0; r <= NT; r++) {
    if (r == NT)
      fprintf(o, "!start");
    else
      fprintf(o, "!trans%d", r);
    for (int t = 0; t < NT; t++)
      fprintf(o, "|%ld", lround(T[r * NT + t] * scale));
    fputc('\n', o);
  }
  size_t kept = 0;
  long lim = lround(minw * scale);
  for (size_t b = 0; b < NB; b++) {
    long q[NT];
    long mx = 0;
    for (int t = 0; t < NT; t++) {
      q[t] = lround(W[b * NT + t] * scale);
      if (labs(q[t]) > mx)
        mx = labs(q[t]);
    }
    if (mx <= lim)
      continue;
    fprintf(o, "%05zx", b);
    for (int t = 0; t < NT; t++)
      fprintf(o, "|%ld", q[t]);
    fputc('\n', o);
    kept++;
  }
  fclose(o);
  fprintf(stderr,
          "ner_train: %zu sentences, %zu tokens, %zu weight rows kept\n", nts,
          ntok, kept);
  for (size_t i = 0; i < nts; i++) {
    free(ts[i].f);
    free(ts[i].nf);
    free(ts[i].gold);
  }
  free(ts);
  free(order);
  free(em);
  free(back);
  free(pred);
  free(Drop);
  free(W);
  free(U);
  nd_free(&set);
  cr_entlex_free(lx);
  cr_normalizer_free(nz);
  return 0;
}
