/* ner.c -- the named-entity tagger (see ner.h): token preparation,
 * features, weights, Viterbi. Tagging costs a few dozen hash probes a
 * token; the weights live in one open-addressing table of int16 rows. */
#include "ner.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/table.h"

/* ---- token preparation ---------------------------------------------------*/

enum {
  CLS_LOWER,
  CLS_CAP,
  CLS_UPPER,
  CLS_LETTER,
  CLS_ABBR,
  CLS_NUM,
  CLS_PUNCT,
  CLS_OTHER,
  CLS_MIXED,
  CLS_BOS,
  CLS_EOS
};
enum { DOC_LOWER = 1, DOC_CAPMID = 2, DOC_SSTART = 4 };

static uint64_t mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

/* FNV-1a for the short affixes (a library call costs more than the hash) */
static uint64_t short_hash(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
  return h;
}

/* Bytes of a possessive ending of a word: "’s", "'s", a final "’". */
static unsigned possessive(const char *s, size_t len) {
  if (len > 3 && s[len - 1] == 's' && s[len - 2] == '\'')
    return 2;
  if (len > 5 && s[len - 1] == 's' &&
      memcmp(s + len - 4, "\xe2\x80\x99", 3) == 0)
    return 4;
  if (len > 4 && memcmp(s + len - 3, "\xe2\x80\x99", 3) == 0 &&
      (s[len - 4] == 's' || s[len - 4] == 'S'))
    return 3;
  if (len > 2 && s[len - 1] == '\'' && (s[len - 2] == 's' || s[len - 2] == 'S'))
    return 1;
  return 0;
}

/* Coarse shape class of a token, and the hash of its shape when wanted. */
static uint8_t shape_of(const cr_token *tk, const char *text, unsigned poss,
                        uint64_t *shape) {
  char sh[16];
  size_t sl = 0;
  int up = 0, letters = 0, digits = 0, period = 0, first_up = -1;
  const char *p = text + tk->off, *end = p + tk->len - poss;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    char k;
    if (c < 0x80) {
      p++;
      if (c >= 'A' && c <= 'Z') {
        k = 'X';
        up++;
      } else if (c >= 'a' && c <= 'z') {
        k = 'x';
      } else if (c >= '0' && c <= '9') {
        k = 'd';
        digits++;
      } else {
        k = (char)c;
        period += c == '.';
      }
    } else {
      int n;
      uint32_t cp = cr_utf8_decode(p, end, &n);
      p += n;
      if (utf8proc_isupper((utf8proc_int32_t)cp)) {
        k = 'X';
        up++;
      } else if (utf8proc_islower((utf8proc_int32_t)cp)) {
        k = 'x';
      } else {
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        k = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO ? 'x'
                                                                       : 'o';
      }
    }
    if (k == 'X' || k == 'x') {
      letters++;
      if (first_up < 0)
        first_up = k == 'X';
    }
    if (sl < sizeof sh && (!sl || sh[sl - 1] != k))
      sh[sl++] = k;
  }
  if (shape)
    *shape = mix64(short_hash(sh, sl) + 0x51);
  int kind = tk->kind;
  if (kind == CR_TOK_NUMBER || kind == CR_TOK_DATE || kind == CR_TOK_TIME ||
      (digits && !letters))
    return CLS_NUM;
  if (kind == CR_TOK_PUNCT)
    return CLS_PUNCT;
  if (!letters)
    return CLS_OTHER;
  if (period && up)
    return CLS_ABBR;
  if (letters == 1 && up)
    return CLS_LETTER;
  if (up == letters)
    return CLS_UPPER;
  if (first_up == 1 && up == 1)
    return CLS_CAP;
  if (up)
    return first_up == 1 ? CLS_CAP : CLS_MIXED;
  return CLS_LOWER;
}

/* Word flags across the document, keyed by the fold hash; it grows with
 * the distinct words, not with the tokens. */
typedef struct docset {
  uint64_t *key;
  uint8_t *fl;
  size_t mask, n;
} docset;

