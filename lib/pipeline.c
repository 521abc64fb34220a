/* pipeline.c -- the stage order (see pipeline.h and docs/architecture.md).
 * Per-document stages run in cr_pipeline_push as each article arrives;
 * cross-document stages run in cr_pipeline_finish. */
#include "pipeline.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cluster/cluster.h"
#include "core/alloc.h"
#include "core/error.h"
#include "dedup/dedup.h"
#include "engine.h"
#include "summarize/summarize.h"
#include "verify/verify.h"

struct cr_pipeline {
  crossread_engine *eng;
  cr_phase_stat stats[CR_PH_COUNT]; /* --stats */
  cr_normalizer *nz;
  cr_dedup *dedup;       /* the provenance graph across documents */
  cr_cluster *cl;        /* the stories, online */
  cr_entities *ents;     /* lexicons and tagger of the entity stage */
  cr_alias **alias;      /* per story: its entities across articles (cr_alias_of
                            maps a document's entity to the story's) */
  cr_claims_ctx *claims; /* lexicons and stemmer of the claims stage */
  cr_verify *verify;     /* the cross-check of each story's claims */
  cr_story *stories;
  size_t nstories;
  cr_arena *story_arena; /* rebuilt at every finish */
};

cr_pipeline *cr_pipeline_new(crossread_engine *eng) {
  cr_pipeline *p = cr_calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->eng = eng;
  p->nz = cr_normalizer_new();
  p->dedup = cr_dedup_new(NULL);
  p->ents = cr_entities_new(NULL);
  p->claims = cr_claims_ctx_new();
  p->cl = cr_cluster_new(NULL);
  p->verify = cr_verify_new();
  if (!p->nz || !p->dedup || !p->ents || !p->claims || !p->cl || !p->verify) {
    cr_normalizer_free(p->nz);
    cr_dedup_free(p->dedup);
    cr_entities_free(p->ents);
    cr_claims_ctx_free(p->claims);
    cr_cluster_free(p->cl);
    cr_verify_free(p->verify);
    cr_free(p);
    return NULL;
  }
  return p;
}

static void free_stories(cr_pipeline *p) {
  for (size_t i = 0; p->alias && i < p->nstories; i++)
    cr_alias_free(p->alias[i]);
  cr_free(p->alias);
  p->alias = NULL;
  p->nstories = 0;
}

/* The story's entities into the digest model (story arena). */
static int story_entities(cr_pipeline *p, cr_story *s, cr_alias *al) {
  cr_arena *a = p->story_arena;
  size_t n = cr_alias_count(al);
  s->entities = cr_arena_calloc(a, n ? n : 1, sizeof *s->entities);
  if (!s->entities)
    return -1;
  for (size_t i = 0; i < n; i++) {
    const cr_story_entity *se = cr_alias_get(al, i);
    cr_sentity *o = &s->entities[i];
    snprintf(o->id, sizeof o->id, "e%u", (unsigned)(i + 1) & 0xFFFFFFu);
    o->kind = se->kind == CR_ENT_PER   ? CR_ENT_PERSON
              : se->kind == CR_ENT_ORG ? CR_ENT_ORGANIZATION
              : se->kind == CR_ENT_LOC ? CR_ENT_PLACE
                                       : CR_ENT_OTHER;
    o->name = cr_arena_strdup(a, se->name);
    o->variants = cr_arena_calloc(a, se->nvariants + 1, sizeof *o->variants);
    o->docs.v = cr_arena_calloc(a, se->ndocs + 1, sizeof *o->docs.v);
    if (!o->name || !o->variants || !o->docs.v)
      return -1;
    for (size_t k = 0; k < se->nvariants; k++)
      if (!(o->variants[k] = cr_arena_strdup(a, se->variants[k])))
        return -1;
    o->nvariants = se->nvariants;
    memcpy(o->docs.v, se->docs, se->ndocs * sizeof *o->docs.v);
    o->docs.n = se->ndocs;
    o->mentions = se->mentions;
  }
  s->nentities = n;
  return 0;
}

