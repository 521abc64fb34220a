/* sbd_golden.c -- runs the text core's sentence splitter on the English
 * Golden Rules (../shared/data/sbd/golden_rules_en.dev.json) and prints the
 * JSON Lines predictions that ../shared/tools/eval_sbd.py scores:
 *   {"rule": N, "sentences": ["...", ...]}
 * Each text goes through cr_text_clean, then cr_sentence_split.
 *
 *   sbd_golden RULES.json > pred.jsonl */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "normalize/normalize.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: sbd_golden RULES.json\n");
    return 2;
  }
  json_error_t je;
  json_t *root = json_load_file(argv[1], 0, &je);
  if (!root || !json_is_array(root)) {
    fprintf(stderr, "sbd_golden: %s: %s\n", argv[1],
            root ? "not a JSON array" : je.text);
    json_decref(root);
    return 1;
  }
  cr_arena *a = cr_arena_new(1 << 16, 0);
  cr_buf clean;
  cr_buf_init(&clean, 0);
  int rc = 0;
  size_t i;
  json_t *rule;
  json_array_foreach(root, i, rule) {
    json_t *num = json_object_get(rule, "rule");
    const char *text = json_string_value(json_object_get(rule, "text"));
    if (!json_is_integer(num) || !text) {
      fprintf(stderr, "sbd_golden: %s: entry %zu has no rule number or text\n",
              argv[1], i);
      rc = 1;
      continue;
    }
    cr_buf_reset(&clean);
    cr_arena_reset(a);
    cr_span *sp;
    size_t n;
    if (cr_text_clean(text, strlen(text), &clean) ||
        cr_sentence_split(clean.data, clean.len, a, &sp, &n)) {
      fprintf(stderr, "sbd_golden: rule %lld: out of memory\n",
              (long long)json_integer_value(num));
      rc = 1;
      continue;
    }
    json_t *out =
        json_pack("{s:I,s:[]}", "rule", json_integer_value(num), "sentences");
    json_t *arr = json_object_get(out, "sentences");
    for (size_t k = 0; k < n; k++)
      json_array_append_new(arr,
                            json_stringn(clean.data + sp[k].off, sp[k].len));
    char *line = json_dumps(out, JSON_COMPACT);
    if (line)
      printf("%s\n", line);
    free(line);
    json_decref(out);
  }
  cr_buf_clear(&clean);
  cr_arena_free(a);
  json_decref(root);
  return rc;
}
