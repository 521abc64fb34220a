/* name.c -- spelling keys and the person-name matcher of the alias resolver
 * (see name.h and docs/entities.md). Names in other scripts go through ICU
 * (Russian-Latin/BGN, Any-Latin, Latin-ASCII); the rules below then make
 * the usual transliteration variants of one name meet. */
#include "name.h"

#include <string.h>
#include <unicode/ustring.h>
#include <utf8proc.h>
#include <unicode/utrans.h>

#include "normalize/normalize.h"

/* Latin letters whose plain ASCII fold would lose what transliterations
 * write out: "č" is "ch" in an English spelling of the same name. */
static const char *latin_special(uint32_t cp) {
  switch (cp) {
  case 0x10C:
  case 0x10D:
  case 0x106:
  case 0x107:
    return "ch";
  case 0x160:
  case 0x161:
  case 0x15A:
  case 0x15B:
    return "sh";
  case 0x17D:
  case 0x17E:
  case 0x179:
  case 0x17A:
  case 0x17B:
  case 0x17C:
    return "zh";
  case 0x141:
  case 0x142:
    return "l";
  case 0x16C:
  case 0x16D: /* Latin short u (as in Slavic romanisations) */
    return "u";
  case 0xD8:
  case 0xF8:
    return "o";
  case 0xC6:
  case 0xE6:
  case 0xC4:
  case 0xE4:
    return "ae";
  case 0x152:
  case 0x153:
    return "oe";
  case 0xDF:
    return "ss";
  case 0x110:
  case 0x111:
    return "dj";
  case 0x2B9:
  case 0x2BA:
  case 0xB7:
  case 0x2BC: /* primes, middle dot */
    return "";
  case 0x2019:
  case 0x2018:
  case 0x60:
  case 0xB4:
    return "'";
  default:
    return NULL;
  }
}

/* Append the folded bytes of s to out: ASCII lower case, specials above,
 * anything else through ICU when there is a transliterator. */
static size_t fold_ascii(const cr_entlex *lx, const char *s, size_t len,
                         char *out, size_t cap, int *nonlatin, int depth) {
  size_t n = 0;
  const char *p = s, *end = s + len;
  while (p < end && n + 4 < cap) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
      out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      p++;
      continue;
    }
    int k;
    uint32_t cp = cr_utf8_decode(p, end, &k);
    const char *sp = latin_special(cp);
    if (sp) {
      size_t l = strlen(sp);
      if (n + l + 1 < cap) {
        memcpy(out + n, sp, l);
        n += l;
      }
      p += k;
      continue;
    }
    if (cp < 0x370 || (cp >= 0x1E00 && cp < 0x1F00)) {
      /* a Latin letter with marks: utf8proc strips them ("é" -> "e") */
      utf8proc_int32_t dec[8];
      int last = 0;
      utf8proc_ssize_t dn = utf8proc_decompose_char(
          (utf8proc_int32_t)cp, dec, 8,
          UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
      for (utf8proc_ssize_t k = 0; k < dn && k < 8 && n + 2 < cap; k++)
        if (dec[k] > 0 && dec[k] < 0x80)
          out[n++] = (char)dec[k];
      p += k;
      continue;
    }
    if ((cp >= 0x370 && cp < 0x530) && nonlatin)
      *nonlatin = 1; /* Greek, Cyrillic: names decline */
    /* a run of characters ICU must handle */
    const char *q = p;
    while (q < end && (unsigned char)*q >= 0x80) {
      int k2;
      uint32_t c2 = cr_utf8_decode(q, end, &k2);
      if (latin_special(c2))
        break;
      if (c2 >= 0x370 && c2 < 0x530 && nonlatin)
        *nonlatin = 1;
      q += k2;
    }
    if (q == p)
      q = p + k;
    if (lx && depth == 0 && cr_entlex_translit(lx)) {
      UChar u[256];
      int32_t ul = 0;
      UErrorCode st = U_ZERO_ERROR;
      u_strFromUTF8(u, 256, &ul, p, (int32_t)(q - p), &st);
      if (U_SUCCESS(st) && ul < 200) {
        int32_t limit = ul;
        utrans_transUChars(cr_entlex_translit(lx), u, &ul, 256, 0, &limit, &st);
        char b[512];
        int32_t bl = 0;
        if (U_SUCCESS(st))
          u_strToUTF8(b, sizeof b, &bl, u, ul, &st);
        if (U_SUCCESS(st) && bl > 0 && (size_t)bl < sizeof b)
          n += fold_ascii(lx, b, (size_t)bl, out + n, cap - n, NULL, 1);
      }
    }
    p = q;
  }
  out[n] = '\0';
  return n;
}

