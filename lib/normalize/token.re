/* token.re -- cr_tokenize: the text core's tokenizer, an re2c scanner over
 * UTF-8. Words of any script (with inner apostrophes and hyphens), numbers
 * with currency and suffixes, dates, times, abbreviations, URLs, e-mails,
 * handles, and punctuation that knows its quote direction. Used by the
 * sentence splitter and through it by the normalize stage; the rules are
 * listed in docs/text-core.md ("Tokens"). Built with re2c -8. */
#include <string.h>
#include <utf8proc.h>

#include "normalize/lexicon.h"
#include "normalize/normalize.h"

/*!include:re2c "unicode_categories.re" */

typedef struct tz {
  const unsigned char *base, *lim;
  cr_token_fn emit;
  void *ud;
  int open1; /* single quotes opened and not closed yet */
} tz;

static uint32_t cp_at(const tz *z, const unsigned char *p) {
  if (p >= z->lim)
    return 0;
  int n;
  return cr_utf8_decode((const char *)p, (const char *)z->lim, &n);
}

/* the code point that ends just before p; 0 at the start */
static uint32_t cp_before(const tz *z, const unsigned char *p) {
  if (p <= z->base)
    return 0;
  const unsigned char *q = p - 1;
  while (q > z->base && (*q & 0xC0) == 0x80 && p - q < 4)
    q--;
  int n;
  return cr_utf8_decode((const char *)q, (const char *)p, &n);
}

static int is_space_cp(uint32_t cp) {
  if (cp < 0x80)
    return cp == 0 || cp == ' ' || (cp >= '\t' && cp <= '\r');
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP;
}

/* letters, digits and closing marks: what a word or a closed phrase ends in */
static int is_closed_cp(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
           cp == ')' || cp == ']' || cp == '}' || cp == '%' || cp == '.' ||
           cp == '!' || cp == '?' || cp == ',';
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PF:
    return 1;
  default:
    return cp == 0x2026;
  }
}

/* CAP, UPPER, DIGIT (and HYPHEN for words) of the token s..e */
static unsigned tok_flags(const unsigned char *s, const unsigned char *e,
                          int kind) {
  unsigned f = 0;
  int letters = 0, uppers = 0;
  for (const unsigned char *p = s; p < e;) {
    unsigned c = *p;
    int n = 1;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        if (!letters)
          f |= CR_TF_CAP;
        letters++;
        uppers++;
      } else if (c >= 'a' && c <= 'z') {
        letters++;
      } else if (c >= '0' && c <= '9') {
        f |= CR_TF_DIGIT;
      } else if (c == '-' && kind == CR_TOK_WORD && p > s && p + 1 < e) {
        f |= CR_TF_HYPHEN;
      }
    } else {
      uint32_t cp = cr_utf8_decode((const char *)p, (const char *)e, &n);
      switch (utf8proc_category((utf8proc_int32_t)cp)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LT:
        if (!letters)
          f |= CR_TF_CAP;
        letters++;
        uppers++;
        break;
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        letters++;
        break;
      case UTF8PROC_CATEGORY_ND:
        f |= CR_TF_DIGIT;
        break;
      case UTF8PROC_CATEGORY_PD:
        if (kind == CR_TOK_WORD && p > s && p + n < e)
          f |= CR_TF_HYPHEN;
        break;
      default:
        break;
      }
    }
    p += n;
  }
  if (uppers >= 2 && uppers == letters)
    f |= CR_TF_UPPER;
  return f;
}

/* Bytes after which no rule continues an ASCII word (see the fast path). */
static const unsigned char word_end[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, [','] = 1, [';'] = 1,
    ['!'] = 1,  ['?'] = 1,  [')'] = 1,  [']'] = 1, ['}'] = 1, ['"'] = 1};

static int put(tz *z, const unsigned char *s, const unsigned char *e, int kind,
               unsigned extra) {
  unsigned f = extra;
  if (kind != CR_TOK_PUNCT && kind != CR_TOK_SYMBOL)
    f |= tok_flags(s, e, kind);
  return z->emit(z->ud, (uint32_t)(s - z->base), (uint32_t)(e - s), kind, f);
}

