/* claims.c -- the claims stage for one document: lex the clean text into
 * claim tokens, then read dates, quotes and attributions, and quantities,
 * and link each quantity to the date and attribution of its sentence.
 * Also the small word helpers the readers share. See docs/claims.md. */
#include <libstemmer.h>
#include <stdlib.h>

#include "claims_int.h"
#include "core/alloc.h"
#include "core/strmap.h"

/* The lexicons by T_x bit, for the key map. */
static const cr_table *const lexicons[T_COUNT] = {
    [T_claims_numwords] = &cr_tab_claims_numwords,
    [T_claims_scale] = &cr_tab_claims_scale,
    [T_claims_currency] = &cr_tab_claims_currency,
    [T_claims_units] = &cr_tab_claims_units,
    [T_claims_approx] = &cr_tab_claims_approx,
    [T_claims_change] = &cr_tab_claims_change,
    [T_claims_speech] = &cr_tab_claims_speech,
    [T_claims_verbs] = &cr_tab_claims_verbs,
    [T_claims_roles] = &cr_tab_claims_roles,
    [T_claims_orgcues] = &cr_tab_claims_orgcues,
    [T_claims_idnouns] = &cr_tab_claims_idnouns,
    [T_claims_streets] = &cr_tab_claims_streets,
    [T_claims_months] = &cr_tab_claims_months,
    [T_claims_weekdays] = &cr_tab_claims_weekdays,
    [T_claims_timewords] = &cr_tab_claims_timewords,
    [T_claims_plurals] = &cr_tab_claims_plurals,
    [T_claims_function] = &cr_tab_claims_function,
    [T_stopwords] = &cr_tab_stopwords,
    [T_claims_timezones] = &cr_tab_claims_timezones,
};

static int add_key(cr_claims_ctx *c, size_t *cap, const char *k, size_t n,
                   int bit) {
  int added;
  int64_t id = cr_strmap_intern(c->keys, k, n, &added);
  if (id < 0)
    return -1;
  if ((size_t)id >= *cap) {
    size_t old = *cap;
    if (cr_grow((void **)&c->keytabs, cap, (size_t)id + 1, sizeof *c->keytabs))
      return -1;
    memset(c->keytabs + old, 0, (*cap - old) * sizeof *c->keytabs);
  }
  c->keytabs[id] |= 1u << bit;
  return 0;
}

/* One map from every lexicon key (as written and in lower case) to the
 * lexicons holding it: a token then needs one hash look-up. */
static int build_keys(cr_claims_ctx *c) {
  c->keys = cr_strmap_new();
  if (!c->keys)
    return -1;
  size_t cap = 0;
  for (int b = 0; b < T_COUNT; b++) {
    const cr_table *t = lexicons[b];
    for (size_t i = 0; t && i < t->n && t->v[i]; i++) {
      const char *k = t->v[i];
      size_t n = strcspn(k, "|");
      char low[128];
      if (n >= sizeof low)
        continue;
      for (size_t j = 0; j < n; j++)
        low[j] = (char)(k[j] >= 'A' && k[j] <= 'Z' ? k[j] - 'A' + 'a' : k[j]);
      if (add_key(c, &cap, k, n, b) || add_key(c, &cap, low, n, b))
        return -1;
    }
  }
  return 0;
}

uint32_t cr_claims_key_tabs(const cr_claims_ctx *c, const char *k, size_t n) {
  int64_t id = cr_strmap_get(c->keys, k, n);
  return id >= 0 ? c->keytabs[id] : 0;
}

cr_claims_ctx *cr_claims_ctx_new(void) {
  cr_claims_ctx *c = cr_calloc(1, sizeof *c);
  if (!c)
    return NULL;
  c->stem = sb_stemmer_new("english", "UTF_8");
  if (!c->stem || build_keys(c)) {
    cr_claims_ctx_free(c);
    return NULL;
  }
  return c;
}

void cr_claims_ctx_free(cr_claims_ctx *c) {
  if (!c)
    return;
  if (c->stem)
    sb_stemmer_delete(c->stem);
  cr_strmap_free(c->keys);
  cr_free(c->keytabs);
  cr_free(c);
}

void cr_claims_ctx_set_person_fn(cr_claims_ctx *c, cr_claims_person_fn fn,
                                 void *ud) {
  c->person_fn = fn;
  c->person_ud = ud;
}

/* ---- helpers ------------------------------------------------------------*/

size_t cr_claims_field(const char *entry, int f, char *buf, size_t cap) {
  const char *s;
  size_t n = entry ? cr_table_field(entry, f, &s) : 0;
  if (!cap)
    return 0;
  if (n >= cap)
    n = cap - 1;
  if (n)
    memcpy(buf, s, n);
  buf[n] = '\0';
  return n;
}

