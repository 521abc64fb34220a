/* boilerplate.c -- general knowledge of page furniture shared by the HTML
 * and the plain-text extractors: what class/id words say about an element
 * (data/extract_classes.txt) and which short lines are UI labels, comment
 * heads, promos or copyright/syndication footers (data/extract_phrases.txt
 * plus the patterns below). */
#include <pthread.h>
#include <string.h>

#include "core/strmap.h"
#include "core/table.h"
#include "extract_int.h"

/* ---- class/id semantics -------------------------------------------------*/

#define SEMCACHE_SLOTS 4096u

typedef struct slot {
  uint64_t h;
  uint32_t bits;
  uint32_t used;
} slot;

struct cr_semcache {
  slot s[SEMCACHE_SLOTS];
  size_t n;
};

cr_semcache *cr_semcache_new(cr_arena *a) {
  return cr_arena_calloc(a, 1, sizeof(cr_semcache));
}

static uint32_t bits_of(const char *f, size_t n) {
  uint32_t b = 0;
  for (size_t i = 0; i < n; i++) {
    switch (f[i]) {
    case 'P':
      b |= CR_SEM_POS;
      break;
    case 'N':
      b |= CR_SEM_NEG;
      break;
    case 'U':
      b |= CR_SEM_UNLIKELY;
      break;
    case 'M':
      b |= CR_SEM_MAYBE;
      break;
    case 'S':
      b |= CR_SEM_SHARE;
      break;
    case 'C':
      b |= CR_SEM_COMMENT;
      break;
    case 'K':
      b |= CR_SEM_CAPTION;
      break;
    case 'B':
      b |= CR_SEM_BYLINE;
      break;
    case 'R':
      b |= CR_SEM_RELATED;
      break;
    case 'L':
      b |= CR_SEM_NEWSLETTER;
      break;
    case 'O':
      b |= CR_SEM_COOKIE;
      break;
    case 'V':
      b |= CR_SEM_NAV;
      break;
    case 'A':
      b |= CR_SEM_AD;
      break;
    case 'X':
      b |= CR_SEM_BODY;
      break;
    case 'H':
      b |= CR_SEM_HIDDEN;
      break;
    case 'T':
      b |= CR_SEM_TAGS;
      break;
    case 'D':
      b |= CR_SEM_DATE;
      break;
    case 'F':
      b |= CR_SEM_FOOTER;
      break;
    case 'W':
      b |= CR_SEM_SIDEBAR;
      break;
    case 'E':
      b |= CR_SEM_EMBED | CR_SEM_MAYBE;
      break;
    case 'Q':
      b |= CR_SEM_LABEL;
      break;
    default:
      break;
    }
  }
  return b;
}