static uint8_t *docset_slot(docset *d, uint64_t h) {
  h |= 1;
  for (size_t i = h & d->mask;; i = (i + 1) & d->mask) {
    if (d->key[i] == h)
      return &d->fl[i];
    if (d->key[i])
      continue;
    if (2 * (d->n + 1) <= d->mask + 1) {
      d->key[i] = h;
      d->n++;
      return &d->fl[i];
    }
    /* grow, then look again */
    size_t cap = 2 * (d->mask + 1);
    docset g = {cr_calloc(cap, sizeof(uint64_t)), cr_calloc(cap, 1), cap - 1,
                0};
    if (!g.key || !g.fl) {
      cr_free(g.key);
      cr_free(g.fl);
      return NULL;
    }
    for (size_t k = 0; k <= d->mask; k++)
      if (d->key[k])
        *docset_slot(&g, d->key[k]) = d->fl[k];
    cr_free(d->key);
    cr_free(d->fl);
    *d = g;
    return docset_slot(d, h);
  }
}

static size_t fold_len(const cr_token *tk, unsigned poss) {
  size_t fl = tk->fold_len;
  /* the fold is case-folded with apostrophes as ': "'s" is 2 bytes */
  if (poss && fl > 2)
    fl -= tk->fold[fl - 1] == 's' ? 2 : 1;
  return fl;
}

static int is_word(const cr_ner_word *t) {
  return t->cls != CLS_PUNCT && t->cls != CLS_NUM && t->cls != CLS_OTHER;
}

int cr_ner_prepare(const cr_entlex *lx, const cr_norm *n, cr_ner_word **out) {
  *out = NULL;
  cr_ner_word *t = cr_calloc(n->ntok ? n->ntok : 1, sizeof *t);
  if (!t)
    return -1;
  char buf[256];
  for (size_t i = 0; i < n->ntok; i++) {
    const cr_token *tk = &n->tok[i];
    cr_ner_word *o = &t[i];
    o->poss = tk->kind == CR_TOK_WORD
                  ? (uint8_t)possessive(n->text + tk->off, tk->len)
                  : 0;
    size_t fl = fold_len(tk, o->poss);
    o->wh = cr_hash64(tk->fold, fl);
    uint64_t sh;
    o->cls = shape_of(tk, n->text, o->poss, &sh);
    o->shape = (uint32_t)sh;
    o->lex =
        tk->kind == CR_TOK_PUNCT ? 0 : cr_entlex_bits(lx, tk->fold, fl, NULL);
  }
  /* lexicon phrases, longest first, left to right in each sentence */
  for (size_t s = 0; s < n->nsent; s++) {
    size_t first = n->sent[s].tok, end = first + n->sent[s].ntok;
    for (size_t i = first; i < end;) {
      unsigned maxlen = 0;
      const cr_token *tk = &n->tok[i];
      size_t fl0 = fold_len(tk, t[i].poss);
      uint32_t bits = t[i].lex;
      if (bits & CR_LX_PREFIX)
        cr_entlex_bits(lx, tk->fold, fl0, &maxlen);
      size_t best = 0;
      uint32_t bbits = 0;
      if (bits & (CR_LX_PLACE | CR_LX_ORG)) {
        best = 1;
        bbits = bits;
      }
      if (maxlen > 1 && fl0 < sizeof buf) {
        size_t bl = fl0;
        memcpy(buf, tk->fold, fl0);
        for (size_t k = 1; k < maxlen && i + k < end; k++) {
          const cr_token *nt = &n->tok[i + k];
          size_t nl = fold_len(nt, t[i + k].poss);
          if (bl + 1 + nl >= sizeof buf)
            break;
          buf[bl++] = ' ';
          memcpy(buf + bl, nt->fold, nl);
          bl += nl;
          uint32_t b2 = cr_entlex_bits(lx, buf, bl, NULL);
          if (b2 & (CR_LX_PLACE | CR_LX_ORG)) {
            best = k + 1;
            bbits = b2;
          }
          if (t[i + k].poss)
            break;
        }
      }
      if (!best) {
        i++;
        continue;
      }
      uint16_t cl = 0;
      static const uint32_t order[] = {CR_LX_COUNTRY, CR_LX_CITY, CR_LX_REGION,
                                       CR_LX_WATER, CR_LX_ORG};
      for (int k = 0; k < 5; k++)
        if (bbits & order[k])
          cl |= (uint16_t)(1u << k);
      t[i].phr |= cl;
      for (size_t k = 1; k < best; k++)
        t[i + k].phr |= (uint16_t)(cl << 8);
      i += best;
    }
  }
  /* document flags: a word seen in lower case, or capitalised where case
   * says something (not first in its sentence) */
  docset d = {cr_calloc(1024, sizeof(uint64_t)), cr_calloc(1024, 1), 1023, 0};
  if (!d.key || !d.fl)
    goto fail;
  for (size_t s = 0; s < n->nsent; s++) {
    size_t first = n->sent[s].tok, end = first + n->sent[s].ntok;
    int seen_word = 0;
    for (size_t i = first; i < end; i++) {
      if (!is_word(&t[i]))
        continue;
      if (!seen_word) {
        t[i].doc |= DOC_SSTART;
        seen_word = 1;
        continue;
      }
      uint8_t *f = docset_slot(&d, t[i].wh);
      if (!f)
        goto fail;
      *f |= t[i].cls == CLS_LOWER                            ? DOC_LOWER
            : (t[i].cls == CLS_CAP || t[i].cls == CLS_UPPER) ? DOC_CAPMID
                                                             : 0;
    }
  }
  for (size_t i = 0; i < n->ntok; i++)
    if (is_word(&t[i])) {
      uint8_t *f = docset_slot(&d, t[i].wh);
      if (!f)
        goto fail;
      t[i].doc |= *f;
    }
  cr_free(d.key);
  cr_free(d.fl);
  *out = t;
  return 0;
fail:
  cr_free(d.key);
  cr_free(d.fl);
  cr_free(t);
  return -1;
}

