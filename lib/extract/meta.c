/* meta.c -- metadata of an HTML page, from the most explicit source down:
 * schema.org JSON-LD (jansson), OpenGraph and other <meta> tags, <link
 * rel=canonical>, <html lang>, <time datetime>, the date in the URL, and
 * the <title> stripped of its site-name part. Nothing is invented: a field
 * no source gives stays NULL. */
#include <gumbo.h>
#include <jansson.h>
#include <string.h>

#include "extract_int.h"

char *cr_clean_dup(cr_arena *a, const char *s, size_t n) {
  char *o = cr_arena_alloc(a, n + 1);
  if (!o)
    return NULL;
  size_t k = 0;
  int sp = 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      i++;
      c = ' ';
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      if (!sp)
        o[k++] = ' ';
      sp = 1;
      continue;
    }
    o[k++] = (char)c;
    sp = 0;
  }
  while (k && o[k - 1] == ' ')
    k--;
  o[k] = 0;
  return k ? o : NULL;
}

int cr_list_push(cr_arena *a, cr_listb *l, const char *s) {
  if (!s)
    return 0;
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 16;
    const char **v =
        cr_arena_realloc(a, (void *)l->v, l->cap * sizeof *v, nc * sizeof *v);
    if (!v)
      return -1;
    l->v = v;
    l->cap = nc;
  }
  l->v[l->n++] = s;
  return 0;
}

void cr_list_out(const cr_listb *l, cr_strlist *out) {
  out->v = l->v;
  out->n = l->n;
}

typedef struct meta {
  const char *og_title, *og_site, *og_url, *og_locale, *tw_title;
  const char *m_author, *m_date, *m_lang, *app_name, *m_desc;
  const char *canonical, *lang, *title, *time_dt, *h1;
  const cr_node *copyright; /* the last text node opening with a (c) mark */
  const char *ld_headline, *ld_publisher, *ld_date, *ld_url, *ld_lang, *ld_body;
  cr_listb ld_authors;
} meta;

static int is_url(const char *s) {
  return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || s[0] == '/';
}

static const char *jstr(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  if (json_is_string(v))
    return json_string_value(v);
  if (json_is_object(v)) {
    json_t *n = json_object_get(v, "name");
    if (json_is_string(n))
      return json_string_value(n);
    n = json_object_get(v, "@id");
    if (json_is_string(n))
      return json_string_value(n);
  }
  if (json_is_array(v) && json_array_size(v)) {
    json_t *f = json_array_get(v, 0);
    if (json_is_string(f))
      return json_string_value(f);
  }
  return NULL;
}

static int type_is_article(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  json_t *one = t;
  size_t n = json_is_array(t) ? json_array_size(t) : 1;
  for (size_t i = 0; i < n; i++) {
    if (json_is_array(t))
      one = json_array_get(t, i);
    const char *s = json_string_value(one);
    if (s && (strstr(s, "Article") || strstr(s, "BlogPosting") ||
              strstr(s, "Report") || !strcmp(s, "NewsArticle")))
      return 1;
  }
  return 0;
}

static void ld_article(cr_arena *a, json_t *o, meta *m) {
  const char *s;
  if (!m->ld_headline && (s = jstr(o, "headline")))
    m->ld_headline = cr_arena_strdup(a, s);
  if (!m->ld_date && (s = jstr(o, "datePublished")))
    m->ld_date = cr_arena_strdup(a, s);
  if (!m->ld_date && (s = jstr(o, "dateCreated")))
    m->ld_date = cr_arena_strdup(a, s);
  if (!m->ld_publisher) {
    json_t *p = json_object_get(o, "publisher");
    if (json_is_array(p))
      p = json_array_get(p, 0);
    json_t *n = json_is_object(p) ? json_object_get(p, "name") : NULL;
    if (json_is_string(n))
      m->ld_publisher = cr_arena_strdup(a, json_string_value(n));
  }
  if (!m->ld_url && (s = jstr(o, "url")) && is_url(s))
    m->ld_url = cr_arena_strdup(a, s);
  if (!m->ld_lang && (s = jstr(o, "inLanguage")))
    m->ld_lang = cr_arena_strdup(a, s);
  if (!m->ld_body && (s = jstr(o, "articleBody")))
    m->ld_body = cr_arena_strdup(a, s);
  if (!m->ld_authors.n) {
    json_t *au = json_object_get(o, "author");
    if (!au)
      au = json_object_get(o, "creator");
    size_t n = json_is_array(au) ? json_array_size(au) : au ? 1 : 0;
    for (size_t i = 0; i < n && i < 16; i++) {
      json_t *x = json_is_array(au) ? json_array_get(au, i) : au;
      const char *nm = json_is_string(x) ? json_string_value(x)
                       : json_is_object(x)
                           ? json_string_value(json_object_get(x, "name"))
                           : NULL;
      if (nm && *nm && !is_url(nm))
        cr_list_push(a, &m->ld_authors, cr_clean_dup(a, nm, strlen(nm)));
    }
  }
}

