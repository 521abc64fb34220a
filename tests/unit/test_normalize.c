/* test_normalize.c -- the whole text-core stage (cr_normalize_run): clean
 * text, paragraphs, sentences with their tokens, folds, stems, stop words,
 * hashes; and bad input. */
#include "core/arena.h"
#include "core/strmap.h"
#include "harness.h"
#include "normalize/normalize.h"

static cr_normalizer *nz;

/* the token whose text is s (first one), or NULL */
static const cr_token *find_tok(const cr_norm *n, const char *s) {
  for (size_t i = 0; i < n->ntok; i++)
    if (n->tok[i].len == strlen(s) &&
        memcmp(n->text + n->tok[i].off, s, n->tok[i].len) == 0)
      return &n->tok[i];
  return NULL;
}

static void check_fold_stem(const cr_norm *n, const char *tok, const char *fold,
                            const char *stem) {
  const cr_token *t = find_tok(n, tok);
  CHECK(t != NULL);
  if (!t) {
    fprintf(stderr, "  no token \"%s\"\n", tok);
    return;
  }
  CHECK_STR(t->fold, fold);
  CHECK_STR(t->stem, stem);
  CHECK_EQ(t->fold_len, strlen(fold));
  CHECK_EQ(t->stem_len, strlen(stem));
  CHECK(t->hash == cr_hash64(stem, strlen(stem)));
}

static void test_structure(void) {
  const char *in =
      "  Belarus freed 123 prisoners.  The U.S. lifted\n"
      "sanctions.\r\n\r\nLukashenko\xE2\x80\x99s rule \xE2\x80\x94 "
      "running since 1994 \xE2\x80\x94 continues.\n\nEnd";
  cr_arena *a = cr_arena_new(4096, 0);
  cr_norm n;
  CHECK_EQ(cr_normalize_run(nz, in, strlen(in), a, &n), CROSSREAD_OK);
  CHECK_STR(n.text, "Belarus freed 123 prisoners. The U.S. lifted sanctions."
                    "\n\nLukashenko\xE2\x80\x99s rule \xE2\x80\x94 running "
                    "since 1994 \xE2\x80\x94 continues.\n\nEnd");
  CHECK_EQ(n.len, strlen(n.text));
  CHECK_EQ(n.repaired, 0);
  CHECK_EQ(n.npara, 3);
  CHECK_EQ(n.nsent, 4);
  if (n.nsent == 4) {
    CHECK_SPAN(n.text, n.sent[0].off, n.sent[0].len,
               "Belarus freed 123 prisoners.");
    CHECK_SPAN(n.text, n.sent[1].off, n.sent[1].len,
               "The U.S. lifted sanctions.");
    CHECK_EQ(n.sent[0].para, 0);
    CHECK_EQ(n.sent[1].para, 0);
    CHECK_EQ(n.sent[2].para, 1);
    CHECK_EQ(n.sent[3].para, 2);
    CHECK_EQ(n.sent[3].ntok, 1);
  }
  /* every token sits in its sentence; sentences own consecutive tokens */
  size_t next = 0, words = 0;
  for (size_t s = 0; s < n.nsent; s++) {
    CHECK_EQ(n.sent[s].tok, next);
    for (size_t k = n.sent[s].tok; k < n.sent[s].tok + n.sent[s].ntok; k++) {
      const cr_token *t = &n.tok[k];
      CHECK_EQ(t->sent, s);
      CHECK(t->off >= n.sent[s].off &&
            t->off + t->len <= n.sent[s].off + n.sent[s].len);
      CHECK_EQ(!!(t->flags & CR_TF_SSTART), k == n.sent[s].tok);
      if (t->kind != CR_TOK_PUNCT && t->kind != CR_TOK_SYMBOL)
        words++;
    }
    next = n.sent[s].tok + n.sent[s].ntok;
  }
  CHECK_EQ(next, n.ntok);
  CHECK_EQ(n.words, words);
  cr_arena_free(a);
}

static void test_fold_stem_stop(void) {
  const char *in =
      "The Running men hasn\xE2\x80\x99t stopped. Lukashenko\xE2\x80"
      "\x99s \xE2\x80\x9C"
      "policies\xE2\x80\x9D \xE2\x80\x94 "
      "U.S. sanctions on \xD0\x91\xD0\x95\xD0\x9B\xD0\x90\xD0\xA0"
      "\xD0\xA3\xD0\xA1\xD0\xAC cost $1.5bn.";
  cr_arena *a = cr_arena_new(4096, 0);
  cr_norm n;
  CHECK_EQ(cr_normalize_run(nz, in, strlen(in), a, &n), CROSSREAD_OK);
  check_fold_stem(&n, "The", "the", "the");
  check_fold_stem(&n, "Running", "running", "run");
  check_fold_stem(&n, "stopped", "stopped", "stop");
  check_fold_stem(&n, "hasn\xE2\x80\x99t", "hasn't", "hasn't");
  check_fold_stem(&n, "Lukashenko\xE2\x80\x99s", "lukashenko's", "lukashenko");
  check_fold_stem(&n, "policies", "policies", "polici");
  check_fold_stem(&n, "\xE2\x80\x9C", "\"", "\"");
  check_fold_stem(&n, "\xE2\x80\x94", "-", "-");
  check_fold_stem(&n, "U.S.", "u.s.", "u.s.");
  check_fold_stem(&n, "$1.5bn", "$1.5bn", "$1.5bn");
  /* Cyrillic is folded but not stemmed by the English stemmer */
  check_fold_stem(&n,
                  "\xD0\x91\xD0\x95\xD0\x9B\xD0\x90\xD0\xA0\xD0\xA3\xD0\xA1"
                  "\xD0\xAC",
                  "\xD0\xB1\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1\x81"
                  "\xD1\x8C",
                  "\xD0\xB1\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1\x81"
                  "\xD1\x8C");
  const cr_token *t = find_tok(&n, "The");
  CHECK(t && (t->flags & CR_TF_STOP) && (t->flags & CR_TF_CAP));
  t = find_tok(&n, "on");
  CHECK(t && (t->flags & CR_TF_STOP));
  t = find_tok(&n, "sanctions");
  CHECK(t && !(t->flags & CR_TF_STOP));
  t = find_tok(&n, "U.S.");
  CHECK(t && t->kind == CR_TOK_ABBREV && !(t->flags & CR_TF_STOP));
  /* the same stem hashes the same */
  const cr_token *a1 = find_tok(&n, "Running");
  CHECK(a1 && a1->hash == cr_hash64("run", 3));
  cr_arena_free(a);
}

