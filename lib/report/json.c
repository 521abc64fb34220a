/* json.c -- the digest as JSON, per docs/digest-json.md (contract version 1).
 * Built as a jansson tree, then dumped into the output buffer. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *strlist(const char *const *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    json_array_append_new(a, json_string(v[i]));
  return a;
}

static json_t *authors(const cr_doc *d) {
  if (d->ex.authors.n)
    return strlist(d->ex.authors.v, d->ex.authors.n);
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

static json_t *num_json(double v) {
  if (isfinite(v) && v == floor(v) && fabs(v) < 9e15)
    return json_integer((json_int_t)v);
  return isfinite(v) ? json_real(v) : json_null();
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
  json_object_set_new(v, "number", num_json(q->value));
  if (q->range)
    json_object_set_new(v, "high", num_json(q->high));
  json_object_set_new(v, "unit",
                      q->unit_span.len      ? span_str(d, q->unit_span)
                      : q->unit && *q->unit ? json_string(q->unit)
                                            : json_null());
  json_object_set_new(v, "text", span_str(d, q->span));
  json_object_set_new(v, "approx", json_string(approx));
  json_object_set_new(v, "change",
                      q->change > 0   ? json_string("up")
                      : q->change < 0 ? json_string("down")
                                      : json_null());
  json_object_set_new(v, "type", json_string(cr_claims_kind_name(q->kind)));
  json_object_set_new(o, "value", v);
  json_object_set_new(o, "of", span_str(d, q->of_span));
  json_object_set_new(o, "subject", span_str(d, q->subject));
  json_object_set_new(o, "predicate", span_str(d, q->predicate));
  json_object_set_new(k, "subject",
                      json_string(q->subject_key ? q->subject_key : ""));
  json_object_set_new(k, "predicate",
                      json_string(q->pred_key ? q->pred_key : ""));
  json_object_set_new(k, "unit", json_string(q->unit ? q->unit : ""));
  json_object_set_new(k, "counts", json_string(q->key ? q->key : ""));
  json_object_set_new(o, "keys", k);
  const cr_date *dt =
      q->date >= 0 && (size_t)q->date < c->ndates ? &c->dates[q->date] : NULL;
  json_object_set_new(o, "date",
                      dt && dt->iso[0] ? json_string(dt->iso) : json_null());
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
  json_object_set_new(o, "date",
                      dt->iso[0] ? json_string(dt->iso) : json_null());
  json_object_set_new(o, "precision",
                      json_string(cr_claims_prec_name(dt->prec)));
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
  json_object_set_new(o, "outlet", str_or_null(cr_report_outlet(d)));
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
  json_object_set_new(o, "text",
                      json_string(flags & CROSSREAD_F_NO_TEXT
                                      ? ""
                                      : (d->norm.text ? d->norm.text : "")));
  json_object_set_new(o, "sentences", json_integer((json_int_t)d->norm.nsent));
  if (d->norm.repaired + d->ex.repaired)
    json_object_set_new(
        o, "repaired_bytes",
        json_integer((json_int_t)(d->norm.repaired + d->ex.repaired)));
  article_claims(d, o);
  if (flags & CROSSREAD_F_NO_DROPPED)
    json_object_set_new(o, "dropped", json_array());
  else
    json_object_set_new(o, "dropped", strlist(d->ex.dropped.v, d->ex.dropped.n));
  if (flags & CROSSREAD_F_KEEP_COMMENTS)
    json_object_set_new(o, "comments", strlist(d->ex.comments.v, d->ex.comments.n));
  else
    json_object_set_new(o, "comments_count",
                        json_integer((json_int_t)d->ex.comments.n));
  return o;
}

static json_t *ids(const cr_digest *dg, const cr_idlist *l) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < l->n; i++)
    if (l->v[i] < dg->ndocs)
      json_array_append_new(a, json_string(dg->docs[l->v[i]]->id));
  return a;
}

static json_t *number(double x) {
  if (isfinite(x) && x == floor(x) && fabs(x) < 9e15)
    return json_integer((json_int_t)x);
  return isfinite(x) ? json_real(x) : json_null();
}

static json_t *story_json(const cr_digest *dg, const cr_story *s) {
  json_t *o = json_object();
  if (!o)
    return NULL;
  json_object_set_new(o, "id", json_string(s->id));
  json_object_set_new(o, "title", str_or_null(s->title));
  json_t *arts = json_array();
  for (size_t k = 0; k < s->ndocs; k++)
    if (s->docs[k] < dg->ndocs)
      json_array_append_new(arts, json_string(dg->docs[s->docs[k]]->id));
  json_object_set_new(o, "articles", arts);
  json_object_set_new(o, "independent_origins",
                      json_integer((json_int_t)s->independent_origins));
  json_object_set_new(o, "first_published", str_or_null(s->first_published));
  json_object_set_new(o, "last_published", str_or_null(s->last_published));

  json_t *ents = json_array();
  for (size_t i = 0; i < s->nentities; i++) {
    const cr_sentity *e = &s->entities[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(e->id));
    json_object_set_new(x, "kind", json_string(cr_entity_kind_name(e->kind)));
    json_object_set_new(x, "name", str_or_null(e->name));
    json_object_set_new(x, "variants", strlist(e->variants, e->nvariants));
    json_object_set_new(x, "articles", ids(dg, &e->docs));
    json_object_set_new(x, "mentions", json_integer((json_int_t)e->mentions));
    json_array_append_new(ents, x);
  }
  json_object_set_new(o, "entities", ents);

  json_t *claims = json_array();
  for (size_t i = 0; i < s->nclaims; i++) {
    const cr_sclaim *c = &s->claims[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(c->id));
    json_object_set_new(x, "kind", json_string(c->kind ? c->kind : "event"));
    json_object_set_new(x, "text", str_or_null(c->text));
    json_object_set_new(x, "subject", str_or_null(c->subject_entity ? c->subject_entity
                                                                    : c->subject_text));
    if (c->has_value) {
      json_t *v = json_object();
      json_object_set_new(v, "number", number(c->number));
      json_object_set_new(v, "unit", str_or_null(c->unit));
      json_object_set_new(v, "text", str_or_null(c->value_text));
      json_object_set_new(x, "value", v);
    } else {
      json_object_set_new(x, "value", json_null());
    }
    json_object_set_new(x, "articles", ids(dg, &c->docs));
    json_object_set_new(x, "origins", json_integer((json_int_t)c->origins));
    json_object_set_new(x, "status", json_string(cr_claim_status_name(c->status)));
    json_t *ev = json_array();
    for (size_t k = 0; k < c->nevidence; k++) {
      if (c->evidence[k].doc >= dg->ndocs)
        continue;
      json_t *e = json_object();
      json_object_set_new(e, "article", json_string(dg->docs[c->evidence[k].doc]->id));
      json_object_set_new(e, "sentence", str_or_null(c->evidence[k].sentence));
      json_array_append_new(ev, e);
    }
    json_object_set_new(x, "evidence", ev);
    json_array_append_new(claims, x);
  }
  json_object_set_new(o, "claims", claims);

  json_t *conf = json_array();
  for (size_t i = 0; i < s->nconflicts; i++) {
    const cr_sconflict *c = &s->conflicts[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(c->id));
    json_object_set_new(x, "about", str_or_null(c->about));
    json_object_set_new(x, "claims", strlist(c->claims, c->nclaims));
    json_t *vals = json_array();
    for (size_t k = 0; k < c->nvalues; k++) {
      json_t *v = json_object();
      json_object_set_new(v, "value", str_or_null(c->values[k].value));
      json_object_set_new(v, "articles", ids(dg, &c->values[k].docs));
      json_object_set_new(v, "origins", json_integer((json_int_t)c->values[k].origins));
      json_array_append_new(vals, v);
    }
    json_object_set_new(x, "values", vals);
    json_array_append_new(conf, x);
  }
  json_object_set_new(o, "conflicts", conf);

  json_t *quotes = json_array();
  for (size_t i = 0; i < s->nquotes; i++) {
    const cr_squote *q = &s->quotes[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(q->id));
    json_object_set_new(x, "speaker", str_or_null(q->speaker_entity));
    json_object_set_new(x, "speaker_name", str_or_null(q->speaker_name));
    json_object_set_new(x, "text", str_or_null(q->text));
    json_object_set_new(x, "articles", ids(dg, &q->docs));
    json_array_append_new(quotes, x);
  }
  json_object_set_new(o, "quotes", quotes);

  json_t *tl = json_array();
  for (size_t i = 0; i < s->ntimeline; i++) {
    const cr_sevent *e = &s->timeline[i];
    json_t *x = json_object();
    json_object_set_new(x, "date", str_or_null(e->date));
    json_object_set_new(x, "text", str_or_null(e->text));
    json_object_set_new(x, "articles", ids(dg, &e->docs));
    json_array_append_new(tl, x);
  }
  json_object_set_new(o, "timeline", tl);

  json_t *sum = json_array();
  for (size_t i = 0; i < s->nsummary; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "text", str_or_null(s->summary[i].text));
    json_object_set_new(x, "cites", ids(dg, &s->summary[i].docs));
    json_array_append_new(sum, x);
  }
  json_object_set_new(o, "summary", sum);
  return o;
}

static int dump_cb(const char *buf, size_t n, void *ud) {
  return cr_buf_put(ud, buf, n);
}

static crossread_status dump(json_t *root, cr_buf *out) {
  if (!root)
    return CROSSREAD_ERR_NOMEM;
  int r = json_dump_callback(root, dump_cb, out,
                             JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (r || out->err)
    return CROSSREAD_ERR_NOMEM;
  cr_buf_putc(out, '\n');
  return out->err ? CROSSREAD_ERR_NOMEM : CROSSREAD_OK;
}

crossread_status cr_report_json_article(const cr_doc *d, cr_buf *out) {
  return dump(article_core(d, 0), out);
}

crossread_status cr_report_json(const cr_digest *dg, cr_buf *out) {
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
  for (size_t i = 0; i < dg->ndocs; i++) {
    const cr_doc *d = dg->docs[i];
    json_t *o = article_core(d, dg->flags);
    if (!o)
      continue;
    const cr_story *s = d->story >= 0 && (size_t)d->story < dg->nstories
                            ? &dg->stories[d->story]
                            : NULL;
    json_object_set_new(o, "story", s ? json_string(s->id) : json_null());
    char origin[24];
    snprintf(origin, sizeof origin, "o%d", d->origin + 1);
    json_object_set_new(o, "origin",
                        d->origin >= 0 ? json_string(origin) : json_null());
    json_t *der = json_array();
    for (size_t k = 0; k < d->nderived; k++) {
      const cr_sedge *e = &d->derived[k];
      if (e->doc >= dg->ndocs)
        continue;
      json_t *x = json_object();
      json_object_set_new(x, "article", json_string(dg->docs[e->doc]->id));
      json_object_set_new(x, "relation", json_string(e->relation));
      json_object_set_new(x, "score", json_real(round(e->score * 1000) / 1000));
      if (e->evidence) {
        json_t *ev = json_array(), *one = json_object();
        json_object_set_new(one, "sentence", json_string(e->evidence));
        json_array_append_new(ev, one);
        json_object_set_new(x, "evidence", ev);
      }
      json_array_append_new(der, x);
    }
    json_object_set_new(o, "derived_from", der);
    json_array_append_new(arts, o);
  }
  for (size_t i = 0; i < dg->nstories; i++) {
    json_t *o = story_json(dg, &dg->stories[i]);
    if (o)
      json_array_append_new(stories, o);
  }
  json_object_set_new(root, "articles", arts);
  json_object_set_new(root, "stories", stories);
  return dump(root, out);
}