void cr_pipeline_free(cr_pipeline *p) {
  if (!p)
    return;
  free_stories(p);
  cr_normalizer_free(p->nz);
  cr_dedup_free(p->dedup);
  cr_entities_free(p->ents);
  cr_claims_ctx_free(p->claims);
  cr_cluster_free(p->cl);
  cr_verify_free(p->verify);
  cr_arena_free(p->story_arena);
  cr_free(p);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

const char *cr_phase_name(cr_phase ph) {
  static const char *const names[CR_PH_COUNT] = {
      "extract", "normalize", "entities", "claims", "dedup",
      "cluster", "origins",   "stories",  "aliases", "verify", "summary"};
  return (unsigned)ph < CR_PH_COUNT ? names[ph] : "?";
}

const cr_phase_stat *cr_pipeline_stats(const cr_pipeline *p) {
  return p->stats;
}

/* account the time since *t0 to a phase and restart the clock */
static void lap(cr_pipeline *p, cr_phase ph, uint64_t *t0, size_t n) {
  uint64_t t = now_ns();
  p->stats[ph].ns += t - *t0;
  p->stats[ph].n += n;
  *t0 = t;
}

void cr_doc_free(cr_doc *d) {
  if (d)
    cr_arena_free(d->arena);
}

static const char *dup_opt(cr_arena *a, const char *s) {
  return s ? cr_arena_strdup(a, s) : NULL;
}

crossread_status cr_doc_build(const cr_item *it, size_t cap, void *normalizer,
                              unsigned flags, cr_doc **out, uint64_t ns[2],
                              crossread_error *err) {
  *out = NULL;
  uint64_t t0 = ns ? now_ns() : 0;
  cr_arena *a = cr_arena_new(64 * 1024, cap);
  if (!a)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, it->source, "out of memory");
  cr_doc *d = cr_arena_calloc(a, 1, sizeof *d);
  if (!d) {
    cr_arena_free(a);
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, it->source, "out of memory");
  }
  d->arena = a;
  d->kind = it->kind;
  d->story = -1;
  d->origin = -1;
  d->source = dup_opt(a, it->source);
  d->hints.id = dup_opt(a, it->hints.id);
  d->hints.title = dup_opt(a, it->hints.title);
  d->hints.url = dup_opt(a, it->hints.url);
  d->hints.published = dup_opt(a, it->hints.published);
  d->hints.outlet = dup_opt(a, it->hints.outlet);
  d->hints.author = dup_opt(a, it->hints.author);
  d->hints.language = dup_opt(a, it->hints.language);
  d->hints.charset = dup_opt(a, it->hints.charset);
  d->hints.summary = dup_opt(a, it->hints.summary);

  crossread_status st = cr_extract_run_ex(it->bytes, it->len, it->kind,
                                          &d->hints, flags, a, &d->ex, err);
  uint64_t t1 = ns ? now_ns() : 0;
  if (st == CROSSREAD_OK)
    st = cr_normalize_run(normalizer, d->ex.text, d->ex.text_len, a, &d->norm);
  if (ns) {
    ns[0] = t1 - t0;
    ns[1] = now_ns() - t1;
  }
  if (st == CROSSREAD_OK && d->norm.words == 0)
    st = CROSSREAD_ERR_EMPTY;
  if (st != CROSSREAD_OK) {
    if (cr_arena_hit_cap(a))
      st = CROSSREAD_ERR_TOOBIG;
    if (!err || err->code != st || !err->msg[0]) {
      const char *m = st == CROSSREAD_ERR_EMPTY ? "no article text found"
                      : st == CROSSREAD_ERR_TOOBIG
                          ? "document too big to process"
                          : crossread_strerror(st);
      cr_error_set(err, st, it->source, "%s", m);
    }
    if (err && !err->source[0])
      snprintf(err->source, sizeof err->source, "%s", it->source);
    cr_arena_free(a);
    return st;
  }
  *out = d;
  return CROSSREAD_OK;
}

/* Seconds since 1970 of an ISO 8601 date or date-time ("2025-12-17",
 * "2025-12-17T04:20:00Z", "...+02:00"), -1 when it is not one. */
