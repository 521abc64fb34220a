/* mention.c -- the entities of one document (see entities.h): the tagger's
 * spans cleaned (titles, possessives), names the article repeats found
 * again, mentions linked into entities (a surname alone joins its person,
 * a pronoun its nearest person of that gender), family relations noted. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/table.h"
#include "entities.h"
#include "lex.h"
#include "name.h"
#include "ner.h"

struct cr_entities {
  cr_entlex *lx;
  cr_ner *ner;
};

cr_entities *cr_entities_new(const char *model_path) {
  cr_entities *E = cr_calloc(1, sizeof *E);
  if (!E)
    return NULL;
  E->lx = cr_entlex_new();
  E->ner = cr_ner_load(model_path);
  if (!E->lx || !E->ner) {
    cr_entities_free(E);
    return NULL;
  }
  return E;
}

void cr_entities_free(cr_entities *E) {
  if (!E)
    return;
  cr_entlex_free(E->lx);
  cr_ner_free(E->ner);
  cr_free(E);
}

const cr_entlex *cr_entities_lex(const cr_entities *E) { return E->lx; }

/* ---- mentions
 * ----------------------------------------------------------------*/

typedef struct mlist {
  cr_mention *v;
  size_t n, cap;
  cr_arena *a;
} mlist;

static int mpush(mlist *l, const cr_mention *m) {
  if (l->n == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 32;
    cr_mention *v =
        cr_arena_realloc(l->a, l->v, l->cap * sizeof *v, ncap * sizeof *v);
    if (!v)
      return -1;
    l->v = v;
    l->cap = ncap;
  }
  l->v[l->n++] = *m;
  return 0;
}

/* Byte span of tokens [b, e): possessive of the last token left out. */
static void set_span(const cr_norm *n, const cr_ner_word *t, size_t b, size_t e,
                     cr_mention *m) {
  m->tok = (uint32_t)b;
  m->ntok = (uint32_t)(e - b);
  m->off = n->tok[b].off;
  m->len = n->tok[e - 1].off + n->tok[e - 1].len - t[e - 1].poss - m->off;
  m->sent = n->tok[b].sent;
}

static int tag_kind(uint8_t tag) { return tag ? (tag + 1) / 2 : 0; }

/* A line break between token i - 1 and token i: a name never crosses one
 * (a headline above the text, a caption). */
static int breaks_line(const cr_norm *n, size_t i) {
  if (i == 0 || n->tok[i].sent != n->tok[i - 1].sent)
    return 1;
  size_t e = n->tok[i - 1].off + n->tok[i - 1].len;
  return n->tok[i].off > e && memchr(n->text + e, '\n', n->tok[i].off - e);
}

/* The tagger's spans: B-X then I-X as long as they go. */
static int spans(const cr_norm *n, const cr_ner_word *t, const uint8_t *tags,
                 mlist *l) {
  for (size_t i = 0; i < n->ntok;) {
    if (!tags[i] || !(tags[i] & 1)) {
      i++;
      continue;
    }
    size_t e = i + 1;
    while (e < n->ntok && tags[e] == tags[i] + 1 && !breaks_line(n, e))
      e++;
    cr_mention m = {0};
    set_span(n, t, i, e, &m);
    m.kind = (uint8_t)tag_kind(tags[i]);
    m.entity = -1;
    if (mpush(l, &m))
      return -1;
    i = e;
  }
  return 0;
}

/* A lower-case word inside a name ends it unless it joins names ("of",
 * "and", "de", "al-"): "the World Bank in Berlin" is two names, and the
 * second a place when the lexicons know it as one. */
