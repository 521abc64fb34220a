/* quotes.c -- the quotes of a story: each article's quotes (claims stage)
 * with the speaker linked to a story entity through the article's entity
 * mentions, and the same quote from several articles listed once when the
 * texts are near-identical (case, quotation marks and punctuation aside, or
 * one inside the other) and the speakers do not differ. */
#include <stdio.h>
#include <string.h>

#include "core/strmap.h"
#include "verify_int.h"

/* quotes compared word by word with each new one, at most (beyond them
 * only the same words are found, by look-up) */
#define MAX_SCAN 2000

/* Lower-case letters and digits with single spaces between words; quotation
 * marks, dashes and other punctuation dropped (ASCII and the common
 * typographic marks; other non-ASCII bytes kept as they are). */
static char *quote_key(cr_arena *a, const char *s) {
  size_t n = strlen(s);
  char *k = cr_arena_alloc(a, n + 1);
  if (!k)
    return NULL;
  size_t w = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int keep = 0;
    if (c >= 'A' && c <= 'Z') {
      c = (unsigned char)(c + 32);
      keep = 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      keep = 1;
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
      i += 2; /* U+2010..U+203F: dashes, quotation marks, ellipsis */
      space = 1;
      continue;
    } else if (c >= 0x80) {
      keep = 1;
    } else if (c == '\'') {
      continue; /* "don't" == "dont" */
    }
    if (!keep) {
      space = 1;
      continue;
    }
    if (space && w)
      k[w++] = ' ';
    space = 0;
    k[w++] = (char)c;
  }
  k[w] = '\0';
  return k;
}

static size_t words(const char *k) {
  size_t n = *k != '\0';
  for (; *k; k++)
    n += *k == ' ';
  return n;
}

