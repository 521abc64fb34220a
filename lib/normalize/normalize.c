/* normalize.c -- the text-core stage: repair, clean, paragraphs, sentences,
 * tokens, folds and stems of one document (see normalize.h). */
#include "normalize.h"

#include <libstemmer.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/table.h"

/* Stems and stop-word flags of recent words, direct-mapped by the hash of
 * the folded word: news vocabulary is skewed, so most words hit and the
 * Snowball stemmer (the slowest step of the stage) runs once per word
 * form instead of once per token. */
enum { STEM_SLOTS = 16384, STEM_MAX = 22 };

typedef struct stem_slot {
  uint64_t key;  /* cr_hash64 of the folded word, | 1; 0 = not cached */
  uint64_t hash; /* cr_hash64 of the stem */
  uint8_t fold_len, stem_len, stop;
  char fold[STEM_MAX], stem[STEM_MAX];
} stem_slot;

struct cr_normalizer {
  struct sb_stemmer *stemmer;
  cr_buf fold;
  stem_slot *cache;
  stem_slot one;     /* answer for a word too long for the cache */
  const char *lstem; /* its stem (in the stemmer's buffer) */
  size_t llen;
};

cr_normalizer *cr_normalizer_new(void) {
  cr_normalizer *nz = cr_calloc(1, sizeof *nz);
  if (!nz)
    return NULL;
  nz->stemmer = sb_stemmer_new("english", "UTF_8");
  if (!nz->stemmer) {
    cr_free(nz);
    return NULL;
  }
  nz->cache = cr_calloc(STEM_SLOTS, sizeof *nz->cache);
  if (!nz->cache) {
    sb_stemmer_delete(nz->stemmer);
    cr_free(nz);
    return NULL;
  }
  cr_buf_init(&nz->fold, 1 << 20);
  return nz;
}

void cr_normalizer_free(cr_normalizer *nz) {
  if (!nz)
    return;
  sb_stemmer_delete(nz->stemmer);
  cr_buf_clear(&nz->fold);
  cr_free(nz->cache);
  cr_free(nz);
}

const char *cr_stem(cr_normalizer *nz, const char *word, size_t len,
                    size_t *out_len) {
  const sb_symbol *s =
      sb_stemmer_stem(nz->stemmer, (const sb_symbol *)word, (int)len);
  if (!s) {
    *out_len = len;
    return word;
  }
  *out_len = (size_t)sb_stemmer_length(nz->stemmer);
  return (const char *)s;
}

/* Stem, stop-word flag and stem hash of a folded word. The slot is valid
 * until the next call; when its key is 0 (a word too long to keep) the
 * stem is still in the stemmer's buffer (cr_stem). */
static const stem_slot *word_info(cr_normalizer *nz, const char *fold,
                                  size_t len) {
  uint64_t key = cr_hash64(fold, len) | 1;
  stem_slot *e = &nz->cache[key % STEM_SLOTS];
  if (e->key == key && e->fold_len == len && memcmp(e->fold, fold, len) == 0)
    return e;
  size_t sl;
  const char *st = cr_stem(nz, fold, len, &sl);
  if (len > STEM_MAX || sl > STEM_MAX) {
    e = &nz->one;
    e->key = 0;
    nz->lstem = st;
    nz->llen = sl;
  } else {
    e->key = key;
    e->fold_len = (uint8_t)len;
    memcpy(e->fold, fold, len);
    e->stem_len = (uint8_t)sl;
    memcpy(e->stem, st, sl);
  }
  e->stop = (uint8_t)cr_table_has(&cr_tab_stopwords, fold, len);
  e->hash = cr_hash64(st, sl);
  return e;
}

/* The fold of a plain ASCII token, lower-cased straight into the arena (the
 * same result as cr_fold, without its buffer); NULL when the token needs
 * cr_fold (non-ASCII, backticks, "''", runs of hyphens) or on no memory. */
static char *ascii_fold(cr_arena *a, const char *s, size_t len) {
  if (len >= 2 && (s[0] == '-' || s[0] == '\''))
    return NULL;
  char *f = cr_arena_alloc(a, len + 1);
  if (!f)
    return NULL;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x80 || ch == '`')
      return NULL; /* the few bytes taken stay unused in the arena */
    f[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  f[len] = '\0';
  return f;
}

typedef struct tok_ctx {
  cr_normalizer *nz;
  cr_arena *a;
  const char *text;
  cr_token *tok;
  size_t n, cap;
  uint32_t sent;
  int fail;
} tok_ctx;