static void split_at_lower(const cr_norm *n, const cr_ner_word *t,
                           uint8_t *tags) {
  /* a possessive ends a name too: "Russia's Uralkali" is two */
  for (size_t i = 0; i + 1 < n->ntok; i++) {
    if (!tags[i] || !t[i].poss || !tags[i + 1] || (tags[i + 1] & 1))
      continue;
    int kind = tag_kind(tags[i + 1]);
    if ((tags[i] & 1) && ((t[i].lex & CR_LX_PLACE) || (t[i].phr & 0x0f)))
      tags[i] = CR_NER_B_LOC; /* a place alone before its 's */
    tags[i + 1] = (uint8_t)(kind * 2 - 1);
  }
  for (size_t i = 1; i < n->ntok; i++) {
    if (!tags[i] || (tags[i] & 1) || !cr_ner_lower(&t[i]) ||
        n->tok[i].kind != CR_TOK_WORD || (t[i].lex & CR_LX_PARTICLE) ||
        (n->tok[i].fold_len == 3 && (memcmp(n->tok[i].fold, "and", 3) == 0 ||
                                     memcmp(n->tok[i].fold, "for", 3) == 0)))
      continue;
    int kind = tag_kind(tags[i]);
    tags[i] = CR_NER_O;
    if (i + 1 < n->ntok && tags[i + 1] && !(tags[i + 1] & 1) &&
        cr_ner_capitalised(&t[i + 1])) {
      if ((t[i + 1].lex & CR_LX_PLACE) || (t[i + 1].phr & 0x0f))
        kind = CR_ENT_LOC;
      /* B of the kind, its I tokens follow the new kind */
      tags[i + 1] = (uint8_t)(kind * 2 - 1);
      for (size_t k = i + 2; k < n->ntok && tags[k] && !(tags[k] & 1); k++)
        tags[k] = (uint8_t)(kind * 2);
    }
  }
}

/* Tag the document. The per-token arrays are scratch on the heap (freed by
 * the caller with cr_free, also on error): a long page must not spend its
 * arena on what does not outlive the stage. */
static crossread_status tag_doc(const cr_entities *E, const cr_norm *n,
                                cr_arena *a, cr_ner_word **tk, uint8_t **tags) {
  *tk = NULL;
  *tags = cr_malloc(n->ntok ? n->ntok : 1);
  if (!*tags || cr_ner_prepare(E->lx, n, tk) ||
      cr_ner_tag(E->ner, E->lx, n, *tk, a, *tags))
    return cr_arena_hit_cap(a) ? CROSSREAD_ERR_TOOBIG : CROSSREAD_ERR_NOMEM;
  split_at_lower(n, *tk, *tags);
  return CROSSREAD_OK;
}

crossread_status cr_entities_tag(const cr_entities *E, const cr_norm *n,
                                 cr_arena *a, cr_ents *out) {
  memset(out, 0, sizeof *out);
  cr_ner_word *tk;
  uint8_t *tags;
  crossread_status st = tag_doc(E, n, a, &tk, &tags);
  mlist l = {NULL, 0, 0, a};
  if (st == CROSSREAD_OK && spans(n, tk, tags, &l))
    st = cr_arena_hit_cap(a) ? CROSSREAD_ERR_TOOBIG : CROSSREAD_ERR_NOMEM;
  cr_free(tk);
  cr_free(tags);
  if (st != CROSSREAD_OK)
    return st;
  out->m = l.v;
  out->nm = l.n;
  return CROSSREAD_OK;
}

/* Titles in front of a person's name stay outside it ("President X");
 * punctuation never ends a name; a nationality or a month alone is no
 * name. In a line written in title case (a headline) capitals say nothing:
 * only names the lexicons know stay (repeat_names finds the others again
 * when the text names them). */
