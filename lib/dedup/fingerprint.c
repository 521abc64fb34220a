/* fingerprint.c -- what the dedup stage keeps of a document: its sentence
 * units (hashes of their content words), sampled word shingles, the hash of
 * the whole word stream, and quote and number features for rewrites. Reads
 * the tokens of cr_norm only (their stem hashes); see docs/dedup.md. */
#include <string.h>

#include "core/alloc.h"
#include "dedup_int.h"

#define SHINGLE_K 5    /* content tokens per shingle */
#define SHINGLE_B 0x100000001B3ULL /* base of the rolling hash */
#define QUOTE_K 3      /* content tokens per quote piece */
#define FEAT_MAX 12    /* quote pieces, numbers: each at most this many */
#define UNIT_MIN 3     /* content tokens for a unit to be a key */
#define UNIT_MAX 65535

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

static uint64_t comb(uint64_t h, uint64_t t) {
  return (h ^ t) * 0x100000001b3ULL + 0x9E3779B97F4A7C15ULL;
}

uint32_t cr_dedup_key(uint64_t h, int kind) {
  return (uint32_t)mix64(h + (uint64_t)kind * 0x9E3779B97F4A7C15ULL);
}

void cr_dedup_fp_clear(cr_dfp *fp) {
  cr_free(fp->unit);
  cr_free(fp->uoff);
  cr_free(fp->ulen);
  cr_free(fp->udf);
  cr_free(fp->keys);
  cr_free(fp->kkind);
  cr_free(fp->feat);
  memset(fp, 0, sizeof *fp);
}

static int is_word(const cr_token *t) {
  return t->kind != CR_TOK_PUNCT && t->kind != CR_TOK_SYMBOL;
}

static int is_content(const cr_token *t) {
  return is_word(t) && !(t->flags & CR_TF_STOP);
}

/* Straight and typographic double quotes and guillemets (folds keep the
 * latter); single quotes only when the tokenizer marked them as quotes,
 * since ' is mostly an apostrophe. */
static int is_quote(const cr_token *t) {
  if (t->kind != CR_TOK_PUNCT)
    return 0;
  if (t->flags & CR_TF_QUOTE)
    return 1;
  const char *f = t->fold;
  if (!f)
    return 0;
  if (t->fold_len == 1)
    return f[0] == '"';
  return (t->fold_len == 2 && (unsigned char)f[0] == 0xC2 &&
          ((unsigned char)f[1] == 0xAB || (unsigned char)f[1] == 0xBB)) ||
         (t->fold_len == 3 && (unsigned char)f[0] == 0xE2 &&
          (unsigned char)f[1] == 0x80 &&
          ((unsigned char)f[2] >= 0x9C && (unsigned char)f[2] <= 0x9F));
}

/* Years are shared by every report of an event: no evidence of copying. */
static int is_year(const cr_token *t) {
  const char *f = t->fold;
  return t->fold_len == 4 && ((f[0] == '1' && f[1] == '9') ||
                              (f[0] == '2' && f[1] == '0'));
}

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  return need <= *cap ? 0 : cr_grow(p, cap, need, size);
}

static int unit_room(cr_dfp *fp) {
  if (fp->nunit < fp->ucap)
    return 0;
  size_t cap = fp->ucap ? fp->ucap * 2 : 64;
  cr_dunit *u = cr_realloc(fp->unit, cap * sizeof *u);
  if (!u)
    return -1;
  fp->unit = u;
  uint32_t *o = cr_realloc(fp->uoff, cap * sizeof *o);
  if (!o)
    return -1;
  fp->uoff = o;
  uint32_t *l = cr_realloc(fp->ulen, cap * sizeof *l);
  if (!l)
    return -1;
  fp->ulen = l;
  uint16_t *d = cr_realloc(fp->udf, cap * sizeof *d);
  if (!d)
    return -1;
  fp->udf = d;
  fp->ucap = cap;
  return 0;
}