size_t cr_name_ascii(const cr_entlex *lx, const char *s, size_t len, char *out,
                     size_t cap, int *nonlatin) {
  if (nonlatin)
    *nonlatin = 0;
  if (cap < 8) {
    if (cap)
      out[0] = '\0';
    return 0;
  }
  char tmp[512];
  size_t n = fold_ascii(lx, s, len, tmp, sizeof tmp, nonlatin, 0);
  /* letters, '-', '.' and single spaces; a possessive 's goes */
  size_t o = 0;
  for (size_t i = 0; i < n && o + 2 < cap; i++) {
    char c = tmp[i];
    if (c >= 'a' && c <= 'z') {
      out[o++] = c;
    } else if (c == '\'') {
      if (i + 1 < n && tmp[i + 1] == 's' &&
          (i + 2 == n || !(tmp[i + 2] >= 'a' && tmp[i + 2] <= 'z')))
        i++;
    } else if (c == '-' && o) {
      /* "Joliot - Curie" is "Joliot-Curie" */
      if (out[o - 1] == ' ')
        o--;
      out[o++] = c;
      while (i + 1 < n && tmp[i + 1] == ' ')
        i++;
    } else if (c == '.' && o && out[o - 1] != ' ') {
      out[o++] = c;
    } else if (o && out[o - 1] != ' ') {
      out[o++] = ' ';
    }
  }
  while (o && (out[o - 1] == ' ' || out[o - 1] == '-'))
    o--;
  out[o] = '\0';
  return o;
}