static int is_alnum(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* The substring patterns of the class table, bucketed by first byte; built
 * once per process. */
typedef struct pat {
  const char *k;
  uint8_t len;
  uint32_t bits;
} pat;
#define MAXPAT 256
static pat pats[MAXPAT];
static uint16_t bucket_start[257];
static pthread_once_t pats_once = PTHREAD_ONCE_INIT;

/* the whole-word entries (modes w and c) in a small open hash table */
#define WSLOTS 1024u
typedef struct wslot {
  const char *k;
  uint8_t len, mode;
  uint32_t bits;
} wslot;
static wslot words_tab[WSLOTS];

static uint32_t whash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void word_add(const char *k, size_t n, int mode, uint32_t bits) {
  for (uint32_t i = whash(k, n), p = 0; p < WSLOTS; p++) {
    wslot *w = &words_tab[(i + p) & (WSLOTS - 1)];
    if (!w->k) {
      *w = (wslot){k, (uint8_t)n, (uint8_t)mode, bits};
      return;
    }
  }
}

/* bits of a word in mode 'w' or 'c' (0 when absent) */
static uint32_t word_bits(const char *k, size_t n, int mode) {
  if (n == 0 || n > 255)
    return 0;
  for (uint32_t i = whash(k, n), p = 0; p < WSLOTS; p++) {
    const wslot *w = &words_tab[(i + p) & (WSLOTS - 1)];
    if (!w->k)
      return 0;
    if (w->len == n && w->mode == mode && memcmp(w->k, k, n) == 0)
      return w->bits;
  }
  return 0;
}

static void pats_init(void) {
  const cr_table *t = &cr_tab_extract_classes;
  for (size_t i = 0; i < t->n; i++) {
    const char *e = t->v[i], *mode, *f;
    size_t kl = strcspn(e, "|");
    size_t fl = cr_table_field(e, 1, &f);
    if (cr_table_field(e, 2, &mode) && (*mode == 'w' || *mode == 'c') && kl &&
        kl < 256)
      word_add(e, kl, *mode, bits_of(f, fl));
  }
  size_t n = 0;
  /* counting sort by first byte */
  uint16_t cnt[256] = {0};
  for (int pass = 0; pass < 2; pass++) {
    uint16_t pos[256];
    if (pass == 1) {
      uint16_t acc = 0;
      for (int b = 0; b < 256; b++) {
        bucket_start[b] = acc;
        pos[b] = acc;
        acc = (uint16_t)(acc + cnt[b]);
      }
      bucket_start[256] = acc;
    }
    for (size_t i = 0; i < t->n; i++) {
      const char *e = t->v[i], *mode, *f;
      size_t kl = strcspn(e, "|");
      size_t fl = cr_table_field(e, 1, &f);
      if (!cr_table_field(e, 2, &mode) || *mode != 's' || kl == 0 || kl > 255)
        continue;
      unsigned char b = (unsigned char)e[0];
      if (pass == 0) {
        if (n < MAXPAT)
          cnt[b]++, n++;
      } else if (pos[b] < bucket_start[b] + cnt[b]) {
        pats[pos[b]++] = (pat){e, (uint8_t)kl, bits_of(f, fl)};
      }
    }
  }
}

static uint32_t compute(const char *s) {
  pthread_once(&pats_once, pats_init);
  /* lower-cased copy, capped: class strings past 512 bytes are generated
   * noise (utility classes) whose tail says nothing more */
  char low[512];
  size_t n = 0;
  for (; s[n] && n < sizeof low - 1; n++)
    low[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
  low[n] = 0;
  uint32_t b = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c0 = (unsigned char)low[i];
    for (unsigned k = bucket_start[c0]; k < bucket_start[c0 + 1]; k++)
      if (pats[k].len <= n - i && memcmp(low + i, pats[k].k, pats[k].len) == 0)
        b |= pats[k].bits;
  }
  /* whole tokens: split at non-alphanumerics and lower-to-upper changes */
  size_t i = 0, len = n;
  while (i < len) {
    while (i < len && !is_alnum((unsigned char)s[i]))
      i++;
    size_t st = i;
    while (i < len && is_alnum((unsigned char)s[i])) {
      if (i > st && s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' &&
          s[i - 1] <= 'z')
        break;
      i++;
    }
    if (i > st)
      b |= word_bits(low + st, i - st, 'w');
  }
  /* whole class names and their last '-'/'_' part */
  i = 0;
  while (i < len) {
    while (i < len && low[i] == ' ')
      i++;
    size_t st = i;
    while (i < len && low[i] != ' ')
      i++;
    size_t e = i, last = st;
    for (size_t k = st; k < e; k++)
      if (low[k] == '-' || low[k] == '_')
        last = k + 1;
    if (e > st)
      b |= word_bits(low + st, e - st, 'c');
    if (last > st && e > last)
      b |= word_bits(low + last, e - last, 'c');
  }
  return b;
}

uint32_t cr_sem_of(cr_semcache *c, const char *s) {
  if (!s || !*s)
    return 0;
  size_t n = strlen(s);
  if (!c)
    return compute(s);
  uint64_t h = cr_hash64(s, n) | 1;
  size_t i = (size_t)(h & (SEMCACHE_SLOTS - 1));
  for (size_t probe = 0; probe < 16; probe++) {
    slot *sl = &c->s[(i + probe) & (SEMCACHE_SLOTS - 1)];
    if (sl->used && sl->h == h)
      return sl->bits;
    if (!sl->used) {
      uint32_t b = compute(s);
      if (c->n < SEMCACHE_SLOTS / 2) {
        sl->used = 1;
        sl->h = h;
        sl->bits = b;
        c->n++;
      }
      return b;
    }
  }
  return compute(s);
}

/* ---- boilerplate lines --------------------------------------------------*/

size_t cr_count_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int a = is_alnum(c) || c >= 0x80 || c == '\'';
    /* UTF-8 punctuation (quotes, dashes) counts as letters here: harmless */
    if (a && !in)
      w++;
    in = a;
  }
  return w;
}