static int clean_spans(const cr_entities *E, const cr_norm *n,
                       const cr_ner_word *t, mlist *l) {
  uint8_t *title = cr_calloc(n->ntok ? n->ntok : 1, 1);
  if (!title)
    return -1;
  for (size_t i = 0; i < n->ntok;) {
    size_t e = i + 1, words = 0, caps = 0;
    while (e < n->ntok && !breaks_line(n, e))
      e++;
    for (size_t k = i; k < e; k++) {
      if (n->tok[k].kind != CR_TOK_WORD)
        continue;
      words++;
      caps += cr_ner_capitalised(&t[k]) != 0;
    }
    if (words >= 3 && caps * 10 >= words * 7)
      memset(title + i, 1, e - i);
    i = e;
  }
  size_t k = 0;
  for (size_t i = 0; i < l->n; i++) {
    cr_mention m = l->v[i];
    size_t b = m.tok, e = m.tok + m.ntok;
    if (m.kind == CR_ENT_PER) {
      /* up to the last title of the front: "Foreign Minister X" */
      size_t j = e - 1, k = b;
      while (j > b && !(t[j - 1].lex & CR_LX_TITLE))
        j--;
      while (k + 1 < j && !(t[k].lex & CR_LX_FIRST))
        k++;
      if (j > b && k + 1 == j && j < e) {
        b = j;
        m.flags |= CR_MF_TITLED;
      }
    }
    while (e > b + 1 && n->tok[e - 1].kind == CR_TOK_PUNCT)
      e--;
    if (n->tok[b].kind == CR_TOK_PUNCT || !cr_ner_capitalised(&t[b]))
      continue;
    uint32_t lb = t[b].lex;
    if (e == b + 1 && (lb & (CR_LX_NAT | CR_LX_TIME)))
      continue;
    if (title[b]) {
      uint32_t any = 0;
      for (size_t j = b; j < e; j++)
        any |= t[j].lex | t[j].phr;
      if (!(any & (CR_LX_PLACE | CR_LX_ORG | CR_LX_FIRST)))
        continue;
    }
    if (m.kind == CR_ENT_PER && b > 0 && !breaks_line(n, b) &&
        (t[b - 1].lex & CR_LX_TITLE))
      m.flags |= CR_MF_TITLED;
    set_span(n, t, b, e, &m);
    l->v[k++] = m;
  }
  l->n = k;
  cr_free(title);
  return 0;
}

/* The token is one of the five words (folded), "" for none. */
static int is_word(const cr_token *tk, const char *a, const char *b,
                   const char *c, const char *d, const char *e) {
  const char *w[5] = {a, b, c, d, e};
  for (int i = 0; i < 5; i++)
    if (w[i] && tk->fold_len == strlen(w[i]) &&
        memcmp(tk->fold, w[i], tk->fold_len) == 0)
      return 1;
  return 0;
}

static int by_token(const void *x, const void *y) {
  const cr_mention *a = x, *b = y;
  return a->tok < b->tok ? -1 : a->tok > b->tok;
}

/* A name the article tags once is the same name where it repeats: the
 * spans the tagger found (by their folded words) and the surnames of the
 * people it found, wherever a capitalised token sequence repeats them. */
typedef struct seen {
  uint64_t h;
  uint8_t ntok;
  uint16_t votes[4];
} seen;

static uint64_t seq_hash(const cr_ner_word *t, size_t b, size_t e) {
  uint64_t h = 0x9E3779B97F4A7C15ULL;
  for (size_t i = b; i < e; i++)
    h = (h ^ t[i].wh) * 0x100000001b3ULL;
  return h;
}