static void ld_walk(cr_arena *a, json_t *v, meta *m, int depth) {
  if (depth > 4 || !v)
    return;
  if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++)
      ld_walk(a, json_array_get(v, i), m, depth + 1);
    return;
  }
  if (!json_is_object(v))
    return;
  if (type_is_article(v))
    ld_article(a, v, m);
  json_t *g = json_object_get(v, "@graph");
  if (g)
    ld_walk(a, g, m, depth + 1);
  json_t *me = json_object_get(v, "mainEntity");
  if (json_is_object(me))
    ld_walk(a, me, m, depth + 1);
  if (!m->ld_publisher && !type_is_article(v)) {
    json_t *t = json_object_get(v, "@type");
    const char *ts = json_string_value(t);
    json_t *n = json_object_get(v, "name");
    if (ts && json_is_string(n) &&
        (!strcmp(ts, "NewsMediaOrganization") || !strcmp(ts, "Organization")))
      m->ld_publisher = cr_arena_strdup(a, json_string_value(n));
  }
}

static void text_of(const cr_node *n, cr_buf *b) {
  for (const cr_node *c = n->first; c; c = c->next)
    if (c->type == CR_N_TEXT)
      cr_buf_put(b, c->text, c->len);
}

/* all text under n, capped at cap bytes */
static void deep_text(const cr_node *n, cr_buf *b, size_t cap) {
  for (const cr_node *x = n->first; x && b->len < cap;) {
    if (x->type == CR_N_TEXT)
      cr_buf_put(b, x->text, x->len);
    if (x->first && x->type == CR_N_ELEM) {
      x = x->first;
      continue;
    }
    while (x && x != n && !x->next)
      x = x->parent;
    if (!x || x == n)
      break;
    x = x->next;
  }
}

/* text opening with a copyright mark: "(c) 2026 ...", "Copyright ..." */
static int copyright_mark(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
    i++;
  s += i;
  n -= i;
  return (n >= 2 && (unsigned char)s[0] == 0xC2 &&
          (unsigned char)s[1] == 0xA9) ||
         (n >= 10 && cr_ascii_ieq(s, 10, "copyright ")) ||
         (n >= 4 && cr_ascii_ieq(s, 4, "(c) "));
}

static void on_meta(const cr_dom *dom, const cr_node *n, meta *m) {
  const char *content = cr_dom_attr(dom, n, "content");
  if (!content || !*content)
    return;
  const char *k = cr_dom_attr(dom, n, "property");
  if (!k)
    k = cr_dom_attr(dom, n, "name");
  if (!k)
    k = cr_dom_attr(dom, n, "itemprop");
  if (!k) {
    k = cr_dom_attr(dom, n, "http-equiv");
    if (k && cr_ascii_ieq(k, strlen(k), "content-language") && !m->m_lang)
      m->m_lang = content;
    return;
  }
  size_t kl = strlen(k);
#define IS(s) cr_ascii_ieq(k, kl, s)
  if (IS("og:title"))
    m->og_title = m->og_title ? m->og_title : content;
  else if (IS("twitter:title"))
    m->tw_title = m->tw_title ? m->tw_title : content;
  else if (IS("og:site_name"))
    m->og_site = m->og_site ? m->og_site : content;
  else if (IS("application-name") || IS("al:ios:app_name"))
    m->app_name = m->app_name ? m->app_name : content;
  else if (IS("og:url"))
    m->og_url = m->og_url ? m->og_url : content;
  else if (IS("og:locale"))
    m->og_locale = m->og_locale ? m->og_locale : content;
  else if (IS("description") || IS("og:description"))
    m->m_desc = m->m_desc ? m->m_desc : content;
  else if (IS("author") || IS("article:author") || IS("parsely-author") ||
           IS("sailthru.author") || IS("dc.creator") || IS("byl") ||
           IS("dcterms.creator")) {
    if (!m->m_author && !is_url(content))
      m->m_author = content;
  } else if (IS("article:published_time") || IS("datepublished") ||
             IS("date") || IS("pubdate") || IS("publishdate") ||
             IS("publish-date") || IS("dc.date") || IS("dc.date.issued") ||
             IS("dcterms.created") || IS("sailthru.date") ||
             IS("parsely-pub-date") || IS("article.published") ||
             IS("og:published_time") || IS("originalpublicationdate") ||
             IS("published_time") || IS("release_date")) {
    if (!m->m_date)
      m->m_date = content;
  }
#undef IS
}