static int starts_ci(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && cr_ascii_ieq(s, k, p);
}

static const char *find_ci(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  for (size_t i = 0; i + k <= n; i++)
    if (cr_ascii_ieq(s + i, k, p))
      return s + i;
  return NULL;
}

static int ends_ci(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && cr_ascii_ieq(s + n - k, k, p);
}

/* A line made only of separators: "———", "* * *", "/", "|", "•". */
static int only_marks(const char *s, size_t n) {
  if (!n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_alnum(c))
      return 0;
    if (c >= 0x80) {
      /* letters of other scripts are words; dashes, bullets and the like
       * (U+2010..U+2027, U+2500.., U+25xx) are marks */
      if (c == 0xE2 && i + 1 < n &&
          ((unsigned char)s[i + 1] == 0x80 || (unsigned char)s[i + 1] == 0x94 ||
           (unsigned char)s[i + 1] == 0x96 ||
           (unsigned char)s[i + 1] == 0x97)) {
        i += 2;
        continue;
      }
      if (c == 0xC2 && i + 1 < n &&
          ((unsigned char)s[i + 1] == 0xB7 ||
           (unsigned char)s[i + 1] == 0xA0)) {
        i += 1;
        continue;
      }
      return 0;
    }
  }
  return 1;
}

/* "3 min read", "RksNews 3 Min Read", "5 minute read", "Reading time: 4 min" */
static int reading_time(const char *s, size_t n, size_t words) {
  if (words > 6)
    return 0;
  if (ends_ci(s, n, " min read") || ends_ci(s, n, " mins read") ||
      ends_ci(s, n, " minute read") || ends_ci(s, n, " minutes read") ||
      ends_ci(s, n, "-minute read") || ends_ci(s, n, " min. read"))
    return 1;
  return starts_ci(s, n, "reading time") ||
         starts_ci(s, n, "estimated reading");
}

/* "News / World", "Home > Politics > Europe", "Current News /" */
static int breadcrumb(const char *s, size_t n, size_t words) {
  if (words > 8)
    return 0;
  int seps = 0;
  for (size_t i = 0; i + 2 < n; i++)
    if (s[i] == ' ' &&
        (s[i + 1] == '/' || s[i + 1] == '>' || s[i + 1] == '|') &&
        s[i + 2] == ' ')
      seps++;
  if (!seps)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '.' || s[i] == ',' || s[i] == '"' || s[i] == '?' || s[i] == '!')
      return 0;
  return 1;
}

static cr_bp_kind credit_line(const char *s, size_t n, size_t words) {
  if (words > 40)
    return CR_BP_NONE;
  if (starts_ci(s, n, "\xC2\xA9") || starts_ci(s, n, "(c) ") ||
      starts_ci(s, n, "copyright ") || starts_ci(s, n, "copyright\xC2\xA9"))
    return CR_BP_CREDIT;
  if (find_ci(s, n, "all rights reserved") ||
      starts_ci(s, n, "distributed by ") ||
      find_ci(s, n, ". distributed by ") || find_ci(s, n, "content agency") ||
      starts_ci(s, n, "this article was originally published") ||
      starts_ci(s, n, "this story was originally published") ||
      starts_ci(s, n, "this article originally appeared") ||
      starts_ci(s, n, "this story originally appeared") ||
      starts_ci(s, n, "this article first appeared") ||
      starts_ci(s, n, "originally published") ||
      starts_ci(s, n, "republished with permission") ||
      starts_ci(s, n, "reprinted with permission"))
    return CR_BP_CREDIT;
  return CR_BP_NONE;
}

