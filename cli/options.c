/* options.c -- one option table drives parsing and --help text. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct opt {
  const char *lng;
  char shrt;
  const char *arg; /* NULL for a flag */
  const char *cmds; /* subcommands taking it, space-separated */
  const char *help;
} opt;

static const opt options[] = {
    {"format", 'f', "FMT", "digest extract",
     "output format: json, md, text or html (digest default: json; extract: text)"},
    {"out", 'o', "FILE", "digest extract", "write the output to FILE instead of standard output"},
    {"input", 'i', "KIND", "digest extract",
     "read inputs as KIND: auto, html, text, jsonl or feed (default: auto)"},
    {"words", 'w', "N", "digest", "summary length in words (default: 100)"},
    {"max-input", 0, "BYTES", "digest extract",
     "reject articles bigger than BYTES (default: 16777216)"},
    {"html-parser", 0, "NAME", "digest extract",
     "HTML parser: gumbo (default, the browser's tree) or libxml2 (faster)"},
    {"keep-comments", 0, NULL, "digest", "keep reader comments in the JSON (field \"comments\")"},
    {"no-text", 0, NULL, "digest", "leave article texts out of the digest"},
    {"quiet", 'q', NULL, "digest extract", "print no warnings (errors are still printed)"},
    {"stats", 0, NULL, "digest", "print the time spent in each stage to standard error"},
    {"help", 'h', NULL, "digest extract", "show this help"},
};