size_t cr_name_wordkey(const char *w, size_t len, char *out, size_t cap) {
  char s[CR_NAME_WLEN * 2];
  size_t n = 0;
  for (size_t i = 0; i < len && n + 1 < sizeof s; i++) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c >= 'a' && c <= 'z')
      s[n++] = c;
  }
  s[n] = '\0';
  /* Caesar / Cäsar / César; Portuguese -ão is the -on of other languages */
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] == 'a' && s[i + 1] == 'e') {
      memmove(s + i, s + i + 1, n - i);
      n--;
    }
  if (n >= 4 && s[n - 2] == 'a' && s[n - 1] == 'o' && s[n - 3] != 'i')
    s[n - 1] = 'n', s[n - 2] = 'o';
  char t[CR_NAME_WLEN * 3];
  size_t m = 0;
  for (size_t i = 0; i < n && m + 3 < sizeof t;) {
    char c = s[i];
    char n1 = i + 1 < n ? s[i + 1] : 0, n2 = i + 2 < n ? s[i + 2] : 0;
    char n3 = i + 3 < n ? s[i + 3] : 0;
    char o = c; /* what goes out, when one letter */
    size_t adv = 1;
    switch (c) {
    case 's': /* shch, sch, sh */
      if (n1 == 'h' && n2 == 'c' && n3 == 'h')
        o = 'S', adv = 4;
      else if ((n1 == 'c' && n2 == 'h') || n1 == 'h')
        o = 'S', adv = n1 == 'c' ? 3 : 2;
      break;
    case 't': /* tsch, tch, ts, tz, th */
      if (n1 == 's' && n2 == 'c' && n3 == 'h')
        o = 'C', adv = 4;
      else if (n1 == 'c' && n2 == 'h')
        o = 'C', adv = 3;
      else if (n1 == 's' || n1 == 'z')
        o = 'T', adv = 2;
      else if (n1 == 'h')
        adv = 2;
      break;
    case 'd': /* dzh, dj */
      if (n1 == 'z' && n2 == 'h')
        o = 'J', adv = 3;
      else if (n1 == 'j')
        o = 'J', adv = 2;
      break;
    case 'z': /* zh; z is s (Franz / Frans, Zimmer / Tsimmer) */
      if (n1 == 'h')
        o = 'J', adv = 2;
      else
        o = 's';
      break;
    case 'j':
      o = 'J';
      break;
    case 'c':
      if (n1 == 'h' && i == 0 && (n2 == 'r' || n2 == 'l'))
        o = 'k', adv = 2; /* Chris, Christina: Kris, Kristina */
      else if (n1 == 'h' || n1 == 'z')
        o = 'C', adv = 2;
      else if (n1 == 'k')
        o = 'k', adv = 2;
      else if (i + 1 == n && i >= 2 && s[i - 1] == 'i' && s[i - 2] == 'v')
        o = 'C'; /* "-vic" is the ASCII spelling of "-vić" = "-vich" */
      else
        o = (n1 == 'e' || n1 == 'i' || n1 == 'y') ? 's' : 'k';
      break;
    case 'k':
      if (i == 0 && n1 == 'n')
        o = 'n', adv = 2; /* Knott / Nott */
      else if (n1 == 'h')
        o = 'H', adv = 2;
      break;
    case 'h':
      o = 'H';
      break;
    case 'q':
      o = 'k';
      break;
    case 'x':
      t[m++] = 'k';
      o = 's';
      break;
    case 'p':
      if (n1 == 'h')
        o = 'f', adv = 2;
      break;
    case 'g':
      if (n1 == 'h')
        adv = 2;
      break;
    case 'w':
      o = 'v';
      break;
    case 'o':
    case 'a':
      /* -ou/-au (one romanisation) is the -ov/-av of other spellings */
      if (n1 == 'u' && (i == 0 || s[i - 1] != 'e') &&
          (i + 2 >= n || (n2 == 's' && n3 == 'k'))) {
        t[m++] = c;
        o = 'v';
        adv = 2;
      }
      break;
    case 'y':
      o = 'i';
      break;
    case 'i':
      if (n1 == 'e' && i > 0)
        o = 'e', adv = 2; /* ie/e */
      break;
    default:
      break;
    }
    t[m++] = o;
    i += adv;
  }
  /* "ie"/"ye" at the start is "e" (Yevgeny / Evgeny) */
  size_t st = 0;
  if (m >= 3 && t[0] == 'i' && t[1] == 'e')
    st = 1;
  size_t o = 0;
  for (size_t i = st; i < m && o + 1 < cap; i++)
    if (!o || out[o - 1] != t[i])
      out[o++] = t[i];
  /* "-ii"/"-iy"/"-ij" at the end became "i" above; "ij" -> "i" */
  if (o >= 3 && out[o - 1] == 'J' && out[o - 2] == 'i')
    o--;
  if (cap)
    out[o < cap ? o : cap - 1] = '\0';
  return o;
}

static int key_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

int cr_name_key_similar(const char *a, const char *b) {
  if (strcmp(a, b) == 0)
    return *a != '\0';
  /* same consonants in the same places, vowels nearly the same */
  size_t i = 0, j = 0;
  double cost = 0;
  int groups = 0;
  while (a[i] || b[j]) {
    int va = key_vowel(a[i]), vb = key_vowel(b[j]);
    if (va != vb)
      return 0;
    if (!va) {
      if (a[i] != b[j])
        return 0;
      i++;
      j++;
      continue;
    }
    size_t i2 = i, j2 = j;
    while (key_vowel(a[i2]))
      i2++;
    while (key_vowel(b[j2]))
      j2++;
    groups++;
    if (i2 - i != j2 - j || memcmp(a + i, b + j, i2 - i) != 0) {
      double c = 1;
      if (i2 - i == 1 && j2 - j == 1) {
        char x = a[i], y = b[j];
        if ((x == 'a' && y == 'o') || (x == 'o' && y == 'a') ||
            (x == 'e' && y == 'i') || (x == 'i' && y == 'e'))
          c = 0.5;
      }
      cost += c;
    }
    i = i2;
    j = j2;
  }
  return cost <= 1.0 && cost * 2 < groups;
}

/* Levenshtein distance of two short strings, capped at 3. */
static int edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 60 || lb > 60)
    return 3;
  if (la > lb + 2 || lb > la + 2)
    return 3;
  int prev[64], cur[64];
  for (size_t j = 0; j <= lb; j++)
    prev[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int d = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < d)
        d = prev[j] + 1;
      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      cur[j] = d;
    }
    memcpy(prev, cur, (lb + 1) * sizeof *prev);
  }
  return prev[lb] > 3 ? 3 : prev[lb];
}