static int up(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* Photo credits and captions that end in one: "Photo: Jane Doe / Agency",
 * "(Picture: Agency)", "Volunteers set up beds. Photo: Jane Doe". */
static int photo_credit(const char *s, size_t n, const char *low,
                        size_t words) {
  static const char *const labels[] = {
      "photo:",         "photos:",         "photograph:",   "photographs:",
      "picture:",       "pictures:",       "image:",        "images:",
      "illustration:",  "photo credit:",   "image credit:", "photo by ",
      "photograph by ", "photographs by ", "pictures by "};
  const char *p = s;
  size_t m = n;
  if (m && *p == '(') {
    p++;
    m--;
  }
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    if (starts_ci(p, m, labels[i]))
      return words <= 20;
  if (words > 50)
    return 0;
  /* a caption ending in its credit: the credit is a capitalised label and
   * a few words without a sentence of their own */
  static const char *const mid[] = {
      " photo: ",  " photograph: ", " picture: ",  " image: ",  " photo by ",
      " photos: ", " (photo: ",     " (picture: ", " (image: ", " (photo by "};
  for (size_t i = 0; i < sizeof mid / sizeof *mid; i++) {
    size_t k = strlen(mid[i]);
    for (const char *h = strstr(low, mid[i]); h; h = strstr(h + 1, mid[i])) {
      size_t j = (size_t)(h - low) + 1;
      if (!up((unsigned char)s[j + (s[j] == '(')]))
        continue;
      const char *t = s + j + k - 1;
      size_t tl = n - (j + k - 1);
      if (cr_count_words(t, tl) > 6)
        continue;
      int dot = 0;
      for (size_t x = 0; x + 1 < tl; x++)
        if ((t[x] == '.' || t[x] == '!' || t[x] == '?') && t[x + 1] == ' ')
          dot = 1;
      if (!dot)
        return 1;
    }
  }
  return 0;
}

/* "Tags: Politics, Europe, Elections", "Topics: ..." */
static int tag_list(const char *s, size_t n, size_t words) {
  static const char *const heads[] = {
      "tags:",       "tags ",     "topics:",      "keywords:",
      "categories:", "category:", "filed under:", "more on:"};
  if (words > 30)
    return 0;
  int h = 0;
  for (size_t i = 0; i < sizeof heads / sizeof *heads && !h; i++)
    h = starts_ci(s, n, heads[i]) &&
        (heads[i][strlen(heads[i]) - 1] == ':' || memchr(s, ',', n) != NULL);
  if (!h)
    return 0;
  /* a list, not a sentence: no ". " inside, no final period after a bare
   * "Tags " */
  if (cr_ascii_ieq(s, 5, "tags ") && s[n - 1] == '.')
    return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ')
      return 0;
  return 1;
}

/* Capitalised words (names, places) joined by spaces, hyphens, apostrophes
 * and a few lower-case particles; at most `maxw` words. */
static int name_run(const char *s, size_t n, size_t maxw) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ')
      i++;
    if (i >= n)
      break;
    size_t st = i;
    while (i < n && s[i] != ' ')
      i++;
    size_t l = i - st;
    w++;
    unsigned char c = (unsigned char)s[st];
    int particle =
        (l == 2 &&
         (cr_ascii_ieq(s + st, 2, "in") || cr_ascii_ieq(s + st, 2, "de") ||
          cr_ascii_ieq(s + st, 2, "of"))) ||
        (l == 3 &&
         (cr_ascii_ieq(s + st, 3, "and") || cr_ascii_ieq(s + st, 3, "the") ||
          cr_ascii_ieq(s + st, 3, "van") || cr_ascii_ieq(s + st, 3, "von")));
    if (!(up(c) || c >= 0xC3 || particle))
      return 0;
  }
  return w >= 1 && w <= maxw;
}

/* Sign-offs crediting the reporter: "Example Radio's Jane Doe reported from
 * Kyiv.", "John Roe in London contributed to this report." */