static const char *lang_code(cr_arena *a, const char *s) {
  if (!s)
    return NULL;
  size_t n = 0;
  while (s[n] && ((s[n] | 32) >= 'a' && (s[n] | 32) <= 'z') && n < 8)
    n++;
  if (n < 2 || n > 3)
    return NULL;
  char b[4];
  for (size_t i = 0; i < n; i++)
    b[i] = (char)(s[i] | 32);
  return cr_arena_strndup(a, b, n);
}

/* "Example News Agency", "Example Press", "Example News": an organisation
 * that publishes, by the last word of its name (a desk, "Example Sport",
 * may sign as an author) */
static int last_word_in(const char *s, const char *const *set, size_t n) {
  const char *w = s + strlen(s);
  while (w > s && w[-1] != ' ')
    w--;
  if (w == s)
    return 0; /* one word: could be anyone's name */
  for (size_t i = 0; i < n; i++)
    if (!strcmp(w, set[i]))
      return 1;
  return 0;
}

static int publisher_name(const char *s) {
  static const char *const last[] = {"News",    "Agency",  "Press",    "Wire",
                                     "Service", "Network", "Newsroom", "Media"};
  return last_word_in(s, last, sizeof last / sizeof *last);
}

/* "AP Auto Writer", "Staff Correspondent": a role, no one's name */
static int role_name(const char *s) {
  static const char *const last[] = {
      "Writer", "Reporter",  "Correspondent", "Editor",  "Staff",
      "Desk",   "Columnist", "Contributor",   "Producer"};
  return last_word_in(s, last, sizeof last / sizeof *last);
}

/* One author string into people and, for an organisation, the credit.
 * Split at commas, "and" and "&" only when it reads as a byline ("By ...")
 * or one part is a publisher: "Doe, Jane" stays one name. */
static void author_parts(cr_arena *a, const char *s, cr_listb *people,
                         const char **credit) {
  size_t n = strlen(s);
  int by = n > 3 && cr_ascii_ieq(s, 3, "by ");
  if (by) {
    s += 3;
    n -= 3;
  }
  const char *part[8];
  size_t len[8], np = 0;
  for (size_t i = 0, st = 0; i <= n && np < 8; i++) {
    size_t cut = 0;
    if (i == n || s[i] == ',' || s[i] == '&')
      cut = 1;
    else if (i + 5 <= n && cr_ascii_ieq(s + i, 5, " and "))
      cut = 5;
    if (!cut)
      continue;
    part[np] = s + st;
    len[np++] = i - st;
    st = i + cut;
    i = st - 1;
  }
  int pub = 0;
  char *p[8];
  for (size_t i = 0; i < np; i++) {
    p[i] = cr_clean_dup(a, part[i], len[i]);
    pub |= p[i] && publisher_name(p[i]);
  }
  if (np > 1 && !by && !pub) {
    cr_list_push(a, people, cr_clean_dup(a, s, n));
    return;
  }
  for (size_t i = 0; i < np; i++) {
    if (!p[i])
      continue;
    if (publisher_name(p[i])) {
      if (!*credit)
        *credit = p[i];
    } else if (np > 1 && role_name(p[i])) {
      continue;
    } else {
      cr_list_push(a, people, p[i]);
    }
  }
}

/* ---- titles and site names ----------------------------------------------*/

typedef struct tpart {
  const char *s;
  size_t n;
  int strong; /* the separator after this part is not a plain hyphen */
} tpart;

#define MAXPARTS 8

/* Split a title at its separators: " | ", " - ", " – ", " — ", " :: ",
 * " » ", " / ", " · ", " • " (and ": " with `colon`, for feed titles). */
