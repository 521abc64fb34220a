/* cli.h -- the crossread program: option table and subcommands. The CLI is a
 * thin shell over <crossread.h>; it includes no private header. */
#ifndef CROSSREAD_CLI_H
#define CROSSREAD_CLI_H

#include <crossread.h>
#include <stddef.h>

enum { EXIT_ALL_OK = 0, EXIT_SOME_REJECTED = 1, EXIT_USAGE = 2, EXIT_NOTHING = 3 };

typedef struct cli_opts {
  crossread_format format;
  crossread_input kind;
  const char *out;
  unsigned words;
  size_t max_input;
  unsigned flags;
  int quiet;
  int stats;
  const char **paths;
  size_t npaths;
} cli_opts;

/* Parse the options of a subcommand (argv[0] is the subcommand). Returns 0,
 * or EXIT_USAGE after printing one error line; -1 after printing help. */
int cli_parse(const char *cmd, int argc, char **argv, cli_opts *o);
void cli_help(const char *cmd, FILE *f);
int cli_usage_error(const char *fmt, ...);
/* Write a buffer to --out or stdout; 0 or an exit code. */
int cli_write(const cli_opts *o, const char *data, size_t len);
void cli_print_error(void *ud, const crossread_error *e);
void cli_print_note(void *ud, const crossread_error *e);

int cmd_digest(int argc, char **argv);
int cmd_extract(int argc, char **argv);

#endif