static int signoff(const char *s, size_t n, const char *low, size_t words) {
  if (words > 20 || n < 10 || s[n - 1] != '.' || !up((unsigned char)s[0]))
    return 0;
  static const char *const verbs[] = {" reported from ",
                                      " reports from ",
                                      " contributed to this report",
                                      " contributed reporting",
                                      " contributed to this story",
                                      " contributed to this article"};
  for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
    const char *v = strstr(low, verbs[i]);
    if (!v)
      continue;
    v = s + (v - low);
    size_t k = strlen(verbs[i]);
    /* who: a name, possibly "Outlet's Name"; where: a place */
    size_t wl = (size_t)(v - s);
    const char *where = v + k;
    size_t rl = (size_t)(s + n - 1 - where);
    if (verbs[i][1] == 'r' && !name_run(where, rl, 5))
      continue;
    if (verbs[i][1] == 'c' && rl > 1)
      continue;
    cr_buf b;
    cr_buf_init(&b, 256);
    /* "'s" (straight or curly) splits outlet and reporter */
    for (size_t x = 0; x < wl; x++) {
      if (s[x] == '\'' && x + 1 < wl && s[x + 1] == 's') {
        x++;
        continue;
      }
      if (x + 3 < wl && (unsigned char)s[x] == 0xE2 &&
          (unsigned char)s[x + 1] == 0x80 && (unsigned char)s[x + 2] == 0x99 &&
          s[x + 3] == 's') {
        x += 3;
        continue;
      }
      cr_buf_putc(&b, s[x] == ',' ? ' ' : s[x]);
    }
    int ok = b.data && name_run(b.data, b.len, 8);
    cr_buf_clear(&b);
    if (ok)
      return 1;
  }
  return 0;
}

/* "Read the full story at Example News.", "Continue reading on Example" */
static int source_line(const char *s, size_t n, size_t words) {
  static const char *const heads[] = {"read the full story at ",
                                      "read the full story on ",
                                      "read the full article at ",
                                      "read the full article on ",
                                      "read the original story at ",
                                      "read the original article at ",
                                      "read the original at ",
                                      "read more at ",
                                      "continue reading at ",
                                      "continue reading on ",
                                      "full story at ",
                                      "full story on ",
                                      "read the full story from ",
                                      "read full story at "};
  if (words > 15)
    return 0;
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
    if (starts_ci(s, n, heads[i]))
      return 1;
  return 0;
}

/* Promos for the outlet's other media: "Listen to Jane Doe's full report
 * on Morning Radio, from 7 a.m.", "Watch the full interview on ..." */
static int media_promo(const char *s, size_t n, const char *low, size_t words) {
  if (words > 25)
    return 0;
  if (!(starts_ci(s, n, "listen to ") || starts_ci(s, n, "watch ") ||
        starts_ci(s, n, "hear ") || starts_ci(s, n, "listen ")))
    return 0;
  static const char *const objs[] = {" full ",   " report",   "interview",
                                     "episode",  "podcast",   "programme",
                                     " program", "broadcast", " live "};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
    if (strstr(low, objs[i]))
      return 1;
  return 0;
}

/* The outlet asking for money: "Example News is funded by its readers." */
static int funding_appeal(const char *low, size_t words) {
  /* how the outlet describes itself: specific enough anywhere */
  static const char *const self[] = {"funded by its readers",
                                     "funded by our readers",
                                     "supported by its readers",
                                     "supported by our readers",
                                     "is reader-funded",
                                     "are reader-funded",
                                     "made possible by readers like you"};
  /* imperatives: only where a sentence starts ("The fund will support
   * independent journalism" is news) */
  static const char *const asks[] = {
      "support our ",       "support us",
      "please support ",    "donate to ",
      "donate now",         "make a donation to us",
      "become a supporter", "support independent journalism"};
  if (words > 60)
    return 0;
  for (size_t i = 0; i < sizeof self / sizeof *self; i++)
    if (strstr(low, self[i]))
      return 1;
  for (size_t i = 0; i < sizeof asks / sizeof *asks; i++)
    for (const char *h = strstr(low, asks[i]); h; h = strstr(h + 1, asks[i]))
      if (h == low || (h >= low + 2 && h[-1] == ' ' &&
                       (h[-2] == '.' || h[-2] == '!' || h[-2] == '?')))
        return 1;
  return 0;
}

int cr_arrow_end(const char *s, size_t n) {
  if (n < 3)
    return 0;
  const unsigned char *e = (const unsigned char *)s + n - 3;
  return e[0] == 0xE2 && ((e[1] == 0x86 && e[2] == 0x92) || /* → */
                          (e[1] == 0x80 && e[2] == 0xBA) || /* › */
                          (e[1] == 0x96 && (e[2] == 0xB8 || e[2] == 0xBA)) ||
                          (e[1] == 0x9E && (e[2] == 0x94 || e[2] == 0x9C)));
}

