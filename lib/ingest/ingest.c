/* ingest.c -- inputs to items: files, directories, stdin; sniffing; the
 * per-input error rule (one error per bad input, the others go on). */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/error.h"
#include "normalize/normalize.h"

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static const char *skip_ws_bom(const char *p, const char *end) {
  if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

static int has_ci(const char *p, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (strncasecmp(p + i, needle, m) == 0)
      return 1;
  return 0;
}

crossread_input cr_ingest_sniff(const char *name, const char *bytes,
                                size_t len) {
  if (name) {
    if (ends_with(name, ".html") || ends_with(name, ".htm") ||
        ends_with(name, ".xhtml") || ends_with(name, ".html.gz"))
      return CROSSREAD_IN_HTML;
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson"))
      return CROSSREAD_IN_JSONL;
    if (ends_with(name, ".rss") || ends_with(name, ".atom"))
      return CROSSREAD_IN_FEED;
  }
  const char *end = bytes + len;
  const char *p = skip_ws_bom(bytes, end);
  size_t head = (size_t)(end - p) < 4096 ? (size_t)(end - p) : 4096;
  if (p < end && *p == '<') {
    if (has_ci(p, head, "<rss") || has_ci(p, head, "<feed") ||
        has_ci(p, head, "<rdf:RDF"))
      return CROSSREAD_IN_FEED;
    if (has_ci(p, head, "<html") || has_ci(p, head, "<!doctype html") ||
        has_ci(p, head, "<body") || has_ci(p, head, "<head") ||
        has_ci(p, head, "<p") || has_ci(p, head, "<div") ||
        has_ci(p, head, "<article"))
      return CROSSREAD_IN_HTML;
    if (name && ends_with(name, ".xml"))
      return CROSSREAD_IN_FEED;
    return CROSSREAD_IN_HTML;
  }
  if (p < end && *p == '{')
    return CROSSREAD_IN_JSONL;
  return CROSSREAD_IN_TEXT;
}

/* UTF-16 with a byte-order mark is turned into UTF-8 before anything else. */
static int utf16_to_utf8(const char *bytes, size_t len, cr_buf *out) {
  const char *from = (unsigned char)bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return -1;
  char *in = (char *)bytes + 2;
  size_t inleft = len - 2;
  char tmp[4096];
  while (inleft > 0) {
    char *o = tmp;
    size_t oleft = sizeof tmp;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    cr_buf_put(out, tmp, sizeof tmp - oleft);
    if (r == (size_t)-1 && errno != E2BIG) {
      if (inleft < 2)
        break; /* a truncated last unit */
      cr_buf_put(out, "\xEF\xBF\xBD", 3);
      in += 2;
      inleft -= 2;
    }
  }
  iconv_close(cd);
  return out->err ? -1 : 0;
}

static crossread_status reject(cr_ingest *in, crossread_error *err,
                               crossread_status code, const char *source,
                               const char *msg, int sys_errno) {
  crossread_error local;
  crossread_error *e = err ? err : &local;
  cr_error_set(e, code, source, "%s", msg);
  e->sys_errno = sys_errno;
  in->rejected++;
  if (in->on_error)
    in->on_error(in->ud, e);
  return code;
}

static crossread_status take(cr_ingest *in, const cr_item *it,
                             crossread_error *err) {
  crossread_error local;
  crossread_error *e = err ? err : &local;
  cr_error_clear(e);
  crossread_status st = in->on_item(in->ud, it, e);
  if (st == CROSSREAD_OK) {
    in->taken++;
    return st;
  }
  if (!e->source[0])
    snprintf(e->source, sizeof e->source, "%s", it->source);
  if (!e->msg[0])
    snprintf(e->msg, sizeof e->msg, "%s", crossread_strerror(st));
  e->code = st;
  in->rejected++;
  if (in->on_error)
    in->on_error(in->ud, e);
  return st;
}

static void human_size(size_t n, char *out, size_t cap) {
  if (n >= (size_t)1 << 20)
    snprintf(out, cap, "%.1f MiB", (double)n / (1 << 20));
  else
    snprintf(out, cap, "%zu bytes", n);
}

crossread_status cr_ingest_bytes(cr_ingest *in, const char *source,
                                 const char *bytes, size_t len,
                                 crossread_input kind, crossread_error *err) {
  if (kind == CROSSREAD_IN_AUTO)
    kind = cr_ingest_sniff(source, bytes, len);
  size_t cap = kind == CROSSREAD_IN_JSONL || kind == CROSSREAD_IN_FEED
                   ? in->max_container
                   : in->max_input;
  if (cap && len > cap) {
    char a[64], b[64], msg[200];
    human_size(len, a, sizeof a);
    human_size(cap, b, sizeof b);
    snprintf(msg, sizeof msg, "input too big (%s; the limit is %s)", a, b);
    return reject(in, err, CROSSREAD_ERR_TOOBIG, source, msg, 0);
  }
  const char *p = skip_ws_bom(bytes, bytes + len);
  if (p == bytes + len)
    return reject(in, err, CROSSREAD_ERR_EMPTY, source,
                  len ? "only white space, no article text" : "empty input",
                  0);
  cr_buf conv;
  cr_buf_init(&conv, 0);
  if (len >= 2 && (((unsigned char)bytes[0] == 0xFF &&
                    (unsigned char)bytes[1] == 0xFE) ||
                   ((unsigned char)bytes[0] == 0xFE &&
                    (unsigned char)bytes[1] == 0xFF))) {
    if (utf16_to_utf8(bytes, len, &conv)) {
      cr_buf_clear(&conv);
      return reject(in, err, CROSSREAD_ERR_ENCODING, source,
                    "cannot decode UTF-16 input", 0);
    }
    bytes = conv.data ? conv.data : "";
    len = conv.len;
    if (kind == CROSSREAD_IN_AUTO || kind == CROSSREAD_IN_TEXT)
      kind = cr_ingest_sniff(source, bytes, len);
  } else if (cr_looks_binary(bytes, len)) {
    return reject(in, err, CROSSREAD_ERR_ENCODING, source,
                  "binary data, not text", 0);
  }
  crossread_status st;
  if (kind == CROSSREAD_IN_JSONL) {
    st = cr_ingest_jsonl(in, source, bytes, len, err);
  } else if (kind == CROSSREAD_IN_FEED) {
    st = cr_ingest_feed(in, source, bytes, len, err);
  } else {
    cr_item it = {0};
    it.source = source;
    it.bytes = bytes;
    it.len = len;
    it.kind = kind == CROSSREAD_IN_HTML ? CROSSREAD_IN_HTML : CROSSREAD_IN_TEXT;
    st = take(in, &it, err);
  }
  cr_buf_clear(&conv);
  return st;
}

/* Read a whole stream, refusing more than cap bytes. */
static crossread_status read_stream(FILE *f, size_t cap, cr_buf *out,
                                    int *sys_errno) {
  char tmp[65536];
  for (;;) {
    size_t n = fread(tmp, 1, sizeof tmp, f);
    if (n && cr_buf_put(out, tmp, n))
      return out->max && out->len + n > out->max ? CROSSREAD_ERR_TOOBIG
                                                 : CROSSREAD_ERR_NOMEM;
    if (n < sizeof tmp) {
      if (ferror(f)) {
        *sys_errno = errno;
        return CROSSREAD_ERR_IO;
      }
      break;
    }
  }
  (void)cap;
  return CROSSREAD_OK;
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static crossread_status ingest_dir(cr_ingest *in, const char *path,
                                   crossread_input kind, crossread_error *err,
                                   int depth);

static crossread_status ingest_file(cr_ingest *in, const char *path,
                                    crossread_input kind, crossread_error *err,
                                    int depth) {
  char msg[300];
  int is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "stdin" : path;
  if (!is_stdin) {
    struct stat stt;
    if (stat(path, &stt) != 0) {
      snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
      return reject(in, err, CROSSREAD_ERR_IO, path, msg, errno);
    }
    if (S_ISDIR(stt.st_mode))
      return ingest_dir(in, path, kind, err, depth + 1);
    if (!S_ISREG(stt.st_mode))
      return reject(in, err, CROSSREAD_ERR_IO, path, "not a regular file", 0);
    crossread_input k = kind;
    if (k == CROSSREAD_IN_AUTO)
      k = cr_ingest_sniff(path, "", 0);
    size_t cap = k == CROSSREAD_IN_JSONL || k == CROSSREAD_IN_FEED
                     ? in->max_container
                     : in->max_input;
    if (k == CROSSREAD_IN_TEXT || k == CROSSREAD_IN_AUTO)
      cap = in->max_container > in->max_input ? in->max_container
                                              : in->max_input;
    if (cap && (unsigned long long)stt.st_size > cap) {
      char a[64], b[64];
      human_size((size_t)stt.st_size, a, sizeof a);
      human_size(in->max_input, b, sizeof b);
      snprintf(msg, sizeof msg, "input too big (%s; the limit is %s)", a, b);
      return reject(in, err, CROSSREAD_ERR_TOOBIG, path, msg, 0);
    }
  }
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
    return reject(in, err, CROSSREAD_ERR_IO, name, msg, errno);
  }
  cr_buf b;
  size_t cap = in->max_container > in->max_input ? in->max_container
                                                 : in->max_input;
  cr_buf_init(&b, cap);
  int se = 0;
  crossread_status st = read_stream(f, cap, &b, &se);
  if (!is_stdin)
    fclose(f);
  if (st != CROSSREAD_OK) {
    cr_buf_clear(&b);
    if (st == CROSSREAD_ERR_IO)
      snprintf(msg, sizeof msg, "cannot read: %s", strerror(se));
    else if (st == CROSSREAD_ERR_TOOBIG)
      snprintf(msg, sizeof msg, "input too big (over %zu bytes)", cap);
    else
      snprintf(msg, sizeof msg, "out of memory");
    return reject(in, err, st, name, msg, se);
  }
  st = cr_ingest_bytes(in, name, b.data ? b.data : "", b.len, kind, err);
  cr_buf_clear(&b);
  return st;
}

static crossread_status ingest_dir(cr_ingest *in, const char *path,
                                   crossread_input kind, crossread_error *err,
                                   int depth) {
  char msg[300];
  if (depth > 64)
    return reject(in, err, CROSSREAD_ERR_IO, path, "directories nested too deep", 0);
  DIR *d = opendir(path);
  if (!d) {
    snprintf(msg, sizeof msg, "cannot open directory: %s", strerror(errno));
    return reject(in, err, CROSSREAD_ERR_IO, path, msg, errno);
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  crossread_status st = CROSSREAD_OK;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.')
      continue; /* hidden files, . and .. */
    if (cr_grow((void **)&names, &cap, n + 1, sizeof *names) ||
        !(names[n] = cr_strdup(de->d_name))) {
      st = CROSSREAD_ERR_NOMEM;
      break;
    }
    n++;
  }
  closedir(d);
  if (st == CROSSREAD_OK)
    qsort(names, n, sizeof *names, name_cmp);
  size_t before = in->taken;
  crossread_error first;
  cr_error_clear(&first);
  for (size_t i = 0; st == CROSSREAD_OK && i < n; i++) {
    size_t plen = strlen(path) + strlen(names[i]) + 2;
    char *child = cr_malloc(plen);
    if (!child) {
      st = CROSSREAD_ERR_NOMEM;
      break;
    }
    snprintf(child, plen, "%s%s%s", path,
             path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
    crossread_error e;
    cr_error_clear(&e);
    if (ingest_file(in, child, kind, &e, depth) != CROSSREAD_OK &&
        first.code == CROSSREAD_OK)
      first = e;
    cr_free(child);
  }
  for (size_t i = 0; i < n; i++)
    cr_free(names[i]);
  cr_free(names);
  if (st != CROSSREAD_OK)
    return reject(in, err, st, path, "out of memory", 0);
  if (in->taken > before)
    return CROSSREAD_OK;
  if (first.code != CROSSREAD_OK) {
    if (err)
      *err = first;
    return first.code;
  }
  return reject(in, err, CROSSREAD_ERR_EMPTY, path, "no files in directory", 0);
}

crossread_status cr_ingest_path(cr_ingest *in, const char *path,
                                crossread_input kind, crossread_error *err) {
  if (!in->max_container)
    in->max_container = (size_t)1 << 30;
  return ingest_file(in, path, kind, err, 0);
}