static void test_bad_input(void) {
  cr_arena *a = cr_arena_new(4096, 0);
  cr_norm n;
  /* invalid UTF-8 is repaired and counted */
  const char bad[] = "Caf\xE9 au lait.\xFF Next.";
  CHECK_EQ(cr_normalize_run(nz, bad, sizeof bad - 1, a, &n), CROSSREAD_OK);
  CHECK_EQ(n.repaired, 2);
  CHECK_STR(n.text, "Caf\xEF\xBF\xBD au lait.\xEF\xBF\xBD Next.");
  cr_arena_reset(a);
  /* nothing but space */
  CHECK_EQ(cr_normalize_run(nz, " \n\t ", 4, a, &n), CROSSREAD_OK);
  CHECK_EQ(n.len, 0);
  CHECK_EQ(n.nsent, 0);
  CHECK_EQ(n.ntok, 0);
  CHECK_EQ(n.words, 0);
  cr_arena_free(a);
  /* an arena cap that the document passes: TOOBIG, no crash */
  cr_arena *small = cr_arena_new(1024, 2048);
  cr_buf big;
  cr_buf_init(&big, 0);
  for (int i = 0; i < 500; i++)
    cr_buf_puts(&big, "Words in a sentence. ");
  CHECK_EQ(cr_normalize_run(nz, big.data, big.len, small, &n),
           CROSSREAD_ERR_TOOBIG);
  cr_buf_clear(&big);
  cr_arena_free(small);
}

/* Random bytes and random pieces of text: every run succeeds, and the
 * spans keep their promises (sentences inside the text, without line
 * breaks or outer spaces; tokens inside their sentences, in order). */
static void test_random_input(void) {
  static const char *const pieces[] = {"U.S.",
                                       " ",
                                       "\n",
                                       "\n\n",
                                       ".",
                                       "...",
                                       "?!",
                                       "\"",
                                       "''",
                                       "``",
                                       "Mr.",
                                       "e.g.",
                                       "1,613",
                                       "$1.5bn",
                                       "\xE2\x80\x9C",
                                       "\xE2\x80\x99",
                                       "\xC2\xA0",
                                       "\xCC\x81",
                                       "\xE2\x80\xA2",
                                       "1.",
                                       "2)",
                                       "a",
                                       "The",
                                       "http://x.co/a",
                                       "x@y.com",
                                       "\xD0\x9C\xD0\xB8",
                                       "\xE3\x80\x82",
                                       "\r\n",
                                       "\t",
                                       "-",
                                       "\xC2\xAD",
                                       "\xE2\x80\x8B",
                                       "\xFF",
                                       "\xE2\x82",
                                       "\x01",
                                       "(",
                                       ")"};
  unsigned seed = 12345;
  cr_arena *a = cr_arena_new(4096, 0);
  char buf[512];
  for (int iter = 0; iter < 3000; iter++) {
    size_t n = 0;
    int mode = iter % 3;
    while (n < sizeof buf - 32) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = seed >> 16;
      if (r % 50 == 0)
        break;
      if (mode == 0) { /* raw bytes */
        buf[n++] = (char)(r & 0xFF);
      } else {
        const char *p = pieces[r % (sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        memcpy(buf + n, p, l);
        n += l;
      }
    }
    cr_norm nm;
    cr_arena_reset(a);
    if (cr_normalize_run(nz, buf, n, a, &nm) != CROSSREAD_OK) {
      CHECK(0);
      continue;
    }
    int ok = 1;
    size_t next = 0;
    for (size_t s = 0; s < nm.nsent; s++) {
      const cr_sentence *se = &nm.sent[s];
      ok &= se->len > 0 && se->off + se->len <= nm.len;
      ok &= memchr(nm.text + se->off, '\n', se->len) == NULL;
      ok &= nm.text[se->off] != ' ' && nm.text[se->off + se->len - 1] != ' ';
      ok &= se->tok == next && se->ntok > 0;
      for (size_t k = se->tok; k < se->tok + se->ntok && k < nm.ntok; k++)
        ok &=
            nm.tok[k].off >= se->off && nm.tok[k].len > 0 &&
            nm.tok[k].off + nm.tok[k].len <= se->off + se->len &&
            (k == 0 || nm.tok[k].off >= nm.tok[k - 1].off + nm.tok[k - 1].len);
      next = se->tok + se->ntok;
    }
    ok &= next == nm.ntok;
    CHECK(ok);
    if (!ok) {
      fprintf(stderr, "  input %d broke the invariants\n", iter);
      break;
    }
  }
  cr_arena_free(a);
}

int main(void) {
  nz = cr_normalizer_new();
  CHECK(nz != NULL);
  if (!nz)
    return DONE();
  RUN(test_structure);
  RUN(test_fold_stem_stop);
  RUN(test_bad_input);
  RUN(test_random_input);
  cr_normalizer_free(nz);
  return DONE();
}
