/* main.c -- crossread: news articles in, verified story digests out. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f) {
  fputs("usage: crossread COMMAND [options] PATH...\n\n"
        "commands:\n"
        "  digest   articles in, one story digest out (JSON, Markdown, text, HTML)\n"
        "  extract  main text and metadata of one page or text dump\n"
        "  help     help on a command: crossread help digest\n\n"
        "  crossread --version   program and library versions\n"
        "  crossread --help      this text\n",
        f);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
    printf("crossread %s (libcrossread %s)\n", CROSSREAD_VERSION_STRING,
           crossread_version_string());
    return 0;
  }
  if (!strcmp(cmd, "help")) {
    if (argc < 3) {
      usage(stdout);
      return 0;
    }
    if (strcmp(argv[2], "digest") && strcmp(argv[2], "extract"))
      return cli_usage_error("no command '%s'", argv[2]);
    cli_help(argv[2], stdout);
    return 0;
  }
  if (!strcmp(cmd, "digest"))
    return cmd_digest(argc - 1, argv + 1);
  if (!strcmp(cmd, "extract"))
    return cmd_extract(argc - 1, argv + 1);
  return cli_usage_error("unknown command '%s'", cmd);
}