/* one a word-aligned part of the other, long enough to mean something */
static int same_words(const char *a, const char *b) {
  if (strcmp(a, b) == 0)
    return *a != '\0';
  const char *lng = strlen(a) >= strlen(b) ? a : b, *sh = lng == a ? b : a;
  if (words(sh) < 4)
    return 0;
  size_t n = strlen(sh);
  for (const char *p = strstr(lng, sh); p; p = strstr(p + 1, sh))
    if ((p == lng || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return 1;
  return 0;
}

/* 1 when the story entity is spelled `w` (len n) somewhere in the story,
 * or w is one word of its name (a surname alone) */
static int spelled(const vrun *R, int32_t e, const char *w, size_t n) {
  const cr_sentity *x = &R->s->entities[e];
  for (size_t k = 0; k <= x->nvariants; k++) {
    const char *v = k < x->nvariants ? x->variants[k] : x->name;
    if (!v)
      continue;
    if (strlen(v) == n && memcmp(v, w, n) == 0)
      return 1;
    size_t vl = strlen(v);
    if (!memchr(w, ' ', n))
      for (size_t i = 0; i + n <= vl; i++)
        if (memcmp(v + i, w, n) == 0 && (i == 0 || v[i - 1] == ' ') &&
            (v[i + n] == ' ' || v[i + n] == '\0'))
          return 1;
  }
  return 0;
}

/* The speaker's story entity: a mention in the speaker's words whose
 * entity is spelled so in the story (the tagger sometimes splits "Vadim
 * Rusak" and links "Rusak" to another Rusak: then none). */
static int32_t speaker_of(const vrun *R, const vdoc *D, cr_span sp) {
  const cr_ents *en = D->d->ents;
  const char *w = D->d->norm->text + sp.off;
  for (size_t i = 0; en && i < en->nm; i++) {
    const cr_mention *m = &en->m[i];
    if (m->off >= sp.off + sp.len)
      break;
    if (m->off + m->len <= sp.off || m->tok >= D->d->norm->ntok)
      continue;
    int32_t e = D->tok_ent[m->tok];
    if (e >= 0 && (size_t)e < R->s->nentities && spelled(R, e, w, sp.len))
      return e;
  }
  return -1;
}

/* 1 when s[0..n) holds the string w */
static int contains(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; k && i + k <= n; i++)
    if (memcmp(s + i, w, k) == 0)
      return 1;
  return 0;
}

typedef struct vq {
  cr_squote *q;
  const char *key;
  int32_t *ents;      /* per article quoting it: the speaker's entity, and */
  const char **names; /* the name it gives (the entity's, or as written) */
  size_t n;
} vq;

/* two speakers known as different entities say different things */
static int other_speaker(const vq *v, int32_t ent) {
  if (ent < 0)
    return 0;
  for (size_t i = 0; i < v->n; i++)
    if (v->ents[i] >= 0 && v->ents[i] != ent)
      return 1;
  return 0;
}

/* the speaker most of the articles give (the first on ties) */
static void vote(vrun *R, vq *v) {
  /* distinct names with their counts; few per quote */
  size_t nd = 0, best = 0;
  const char **dn = cr_arena_alloc(R->tmp, (v->n ? v->n : 1) * sizeof *dn);
  size_t *dc = cr_arena_calloc(R->tmp, v->n ? v->n : 1, sizeof *dc);
  if (!dn || !dc)
    return;
  for (size_t i = 0; i < v->n; i++) {
    if (!v->names[i])
      continue;
    size_t k = 0;
    while (k < nd && strcmp(dn[k], v->names[i]) != 0)
      k++;
    if (k == nd)
      dn[nd++] = v->names[i];
    if (++dc[k] > dc[best])
      best = k;
  }
  if (!nd)
    return;
  v->q->speaker_name = dn[best];
  v->q->speaker_entity = NULL;
  for (size_t i = 0; i < v->n && !v->q->speaker_entity; i++)
    if (v->ents[i] >= 0 && v->names[i] && strcmp(v->names[i], dn[best]) == 0)
      v->q->speaker_entity = cr_verify_entity_id(R, v->ents[i]);
}

int cr_verify_quotes(vrun *R) {
  cr_story *s = R->s;
  size_t total = 0;
  for (size_t k = 0; k < R->n; k++)
    total += R->docs[k].claims ? R->docs[k].claims->nquotes : 0;
  s->nquotes = 0;
  if (!total)
    return 0;
  s->quotes = cr_arena_calloc(R->a, total, sizeof *s->quotes);
  vq *v = cr_arena_calloc(R->tmp, total, sizeof *v);
  /* each quote keeps every attribution of it (several per article) */
  if (!s->quotes || !v)
    return -1;
  vmap exact; /* quote key -> its quote + 1 */
  if (cr_verify_map_init(&exact, total))
    return -1;
  int rc = -1;
  for (size_t k = 0; k < R->n; k++) {
    const vdoc *D = &R->vd[k];
    const cr_claims *cl = D->d->claims;
    const cr_norm *nm = D->d->norm;
    for (size_t i = 0; cl && i < cl->nquotes; i++) {
      const cr_quote *q = &cl->quotes[i];
      if (!q->text || !q->text[0])
        continue;
      /* the speaker: the fullest name, else the words that name it */
      /* a quote said by "he"/"she": the person the pronoun stands for
       * first (the article's fullest form of a surname may be another
       * person of that name); else the fullest form of the name first */
      cr_span first = q->name.len ? q->name : q->speaker;
      cr_span second = q->speaker;
      if (q->rule == CR_QA_PRONOUN && q->speaker.len) {
        first = q->speaker;
        second = q->name;
      }
      cr_span sp = first;
      int32_t ent = first.len ? speaker_of(R, D, first) : -1;
      if (ent < 0 && second.len && second.off != first.off) {
        ent = speaker_of(R, D, second);
        /* "Rusak" may be the story's other Rusak: when the article names
         * the speaker in full, the entity must be spelled so */
        if (ent >= 0 && q->rule != CR_QA_PRONOUN && q->name.len &&
            memchr(nm->text + q->name.off, ' ', q->name.len) &&
            !spelled(R, ent, nm->text + q->name.off, q->name.len))
          ent = -1;
        if (ent >= 0)
          sp = second;
      }
      const char *key = quote_key(R->tmp, q->text);
      if (!key)
        goto fail;
      /* the same words: one look-up (copies); one inside the other: a
       * scan of the quotes so far, up to MAX_SCAN of them */
      vq *found = NULL;
      uint64_t kh = cr_hash64(key, strlen(key));
      const double *ex = cr_verify_map_get(&exact, kh);
      if (ex && *ex >= 1 && strcmp(v[(size_t)*ex - 1].key, key) == 0 &&
          !other_speaker(&v[(size_t)*ex - 1], ent))
        found = &v[(size_t)*ex - 1];
      for (size_t j = 0; j < s->nquotes && j < MAX_SCAN && !found; j++)
        if (same_words(v[j].key, key) && !other_speaker(&v[j], ent))
          found = &v[j];
      if (!found) {
        found = &v[s->nquotes];
        cr_squote *o = &s->quotes[s->nquotes++];
        snprintf(o->id, sizeof o->id, "q%u", (unsigned)s->nquotes);
        o->text = cr_arena_strdup(R->a, q->text);
        o->docs.v = cr_arena_alloc(R->a, R->n * sizeof *o->docs.v);
        if (!o->text || !o->docs.v)
          goto fail;
        found->q = o;
        found->key = key;
        double *slot = cr_verify_map_put(&exact, kh);
        if (!slot)
          goto fail;
        if (*slot == 0)
          *slot = (double)(found - v) + 1;
        found->ents = cr_arena_alloc(R->tmp, total * sizeof *found->ents);
        found->names = cr_arena_alloc(R->tmp, total * sizeof *found->names);
        if (!found->ents || !found->names)
          goto fail;
      } else if (strlen(key) > strlen(found->key)) {
        /* the fuller text of the quote */
        found->key = key;
        if (!(found->q->text = cr_arena_strdup(R->a, q->text)))
          goto fail;
      }
      cr_squote *o = found->q;
      uint32_t idx = D->d->index;
      if (found->n < total) {
        found->ents[found->n] = ent;
        /* the entity's name, or the article's when it says more ("Britt
         * Sandvoll" for an entity named "Sandvoll") */
        const char *en = ent >= 0 ? cr_verify_entity_name(R, ent) : NULL;
        cr_span full = q->name.len ? q->name : sp;
        if (full.len && (!en || (full.len > strlen(en) &&
                                 spelled(R, ent, nm->text + sp.off, sp.len) &&
                                 contains(nm->text + full.off, full.len, en))))
          en = cr_arena_strndup(R->a, nm->text + full.off, full.len);
        found->names[found->n] = en;
        found->n++;
      }
      size_t at = o->docs.n;
      int dup = 0;
      for (size_t j = 0; j < o->docs.n; j++)
        dup |= o->docs.v[j] == idx;
      if (dup)
        continue;
      while (at > 0 && o->docs.v[at - 1] > idx) {
        o->docs.v[at] = o->docs.v[at - 1];
        at--;
      }
      o->docs.v[at] = idx;
      o->docs.n++;
    }
  }
  for (size_t j = 0; j < s->nquotes; j++)
    vote(R, &v[j]);
  rc = 0;
fail:
  cr_verify_map_free(&exact);
  return rc;
}
