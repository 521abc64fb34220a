/* stub_text.c -- PLACEHOLDER text core pieces (clean, fold, tokens,
 * sentences) so the skeleton builds; replaced by clean.c, token.re and
 * sentence.c. */
#include "normalize.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

int cr_text_clean(const char *in, size_t len, cr_buf *out) {
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in,
                                    (utf8proc_ssize_t)len, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (n < 0)
    return cr_buf_put(out, in, len);
  int nl = 0, sp = 0, any = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    char c = (char)nfc[i];
    if (c == '\r')
      continue;
    if (c == '\n') {
      nl++;
      sp = 0;
      continue;
    }
    if (c == ' ' || c == '\t') {
      sp = 1;
      continue;
    }
    if (any && nl)
      cr_buf_puts(out, nl > 1 ? "\n\n" : "\n");
    else if (any && sp)
      cr_buf_putc(out, ' ');
    nl = sp = 0;
    any = 1;
    cr_buf_putc(out, c);
  }
  free(nfc);
  return out->err ? -1 : 0;
}

int cr_fold(const char *s, size_t len, cr_buf *out) {
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t n =
      utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &f,
                   UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (n < 0)
    return cr_buf_put(out, s, len);
  cr_buf_put(out, f, (size_t)n);
  free(f);
  return out->err ? -1 : 0;
}

int cr_tokenize(const char *text, size_t len, cr_token_fn emit, void *ud) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    if (isspace(c)) {
      i++;
      continue;
    }
    size_t j = i;
    int kind = CR_TOK_WORD;
    if (ispunct(c)) {
      j++;
      kind = CR_TOK_PUNCT;
    } else {
      while (j < len && !isspace((unsigned char)text[j]) &&
             !ispunct((unsigned char)text[j]))
        j++;
      if (isdigit(c))
        kind = CR_TOK_NUMBER;
    }
    unsigned fl = isupper(c) ? CR_TF_CAP : 0;
    if (emit(ud, (uint32_t)i, (uint32_t)(j - i), kind, fl))
      return -1;
    i = j;
  }
  return 0;
}

int cr_sentence_split(const char *text, size_t len, cr_arena *a, cr_span **out,
                      size_t *n) {
  size_t cap = 16, k = 0;
  cr_span *s = cr_arena_alloc(a, cap * sizeof *s);
  if (!s)
    return -1;
  size_t i = 0;
  while (i < len) {
    while (i < len && isspace((unsigned char)text[i]))
      i++;
    if (i >= len)
      break;
    size_t j = i;
    while (j < len) {
      if ((text[j] == '.' || text[j] == '!' || text[j] == '?') &&
          (j + 1 == len || text[j + 1] == ' ' || text[j + 1] == '\n')) {
        j++;
        break;
      }
      if (text[j] == '\n' && j + 1 < len && text[j + 1] == '\n')
        break;
      j++;
    }
    if (k == cap) {
      cr_span *ns = cr_arena_realloc(a, s, cap * sizeof *s, 2 * cap * sizeof *s);
      if (!ns)
        return -1;
      s = ns;
      cap *= 2;
    }
    size_t e = j;
    while (e > i && isspace((unsigned char)text[e - 1]))
      e--;
    s[k].off = (uint32_t)i;
    s[k].len = (uint32_t)(e - i);
    k++;
    i = j;
  }
  *out = s;
  *n = k;
  return 0;
}
