/* cmd_extract.c -- crossread extract FILE: one page or text dump, its main
 * text and metadata (text by default, JSON with --format json). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char *read_all(const char *path, size_t max, size_t *len, int *too_big) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f)
    return NULL;
  size_t cap = 65536, n = 0;
  char *b = malloc(cap);
  while (b) {
    if (n == cap) {
      if (cap > max) {
        *too_big = 1;
        free(b);
        b = NULL;
        break;
      }
      char *nb = realloc(b, cap * 2);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
      cap *= 2;
    }
    size_t r = fread(b + n, 1, cap - n, f);
    n += r;
    if (r == 0) {
      if (ferror(f)) {
        free(b);
        b = NULL;
      }
      break;
    }
  }
  if (f != stdin)
    fclose(f);
  *len = n;
  return b;
}

int cmd_extract(int argc, char **argv) {
  cli_opts o = {0};
  o.format = CROSSREAD_FORMAT_TEXT;
  int r = cli_parse("extract", argc, argv, &o);
  if (r) {
    free(o.paths);
    return r < 0 ? 0 : r;
  }
  if (o.npaths != 1) {
    free(o.paths);
    return cli_usage_error("extract takes exactly one FILE");
  }
  const char *path = o.paths[0];
  size_t max = o.max_input ? o.max_input : (size_t)16 << 20;
  size_t len = 0;
  int too_big = 0;
  errno = 0;
  char *data = read_all(path, max, &len, &too_big);
  if (!data) {
    fprintf(stderr, "crossread: %s: %s\n", strcmp(path, "-") ? path : "stdin",
            too_big ? "input too big" : errno ? strerror(errno) : "cannot read");
    free(o.paths);
    return EXIT_NOTHING;
  }
  crossread_error err;
  char *out = NULL;
  size_t out_len = 0;
  int status = 0;
  if (crossread_extract_ex(strcmp(path, "-") ? path : "stdin", data, len,
                           o.kind, o.format, o.flags, &out, &out_len,
                           &err) != CROSSREAD_OK) {
    cli_print_error(NULL, &err);
    status = EXIT_NOTHING;
  } else {
    status = cli_write(&o, out, out_len);
  }
  crossread_free(out);
  free(data);
  free(o.paths);
  return status;
}