static int64_t iso_epoch(const char *s) {
  if (!s)
    return -1;
  int v[6] = {0, 0, 0, 0, 0, 0}, n = 0;
  const char *q = s;
  static const int width[6] = {4, 2, 2, 2, 2, 2};
  while (n < 6) {
    int x = 0, k = 0;
    while (k < width[n] && *q >= '0' && *q <= '9')
      x = x * 10 + (*q++ - '0'), k++;
    if (k != width[n])
      break;
    v[n++] = x;
    if (n == 3 && *q != 'T' && *q != ' ')
      break;
    if (*q == '-' || *q == ':' || *q == 'T' || *q == ' ')
      q++;
  }
  if (n < 3 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
    return -1;
  /* days from civil (proleptic Gregorian) */
  int y = v[0] - (v[1] <= 2);
  int era = y / 400;
  int yoe = y - era * 400;
  int doy = (153 * (v[1] + (v[1] > 2 ? -3 : 9)) + 2) / 5 + v[2] - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = (int64_t)era * 146097 + doe - 719468;
  int64_t t = days * 86400 + v[3] * 3600 + v[4] * 60 + v[5];
  while (*q >= '0' && *q <= '9') /* fractions of seconds */
    q++;
  if (*q == '.')
    for (q++; *q >= '0' && *q <= '9'; q++)
      ;
  if ((*q == '+' || *q == '-') && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' &&
      q[2] <= '9') {
    int off = ((q[1] - '0') * 10 + (q[2] - '0')) * 3600;
    const char *m = q[3] == ':' ? q + 4 : q + 3;
    if (m[0] >= '0' && m[0] <= '9' && m[1] >= '0' && m[1] <= '9')
      off += ((m[0] - '0') * 10 + (m[1] - '0')) * 60;
    t += *q == '+' ? -off : off;
  }
  return t;
}

/* The clustering stage's view of a document: its text, its title (as
 * tokens too), time, entities and the article it copies, if any. */
static int cluster_push(cr_pipeline *p, cr_doc *d, int64_t published,
                        const cr_dedup_out *prov) {
  cr_cluster_opts o;
  cr_cluster_opts_default(&o);
  const char *title = d->ex.title ? d->ex.title : d->hints.title;
  cr_norm tn;
  int has_title = title && cr_normalize_run(p->nz, title, strlen(title),
                                            d->arena, &tn) == CROSSREAD_OK;
  size_t cap = 2 * d->ents.ne + 1;
  cr_cluster_key *keys = cr_arena_alloc(d->arena, cap * sizeof *keys);
  if (!keys)
    return -1;
  cr_cluster_meta m = {title,
                       has_title ? &tn : NULL,
                       published,
                       keys,
                       cr_cluster_entity_keys(&d->ents, &d->norm, o.lead_sents,
                                              o.w_lead, keys, cap),
                       cr_cluster_origin_of(prov->edges, prov->n, d->index)};
  return cr_cluster_push(p->cl, d->index, &d->norm, &m) < 0 ? -1 : 0;
}

/* The claims stage's test for people, answered from the entity stage's
 * mentions of the same document (text is a span of its cr_norm.text): 1 a
 * person (gender 'm', 'f' or 0), 0 an organisation or place, -1 unknown. */
static int person_of(void *ud, const char *text, size_t len, char *gender) {
  const cr_doc *d = ud;
  const char *base = d->norm.text;
  if (!base || text < base || text + len > base + d->norm.len)
    return -1;
  uint32_t off = (uint32_t)(text - base), end = off + (uint32_t)len;
  const cr_mention *m = d->ents.m;
  size_t lo = 0, hi = d->ents.nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].off + m[mid].len <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < d->ents.nm && m[i].off < end; i++) {
    if (m[i].flags & CR_MF_PRONOUN)
      continue;
    if (m[i].kind == CR_ENT_PER) {
      uint8_t g = m[i].entity >= 0 && (size_t)m[i].entity < d->ents.ne
                      ? d->ents.e[m[i].entity].gender
                      : 0;
      *gender = g == 1 ? 'm' : g == 2 ? 'f' : 0;
      return 1;
    }
    if (m[i].off <= off && m[i].off + m[i].len >= end)
      return 0;
  }
  return -1;
}

