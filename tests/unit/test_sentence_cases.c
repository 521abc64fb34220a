/* test_sentence_cases.c -- data-driven cases for the sentence splitter:
 * every tests/cases/sentence/NAME.case file (format in the README there).
 * Each case is cleaned with cr_text_clean, split, and compared sentence by
 * sentence. */
#include <dirent.h>

#include "core/arena.h"
#include "harness.h"
#include "normalize/normalize.h"

enum { MAX_SENT = 64 };

typedef struct kase {
  cr_buf text;
  char *want[MAX_SENT];
  int nwant;
  int line;
} kase;

/* "\n" in a case line stands for a line break, "\\" for a backslash */
static void unescape(const char *s, cr_buf *out) {
  for (; *s; s++) {
    if (s[0] == '\\' && s[1] == 'n') {
      cr_buf_putc(out, '\n');
      s++;
    } else if (s[0] == '\\' && s[1] == '\\') {
      cr_buf_putc(out, '\\');
      s++;
    } else {
      cr_buf_putc(out, *s);
    }
  }
}

static void run_case(const char *file, kase *k) {
  cr_buf clean;
  cr_buf_init(&clean, 0);
  cr_arena *a = cr_arena_new(4096, 0);
  cr_span *sp = NULL;
  size_t n = 0;
  int ok = cr_text_clean(k->text.data ? k->text.data : "", k->text.len,
                         &clean) == 0 &&
           cr_sentence_split(clean.data ? clean.data : "", clean.len, a, &sp,
                             &n) == 0;
  ok = ok && n == (size_t)k->nwant;
  for (int i = 0; ok && i < k->nwant; i++)
    ok = strlen(k->want[i]) == sp[i].len &&
         memcmp(clean.data + sp[i].off, k->want[i], sp[i].len) == 0;
  CHECK(ok);
  if (!ok) {
    fprintf(stderr, "%s:%d: case failed; got %zu sentence(s):\n", file, k->line,
            n);
    for (size_t i = 0; i < n; i++)
      fprintf(stderr, "  [%.*s]\n", (int)sp[i].len, clean.data + sp[i].off);
  }
  cr_arena_free(a);
  cr_buf_clear(&clean);
}

static void clear_case(kase *k) {
  cr_buf_clear(&k->text);
  for (int i = 0; i < k->nwant; i++)
    free(k->want[i]);
  k->nwant = 0;
  k->line = 0;
}

static int run_file(const char *path) {
  size_t len;
  char *data = h_read_file(path, &len);
  if (!data) {
    fprintf(stderr, "%s: cannot read\n", path);
    h_failed++;
    return 0;
  }
  kase k;
  memset(&k, 0, sizeof k);
  cr_buf_init(&k.text, 0);
  int cases = 0, lineno = 0;
  char *save = data;
  for (char *line = data; line; line = save) {
    char *nl = strchr(line, '\n');
    save = nl ? nl + 1 : NULL;
    if (nl)
      *nl = '\0';
    lineno++;
    if (strncmp(line, "text: ", 6) == 0) {
      if (k.line) {
        run_case(path, &k);
        cases++;
      }
      clear_case(&k);
      k.line = lineno;
      unescape(line + 6, &k.text);
    } else if (strncmp(line, "sent: ", 6) == 0 && k.line &&
               k.nwant < MAX_SENT) {
      cr_buf b;
      cr_buf_init(&b, 0);
      unescape(line + 6, &b);
      k.want[k.nwant++] = b.data ? b.data : calloc(1, 1);
    } else if (line[0] && line[0] != '#') {
      fprintf(stderr, "%s:%d: not a case line: %s\n", path, lineno, line);
      h_failed++;
    }
  }
  if (k.line) {
    run_case(path, &k);
    cases++;
  }
  clear_case(&k);
  free(data);
  return cases;
}

int main(void) {
  const char *src = getenv("CROSSREAD_SRC");
  if (!src || !*src)
    SKIP("CROSSREAD_SRC is not set (run through ctest)");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/cases/sentence", src);
  DIR *d = opendir(dir);
  if (!d)
    SKIP("tests/cases/sentence not found");
  int files = 0, cases = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (n < 6 || strcmp(e->d_name + n - 5, ".case") != 0)
      continue;
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    cases += run_file(path);
    files++;
  }
  closedir(d);
  printf("%d case(s) in %d file(s)\n", cases, files);
  CHECK(cases > 0);
  return DONE();
}