/* Add a key once per document (a set of KEYSET slots, cleared per doc). */
static int add_key(cr_dfp *fp, uint32_t key, int kind) {
  if (fp->nkey < CR_DFP_KEYSET / 2) {
    uint32_t h = (key * 0x9E3779B1u) >> (32 - CR_DFP_KEYBITS);
    while (fp->kset[h] && fp->kset[h] != key + 1)
      h = (h + 1) & (CR_DFP_KEYSET - 1);
    if (fp->kset[h])
      return 0;
    fp->kset[h] = key + 1;
  }
  if (fp->nkey == fp->kcap) {
    size_t cap = fp->kcap ? fp->kcap * 2 : 128;
    uint32_t *k = cr_realloc(fp->keys, cap * sizeof *k);
    if (!k)
      return -1;
    fp->keys = k;
    uint8_t *kk = cr_realloc(fp->kkind, cap);
    if (!kk)
      return -1;
    fp->kkind = kk;
    fp->kcap = cap;
  }
  fp->keys[fp->nkey] = key;
  fp->kkind[fp->nkey] = (uint8_t)kind;
  fp->nkey++;
  return 0;
}

static int add_feat(cr_dfp *fp, uint32_t key, size_t unit, int kind,
                    size_t *count) {
  if (*count >= FEAT_MAX)
    return 0;
  for (size_t i = 0; i < fp->nfeat; i++)
    if (fp->feat[i].key == key)
      return 0;
  if (grow((void **)&fp->feat, &fp->fcap, fp->nfeat + 1, sizeof *fp->feat))
    return -1;
  fp->feat[fp->nfeat].key = key;
  fp->feat[fp->nfeat].unit = (uint16_t)unit;
  fp->feat[fp->nfeat].kind = (uint16_t)kind;
  fp->nfeat++;
  (*count)++;
  return 0;
}

/* Does a line break separate byte positions a < b of the text? */
static int line_break(const char *text, uint32_t a, uint32_t b) {
  if (b - a == 1) /* mostly one space */
    return text[a] == '\n';
  for (; a < b; a++)
    if (text[a] == '\n')
      return 1;
  return 0;
}

typedef struct unit_acc {
  uint64_t h, pre, suf;
  uint64_t last[3];
  uint64_t ring[SHINGLE_K], roll, minsh;
  uint64_t q1, q2; /* two smallest quote pieces */
  uint32_t content, quoted, off, end;
  int open;
} unit_acc;

/* A quoted unit gives its two smallest quote pieces (content trigrams
 * inside quotation marks): a bottom-2 sketch that survives a quote being
 * trimmed or reworded around. */
static int close_unit(cr_dfp *fp, unit_acc *u, size_t *nquote) {
  if (!u->open)
    return 0;
  u->open = 0;
  if (!u->content || fp->nunit >= UNIT_MAX)
    return 0;
  if (unit_room(fp))
    return -1;
  uint64_t suf = 0;
  size_t nl = u->content < 3 ? u->content : 3;
  for (size_t k = 0; k < nl; k++)
    suf = comb(suf, u->last[(u->content - nl + k) % 3]);
  cr_dunit *d = &fp->unit[fp->nunit];
  d->hash = (uint32_t)mix64(u->h);
  d->pre = (unsigned)(mix64(u->pre) & 0x7FF);
  d->suf = (unsigned)(mix64(suf) & 0x7FF);
  d->content = u->content > 255 ? 255u : u->content;
  unsigned fl = 0;
  if (u->quoted * 5 >= u->content * 4)
    fl |= CR_DU_QUOTED;
  if (u->content >= UNIT_MIN)
    fl |= CR_DU_INDEXED;
  d->flags = fl;
  fp->uoff[fp->nunit] = u->off;
  fp->ulen[fp->nunit] = u->end - u->off;
  fp->udf[fp->nunit] = 0;
  fp->nunit++;
  if ((d->flags & CR_DU_INDEXED) &&
      add_key(fp, cr_dedup_key(d->hash, CR_DK_UNIT), CR_DK_UNIT))
    return -1;
  /* a long unit also gives its smallest word shingle: a unit-wide
   * winnowing window, so an edited sentence (a word replaced, a prefix
   * added) still shares a key with its original most of the time */
  if (u->content >= SHINGLE_K + 2 &&
      add_key(fp, (uint32_t)(u->minsh >> 32) ^ 0x5BD1E995u, CR_DK_SHINGLE))
    return -1;
  size_t unit = fp->nunit - 1;
  if (u->q1 != UINT64_MAX &&
      add_feat(fp, cr_dedup_key(u->q1, CR_DK_QUOTE), unit, CR_DK_QUOTE, nquote))
    return -1;
  if (u->q2 != UINT64_MAX &&
      add_feat(fp, cr_dedup_key(u->q2, CR_DK_QUOTE), unit, CR_DK_QUOTE, nquote))
    return -1;
  return 0;
}

