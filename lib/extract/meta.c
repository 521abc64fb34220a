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
  const char *canonical, *lang, *title, *time_dt;
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

/* "Headline | Site" -> headline and site */
static void split_title(cr_arena *a, const char *t, const char **head,
                        const char **site) {
  static const char *const seps[] = {
      " | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
      " \xC2\xBB ", " / ", " \xC2\xB7 "};
  *head = t;
  *site = NULL;
  const char *best = NULL;
  size_t bl = 0;
  for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
    const char *p = NULL, *q = t;
    while ((q = strstr(q, seps[i])) != NULL) {
      p = q;
      q++;
    }
    if (p && (!best || p > best)) {
      best = p;
      bl = strlen(seps[i]);
    }
  }
  if (!best)
    return;
  size_t hl = (size_t)(best - t);
  const char *tail = best + bl;
  /* the site part is the shorter one; keep a headline of 3+ words */
  if (cr_count_words(t, hl) >= 3 && cr_count_words(tail, strlen(tail)) <= 5) {
    *head = cr_clean_dup(a, t, hl);
    *site = cr_clean_dup(a, tail, strlen(tail));
  }
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
    }
    if (n->first && n->type == CR_N_ELEM && n->tag != GUMBO_TAG_SCRIPT) {
      n = n->first;
      continue;
    }
    while (n && !n->next)
      n = n->parent;
    if (n)
      n = n->next;
  }
  cr_buf_clear(&b);

  const char *head = NULL, *site = NULL;
  if (m.title)
    split_title(a, m.title, &head, &site);
#define DUP(s) ((s) ? cr_clean_dup(a, (s), strlen(s)) : NULL)
  out->title = m.og_title              ? DUP(m.og_title)
               : m.ld_headline         ? DUP(m.ld_headline)
               : m.tw_title            ? DUP(m.tw_title)
               : head                  ? head
               : hints && hints->title ? DUP(hints->title)
                                       : NULL;
  out->outlet = m.og_site                ? DUP(m.og_site)
                : m.ld_publisher         ? DUP(m.ld_publisher)
                : hints && hints->outlet ? DUP(hints->outlet)
                : m.app_name             ? DUP(m.app_name)
                                         : site;
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
  if (m.ld_authors.n)
    cr_list_out(&m.ld_authors, &out->authors);
  else if (m.m_author) {
    cr_listb l = {0};
    cr_list_push(a, &l, DUP(m.m_author));
    cr_list_out(&l, &out->authors);
  }
  if (hints && hints->summary)
    out->summary = DUP(hints->summary);
#undef DUP
  *ld_body = m.ld_body;
}