static int repeat_names(const cr_entities *E, const cr_norm *n,
                        const cr_ner_word *t, mlist *l, cr_arena *a) {
  size_t cap = 16;
  while (cap < 4 * (l->n + 1))
    cap *= 2;
  seen *tab = cr_arena_calloc(a, cap, sizeof *tab);
  uint8_t *covered = cr_calloc(n->ntok ? n->ntok : 1, 1);
  if (!tab || !covered) {
    cr_free(covered);
    return -1;
  }
  unsigned maxlen = 0;
  for (size_t i = 0; i < l->n; i++) {
    const cr_mention *m = &l->v[i];
    for (size_t k = m->tok; k < m->tok + m->ntok; k++)
      covered[k] = 1;
    /* the whole span, and a person's last word */
    for (int part = 0; part < 2; part++) {
      size_t b = m->tok, e = m->tok + m->ntok;
      if (part == 1) {
        if (m->kind != CR_ENT_PER || m->ntok < 2)
          break;
        b = e - 1;
        if (!cr_ner_capitalised(&t[b]))
          break;
      }
      if (e - b > 4)
        continue;
      uint64_t h = seq_hash(t, b, e) | 1;
      for (size_t j = h & (cap - 1);; j = (j + 1) & (cap - 1)) {
        if (!tab[j].h || tab[j].h == h) {
          tab[j].h = h;
          tab[j].ntok = (uint8_t)(e - b);
          tab[j].votes[m->kind]++;
          break;
        }
      }
      if (e - b > maxlen)
        maxlen = (unsigned)(e - b);
    }
  }
  size_t n0 = l->n;
  for (size_t i = 0; i < n->ntok; i++) {
    if (covered[i] || !cr_ner_capitalised(&t[i]) ||
        (t[i].lex & (CR_LX_TITLE | CR_LX_NAT | CR_LX_TIME)))
      continue;
    for (unsigned len = maxlen; len >= 1; len--) {
      size_t e = i + len;
      if (e > n->ntok)
        continue;
      int ok = 1;
      for (size_t k = i; k < e; k++)
        ok &= !covered[k] && (k == i || !breaks_line(n, k));
      if (!ok || !cr_ner_capitalised(&t[e - 1]))
        continue;
      uint64_t h = seq_hash(t, i, e) | 1;
      const seen *s = NULL;
      for (size_t j = h & (cap - 1); tab[j].h; j = (j + 1) & (cap - 1))
        if (tab[j].h == h) {
          s = &tab[j];
          break;
        }
      if (!s)
        continue;
      int kind = 1;
      for (int k = 2; k <= 3; k++)
        if (s->votes[k] > s->votes[kind])
          kind = k;
      cr_mention m = {0};
      set_span(n, t, i, e, &m);
      m.kind = (uint8_t)kind;
      m.flags = CR_MF_RULE;
      m.entity = -1;
      if (mpush(l, &m))
        goto fail;
      for (size_t k = i; k < e; k++)
        covered[k] = 1;
      i = e - 1;
      break;
    }
  }
  /* family names by their ending ("-enko", "-skaya"), where the tagger
   * left a capitalised word the lexicons do not know */
  const cr_table *se = &cr_tab_surname_endings;
  for (size_t i = 0; i < n->ntok; i++) {
    if (covered[i] || n->tok[i].kind != CR_TOK_WORD ||
        !cr_ner_capitalised(&t[i]) || t[i].lex)
      continue;
    const cr_token *tk = &n->tok[i];
    size_t fl = tk->fold_len;
    if (t[i].poss && fl > 2)
      fl -= tk->fold[fl - 1] == 's' ? 2 : 1;
    int hit = 0;
    for (size_t k = 0; k < se->n && !hit; k++) {
      const char *f;
      size_t el = cr_table_field(se->v[k], 0, &f);
      const char *ml;
      size_t mll = cr_table_field(se->v[k], 1, &ml);
      size_t min = 0;
      for (size_t j = 0; j < mll; j++)
        min = min * 10 + (size_t)(ml[j] - '0');
      hit = fl >= min && fl > el && memcmp(tk->fold + fl - el, f, el) == 0;
    }
    if (!hit)
      continue;
    cr_mention m = {0};
    set_span(n, t, i, i + 1, &m);
    m.kind = CR_ENT_PER;
    m.flags = CR_MF_RULE;
    m.entity = -1;
    if (mpush(l, &m))
      goto fail;
    covered[i] = 1;
  }
  /* capitalised words the tagger left, where the context says what they
   * are: "in X" a place, "X said" or a given name a person, a word like
   * "Agency" a body */
  for (size_t i = 0; i < n->ntok; i++) {
    if (covered[i] || n->tok[i].kind != CR_TOK_WORD ||
        !cr_ner_capitalised(&t[i]) || (t[i].doc & 4) ||
        (t[i].lex & (CR_LX_NAT | CR_LX_TIME | CR_LX_TITLE | CR_LX_MISC |
                     CR_LX_PARTICLE)) ||
        (n->tok[i].flags & CR_TF_STOP))
      continue;
    size_t e = i + 1;
    uint32_t bits = t[i].lex;
    while (e < n->ntok && e - i < 6 && !covered[e] && !breaks_line(n, e) &&
           n->tok[e].kind == CR_TOK_WORD && cr_ner_capitalised(&t[e]) &&
           !(n->tok[e].flags & CR_TF_STOP)) {
      bits |= t[e].lex;
      e++;
    }
    int kind = 0;
    uint32_t prev = i > 0 && !breaks_line(n, i) ? t[i - 1].lex : 0;
    const cr_token *pt = i > 0 && !breaks_line(n, i) ? &n->tok[i - 1] : NULL;
    const cr_token *nt = e < n->ntok && !breaks_line(n, e) ? &n->tok[e] : NULL;
    if (bits & (CR_LX_ORGHEAD | CR_LX_ORGSUF))
      kind = CR_ENT_ORG;
    else if ((t[i].lex & CR_LX_FIRST) && e > i + 1)
      kind = CR_ENT_PER;
    else if (prev & CR_LX_TITLE)
      kind = CR_ENT_PER;
    else if (pt && is_word(pt, "in", "at", "from", "near", "into"))
      kind = CR_ENT_LOC;
    else if (nt && is_word(nt, "said", "says", "told", "added", NULL))
      kind = CR_ENT_PER;
    if (!kind || (bits & (CR_LX_NAT | CR_LX_TIME)))
      continue;
    cr_mention m = {0};
    set_span(n, t, i, e, &m);
    m.kind = (uint8_t)kind;
    m.flags = CR_MF_RULE;
    m.entity = -1;
    if (mpush(l, &m))
      goto fail;
    for (size_t k = i; k < e; k++)
      covered[k] = 1;
    i = e - 1;
  }
  cr_free(covered);
  if (l->n > n0) /* back in text order */
    qsort(l->v, l->n, sizeof *l->v, by_token);
  return 0;
fail:
  cr_free(covered);
  return -1;
}