static int takes(const opt *op, const char *cmd) {
  size_t n = strlen(cmd);
  for (const char *p = op->cmds; (p = strstr(p, cmd)) != NULL; p += n)
    if ((p == op->cmds || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return 1;
  return 0;
}

int cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("crossread: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs(" (see crossread --help)\n", stderr);
  va_end(ap);
  return EXIT_USAGE;
}

void cli_help(const char *cmd, FILE *f) {
  if (strcmp(cmd, "digest") == 0)
    fputs("usage: crossread digest [options] PATH...\n\n"
          "Read articles (files, directories, '-' for standard input) and write\n"
          "one digest of their stories: articles, copies and rewrites, stories,\n"
          "claims cross-checked across independent sources, a cited summary.\n\n",
          f);
  else
    fputs("usage: crossread extract [options] FILE\n\n"
          "Extract the main text and metadata of one HTML page or text dump.\n\n",
          f);
  fputs("options:\n", f);
  for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
    const opt *op = &options[i];
    if (!takes(op, cmd))
      continue;
    char left[64];
    snprintf(left, sizeof left, "%s%c%s--%s%s%s", op->shrt ? "-" : "  ",
             op->shrt ? op->shrt : ' ', op->shrt ? ", " : "  ", op->lng,
             op->arg ? " " : "", op->arg ? op->arg : "");
    fprintf(f, "  %-26s %s\n", left, op->help);
  }
  fputs("\nexit status: 0 all inputs read, 1 some inputs rejected (the rest was\n"
        "processed), 2 usage error, 3 nothing could be read.\n",
        f);
}

static int parse_format(const char *s, crossread_format *f) {
  if (!strcmp(s, "json"))
    *f = CROSSREAD_FORMAT_JSON;
  else if (!strcmp(s, "md") || !strcmp(s, "markdown"))
    *f = CROSSREAD_FORMAT_MARKDOWN;
  else if (!strcmp(s, "text") || !strcmp(s, "txt"))
    *f = CROSSREAD_FORMAT_TEXT;
  else if (!strcmp(s, "html"))
    *f = CROSSREAD_FORMAT_HTML;
  else
    return -1;
  return 0;
}

static int parse_kind(const char *s, crossread_input *k) {
  static const char *const names[] = {"auto", "html", "text", "jsonl", "feed"};
  for (int i = 0; i < 5; i++)
    if (!strcmp(s, names[i])) {
      *k = (crossread_input)i;
      return 0;
    }
  return -1;
}

static int parse_uint(const char *s, unsigned long long max, unsigned long long *v) {
  char *end;
  errno = 0;
  if (!*s || *s == '-')
    return -1;
  unsigned long long x = strtoull(s, &end, 10);
  if (errno || *end || x == 0 || x > max)
    return -1;
  *v = x;
  return 0;
}

static const opt *find_long(const char *name, size_t n, const char *cmd) {
  for (size_t i = 0; i < sizeof options / sizeof *options; i++)
    if (strlen(options[i].lng) == n && !strncmp(options[i].lng, name, n) &&
        takes(&options[i], cmd))
      return &options[i];
  return NULL;
}

static const opt *find_short(char c, const char *cmd) {
  for (size_t i = 0; i < sizeof options / sizeof *options; i++)
    if (options[i].shrt == c && takes(&options[i], cmd))
      return &options[i];
  return NULL;
}

static int apply(const opt *op, const char *val, cli_opts *o) {
  unsigned long long v;
  const char *n = op->lng;
  if (!strcmp(n, "format")) {
    if (parse_format(val, &o->format))
      return cli_usage_error("unknown format '%s' (json, md, text, html)", val);
  } else if (!strcmp(n, "out")) {
    o->out = val;
  } else if (!strcmp(n, "input")) {
    if (parse_kind(val, &o->kind))
      return cli_usage_error("unknown input kind '%s' (auto, html, text, jsonl, feed)", val);
  } else if (!strcmp(n, "words")) {
    if (parse_uint(val, 10000, &v))
      return cli_usage_error("--words takes a number from 1 to 10000, not '%s'", val);
    o->words = (unsigned)v;
  } else if (!strcmp(n, "max-input")) {
    if (parse_uint(val, 1ull << 40, &v))
      return cli_usage_error("--max-input takes a number of bytes, not '%s'", val);
    o->max_input = (size_t)v;
  } else if (!strcmp(n, "html-parser")) {
    if (!strcmp(val, "libxml2"))
      o->flags |= CROSSREAD_F_FAST_HTML;
    else if (!strcmp(val, "gumbo"))
      o->flags &= ~(unsigned)CROSSREAD_F_FAST_HTML;
    else
      return cli_usage_error("unknown HTML parser '%s' (gumbo, libxml2)", val);
  } else if (!strcmp(n, "keep-comments")) {
    o->flags |= CROSSREAD_F_KEEP_COMMENTS;
  } else if (!strcmp(n, "no-text")) {
    o->flags |= CROSSREAD_F_NO_TEXT;
  } else if (!strcmp(n, "quiet")) {
    o->quiet = 1;
  } else if (!strcmp(n, "stats")) {
    o->stats = 1;
  } else if (!strcmp(n, "help")) {
    return -1;
  }
  return 0;
}

int cli_parse(const char *cmd, int argc, char **argv, cli_opts *o) {
  o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
  if (!o->paths)
    return cli_usage_error("out of memory");
  int only_paths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_paths || a[0] != '-' || a[1] == '\0') {
      o->paths[o->npaths++] = a;
      continue;
    }
    if (!strcmp(a, "--")) {
      only_paths = 1;
      continue;
    }
    const opt *op;
    const char *val = NULL;
    if (a[1] == '-') {
      const char *eq = strchr(a + 2, '=');
      size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
      op = find_long(a + 2, n, cmd);
      if (!op)
        return cli_usage_error("unknown option '%s' for %s", a, cmd);
      if (eq)
        val = eq + 1;
    } else {
      op = find_short(a[1], cmd);
      if (!op)
        return cli_usage_error("unknown option '%s' for %s", a, cmd);
      if (a[2])
        val = a + 2;
    }
    if (op->arg && !val) {
      if (i + 1 >= argc)
        return cli_usage_error("option --%s needs %s", op->lng, op->arg);
      val = argv[++i];
    } else if (!op->arg && val) {
      return cli_usage_error("option --%s takes no value", op->lng);
    }
    int r = apply(op, val, o);
    if (r == -1) {
      cli_help(cmd, stdout);
      return -1;
    }
    if (r)
      return r;
  }
  return 0;
}

int cli_write(const cli_opts *o, const char *data, size_t len) {
  FILE *f = stdout;
  if (o->out && strcmp(o->out, "-") != 0) {
    f = fopen(o->out, "wb");
    if (!f) {
      fprintf(stderr, "crossread: %s: cannot write: %s\n", o->out, strerror(errno));
      return EXIT_NOTHING;
    }
  }
  size_t w = fwrite(data, 1, len, f);
  int bad = w != len;
  if (f != stdout)
    bad |= fclose(f) != 0;
  else
    bad |= fflush(f) != 0;
  if (bad) {
    fprintf(stderr, "crossread: %s: write failed: %s\n", o->out ? o->out : "stdout",
            strerror(errno));
    return EXIT_NOTHING;
  }
  return 0;
}

void cli_print_error(void *ud, const crossread_error *e) {
  (void)ud;
  fprintf(stderr, "crossread: %s: %s\n", e->source[0] ? e->source : "input", e->msg);
}

void cli_print_note(void *ud, const crossread_error *e) {
  const cli_opts *o = ud;
  if (!o->quiet)
    fprintf(stderr, "crossread: %s: warning: %s\n", e->source[0] ? e->source : "input",
            e->msg);
}
