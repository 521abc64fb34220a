/* crossread.h -- libcrossread public API. Everything not here is private.
 *
 * libcrossread turns news articles (HTML pages, plain text, JSON Lines, RSS/Atom
 * feeds) into story digests: main text, copies and rewrites, stories, entities,
 * claims cross-checked across independent sources, and a cited summary.
 * The output contract of the digest is docs/digest-json.md.
 */
#ifndef CROSSREAD_H
#define CROSSREAD_H

#include <stddef.h>
#include <stdio.h>

#include "crossread_version.h" /* CROSSREAD_VERSION_{MAJOR,MINOR,PATCH,STRING,HEX} */
#include "crossread_export.h"  /* CROSSREAD_API */

#ifdef __cplusplus
extern "C" {
#endif

/* ## Errors
 *
 * Every function that can fail returns a crossread_status; detail goes to a
 * caller-provided crossread_error, which may be NULL. The library never prints,
 * exits or aborts on bad input. */
typedef enum crossread_status {
  CROSSREAD_OK = 0,
  CROSSREAD_ERR_NOMEM,    /* an allocation failed */
  CROSSREAD_ERR_IO,       /* reading or writing failed; sys_errno is set */
  CROSSREAD_ERR_PARSE,    /* the input is not what it claims to be */
  CROSSREAD_ERR_ENCODING, /* binary data, or text in no usable encoding */
  CROSSREAD_ERR_TOOBIG,   /* an input or a per-document buffer passed its cap */
  CROSSREAD_ERR_EMPTY,    /* the input holds no article text */
  CROSSREAD_ERR_STORE,    /* the store failed */
  CROSSREAD_ERR_USAGE     /* a bad argument from the caller */
} crossread_status;       /* append only; never renumber */

typedef struct crossread_error {
  crossread_status code;
  char source[256]; /* input name: path, URL, "stdin", "file.jsonl:17" */
  size_t offset;    /* byte offset in that input, 0 if unknown */
  int sys_errno;    /* errno for CROSSREAD_ERR_IO, 0 otherwise */
  char msg[256];    /* one line, no newline, no program name */
} crossread_error;

/* Static text for a status; never NULL. */
CROSSREAD_API const char *crossread_strerror(crossread_status code);

/* ## Memory
 *
 * Every buffer the library hands to the caller is freed with crossread_free().
 * NULL is a harmless no-op. */
CROSSREAD_API void crossread_free(void *p);

/* Replace the allocator used by libcrossread (not by the libraries it links).
 * Call before creating any engine; NULL arguments restore the C library's.
 * Not thread-safe. The functions must behave like malloc/realloc/free and
 * may return NULL: the library then fails that input with
 * CROSSREAD_ERR_NOMEM and keeps going. */
CROSSREAD_API void crossread_set_allocator(void *(*malloc_fn)(size_t),
                                           void *(*realloc_fn)(void *, size_t),
                                           void (*free_fn)(void *));

/* ## Engine
 *
 * An engine holds everything fed into it: articles, stories, the provenance
 * graph. One engine is used by one thread at a time; separate engines are
 * independent. */
typedef struct crossread_engine crossread_engine;

enum {
  CROSSREAD_F_KEEP_COMMENTS = 1u << 0, /* keep reader comments in the JSON */
  CROSSREAD_F_NO_DROPPED = 1u << 1,    /* leave "dropped" lists empty */
  CROSSREAD_F_NO_TEXT = 1u << 2,       /* leave article "text" out of reports */
  CROSSREAD_F_FAST_HTML = 1u << 3      /* parse HTML with libxml2, not gumbo */
};

/* A new engine with CROSSREAD_F_* flags; NULL when out of memory. */
CROSSREAD_API crossread_engine *crossread_engine_new(unsigned flags);
/* Free an engine and all it holds. NULL is a harmless no-op. */
CROSSREAD_API void crossread_engine_free(crossread_engine *eng);

/* Word budget of story summaries (default 100). USAGE when 0 or > 10000. */
CROSSREAD_API crossread_status crossread_set_summary_words(crossread_engine *eng,
                                                           unsigned words);
/* Largest article accepted, in bytes (default 16 MiB); a bigger one is
 * rejected with CROSSREAD_ERR_TOOBIG and the others go on. JSON Lines files
 * and feeds may be 64 times bigger (at least 1 GiB): the cap then applies to
 * each article in them. */
CROSSREAD_API crossread_status crossread_set_max_input(crossread_engine *eng,
                                                       size_t bytes);

/* Called once for every rejected input (and every rejected line of a JSON
 * Lines input), in order, while the others go on being processed. The error
 * is valid only during the call. */
typedef void (*crossread_error_fn)(void *userdata, const crossread_error *err);
CROSSREAD_API void crossread_set_error_callback(crossread_engine *eng,
                                                crossread_error_fn fn,
                                                void *userdata);
/* Called for problems that rejected nothing: invalid UTF-8 bytes replaced,
 * a truncated feed whose first items were kept. Off by default. */
CROSSREAD_API void crossread_set_note_callback(crossread_engine *eng,
                                               crossread_error_fn fn,
                                               void *userdata);

/* ## Feeding
 *
 * Articles are fed one input at a time, then crossread_finish() builds the
 * stories. An input may hold many articles (a directory, JSON Lines, a feed). */
typedef enum crossread_input {
  CROSSREAD_IN_AUTO = 0, /* sniffed from the name and the bytes */
  CROSSREAD_IN_HTML,
  CROSSREAD_IN_TEXT,
  CROSSREAD_IN_JSONL, /* one article per line: text or html, url, title, ... */
  CROSSREAD_IN_FEED   /* RSS or Atom */
} crossread_input;

/* Feed the bytes of one input named `source` (copied). The bytes are
 * borrowed for the call only. Returns OK when at least one article was
 * taken; otherwise the error of the input (also reported to the error
 * callback). Errors of single lines or items go to the callback only. */
CROSSREAD_API crossread_status crossread_feed(crossread_engine *eng,
                                              const char *source,
                                              const void *bytes, size_t len,
                                              crossread_input kind,
                                              crossread_error *err);

/* Feed a file, a directory (recursively, in name order) or "-" for standard
 * input. For a directory, every file is fed and each failure goes to the
 * error callback; the return is OK when at least one article was taken. */
CROSSREAD_API crossread_status crossread_feed_path(crossread_engine *eng,
                                                   const char *path,
                                                   crossread_input kind,
                                                   crossread_error *err);

/* End of input: cluster, cross-check and summarise. More input may be fed
 * afterwards; call crossread_finish() again before the next report. */
CROSSREAD_API crossread_status crossread_finish(crossread_engine *eng,
                                                crossread_error *err);

/* Number of articles taken and of stories built (after finish). */
CROSSREAD_API size_t crossread_article_count(const crossread_engine *eng);
CROSSREAD_API size_t crossread_story_count(const crossread_engine *eng);
/* Number of inputs (or lines, or items) rejected so far. */
CROSSREAD_API size_t crossread_rejected_count(const crossread_engine *eng);

/* Time spent in each stage so far, as a small text table (stage, articles
 * or stories, milliseconds, microseconds per item) followed by the bytes
 * held by the documents. A new buffer freed with crossread_free(). */
CROSSREAD_API crossread_status crossread_stats(const crossread_engine *eng,
                                               char **out, size_t *len);

/* ## Results */
typedef enum crossread_format {
  CROSSREAD_FORMAT_JSON = 0, /* the digest contract, docs/digest-json.md */
  CROSSREAD_FORMAT_MARKDOWN,
  CROSSREAD_FORMAT_TEXT,
  CROSSREAD_FORMAT_HTML /* one self-contained page */
} crossread_format;

/* Render the digest of everything finished so far into a new buffer (NUL
 * terminated, length in *len when len is not NULL); free it with
 * crossread_free(). */
CROSSREAD_API crossread_status crossread_render(crossread_engine *eng,
                                                crossread_format format,
                                                char **out, size_t *len,
                                                crossread_error *err);

/* Extract one page or text dump on its own (no engine): text and metadata as
 * JSON (an ARTICLE object of the contract without story fields) or as text.
 * The result is a new buffer freed with crossread_free(). */
CROSSREAD_API crossread_status crossread_extract(const char *source,
                                                 const void *bytes, size_t len,
                                                 crossread_input kind,
                                                 crossread_format format,
                                                 char **out, size_t *out_len,
                                                 crossread_error *err);
/* The same with CROSSREAD_F_* flags (CROSSREAD_F_FAST_HTML: parse HTML with
 * libxml2's parser, about twice as fast as the default gumbo, whose tree is
 * the one a browser builds). */
CROSSREAD_API crossread_status crossread_extract_ex(
    const char *source, const void *bytes, size_t len, crossread_input kind,
    crossread_format format, unsigned flags, char **out, size_t *out_len,
    crossread_error *err);

/* ## Version */
/* CROSSREAD_VERSION_HEX of the library linked at run time. */
CROSSREAD_API unsigned crossread_version(void);
CROSSREAD_API const char *crossread_version_string(void);

#ifdef __cplusplus
}
#endif
#endif /* CROSSREAD_H */
