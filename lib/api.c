/* api.c -- the public functions, thin: argument checks, then the pipeline,
 * the ingest layer or the report stage. */
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "engine.h"
#include "ingest/ingest.h"
#include "report/report.h"

#define DEFAULT_MAX_INPUT ((size_t)16 << 20)

crossread_engine *crossread_engine_new(unsigned flags) {
  crossread_engine *e = cr_calloc(1, sizeof *e);
  if (!e)
    return NULL;
  e->flags = flags;
  e->summary_words = 100;
  e->max_input = DEFAULT_MAX_INPUT;
  e->doc_cap = DEFAULT_MAX_INPUT * 64;
  e->pipe = cr_pipeline_new(e);
  if (!e->pipe) {
    cr_free(e);
    return NULL;
  }
  return e;
}

void crossread_engine_free(crossread_engine *e) {
  if (!e)
    return;
  for (size_t i = 0; i < e->ndocs; i++)
    cr_doc_free(e->docs[i]);
  cr_free(e->docs);
  cr_pipeline_free(e->pipe);
  cr_free(e);
}

crossread_status crossread_set_summary_words(crossread_engine *e, unsigned w) {
  if (!e || w == 0 || w > 10000)
    return CROSSREAD_ERR_USAGE;
  e->summary_words = w;
  return CROSSREAD_OK;
}

crossread_status crossread_set_max_input(crossread_engine *e, size_t bytes) {
  if (!e || bytes == 0)
    return CROSSREAD_ERR_USAGE;
  e->max_input = bytes;
  e->doc_cap = bytes > SIZE_MAX / 64 ? SIZE_MAX : bytes * 64;
  return CROSSREAD_OK;
}

void crossread_set_error_callback(crossread_engine *e, crossread_error_fn fn,
                                  void *ud) {
  if (!e)
    return;
  e->err_fn = fn;
  e->err_ud = ud;
}

static crossread_status on_item(void *ud, const cr_item *it,
                                crossread_error *err) {
  crossread_engine *e = ud;
  return cr_pipeline_push(e->pipe, it, err);
}

static void on_error(void *ud, const crossread_error *err) {
  crossread_engine *e = ud;
  e->rejected++;
  if (e->err_fn)
    e->err_fn(e->err_ud, err);
}

static void on_note(void *ud, const crossread_error *err) {
  crossread_engine *e = ud;
  if (e->note_fn)
    e->note_fn(e->note_ud, err);
}

void crossread_set_note_callback(crossread_engine *e, crossread_error_fn fn,
                                 void *ud) {
  if (!e)
    return;
  e->note_fn = fn;
  e->note_ud = ud;
}

static void ingest_init(crossread_engine *e, cr_ingest *in) {
  memset(in, 0, sizeof *in);
  in->on_item = on_item;
  in->on_error = on_error;
  in->on_note = on_note;
  in->ud = e;
  in->max_input = e->max_input;
  in->max_container = e->max_input > ((size_t)1 << 30) / 64
                          ? e->max_input * 64
                          : (size_t)1 << 30;
}

crossread_status crossread_feed(crossread_engine *e, const char *source,
                                const void *bytes, size_t len,
                                crossread_input kind, crossread_error *err) {
  cr_error_clear(err);
  if (!e || (!bytes && len) || kind > CROSSREAD_IN_FEED)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, source, "bad argument");
  cr_ingest in;
  ingest_init(e, &in);
  return cr_ingest_bytes(&in, source ? source : "input", bytes ? bytes : "",
                         len, kind, err);
}

crossread_status crossread_feed_path(crossread_engine *e, const char *path,
                                     crossread_input kind,
                                     crossread_error *err) {
  cr_error_clear(err);
  if (!e || !path || kind > CROSSREAD_IN_FEED)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, path, "bad argument");
  cr_ingest in;
  ingest_init(e, &in);
  return cr_ingest_path(&in, path, kind, err);
}

crossread_status crossread_finish(crossread_engine *e, crossread_error *err) {
  cr_error_clear(err);
  if (!e)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, "", "no engine");
  return cr_pipeline_finish(e->pipe, err);
}

size_t crossread_article_count(const crossread_engine *e) {
  return e ? e->ndocs : 0;
}
size_t crossread_story_count(const crossread_engine *e) {
  return e && e->finished ? cr_pipeline_story_count(e->pipe) : 0;
}
size_t crossread_rejected_count(const crossread_engine *e) {
  return e ? e->rejected : 0;
}

