/* json.c -- the digest as JSON, per docs/digest-json.md (contract version 1).
 * Built as a jansson tree, then dumped into the output buffer. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

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

/* ---- claims ------------------------------------------------------------- */

static json_t *span_str(const cr_doc *d, cr_span sp) {
  if (!sp.len || !d->norm.text || sp.off + sp.len > d->norm.len)
    return json_null();
  return json_stringn(d->norm.text + sp.off, sp.len);
}

static json_t *span_pair(cr_span sp) {
  json_t *a = json_array();
  if (a) {
    json_array_append_new(a, json_integer((json_int_t)sp.off));
    json_array_append_new(a, json_integer((json_int_t)sp.len));
  }
  return a;
}

static json_t *number(double v) {
  if (v == (double)(json_int_t)v && v > -9e15 && v < 9e15)
    return json_integer((json_int_t)v);
  return json_real(v);
}

static json_t *quantity_json(const cr_doc *d, const cr_claims *c,
                             const cr_quantity *q) {
  json_t *o = json_object();
  json_t *v = json_object();
  json_t *k = json_object();
  if (!o || !v || !k) {
    json_decref(o);
    json_decref(v);
    json_decref(k);
    return NULL;
  }
  char approx[2] = {q->approx ? q->approx : '=', 0};
  json_object_set_new(o, "kind", json_string("quantity"));
  json_object_set_new(o, "text", span_str(d, q->span));
  json_object_set_new(v, "number", number(q->value));
  if (q->range)
    json_object_set_new(v, "high", number(q->high));
  json_object_set_new(v, "unit", q->unit_span.len ? span_str(d, q->unit_span)
                                 : q->unit && *q->unit ? json_string(q->unit)
                                                        : json_null());
  json_object_set_new(v, "text", span_str(d, q->span));
  json_object_set_new(v, "approx", json_string(approx));
  json_object_set_new(v, "change", q->change > 0   ? json_string("up")
                                   : q->change < 0 ? json_string("down")
                                                   : json_null());
  json_object_set_new(v, "type", json_string(cr_claims_kind_name(q->kind)));
  json_object_set_new(o, "value", v);
  json_object_set_new(o, "of", span_str(d, q->of_span));
  json_object_set_new(o, "subject", span_str(d, q->subject));
  json_object_set_new(o, "predicate", span_str(d, q->predicate));
  json_object_set_new(k, "subject", json_string(q->subject_key ? q->subject_key : ""));
  json_object_set_new(k, "predicate", json_string(q->pred_key ? q->pred_key : ""));
  json_object_set_new(k, "unit", json_string(q->unit ? q->unit : ""));
  json_object_set_new(k, "counts", json_string(q->key ? q->key : ""));
  json_object_set_new(o, "keys", k);
  const cr_date *dt = q->date >= 0 && (size_t)q->date < c->ndates
                          ? &c->dates[q->date]
                          : NULL;
  json_object_set_new(o, "date", dt && dt->iso[0] ? json_string(dt->iso) : json_null());
  json_object_set_new(o, "sentence", json_integer((json_int_t)q->sent));
  json_object_set_new(o, "span", span_pair(q->span));
  return o;
}

static json_t *date_json(const cr_doc *d, const cr_date *dt) {
  json_t *o = json_object();
  if (!o)
    return NULL;
  json_object_set_new(o, "kind", json_string("date"));
  json_object_set_new(o, "text", span_str(d, dt->span));
  json_object_set_new(o, "date", dt->iso[0] ? json_string(dt->iso) : json_null());
  json_object_set_new(o, "precision", json_string(cr_claims_prec_name(dt->prec)));
  json_object_set_new(o, "relative", json_boolean(dt->relative));
  json_object_set_new(o, "sentence", json_integer((json_int_t)dt->sent));
  json_object_set_new(o, "span", span_pair(dt->span));
  return o;
}

