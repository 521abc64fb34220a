/* test_html_deep.c -- the depth guard run before gumbo (lib/extract/deep.c). */
#include "core/alloc.h"
#include "extract/extract.h"
#include "harness.h"

static char *repeat(const char *pre, size_t n, const char *mid, const char *post) {
  size_t lp = strlen(pre), lm = strlen(mid), lq = strlen(post);
  char *s = malloc(lp * n + lm + lq * n + 1);
  char *p = s;
  for (size_t i = 0; i < n; i++, p += lp)
    memcpy(p, pre, lp);
  memcpy(p, mid, lm);
  p += lm;
  for (size_t i = 0; i < n; i++, p += lq)
    memcpy(p, post, lq);
  *p = '\0';
  return s;
}

static void shallow_untouched(void) {
  const char *h = "<html><body><div><p>one<p>two<ul><li>a<li>b</ul></div>"
                  "<script>if (a<b) document.write('<div><div><div>')</script>"
                  "<!-- <div><div> --></body></html>";
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_html_flatten_deep(h, strlen(h), 4, &b), 0); /* html body div ul */
  CHECK_EQ(b.len, 0);
  cr_buf_clear(&b);
}

static void deep_flattened(void) {
  char *h = repeat("<div class=\"x>y\">", 5000, "<p>deep text</p>", "</div>");
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_html_flatten_deep(h, strlen(h), 512, &b), 1);
  CHECK(strstr(b.data, "<p>deep text</p>") != NULL);
  /* exactly 512 start and 512 end tags are left */
  size_t opens = 0, closes = 0;
  for (const char *p = b.data; (p = strstr(p, "<div")) != NULL; p++)
    opens++;
  for (const char *p = b.data; (p = strstr(p, "</div>")) != NULL; p++)
    closes++;
  CHECK_EQ(opens, 512);
  CHECK_EQ(closes, 512);
  cr_buf_clear(&b);
  free(h);
}

static void unclosed_formatting(void) {
  char *h = repeat("<span><b><i>", 3000, "<p>text", "");
  cr_buf b;
  cr_buf_init(&b, 0);
  CHECK_EQ(cr_html_flatten_deep(h, strlen(h), 512, &b), 1);
  CHECK(b.len < strlen(h));
  CHECK(strstr(b.data, "<p>text") != NULL);
  cr_buf_clear(&b);
  free(h);
}

static void pages_through_extraction(void) {
  char *h = repeat("<div>", 100000, "<p>The bottom paragraph is kept.</p>", "</div>");
  cr_arena *a = cr_arena_new(4096, 0);
  cr_extract ex;
  crossread_error err;
  CHECK_EQ(cr_extract_run(h, strlen(h), CROSSREAD_IN_HTML, NULL, a, &ex, &err),
           CROSSREAD_OK);
  CHECK(ex.text && strstr(ex.text, "The bottom paragraph is kept.") != NULL);
  cr_arena_free(a);
  free(h);
}

int main(void) {
  RUN(shallow_untouched);
  RUN(deep_flattened);
  RUN(unclosed_formatting);
  RUN(pages_through_extraction);
  return DONE();
}