void cr_ner_sentence(const cr_entlex *lx, const cr_norm *n,
                     const cr_ner_word *w, size_t first, size_t cnt,
                     cr_ner_tok *out) {
  for (size_t k = 0; k < cnt; k++) {
    size_t i = first + k;
    const cr_token *tk = &n->tok[i];
    cr_ner_tok *o = &out[k];
    size_t fl = fold_len(tk, w[i].poss);
    const char *f = tk->fold;
    o->wh = w[i].wh;
    o->phr = w[i].phr;
    o->cls = w[i].cls;
    o->doc = w[i].doc;
    o->shape = w[i].shape;
    o->suf[0] = fl >= 2 ? short_hash(f + fl - 2, 2) : o->wh;
    o->suf[1] = fl >= 3 ? short_hash(f + fl - 3, 3) : o->wh;
    o->suf[2] = fl >= 4 ? short_hash(f + fl - 4, 4) : o->wh;
    o->pre = fl >= 3 ? short_hash(f, 3) : o->wh;
    o->len = fl <= 1   ? 0
             : fl == 2 ? 1
             : fl == 3 ? 2
             : fl <= 5 ? 3
             : fl <= 8 ? 4
                       : 5;
    o->lex = cr_entlex_bits(lx, f, fl, NULL);
  }
}

int cr_ner_lower(const cr_ner_word *t) { return t->cls == CLS_LOWER; }

int cr_ner_capitalised(const cr_ner_word *t) {
  return t->cls == CLS_CAP || t->cls == CLS_UPPER || t->cls == CLS_LETTER ||
         t->cls == CLS_ABBR || t->cls == CLS_MIXED;
}

/* ---- features ------------------------------------------------------------*/

enum {
  F_BIAS = 1,
  F_W0,
  F_WM1,
  F_WP1,
  F_WM2,
  F_WP2,
  F_SHAPE,
  F_CLS3,
  F_CLS_L,
  F_CLS_R,
  F_SUF2,
  F_SUF3,
  F_SUF4,
  F_PRE3,
  F_LEX0,
  F_LEXM1,
  F_LEXP1,
  F_PHR,
  F_WM1_CLS,
  F_DOC,
  F_LEN,
  F_BIGRAM,
  F_WP1_CLS,
  F_W0_CLS,
  F_LEXM2
};

static uint32_t bucket(unsigned tmpl, uint64_t v) {
  return (uint32_t)(mix64(v * 0x9E3779B97F4A7C15ULL + tmpl) &
                    ((1u << CR_NER_BITS) - 1));
}

