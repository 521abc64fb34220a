/* extract_int.h -- what the modules of the extract stage share: charset
 * handling, class/id semantics, boilerplate phrase rules, metadata helpers
 * and the growable string lists of cr_extract. Private to lib/extract. */
#ifndef CR_EXTRACT_INT_H
#define CR_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dom.h"
#include "extract.h"

/* ---- charset.c ----------------------------------------------------------*/
#define CR_CHARSET_MAX 48
/* The encoding to decode the page with (an iconv name); *skip = BOM bytes. */
const char *cr_charset_detect(const char *b, size_t len, const char *hint,
                              char name[CR_CHARSET_MAX], size_t *skip);
/* Append b converted from cs to UTF-8; bad bytes become U+FFFD, counted in
 * *repaired. 0 ok, -1 out of memory. */
int cr_charset_to_utf8(const char *b, size_t len, const char *cs, cr_buf *out,
                       size_t *repaired);
/* Length of the longest valid UTF-8 prefix. */
size_t cr_utf8_valid_prefix(const char *s, size_t len);
/* a[0..n) equals the NUL-terminated b, ASCII case-insensitively */
int cr_ascii_ieq(const char *a, size_t n, const char *b);

/* ---- boilerplate.c: class/id semantics and phrase rules -----------------*/
enum {
  CR_SEM_POS = 1u << 0, /* content-like */
  CR_SEM_NEG = 1u << 1, /* negative */
  CR_SEM_UNLIKELY = 1u << 2,
  CR_SEM_MAYBE = 1u << 3,
  CR_SEM_SHARE = 1u << 4,
  CR_SEM_COMMENT = 1u << 5,
  CR_SEM_CAPTION = 1u << 6,
  CR_SEM_BYLINE = 1u << 7,
  CR_SEM_RELATED = 1u << 8,
  CR_SEM_NEWSLETTER = 1u << 9,
  CR_SEM_COOKIE = 1u << 10,
  CR_SEM_NAV = 1u << 11,
  CR_SEM_AD = 1u << 12,
  CR_SEM_BODY = 1u << 13, /* article body container */
  CR_SEM_HIDDEN = 1u << 14,
  CR_SEM_TAGS = 1u << 15,
  CR_SEM_DATE = 1u << 16,
  CR_SEM_FOOTER = 1u << 17,
  CR_SEM_SIDEBAR = 1u << 18,
  /* from attributes other than class and id */
  CR_SEM_ROLE_NAV = 1u << 19,   /* role navigation, menu, complementary... */
  CR_SEM_AUTHOR_REL = 1u << 20, /* rel=author, itemprop=author */
  CR_SEM_ITEMBODY = 1u << 21,   /* itemprop=articleBody */
  CR_SEM_INVISIBLE = 1u << 22,  /* hidden, aria-hidden, display:none */
  CR_SEM_EMBED = 1u << 23,      /* an embedded post: tweet, instagram... */
  CR_SEM_LABEL = 1u << 24       /* a section label above the headline */
};

typedef struct cr_semcache cr_semcache;
cr_semcache *cr_semcache_new(cr_arena *a);
/* CR_SEM_* bits of a class or id string (cached per document). */
uint32_t cr_sem_of(cr_semcache *c, const char *s);

/* Whitespace-trimmed line classification used by both HTML and text. */
typedef enum cr_bp_kind {
  CR_BP_NONE = 0,
  CR_BP_UI,       /* UI label: "Share", "Advertisement", "3 min read" */
  CR_BP_COMMENTS, /* the head of a comment section: "10 Comments" */
  CR_BP_CREDIT,   /* copyright / syndication footer */
  CR_BP_PROMO,    /* a promo heading: "Fact Checker", "Related Articles" */
  CR_BP_ASSIST,   /* "(With assistance from ...)", "(Reporting by ...)" */
  CR_BP_SIGNOFF,  /* "Jane Doe reported from Kyiv.": a credit, kept as one */
  CR_BP_SOURCE    /* "Read the full story at Agency.": where the text is from */
} cr_bp_kind;
cr_bp_kind cr_boilerplate_line(const char *s, size_t n);
/* The name in a copyright line, without years and company suffixes:
 * "(c) 2026 Example News Ltd. All rights reserved." -> "Example News";
 * NULL when the line holds none. Arena copy. */
char *cr_copyright_owner(cr_arena *a, const char *s, size_t n);
/* The site name of a title that joins a site and a section ("Example
 * Radio - World", "World | Example Radio"): the part matching the host of
 * url when one does, else the first; NULL when there is no separator. */
char *cr_site_of_title(cr_arena *a, const char *t, const char *url);
/* A call to action: an imperative verb first ("Sign up", "Verify",
 * "Compare") and the reader's side as object ("our newsletter", "this
 * article", "today"), or a button line ending in an arrow. */
int cr_cta_line(const char *s, size_t n, size_t words);
/* A button line: ends in an arrow ("Sign up free →", "See all ›"). */
int cr_arrow_end(const char *s, size_t n);
/* Words in s[0..n) (runs of letters or digits). */
size_t cr_count_words(const char *s, size_t n);

/* ---- text.c ---------------------------------------------------------------*/
/* A dateline at the start of a paragraph ("KELMAR, Dorvania — ",
 * "LONDON (Reuters) - "): length of the prefix through the dash, or 0; the
 * place and an agency in parentheses are returned as spans. */
size_t cr_dateline_find(const char *s, size_t n, const char **place,
                        size_t *placen, const char **agency, size_t *agencyn);

/* ---- meta.c ---------------------------------------------------------------*/
/* Parse a date in one of the usual forms (ISO 8601, RFC 822, "December 13,
 * 2025", "13 Dec 2025 10:00", "Wed Dec 17 04:20:00 UTC 2025", URL paths
 * /2025/12/13/) into ISO 8601 in out (>= 32 bytes). 1 when found. With
 * `anywhere`, the date may sit inside a longer text. */
int cr_date_parse(const char *s, size_t n, int anywhere, char out[32]);
/* Metadata of an HTML page: JSON-LD, OpenGraph, meta tags, <time>, <html
 * lang>, canonical link, title. Fills the metadata fields of out. */
void cr_meta_html(const cr_dom *dom, const cr_hints *hints, cr_arena *a,
                  cr_extract *out, const char **ld_body);
/* A short string with white space collapsed and trimmed (arena copy). */
char *cr_clean_dup(cr_arena *a, const char *s, size_t n);

/* ---- lists ---------------------------------------------------------------*/
typedef struct cr_listb {
  const char **v;
  size_t n, cap;
} cr_listb;
int cr_list_push(cr_arena *a, cr_listb *l, const char *s);
void cr_list_out(const cr_listb *l, cr_strlist *out);

/* ---- html.c / text.c ------------------------------------------------------*/
crossread_status cr_extract_dom(cr_dom *dom, const cr_hints *hints, cr_arena *a,
                                cr_extract *out, crossread_error *err);

#endif
