/* deep.c -- guard against pathologically deep HTML before parsing. gumbo's
 * tree construction is quadratic in the depth of open elements (100,000
 * nested <div>s take a minute); browsers cap the tree depth instead
 * (Chromium attaches elements past depth 512 as siblings). We do the same
 * with one linear pre-scan: start and end tags past the cap are dropped. */
#include <string.h>
#include <strings.h>

#include "extract.h"

/* elements that never nest (void) or whose end tags are usually omitted: they
 * do not count towards depth */
static int no_depth(const char *name, size_t n) {
  static const char *const names[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr",
      "td", "th", "option", "tbody", "thead", "tfoot", "colgroup", "optgroup"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
      return 1;
  return 0;
}

static int raw_text(const char *name, size_t n) {
  return (n == 6 && !strncasecmp(name, "script", 6)) ||
         (n == 5 && !strncasecmp(name, "style", 5)) ||
         (n == 8 && !strncasecmp(name, "textarea", 8)) ||
         (n == 5 && !strncasecmp(name, "title", 5));
}

static int is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

/* End of a tag starting at s[i] == '<': index after its '>', respecting
 * quoted attribute values. */
static size_t tag_end(const char *s, size_t len, size_t i) {
  char q = 0;
  for (i++; i < len; i++) {
    char c = s[i];
    if (q) {
      if (c == q)
        q = 0;
    } else if (c == '"' || c == '\'') {
      q = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return len;
}

static const char *find_ci(const char *s, size_t len, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= len; i++)
    if (strncasecmp(s + i, needle, m) == 0)
      return s + i;
  return NULL;
}

/* One pass; when out is NULL only measures. Returns the maximum depth. */
static size_t scan(const char *s, size_t len, size_t cap, cr_buf *out) {
  size_t depth = 0, max = 0, run = 0;
  size_t i = 0;
  while (i < len) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt)
      break;
    i = (size_t)(lt - s);
    if (i + 1 >= len)
      break;
    if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
      const char *e = find_ci(s + i + 4, len - i - 4, "-->");
      i = e ? (size_t)(e - s) + 3 : len;
      continue;
    }
    char c = s[i + 1];
    int end = c == '/';
    size_t ns = i + 1 + (size_t)end;
    size_t ne = ns;
    while (ne < len && is_name_char(s[ne]))
      ne++;
    if (ne == ns) { /* "<!doctype", "<?xml", a stray '<' */
      i = c == '!' || c == '?' ? tag_end(s, len, i) : i + 1;
      continue;
    }
    size_t te = tag_end(s, len, i);
    int selfclose = te >= 2 && s[te - 2] == '/';
    if (!end && raw_text(s + ns, ne - ns)) {
      char close[16] = "</";
      memcpy(close + 2, s + ns, ne - ns);
      close[2 + ne - ns] = '\0';
      const char *e = find_ci(s + te, len - te, close);
      i = e ? (size_t)(e - s) : len;
      continue;
    }
    if (no_depth(s + ns, ne - ns) || selfclose) {
      i = te;
      continue;
    }
    int drop;
    if (end) {
      drop = depth > cap;
      if (depth)
        depth--;
    } else {
      drop = depth >= cap;
      depth++;
      if (depth > max)
        max = depth;
    }
    if (out && drop) {
      cr_buf_put(out, s + run, i - run);
      run = te;
    }
    i = te;
  }
  if (out)
    cr_buf_put(out, s + run, len - run);
  return max;
}

int cr_html_flatten_deep(const char *html, size_t len, size_t cap,
                         cr_buf *out) {
  if (scan(html, len, cap, NULL) <= cap)
    return 0;
  scan(html, len, cap, out);
  return out->err ? -1 : 1;
}
