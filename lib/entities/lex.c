/* lex.c -- loads the entity lexicons compiled from data/ (see lex.h) into
 * hash maps once per engine, and opens the ICU transliterator. */
#include "lex.h"

#include <string.h>
#include <unicode/utrans.h>

#include "core/alloc.h"
#include "core/table.h"
#include "name.h"

/* Add class bits to a word or phrase; a phrase also marks its first word as
 * a prefix with its length. Returns -1 on out of memory. */
static int add_entry(cr_entlex *lx, size_t *cap, const char *s, size_t len,
                     uint32_t bits) {
  if (!len)
    return 0;
  int added;
  int64_t id = cr_strmap_intern(lx->words, s, len, &added);
  if (id < 0)
    return -1;
  if (added) {
    if ((size_t)id >= *cap) {
      size_t ncap = *cap ? *cap * 2 : 1024;
      uint32_t *b = cr_realloc(lx->bits, ncap * sizeof *b);
      if (!b)
        return -1;
      lx->bits = b;
      uint8_t *m = cr_realloc(lx->maxlen, ncap);
      if (!m)
        return -1;
      lx->maxlen = m;
      *cap = ncap;
    }
    lx->bits[id] = 0;
    lx->maxlen[id] = 1;
    lx->nwords = (size_t)id + 1;
  }
  lx->bits[id] |= bits;
  unsigned nw = 1;
  for (size_t i = 0; i < len; i++)
    nw += s[i] == ' ';
  if (nw > 1) {
    size_t first = strcspn(s, " ");
    if (nw > CR_LX_MAXWORDS)
      return 0;
    if (add_entry(lx, cap, s, first, CR_LX_PREFIX))
      return -1;
    int64_t f = cr_strmap_get(lx->words, s, first);
    if (f >= 0 && lx->maxlen[f] < nw)
      lx->maxlen[f] = (uint8_t)nw;
  }
  return 0;
}

static uint32_t field_bits(const char *f, size_t n) {
  static const struct {
    const char *name;
    uint32_t bits;
  } map[] = {{"country", CR_LX_COUNTRY}, {"city", CR_LX_CITY},
             {"region", CR_LX_REGION},   {"water", CR_LX_WATER},
             {"nat", CR_LX_NAT},         {"lang", CR_LX_NAT},
             {"rel", CR_LX_NAT},         {"day", CR_LX_TIME},
             {"month", CR_LX_TIME},      {"misc", CR_LX_MISC},
             {"head", CR_LX_ORGHEAD},    {"suffix", CR_LX_ORGSUF}};
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strlen(map[i].name) == n && memcmp(map[i].name, f, n) == 0)
      return map[i].bits;
  return 0;
}

/* A table whose entries are "key|class": bits from the class field, or
 * `fixed` for every entry when it is not 0. */
static int load_table(cr_entlex *lx, size_t *cap, const cr_table *t,
                      uint32_t fixed) {
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *f;
    size_t klen = cr_table_field(e, 0, &f);
    uint32_t bits = fixed;
    if (!bits) {
      size_t fl = cr_table_field(e, 1, &f);
      bits = field_bits(f, fl);
    }
    if (bits && add_entry(lx, cap, e, klen, bits))
      return -1;
  }
  return 0;
}

static int load_titles(cr_entlex *lx, size_t *cap) {
  const cr_table *t = &cr_tab_person_titles;
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *f;
    size_t klen = cr_table_field(e, 0, &f);
    uint32_t bits = CR_LX_TITLE;
    if (cr_table_field(e, 1, &f) == 1)
      bits |= *f == 'm' ? CR_LX_TITLE_M : *f == 'f' ? CR_LX_TITLE_F : 0;
    if (cr_table_field(e, 2, &f) == 6 && memcmp(f, "family", 6) == 0)
      bits |= CR_LX_FAMILY;
    if (add_entry(lx, cap, e, klen, bits))
      return -1;
  }
  return 0;
}

/* Given names: every spelling of a line is one group; a spelling already
 * seen in an earlier line joins that line's group. */