static size_t title_parts(const char *t, tpart *p, int colon) {
  static const char *const seps[] = {
      " | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
      " \xC2\xBB ", " / ", " \xC2\xB7 ",     " \xE2\x80\xA2 ", " > ",
      ": "};
  size_t nsep = sizeof seps / sizeof *seps - (colon ? 0 : 1);
  size_t np = 0, len = strlen(t);
  const char *start = t;
  for (size_t i = 0; i < len && np + 1 < MAXPARTS;) {
    size_t hit = 0, which = 0;
    for (size_t k = 0; k < nsep && !hit; k++) {
      size_t l = strlen(seps[k]);
      if (i + l <= len && memcmp(t + i, seps[k], l) == 0)
        hit = l, which = k;
    }
    if (!hit) {
      i++;
      continue;
    }
    p[np++] = (tpart){start, (size_t)(t + i - start), which != 1};
    i += hit;
    start = t + i;
  }
  p[np++] = (tpart){start, (size_t)(t + len - start), 1};
  return np;
}

/* alphanumerics of s, lower-cased (ASCII), into out; returns the length */
static size_t fold_alnum(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      out[k++] = (char)(c + 32);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
      out[k++] = (char)c;
  }
  out[k] = 0;
  return k;
}

/* the first label of the host of url ("www." skipped), folded */
static size_t host_label(const char *url, char *out, size_t cap) {
  out[0] = 0;
  if (!url)
    return 0;
  const char *h = strstr(url, "://");
  h = h ? h + 3 : url;
  if (!strncmp(h, "www.", 4))
    h += 4;
  size_t n = strcspn(h, "./:?#");
  return fold_alnum(h, n, out, cap);
}

/* a title part names the site at host: "Example Radio" at
 * example.org or exampleradio.com */
static int part_is_host(const tpart *p, const char *host, size_t hl) {
  char f[128];
  size_t fl = fold_alnum(p->s, p->n, f, sizeof f);
  if (!fl || hl < 3)
    return 0;
  if (fl >= hl && !memcmp(f, host, hl))
    return 1;
  return hl >= fl && !memcmp(host, f, fl);
}

/* a title part is the site's known name, or holds it, or is held in it
 * ("Example Post" and "The Example Post"), letters and digits compared */
static int part_is_named(const tpart *p, const char *name, size_t nl) {
  char f[128];
  size_t fl = fold_alnum(p->s, p->n, f, sizeof f);
  if (fl < 4 || nl < 4)
    return 0;
  return strstr(f, name) != NULL || strstr(name, f) != NULL;
}

char *cr_site_of_title(cr_arena *a, const char *t, const char *url) {
  if (!t)
    return NULL;
  tpart p[MAXPARTS];
  size_t np = title_parts(t, p, 1);
  if (np < 2)
    return NULL;
  char host[128];
  size_t hl = host_label(url, host, sizeof host);
  for (size_t i = 0; i < np; i++)
    if (part_is_host(&p[i], host, hl))
      return cr_clean_dup(a, p[i].s, p[i].n);
  /* feeds and sites put their own name first: "Example Radio - World" */
  return cr_clean_dup(a, p[0].s, p[0].n);
}

static size_t span_words(const tpart *p, size_t from, size_t to) {
  size_t w = 0;
  for (size_t i = from; i < to; i++)
    w += cr_count_words(p[i].s, p[i].n);
  return w;
}

static int span_eq(const tpart *p, size_t from, size_t to, const char *h) {
  char x[512], y[512];
  size_t n = (size_t)(p[to - 1].s + p[to - 1].n - p[from].s);
  size_t xl = fold_alnum(p[from].s, n, x, sizeof x);
  size_t yl = fold_alnum(h, strlen(h), y, sizeof y);
  return xl && xl == yl && !memcmp(x, y, xl);
}

/* "Headline | Section | Site", "Site :: Section :: Headline" -> headline
 * and site. The site is the part matching the page's host or, failing
 * that, a short part at the end (or at the start, after a separator that is
 * not a plain hyphen); short section parts next to it go too. A headline
 * given by the page's <h1> picks its own span. */