static int vowel_groups(const char *k) {
  int g = 0;
  for (size_t i = 0; k[i]; i++)
    g += key_vowel(k[i]) && (i == 0 || !key_vowel(k[i - 1]));
  return g;
}

/* Consonant skeleton for names that went through another script: vowels
 * go (Russian writes English vowels by sound), g/h/kh/ch meet (Гитлер,
 * Хопли), z/ts/s meet (Циммер), a vowel at the start leaves a mark. */
static size_t skeleton(const char *key, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; key[i] && o + 1 < cap; i++) {
    char c = key[i];
    if (key_vowel(c)) {
      if (i == 0)
        c = 'V';
      else
        continue;
    } else if (c == 'H' || c == 'g' || c == 'C') {
      c = 'G';
    } else if (c == 'z' || c == 'T' || c == 'S') {
      c = 's';
    } else if (c == 'v' && i == 0) {
      c = 'V'; /* Winston / Uinston */
    } else if (c == 'J' && i > 0 && key_vowel(key[i - 1]) && key[i + 1] &&
               !key_vowel(key[i + 1])) {
      continue; /* Slavic j after a vowel is a glide: Mojmir / Moimir */
    }
    if (o && out[o - 1] == c)
      continue;
    out[o++] = c;
  }
  out[o] = '\0';
  return o;
}

/* The two words are one name word: exact or near spelling keys; with
 * `loose` (one side came through another script or language) also equal
 * consonant skeletons up to a case ending or one edit. */
static int word_match(const cr_name_word *x, const cr_name_word *y, int loose,
                      int infl_x, int infl_y) {
  if (!x->key[0] || !y->key[0])
    return 0;
  if (cr_name_key_similar(x->key, y->key))
    return 1;
  if (x->group >= 0 && x->group == y->group)
    return 1; /* Joseph / Josef / José as in "Franz Joseph" */
  size_t lx = strlen(x->key), ly = strlen(y->key);
  size_t ax = strlen(x->ascii), ay = strlen(y->ascii);
  /* genitive -s (German, Swedish: "Bogarts") */
  if (ax == ay + 1 && x->ascii[ax - 1] == 's' && ay >= 4 &&
      strncmp(x->ascii, y->ascii, ay) == 0)
    return 1;
  if (ay == ax + 1 && y->ascii[ay - 1] == 's' && ax >= 4 &&
      strncmp(x->ascii, y->ascii, ax) == 0)
    return 1;
  /* typing errors in long names */
  if (lx >= 7 && ly >= 7 && edit_distance(x->key, y->key) <= 1)
    return 1;
  if (!loose)
    return 0;
  /* skeletons; a Latin side may drop a genitive or Latin -s (Bogarts,
   * Darius / Дариуса), a declined side its case ending -om, -em, -ov */
  char sk[2][2][CR_NAME_WLEN];
  size_t sn[2][2];
  int nalt[2];
  const cr_name_word *wd[2] = {x, y};
  int infl[2] = {infl_x, infl_y};
  for (int s = 0; s < 2; s++) {
    sn[s][0] = skeleton(wd[s]->key, sk[s][0], sizeof sk[s][0]);
    nalt[s] = 1;
    size_t al = strlen(wd[s]->ascii);
    if (infl[s]) {
      size_t l = sn[s][0];
      if (l >= 3 && (sk[s][0][l - 1] == 'm' || sk[s][0][l - 1] == 'v')) {
        memcpy(sk[s][1], sk[s][0], l - 1);
        sk[s][1][l - 1] = '\0';
        sn[s][1] = l - 1;
        nalt[s] = 2;
      }
    } else if (al >= 5 && wd[s]->ascii[al - 1] == 's') {
      char k[CR_NAME_WLEN];
      cr_name_wordkey(wd[s]->ascii, al - 1, k, sizeof k);
      sn[s][1] = skeleton(k, sk[s][1], sizeof sk[s][1]);
      nalt[s] = 2;
    }
  }
  for (int i = 0; i < nalt[0]; i++)
    for (int j = 0; j < nalt[1]; j++) {
      size_t nx = sn[0][i], ny = sn[1][j];
      const char *sx = sk[0][i], *sy = sk[1][j];
      if (nx < 2 || ny < 2 || (loose < 2 && (nx < 3 || ny < 3)))
        continue;
      /* two Latin spellings start alike (Schulman is not Salaman) */
      if (loose < 2 && x->key[0] != y->key[0] &&
          !(key_vowel(x->key[0]) && key_vowel(y->key[0])))
        continue;
      if (nx < 3 || ny < 3) {
        /* two consonants say little: the syllables must agree too */
        int gx = vowel_groups(x->key), gy = vowel_groups(y->key);
        if (gx > gy + 1 || gy > gx + 1)
          continue;
      }
      if (strcmp(sx, sy) == 0)
        return 1;
      if (nx >= 5 && ny >= 5 && edit_distance(sx, sy) <= 1)
        return 1;
    }
  return 0;
}