static int load_given(cr_entlex *lx, size_t *wcap) {
  const cr_table *t = &cr_tab_first_names;
  size_t cap = 0;
  uint32_t ngroups = 0;
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *f;
    char names[1024];
    size_t n = 0, l = cr_table_field(e, 0, &f);
    if (l >= sizeof names)
      continue;
    memcpy(names, f, l);
    n = l;
    uint8_t gender = 0;
    if (cr_table_field(e, 1, &f) == 1)
      gender = *f == 'm' ? 1 : *f == 'f' ? 2 : 0;
    l = cr_table_field(e, 2, &f);
    if (l && n + 1 + l < sizeof names) {
      names[n++] = ' ';
      memcpy(names + n, f, l);
      n += l;
    }
    uint32_t bits = gender == 1   ? CR_LX_FIRST_M
                    : gender == 2 ? CR_LX_FIRST_F
                                  : CR_LX_FIRST_U;
    /* the group: an existing one if any spelling is known */
    uint32_t group = ngroups;
    char key[64];
    for (size_t p = 0; p < n;) {
      size_t q = p;
      while (q < n && names[q] != ' ')
        q++;
      size_t kl = cr_name_wordkey(names + p, q - p, key, sizeof key);
      int64_t id = kl ? cr_strmap_get(lx->given, key, kl) : -1;
      if (id >= 0) {
        group = lx->given_group[id];
        break;
      }
      p = q + 1;
    }
    if (group == ngroups)
      ngroups++;
    for (size_t p = 0; p < n;) {
      size_t q = p;
      while (q < n && names[q] != ' ')
        q++;
      if (add_entry(lx, wcap, names + p, q - p, bits))
        return -1;
      size_t kl = cr_name_wordkey(names + p, q - p, key, sizeof key);
      int added;
      int64_t id = kl ? cr_strmap_intern(lx->given, key, kl, &added) : -1;
      if (kl && id < 0)
        return -1;
      if (kl && added) {
        if ((size_t)id >= cap) {
          size_t ncap = cap ? cap * 2 : 1024;
          uint32_t *g = cr_realloc(lx->given_group, ncap * sizeof *g);
          if (!g)
            return -1;
          lx->given_group = g;
          uint8_t *gg = cr_realloc(lx->given_gender, ncap);
          if (!gg)
            return -1;
          lx->given_gender = gg;
          cap = ncap;
        }
        lx->given_group[id] = group;
        lx->given_gender[id] = gender;
      }
      p = q + 1;
    }
  }
  return 0;
}

static int load_alias(cr_entlex *lx) {
  const cr_table *t = &cr_tab_entity_aliases;
  size_t cap = 0;
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *f;
    int64_t canon = -1;
    for (int k = 0;; k++) {
      size_t l = cr_table_field(e, k, &f);
      if (!l)
        break;
      int added;
      int64_t id = cr_strmap_intern(lx->alias, f, l, &added);
      if (id < 0)
        return -1;
      if (k == 0)
        canon = id;
      if ((size_t)id >= cap) {
        size_t ncap = cap ? cap * 2 : 256;
        uint32_t *c = cr_realloc(lx->alias_canon, ncap * sizeof *c);
        if (!c)
          return -1;
        lx->alias_canon = c;
        cap = ncap;
      }
      if (added)
        lx->alias_canon[id] = (uint32_t)canon;
    }
  }
  return 0;
}

static int load_gender_endings(cr_entlex *lx) {
  const cr_table *t = &cr_tab_surname_gender;
  lx->fem = cr_calloc(t->n ? t->n : 1, sizeof *lx->fem);
  lx->masc = cr_calloc(t->n ? t->n : 1, sizeof *lx->masc);
  if (!lx->fem || !lx->masc)
    return -1;
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *f;
    size_t l = cr_table_field(e, 0, &f);
    char *fem = cr_strndup(f, l);
    l = cr_table_field(e, 1, &f);
    char *masc = cr_strndup(l ? f : "", l);
    if (!fem || !masc) {
      cr_free(fem);
      cr_free(masc);
      return -1;
    }
    lx->fem[lx->nfem] = fem;
    lx->masc[lx->nfem] = masc;
    lx->nfem++;
  }
  return 0;
}

