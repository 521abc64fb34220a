/* dom.h -- the small element tree the extractor works on. Two parser
 * backends build it: gumbo (default, the tree a browser builds) and the
 * libxml2 HTML parser (optional, faster). Everything after the parse (scoring,
 * metadata, text) sees only this tree, so both backends give the same result
 * whenever the parsers agree on the element structure. */
#ifndef CR_EXTRACT_DOM_H
#define CR_EXTRACT_DOM_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

enum { CR_N_ELEM = 1, CR_N_TEXT = 2 };

/* What the backends note from attributes while building the tree. */
enum {
  CR_A_HIDDEN = 1u << 0,    /* hidden, aria-hidden=true, display:none */
  CR_A_ROLE_NAV = 1u << 1,  /* role navigation, menu, complementary, dialog.. */
  CR_A_ITEMBODY = 1u << 2,  /* itemprop=articleBody / text */
  CR_A_AUTHOR = 1u << 3,    /* rel=author, itemprop=author */
  CR_A_PRESENT = 1u << 4,   /* role=presentation or datatable=0 (layout) */
  CR_A_TABLEMETA = 1u << 5, /* summary attribute (data table) */
  CR_A_DATE = 1u << 6,      /* itemprop datePublished/dateModified */
  CR_A_ARTICLE = 1u << 7,   /* itemtype schema.org/...Article, role=article */
  CR_A_ROLE_MAIN = 1u << 8  /* role=main */
};

typedef struct cr_node cr_node;
struct cr_node {
  cr_node *parent, *first, *last, *next, *prev;
  const char *text; /* text node: decoded UTF-8 (borrowed from the parser) */
  uint32_t len;     /* bytes of text */
  uint16_t tag;     /* GumboTag; GUMBO_TAG_UNKNOWN for custom elements */
  uint8_t type;     /* CR_N_ELEM or CR_N_TEXT */
  uint8_t depth;    /* capped at 255 */
  uint32_t sem;     /* CR_SEM_* bits from class, id, role, itemprop */
  uint32_t flags;   /* CR_NF_* */
  const char *cls;  /* class attribute or NULL (borrowed) */
  const char *id;   /* id attribute or NULL (borrowed) */
  const void *src;  /* the backend's node, for other attributes */
  uint16_t attrs;   /* CR_A_* from attributes other than class and id */
  int16_t weight;   /* class/id weight (Readability's +-25 per attribute) */
  /* aggregates over the subtree, filled by the scorer */
  uint32_t tlen;   /* visible text bytes, white space runs counted as one */
  uint32_t llen;   /* of which inside links */
  uint32_t commas; /* commas in the text */
  uint32_t np, nimg, nli, ninput, nembed, nhead; /* descendant element counts */
  uint32_t hlen; /* text bytes inside headings */
  float score;   /* content score (Readability family) */
};

typedef enum cr_html_backend {
  CR_HTML_GUMBO = 0,
  CR_HTML_LIBXML2 = 1
} cr_html_backend;

typedef struct cr_dom {
  cr_node *root; /* the <html> element */
  cr_node *head, *body;
  cr_html_backend backend;
  void *doc; /* GumboOutput* or htmlDocPtr, freed by cr_dom_free */
  size_t nnodes;
  cr_arena *a;
} cr_dom;

/* Parse UTF-8 HTML into `dom` (nodes in arena `a`). 0 ok, -1 on failure. */
int cr_dom_parse(cr_dom *dom, const char *html, size_t len,
                 cr_html_backend backend, cr_arena *a);
/* Release the parser's tree; the nodes' borrowed strings die with it. */
void cr_dom_free(cr_dom *dom);
/* An attribute's decoded value, or NULL. `name` is lower case. */
const char *cr_dom_attr(const cr_dom *dom, const cr_node *n, const char *name);

/* Backends (dom_gumbo.c, dom_libxml2.c). */
int cr_dom_build_gumbo(cr_dom *dom, const char *html, size_t len);
int cr_dom_build_libxml2(cr_dom *dom, const char *html, size_t len);
const char *cr_dom_attr_gumbo(const void *src, const char *name);
const char *cr_dom_attr_libxml2(const void *src, const char *name);
void cr_dom_free_gumbo(void *doc);
void cr_dom_free_libxml2(void *doc);

/* Shared by the backends: a new node appended under `parent` (may be NULL). */
cr_node *cr_dom_add(cr_dom *dom, cr_node *parent, int type, int tag);
/* Note one attribute of element n (class, id and the CR_A_* ones). */
void cr_dom_note_attr(cr_node *n, const char *name, const char *value);

#endif