static int on_token(void *ud, uint32_t off, uint32_t len, int kind,
                    unsigned flags) {
  tok_ctx *c = ud;
  if (flags & CR_TF_SSTART)
    c->sent++; /* from UINT32_MAX to 0 at the first sentence */
  /* the array grows on the heap and moves to the arena at the end, so the
   * arena does not keep every outgrown copy */
  if (c->n == c->cap &&
      cr_grow((void **)&c->tok, &c->cap, c->n + 1, sizeof *c->tok)) {
    c->fail = 1;
    return -1;
  }
  cr_token *t = &c->tok[c->n];
  memset(t, 0, sizeof *t);
  t->off = off;
  t->len = len;
  t->kind = (uint16_t)kind;
  t->flags = (uint16_t)flags;
  t->sent = c->sent;
  char *fold = ascii_fold(c->a, c->text + off, len);
  size_t flen = len;
  if (!fold) {
    /* other scripts, typographic marks, and the ASCII cases cr_fold maps */
    cr_buf *fb = &c->nz->fold;
    cr_buf_reset(fb);
    if (cr_fold(c->text + off, len, fb) || fb->err) {
      c->fail = 1;
      return -1;
    }
    fold = cr_arena_strndup(c->a, fb->data, fb->len);
    flen = fb->len;
  }
  if (!fold) {
    c->fail = 1;
    return -1;
  }
  t->fold = fold;
  t->fold_len = (uint32_t)flen;
  t->stem = fold;
  t->stem_len = t->fold_len;
  if (kind == CR_TOK_WORD) {
    const stem_slot *e = word_info(c->nz, fold, flen);
    const char *s = e->key ? e->stem : c->nz->lstem;
    size_t sl = e->key ? e->stem_len : c->nz->llen;
    if (e->stop)
      t->flags |= CR_TF_STOP;
    t->hash = e->hash;
    if (sl != flen || memcmp(s, fold, sl) != 0) {
      char *st = cr_arena_strndup(c->a, s, sl);
      if (!st) {
        c->fail = 1;
        return -1;
      }
      t->stem = st;
      t->stem_len = (uint32_t)sl;
    }
  }
  if (kind != CR_TOK_WORD)
    t->hash = cr_hash64(t->stem, t->stem_len);
  c->n++;
  return 0;
}

crossread_status cr_normalize_run(cr_normalizer *nz, const char *text,
                                  size_t len, cr_arena *a, cr_norm *out) {
  memset(out, 0, sizeof *out);
  cr_buf rep, clean;
  cr_buf_init(&rep, 0);
  cr_buf_init(&clean, 0);
  tok_ctx c = {nz, a, NULL, NULL, 0, 0, UINT32_MAX, 0};
  crossread_status st = CROSSREAD_ERR_NOMEM;
  out->repaired = cr_utf8_repair(text, len, &rep);
  if (rep.err || cr_text_clean(rep.data ? rep.data : "", rep.len, &clean) ||
      clean.err)
    goto fail;
  char *t = cr_arena_strndup(a, clean.data ? clean.data : "", clean.len);
  if (!t)
    goto fail;
  out->text = t;
  out->len = clean.len;

  /* paragraphs: separated by blank lines */
  size_t pcap = 0;
  for (size_t i = 0; i < out->len;) {
    while (i < out->len && t[i] == '\n')
      i++;
    if (i >= out->len)
      break;
    /* memchr, not strstr: a sanitizer's strstr reads the whole rest of the
     * text at every call, which is quadratic over many paragraphs */
    size_t end = out->len;
    for (const char *q = t + i;
         (q = memchr(q, '\n', (size_t)(t + out->len - q))) != NULL; q++)
      if (q + 1 < t + out->len && q[1] == '\n') {
        end = (size_t)(q - t);
        break;
      }
    if (out->npara == pcap) {
      size_t ncap = pcap ? pcap * 2 : 16;
      cr_span *p =
          cr_arena_realloc(a, out->para, pcap * sizeof *p, ncap * sizeof *p);
      if (!p)
        goto fail;
      out->para = p;
      pcap = ncap;
    }
    out->para[out->npara].off = (uint32_t)i;
    out->para[out->npara].len = (uint32_t)(end - i);
    out->npara++;
    i = end;
  }

  /* sentences and tokens in one pass (the splitter keeps to paragraphs) */
  c.text = t;
  cr_span *sp = NULL;
  size_t ns = 0;
  if (cr_sentence_split_tokens(t, out->len, a, &sp, &ns, on_token, &c) ||
      c.fail)
    goto fail;
  out->sent = cr_arena_calloc(a, ns ? ns : 1, sizeof *out->sent);
  if (!out->sent)
    goto fail;
  out->nsent = ns;
  size_t para = 0;
  for (size_t i = 0; i < ns; i++) {
    cr_sentence *s = &out->sent[i];
    s->off = sp[i].off;
    s->len = sp[i].len;
    while (para + 1 < out->npara && out->para[para + 1].off <= s->off)
      para++;
    s->para = (uint32_t)para;
  }
  for (size_t k = 0; k < c.n; k++) {
    cr_sentence *s = &out->sent[c.tok[k].sent];
    if (!s->ntok)
      s->tok = (uint32_t)k;
    s->ntok++;
  }
  out->tok = cr_arena_alloc(a, (c.n ? c.n : 1) * sizeof *out->tok);
  if (!out->tok)
    goto fail;
  if (c.n)
    memcpy(out->tok, c.tok, c.n * sizeof *out->tok);
  out->ntok = c.n;
  for (size_t k = 0; k < c.n; k++)
    if (c.tok[k].kind != CR_TOK_PUNCT && c.tok[k].kind != CR_TOK_SYMBOL)
      out->words++;
  st = cr_arena_hit_cap(a) ? CROSSREAD_ERR_TOOBIG : CROSSREAD_OK;
  if (st == CROSSREAD_OK)
    goto done;
fail:
  if (cr_arena_hit_cap(a))
    st = CROSSREAD_ERR_TOOBIG;
done:
  cr_free(c.tok);
  cr_buf_clear(&rep);
  cr_buf_clear(&clean);
  return st;
}