crossread_status cr_pipeline_push(cr_pipeline *p, const cr_item *it,
                                  crossread_error *err) {
  crossread_engine *eng = p->eng;
  if (eng->ndocs >= UINT32_MAX - 1)
    return cr_error_set(err, CROSSREAD_ERR_TOOBIG, it->source,
                        "too many articles in one engine");
  if (cr_grow((void **)&eng->docs, &eng->docs_cap, eng->ndocs + 1,
              sizeof *eng->docs))
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, it->source, "out of memory");
  cr_doc *d;
  uint64_t ns[2] = {0, 0};
  crossread_status st =
      cr_doc_build(it, eng->doc_cap, p->nz, eng->flags, &d, ns, err);
  p->stats[CR_PH_EXTRACT].ns += ns[0];
  p->stats[CR_PH_EXTRACT].n++;
  p->stats[CR_PH_NORMALIZE].ns += ns[1];
  p->stats[CR_PH_NORMALIZE].n += st == CROSSREAD_OK;
  if (st != CROSSREAD_OK)
    return st;
  uint64_t t0 = now_ns();
  st = cr_entities_run(p->ents, &d->norm, d->arena, &d->ents);
  lap(p, CR_PH_ENTITIES, &t0, 1);
  if (st != CROSSREAD_OK) {
    cr_error_set(err, st, it->source, "%s",
                 st == CROSSREAD_ERR_TOOBIG ? "document too big to process"
                                            : crossread_strerror(st));
    cr_doc_free(d);
    return st;
  }
  /* claims: quantities, dates (against the article's date), quotes; the
   * entity stage tells people and their gender */
  cr_claims_ctx_set_person_fn(p->claims, person_of, d);
  d->claims = cr_arena_calloc(d->arena, 1, sizeof *d->claims);
  st = d->claims ? cr_claims_run(p->claims, &d->norm,
                                 d->ex.published ? d->ex.published
                                                 : d->hints.published,
                                 d->arena, d->claims)
                 : CROSSREAD_ERR_NOMEM;
  lap(p, CR_PH_CLAIMS, &t0, 1);
  if (st != CROSSREAD_OK) {
    /* the article stays; only its claims are lost */
    if (d->claims)
      memset(d->claims, 0, sizeof *d->claims);
    if (eng->note_fn) {
      crossread_error note;
      cr_error_set(&note, st, it->source, "claims skipped: %s",
                   cr_arena_hit_cap(d->arena) ? "document too big"
                                              : crossread_strerror(st));
      eng->note_fn(eng->note_ud, &note);
    }
  }
  d->index = (uint32_t)eng->ndocs;
  snprintf(d->id, sizeof d->id, "a%u", d->index + 1);
  int64_t published =
      iso_epoch(d->ex.published ? d->ex.published : d->hints.published);
  cr_dedup_meta meta = {published, d->ex.credit,
                        d->ex.outlet ? d->ex.outlet : d->hints.outlet};
  cr_dedup_out prov;
  t0 = now_ns();
  if (cr_dedup_push(p->dedup, d->index, &d->norm, &meta, &prov)) {
    cr_doc_free(d);
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, it->source, "out of memory");
  }
  lap(p, CR_PH_DEDUP, &t0, 1);
  eng->docs[eng->ndocs++] = d;
  /* a document the clustering stage cannot take (out of memory) is still
   * kept: it becomes a story of its own at finish */
  (void)cluster_push(p, d, published, &prov);
  lap(p, CR_PH_CLUSTER, &t0, 1);
  size_t bad = d->ex.repaired + d->norm.repaired;
  if (bad && eng->note_fn) {
    crossread_error note;
    cr_error_set(&note, CROSSREAD_ERR_ENCODING, it->source,
                 "%zu invalid UTF-8 byte%s replaced with U+FFFD", bad,
                 bad == 1 ? "" : "s");
    eng->note_fn(eng->note_ud, &note);
  }
  eng->finished = 0;
  return CROSSREAD_OK;
}

/* "2025-12-17T04:20:00Z" or "2025-12-17" -> seconds since the epoch (UTC;
 * an offset is ignored: ordering only); 0 when absent or unreadable. */
static int64_t iso_seconds(const char *s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!s || sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12 ||
      d < 1 || d > 31)
    return 0;
  if (s[10] == 'T' || s[10] == ' ')
    sscanf(s + 11, "%2d:%2d:%2d", &h, &mi, &sec);
  y -= mo <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return ((int64_t)era * 146097 + doe - 719468) * 86400 + h * 3600 + mi * 60 +
         sec;
}