double cr_claims_field_num(const char *entry, int f) {
  char buf[40];
  if (!cr_claims_field(entry, f, buf, sizeof buf))
    return 0;
  return strtod(buf, NULL);
}

/* Word classes asked again and again while walking phrases are cached in
 * cl_tok.memo: bit 2k says "known", bit 2k+1 the answer. */
enum { M_FUNC = 0, M_VERB = 2, M_PLURAL = 4 };

static int memo_get(const cl_doc *d, long i, int k, int *v) {
  uint8_t m = d->t[i].memo;
  if (!(m & (1u << k)))
    return 0;
  *v = (m >> (k + 1)) & 1u;
  return 1;
}

static int memo_set(const cl_doc *d, long i, int k, int v) {
  d->t[i].memo |= (uint8_t)((1u << k) | ((v ? 1u : 0u) << (k + 1)));
  return v;
}

int cr_claims_is_function(const cl_doc *d, long i) {
  if (!cl_word(d, i))
    return 0;
  int v;
  if (memo_get(d, i, M_FUNC, &v))
    return v;
  v = cl_in(stopwords, d, i) || cl_in(claims_function, d, i);
  return memo_set(d, i, M_FUNC, v);
}

static int ends_with(const char *w, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static int is_verb(const cl_doc *d, long i);
int cr_claims_is_verb(const cl_doc *d, long i) {
  if (!cl_word(d, i))
    return 0;
  int v;
  if (memo_get(d, i, M_VERB, &v))
    return v;
  return memo_set(d, i, M_VERB, is_verb(d, i));
}

static int is_verb(const cl_doc *d, long i) {
  const cl_tok *t = &d->t[i];
  if ((t->flags & CL_CAP) && !(t->flags & CL_SSTART))
    return 0;
  const char *e = cl_find(claims_verbs, d, i);
  if (e) {
    const char *s;
    size_t n = cr_table_field(e, 1, &s);
    return !(n == 1 && *s == '-');
  }
  if (cl_in(claims_speech, d, i))
    return 1;
  const char *c = cl_find(claims_change, d, i);
  if (c) {
    const char *s;
    size_t n = cr_table_field(c, 2, &s);
    return n == 1 && *s == 'v';
  }
  if (cl_in(stopwords, d, i))
    return 0;
  if (t->lowlen >= 5 && ends_with(t->low, t->lowlen, "ed"))
    return 1;
  if (t->lowlen >= 6 && ends_with(t->low, t->lowlen, "ing"))
    return 1;
  return 0;
}

static int is_plural(const cl_doc *d, long i);
int cr_claims_is_plural(const cl_doc *d, long i) {
  if (!cl_word(d, i))
    return 0;
  int v;
  if (memo_get(d, i, M_PLURAL, &v))
    return v;
  return memo_set(d, i, M_PLURAL, is_plural(d, i));
}

static int is_plural(const cl_doc *d, long i) {
  const cl_tok *t = &d->t[i];
  if (cl_in(claims_plurals, d, i))
    return 1;
  if (t->lowlen < 3 || cr_claims_is_function(d, i))
    return 0;
  const char *w = t->low;
  size_t n = t->lowlen;
  /* "TDs" is a plural, "US" is not */
  if ((t->flags & CL_UPPER) || (t->flags & CL_ABBR))
    return 0;
  if (w[n - 1] == '\'' && n > 2 && w[n - 2] == 's')
    return !(t->flags & CL_CAP); /* "players'" yes, "Belarus'" no */
  if (w[n - 1] != 's')
    return 0;
  if (ends_with(w, n, "ss") || ends_with(w, n, "us") || ends_with(w, n, "is") ||
      ends_with(w, n, "'s"))
    return 0;
  return 1;
}

size_t cr_claims_singular(const char *w, size_t n, char *buf, size_t cap) {
  if (!cap)
    return 0;
  const char *e = cr_table_find(&cr_tab_claims_plurals, w, n);
  if (e)
    return cr_claims_field(e, 1, buf, cap);
  size_t k = n;
  if (k && w[k - 1] == '\'')
    k--;
  if (k > 4 && ends_with(w, k, "ies") && !ends_with(w, k, "eies")) {
    k -= 3;
    if (k + 2 > cap)
      k = cap - 2;
    memcpy(buf, w, k);
    buf[k++] = 'y';
    buf[k] = '\0';
    return k;
  }
  if (ends_with(w, k, "uses") || ends_with(w, k, "sses") ||
      ends_with(w, k, "shes") || ends_with(w, k, "ches") ||
      ends_with(w, k, "xes") || ends_with(w, k, "zzes"))
    k -= 2;
  else if (k > 3 && w[k - 1] == 's' && !ends_with(w, k, "ss") &&
           !ends_with(w, k, "us") && !ends_with(w, k, "is"))
    k -= 1;
  if (k >= cap)
    k = cap - 1;
  memcpy(buf, w, k);
  buf[k] = '\0';
  return k;
}

const char *cr_claims_stem(cl_doc *d, const char *w, size_t n) {
  const sb_symbol *s =
      sb_stemmer_stem(d->ctx->stem, (const sb_symbol *)w, (int)n);
  if (!s)
    return cr_arena_strndup(d->a, w, n);
  return cr_arena_strndup(d->a, (const char *)s,
                          (size_t)sb_stemmer_length(d->ctx->stem));
}

const char *cr_claims_lowdup(cl_doc *d, uint32_t off, uint32_t len) {
  char *s = cr_arena_strndup(d->a, d->text + off, len);
  if (!s)
    return NULL;
  for (char *p = s; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p = (char)(*p - 'A' + 'a');
  return s;
}

int cr_claims_parse_iso(const char *iso, int *y, int *m, int *d) {
  *y = *m = *d = 0;
  if (!iso)
    return 0;
  while (*iso == ' ')
    iso++;
  int v = 0, k = 0;
  for (; k < 4 && iso[k] >= '0' && iso[k] <= '9'; k++)
    v = v * 10 + (iso[k] - '0');
  if (k != 4)
    return 0;
  *y = v;
  const char *p = iso + 4;
  if (*p != '-' || !(p[1] >= '0' && p[1] <= '9') ||
      !(p[2] >= '0' && p[2] <= '9'))
    return 1;
  int mm = (p[1] - '0') * 10 + (p[2] - '0');
  if (mm < 1 || mm > 12)
    return 1;
  *m = mm;
  p += 3;
  if (*p != '-' || !(p[1] >= '0' && p[1] <= '9') ||
      !(p[2] >= '0' && p[2] <= '9'))
    return 1;
  int dd = (p[1] - '0') * 10 + (p[2] - '0');
  if (dd >= 1 && dd <= 31)
    *d = dd;
  return 1;
}

const char *cr_claims_kind_name(int kind) {
  static const char *const names[] = {"",        "count",    "money", "percent",
                                      "measure", "duration", "age",   "number"};
  return kind >= 1 && kind <= CR_Q_NUMBER ? names[kind] : "";
}

const char *cr_claims_prec_name(int prec) {
  static const char *const names[] = {"", "day", "week", "month", "year"};
  return prec >= 1 && prec <= CR_DATE_YEAR ? names[prec] : "";
}

const char *cr_claims_rule_name(int rule) {
  static const char *const names[] = {"none",    "after",     "before",
                                      "pronoun", "continued", "previous"};
  return rule >= 0 && rule <= CR_QA_PREVIOUS ? names[rule] : "none";
}

const char *cr_claims_attr_name(int kind) {
  static const char *const names[] = {"", "said", "according", "reported"};
  return kind >= 1 && kind <= CR_ATTR_REPORTED ? names[kind] : "";
}

/* ---- the stage ------------------------------------------------------------*/

crossread_status cr_claims_run(cr_claims_ctx *c, const cr_norm *norm,
                               const char *published, cr_arena *a,
                               cr_claims *out) {
  memset(out, 0, sizeof *out);
  if (!norm || !norm->text || !norm->len)
    return CROSSREAD_OK;
  cl_doc d;
  memset(&d, 0, sizeof d);
  d.text = norm->text;
  d.len = norm->len;
  d.norm = norm;
  d.a = a;
  d.ctx = c;
  if (cr_claims_parse_iso(published, &d.py, &d.pm, &d.pd) && d.py >= 1000)
    d.has_date = 1;
  if (cr_claims_lex(&d) || cr_claims_dates(&d) || cr_claims_quotes(&d) ||
      cr_claims_quantities(&d) || d.fail)
    goto fail;
  /* the first date and attribution of each quantity's sentence; all three
   * lists are in text order */
  size_t kd = 0, ka = 0;
  for (size_t i = 0; i < d.nq; i++) {
    cr_quantity *q = &d.q[i];
    while (kd < d.ndates && d.dates[kd].sent < q->sent)
      kd++;
    while (ka < d.nattr && d.attr[ka].sent < q->sent)
      ka++;
    q->date = kd < d.ndates && d.dates[kd].sent == q->sent ? (int32_t)kd : -1;
    q->attrib = ka < d.nattr && d.attr[ka].sent == q->sent ? (int32_t)ka : -1;
  }
  out->q = d.q;
  out->nq = d.nq;
  out->dates = d.dates;
  out->ndates = d.ndates;
  out->quotes = d.quotes;
  out->nquotes = d.nquotes;
  out->attr = d.attr;
  out->nattr = d.nattr;
  cr_free(d.t);
  cr_free(d.fold);
  cr_free(d.sfirst);
  return CROSSREAD_OK;
fail:
  cr_free(d.t);
  cr_free(d.fold);
  cr_free(d.sfirst);
  return CROSSREAD_ERR_NOMEM;
}
