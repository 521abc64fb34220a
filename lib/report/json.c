/* json.c -- the digest as JSON, per docs/digest-json.md (contract version 1).
 * Built as a jansson tree, then dumped into the output buffer. */
#include <jansson.h>
#include <string.h>

#include "dedup/dedup.h"
#include "engine.h"
#include "report.h"

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *strlist(const cr_strlist *l) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < l->n; i++)
    json_array_append_new(a, json_string(l->v[i]));
  return a;
}

static json_t *authors(const cr_doc *d) {
  if (d->ex.authors.n)
    return strlist(&d->ex.authors);
  json_t *a = json_array();
  if (a && d->hints.author)
    json_array_append_new(a, json_string(d->hints.author));
  return a;
}

/* The article fields every output shares; story fields are added by the
 * digest. */
static json_t *article_core(const cr_doc *d, unsigned flags) {
  json_t *o = json_object();
  if (!o)
    return NULL;
  json_object_set_new(o, "id", json_string(d->id[0] ? d->id : "a1"));
  json_object_set_new(o, "source", str_or_null(d->source));
  if (d->hints.id)
    json_object_set_new(o, "input_id", json_string(d->hints.id));
  json_object_set_new(o, "title",
                      str_or_null(d->ex.title ? d->ex.title : d->hints.title));
  json_object_set_new(o, "outlet", str_or_null(d->ex.outlet ? d->ex.outlet
                                                            : d->hints.outlet));
  json_object_set_new(o, "authors", authors(d));
  json_object_set_new(o, "published", str_or_null(d->ex.published));
  json_object_set_new(o, "dateline", str_or_null(d->ex.dateline));
  json_object_set_new(o, "language", str_or_null(d->ex.language ? d->ex.language
                                                                : d->hints.language));
  json_object_set_new(o, "url", str_or_null(d->ex.url ? d->ex.url : d->hints.url));
  json_object_set_new(o, "credit", str_or_null(d->ex.credit));
  json_object_set_new(o, "summary", str_or_null(d->ex.summary));
  json_object_set_new(o, "words", json_integer((json_int_t)d->norm.words));
  json_object_set_new(o, "reading_minutes",
                      json_integer(cr_report_reading_minutes(d->norm.words)));
  json_object_set_new(o, "text", json_string(flags & CROSSREAD_F_NO_TEXT
                                                 ? ""
                                                 : (d->norm.text ? d->norm.text : "")));
  json_object_set_new(o, "sentences", json_integer((json_int_t)d->norm.nsent));
  if (d->norm.repaired + d->ex.repaired)
    json_object_set_new(o, "repaired_bytes",
                        json_integer((json_int_t)(d->norm.repaired + d->ex.repaired)));
  static const cr_strlist none = {0};
  json_object_set_new(o, "dropped",
                      strlist(flags & CROSSREAD_F_NO_DROPPED ? &none : &d->ex.dropped));
  if (flags & CROSSREAD_F_KEEP_COMMENTS)
    json_object_set_new(o, "comments", strlist(&d->ex.comments));
  else
    json_object_set_new(o, "comments_count",
                        json_integer((json_int_t)d->ex.comments.n));
  return o;
}

/* The documents this one derives from, with the relation, the score and
 * one aligned passage as evidence. */
static json_t *derived_from(const crossread_engine *eng, const cr_doc *d) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < d->nderived; i++) {
    const cr_doc_link *l = &d->derived_from[i];
    if (l->source >= eng->ndocs)
      continue;
    json_t *o = json_object();
    if (!o)
      continue;
    json_object_set_new(o, "article", json_string(eng->docs[l->source]->id));
    json_object_set_new(o, "relation", json_string(cr_dedup_rel_name(l->relation)));
    json_object_set_new(o, "score",
                        json_real((double)(int)(l->score * 100.0f + 0.5f) / 100.0));
    json_t *ev = json_array();
    if (ev && l->evidence) {
      json_t *e = json_object();
      json_object_set_new(e, "sentence", json_stringn(l->evidence, l->ev_len));
      json_array_append_new(ev, e);
    }
    json_object_set_new(o, "evidence", ev);
    json_array_append_new(a, o);
  }
  return a;
}

static int dump_cb(const char *buf, size_t n, void *ud) {
  return cr_buf_put(ud, buf, n);
}

static crossread_status dump(json_t *root, cr_buf *out) {
  if (!root)
    return CROSSREAD_ERR_NOMEM;
  int r = json_dump_callback(root, dump_cb, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (r || out->err)
    return CROSSREAD_ERR_NOMEM;
  cr_buf_putc(out, '\n');
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}

crossread_status cr_report_json_article(const cr_doc *d, cr_buf *out) {
  return dump(article_core(d, 0), out);
}

crossread_status cr_report_json(const crossread_engine *eng, cr_buf *out) {
  json_t *root = json_object();
  json_t *arts = json_array();
  json_t *stories = json_array();
  if (!root || !arts || !stories) {
    json_decref(root);
    json_decref(arts);
    json_decref(stories);
    return CROSSREAD_ERR_NOMEM;
  }
  json_object_set_new(root, "crossread", json_integer(1));
  json_object_set_new(root, "generator",
                      json_string("crossread " CROSSREAD_VERSION_STRING));
  const cr_pipeline *p = eng->pipe;
  for (size_t i = 0; i < eng->ndocs; i++) {
    const cr_doc *d = eng->docs[i];
    json_t *o = article_core(d, eng->flags);
    if (!o)
      continue;
    const cr_story *s = d->story >= 0 ? cr_pipeline_story(p, (size_t)d->story) : NULL;
    json_object_set_new(o, "story", s ? json_string(s->id) : json_null());
    char origin[24];
    snprintf(origin, sizeof origin, "o%d", d->origin + 1);
    json_object_set_new(o, "origin", d->origin >= 0 ? json_string(origin) : json_null());
    json_object_set_new(o, "derived_from", derived_from(eng, d));
    json_array_append_new(arts, o);
  }
  size_t ns = cr_pipeline_story_count(p);
  for (size_t i = 0; i < ns; i++) {
    const cr_story *s = cr_pipeline_story(p, i);
    json_t *o = json_object();
    if (!o)
      continue;
    json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "title", str_or_null(s->title));
    json_t *ids = json_array();
    for (size_t k = 0; k < s->ndocs; k++)
      json_array_append_new(ids, json_string(eng->docs[s->docs[k]]->id));
    json_object_set_new(o, "articles", ids);
    json_object_set_new(o, "independent_origins",
                        json_integer((json_int_t)s->independent_origins));
    static const char *const lists[] = {"entities", "claims", "conflicts",
                                        "quotes", "timeline", "summary"};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
      json_object_set_new(o, lists[k], json_array());
    json_array_append_new(stories, o);
  }
  json_object_set_new(root, "articles", arts);
  json_object_set_new(root, "stories", stories);
  return dump(root, out);
}
