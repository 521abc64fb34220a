/* feed.c -- RSS 2.0, RSS 1.0 (RDF) and Atom feeds via libxml2: each item or
 * entry becomes an article (its full content when the feed carries it, else
 * its description), with title, link, date, author and the feed's title as
 * the outlet. A truncated or malformed feed keeps the items before the damage
 * and reports one error line. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "ingest.h"

static int is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is(c, name))
      return c;
  return NULL;
}

/* text content of the first child called name (caller frees with xmlFree) */
static char *child_text(const xmlNode *n, const char *name) {
  const xmlNode *c = child(n, name);
  return c ? (char *)xmlNodeGetContent(c) : NULL;
}

typedef struct feed_ctx {
  cr_ingest *in;
  const char *source;
  char *outlet;
  size_t items, bad;
} feed_ctx;

static void item_error(feed_ctx *f, size_t idx, crossread_status st,
                       const char *msg) {
  crossread_error e;
  char name[300];
  snprintf(name, sizeof name, "%s#item%zu", f->source, idx);
  cr_error_set(&e, st, name, "%s", msg);
  f->in->rejected++;
  f->bad++;
  if (f->in->on_error)
    f->in->on_error(f->in->ud, &e);
}

static void take_item(feed_ctx *f, const xmlNode *it, int atom) {
  size_t idx = ++f->items;
  char *title = child_text(it, "title");
  char *link = NULL, *body = NULL, *summary = NULL, *date = NULL, *author = NULL;
  if (atom) {
    for (const xmlNode *c = it->children; c; c = c->next) {
      if (!is(c, "link"))
        continue;
      xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
      if (!rel || strcmp((const char *)rel, "alternate") == 0) {
        xmlFree(link);
        link = (char *)xmlGetProp(c, (const xmlChar *)"href");
      }
      xmlFree(rel);
      if (link)
        break;
    }
    body = child_text(it, "content");
    summary = child_text(it, "summary");
    date = child_text(it, "published");
    if (!date)
      date = child_text(it, "updated");
    const xmlNode *a = child(it, "author");
    if (a)
      author = child_text(a, "name");
  } else {
    link = child_text(it, "link");
    body = child_text(it, "encoded"); /* content:encoded */
    summary = child_text(it, "description");
    date = child_text(it, "pubDate");
    if (!date)
      date = child_text(it, "date"); /* dc:date */
    author = child_text(it, "creator"); /* dc:creator */
    if (!author)
      author = child_text(it, "author");
  }
  const char *content = body && *body ? body : summary;
  if (!content || !*content) {
    item_error(f, idx, CROSSREAD_ERR_EMPTY, "feed item has no content");
  } else {
    cr_item ci = {0};
    char name[300];
    snprintf(name, sizeof name, "%s#item%zu", f->source, idx);
    ci.source = link && *link ? link : name;
    ci.bytes = content;
    ci.len = strlen(content);
    ci.kind = strchr(content, '<') ? CROSSREAD_IN_HTML : CROSSREAD_IN_TEXT;
    ci.hints.title = title;
    ci.hints.url = link;
    ci.hints.published = date;
    ci.hints.author = author;
    ci.hints.outlet = f->outlet;
    ci.hints.summary = body && *body ? summary : NULL;
    crossread_error e;
    cr_error_clear(&e);
    crossread_status st = f->in->on_item(f->in->ud, &ci, &e);
    if (st == CROSSREAD_OK)
      f->in->taken++;
    else
      item_error(f, idx, st, e.msg[0] ? e.msg : crossread_strerror(st));
  }
  xmlFree(title);
  xmlFree(link);
  xmlFree(body);
  xmlFree(summary);
  xmlFree(date);
  xmlFree(author);
}

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

crossread_status cr_ingest_feed(cr_ingest *in, const char *source,
                                const char *bytes, size_t len,
                                crossread_error *err) {
  crossread_error local;
  crossread_error *pe = err ? err : &local;
  if (len > (size_t)0x7fffffff)
    len = 0x7fffffff;
  xmlSetGenericErrorFunc(NULL, silent);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt)
    return cr_error_set(pe, CROSSREAD_ERR_NOMEM, source, "out of memory");
  /* no network, no entity expansion, keep what parses of a damaged feed */
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, source, NULL,
                                    XML_PARSE_NONET | XML_PARSE_RECOVER |
                                        XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                        XML_PARSE_NOCDATA | XML_PARSE_HUGE);
  int wellformed = ctxt->wellFormed;
  int errline = ctxt->lastError.line;
  xmlFreeParserCtxt(ctxt);
  const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root) {
    xmlFreeDoc(doc);
    cr_error_set(pe, CROSSREAD_ERR_PARSE, source, "not a readable RSS or Atom feed");
    in->rejected++;
    if (in->on_error)
      in->on_error(in->ud, pe);
    return CROSSREAD_ERR_PARSE;
  }
  feed_ctx f = {in, source, NULL, 0, 0};
  size_t before = in->taken;
  if (is(root, "feed")) {
    f.outlet = child_text(root, "title");
    for (const xmlNode *c = root->children; c; c = c->next)
      if (is(c, "entry"))
        take_item(&f, c, 1);
  } else {
    const xmlNode *ch = is(root, "rss") ? child(root, "channel") : root;
    if (!ch)
      ch = root;
    f.outlet = child_text(ch, "title");
    for (const xmlNode *c = ch->children; c; c = c->next)
      if (is(c, "item"))
        take_item(&f, c, 0);
    if (ch != root) /* RSS 1.0 keeps items beside the channel */
      for (const xmlNode *c = root->children; c; c = c->next)
        if (is(c, "item"))
          take_item(&f, c, 0);
  }
  xmlFree(f.outlet);
  xmlFreeDoc(doc);
  size_t taken = in->taken - before;
  if (!wellformed) {
    crossread_error e;
    char msg[200];
    snprintf(msg, sizeof msg,
             "feed is truncated or malformed (line %d); kept %zu item%s "
             "before the damage", errline, taken, taken == 1 ? "" : "s");
    cr_error_set(&e, CROSSREAD_ERR_PARSE, source, "%s", msg);
    if (taken) { /* a warning: nothing was lost that could be read */
      if (in->on_note)
        in->on_note(in->ud, &e);
    } else {
      *pe = e;
      in->rejected++;
      if (in->on_error)
        in->on_error(in->ud, pe);
      return CROSSREAD_ERR_PARSE;
    }
  }
  if (taken)
    return CROSSREAD_OK;
  if (!f.items) {
    cr_error_set(pe, CROSSREAD_ERR_EMPTY, source, "feed has no items");
    in->rejected++;
    if (in->on_error)
      in->on_error(in->ud, pe);
    return CROSSREAD_ERR_EMPTY;
  }
  return cr_error_set(pe, CROSSREAD_ERR_EMPTY, source,
                      "no item of the feed could be read");
}