/* The summary of each story (lib/summarize), into the story arena. */
static crossread_status summarize_stories(cr_pipeline *p) {
  crossread_engine *eng = p->eng;
  cr_sum_opts o;
  cr_sum_opts_default(&o);
  o.words = eng->summary_words;
  for (size_t i = 0; i < p->nstories; i++) {
    cr_story *s = &p->stories[i];
    cr_sum_doc *sd =
        cr_arena_calloc(p->story_arena, s->ndocs ? s->ndocs : 1, sizeof *sd);
    if (!sd)
      return CROSSREAD_ERR_NOMEM;
    for (size_t k = 0; k < s->ndocs; k++) {
      const cr_doc *d = eng->docs[s->docs[k]];
      sd[k].norm = &d->norm;
      sd[k].origin = d->origin;
      sd[k].published =
          iso_seconds(d->ex.published ? d->ex.published : d->hints.published);
    }
    cr_summary sum;
    crossread_status st =
        cr_summarize_run(sd, s->ndocs, &o, p->story_arena, &sum);
    if (st != CROSSREAD_OK)
      return st;
    s->summary =
        cr_arena_calloc(p->story_arena, sum.n ? sum.n : 1, sizeof *s->summary);
    if (!s->summary)
      return CROSSREAD_ERR_NOMEM;
    for (size_t k = 0; k < sum.n; k++) {
      const cr_sum_item *it = &sum.items[k];
      cr_ssentence *x = &s->summary[k];
      x->text = it->text;
      x->docs.v = it->cites; /* story positions -> engine indexes, in place:
                                both ascending, the story's in input order */
      for (size_t c = 0; c < it->ncites; c++)
        x->docs.v[c] = s->docs[it->cites[c]];
      x->docs.n = it->ncites;
    }
    s->nsummary = sum.n;
  }
  return CROSSREAD_OK;
}

/* The provenance of every document from the dedup stage's graph: dense
 * origin ids in input order, and each derived document's sources. */
static crossread_status link_origins(cr_pipeline *p) {
  crossread_engine *eng = p->eng;
  if (cr_dedup_flush(p->dedup))
    return CROSSREAD_ERR_NOMEM;
  int32_t norig = 0;
  for (size_t i = 0; i < eng->ndocs; i++) {
    uint32_t root = cr_dedup_origin(p->dedup, (uint32_t)i);
    cr_doc *d = eng->docs[i];
    d->origin = root < i ? eng->docs[root]->origin : norig++;
    d->derived = NULL;
    d->nderived = 0;
  }
  size_t ne;
  const cr_dedup_edge *e = cr_dedup_edges(p->dedup, &ne);
  size_t *count = cr_calloc(eng->ndocs ? eng->ndocs : 1, sizeof *count);
  if (!count)
    return CROSSREAD_ERR_NOMEM;
  for (size_t k = 0; k < ne; k++)
    if (e[k].relation && !e[k].removed) {
      uint32_t derived = e[k].source == e[k].older ? e[k].newer : e[k].older;
      if (derived < eng->ndocs)
        count[derived]++;
    }
  for (size_t i = 0; i < eng->ndocs; i++) {
    if (!count[i])
      continue;
    cr_sedge *l = cr_arena_calloc(p->story_arena, count[i], sizeof *l);
    if (!l) {
      cr_free(count);
      return CROSSREAD_ERR_NOMEM;
    }
    eng->docs[i]->derived = l;
  }
  for (size_t k = 0; k < ne; k++) {
    if (!e[k].relation || e[k].removed)
      continue;
    uint32_t derived = e[k].source == e[k].older ? e[k].newer : e[k].older;
    if (derived >= eng->ndocs || e[k].source >= eng->ndocs)
      continue;
    cr_doc *d = eng->docs[derived];
    cr_sedge *l = &d->derived[d->nderived++];
    l->doc = e[k].source;
    l->relation = cr_dedup_rel_name(e[k].relation);
    l->score = e[k].score;
    if (e[k].nspans) /* spans lie in the newer document's text */
      l->evidence = cr_arena_strndup(
          p->story_arena, eng->docs[e[k].newer]->norm.text + e[k].spans[0].off,
          e[k].spans[0].len);
  }
  cr_free(count);
  return CROSSREAD_OK;
}

/* Claims aligned across the story's articles, conflicts, timeline and
 * quotes (lib/verify). */
static crossread_status verify_story(cr_pipeline *p, cr_story *s,
                                     const cr_alias *al) {
  cr_verify_doc *vd =
      cr_arena_calloc(p->story_arena, s->ndocs ? s->ndocs : 1, sizeof *vd);
  if (!vd)
    return CROSSREAD_ERR_NOMEM;
  for (size_t k = 0; k < s->ndocs; k++) {
    const cr_doc *d = p->eng->docs[s->docs[k]];
    vd[k] = (cr_verify_doc){
        d->index,  &d->norm,
        d->claims, &d->ents,
        d->origin, d->ex.published ? d->ex.published : d->hints.published};
  }
  return cr_verify_story(p->verify, vd, s->ndocs, al, p->story_arena, s);
}

/* The stories of the clustering stage, largest first; a document it could
 * not take is a story of its own after them. */
