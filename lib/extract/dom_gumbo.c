/* dom_gumbo.c -- the default parser backend: gumbo (HTML5 tree
 * construction, the tree a browser builds) turned into cr_node trees.
 * Iterative, so deeply nested pages cannot exhaust the stack here. */
#include <gumbo.h>
#include <string.h>

#include "core/alloc.h"
#include "dom.h"
#include "extract.h"

const char *cr_dom_attr_gumbo(const void *src, const char *name) {
  const GumboNode *g = src;
  GumboAttribute *at = gumbo_get_attribute(&g->v.element.attributes, name);
  return at ? at->value : NULL;
}

typedef struct frame {
  GumboNode *g;
  cr_node *n;
  unsigned i;
} frame;

static cr_node *add_elem(cr_dom *dom, cr_node *parent, GumboNode *g) {
  int tag = g->v.element.tag;
  /* SVG and MathML content is never article text */
  if (g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML &&
      tag != GUMBO_TAG_SVG && tag != GUMBO_TAG_MATH)
    tag = GUMBO_TAG_UNKNOWN;
  cr_node *n = cr_dom_add(dom, parent, CR_N_ELEM, tag);
  if (!n)
    return NULL;
  n->src = g;
  const GumboVector *at = &g->v.element.attributes;
  for (unsigned i = 0; i < at->length; i++) {
    const GumboAttribute *x = at->data[i];
    cr_dom_note_attr(n, x->name, x->value);
  }
  return n;
}

int cr_dom_build_gumbo(cr_dom *dom, const char *html, size_t len) {
  /* gumbo is quadratic in nesting depth: cap it first, as browsers do; the
   * flattened copy lives in the document's arena as long as the tree */
  cr_buf flat;
  cr_buf_init(&flat, 0);
  int r = cr_html_flatten_deep(html, len, 512, &flat);
  if (r < 0) {
    cr_buf_clear(&flat);
    return -1;
  }
  if (r == 1) {
    char *copy = cr_arena_strndup(dom->a, flat.data, flat.len);
    size_t n = flat.len;
    cr_buf_clear(&flat);
    if (!copy)
      return -1;
    html = copy;
    len = n;
  }
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0; /* recording parse errors costs time and memory */
  GumboOutput *out = gumbo_parse_with_options(&opt, html, len);
  if (!out || !out->root)
    return -1;
  dom->doc = out;
  frame *st = NULL;
  size_t cap = 0, sp = 0;
  dom->root = add_elem(dom, NULL, out->root);
  if (!dom->root || cr_grow((void **)&st, &cap, 64, sizeof *st))
    goto fail;
  st[sp++] = (frame){out->root, dom->root, 0};
  while (sp) {
    frame *f = &st[sp - 1];
    GumboVector *ch = &f->g->v.element.children;
    if (f->i >= ch->length) {
      sp--;
      continue;
    }
    GumboNode *c = ch->data[f->i++];
    cr_node *parent = f->n;
    if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
      cr_node *n = add_elem(dom, parent, c);
      if (!n || cr_grow((void **)&st, &cap, sp + 1, sizeof *st))
        goto fail;
      if (n->tag == GUMBO_TAG_HEAD && !dom->head)
        dom->head = n;
      else if (n->tag == GUMBO_TAG_BODY && !dom->body)
        dom->body = n;
      st[sp++] = (frame){c, n, 0};
    } else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
               c->type == GUMBO_NODE_CDATA) {
      cr_node *n = cr_dom_add(dom, parent, CR_N_TEXT, 0);
      if (!n)
        goto fail;
      n->text = c->v.text.text;
      size_t l = strlen(c->v.text.text);
      n->len = l > UINT32_MAX ? UINT32_MAX : (uint32_t)l;
    }
  }
  cr_free(st);
  return 0;
fail:
  cr_free(st);
  return -1;
}

void cr_dom_free_gumbo(void *doc) {
  if (doc)
    gumbo_destroy_output(&kGumboDefaultOptions, doc);
}