static void split_title(cr_arena *a, const char *t, const char *h1,
                        const char *url, const char *known, const char **head,
                        const char **site) {
  *head = t;
  *site = NULL;
  tpart p[MAXPARTS];
  size_t np = title_parts(t, p, 0);
  if (np < 2)
    return;
  size_t from = 0, to = np, s = np;
  char host[128];
  size_t hl = host_label(url, host, sizeof host);
  char kn[128];
  size_t kl = known ? fold_alnum(known, strlen(known), kn, sizeof kn) : 0;
  int first_host =
      part_is_host(&p[0], host, hl) || part_is_named(&p[0], kn, kl);
  int last_host =
      part_is_host(&p[np - 1], host, hl) || part_is_named(&p[np - 1], kn, kl);
  if (h1 && *h1) {
    for (size_t i = 0; i < np && s == np; i++)
      for (size_t j = np; j > i; j--)
        if ((i > 0 || j < np) && span_eq(p, i, j, h1)) {
          from = i, to = j;
          /* "Section | Headline - Site": the site is at the end */
          s = i == 0 || (j < np && !first_host) ? np - 1 : 0;
          break;
        }
  }
  if (s == np) {
    size_t lastw = cr_count_words(p[np - 1].s, p[np - 1].n);
    size_t firstw = cr_count_words(p[0].s, p[0].n);
    int suffix = !first_host && (last_host || lastw <= 5) &&
                 span_words(p, 0, np - 1) >= 3;
    /* "Site :: Section :: Headline"; a lone leading part ("Budget - the
     * debate") is the site only when the host or a name says so */
    int prefix =
        (first_host || (np >= 3 && firstw <= 5 && p[0].strong &&
                        cr_count_words(p[1].s, p[1].n) <= 3 && p[1].strong)) &&
        span_words(p, 1, np) >= 3;
    if (suffix && prefix && !last_host && !first_host)
      suffix = lastw <= firstw; /* the site is the shorter end */
    if (suffix) {
      s = np - 1;
      to = np - 1;
      while (to > 1 && cr_count_words(p[to - 1].s, p[to - 1].n) <= 3 &&
             span_words(p, 0, to - 1) >= 3)
        to--;
    } else if (prefix) {
      s = 0;
      from = 1;
      while (from + 1 < np && cr_count_words(p[from].s, p[from].n) <= 3 &&
             p[from].strong && span_words(p, from + 1, np) >= 3)
        from++;
    } else {
      return;
    }
  }
  const char *hs = p[from].s;
  *head = cr_clean_dup(a, hs, (size_t)(p[to - 1].s + p[to - 1].n - hs));
  *site = cr_clean_dup(a, p[s].s, p[s].n);
}