crossread_status crossread_render(crossread_engine *e, crossread_format fmt,
                                  char **out, size_t *len,
                                  crossread_error *err) {
  cr_error_clear(err);
  if (!e || !out || fmt > CROSSREAD_FORMAT_HTML)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, "", "bad argument");
  *out = NULL;
  if (!e->finished) {
    crossread_status st = crossread_finish(e, err);
    if (st != CROSSREAD_OK)
      return st;
  }
  cr_buf b;
  cr_buf_init(&b, 0);
  crossread_status st = cr_report_render(e, fmt, &b);
  if (st != CROSSREAD_OK || b.err) {
    cr_buf_clear(&b);
    return cr_error_set(err, st ? st : CROSSREAD_ERR_NOMEM, "",
                        "cannot render the digest");
  }
  *out = cr_buf_steal(&b, len);
  return *out ? CROSSREAD_OK
              : cr_error_set(err, CROSSREAD_ERR_NOMEM, "", "out of memory");
}

crossread_status crossread_extract(const char *source, const void *bytes,
                                   size_t len, crossread_input kind,
                                   crossread_format fmt, char **out,
                                   size_t *out_len, crossread_error *err) {
  return crossread_extract_ex(source, bytes, len, kind, fmt, 0, out, out_len,
                              err);
}

crossread_status crossread_extract_ex(const char *source, const void *bytes,
                                      size_t len, crossread_input kind,
                                      crossread_format fmt, unsigned flags,
                                      char **out, size_t *out_len,
                                      crossread_error *err) {
  cr_error_clear(err);
  if (!out || (!bytes && len) || fmt > CROSSREAD_FORMAT_HTML ||
      kind > CROSSREAD_IN_FEED)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, source, "bad argument");
  *out = NULL;
  if (!source)
    source = "input";
  if (kind == CROSSREAD_IN_AUTO)
    kind = cr_ingest_sniff(source, bytes, len);
  if (kind != CROSSREAD_IN_HTML && kind != CROSSREAD_IN_TEXT)
    return cr_error_set(err, CROSSREAD_ERR_USAGE, source,
                        "extract takes one HTML page or text file");
  cr_normalizer *nz = cr_normalizer_new();
  if (!nz)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, source, "out of memory");
  cr_item it = {0};
  it.source = source;
  it.bytes = bytes ? bytes : "";
  it.len = len;
  it.kind = kind;
  cr_doc *d = NULL;
  crossread_status st = cr_doc_build(&it, DEFAULT_MAX_INPUT * 16, nz, flags, &d, NULL, err);
  if (st == CROSSREAD_OK) {
    cr_buf b;
    cr_buf_init(&b, 0);
    st = cr_report_article(d, fmt, &b);
    if (st == CROSSREAD_OK && !b.err)
      *out = cr_buf_steal(&b, out_len);
    cr_buf_clear(&b);
    if (!*out)
      st = cr_error_set(err, st ? st : CROSSREAD_ERR_NOMEM, source,
                        "cannot render the article");
  }
  cr_doc_free(d);
  cr_normalizer_free(nz);
  return st;
}

crossread_status crossread_stats(const crossread_engine *e, char **out,
                                 size_t *len) {
  if (!e || !out)
    return CROSSREAD_ERR_USAGE;
  const cr_phase_stat *st = cr_pipeline_stats(e->pipe);
  cr_buf b;
  cr_buf_init(&b, 0);
  cr_buf_printf(&b, "%-10s %9s %10s %12s\n", "stage", "items", "ms", "us/item");
  double total = 0;
  for (int i = 0; i < CR_PH_COUNT; i++) {
    double ms = (double)st[i].ns / 1e6;
    total += ms;
    cr_buf_printf(&b, "%-10s %9zu %10.1f %12.1f\n", cr_phase_name((cr_phase)i),
                  st[i].n, ms, st[i].n ? ms * 1000.0 / (double)st[i].n : 0.0);
  }
  size_t bytes = 0;
  for (size_t i = 0; i < e->ndocs; i++)
    bytes += cr_arena_used(e->docs[i]->arena);
  cr_buf_printf(&b, "%-10s %9zu %10.1f\n", "total", e->ndocs, total);
  cr_buf_printf(&b, "documents hold %zu bytes (%zu per article)\n", bytes,
                e->ndocs ? bytes / e->ndocs : 0);
  if (b.err) {
    cr_buf_clear(&b);
    return CROSSREAD_ERR_NOMEM;
  }
  *out = cr_buf_steal(&b, len);
  return *out ? CROSSREAD_OK : CROSSREAD_ERR_NOMEM;
}

unsigned crossread_version(void) { return CROSSREAD_VERSION_HEX; }
const char *crossread_version_string(void) { return CROSSREAD_VERSION_STRING; }
