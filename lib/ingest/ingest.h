/* ingest.h -- first stage: files, directories, stdin, JSON Lines and RSS/Atom
 * feeds become items (one article's raw bytes plus what the container knew
 * about it). Charset handling and main-text extraction are the next stage's. */
#ifndef CR_INGEST_H
#define CR_INGEST_H

#include <stddef.h>

#include "crossread.h"

/* What the container says about an article before extraction. Any field may
 * be NULL. */
typedef struct cr_hints {
  const char *id; /* the container's own id of the article (JSON Lines "id") */
  const char *title;
  const char *url;
  const char *published; /* as given; extraction parses it */
  const char *outlet;
  const char *author;
  const char *language;
  const char *charset; /* from an HTTP header or the feed's encoding */
  const char *summary; /* feed description */
} cr_hints;

typedef struct cr_item {
  const char *source; /* name for errors and for the article's "source" */
  const char *bytes;
  size_t len;
  crossread_input kind; /* CROSSREAD_IN_HTML or CROSSREAD_IN_TEXT */
  cr_hints hints;
} cr_item;

/* Receives each item; returns OK when the article was taken, else an error
 * that the ingest layer reports through on_error. */
typedef crossread_status (*cr_item_fn)(void *ud, const cr_item *it,
                                       crossread_error *err);
typedef void (*cr_ingest_error_fn)(void *ud, const crossread_error *err);

typedef struct cr_ingest {
  cr_item_fn on_item;
  cr_ingest_error_fn on_error; /* a rejected input, line or item */
  cr_ingest_error_fn on_note;  /* a problem that rejected nothing; may be NULL */
  void *ud;
  size_t max_input; /* bytes of one article; bigger ones are TOOBIG */
  size_t max_container; /* bytes of one JSON Lines file or feed */
  size_t taken;     /* articles taken */
  size_t rejected;  /* inputs, lines or items rejected */
} cr_ingest;

/* Guess the kind of an input from its name and first bytes. */
crossread_input cr_ingest_sniff(const char *name, const char *bytes, size_t len);

/* Feed one in-memory input. Returns OK when at least one article was taken,
 * else the input's error (already passed to on_error). */
crossread_status cr_ingest_bytes(cr_ingest *in, const char *source,
                                 const char *bytes, size_t len,
                                 crossread_input kind, crossread_error *err);
/* Feed a file, a directory (recursively, sorted by name) or "-" (stdin). */
crossread_status cr_ingest_path(cr_ingest *in, const char *path,
                                crossread_input kind, crossread_error *err);

/* Parsers of the container formats (jsonl.c, feed.c): call in->on_item per
 * article, in->on_error per bad line/item. */
crossread_status cr_ingest_jsonl(cr_ingest *in, const char *source,
                                 const char *bytes, size_t len,
                                 crossread_error *err);
crossread_status cr_ingest_feed(cr_ingest *in, const char *source,
                                const char *bytes, size_t len,
                                crossread_error *err);

#endif