void cr_meta_html(const cr_dom *dom, const cr_hints *hints, cr_arena *a,
                  cr_extract *out, const char **ld_body) {
  meta m;
  memset(&m, 0, sizeof m);
  cr_buf b;
  cr_buf_init(&b, 1 << 22);
  if (dom->root)
    m.lang = cr_dom_attr(dom, dom->root, "lang");
  if (m.lang && !*m.lang)
    m.lang = NULL;
  if (!m.lang && dom->root)
    m.lang = cr_dom_attr(dom, dom->root, "xml:lang");
  /* one walk over all elements (iterative preorder) */
  for (const cr_node *n = dom->root; n;) {
    if (n->type == CR_N_ELEM) {
      switch (n->tag) {
      case GUMBO_TAG_META:
        on_meta(dom, n, &m);
        break;
      case GUMBO_TAG_LINK: {
        const char *rel = cr_dom_attr(dom, n, "rel");
        const char *href = cr_dom_attr(dom, n, "href");
        if (rel && href && !m.canonical &&
            cr_ascii_ieq(rel, strlen(rel), "canonical"))
          m.canonical = href;
        break;
      }
      case GUMBO_TAG_TITLE:
        if (!m.title) {
          cr_buf_reset(&b);
          text_of(n, &b);
          m.title = b.data ? cr_clean_dup(a, b.data, b.len) : NULL;
        }
        break;
      case GUMBO_TAG_H1:
        if (!m.h1) {
          cr_buf_reset(&b);
          deep_text(n, &b, 600);
          m.h1 = b.data ? cr_clean_dup(a, b.data, b.len) : NULL;
        }
        break;
      case GUMBO_TAG_TIME:
        if (!m.time_dt)
          m.time_dt = cr_dom_attr(dom, n, "datetime");
        break;
      case GUMBO_TAG_SCRIPT: {
        const char *t = cr_dom_attr(dom, n, "type");
        if (t && cr_ascii_ieq(t, strlen(t), "application/ld+json")) {
          cr_buf_reset(&b);
          text_of(n, &b);
          json_t *j = b.data
                          ? json_loadb(b.data, b.len,
                                       JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL)
                          : NULL;
          if (j)
            ld_walk(a, j, &m, 0);
          json_decref(j);
        }
        break;
      }
      default:
        break;
      }
    } else if (n->type == CR_N_TEXT && copyright_mark(n->text, n->len))
      m.copyright = n;
    if (n->first && n->type == CR_N_ELEM && n->tag != GUMBO_TAG_SCRIPT &&
        n->tag != GUMBO_TAG_STYLE) {
      n = n->first;
      continue;
    }
    while (n && !n->next)
      n = n->parent;
    if (n)
      n = n->next;
  }

  const char *head = NULL, *site = NULL;
  const char *page_url = m.canonical && is_url(m.canonical) ? m.canonical
                         : m.og_url                         ? m.og_url
                         : hints                            ? hints->url
                                                            : NULL;
  const char *hint_site = NULL;
  if (hints && hints->outlet) {
    /* a feed's title names the site and often a section: "Radio - World" */
    hint_site = cr_site_of_title(a, hints->outlet, hints->url);
    if (!hint_site)
      hint_site = cr_clean_dup(a, hints->outlet, strlen(hints->outlet));
  }
  /* the owner named in the page's last copyright line */
  const char *owner =
      m.copyright
          ? cr_copyright_owner(a, m.copyright->text,
                               m.copyright->len < 300 ? m.copyright->len : 300)
          : NULL;
  const char *known = m.og_site        ? m.og_site
                      : m.ld_publisher ? m.ld_publisher
                      : hint_site      ? hint_site
                      : m.app_name     ? m.app_name
                                       : owner;
  if (m.title)
    split_title(a, m.title, m.h1, page_url, known, &head, &site);
#define DUP(s) ((s) ? cr_clean_dup(a, (s), strlen(s)) : NULL)
  out->title = m.og_title              ? DUP(m.og_title)
               : m.ld_headline         ? DUP(m.ld_headline)
               : m.tw_title            ? DUP(m.tw_title)
               : head                  ? head
               : hints && hints->title ? DUP(hints->title)
                                       : NULL;
  out->outlet = m.og_site        ? DUP(m.og_site)
                : m.ld_publisher ? DUP(m.ld_publisher)
                : hint_site      ? hint_site
                : m.app_name     ? DUP(m.app_name)
                                 : site;
  if (!out->outlet)
    out->outlet = owner;
  out->url = m.canonical && is_url(m.canonical) && m.canonical[0] != '/'
                 ? DUP(m.canonical)
             : m.og_url && is_url(m.og_url) ? DUP(m.og_url)
             : m.ld_url                     ? DUP(m.ld_url)
             : hints && hints->url          ? DUP(hints->url)
                                            : NULL;
  out->language = lang_code(a, m.lang);
  if (!out->language)
    out->language = lang_code(a, m.m_lang);
  if (!out->language)
    out->language = lang_code(a, m.ld_lang);
  if (!out->language)
    out->language = lang_code(a, m.og_locale);
  if (!out->language && hints)
    out->language = lang_code(a, hints->language);
  char iso[32];
  const char *dates[] = {m.ld_date, m.m_date, m.time_dt,
                         hints ? hints->published : NULL};
  for (size_t i = 0; i < 4 && !out->published; i++)
    if (dates[i] && cr_date_parse(dates[i], strlen(dates[i]), 0, iso))
      out->published = cr_arena_strdup(a, iso);
  if (!out->published && out->url &&
      cr_date_parse(out->url, strlen(out->url), 2, iso))
    out->published = cr_arena_strdup(a, iso);
  if (!out->published && hints && hints->url &&
      cr_date_parse(hints->url, strlen(hints->url), 2, iso))
    out->published = cr_arena_strdup(a, iso);
  cr_listb au = {0};
  if (m.ld_authors.n)
    au = m.ld_authors;
  else if (m.m_author)
    cr_list_push(a, &au, DUP(m.m_author));
  /* an agency or a publisher named as the author is the credit; a whole
   * byline ("By A and B, Example Press") is split */
  cr_listb people = {0};
  for (size_t i = 0; i < au.n; i++)
    author_parts(a, au.v[i], &people, &out->credit);
  au = people;
  cr_list_out(&au, &out->authors);
  if (hints && hints->summary)
    out->summary = DUP(hints->summary);
  cr_buf_clear(&b);
#undef DUP
  *ld_body = m.ld_body;
}
