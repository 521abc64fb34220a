/* dom.c -- the backend-neutral element tree (see dom.h): node allocation,
 * attribute lookup and the choice of parser backend. */
#include "dom.h"

#include <string.h>

cr_node *cr_dom_add(cr_dom *dom, cr_node *parent, int type, int tag) {
  cr_node *n = cr_arena_alloc(dom->a, sizeof *n);
  if (!n)
    return NULL;
  memset(n, 0, sizeof *n);
  n->type = (uint8_t)type;
  n->tag = (uint16_t)tag;
  n->parent = parent;
  if (parent) {
    n->depth = parent->depth < 255 ? (uint8_t)(parent->depth + 1) : 255;
    n->prev = parent->last;
    if (parent->last)
      parent->last->next = n;
    else
      parent->first = n;
    parent->last = n;
  }
  dom->nnodes++;
  return n;
}

static int has_ci(const char *s, const char *w) {
  size_t k = strlen(w);
  for (; *s; s++) {
    size_t i = 0;
    while (i < k && s[i] && (s[i] | 32) == w[i])
      i++;
    if (i == k)
      return 1;
  }
  return 0;
}

/* display:none / visibility:hidden, with or without spaces */
static int style_hidden(const char *s) {
  for (; *s; s++) {
    if ((*s | 32) != 'd' && (*s | 32) != 'v')
      continue;
    const char *w = (*s | 32) == 'd' ? "display" : "visibility";
    const char *v = (*s | 32) == 'd' ? "none" : "hidden";
    size_t k = strlen(w), i = 0;
    while (i < k && s[i] && (s[i] | 32) == w[i])
      i++;
    if (i != k)
      continue;
    const char *p = s + k;
    while (*p == ' ')
      p++;
    if (*p != ':')
      continue;
    p++;
    while (*p == ' ')
      p++;
    if (strncmp(p, v, strlen(v)) == 0)
      return 1;
  }
  return 0;
}

void cr_dom_note_attr(cr_node *n, const char *name, const char *v) {
  if (!v)
    v = "";
  switch (name[0]) {
  case 'c':
    if (!strcmp(name, "class"))
      n->cls = v;
    break;
  case 'i':
    if (!strcmp(name, "id"))
      n->id = v;
    else if (!strcmp(name, "itemprop")) {
      if (has_ci(v, "articlebody") || !strcmp(v, "text"))
        n->attrs |= CR_A_ITEMBODY;
      else if (has_ci(v, "author") || has_ci(v, "creator"))
        n->attrs |= CR_A_AUTHOR;
      else if (has_ci(v, "date"))
        n->attrs |= CR_A_DATE;
    } else if (!strcmp(name, "itemtype")) {
      if (has_ci(v, "article") || has_ci(v, "blogposting"))
        n->attrs |= CR_A_ARTICLE;
    }
    break;
  case 'h':
    if (!strcmp(name, "hidden"))
      n->attrs |= CR_A_HIDDEN;
    break;
  case 'a':
    if (!strcmp(name, "aria-hidden") && !strcmp(v, "true"))
      n->attrs |= CR_A_HIDDEN;
    break;
  case 's':
    if (!strcmp(name, "style") && style_hidden(v))
      n->attrs |= CR_A_HIDDEN;
    else if (!strcmp(name, "summary") && *v)
      n->attrs |= CR_A_TABLEMETA;
    break;
  case 'r':
    if (!strcmp(name, "role")) {
      if (!strcmp(v, "navigation") || !strcmp(v, "menu") ||
          !strcmp(v, "menubar") || !strcmp(v, "complementary") ||
          !strcmp(v, "alert") || !strcmp(v, "alertdialog") ||
          !strcmp(v, "dialog") || !strcmp(v, "banner") ||
          !strcmp(v, "contentinfo") || !strcmp(v, "search"))
        n->attrs |= CR_A_ROLE_NAV;
      else if (!strcmp(v, "presentation") || !strcmp(v, "none"))
        n->attrs |= CR_A_PRESENT;
      else if (!strcmp(v, "article"))
        n->attrs |= CR_A_ARTICLE;
      else if (!strcmp(v, "main"))
        n->attrs |= CR_A_ROLE_MAIN;
    } else if (!strcmp(name, "rel") && has_ci(v, "author"))
      n->attrs |= CR_A_AUTHOR;
    break;
  case 'd':
    if (!strcmp(name, "datatable") && !strcmp(v, "0"))
      n->attrs |= CR_A_PRESENT;
    break;
  default:
    break;
  }
}

int cr_dom_parse(cr_dom *dom, const char *html, size_t len,
                 cr_html_backend backend, cr_arena *a) {
  memset(dom, 0, sizeof *dom);
  dom->a = a;
  dom->backend = backend;
  if (backend == CR_HTML_LIBXML2)
    return cr_dom_build_libxml2(dom, html, len);
  return cr_dom_build_gumbo(dom, html, len);
}

const char *cr_dom_attr(const cr_dom *dom, const cr_node *n, const char *name) {
  if (!n || n->type != CR_N_ELEM || !n->src)
    return NULL;
  if (dom->backend == CR_HTML_LIBXML2)
    return cr_dom_attr_libxml2(n->src, name);
  return cr_dom_attr_gumbo(n->src, name);
}

void cr_dom_free(cr_dom *dom) {
  if (!dom || !dom->doc)
    return;
  if (dom->backend == CR_HTML_LIBXML2)
    cr_dom_free_libxml2(dom->doc);
  else
    cr_dom_free_gumbo(dom->doc);
  dom->doc = NULL;
}