int cr_dedup_fingerprint(const cr_norm *norm, cr_dfp *fp) {
  fp->nunit = fp->nkey = fp->nfeat = 0;
  memset(fp->kset, 0, sizeof fp->kset);
  fp->exact = 0x84222325cbf29ce4ULL;
  fp->content = fp->words = 0;
  uint64_t bk = 1;
  for (int i = 0; i < SHINGLE_K - 1; i++)
    bk *= SHINGLE_B;
  size_t nquote = 0, nnum = 0;
  uint64_t qring[QUOTE_K];
  size_t nq = 0;
  int inq = 0;
  uint32_t para = UINT32_MAX;
  unit_acc u = {0};
  for (size_t s = 0; s < norm->nsent; s++) {
    const cr_sentence *se = &norm->sent[s];
    if (se->para != para) {
      para = se->para;
      inq = 0; /* a quote that is never closed ends with its paragraph */
      nq = 0;
    }
    if (close_unit(fp, &u, &nquote))
      return -1;
    uint32_t prev_end = se->off;
    for (uint32_t k = se->tok; k < se->tok + se->ntok && k < norm->ntok; k++) {
      const cr_token *t = &norm->tok[k];
      if (u.open && line_break(norm->text, prev_end, t->off) &&
          close_unit(fp, &u, &nquote))
        return -1;
      prev_end = t->off + t->len;
      if (is_quote(t)) {
        /* the tokenizer tells opening from closing marks; a straight
         * quote it could not place toggles */
        if (t->flags & CR_TF_OPEN)
          inq = 1;
        else if ((t->flags & CR_TF_QUOTE) && t->fold_len > 1)
          inq = 0;
        else
          inq = !inq;
        nq = 0;
        continue;
      }
      if (!is_word(t)) {
        /* "Headline | Site", "Share | Email": a bar separates segments */
        if (t->fold_len == 1 && t->fold[0] == '|' && close_unit(fp, &u, &nquote))
          return -1;
        continue;
      }
      fp->words++;
      fp->exact = comb(fp->exact, t->hash);
      if (!u.open) {
        memset(&u, 0, sizeof u);
        u.open = 1;
        u.h = 0x51ED270B27A4F3C1ULL;
        u.minsh = u.q1 = u.q2 = UINT64_MAX;
        u.off = t->off;
      }
      u.end = t->off + t->len;
      if (!(t->flags & CR_TF_STOP) && t->kind == CR_TOK_NUMBER &&
          t->fold_len >= 2 && !is_year(t) &&
          add_feat(fp, cr_dedup_key(t->hash, CR_DK_NUMBER), fp->nunit,
                   CR_DK_NUMBER, &nnum))
        return -1;
      if (!is_content(t))
        continue;
      fp->content++;
      u.h = comb(u.h, t->hash);
      if (u.content < 3)
        u.pre = comb(u.pre, t->hash);
      u.last[u.content % 3] = t->hash;
      u.content++;
      if (inq) {
        u.quoted++;
        qring[nq % QUOTE_K] = t->hash;
        nq++;
        if (nq >= QUOTE_K) {
          uint64_t qh = 0;
          for (size_t i = 0; i < QUOTE_K; i++)
            qh = comb(qh, qring[(nq - QUOTE_K + i) % QUOTE_K]);
          qh = mix64(qh);
          if (qh < u.q1) {
            u.q2 = u.q1;
            u.q1 = qh;
          } else if (qh < u.q2 && qh != u.q1) {
            u.q2 = qh;
          }
        }
      }
      /* rolling polynomial hash of the unit's last SHINGLE_K content
       * tokens; the unit keeps its smallest shingle (see close_unit) */
      uint32_t c = u.content - 1; /* position of this token in the unit */
      if (c >= SHINGLE_K)
        u.roll -= u.ring[c % SHINGLE_K] * bk;
      u.roll = u.roll * SHINGLE_B + t->hash;
      u.ring[c % SHINGLE_K] = t->hash;
      if (c + 1 >= SHINGLE_K) {
        uint64_t sh = u.roll * 0x9E3779B97F4A7C15ULL;
        if (sh < u.minsh)
          u.minsh = sh;
      }
    }
  }
  if (close_unit(fp, &u, &nquote))
    return -1;
  if (fp->words && add_key(fp, cr_dedup_key(fp->exact, CR_DK_EXACT), CR_DK_EXACT))
    return -1;
  for (size_t i = 0; i < fp->nfeat; i++)
    if (add_key(fp, fp->feat[i].key, fp->feat[i].kind))
      return -1;
  return 0;
}