/* Calls to action: "Verify the accuracy of this article using ...",
 * "Sign up for our newsletter", "Download our app". */
int cr_cta_line(const char *s, size_t n, size_t words) {
  static const char *const verbs[] = {
      "verify ",   "check ",     "sign up",       "subscribe", "download ",
      "follow ",   "click ",     "tap ",          "join ",     "get ",
      "try ",      "support ",   "donate",        "register ", "share ",
      "like us",   "read more",  "see more",      "watch ",    "listen ",
      "become a ", "learn more", "find out more", "discover ", "compare "};
  static const char *const objs[] = {
      "this article", "this story", "this post",  "this page",    "our ",
      " us ",         " us.",       "newsletter", " app",         "podcast",
      "today",        "for free",   " here",      "subscription", "sources",
      "the accuracy", "this report"};
  if (words > 30)
    return 0;
  if (cr_arrow_end(s, n))
    return 1;
  int v = 0;
  for (size_t i = 0; i < sizeof verbs / sizeof *verbs && !v; i++)
    v = starts_ci(s, n, verbs[i]);
  if (!v)
    return 0;
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) {
    size_t k = strlen(objs[i]);
    for (size_t j = 0; j + k <= n; j++)
      /* whole words: "our " is not the end of "your " */
      if (cr_ascii_ieq(s + j, k, objs[i]) &&
          (objs[i][0] == ' ' || j == 0 || !is_alnum((unsigned char)s[j - 1])))
        return 1;
  }
  return 0;
}

static cr_bp_kind phrase_kind(const char *s, size_t n);

/* A short line whose last sentence is a UI phrase of two or more words:
 * "We summarise the news with software. Report an error." */
static int ui_tail(const char *s, size_t n, size_t words) {
  if (words > 40 || words < 4)
    return 0;
  size_t e = n;
  while (e && (s[e - 1] == '.' || s[e - 1] == ' '))
    e--;
  size_t b = e;
  while (b > 1 && !((s[b - 2] == '.' || s[b - 2] == '!' || s[b - 2] == '?') &&
                    s[b - 1] == ' '))
    b--;
  if (b <= 1)
    return 0;
  return cr_count_words(s + b, e - b) >= 2 &&
         phrase_kind(s + b, e - b) == CR_BP_UI;
}