static json_t *quote_json(const cr_doc *d, const cr_quote *q) {
  json_t *o = json_object();
  if (!o)
    return NULL;
  json_object_set_new(o, "kind", json_string("quote"));
  json_object_set_new(o, "text", json_string(q->text ? q->text : ""));
  json_object_set_new(o, "speaker", span_str(d, q->speaker));
  json_object_set_new(o, "speaker_name", span_str(d, q->name));
  json_object_set_new(o, "mention", span_str(d, q->mention));
  json_object_set_new(o, "verb", span_str(d, q->verb));
  json_object_set_new(o, "rule", json_string(cr_claims_rule_name(q->rule)));
  json_object_set_new(o, "partial", json_boolean(q->partial));
  json_object_set_new(o, "sentence", json_integer((json_int_t)q->sent));
  json_object_set_new(o, "span", span_pair(q->span));
  return o;
}

/* Per-article claims in text order of kind: quantities, dates, quotes. */
static void article_claims(const cr_doc *d, json_t *o) {
  const cr_claims *c = d->claims;
  if (!c)
    return;
  json_t *a = json_array();
  json_t *at = json_array();
  if (!a || !at) {
    json_decref(a);
    json_decref(at);
    return;
  }
  for (size_t i = 0; i < c->nq; i++)
    json_array_append_new(a, quantity_json(d, c, &c->q[i]));
  for (size_t i = 0; i < c->ndates; i++)
    json_array_append_new(a, date_json(d, &c->dates[i]));
  for (size_t i = 0; i < c->nquotes; i++)
    json_array_append_new(a, quote_json(d, &c->quotes[i]));
  for (size_t i = 0; i < c->nattr; i++) {
    const cr_attribution *r = &c->attr[i];
    json_t *x = json_object();
    if (!x)
      continue;
    json_object_set_new(x, "source", span_str(d, r->source));
    json_object_set_new(x, "verb", span_str(d, r->verb));
    json_object_set_new(x, "outlet", span_str(d, r->outlet));
    json_object_set_new(x, "kind", json_string(cr_claims_attr_name(r->kind)));
    json_object_set_new(x, "sentence", json_integer((json_int_t)r->sent));
    json_array_append_new(at, x);
  }
  json_object_set_new(o, "claims", a);
  json_object_set_new(o, "attributions", at);
}

/* The story's quotes: every quote of its articles, the same text from
 * several articles listed once. Speaker entity ids come with the entity
 * stage; until then "speaker" is null. */
static json_t *story_quotes(const crossread_engine *eng, const cr_story *s) {
  json_t *a = json_array();
  if (!a)
    return NULL;
  size_t n = 0;
  for (size_t k = 0; k < s->ndocs; k++) {
    const cr_doc *d = eng->docs[s->docs[k]];
    if (!d->claims)
      continue;
    for (size_t i = 0; i < d->claims->nquotes; i++) {
      const cr_quote *q = &d->claims->quotes[i];
      const char *text = q->text ? q->text : "";
      json_t *same = NULL;
      size_t j;
      json_t *x;
      json_array_foreach(a, j, x) {
        const char *t = json_string_value(json_object_get(x, "text"));
        if (t && !strcmp(t, text)) {
          same = x;
          break;
        }
      }
      if (same) {
        json_t *arts = json_object_get(same, "articles");
        int seen = 0;
        size_t m;
        json_t *y;
        json_array_foreach(arts, m, y) seen |= !strcmp(json_string_value(y), d->id);
        if (!seen)
          json_array_append_new(arts, json_string(d->id));
        if (json_is_null(json_object_get(same, "speaker_name")) && q->name.len)
          json_object_set_new(same, "speaker_name", span_str(d, q->name));
        continue;
      }
      char id[24];
      snprintf(id, sizeof id, "q%zu", ++n);
      json_t *o = json_object();
      if (!o)
        continue;
      json_object_set_new(o, "id", json_string(id));
      json_object_set_new(o, "speaker", json_null());
      json_object_set_new(o, "speaker_name", span_str(d, q->name));
      json_object_set_new(o, "text", json_string(text));
      json_t *arts = json_array();
      json_array_append_new(arts, json_string(d->id));
      json_object_set_new(o, "articles", arts);
      json_array_append_new(a, o);
    }
  }
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
  article_claims(d, o);
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
    json_object_set_new(o, "derived_from", json_array());
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
      json_object_set_new(o, lists[k], !strcmp(lists[k], "quotes")
                                           ? story_quotes(eng, s)
                                           : json_array());
    json_array_append_new(stories, o);
  }
  json_object_set_new(root, "articles", arts);
  json_object_set_new(root, "stories", stories);
  return dump(root, out);
}
