/* cmd_digest.c -- crossread digest PATH...: feed every path, finish, render. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cmd_digest(int argc, char **argv) {
  cli_opts o = {0};
  o.format = CROSSREAD_FORMAT_JSON;
  int r = cli_parse("digest", argc, argv, &o);
  if (r) {
    free(o.paths);
    return r < 0 ? 0 : r;
  }
  if (!o.npaths) {
    free(o.paths);
    return cli_usage_error("digest needs at least one PATH ('-' for standard input)");
  }
  crossread_engine *eng = crossread_engine_new(o.flags);
  if (!eng) {
    free(o.paths);
    fprintf(stderr, "crossread: out of memory\n");
    return EXIT_NOTHING;
  }
  crossread_set_error_callback(eng, cli_print_error, NULL);
  crossread_set_note_callback(eng, cli_print_note, &o);
  if (o.words)
    crossread_set_summary_words(eng, o.words);
  if (o.max_input)
    crossread_set_max_input(eng, o.max_input);
  for (size_t i = 0; i < o.npaths; i++)
    crossread_feed_path(eng, o.paths[i], o.kind, NULL);
  int status = EXIT_ALL_OK;
  if (crossread_article_count(eng) == 0) {
    fprintf(stderr, "crossread: no article could be read\n");
    status = EXIT_NOTHING;
  } else {
    crossread_error err;
    char *out = NULL;
    size_t len = 0;
    if (crossread_render(eng, o.format, &out, &len, &err) != CROSSREAD_OK) {
      fprintf(stderr, "crossread: %s\n", err.msg);
      status = EXIT_NOTHING;
    } else {
      status = cli_write(&o, out, len);
      if (status == 0 && crossread_rejected_count(eng))
        status = EXIT_SOME_REJECTED;
    }
    crossread_free(out);
  }
  if (o.stats) {
    char *st = NULL;
    if (crossread_stats(eng, &st, NULL) == CROSSREAD_OK)
      fputs(st, stderr);
    crossread_free(st);
  }
  crossread_engine_free(eng);
  free(o.paths);
  return status;
}