/* One kind for one name in the article where the tagger wavered between a
 * person and a place or body: a word that is the surname of a person named
 * in full is that person; a single word the lexicons know as a place, or
 * tagged more often as a place or body, is not a person. */
static int settle_kinds(const cr_entities *E, const cr_norm *n,
                        const cr_ner_word *t, mlist *l, cr_arena *a) {
  /* per single word: votes by kind; 4 marks a surname of a full name */
  size_t cap = 16;
  while (cap < 2 * (l->n + 1))
    cap *= 2;
  seen *tab = cr_arena_calloc(a, cap, sizeof *tab);
  if (!tab)
    return -1;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < l->n; i++) {
      const cr_mention *m = &l->v[i];
      size_t last = m->tok + m->ntok - 1;
      int surname =
          m->kind == CR_ENT_PER && m->ntok >= 2 && cr_ner_capitalised(&t[last]);
      if (pass == 0 ? !surname : m->ntok != 1)
        continue;
      uint64_t h = t[last].wh | 1;
      size_t j = h & (cap - 1);
      while (tab[j].h && tab[j].h != h)
        j = (j + 1) & (cap - 1);
      tab[j].h = h;
      if (pass == 0)
        tab[j].ntok = 4;
      else
        tab[j].votes[m->kind]++;
    }
  for (size_t i = 0; i < l->n; i++) {
    cr_mention *m = &l->v[i];
    if (m->ntok != 1)
      continue;
    uint64_t h = t[m->tok].wh | 1;
    size_t j = h & (cap - 1);
    while (tab[j].h != h)
      j = (j + 1) & (cap - 1);
    int is_surname = tab[j].ntok == 4;
    uint32_t lb = t[m->tok].lex;
    if (m->kind != CR_ENT_PER) {
      if (is_surname && !(lb & (CR_LX_PLACE | CR_LX_ORG)))
        m->kind = CR_ENT_PER;
      continue;
    }
    if (is_surname)
      continue;
    unsigned votes[4] = {0, tab[j].votes[1], tab[j].votes[2], tab[j].votes[3]};
    if (lb & CR_LX_PLACE)
      votes[CR_ENT_LOC] += 2;
    if (lb & CR_LX_ORG)
      votes[CR_ENT_ORG] += 2;
    if (votes[CR_ENT_LOC] > votes[CR_ENT_PER] &&
        votes[CR_ENT_LOC] >= votes[CR_ENT_ORG])
      m->kind = CR_ENT_LOC;
    else if (votes[CR_ENT_ORG] > votes[CR_ENT_PER])
      m->kind = CR_ENT_ORG;
  }
  return 0;
}

