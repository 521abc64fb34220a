/* normalize.c -- the text-core stage: repair, clean, paragraphs, sentences,
 * tokens, folds and stems of one document (see normalize.h). */
#include "normalize.h"

#include <libstemmer.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/table.h"

struct cr_normalizer {
  struct sb_stemmer *stemmer;
  cr_buf fold;
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
  cr_buf_init(&nz->fold, 1 << 20);
  return nz;
}

void cr_normalizer_free(cr_normalizer *nz) {
  if (!nz)
    return;
  sb_stemmer_delete(nz->stemmer);
  cr_buf_clear(&nz->fold);
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
  if (c->n == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 256;
    cr_token *t = cr_arena_realloc(c->a, c->tok, c->cap * sizeof *t,
                                   ncap * sizeof *t);
    if (!t) {
      c->fail = 1;
      return -1;
    }
    c->tok = t;
    c->cap = ncap;
  }
  cr_token *t = &c->tok[c->n];
  memset(t, 0, sizeof *t);
  t->off = off;
  t->len = len;
  t->kind = (uint16_t)kind;
  t->flags = (uint16_t)flags;
  t->sent = c->sent;
  cr_buf *fb = &c->nz->fold;
  cr_buf_reset(fb);
  if (cr_fold(c->text + off, len, fb) || fb->err) {
    c->fail = 1;
    return -1;
  }
  /* the token array may move in the arena; strings are separate allocations */
  char *fold = cr_arena_strndup(c->a, fb->data, fb->len);
  if (!fold) {
    c->fail = 1;
    return -1;
  }
  t->fold = fold;
  t->fold_len = (uint32_t)fb->len;
  t->stem = fold;
  t->stem_len = t->fold_len;
  if (kind == CR_TOK_WORD) {
    if (cr_table_has(&cr_tab_stopwords, fold, fb->len))
      t->flags |= CR_TF_STOP;
    size_t sl;
    const char *s = cr_stem(c->nz, fold, fb->len, &sl);
    if (sl != fb->len || memcmp(s, fold, sl) != 0) {
      char *st = cr_arena_strndup(c->a, s, sl);
      if (!st) {
        c->fail = 1;
        return -1;
      }
      t->stem = st;
      t->stem_len = (uint32_t)sl;
    }
  }
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
    const char *e = strstr(t + i, "\n\n");
    size_t end = e ? (size_t)(e - t) : out->len;
    if (out->npara == pcap) {
      size_t ncap = pcap ? pcap * 2 : 16;
      cr_span *p = cr_arena_realloc(a, out->para, pcap * sizeof *p,
                                    ncap * sizeof *p);
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

  /* sentences over the whole text (the splitter keeps to paragraphs) */
  cr_span *sp = NULL;
  size_t ns = 0;
  if (cr_sentence_split(t, out->len, a, &sp, &ns))
    goto fail;
  out->sent = cr_arena_calloc(a, ns ? ns : 1, sizeof *out->sent);
  if (!out->sent)
    goto fail;
  out->nsent = ns;

  tok_ctx c = {nz, a, t, NULL, 0, 0, 0, 0};
  size_t para = 0;
  for (size_t i = 0; i < ns; i++) {
    cr_sentence *s = &out->sent[i];
    s->off = sp[i].off;
    s->len = sp[i].len;
    while (para + 1 < out->npara && out->para[para + 1].off <= s->off)
      para++;
    s->para = (uint32_t)para;
    s->tok = (uint32_t)c.n;
    c.sent = (uint32_t)i;
    c.text = t + s->off; /* the scanner's offsets are relative to it */
    if (cr_tokenize(t + s->off, s->len, on_token, &c) || c.fail)
      goto fail;
    for (size_t k = s->tok; k < c.n; k++)
      c.tok[k].off += s->off;
    s->ntok = (uint32_t)(c.n - s->tok);
    if (s->ntok)
      c.tok[s->tok].flags |= CR_TF_SSTART;
  }
  out->tok = c.tok;
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
  cr_buf_clear(&rep);
  cr_buf_clear(&clean);
  return st;
}