size_t cr_ner_features(const cr_ner_tok *t, size_t first, size_t i, size_t end,
                       uint32_t *out) {
  size_t k = 0;
  const cr_ner_tok *c = &t[i];
  const cr_ner_tok *l1 = i > first ? &t[i - 1] : NULL;
  const cr_ner_tok *l2 = i > first + 1 ? &t[i - 2] : NULL;
  const cr_ner_tok *r1 = i + 1 < end ? &t[i + 1] : NULL;
  const cr_ner_tok *r2 = i + 2 < end ? &t[i + 2] : NULL;
  uint64_t wl1 = l1 ? l1->wh : 1, wl2 = l2 ? l2->wh : 1;
  uint64_t wr1 = r1 ? r1->wh : 2, wr2 = r2 ? r2->wh : 2;
  unsigned cl1 = l1 ? l1->cls : CLS_BOS, cr1 = r1 ? r1->cls : CLS_EOS;
  int cap = c->cls == CLS_CAP || c->cls == CLS_UPPER || c->cls == CLS_LETTER ||
            c->cls == CLS_ABBR || c->cls == CLS_MIXED;
  /* the token's own identity first (CR_NER_NIDENT features after the
   * bias): the trainer drops them at random so that the other features
   * learn what unseen names look like */
  out[k++] = bucket(F_BIAS, 0);
  out[k++] = bucket(F_W0, c->wh);
  out[k++] = bucket(F_W0_CLS, c->wh + c->cls);
  out[k++] = bucket(F_SUF3, c->suf[1] + (uint64_t)cap);
  out[k++] = bucket(F_SUF4, c->suf[2] + (uint64_t)cap);
  out[k++] = bucket(F_PRE3, c->pre + (uint64_t)cap);
  out[k++] = bucket(F_BIGRAM, wl1 * 31 + c->wh);
  out[k++] = bucket(F_SUF2, c->suf[0] + (uint64_t)cap);
  out[k++] = bucket(F_WM1, wl1);
  out[k++] = bucket(F_WP1, wr1);
  out[k++] = bucket(F_WM2, wl2);
  out[k++] = bucket(F_WP2, wr2);
  out[k++] = bucket(F_SHAPE, c->shape);
  out[k++] = bucket(F_CLS3, cl1 * 256 + c->cls * 16 + cr1);
  out[k++] = bucket(F_CLS_L, cl1 * 16 + c->cls);
  out[k++] = bucket(F_CLS_R, c->cls * 16 + cr1);
  out[k++] = bucket(F_WM1_CLS, wl1 + c->cls);
  out[k++] = bucket(F_WP1_CLS, wr1 + c->cls);
  out[k++] = bucket(F_DOC, (uint64_t)c->doc * 16 + c->cls);
  out[k++] = bucket(F_LEN, (uint64_t)c->len * 16 + c->cls);
  for (uint32_t x = c->lex; x && k + 1 < CR_NER_MAXF; x &= x - 1)
    out[k++] = bucket(F_LEX0, (unsigned)__builtin_ctz(x) * 2 + (unsigned)cap);
  for (uint32_t x = l1 ? l1->lex : 0; x && k + 1 < CR_NER_MAXF; x &= x - 1)
    out[k++] = bucket(F_LEXM1, (unsigned)__builtin_ctz(x) * 16 + l1->cls);
  for (uint32_t x = r1 ? r1->lex : 0; x && k + 1 < CR_NER_MAXF; x &= x - 1)
    out[k++] = bucket(F_LEXP1, (unsigned)__builtin_ctz(x) * 16 + r1->cls);
  for (uint32_t x = l2 ? l2->lex : 0; x && k + 1 < CR_NER_MAXF; x &= x - 1)
    out[k++] = bucket(F_LEXM2, (unsigned)__builtin_ctz(x));
  for (uint32_t x = c->phr; x && k + 1 < CR_NER_MAXF; x &= x - 1)
    out[k++] = bucket(F_PHR, (unsigned)__builtin_ctz(x) * 2 + (unsigned)cap);
  return k;
}

/* ---- Viterbi
 * ---------------------------------------------------------------*/

/* I-X only after B-X or I-X */
static int allowed(int from, int to) {
  if (to == CR_NER_I_PER || to == CR_NER_I_ORG || to == CR_NER_I_LOC)
    return from == to || from == to - 1;
  return 1;
}