/* ---- entities
 * ---------------------------------------------------------------*/

typedef struct ent_state {
  cr_name full; /* the fullest name seen (people) */
  int has_full;
  cr_name partial; /* a surname alone, when no full name yet */
  uint32_t last;   /* last mention */
  size_t namelen;
} ent_state;

static const char *fold_key(const cr_entities *E, const char *s, size_t len,
                            cr_arena *a) {
  char buf[256];
  size_t l = cr_name_ascii(E->lx, s, len, buf, sizeof buf, NULL);
  const char *p = buf;
  if (l > 4 && memcmp(p, "the ", 4) == 0) {
    p += 4;
    l -= 4;
  }
  int64_t id = cr_strmap_get(E->lx->alias, p, l);
  if (id >= 0) {
    size_t kl;
    const char *k = cr_strmap_key(E->lx->alias, E->lx->alias_canon[id], &kl);
    return cr_arena_strndup(a, k, kl);
  }
  return cr_arena_strndup(a, p, l);
}

static int is_pronoun(const cr_token *tk, int *gender) {
  static const char *const male[] = {"he", "him", "his", "himself"};
  static const char *const female[] = {"she", "her", "hers", "herself"};
  if (tk->fold_len < 2 || tk->fold_len > 7 ||
      (tk->fold[0] != 'h' && tk->fold[0] != 's'))
    return 0;
  for (int i = 0; i < 4; i++) {
    if (tk->fold_len == strlen(male[i]) &&
        memcmp(tk->fold, male[i], tk->fold_len) == 0) {
      *gender = CR_GENDER_MALE;
      return 1;
    }
    if (tk->fold_len == strlen(female[i]) &&
        memcmp(tk->fold, female[i], tk->fold_len) == 0) {
      *gender = CR_GENDER_FEMALE;
      return 1;
    }
  }
  return 0;
}

/* The nearest person before token `tok` (same or the three sentences
 * before) whose gender is not the other one. */
static int32_t nearest_person(const mlist *l, size_t upto,
                              const cr_entity *ents, uint32_t tok,
                              uint32_t sent, int gender) {
  for (size_t i = upto < l->n ? upto : l->n; i-- > 0;) {
    const cr_mention *m = &l->v[i];
    if (m->tok >= tok || m->kind != CR_ENT_PER || m->entity < 0)
      continue;
    if (m->sent + 3 < sent)
      break;
    const cr_entity *e = &ents[m->entity];
    if (!e->gender || e->gender == gender)
      return m->entity;
  }
  return -1;
}

/* People are looked for among this many of the latest entities: a long
 * page with thousands of names must not cost their square. */
#define RECENT 256

