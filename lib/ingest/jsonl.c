/* jsonl.c -- JSON Lines input: one article per line, an object with at least
 * "text" or "html"; optional "id", "url", "title", "published" (or "date"),
 * "outlet" (or "site"), "author" (string or array), "language". A bad line is
 * rejected alone ("FILE:LINE: ..."), the others go on. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "ingest.h"

static const char *str_field(json_t *o, const char *a, const char *b) {
  json_t *v = json_object_get(o, a);
  if (!json_is_string(v) && b)
    v = json_object_get(o, b);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static void line_error(cr_ingest *in, const char *source, size_t line,
                       size_t off, crossread_status code, const char *msg) {
  crossread_error e;
  char name[300];
  snprintf(name, sizeof name, "%s:%zu", source, line);
  cr_error_set(&e, code, name, "%s", msg);
  e.offset = off;
  in->rejected++;
  if (in->on_error)
    in->on_error(in->ud, &e);
}

crossread_status cr_ingest_jsonl(cr_ingest *in, const char *source,
                                 const char *bytes, size_t len,
                                 crossread_error *err) {
  size_t before = in->taken, lines = 0, bad = 0;
  crossread_status last = CROSSREAD_ERR_EMPTY;
  char first_msg[256] = "no articles in JSON Lines input";
  size_t lineno = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(bytes + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - bytes) : len;
    lineno++;
    size_t s = i, e = end;
    while (s < e && (bytes[s] == ' ' || bytes[s] == '\t' || bytes[s] == '\r'))
      s++;
    while (e > s && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t' ||
                     bytes[e - 1] == '\r'))
      e--;
    size_t off = i;
    i = end + 1;
    if (s == e)
      continue;
    lines++;
    if (in->max_input && e - s > in->max_input * 2) {
      line_error(in, source, lineno, off, CROSSREAD_ERR_TOOBIG,
                 "line too big");
      bad++;
      last = CROSSREAD_ERR_TOOBIG;
      continue;
    }
    json_error_t je;
    json_t *o = json_loadb(bytes + s, e - s, JSON_REJECT_DUPLICATES, &je);
    if (!o || !json_is_object(o)) {
      char msg[256];
      if (o)
        snprintf(msg, sizeof msg, "not a JSON object");
      else
        snprintf(msg, sizeof msg, "invalid JSON: %s (column %d)", je.text,
                 je.column);
      json_decref(o);
      line_error(in, source, lineno, off, CROSSREAD_ERR_PARSE, msg);
      if (bad++ == 0)
        snprintf(first_msg, sizeof first_msg, "%s", msg);
      last = CROSSREAD_ERR_PARSE;
      continue;
    }
    const char *html = str_field(o, "html", NULL);
    const char *text = str_field(o, "text", "body");
    if (!html && !text) {
      json_decref(o);
      line_error(in, source, lineno, off, CROSSREAD_ERR_PARSE,
                 "no \"text\" or \"html\" field");
      bad++;
      last = CROSSREAD_ERR_PARSE;
      continue;
    }
    cr_item it = {0};
    char name[300];
    const char *url = str_field(o, "url", "link");
    snprintf(name, sizeof name, "%s:%zu", source, lineno);
    it.source = url ? url : name;
    it.kind = html ? CROSSREAD_IN_HTML : CROSSREAD_IN_TEXT;
    it.bytes = html ? html : text;
    it.len = strlen(it.bytes);
    it.hints.title = str_field(o, "title", "headline");
    if (!html && it.hints.title && strspn(it.bytes, " \t\r\n") == it.len) {
      /* a headline with an empty body: an article of one line */
      it.bytes = it.hints.title;
      it.len = strlen(it.bytes);
    }
    it.hints.id = str_field(o, "id", NULL);
    it.hints.url = url;
    it.hints.title = str_field(o, "title", "headline");
    it.hints.published = str_field(o, "published", "date");
    it.hints.outlet = str_field(o, "outlet", "site");
    it.hints.language = str_field(o, "language", "lang");
    it.hints.summary = str_field(o, "summary", "description");
    json_t *au = json_object_get(o, "author");
    if (!au)
      au = json_object_get(o, "authors");
    char authors[1024] = "";
    if (json_is_string(au)) {
      it.hints.author = json_string_value(au);
    } else if (json_is_array(au)) {
      size_t k;
      json_t *v;
      size_t used = 0;
      json_array_foreach(au, k, v) {
        if (!json_is_string(v))
          continue;
        int w = snprintf(authors + used, sizeof authors - used, "%s%s",
                         used ? "; " : "", json_string_value(v));
        if (w < 0 || (size_t)w >= sizeof authors - used)
          break;
        used += (size_t)w;
      }
      if (used)
        it.hints.author = authors;
    }
    crossread_error ie;
    cr_error_clear(&ie);
    crossread_status st = in->on_item(in->ud, &it, &ie);
    if (st == CROSSREAD_OK) {
      in->taken++;
    } else {
      line_error(in, source, lineno, off, st,
                 ie.msg[0] ? ie.msg : crossread_strerror(st));
      bad++;
      last = st;
    }
    json_decref(o);
  }
  if (in->taken > before)
    return CROSSREAD_OK;
  if (bad)
    return cr_error_set(err, last, source, "no article could be read (%zu bad "
                        "line%s; first: %s)", bad, bad == 1 ? "" : "s", first_msg);
  crossread_error e;
  crossread_error *pe = err ? err : &e;
  cr_error_set(pe, CROSSREAD_ERR_EMPTY, source, "%s",
               lines ? first_msg : "no articles in JSON Lines input");
  in->rejected++;
  if (in->on_error)
    in->on_error(in->ud, pe);
  return CROSSREAD_ERR_EMPTY;
}