cr_entlex *cr_entlex_new(void) {
  cr_entlex *lx = cr_calloc(1, sizeof *lx);
  if (!lx)
    return NULL;
  size_t cap = 0;
  lx->words = cr_strmap_new();
  lx->given = cr_strmap_new();
  lx->alias = cr_strmap_new();
  if (!lx->words || !lx->given || !lx->alias)
    goto fail;
  if (load_table(lx, &cap, &cr_tab_places, 0) ||
      load_table(lx, &cap, &cr_tab_orgs, CR_LX_ORG) ||
      load_table(lx, &cap, &cr_tab_demonyms, 0) ||
      load_table(lx, &cap, &cr_tab_org_words, 0) ||
      load_table(lx, &cap, &cr_tab_loc_words, CR_LX_LOCWORD) ||
      load_table(lx, &cap, &cr_tab_name_particles, CR_LX_PARTICLE) ||
      load_table(lx, &cap, &cr_tab_surnames, CR_LX_SURNAME) ||
      load_titles(lx, &cap) || load_given(lx, &cap) || load_alias(lx) ||
      load_gender_endings(lx))
    goto fail;
  return lx;
fail:
  cr_entlex_free(lx);
  return NULL;
}

void cr_entlex_free(cr_entlex *lx) {
  if (!lx)
    return;
  cr_strmap_free(lx->words);
  cr_free(lx->bits);
  cr_free(lx->maxlen);
  cr_strmap_free(lx->given);
  cr_free(lx->given_group);
  cr_free(lx->given_gender);
  cr_strmap_free(lx->alias);
  cr_free(lx->alias_canon);
  for (size_t i = 0; i < lx->nfem; i++) {
    cr_free((void *)lx->fem[i]);
    cr_free((void *)lx->masc[i]);
  }
  cr_free(lx->fem);
  cr_free(lx->masc);
  if (lx->translit)
    utrans_close(lx->translit);
  cr_free(lx);
}

void *cr_entlex_translit(const cr_entlex *lx) {
  if (lx->translit_tried)
    return lx->translit;
  /* Cyrillic, Greek, ... to Latin: Russian through the BGN/PCGN table
   * (what English news uses), any other script through ICU's default.
   * Opened on first need: it costs tens of milliseconds, and most texts
   * never name anyone in another script. */
  static const UChar id[] = {'R', 'u', 's', 's', 'i', 'a', 'n', '-', 'L', 'a',
                             't', 'i', 'n', '/', 'B', 'G', 'N', ';', 'A', 'n',
                             'y', '-', 'L', 'a', 't', 'i', 'n', ';', 'L', 'a',
                             't', 'i', 'n', '-', 'A', 'S', 'C', 'I', 'I', 0};
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  cr_entlex *m = (cr_entlex *)lx; /* the lazily filled part */
  m->translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
  if (U_FAILURE(st))
    m->translit = NULL; /* names in other scripts then stay as written */
  m->translit_tried = 1;
  return m->translit;
}

uint32_t cr_entlex_bits(const cr_entlex *lx, const char *s, size_t len,
                        unsigned *maxlen) {
  int64_t id = cr_strmap_get(lx->words, s, len);
  if (maxlen)
    *maxlen = id >= 0 ? lx->maxlen[id] : 0;
  return id >= 0 ? lx->bits[id] : 0;
}

int cr_entlex_is_acronym(const cr_entlex *lx, const char *acr,
                         const char *name) {
  size_t al = strlen(acr), k = 0;
  if (al < 2 || strchr(acr, ' '))
    return 0;
  for (size_t i = 0; i < al; i++)
    if (acr[i] < 'a' || acr[i] > 'z')
      return 0;
  int words = 0;
  for (const char *p = name; *p;) {
    size_t w = strcspn(p, " -");
    if (w && !(cr_entlex_bits(lx, p, w, NULL) & CR_LX_PARTICLE) &&
        !(w == 3 && (memcmp(p, "and", 3) == 0 || memcmp(p, "for", 3) == 0))) {
      if (k >= al || acr[k] != p[0])
        return 0;
      k++;
    }
    words++;
    p += w;
    while (*p == ' ' || *p == '-')
      p++;
  }
  return words >= 2 && k == al;
}