crossread_status cr_entities_run(const cr_entities *E, const cr_norm *n,
                                 cr_arena *a, cr_ents *out) {
  memset(out, 0, sizeof *out);
  cr_ner_word *t;
  uint8_t *tags;
  mlist l = {NULL, 0, 0, a};
  ent_state *es = NULL;
  size_t escap = 0;
  cr_entity *ents = NULL;
  size_t ne = 0;
  cr_strmap *keys = NULL; /* place or body key -> entity + 1 */
  crossread_status st = tag_doc(E, n, a, &t, &tags);
  if (st != CROSSREAD_OK)
    goto done;
  st = CROSSREAD_ERR_NOMEM;
  keys = cr_strmap_new();
  if (!keys || spans(n, t, tags, &l) || clean_spans(E, n, t, &l) ||
      repeat_names(E, n, t, &l, a) || settle_kinds(E, n, t, &l, a))
    goto done;
  ents = cr_arena_calloc(a, l.n ? l.n : 1, sizeof *ents);
  int32_t *keyent = cr_arena_calloc(a, l.n ? l.n : 1, sizeof *keyent);
  if (!ents || !keyent)
    goto done;
  for (size_t i = 0; i < l.n; i++) {
    cr_mention *m = &l.v[i];
    const char *s = n->text + m->off;
    int32_t found = -1;
    if (m->kind == CR_ENT_PER) {
      cr_name nm;
      if (cr_name_parse(E->lx, s, m->len, &nm))
        continue;
      /* "Mr"/"Mrs" before the name */
      if ((m->flags & CR_MF_TITLED) && m->tok > 0) {
        uint32_t b = t[m->tok - 1].lex;
        if (b & CR_LX_TITLE_M)
          nm.gender = nm.title_gender = CR_GENDER_MALE;
        else if (b & CR_LX_TITLE_F)
          nm.gender = nm.title_gender = CR_GENDER_FEMALE;
      }
      int full = nm.nw >= 2 && !nm.w[0].initial;
      if (!full)
        m->flags |= CR_MF_PARTIAL;
      /* the best match among the latest people; the latest on a tie */
      int best = 0;
      unsigned seen_people = 0;
      for (size_t e = ne; e-- > 0 && seen_people < RECENT;) {
        if (ents[e].kind != CR_ENT_PER)
          continue;
        seen_people++;
        const cr_name *ref = es[e].has_full ? &es[e].full : &es[e].partial;
        int r = cr_name_match(E->lx, ref, &nm);
        if (r > best || (r > 0 && r == best && es[e].last > es[found].last)) {
          best = r;
          found = (int32_t)e;
        }
      }
      if (found < 0) {
        if (cr_grow((void **)&es, &escap, ne + 1, sizeof *es))
          goto done;
        memset(&es[ne], 0, sizeof *es);
        found = (int32_t)ne++;
        ents[found].kind = CR_ENT_PER;
        ents[found].relative_of = -1;
      }
      ent_state *x = &es[found];
      if (full && !x->has_full) {
        x->full = nm;
        x->has_full = 1;
      } else if (!full && !x->has_full && !x->partial.nw) {
        x->partial = nm;
      }
      if (!ents[found].gender)
        ents[found].gender = nm.gender;
    } else {
      const char *key = fold_key(E, s, m->len, a);
      if (!key)
        goto done;
      int64_t id = cr_strmap_get(keys, key, strlen(key));
      if (id >= 0)
        found = keyent[id];
      /* an acronym of a recent body, or a body of a recent acronym */
      unsigned seen_bodies = 0;
      for (size_t e = ne; found < 0 && e-- > 0 && seen_bodies < RECENT;) {
        if (ents[e].kind == CR_ENT_PER)
          continue;
        seen_bodies++;
        if (cr_entlex_is_acronym(E->lx, key, ents[e].key) ||
            cr_entlex_is_acronym(E->lx, ents[e].key, key))
          found = (int32_t)e;
      }
      if (found < 0) {
        if (cr_grow((void **)&es, &escap, ne + 1, sizeof *es))
          goto done;
        memset(&es[ne], 0, sizeof *es);
        found = (int32_t)ne++;
        ents[found].kind = m->kind;
        ents[found].key = key;
        ents[found].relative_of = -1;
      }
      int added;
      id = cr_strmap_intern(keys, key, strlen(key), &added);
      if (id < 0)
        goto done;
      if (added)
        keyent[id] = found;
    }
    m->entity = found;
    ents[found].mentions++;
    es[found].last = (uint32_t)i;
    /* the display name: the longest full form */
    if ((m->len > es[found].namelen && !(m->flags & CR_MF_PARTIAL)) ||
        !ents[found].name) {
      if (!(m->flags & CR_MF_PARTIAL))
        es[found].namelen = m->len;
      ents[found].name = cr_arena_strndup(a, s, m->len);
      if (!ents[found].name)
        goto done;
    }
  }
  /* people's keys: given name and surname spelling keys */
  for (size_t e = 0; e < ne; e++) {
    if (ents[e].kind != CR_ENT_PER)
      continue;
    const cr_name *nm = es[e].has_full ? &es[e].full : &es[e].partial;
    char k[2 * CR_NAME_WLEN + 16];
    if (nm->nw >= 2)
      snprintf(k, sizeof k, "%s %s", nm->w[0].key, nm->w[nm->nw - 1].key);
    else
      snprintf(k, sizeof k, "%s", nm->nw ? nm->w[0].key : "");
    ents[e].key = cr_arena_strdup(a, k);
    if (!ents[e].key)
      goto done;
  }
  /* kinship: "X's wife Y", "his wife Y", "Y, the wife of X" */
  for (size_t i = 0; i < l.n; i++) {
    cr_mention *m = &l.v[i];
    if (m->kind != CR_ENT_PER || m->entity < 0)
      continue;
    size_t b = m->tok;
    size_t k = b;
    while (k > 0 && b - k < 3 && n->tok[k - 1].sent == m->sent &&
           (n->tok[k - 1].kind == CR_TOK_PUNCT ||
            (t[k - 1].lex & (CR_LX_TITLE | CR_LX_FAMILY)) == CR_LX_TITLE))
      k--;
    if (k >= 2 && (t[k - 1].lex & CR_LX_FAMILY)) {
      size_t w = k - 2; /* the word before the kinship word */
      int g;
      int32_t rel = -1;
      if (is_pronoun(&n->tok[w], &g))
        rel = nearest_person(&l, i, ents, (uint32_t)w, m->sent, g);
      else if (i > 0 && t[w].poss) {
        const cr_mention *p = &l.v[i - 1]; /* "X's": the mention just before */
        if (p->tok + p->ntok == w + 1 && p->kind == CR_ENT_PER)
          rel = p->entity;
      }
      if (rel >= 0 && rel != m->entity && ents[m->entity].relative_of < 0)
        ents[m->entity].relative_of = rel;
    }
    /* "Y, the wife of X" */
    size_t e = b + m->ntok;
    size_t q = e;
    while (q < n->ntok && q - e < 3 && n->tok[q].sent == m->sent &&
           !(t[q].lex & CR_LX_FAMILY))
      q++;
    if (q + 2 < n->ntok && i + 1 < l.n && (t[q].lex & CR_LX_FAMILY) &&
        n->tok[q + 1].fold_len == 2 &&
        memcmp(n->tok[q + 1].fold, "of", 2) == 0) {
      const cr_mention *x = &l.v[i + 1];
      if (x->tok == q + 2 && x->kind == CR_ENT_PER && x->entity >= 0 &&
          x->entity != m->entity && ents[m->entity].relative_of < 0)
        ents[m->entity].relative_of = x->entity;
    }
  }
  /* pronouns: the nearest person of that gender */
  size_t named = l.n;
  for (size_t i = 0, mi = 0; i < n->ntok; i++) {
    while (mi < named && l.v[mi].tok + l.v[mi].ntok <= i)
      mi++;
    int g;
    if (n->tok[i].kind != CR_TOK_WORD || !is_pronoun(&n->tok[i], &g))
      continue;
    if (mi < named && l.v[mi].tok <= i)
      continue;
    int32_t ent = nearest_person(&l, mi, ents, (uint32_t)i, n->tok[i].sent, g);
    if (ent < 0)
      continue;
    if (!ents[ent].gender)
      ents[ent].gender = (uint8_t)g;
    cr_mention m = {0};
    set_span(n, t, i, i + 1, &m);
    m.kind = CR_ENT_PER;
    m.flags = CR_MF_PRONOUN;
    m.entity = ent;
    ents[ent].pronouns++;
    if (mpush(&l, &m))
      goto done;
  }
  if (l.n > named) /* pronoun mentions went to the end */
    qsort(l.v, l.n, sizeof *l.v, by_token);
  for (size_t e = 0; e < ne; e++)
    ents[e].first = UINT32_MAX;
  for (size_t i = 0; i < l.n; i++) {
    int32_t e = l.v[i].entity;
    if (e >= 0 && ents[e].first == UINT32_MAX)
      ents[e].first = (uint32_t)i;
  }
  out->m = l.v;
  out->nm = l.n;
  out->e = ents;
  out->ne = ne;
  st = CROSSREAD_OK;
done:
  if (st == CROSSREAD_ERR_NOMEM && cr_arena_hit_cap(a))
    st = CROSSREAD_ERR_TOOBIG;
  cr_free(t);
  cr_free(tags);
  cr_free(es);
  cr_strmap_free(keys);
  return st;
}