cr_bp_kind cr_boilerplate_line(const char *s, size_t n) {
  while (n && (unsigned char)*s <= ' ') {
    s++;
    n--;
  }
  while (n && (unsigned char)s[n - 1] <= ' ')
    n--;
  if (!n)
    return CR_BP_NONE;
  if (only_marks(s, n))
    return CR_BP_UI;
  size_t words = cr_count_words(s, n);
  cr_bp_kind k = credit_line(s, n, words);
  if (k)
    return k;
  if (s[0] == '(' && s[n - 1] == ')' && words <= 40 &&
      (starts_ci(s, n, "(with assistance from") ||
       starts_ci(s, n, "(reporting by") ||
       starts_ci(s, n, "(additional reporting") ||
       starts_ci(s, n, "(editing by") || starts_ci(s, n, "(writing by") ||
       starts_ci(s, n, "(compiled by")))
    return CR_BP_ASSIST;
  /* "Published: 10:48, Tue, Nov 19, 2019 | Updated: ...", "Posted on May 2" */
  if (words <= 24 &&
      (starts_ci(s, n, "published") || starts_ci(s, n, "updated") ||
       starts_ci(s, n, "last updated") || starts_ci(s, n, "first published") ||
       starts_ci(s, n, "posted") || starts_ci(s, n, "last modified"))) {
    char iso[32];
    if (cr_date_parse(s, n, 1, iso))
      return CR_BP_UI;
  }
  /* "Read more: <headline>", "SEE MORE: ...", "Related: ..."; alone, the
   * label heads a list of links */
  if (words <= 25 &&
      (starts_ci(s, n, "read more:") || starts_ci(s, n, "see more:") ||
       starts_ci(s, n, "related:") || starts_ci(s, n, "more:") ||
       starts_ci(s, n, "also read:") || starts_ci(s, n, "read also:") ||
       starts_ci(s, n, "read next:") || starts_ci(s, n, "see also:") ||
       starts_ci(s, n, "watch:") || starts_ci(s, n, "related article:") ||
       starts_ci(s, n, "related story:") || starts_ci(s, n, "don't miss:") ||
       starts_ci(s, n, "recommended:")))
    return s[n - 1] == ':' ? CR_BP_PROMO : CR_BP_UI;
  /* a link line tagged like "Headline here [VIDEO]" or "[PICTURES]|" */
  if (words <= 20) {
    size_t e = n;
    while (e && (s[e - 1] == '|' || s[e - 1] == ' '))
      e--;
    if (e > 6 && s[e - 1] == ']') {
      size_t b = e - 1, caps = 0;
      while (b && s[b - 1] != '[' && e - b < 16) {
        b--;
        if (s[b] >= 'A' && s[b] <= 'Z')
          caps++;
        else if (s[b] != ' ')
          caps = 0, b = 0;
      }
      if (b && s[b - 1] == '[' && caps >= 4)
        return CR_BP_UI;
    }
  }
  if (words <= 60 && n < 640) {
    /* the longer patterns search a lower-cased copy */
    char low[640];
    for (size_t i = 0; i < n; i++)
      low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    low[n] = 0;
    if (signoff(s, n, low, words))
      return CR_BP_SIGNOFF;
    if (source_line(s, n, words))
      return CR_BP_SOURCE;
    if (photo_credit(s, n, low, words) || tag_list(s, n, words) ||
        media_promo(s, n, low, words) || funding_appeal(low, words) ||
        (words <= 30 && cr_arrow_end(s, n)) || ui_tail(s, n, words))
      return CR_BP_UI;
  }
  if (words > 12)
    return CR_BP_NONE;
  cr_bp_kind pk = phrase_kind(s, n);
  if (pk != CR_BP_NONE)
    return pk;
  if (words <= 8 && find_ci(s, n, "comments powered by"))
    return CR_BP_COMMENTS;
  if (reading_time(s, n, words) || breadcrumb(s, n, words))
    return CR_BP_UI;
  if (words <= 8 &&
      (starts_ci(s, n, "published in ") || starts_ci(s, n, "posted in ") ||
       starts_ci(s, n, "filed under") || starts_ci(s, n, "posted under ") ||
       starts_ci(s, n, "share on ") || starts_ci(s, n, "follow us on ") ||
       starts_ci(s, n, "listen to this") || starts_ci(s, n, "listen to the ")))
    return CR_BP_UI;
  return CR_BP_NONE;
}

/* The exact phrases of data/extract_phrases.txt: lower case, final ':' '.'
 * and counts "(12)" removed; a count also allowed in front of or after a
 * comment head ("10 Comments", "Comments 10"). */
static cr_bp_kind phrase_kind(const char *s, size_t n) {
  char low[96];
  size_t m = n;
  if (m >= sizeof low)
    return CR_BP_NONE;
  for (size_t i = 0; i < m; i++)
    low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  /* curly apostrophes read as straight ones: "readers’ comments" */
  size_t w = 0;
  for (size_t i = 0; i < m; i++) {
    if (i + 2 < m && (unsigned char)low[i] == 0xE2 &&
        (unsigned char)low[i + 1] == 0x80 &&
        (unsigned char)low[i + 2] == 0x99) {
      low[w++] = '\'';
      i += 2;
      continue;
    }
    low[w++] = low[i];
  }
  m = w;
  while (m && (low[m - 1] == ':' || low[m - 1] == '.' || low[m - 1] == ' '))
    m--;
  if (m && low[m - 1] == ')') {
    size_t j = m - 1;
    while (j && low[j - 1] >= '0' && low[j - 1] <= '9')
      j--;
    if (j && low[j - 1] == '(' && j < m - 1) {
      m = j - 1;
      while (m && low[m - 1] == ' ')
        m--;
    }
  }
  size_t d = 0;
  while (d < m && low[d] >= '0' && low[d] <= '9')
    d++;
  size_t st = d && d < m && low[d] == ' ' ? d + 1 : 0;
  size_t e = m;
  if (!st) {
    while (e && low[e - 1] >= '0' && low[e - 1] <= '9')
      e--;
    if (e < m && e && low[e - 1] == ' ')
      e--;
    else
      e = m;
  }
  const char *hit = cr_table_find(&cr_tab_extract_phrases, low + st, e - st);
  if (!hit)
    return CR_BP_NONE;
  const char *f;
  cr_table_field(hit, 1, &f);
  if (*f == 'C')
    return CR_BP_COMMENTS;
  if (st || e < m) /* a count in front of a non-comment phrase: text */
    return CR_BP_NONE;
  return *f == 'P' ? CR_BP_PROMO : CR_BP_UI;
}

