/* span.c -- what part of a sentence the summary stage shows: the sentence
 * without a leading wire dateline ("WASHINGTON _", "PARIS (Reuters) --"),
 * which is a place stamp, not part of what is said. See span.h. */
#include "span.h"

/* words as a reader (and ROUGE) counts them: white-space separated runs */
uint32_t cr_sum_count_words(const char *s, size_t len) {
  uint32_t n = 0;
  int in = 0;
  for (size_t i = 0; i < len; i++) {
    if (cr_sum_is_space(s[i]))
      in = 0;
    else if (!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

/* a lone dash as wire copy writes it after a dateline: "_", "--", "-",
 * U+2013, U+2014 */
static int is_dash(const char *s, size_t len) {
  if (len == 1)
    return s[0] == '_' || s[0] == '-';
  if (len == 2)
    return s[0] == '-' && s[1] == '-';
  return len == 3 && (unsigned char)s[0] == 0xe2 &&
         (unsigned char)s[1] == 0x80 &&
         ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

/* all letters upper case, at least two of them (ASCII view; the token flag
 * covers the rest) */
static int is_upper_word(const cr_token *t, const char *text) {
  if (t->flags & CR_TF_UPPER)
    return 1;
  int letters = 0;
  for (uint32_t i = 0; i < t->len; i++) {
    unsigned char c = (unsigned char)text[t->off + i];
    if (c >= 'a' && c <= 'z')
      return 0;
    if (c >= 'A' && c <= 'Z')
      letters++;
  }
  return letters >= 2;
}

/* Length in tokens of a leading dateline ("WASHINGTON _", "RIYADH, Saudi
 * Arabia (AP) _", "PARIS (Reuters) --"): capitalised words, commas and a
 * parenthesised credit before a lone dash, the first word in capitals.
 * 0 when there is none. The dateline is not part of the sentence. */
static uint32_t dateline_tokens(const cr_norm *nm, const cr_sentence *s) {
  const uint32_t look = 12;
  uint32_t n = s->ntok < look ? s->ntok : look;
  if (n < 3 || !is_upper_word(&nm->tok[s->tok], nm->text))
    return 0;
  for (uint32_t i = 1; i < n; i++) {
    const cr_token *t = &nm->tok[s->tok + i];
    const char *p = nm->text + t->off;
    if (is_dash(p, t->len))
      return i + 1 < s->ntok ? i + 1 : 0;
    if (t->kind == CR_TOK_PUNCT || t->kind == CR_TOK_SYMBOL) {
      if (t->len == 1 && (p[0] == ',' || p[0] == '(' || p[0] == ')' ||
                          p[0] == '.' || p[0] == '/'))
        continue;
      return 0;
    }
    if (!((t->flags & CR_TF_CAP) || is_upper_word(t, nm->text) ||
          (p[0] >= 'A' && p[0] <= 'Z')))
      return 0;
  }
  return 0;
}

void cr_sum_span_of(const cr_norm *nm, size_t i, cr_sum_span *out) {
  const cr_sentence *s = &nm->sent[i];
  int para_start = i == 0 || nm->sent[i - 1].para != s->para ||
                   (s->off > 0 && nm->text[s->off - 1] == '\n');
  uint32_t skip = para_start ? dateline_tokens(nm, s) : 0;
  out->tok = s->tok + skip;
  out->ntok = s->ntok - skip;
  if (skip) {
    out->off = nm->tok[out->tok].off;
    out->len = s->off + s->len - out->off;
  } else {
    out->off = s->off;
    out->len = s->len;
  }
  /* words from the tokens (every non-space byte is in a token): a token
   * after white space, or the first, opens a word */
  uint32_t w = 0;
  for (uint32_t t = out->tok; t < out->tok + out->ntok; t++) {
    uint32_t at = nm->tok[t].off;
    w += t == out->tok || at == 0 || cr_sum_is_space(nm->text[at - 1]);
  }
  out->words =
      out->ntok ? w : cr_sum_count_words(nm->text + out->off, out->len);
}

int cr_sum_near_dup(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                    double share) {
  if (na > nb) {
    const uint64_t *t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
  }
  if (na == 0)
    return 0;
  size_t i = 0, j = 0, shared = 0, nums = 0, shared_nums = 0;
  for (size_t k = 0; k < na; k++)
    nums += a[k] & 1;
  while (i < na && j < nb) {
    if (a[i] < b[j]) {
      i++;
    } else if (a[i] > b[j]) {
      j++;
    } else {
      shared++;
      shared_nums += a[i] & 1;
      i++;
      j++;
    }
  }
  return (double)shared >= share * (double)na - 1e-9 && shared_nums == nums;
}