/* Flags of an ASCII quote (" or ') from its neighbours: it opens when it
 * follows white space, an opening mark or the start, and precedes a
 * non-space. */
static unsigned quote_dir(tz *z, const unsigned char *s,
                          const unsigned char *e) {
  uint32_t pc = cp_before(z, s), nc = cp_at(z, e);
  int open = !is_closed_cp(pc) && !is_space_cp(nc);
  return CR_TF_QUOTE | (open ? CR_TF_OPEN : CR_TF_CLOSE);
}

/* Flags of a typographic quote whose usual direction is `open` (1 for “ ‘,
 * 0 for ” ’): its neighbours decide when they are clear (German „de“
 * closes with “), the usual direction when they are not (« French »
 * style spaces on both sides). */
static unsigned curly_dir(tz *z, const unsigned char *s,
                          const unsigned char *e, int open) {
  uint32_t pc = cp_before(z, s), nc = cp_at(z, e);
  int pclosed = is_closed_cp(pc), nspace = is_space_cp(nc);
  if (pclosed && nspace)
    open = 0;
  else if (!pclosed && !nspace)
    open = 1;
  return CR_TF_QUOTE | (open ? CR_TF_OPEN : CR_TF_CLOSE);
}

/* only white space between p and the end of the text */
static int at_end(const tz *z, const unsigned char *p) {
  while (p < z->lim && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  return p >= z->lim;
}

/* a digit follows p after spaces: "No. 5", "pp. 10-12" */
static int number_follows(const tz *z, const unsigned char *p) {
  while (p < z->lim && *p == ' ')
    p++;
  return p < z->lim && *p >= '0' && *p <= '9';
}

/* A word of ASCII letters (or one letter of any script) and a period, s..e:
 * one ABBREV when the lexicon or its shape says so, else the word alone
 * (the period is scanned next). Returns where scanning goes on, NULL when
 * emit stopped. */
static const unsigned char *abbr_word(tz *z, const unsigned char *s,
                                      const unsigned char *e) {
  const unsigned char *dot = e - 1;
  int n;
  cr_utf8_decode((const char *)s, (const char *)dot, &n);
  int single = s + n == dot;
  int abbr;
  if (single) {
    /* an initial, unless it ends the text: "Plan B." */
    abbr = !at_end(z, e);
    if (abbr && dot - s == 1) {
      cr_abbr_class c = cr_lexicon_abbrev((const char *)s, 1);
      abbr = c != CR_AB_NUM || number_follows(z, e);
    }
  } else {
    cr_abbr_class c = cr_lexicon_abbrev((const char *)s, (size_t)(dot - s));
    abbr = c != CR_AB_NONE && (c != CR_AB_NUM || number_follows(z, e));
  }
  if (abbr)
    return put(z, s, e, CR_TOK_ABBREV, 0) ? NULL : e;
  return put(z, s, dot, CR_TOK_WORD, 0) ? NULL : dot;
}

static int isalnum_ascii(unsigned c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* a letter in s..e: an ASCII one, or any non-ASCII character (the word
 * rule only takes letters, marks and digits) */
static int has_letter(const unsigned char *s, const unsigned char *e) {
  for (; s < e; s++)
    if (*s >= 0x80 || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
      return 1;
  return 0;
}

/* The host of a bare domain (s..e, "example.com/path") ends in a common
 * top-level domain. A short list on purpose: "end.It" or "is.so" written
 * without a space must stay words. */
static int known_tld(const unsigned char *s, const unsigned char *e) {
  static const char *const tld[] = {
      "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io",
      "co",  "uk",  "eu",  "de",  "fr",  "ru",  "ua",  "by",   "pl",  "ca",
      "au",  "cn",  "jp",  "nl",  "es",  "ch",  "se",  "dk",   "fi",  "ie",
      "nz",  "za",  "br",  "mx",  "kr",  "tv",  "news", "lt",  "lv",  "ee",
      "cz",  "sk",  "hu",  "ro",  "bg",  "gr",  "pt",  "il",   "tr",  "ge",
      "kz",  "md"};
  const unsigned char *h = memchr(s, '/', (size_t)(e - s));
  h = h ? h : e;
  const unsigned char *d = h;
  while (d > s && d[-1] != '.')
    d--;
  size_t n = (size_t)(h - d);
  char low[4];
  /* "Agency.Com": three-letter domains in any case, two-letter ones
   * ("De", "Co") in lower case only */
  for (size_t i = 0; i < n && i < 4; i++)
    low[i] = (char)(n >= 3 ? d[i] | 0x20 : d[i]);
  for (size_t i = 0; i < sizeof tld / sizeof *tld; i++)
    if (strlen(tld[i]) == n && memcmp(tld[i], low, n) == 0)
      return 1;
  return 0;
}

/* A word match s..e: a WORD, or when it holds no letter ("10-15",
 * "737-800") its numbers and hyphens, all at once (a rescan from the
 * middle would make long runs quadratic). */
static int plain(tz *z, const unsigned char *s, const unsigned char *e) {
  if (has_letter(s, e))
    return put(z, s, e, CR_TOK_WORD, 0);
  while (s < e) {
    const unsigned char *p = s;
    if (*p == '-') {
      while (p < e && *p == '-')
        p++;
      if (put(z, s, p, CR_TOK_PUNCT, 0))
        return -1;
    } else {
      while (p < e && *p != '-')
        p++;
      if (put(z, s, p, CR_TOK_NUMBER, 0))
        return -1;
    }
    s = p;
  }
  return 0;
}

/* A dotted run s..e that is no host name ("world.Today", "Mr.Smith",
 * "abc.def.ghijk"): every label but the last with its period, as words,
 * numbers or abbreviations. Returns the start of the last label (scanned
 * again), NULL when emit stopped. */
static const unsigned char *labels(tz *z, const unsigned char *s,
                                   const unsigned char *e) {
  const unsigned char *last = s, *p;
  for (p = s; p < e && *p != '/'; p++)
    if (*p == '.')
      last = p + 1;
  while (s < last) {
    const unsigned char *dot = memchr(s, '.', (size_t)(last - s)), *q = s;
    while (q < dot && ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z'))
      q++;
    if (q == dot) { /* letters: maybe "Mr." */
      q = abbr_word(z, s, dot + 1);
      if (!q)
        return NULL;
    } else {
      if (plain(z, s, dot))
        return NULL;
      q = dot;
    }
    if (q == dot) {
      if (put(z, dot, dot + 1, CR_TOK_PUNCT, CR_TF_TERM))
        return NULL;
      q = dot + 1;
    }
    s = q;
  }
  return last;
}

/* Bytes of the local part of an e-mail address. */
static const unsigned char local_char[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1,
    ['%'] = 1, ['+'] = 1, ['-'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1,
    ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1,
    ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1,
    ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
    ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1,
    ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
    ['Z'] = 1};

/* The end of the e-mail address that starts at s (local@host.tld), or
 * NULL. Kept apart from the main scanner: there a local part could run on
 * for long before an "@" proves or disproves it, and the scan would start
 * again from every token inside such a run. Here the local part is capped
 * at 64 bytes (RFC 5321) and tried only when an "@" is that close. */
static const unsigned char *email_end(const unsigned char *s,
                                      const unsigned char *lim) {
  const unsigned char *q = s, *qe = lim - s > 65 ? s + 65 : lim;
  while (q < qe && local_char[*q])
    q++;
  if (q == s || q >= qe || *q != '@')
    return NULL;
  const unsigned char *cur = s, *mar = s;
  /*!re2c
  re2c:api = custom;
  re2c:api:style = free-form;
  re2c:define:YYCTYPE = "unsigned char";
  re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
  re2c:define:YYSKIP = "++cur;";
  re2c:define:YYBACKUP = "mar = cur;";
  re2c:define:YYRESTORE = "cur = mar;";
  re2c:yyfill:enable = 0;
  re2c:indent:string = "  ";

  [A-Za-z0-9._%+\-]+ "@" [A-Za-z0-9\-]+ ("." [A-Za-z0-9\-]+)* "." [A-Za-z]+ {
    return cur;
  }
  * { return NULL; }
  */
}

int cr_tokenize(const char *text, size_t len, cr_token_fn emit, void *ud) {
  tz z = {(const unsigned char *)text, (const unsigned char *)text + len,
          emit, ud, 0};
  const unsigned char *cur = z.base, *lim = z.lim, *mar = cur, *tok;
#define PUT(s, e, k, x)                                                        \
  do {                                                                         \
    if (put(&z, (s), (e), (k), (x)))                                           \
      return -1;                                                               \
  } while (0)
  for (;;) {
    while (cur < lim && *cur == ' ')
      cur++;
    tok = cur;
    if (cur >= lim)
      return 0;
    /* Fast path: a word of ASCII letters that ends in white space or plain
     * punctuation is a WORD whatever the rules below say (none of them goes
     * on past such a byte); everything else goes to the scanner. */
    if (((*cur | 0x20) >= 'a' && (*cur | 0x20) <= 'z')) {
      const unsigned char *p = cur;
      unsigned upper = 0, lower = 0;
      for (; p < lim; p++) {
        unsigned c = *p;
        if (c >= 'a' && c <= 'z')
          lower++;
        else if (c >= 'A' && c <= 'Z')
          upper++;
        else
          break;
      }
      if (p == lim || word_end[*p]) {
        unsigned f = (*cur <= 'Z' ? CR_TF_CAP : 0) |
                     (!lower && upper >= 2 ? CR_TF_UPPER : 0);
        if (z.emit(z.ud, (uint32_t)(tok - z.base), (uint32_t)(p - tok),
                   CR_TOK_WORD, f))
          return -1;
        cur = p;
        continue;
      }
    }
    if (isalnum_ascii(*cur)) {
      const unsigned char *e = email_end(cur, lim);
      if (e) {
        PUT(tok, e, CR_TOK_EMAIL, 0);
        cur = e;
        continue;
      }
    }
    /*!re2c
    re2c:api = custom;
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
    re2c:define:YYSKIP = "++cur;";
    re2c:define:YYBACKUP = "mar = cur;";
    re2c:define:YYRESTORE = "cur = mar;";
    re2c:yyfill:enable = 0;
    re2c:indent:string = "  ";

    // Past the end YYPEEK reads 0: no rule but the one-character ones may
    // match U+0000, so the scanner never moves more than one byte past lim.
    space  = [\x01-\x20\x7f] | [\x80-\x9f\u00a0\u00ad\u061c\u1680\u180e]
           | [\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff];
    // punctuation outside ASCII (the rest of the non-word characters are
    // symbols); brackets of Unicode's Ps/Pe that occur in text
    upunct = [\u00a1\u00a7\u00b6\u00b7\u00bf\u037e\u0387\u055a-\u055f]
           | [\u0589\u05be\u05c0\u05c3\u05c6\u05f3\u05f4\u060c\u061b]
           | [\u066a-\u066d\u1361-\u1368\u17d4-\u17d6\u1800-\u180a]
           | [\u2010-\u2027\u2030-\u205e\u2e00-\u2e7f\u3001-\u3003]
           | [\u3008-\u3011\u3014-\u301f\u30fb\ufe10-\ufe19\ufe30-\ufe52]
           | [\ufe54-\ufe61\ufe63\ufe68\ufe6a\ufe6b\uff01-\uff03]
           | [\uff05-\uff0a\uff0c-\uff0f\uff1a\uff1b\uff1f\uff20\uff3b-\uff3d]
           | [\uff3f\uff5b\uff5d\uff5f-\uff65];
    obrack = [\u2045\u207d\u208d\u2329\u3008\u300a\u3010\u3014\u3016]
           | [\u3018\u301a\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62];
    cbrack = [\u2046\u207e\u208e\u232a\u3009\u300b\u3011\u3015\u3017]
           | [\u3019\u301b\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63];
    // Non-ASCII word characters: every code point outside the blocks of
    // punctuation, symbols and spaces (and a few script punctuation marks
    // inside letter blocks). Letters, marks and digits of any script count
    // as letters here; exact categories would make the scanner ten times
    // bigger. tok_flags uses the real categories for CAP/UPPER/DIGIT.
    wx     = [\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba]
           | [\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u0386]
           | [\u0388-\u0588\u058a-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5]
           | [\u05c7-\u05f2\u05f5-\u060b\u060d-\u061a\u061c-\u061e]
           | [\u0620-\u0669\u066e-\u06d3\u06d5-\u0963\u0966-\u0e4e]
           | [\u0e50-\u0e59\u0e5c-\u1360\u1369-\u167f\u1681-\u17d3]
           | [\u17d7-\u17ff\u180b-\u180d\u180f-\u1fff]
           | [\u2c00-\u2dff\u2e80-\u2fff\u3041-\ud7ff\uf900-\ufd3d]
           | [\ufd40-\ufdff\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a]
           | [\uff41-\uff5a\uff66-\uffdc\U00010000-\U0001efff]
           | [\U00020000-\U0003ffff];
    asc    = [a-zA-Z];
    dig    = [0-9];
    letter = [a-zA-Z] | wx;
    alnum  = [a-zA-Z0-9] | wx;
    apos   = "'" | "\u2019";
    hyph   = "-" | "\u2010" | "\u2011";
    wpart  = alnum+ (apos letter+)*;
    word   = wpart (hyph wpart)*;

    numc   = dig+ ([.,] dig+)*;
    money  = [$\u00a3\u20ac\u00a5\u20b9\u20bd\u20a9\u20ba\u20b4\u20a6\u20aa]
           | [A-Z]{1,3} "$";
    number = money? numc ("%" | "\u2030" | asc{1,3})? | dig+ "/" dig+;
    sign   = [+\-] | "\u2212";
    ampm   = 'am' | 'pm' | 'a.m.' | 'p.m.';
    time   = dig{1,2} ":" dig{2} (":" dig{2})? ampm? | dig{1,2} ampm;
    date   = dig{4} [\-/] dig{1,2} [\-/] dig{1,2}
             ("T" dig{2} ":" dig{2} (":" dig{2} ("." dig+)?)?
              ("Z" | [+\-] dig{2} ":"? dig{2})?)?
           | dig{1,2} "/" dig{1,2} "/" (dig{4} | dig{2})
           | dig{1,2} "." dig{1,2} "." dig{4}
           | dig{1,2} "-" dig{1,2} "-" dig{4};

    urlc   = [A-Za-z0-9\-_~/#@$&*+=%] | wx;
    urlp   = [.,:;!?'()[\]];
    url    = ('https://' | 'http://' | 'ftp://' | 'www.') urlc+ (urlp+ urlc+)*;
    lab    = [A-Za-z0-9] ([A-Za-z0-9\-]* [A-Za-z0-9])?;
    bare   = (lab ".")+ [a-zA-Z]{2,4} ("/" urlc* (urlp+ urlc+)*)?;

    oquote = [\u201e\u00ab\u2039\u300c\u300e\u301d];
    cquote = [\u00bb\u203a\u300d\u300f\u301e];
    term   = ([.!?] | "\u2026")+
           | [\u3002\uff01\uff1f\u061f\u06d4\u0964\u0965\u1362\u0589]+;

    space+ { continue; }

    url { PUT(tok, cur, CR_TOK_URL, 0); continue; }
    bare {
      /* a host name ending in a known top-level domain, and where the word
       * ends ("example.community" is not one); else its labels and periods
       * one by one, up to the last label, which is scanned again */
      if ((cur < lim && (isalnum_ascii(*cur) || *cur == '@')) ||
          !known_tld(tok, cur)) {
        cur = labels(&z, tok, cur);
        if (!cur)
          return -1;
      } else {
        PUT(tok, cur, CR_TOK_URL, 0);
      }
      continue;
    }
    date { PUT(tok, cur, CR_TOK_DATE, 0); continue; }
    time { PUT(tok, cur, CR_TOK_TIME, 0); continue; }
    number | apos dig{2} 's' { PUT(tok, cur, CR_TOK_NUMBER, 0); continue; }
    sign number {
      /* a sign only where no word or number ends just before: "-5" but
       * "2-1" is 2, -, 1 */
      if (is_closed_cp(cp_before(&z, tok))) {
        const unsigned char *e = tok + (*tok < 0x80 ? 1 : 3);
        PUT(tok, e, CR_TOK_PUNCT, 0);
        cur = e;
      } else {
        PUT(tok, cur, CR_TOK_NUMBER, 0);
      }
      continue;
    }

    asc{1,2} "." (asc{1,2} ".")+ { PUT(tok, cur, CR_TOK_ABBREV, 0); continue; }
    asc+ "." | letter "." {
      cur = abbr_word(&z, tok, cur);
      if (!cur)
        return -1;
      continue;
    }

    [A-Z]+ "&" [A-Z]+ { PUT(tok, cur, CR_TOK_WORD, 0); continue; }
    word {
      if (plain(&z, tok, cur))
        return -1;
      continue;
    }
    word apos {
      /* "parties' demands": a plural possessive, unless a single quote is
       * open ('the best players') or the quote is doubled ('') */
      const unsigned char *a = cur[-1] == '\'' ? cur - 1 : cur - 3;
      if (z.open1 > 0 || (a[-1] != 's' && a[-1] != 'S') ||
          (cur < lim && *cur == '\'')) {
        PUT(tok, a, CR_TOK_WORD, 0);
        cur = a;
      } else {
        PUT(tok, cur, CR_TOK_WORD, 0);
      }
      continue;
    }
    [@] [A-Za-z0-9_]+ | [#] (letter | "_") (alnum | "_")* {
      PUT(tok, cur, CR_TOK_HANDLE, 0);
      continue;
    }

    "``" { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_QUOTE | CR_TF_OPEN); continue; }
    "''" {
      /* the wire's closing quote, which some writers also open with */
      PUT(tok, cur, CR_TOK_PUNCT, quote_dir(&z, tok, cur));
      continue;
    }
    ["] { PUT(tok, cur, CR_TOK_PUNCT, quote_dir(&z, tok, cur)); continue; }
    ['] | "`" {
      unsigned f = *tok == '`' ? CR_TF_QUOTE | CR_TF_OPEN : quote_dir(&z, tok, cur);
      if (f & CR_TF_OPEN)
        z.open1++;
      else if (z.open1 > 0)
        z.open1--;
      PUT(tok, cur, CR_TOK_PUNCT, f);
      continue;
    }
    [\u2018\u201a\u201b] | "\u2019" {
      /* ‘ ’ ‚ ‛ outside words: single quotes */
      unsigned f = *tok == 0xE2 && tok[2] == 0x99 ? curly_dir(&z, tok, cur, 0)
                                                  : curly_dir(&z, tok, cur, 1);
      if (f & CR_TF_OPEN)
        z.open1++;
      else if (z.open1 > 0)
        z.open1--;
      PUT(tok, cur, CR_TOK_PUNCT, f);
      continue;
    }
    [\u201c\u201f] { PUT(tok, cur, CR_TOK_PUNCT, curly_dir(&z, tok, cur, 1)); continue; }
    "\u201d" { PUT(tok, cur, CR_TOK_PUNCT, curly_dir(&z, tok, cur, 0)); continue; }
    oquote { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_QUOTE | CR_TF_OPEN); continue; }
    cquote { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_QUOTE | CR_TF_CLOSE); continue; }
    [\u00bc-\u00be\u2150-\u215f] { PUT(tok, cur, CR_TOK_NUMBER, 0); continue; }
    [([{] | obrack { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_OPEN); continue; }
    [)\]}] | cbrack { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_CLOSE); continue; }
    term { PUT(tok, cur, CR_TOK_PUNCT, CR_TF_TERM); continue; }
    "-"+ | [!"'(),\-./:;?[\]_{}] | upunct { PUT(tok, cur, CR_TOK_PUNCT, 0); continue; }
    [^] { PUT(tok, cur, CR_TOK_SYMBOL, 0); continue; }
    * { PUT(tok, cur, CR_TOK_SYMBOL, 0); continue; }
    */
  }
#undef PUT
}
