/* dom_libxml2.c -- the optional fast parser backend: libxml2's HTML parser
 * (error-recovering, HTML 4 rules) turned into cr_node trees. Tag names map
 * onto gumbo's tag enum so the rest of the extractor is backend-blind. */
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "core/alloc.h"
#include "dom.h"

const char *cr_dom_attr_libxml2(const void *src, const char *name) {
  const xmlNode *x = src;
  for (const xmlAttr *at = x->properties; at; at = at->next)
    if (at->name && strcmp((const char *)at->name, name) == 0) {
      const xmlNode *v = at->children;
      if (v && (v->type == XML_TEXT_NODE) && !v->next)
        return (const char *)v->content;
      return v ? (const char *)v->content : "";
    }
  return NULL;
}

static cr_node *add_elem(cr_dom *dom, cr_node *parent, xmlNode *x) {
  GumboTag tag =
      x->name ? gumbo_tag_enum((const char *)x->name) : GUMBO_TAG_UNKNOWN;
  if (tag == GUMBO_TAG_LAST)
    tag = GUMBO_TAG_UNKNOWN;
  cr_node *n = cr_dom_add(dom, parent, CR_N_ELEM, tag);
  if (!n)
    return NULL;
  n->src = x;
  for (const xmlAttr *at = x->properties; at; at = at->next) {
    const char *nm = (const char *)at->name;
    if (!nm)
      continue;
    cr_dom_note_attr(n, nm,
                     at->children ? (const char *)at->children->content : "");
  }
  return n;
}

int cr_dom_build_libxml2(cr_dom *dom, const char *html, size_t len) {
  if (len > INT32_MAX)
    return -1;
  htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                                      HTML_PARSE_COMPACT);
  if (!doc)
    return -1;
  dom->doc = doc;
  xmlNode *r = xmlDocGetRootElement(doc);
  if (!r)
    return -1;
  dom->root = add_elem(dom, NULL, r);
  if (!dom->root)
    return -1;
  /* walk with the tree's own links: no stack */
  xmlNode *x = r->children;
  cr_node *parent = dom->root;
  while (x) {
    cr_node *n = NULL;
    if (x->type == XML_ELEMENT_NODE) {
      n = add_elem(dom, parent, x);
      if (!n)
        return -1;
      if (n->tag == GUMBO_TAG_HEAD && !dom->head)
        dom->head = n;
      else if (n->tag == GUMBO_TAG_BODY && !dom->body)
        dom->body = n;
      if (x->children) {
        parent = n;
        x = x->children;
        continue;
      }
    } else if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
      n = cr_dom_add(dom, parent, CR_N_TEXT, 0);
      if (!n)
        return -1;
      const char *t = x->content ? (const char *)x->content : "";
      size_t l = strlen(t);
      n->text = t;
      n->len = l > UINT32_MAX ? UINT32_MAX : (uint32_t)l;
    }
    while (x && !x->next && x != r) {
      x = x->parent;
      parent = parent->parent;
    }
    if (!x || x == r)
      break;
    x = x->next;
  }
  return 0;
}

void cr_dom_free_libxml2(void *doc) {
  if (doc)
    xmlFreeDoc(doc);
}