void cr_ner_viterbi(const float *em, const float *tr, size_t n, uint8_t *tags,
                    int *back) {
  if (!n)
    return;
  float trm[(CR_NER_NTAGS + 1) * CR_NER_NTAGS];
  for (int f = 0; f <= CR_NER_NTAGS; f++)
    for (int t = 0; t < CR_NER_NTAGS; t++)
      trm[f * CR_NER_NTAGS + t] =
          tr[f * CR_NER_NTAGS + t] +
          (allowed(f == CR_NER_NTAGS ? CR_NER_O : f, t) ? 0.0f : -1e30f);
  float cur[CR_NER_NTAGS], nxt[CR_NER_NTAGS];
  for (int t = 0; t < CR_NER_NTAGS; t++)
    cur[t] = trm[CR_NER_NTAGS * CR_NER_NTAGS + t] + em[t];
  for (size_t i = 1; i < n; i++) {
    for (int t = 0; t < CR_NER_NTAGS; t++) {
      float best = cur[0] + trm[t];
      int arg = 0;
      for (int f = 1; f < CR_NER_NTAGS; f++) {
        float s = cur[f] + trm[f * CR_NER_NTAGS + t];
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      nxt[t] = best + em[i * CR_NER_NTAGS + t];
      back[i * CR_NER_NTAGS + t] = arg;
    }
    memcpy(cur, nxt, sizeof cur);
  }
  int bt = 0;
  for (int t = 1; t < CR_NER_NTAGS; t++)
    if (cur[t] > cur[bt])
      bt = t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = (uint8_t)bt;
    if (i)
      bt = back[i * CR_NER_NTAGS + bt];
  }
}

/* ---- the model
 * ---------------------------------------------------------------*/

struct cr_ner {
  uint32_t *key; /* bucket + 1; 0 empty */
  int16_t (*row)[8];
  size_t mask;
  float tr[(CR_NER_NTAGS + 1) * CR_NER_NTAGS];
};