/* ---- names in copyright lines -------------------------------------------*/

char *cr_copyright_owner(cr_arena *a, const char *s, size_t n) {
  const char *p = s, *e = s + n;
  /* the mark: "©", "(c)", "Copyright", in any order and number */
  int mark = 0;
  for (;;) {
    while (p < e && (*p == ' ' || *p == ','))
      p++;
    if (e - p >= 2 && (unsigned char)p[0] == 0xC2 &&
        (unsigned char)p[1] == 0xA9) {
      p += 2;
      mark = 1;
    } else if (e - p >= 3 && cr_ascii_ieq(p, 3, "(c)")) {
      p += 3;
      mark = 1;
    } else if (e - p >= 9 && cr_ascii_ieq(p, 9, "copyright")) {
      p += 9;
      mark = 1;
    } else if (p < e && *p >= '0' && *p <= '9') {
      /* years and ranges: "2026", "2010-2026", "2010–2026" */
      while (p < e && ((*p >= '0' && *p <= '9') || *p == '-'))
        p++;
      if (e - p >= 3 && (unsigned char)p[0] == 0xE2 &&
          (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x93)
        p += 3;
    } else {
      break;
    }
  }
  if (!mark)
    return NULL;
  /* the name runs to the end of its sentence, a comma or a separator */
  const char *q = p;
  while (q < e) {
    if ((*q == '.' || *q == '!' || *q == '?') && (q + 1 == e || q[1] == ' '))
      break;
    if (*q == ',' || *q == '|' || *q == ';' || *q == '(')
      break;
    if (q + 3 <= e && q[0] == ' ' && q[1] == '-' && q[2] == ' ')
      break;
    if (e - q >= 4 && (unsigned char)q[1] == 0xE2 && q[0] == ' ' &&
        (unsigned char)q[2] == 0x80 &&
        ((unsigned char)q[3] == 0x93 || (unsigned char)q[3] == 0x94))
      break;
    if (e - q >= 11 && cr_ascii_ieq(q, 11, " all rights"))
      break;
    q++;
  }
  /* company suffixes go: "Ltd", "L.P", "Inc", "LLC", "plc" */
  static const char *const suff[] = {"ltd",  "limited", "llc",  "lp", "llp",
                                     "inc",  "plc",     "gmbh", "sa", "ag",
                                     "corp", "co",      "pty",  "bv", "nv"};
  for (int again = 1; again;) {
    again = 0;
    while (q > p && (q[-1] == ' ' || q[-1] == '.'))
      q--;
    const char *w = q;
    while (w > p && w[-1] != ' ')
      w--;
    char low[12];
    size_t k = 0;
    for (const char *x = w; x < q && k < sizeof low - 1; x++)
      if (*x != '.')
        low[k++] = (char)(*x >= 'A' && *x <= 'Z' ? *x + 32 : *x);
    low[k] = 0;
    for (size_t i = 0; i < sizeof suff / sizeof *suff && w > p; i++)
      if (!strcmp(low, suff[i])) {
        q = w;
        again = 1;
        break;
      }
  }
  while (q > p && q[-1] == ' ')
    q--;
  size_t words = cr_count_words(p, (size_t)(q - p));
  if (words < 1 || words > 6 ||
      !(up((unsigned char)*p) || (unsigned char)*p >= 0xC3))
    return NULL;
  return cr_clean_dup(a, p, (size_t)(q - p));
}