static crossread_status build_stories(cr_pipeline *p) {
  crossread_engine *eng = p->eng;
  if (cr_cluster_flush(p->cl))
    return CROSSREAD_ERR_NOMEM;
  size_t nc = cr_cluster_story_count(p->cl), n = nc;
  for (size_t i = 0; i < eng->ndocs; i++)
    n += cr_cluster_story_of(p->cl, (uint32_t)i) < 0;
  p->stories = cr_arena_calloc(p->story_arena, n ? n : 1, sizeof *p->stories);
  if (!p->stories)
    return CROSSREAD_ERR_NOMEM;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    cr_story *s = &p->stories[i];
    snprintf(s->id, sizeof s->id, "s%u", (unsigned)(i + 1));
    size_t nd = 1;
    const uint32_t *docs = NULL;
    if (i < nc) {
      docs = cr_cluster_story_docs(p->cl, i, &nd);
      s->title = cr_cluster_story_title(p->cl, i);
    } else {
      while (cr_cluster_story_of(p->cl, (uint32_t)k) >= 0)
        k++;
      docs = (const uint32_t *)&k; /* copied below */
    }
    s->docs = cr_arena_alloc(p->story_arena, nd * sizeof *s->docs);
    if (!s->docs)
      return CROSSREAD_ERR_NOMEM;
    for (size_t j = 0; j < nd; j++)
      s->docs[j] = i < nc ? docs[j] : (uint32_t)k;
    if (i >= nc)
      k++;
    s->ndocs = nd;
    s->independent_origins =
        cr_dedup_count_origins(p->dedup, s->docs, s->ndocs);
    for (size_t j = 0; j < nd; j++) {
      cr_doc *d = eng->docs[s->docs[j]];
      const char *pub = d->ex.published;
      d->story = (int32_t)i;
      if (!s->title)
        s->title = d->ex.title ? d->ex.title : d->hints.title;
      if (pub && (!s->first_published || strcmp(pub, s->first_published) < 0))
        s->first_published = pub;
      if (pub && (!s->last_published || strcmp(pub, s->last_published) > 0))
        s->last_published = pub;
    }
  }
  p->nstories = n;
  return CROSSREAD_OK;
}

crossread_status cr_pipeline_finish(cr_pipeline *p, crossread_error *err) {
  crossread_engine *eng = p->eng;
  free_stories(p);
  cr_arena_free(p->story_arena);
  p->story_arena = cr_arena_new(64 * 1024, 0);
  p->stories = NULL;
  p->nstories = 0;
  if (!p->story_arena)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  uint64_t t0 = now_ns();
  if (link_origins(p) != CROSSREAD_OK)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  lap(p, CR_PH_ORIGINS, &t0, eng->ndocs);
  if (build_stories(p) != CROSSREAD_OK)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  lap(p, CR_PH_STORIES, &t0, p->nstories);
  /* entities across the articles of each story */
  p->alias = cr_calloc(p->nstories ? p->nstories : 1, sizeof *p->alias);
  if (!p->alias)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  for (size_t i = 0; i < p->nstories; i++) {
    cr_story *s = &p->stories[i];
    cr_alias *al = p->alias[i] = cr_alias_new(p->ents);
    if (!al)
      return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
    for (size_t k = 0; k < s->ndocs; k++) {
      const cr_doc *d = eng->docs[s->docs[k]];
      if (cr_alias_add(al, s->docs[k], &d->norm, &d->ents))
        return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
    }
    if (cr_alias_resolve(al) || story_entities(p, s, al))
      return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  }
  lap(p, CR_PH_ALIASES, &t0, p->nstories);
  /* claims cross-checked, quotes and timeline of each story */
  for (size_t i = 0; i < p->nstories; i++)
    if (verify_story(p, &p->stories[i], p->alias[i]) != CROSSREAD_OK)
      return cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
  lap(p, CR_PH_VERIFY, &t0, p->nstories);
  crossread_status st = summarize_stories(p);
  if (st != CROSSREAD_OK)
    return cr_error_set(err, st, "", "out of memory");
  lap(p, CR_PH_SUMMARY, &t0, p->nstories);
  eng->finished = 1;
  return CROSSREAD_OK;
}

size_t cr_pipeline_story_count(const cr_pipeline *p) { return p->nstories; }
const cr_story *cr_pipeline_story(const cr_pipeline *p, size_t i) {
  return i < p->nstories ? &p->stories[i] : NULL;
}