/* Surname words: the whole word or, for double-barrelled names, a part. */
static int surname_match(const cr_name_word *x, const cr_name_word *y,
                         int loose, int ix, int iy) {
  if (word_match(x, y, loose, ix, iy))
    return 1;
  if (!strchr(x->ascii, '-') && !strchr(y->ascii, '-'))
    return 0;
  cr_name_word px[4], py[4];
  size_t npx = 0, npy = 0;
  const cr_name_word *src[2] = {x, y};
  cr_name_word *dst[2] = {px, py};
  size_t *cnt[2] = {&npx, &npy};
  for (int s = 0; s < 2; s++) {
    const char *p = src[s]->ascii;
    while (*p && *cnt[s] < 4) {
      size_t l = strcspn(p, "-");
      cr_name_word *w = &dst[s][(*cnt[s])++];
      memset(w, 0, sizeof *w);
      w->group = -1;
      if (l >= CR_NAME_WLEN)
        l = CR_NAME_WLEN - 1;
      memcpy(w->ascii, p, l);
      cr_name_wordkey(p, l, w->key, sizeof w->key);
      p += l;
      if (*p == '-')
        p++;
    }
  }
  for (size_t i = 0; i < npx; i++)
    for (size_t j = 0; j < npy; j++)
      if (strlen(px[i].key) >= 3 && word_match(&px[i], &py[j], loose, ix, iy))
        return 1;
  return 0;
}

/* Given-name group of a word; a declined word may carry a case ending
 * (Эдварда, Крису, Сарой). */
static int32_t given_lookup(const cr_entlex *lx, const char *ascii,
                            int inflected, uint8_t *gender) {
  if (!lx)
    return -1;
  char k[CR_NAME_WLEN];
  size_t al = strlen(ascii);
  size_t kl = cr_name_wordkey(ascii, al, k, sizeof k);
  int64_t id = kl ? cr_strmap_get(lx->given, k, kl) : -1;
  static const char *const endings[] = {"oy", "ey", "om", "em", "yu", "ya",
                                        "a",  "u",  "e",  "y",  "i"};
  for (size_t e = 0; id < 0 && inflected && e < 11; e++) {
    size_t el = strlen(endings[e]);
    if (al > el + 2 && memcmp(ascii + al - el, endings[e], el) == 0) {
      kl = cr_name_wordkey(ascii, al - el, k, sizeof k);
      id = kl ? cr_strmap_get(lx->given, k, kl) : -1;
    }
  }
  if (id < 0)
    return -1;
  if (gender)
    *gender = lx->given_gender[id];
  return (int32_t)lx->given_group[id];
}

/* Given names agree: the same name in the lexicon, or near spellings of a
 * name it does not know. Two different names it knows never agree. */
static int given_match(const cr_entlex *lx, const cr_name_word *x,
                       const cr_name_word *y, int loose, int ix, int iy) {
  if (x->initial || y->initial)
    return x->ascii[0] == y->ascii[0];
  if (x->group >= 0 && y->group >= 0)
    return x->group == y->group;
  return word_match(x, y, loose, ix, iy);
}