/* Buckets are already hashed: a multiply spreads them over the table. */
static size_t slot_of(uint32_t b, size_t mask) {
  return (size_t)(((uint64_t)b * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
}

/* Parse up to max integers separated by '|' from s; returns the count. */
static int parse_ints(const char *s, long *v, int max) {
  int k = 0;
  while (*s && k < max) {
    int neg = 0;
    if (*s == '-') {
      neg = 1;
      s++;
    }
    if (*s < '0' || *s > '9')
      return -1;
    long x = 0;
    while (*s >= '0' && *s <= '9' && x < 1000000000L)
      x = x * 10 + (*s++ - '0');
    v[k++] = neg ? -x : x;
    if (*s == '|')
      s++;
    else if (*s && *s != '\n' && *s != '\r')
      return -1;
    else
      break;
  }
  return k;
}

static int add_line(cr_ner *m, const char *line) {
  if (line[0] == '#' || line[0] == '\0' || line[0] == '\n')
    return 0;
  long v[CR_NER_NTAGS + 1];
  if (line[0] == '!') {
    if (strncmp(line, "!meta|", 6) == 0)
      return strncmp(line + 6, "crossread-ner 1|", 16) == 0 ? 0 : -1;
    int row;
    const char *p;
    if (strncmp(line, "!start|", 7) == 0) {
      row = CR_NER_NTAGS;
      p = line + 7;
    } else if (strncmp(line, "!trans", 6) == 0 && line[6] >= '0' &&
               line[6] < '0' + CR_NER_NTAGS && line[7] == '|') {
      row = line[6] - '0';
      p = line + 8;
    } else {
      return -1;
    }
    if (parse_ints(p, v, CR_NER_NTAGS) != CR_NER_NTAGS)
      return -1;
    for (int t = 0; t < CR_NER_NTAGS; t++)
      m->tr[row * CR_NER_NTAGS + t] = (float)v[t];
    return 0;
  }
  /* "BUCKET|w0|...|w6", BUCKET in hex */
  uint32_t b = 0;
  const char *p = line;
  int digits = 0;
  for (; *p && *p != '|'; p++, digits++) {
    int d = *p >= '0' && *p <= '9'   ? *p - '0'
            : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                                     : -1;
    if (d < 0 || digits > 7)
      return -1;
    b = b * 16 + (uint32_t)d;
  }
  if (*p != '|' || b >= (1u << CR_NER_BITS))
    return -1;
  if (parse_ints(p + 1, v, CR_NER_NTAGS) != CR_NER_NTAGS)
    return -1;
  if (!m->key)
    return -1;
  for (size_t i = slot_of(b, m->mask);; i = (i + 1) & m->mask) {
    if (!m->key[i] || m->key[i] == b + 1) {
      m->key[i] = b + 1;
      for (int t = 0; t < CR_NER_NTAGS; t++)
        m->row[i][t] = (int16_t)(v[t] > SHRT_MAX    ? SHRT_MAX
                                 : v[t] < -SHRT_MAX ? -SHRT_MAX
                                                    : v[t]);
      m->row[i][7] = 0;
      return 0;
    }
  }
}

static int load_lines(cr_ner *m, FILE *f) {
  if (f) {
    char line[512];
    rewind(f);
    while (fgets(line, sizeof line, f))
      if (add_line(m, line))
        return -1;
    return 0;
  }
  for (size_t i = 0; i < cr_tab_ner_model.n; i++)
    if (add_line(m, cr_tab_ner_model.v[i]))
      return -1;
  return 0;
}

cr_ner *cr_ner_load(const char *path) {
  FILE *f = NULL;
  if (path) {
    f = fopen(path, "r");
    if (!f)
      return NULL;
  }
  cr_ner *m = cr_calloc(1, sizeof *m);
  if (!m)
    goto fail;
  /* rows at most: the lines (of the file, or of the built-in table) */
  size_t count = cr_tab_ner_model.n;
  if (f) {
    char line[512];
    for (count = 0; fgets(line, sizeof line, f);)
      count++;
  }
  size_t cap = 64;
  while (cap < 2 * count)
    cap *= 2;
  m->key = cr_calloc(cap, sizeof *m->key);
  m->row = cr_calloc(cap, sizeof *m->row);
  m->mask = cap - 1;
  if (!m->key || !m->row || load_lines(m, f))
    goto fail;
  if (f)
    fclose(f);
  return m;
fail:
  if (f)
    fclose(f);
  cr_ner_free(m);
  return NULL;
}

void cr_ner_free(cr_ner *m) {
  if (!m)
    return;
  cr_free(m->key);
  cr_free(m->row);
  cr_free(m);
}

/* A sentence longer than this is tagged in pieces (a page without
 * punctuation must not need memory by its length). */
#define CHUNK 256

int cr_ner_tag(const cr_ner *m, const cr_entlex *lx, const cr_norm *n,
               const cr_ner_word *w, cr_arena *a, uint8_t *tags) {
  float *em = cr_arena_alloc(a, CHUNK * CR_NER_NTAGS * sizeof *em);
  int *back = cr_arena_alloc(a, CHUNK * CR_NER_NTAGS * sizeof *back);
  cr_ner_tok *t = cr_arena_alloc(a, CHUNK * sizeof *t);
  if (!em || !back || !t)
    return -1;
  memset(tags, 0, n->ntok);
  uint32_t f[CR_NER_MAXF];
  for (size_t s = 0; s < n->nsent; s++)
    for (size_t first = n->sent[s].tok, end = first + n->sent[s].ntok;
         first < end; first += CHUNK) {
      size_t cnt = end - first < CHUNK ? end - first : CHUNK;
      cr_ner_sentence(lx, n, w, first, cnt, t);
      for (size_t i = 0; i < cnt; i++) {
        size_t nf = cr_ner_features(t, 0, i, cnt, f);
        int32_t acc[8] = {0};
        for (size_t k = 0; k < nf; k++) {
          uint32_t want = f[k] + 1;
          for (size_t j = slot_of(f[k], m->mask);; j = (j + 1) & m->mask) {
            uint32_t key = m->key[j];
            if (key == want) {
              const int16_t *r = m->row[j];
              for (int x = 0; x < 8; x++)
                acc[x] += r[x];
              break;
            }
            if (!key)
              break;
          }
        }
        for (int x = 0; x < CR_NER_NTAGS; x++)
          em[i * CR_NER_NTAGS + x] = (float)acc[x];
      }
      cr_ner_viterbi(em, m->tr, cnt, tags + first, back);
    }
  return 0;
}