static int roman_value(const char *s) {
  static const char *const r[] = {"i",    "ii",   "iii", "iv", "v",  "vi",
                                  "vii",  "viii", "ix",  "x",  "xi", "xii",
                                  "xiii", "xiv",  "xv",  "xvi"};
  for (int i = 0; i < 16; i++)
    if (strcmp(s, r[i]) == 0)
      return i + 1;
  return 0;
}

static int ends_with(const char *s, size_t n, const char *e) {
  size_t l = strlen(e);
  return l && n > l && memcmp(s + n - l, e, l) == 0;
}

/* Which gendered ending the surname has (data/surname_gender.txt): the
 * longest feminine one, else the longest masculine one. */
static void surname_form(const cr_entlex *lx, const char *s, int8_t *form,
                         int16_t *rule) {
  size_t n = strlen(s), best = 0;
  *form = 0;
  *rule = -1;
  for (size_t r = 0; lx && r < lx->nfem; r++) {
    size_t l = strlen(lx->fem[r]);
    if (l > best && n >= l + 3 && ends_with(s, n, lx->fem[r])) {
      best = l;
      *form = 2;
      *rule = (int16_t)r;
    }
  }
  if (*form)
    return;
  for (size_t r = 0; lx && r < lx->nfem; r++) {
    const char *p = lx->masc[r];
    while (*p) {
      size_t l = strcspn(p, " ");
      char e[16];
      if (l < sizeof e) {
        memcpy(e, p, l);
        e[l] = '\0';
        if (l > best && n >= l + 3 && ends_with(s, n, e)) {
          best = l;
          *form = 1;
          *rule = (int16_t)r;
        }
      }
      p += l;
      while (*p == ' ')
        p++;
    }
  }
}

int cr_name_parse(const cr_entlex *lx, const char *s, size_t len,
                  cr_name *out) {
  memset(out, 0, sizeof *out);
  out->given_group = -1;
  out->surname_rule = -1;
  char a[512];
  int nonlatin = 0;
  size_t n = cr_name_ascii(lx, s, len, a, sizeof a, &nonlatin);
  out->inflected = (uint8_t)nonlatin;
  /* words, without titles in front, particles, regnal numbers */
  char *words[16];
  size_t nw = 0;
  for (char *p = a; *p && nw < 16;) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    words[nw++] = p;
    while (*p && *p != ' ')
      p++;
    if (*p)
      *p++ = '\0';
  }
  (void)n;
  size_t i = 0;
  /* "Foreign Minister X", "Deputy Prime Minister X": words before the last
   * title of the front go with it, unless one is a given name */
  for (size_t j = nw >= 2 ? nw - 2 : 0; lx && j > 0; j--) {
    if (!(cr_entlex_bits(lx, words[j], strlen(words[j]), NULL) & CR_LX_TITLE))
      continue;
    size_t k = 0;
    while (k < j && !(cr_entlex_bits(lx, words[k], strlen(words[k]), NULL) &
                      CR_LX_FIRST))
      k++;
    if (k == j)
      i = j;
    break;
  }
  for (; i + 1 < nw; i++) {
    uint32_t b = lx ? cr_entlex_bits(lx, words[i], strlen(words[i]), NULL) : 0;
    if (!(b & CR_LX_TITLE)) {
      /* "St." is a title with its period; the fold keeps it */
      char t[40];
      size_t l = strlen(words[i]);
      if (l + 2 > sizeof t || !lx)
        break;
      memcpy(t, words[i], l);
      t[l] = '.';
      b = cr_entlex_bits(lx, t, l + 1, NULL);
      if (!(b & CR_LX_TITLE) || l > 3)
        break;
    }
    if (b & CR_LX_TITLE_M)
      out->title_gender = CR_GENDER_MALE;
    else if (b & CR_LX_TITLE_F)
      out->title_gender = CR_GENDER_FEMALE;
  }
  for (; i < nw && out->nw < CR_NAME_MAXW; i++) {
    char *w = words[i];
    size_t l = strlen(w);
    while (l && (w[l - 1] == '.' || w[l - 1] == '-'))
      w[--l] = '\0';
    while (*w == '-' || *w == '.') {
      w++;
      l--;
    }
    if (!l)
      continue;
    if (out->nw >= 1) {
      int r = roman_value(w);
      if (r) {
        out->roman = r;
        continue;
      }
    }
    /* particles: "al-Jadaan" loses "al-", "von" goes */
    uint32_t b = lx ? cr_entlex_bits(lx, w, l, NULL) : 0;
    if ((b & CR_LX_PARTICLE) && i + 1 < nw) {
      /* a given name, then "of", "von", "the": a designation follows */
      if (out->nw == 1 && out->w[0].group >= 0 && l <= 3)
        out->epithet = 1;
      continue;
    }
    if (l > 3 && (w[2] == '-') && lx &&
        (cr_entlex_bits(lx, w, 2, NULL) & CR_LX_PARTICLE)) {
      w += 3;
      l -= 3;
    }
    cr_name_word *nwd = &out->w[out->nw];
    if (l >= CR_NAME_WLEN)
      l = CR_NAME_WLEN - 1;
    memcpy(nwd->ascii, w, l);
    nwd->ascii[l] = '\0';
    cr_name_wordkey(w, l, nwd->key, sizeof nwd->key);
    nwd->initial = l == 1;
    if (!nwd->key[0])
      continue;
    nwd->group = given_lookup(lx, nwd->ascii, out->inflected, &nwd->ggender);
    out->nw++;
  }
  if (!out->nw ||
      (out->nw == 1 && lx &&
       (cr_entlex_bits(lx, out->w[0].ascii, strlen(out->w[0].ascii), NULL) &
        CR_LX_TITLE)))
    return -1; /* a title alone names nobody */
  /* gender: a title says most, then the given name, then the surname */
  uint8_t g = out->w[0].ggender;
  out->given_group = out->w[0].group;
  if (out->nw >= 2 || out->given_group < 0)
    surname_form(lx, out->w[out->nw - 1].ascii, &out->surname_form,
                 &out->surname_rule);
  out->gender = out->title_gender ? out->title_gender : g;
  if (!out->gender && out->surname_form == 2 && !out->inflected)
    out->gender = CR_GENDER_FEMALE;
  return 0;
}

int cr_name_match(const cr_entlex *lx, const cr_name *a, const cr_name *b) {
  if (!a->nw || !b->nw)
    return 0;
  if (a->roman && b->roman && a->roman != b->roman)
    return 0;
  if (a->gender && b->gender && a->gender != b->gender)
    return 0;
  /* 2: one side came through another script; 1: two Latin spellings */
  int loose = a->inflected || b->inflected ? 2 : 1;
  const cr_name_word *sa = &a->w[a->nw - 1], *sb = &b->w[b->nw - 1];
  /* wife and husband, sister and brother: Latin spellings of a feminine
   * and a masculine surname form are two people */
  if (loose < 2 && a->surname_form && b->surname_form &&
      a->surname_form != b->surname_form)
    return 0;
  if (a->nw == 1 || b->nw == 1) {
    const cr_name *one = a->nw == 1 ? a : b, *oth = a->nw == 1 ? b : a;
    if (surname_match(&one->w[0], &oth->w[oth->nw - 1], loose, one->inflected,
                      oth->inflected))
      return oth->nw == 1 ? 2 : 1;
    /* given names alone: "Catherine" / "Yekaterina", "Isabella" /
     * "Isabella of France" */
    if (one->given_group >= 0 && one->given_group == oth->given_group &&
        (oth->nw == 1 || oth->epithet))
      return oth->nw == 1 ? 2 : 1;
    return 0;
  }
  if (!surname_match(sa, sb, loose, a->inflected, b->inflected))
    return 0;
  /* a double surname without the given name: "Valdés Ruano" is the end of
   * "Ernesto Valdés Ruano" */
  if (a->nw != b->nw) {
    const cr_name *sh = a->nw < b->nw ? a : b, *lo = a->nw < b->nw ? b : a;
    if (sh->w[0].group < 0 && !sh->w[0].initial) {
      int all = 1;
      for (int k = 0; k < sh->nw && all; k++)
        all = word_match(&sh->w[k], &lo->w[lo->nw - sh->nw + k], loose,
                         sh->inflected, lo->inflected);
      if (all)
        return 1;
    }
  }
  if (!given_match(lx, &a->w[0], &b->w[0], loose, a->inflected, b->inflected))
    return 0;
  return a->w[0].initial || b->w[0].initial ? 1 : 2;
}
