/* html.c -- the main text of a parsed page (cr_dom). Readability's family:
 * paragraphs give content scores to their ancestors, the best-scored
 * container (times one minus its link density) wins and takes in its
 * well-scored siblings; then the kept subtree is cleaned (link-heavy lists,
 * share bars, captions, bylines, related boxes, comments) and written out as
 * paragraphs, each short one checked against the boilerplate line rules.
 * Decision rules and figures: docs/extraction.md. */
#include <gumbo.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "extract_int.h"

enum {
  NF_SKIP = 1u << 0,      /* never content: scripts, forms controls, hidden */
  NF_BLOCK = 1u << 1,     /* block-level element */
  NF_HASBLOCK = 1u << 2,  /* has a block-level descendant (DIV_TO_P sense) */
  NF_UNLIKELY = 1u << 3,  /* unlikely candidate, removed in this attempt */
  NF_SCORED = 1u << 4,    /* has a content score */
  NF_DROP = 1u << 5,      /* removed by the clean-up of the article */
  NF_KEEP = 1u << 6,      /* root of a kept part of the article */
  NF_DATATABLE = 1u << 7, /* a table of data, not of layout */
  NF_INKEEP = 1u << 8,    /* inside a kept part */
  NF_COMMENT = 1u << 9,   /* inside a comment section */
  NF_TITLEDUP = 1u << 10, /* a heading repeating the title */
  NF_EMBED = 1u << 11     /* inside an embedded post (tweet) */
};

/* attempt flags, Readability's */
enum { F_STRIP = 1, F_WEIGHT = 2, F_CLEAN = 4 };

typedef struct ctx {
  cr_dom *dom;
  cr_arena *a;
  cr_node **order; /* all nodes in preorder */
  size_t n;
  const char *title;
  char tfold[600];  /* the title's letters and digits, case-folded */
  size_t tfold_len; /* 0 when there is no title or it is too short */
  cr_extract *out;
  cr_listb dropped, comments;
  char *credit;
} ctx;

static int is_block_tag(int t) {
  switch (t) {
  case GUMBO_TAG_ADDRESS:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_DETAILS:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_DL:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_FIELDSET:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_FIGURE:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_HGROUP:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_MAIN:
  case GUMBO_TAG_NAV:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_P:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
  case GUMBO_TAG_TBODY:
  case GUMBO_TAG_THEAD:
  case GUMBO_TAG_TFOOT:
  case GUMBO_TAG_CAPTION:
  case GUMBO_TAG_CENTER:
  case GUMBO_TAG_MENU:
  case GUMBO_TAG_SUMMARY:
  case GUMBO_TAG_BODY:
  case GUMBO_TAG_HTML:
  case GUMBO_TAG_UNKNOWN:
  case GUMBO_TAG_LISTING:
  case GUMBO_TAG_NOSCRIPT:
    return 1;
  default:
    return 0;
  }
}

/* Readability's DIV_TO_P_ELEMS: a div holding none of these reads as a p */
static int is_divtop_tag(int t) {
  return t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV ||
         t == GUMBO_TAG_IMG || t == GUMBO_TAG_OL || t == GUMBO_TAG_P ||
         t == GUMBO_TAG_PRE || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL ||
         t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
         t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6 ||
         t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_UNKNOWN;
}

static int is_skip_tag(int t) {
  switch (t) {
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_MATH:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_OBJECT:
  case GUMBO_TAG_EMBED:
  case GUMBO_TAG_CANVAS:
  case GUMBO_TAG_SELECT:
  case GUMBO_TAG_OPTION:
  case GUMBO_TAG_BUTTON:
  case GUMBO_TAG_INPUT:
  case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_TITLE:
  case GUMBO_TAG_META:
  case GUMBO_TAG_LINK:
  case GUMBO_TAG_AUDIO:
  case GUMBO_TAG_VIDEO:
  case GUMBO_TAG_MAP:
  case GUMBO_TAG_AREA:
  case GUMBO_TAG_APPLET:
  case GUMBO_TAG_NOFRAMES:
  case GUMBO_TAG_FRAMESET:
  case GUMBO_TAG_DATALIST:
  case GUMBO_TAG_OPTGROUP:
  case GUMBO_TAG_KEYGEN:
  case GUMBO_TAG_PROGRESS:
  case GUMBO_TAG_METER:
  case GUMBO_TAG_SOURCE:
  case GUMBO_TAG_TRACK:
    return 1;
  default:
    return 0;
  }
}

static int is_heading(int t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

static int ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* byte classes for measure_text: 0 counts as a character, 1 white space,
 * 2 a UTF-8 continuation byte, 3 a comma */
static unsigned char byte_class[256];
static pthread_once_t byte_class_once = PTHREAD_ONCE_INIT;

static void byte_class_init(void) {
  for (int c = 0x80; c < 0xC0; c++)
    byte_class[c] = 2;
  byte_class[' '] = byte_class['\t'] = byte_class['\n'] = byte_class['\r'] =
      byte_class['\f'] = 1;
  byte_class[','] = 3;
}

/* text length in characters with white space runs counted once, and commas
 * (ASCII and the full-width/ideographic ones) */
static void measure_text(cr_node *t) {
  uint32_t l = 0, commas = 0;
  int sp = 1;
  const unsigned char *s = (const unsigned char *)t->text;
  for (uint32_t i = 0; i < t->len; i++) {
    switch (byte_class[s[i]]) {
    case 0:
      l++;
      sp = 0;
      if (s[i] >= 0xE0 && i + 2 < t->len &&
          ((s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8C) ||
           (s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x81)))
        commas++;
      break;
    case 1:
      l += !sp;
      sp = 1;
      break;
    case 2:
      break;
    default:
      l++;
      commas++;
      sp = 0;
      break;
    }
  }
  t->tlen = l;
  t->commas = commas;
}

/* ---- pass 0: order, static flags, semantics ------------------------------*/

static int build_order(ctx *c) {
  pthread_once(&byte_class_once, byte_class_init);
  c->order = cr_arena_alloc(c->a, (c->dom->nnodes + 1) * sizeof *c->order);
  if (!c->order)
    return -1;
  cr_semcache *sc = cr_semcache_new(c->a);
  if (!sc)
    return -1;
  size_t k = 0;
  for (cr_node *n = c->dom->root; n;) {
    c->order[k++] = n;
    if (n->type == CR_N_TEXT) {
      /* script and style text is never measured: it is most of the bytes */
      if (n->parent && (n->parent->flags & NF_SKIP))
        n->flags |= NF_SKIP;
      else
        measure_text(n);
    } else {
      int skip = is_skip_tag(n->tag) || (n->attrs & CR_A_HIDDEN) ||
                 (n->parent && (n->parent->flags & NF_SKIP));
      uint32_t sc_cls = cr_sem_of(sc, n->cls), sc_id = cr_sem_of(sc, n->id);
      n->sem = sc_cls | sc_id;
      int w = 0;
      if (sc_cls & CR_SEM_NEG)
        w -= 25;
      if (sc_cls & CR_SEM_POS)
        w += 25;
      if (sc_id & CR_SEM_NEG)
        w -= 25;
      if (sc_id & CR_SEM_POS)
        w += 25;
      n->weight = (int16_t)w;
      if ((n->sem & CR_SEM_HIDDEN) && !(n->sem & CR_SEM_POS))
        skip = 1;
      /* embedded posts (tweets) are quoted content, not share buttons */
      if ((n->sem & CR_SEM_EMBED) && n->weight < 0)
        n->weight = 0;
      n->flags = (skip ? NF_SKIP : 0) | (is_block_tag(n->tag) ? NF_BLOCK : 0);
      if (n->parent && (n->parent->flags & NF_COMMENT))
        n->flags |= NF_COMMENT;
      else if ((n->sem & CR_SEM_COMMENT) && !(n->sem & CR_SEM_BODY))
        n->flags |= NF_COMMENT;
    }
    if (n->first) {
      n = n->first;
      continue;
    }
    while (n && !n->next)
      n = n->parent;
    if (n)
      n = n->next;
  }
  c->n = k;
  return 0;
}

/* ---- pass 1: per-attempt removal and aggregates ---------------------------*/

static int has_tag_ancestor(const cr_node *n, int tag, int depth) {
  for (const cr_node *p = n->parent; p && depth != 0; p = p->parent, depth--)
    if (p->tag == tag && p->type == CR_N_ELEM)
      return 1;
  return 0;
}

static void mark_unlikely(ctx *c, unsigned fl) {
  for (size_t i = 0; i < c->n; i++) {
    cr_node *n = c->order[i];
    n->flags &= ~(NF_UNLIKELY | NF_SCORED | NF_DROP | NF_KEEP | NF_INKEEP |
                  NF_HASBLOCK | NF_TITLEDUP | NF_EMBED);
    n->score = 0;
    if (n->parent && (n->parent->flags & NF_UNLIKELY)) {
      n->flags |= NF_UNLIKELY;
      continue;
    }
    if (n->type != CR_N_ELEM || !(fl & F_STRIP))
      continue;
    if (n->tag == GUMBO_TAG_BODY || n->tag == GUMBO_TAG_HTML ||
        n->tag == GUMBO_TAG_A)
      continue;
    int unl = (n->sem & CR_SEM_UNLIKELY) && !(n->sem & CR_SEM_MAYBE) &&
              !(n->attrs & (CR_A_ITEMBODY | CR_A_ARTICLE)) &&
              !has_tag_ancestor(n, GUMBO_TAG_TABLE, -1) &&
              !has_tag_ancestor(n, GUMBO_TAG_CODE, -1);
    if ((n->attrs & CR_A_ROLE_NAV) && !(n->attrs & CR_A_ITEMBODY))
      unl = 1;
    if (unl)
      n->flags |= NF_UNLIKELY;
  }
}

#define GONE (NF_SKIP | NF_UNLIKELY | NF_DROP)

static void aggregate(ctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    cr_node *n = c->order[i];
    if (n->type == CR_N_ELEM) {
      n->tlen = n->llen = n->commas = 0;
      n->np = n->nimg = n->nli = n->ninput = n->nembed = n->nhead = 0;
      n->hlen = 0;
    } else {
      n->llen = 0;
    }
  }
  for (size_t i = c->n; i-- > 0;) {
    cr_node *n = c->order[i];
    cr_node *p = n->parent;
    if (n->type == CR_N_ELEM) {
      if (n->tag == GUMBO_TAG_A)
        n->llen = n->tlen;
      if (is_heading(n->tag))
        n->hlen = n->tlen;
    }
    if (!p || (n->flags & (NF_UNLIKELY | NF_DROP)))
      continue;
    if (n->type == CR_N_ELEM) {
      int t = n->tag;
      if (n->flags & NF_SKIP) {
        /* counted as elements even when their text is not */
        p->ninput += t == GUMBO_TAG_INPUT;
        p->nembed += t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_EMBED ||
                     t == GUMBO_TAG_IFRAME;
        continue;
      }
      p->np += n->np + (t == GUMBO_TAG_P);
      p->nimg += n->nimg + (t == GUMBO_TAG_IMG);
      p->nli += n->nli + (t == GUMBO_TAG_LI);
      p->ninput += n->ninput;
      p->nembed += n->nembed;
      p->nhead += n->nhead + (is_heading(t) ? 1 : 0);
      p->hlen += n->hlen;
      if (is_divtop_tag(t) || (n->flags & NF_HASBLOCK))
        p->flags |= NF_HASBLOCK;
    } else if (n->flags & NF_SKIP) {
      continue;
    }
    p->tlen += n->tlen;
    p->llen += n->llen;
    p->commas += n->commas;
  }
}

static float link_density(const cr_node *n) {
  return n->tlen ? (float)n->llen / (float)n->tlen : 0.0f;
}

/* ---- pass 2: scores
 * --------------------------------------------------------*/

static void init_node(cr_node *n, unsigned fl) {
  float s = 0;
  switch (n->tag) {
  case GUMBO_TAG_DIV:
    s = 5;
    break;
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_BLOCKQUOTE:
    s = 3;
    break;
  case GUMBO_TAG_ADDRESS:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_DL:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_FORM:
    s = -3;
    break;
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_TH:
    s = -5;
    break;
  default:
    break;
  }
  if (fl & F_WEIGHT) {
    s += n->weight;
    /* explicit article-body markup is the strongest signal a page gives */
    if (n->attrs & CR_A_ITEMBODY)
      s += 25;
  }
  n->score = s;
  n->flags |= NF_SCORED;
}

static void add_score(cr_node *start, float score, unsigned fl) {
  int level = 0;
  for (cr_node *a = start; a && level < 5; a = a->parent, level++) {
    if (!a->parent) /* the root's parent is the document */
      break;
    if (!(a->flags & NF_SCORED))
      init_node(a, fl);
    float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
    a->score += score / div;
  }
}

/* direct inline text of an element with block children (Readability wraps
 * such runs in <p>) */
static void inline_run(const cr_node *n, uint32_t *len, uint32_t *commas) {
  uint32_t l = 0, cm = 0;
  for (const cr_node *ch = n->first; ch; ch = ch->next) {
    if (ch->flags & GONE)
      continue;
    if (ch->type == CR_N_TEXT ||
        !(is_divtop_tag(ch->tag) || (ch->flags & NF_HASBLOCK))) {
      l += ch->tlen;
      cm += ch->commas;
    }
  }
  *len = l;
  *commas = cm;
}

static void score_paragraphs(ctx *c, unsigned fl) {
  for (size_t i = 0; i < c->n; i++) {
    cr_node *n = c->order[i];
    if (n->type != CR_N_ELEM || (n->flags & GONE) || !n->parent)
      continue;
    int t = n->tag;
    uint32_t len = 0, commas = 0;
    cr_node *start = n->parent;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
        t == GUMBO_TAG_SECTION || (t >= GUMBO_TAG_H2 && t <= GUMBO_TAG_H6) ||
        (t == GUMBO_TAG_DIV && !(n->flags & NF_HASBLOCK))) {
      len = n->tlen;
      commas = n->commas;
    } else if ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_ARTICLE ||
                t == GUMBO_TAG_MAIN || t == GUMBO_TAG_UNKNOWN) &&
               (n->flags & NF_HASBLOCK)) {
      inline_run(n, &len, &commas);
      start = n;
    } else {
      continue;
    }
    if (len < 25)
      continue;
    float s = 1.0f + (float)commas + (float)(len / 100 < 3 ? len / 100 : 3);
    add_score(start, s, fl);
  }
}

static int is_ancestor(const cr_node *a, const cr_node *n) {
  for (const cr_node *p = n; p; p = p->parent)
    if (p == a)
      return 1;
  return 0;
}

static cr_node *pick_top(ctx *c, unsigned fl) {
  enum { NTOP = 5 };
  cr_node *top[NTOP] = {0};
  for (size_t i = 0; i < c->n; i++) {
    cr_node *n = c->order[i];
    if (!(n->flags & NF_SCORED))
      continue;
    n->score *= 1.0f - link_density(n);
    for (int k = 0; k < NTOP; k++) {
      if (!top[k] || n->score > top[k]->score) {
        memmove(top + k + 1, top + k, (size_t)(NTOP - 1 - k) * sizeof *top);
        top[k] = n;
        break;
      }
    }
  }
  cr_node *body = c->dom->body;
  cr_node *best = top[0];
  if (!best || best->tag == GUMBO_TAG_BODY || best == c->dom->root)
    return NULL;
  /* several near-best candidates under one ancestor: take the ancestor */
  int alts = 0;
  for (int k = 1; k < NTOP; k++)
    if (top[k] && top[k]->score / best->score >= 0.75f)
      alts++;
  if (alts >= 3) {
    for (cr_node *p = best->parent; p && p != body && p->parent;
         p = p->parent) {
      int cnt = 0;
      for (int k = 1; k < NTOP; k++)
        if (top[k] && top[k]->score / best->score >= 0.75f &&
            is_ancestor(p, top[k]))
          cnt++;
      if (cnt >= 3) {
        best = p;
        break;
      }
    }
  }
  if (!(best->flags & NF_SCORED))
    init_node(best, fl);
  /* climb while the parent scores about as well */
  float last = best->score, thr = last / 3.0f;
  for (cr_node *p = best->parent; p && p != body && p->parent; p = p->parent) {
    if (!(p->flags & NF_SCORED))
      continue;
    if (p->score < thr)
      break;
    if (p->score > last) {
      best = p;
      break;
    }
    last = p->score;
  }
  /* a lone child says nothing its parent does not */
  while (best->parent && best->parent != body && best->parent->parent) {
    int elems = 0;
    for (cr_node *ch = best->parent->first; ch; ch = ch->next)
      if (ch->type == CR_N_ELEM && !(ch->flags & GONE))
        elems++;
    if (elems != 1)
      break;
    best = best->parent;
  }
  if (!(best->flags & NF_SCORED))
    init_node(best, fl);
  return best;
}

static int same_class(const cr_node *a, const cr_node *b) {
  return a->cls && b->cls && *a->cls && strcmp(a->cls, b->cls) == 0;
}

/* a paragraph ending a sentence: ". " inside or "." at the end */
static int has_sentence_end(const cr_node *n) {
  for (const cr_node *x = n->first; x;) {
    if (x->type == CR_N_TEXT && !(x->flags & GONE)) {
      for (uint32_t i = 0; i < x->len; i++)
        if (x->text[i] == '.' && (i + 1 == x->len || x->text[i + 1] == ' '))
          return 1;
    }
    if (x->first && x->type == CR_N_ELEM && !(x->flags & GONE)) {
      x = x->first;
      continue;
    }
    while (x && x != n && !x->next)
      x = x->parent;
    if (!x || x == n)
      break;
    x = x->next;
  }
  return 0;
}

static void keep_siblings(ctx *c, cr_node *top) {
  if (!top->parent) {
    top->flags |= NF_KEEP;
    return;
  }
  float thr = top->score * 0.2f;
  if (thr < 10)
    thr = 10;
  for (cr_node *s = top->parent->first; s; s = s->next) {
    if (s->type != CR_N_ELEM || (s->flags & GONE))
      continue;
    int keep = s == top;
    if (!keep) {
      float bonus = same_class(s, top) ? top->score * 0.2f : 0;
      if ((s->flags & NF_SCORED) && s->score + bonus >= thr)
        keep = 1;
      else if (s->tag == GUMBO_TAG_P ||
               (s->tag == GUMBO_TAG_DIV && !(s->flags & NF_HASBLOCK))) {
        /* a div without block children reads as a paragraph (Readability
         * turns it into a <p>) */
        float ld = link_density(s);
        if (s->tlen > 80 && ld < 0.25f)
          keep = 1;
        else if (s->tlen < 80 && s->tlen > 0 && ld == 0 && has_sentence_end(s))
          keep = 1;
      }
    }
    if (keep)
      s->flags |= NF_KEEP;
  }
  (void)c;
}

/* ---- pass 3: clean-up inside the kept parts -------------------------------*/

static void drop(cr_node *n) {
  if (n->flags & NF_DROP)
    return;
  n->flags |= NF_DROP;
  /* the ancestors' aggregates lose this subtree */
  for (cr_node *p = n->parent; p; p = p->parent) {
    p->tlen -= n->tlen < p->tlen ? n->tlen : p->tlen;
    p->llen -= n->llen < p->llen ? n->llen : p->llen;
    p->commas -= n->commas < p->commas ? n->commas : p->commas;
    p->np -= n->np + (n->tag == GUMBO_TAG_P) <= p->np
                 ? n->np + (n->tag == GUMBO_TAG_P)
                 : p->np;
    p->nimg -= n->nimg + (n->tag == GUMBO_TAG_IMG) <= p->nimg
                   ? n->nimg + (n->tag == GUMBO_TAG_IMG)
                   : p->nimg;
    p->nli -= n->nli + (n->tag == GUMBO_TAG_LI) <= p->nli
                  ? n->nli + (n->tag == GUMBO_TAG_LI)
                  : p->nli;
    p->hlen -= n->hlen < p->hlen ? n->hlen : p->hlen;
  }
}

static void mark_datatables(ctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    cr_node *t = c->order[i];
    if (t->type != CR_N_ELEM || t->tag != GUMBO_TAG_TABLE)
      continue;
    t->flags &= ~NF_DATATABLE;
    if (t->attrs & CR_A_PRESENT)
      continue;
    int data = (t->attrs & CR_A_TABLEMETA) != 0, nested = 0;
    unsigned rows = 0, cols = 0;
    for (cr_node *x = t->first; x && !data;) {
      if (x->type == CR_N_ELEM) {
        if (x->tag == GUMBO_TAG_CAPTION || x->tag == GUMBO_TAG_THEAD ||
            x->tag == GUMBO_TAG_TFOOT || x->tag == GUMBO_TAG_TH ||
            x->tag == GUMBO_TAG_COLGROUP || x->tag == GUMBO_TAG_COL)
          data = 1;
        if (x->tag == GUMBO_TAG_TABLE)
          nested = 1;
        if (x->tag == GUMBO_TAG_TR) {
          rows++;
          unsigned cc = 0;
          for (cr_node *d = x->first; d; d = d->next)
            if (d->type == CR_N_ELEM &&
                (d->tag == GUMBO_TAG_TD || d->tag == GUMBO_TAG_TH))
              cc++;
          if (cc > cols)
            cols = cc;
        }
      }
      if (x->first && x->tag != GUMBO_TAG_TABLE) {
        x = x->first;
        continue;
      }
      while (x && x != t && !x->next)
        x = x->parent;
      if (!x || x == t)
        break;
      x = x->next;
    }
    if (!data && !nested && (rows >= 10 || cols > 4 || rows * cols > 10))
      data = 1;
    if (data)
      t->flags |= NF_DATATABLE;
  }
}

static int in_datatable(const cr_node *n) {
  for (const cr_node *p = n; p; p = p->parent)
    if (p->tag == GUMBO_TAG_TABLE && p->type == CR_N_ELEM &&
        (p->flags & NF_DATATABLE))
      return 1;
  return 0;
}

/* the text of a node into b, white space collapsed (for short checks) */
/* the text of n into b, white space collapsed (for short checks); the
 * walk does not enter descendants flagged in `stop` (n itself always) */
static void node_text_of(const cr_node *n, cr_buf *b, size_t cap,
                         uint32_t stop) {
  int sp = 1;
  for (const cr_node *x = n; x && b->len < cap;) {
    if (x->type == CR_N_TEXT && !(x->flags & stop)) {
      for (uint32_t i = 0; i < x->len && b->len < cap; i++) {
        unsigned char ch = (unsigned char)x->text[i];
        if (ws(ch)) {
          if (!sp)
            cr_buf_putc(b, ' ');
          sp = 1;
        } else {
          cr_buf_putc(b, ch);
          sp = 0;
        }
      }
    } else if (x->type == CR_N_ELEM && x != n && (x->flags & NF_BLOCK) && !sp) {
      cr_buf_putc(b, ' ');
      sp = 1;
    }
    if (x->first && x->type == CR_N_ELEM && (x == n || !(x->flags & stop))) {
      x = x->first;
      continue;
    }
    if (x == n)
      break;
    while (x && x != n && !x->next)
      x = x->parent;
    if (!x || x == n)
      break;
    x = x->next;
  }
  while (b->len && b->data[b->len - 1] == ' ')
    b->data[--b->len] = 0;
}

static void node_text(const cr_node *n, cr_buf *b, size_t cap) {
  node_text_of(n, b, cap, GONE);
}

static int ad_or_loading(const cr_node *n) {
  if (n->tlen > 20)
    return 0;
  cr_buf b;
  cr_buf_init(&b, 0);
  node_text(n, &b, 64);
  int r = 0;
  if (b.data) {
    const char *s = b.data;
    size_t l = b.len;
    r = cr_ascii_ieq(s, l, "ad") || cr_ascii_ieq(s, l, "advertising") ||
        cr_ascii_ieq(s, l, "advertisement") || cr_ascii_ieq(s, l, "loading") ||
        cr_ascii_ieq(s, l, "loading...") || cr_ascii_ieq(s, l, "sponsored");
  }
  cr_buf_clear(&b);
  return r;
}

static uint32_t list_text(const cr_node *n) {
  uint32_t l = 0;
  for (const cr_node *x = n->first; x;) {
    if (x->type == CR_N_ELEM && !(x->flags & GONE) &&
        (x->tag == GUMBO_TAG_UL || x->tag == GUMBO_TAG_OL)) {
      l += x->tlen;
    } else if (x->first && x->type == CR_N_ELEM && !(x->flags & GONE)) {
      x = x->first;
      continue;
    }
    while (x && x != n && !x->next)
      x = x->parent;
    if (!x || x == n)
      break;
    x = x->next;
  }
  return l;
}

/* Readability's _cleanConditionally, on one element */
static int should_remove(const cr_node *n, unsigned fl) {
  int t = n->tag;
  int is_list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
  if (!is_list && n->tlen)
    is_list = (float)list_text(n) / (float)n->tlen > 0.9f;
  if (t == GUMBO_TAG_TABLE && (n->flags & NF_DATATABLE))
    return 0;
  if (in_datatable(n->parent ? n->parent : n) && n->parent)
    return 0;
  if (has_tag_ancestor(n, GUMBO_TAG_CODE, -1))
    return 0;
  int weight = (fl & F_WEIGHT) ? n->weight : 0;
  if (weight < 0)
    return 1;
  if (n->commas >= 10)
    return 0;
  int p = (int)n->np, img = (int)n->nimg, li = (int)n->nli - 100,
      input = (int)n->ninput;
  float heading = n->tlen ? (float)n->hlen / (float)n->tlen : 0;
  if (ad_or_loading(n))
    return 1;
  float ld = link_density(n);
  int fig = has_tag_ancestor(n, GUMBO_TAG_FIGURE, -1);
  uint32_t len = n->tlen;
  int rm = 0;
  if (!fig && img > 1 && (float)p / (float)img < 0.5f)
    rm = 1;
  else if (!is_list && li > p)
    rm = 1;
  else if (input > p / 3)
    rm = 1;
  else if (!is_list && !fig && heading < 0.9f && len < 25 &&
           (img == 0 || img > 2) && ld > 0)
    rm = 1;
  else if (!is_list && weight < 25 && ld > 0.2f)
    rm = 1;
  else if (weight >= 25 && ld > 0.5f)
    rm = 1;
  else if ((n->nembed == 1 && len < 75) || n->nembed > 1)
    rm = 1;
  else if (img == 0 && len == 0)
    rm = 1;
  if (is_list && rm) {
    /* a plain list of images stays */
    unsigned lis = 0;
    for (const cr_node *ch = n->first; ch; ch = ch->next) {
      if (ch->type != CR_N_ELEM)
        continue;
      unsigned kids = 0;
      for (const cr_node *g = ch->first; g; g = g->next)
        kids += g->type == CR_N_ELEM;
      if (kids > 1)
        return rm;
      lis++;
    }
    if ((unsigned)img == lis && lis)
      return 0;
  }
  return rm;
}

/* normalised equality of a heading with the title */
static int similar_title(const char *title, const cr_node *h) {
  if (!title)
    return 0;
  cr_buf b;
  cr_buf_init(&b, 0);
  node_text(h, &b, 1024);
  int r = 0;
  if (b.data && b.len) {
    /* compare alphanumerics only, case-folded (ASCII) */
    size_t i = 0, j = 0, tl = strlen(title);
    size_t same = 0, total = 0;
    const char *x = b.data, *y = title;
    while (i < b.len || j < tl) {
      while (i < b.len && !((x[i] | 32) >= 'a' && (x[i] | 32) <= 'z') &&
             !(x[i] >= '0' && x[i] <= '9') && !((unsigned char)x[i] >= 0x80))
        i++;
      while (j < tl && !((y[j] | 32) >= 'a' && (y[j] | 32) <= 'z') &&
             !(y[j] >= '0' && y[j] <= '9') && !((unsigned char)y[j] >= 0x80))
        j++;
      if (i >= b.len || j >= tl)
        break;
      total++;
      if ((x[i] | 32) == (y[j] | 32))
        same++;
      else
        break;
      i++;
      j++;
    }
    while (i < b.len) {
      if (((x[i] | 32) >= 'a' && (x[i] | 32) <= 'z') ||
          (x[i] >= '0' && x[i] <= '9'))
        break;
      i++;
    }
    r = total > 8 && i >= b.len; /* the heading is a prefix of the title */
  }
  cr_buf_clear(&b);
  return r;
}

/* alphanumerics, case-folded (ASCII), into out; returns the length */
static size_t fold_alnum(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 'A' && ch <= 'Z')
      out[k++] = (char)(ch + 32);
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
      out[k++] = (char)ch;
  }
  out[k] = 0;
  return k;
}

/* s[0..n) says the same as the title (letters and digits compared; the
 * title's are folded once, in c->tfold) */
static int is_title_text(const ctx *c, const char *s, size_t n) {
  if (!c->tfold_len || n < c->tfold_len || n >= 600)
    return 0;
  char x[600];
  size_t xl = fold_alnum(s, n, x, sizeof x);
  return xl == c->tfold_len && memcmp(x, c->tfold, xl) == 0;
}

static void clean_kept(ctx *c, cr_node *root, unsigned fl) {
  /* collect the subtree in preorder (a slice of order[]) */
  size_t from = 0, to = 0;
  for (size_t i = 0; i < c->n; i++)
    if (c->order[i] == root) {
      from = i;
      break;
    }
  to = from + 1;
  while (to < c->n && is_ancestor(root, c->order[to]))
    to++;
  for (size_t i = from; i < to; i++)
    c->order[i]->flags |= NF_INKEEP;
  /* fixed removals, in document order */
  for (size_t i = from + 1; i < to; i++) {
    cr_node *n = c->order[i];
    if (n->type != CR_N_ELEM || (n->flags & GONE))
      continue;
    int t = n->tag;
    uint32_t s = n->sem;
    int rm = 0;
    if (t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_H1)
      rm = 1;
    else if ((s & CR_SEM_EMBED) || (n->parent && (n->parent->flags & NF_EMBED)))
      n->flags |= NF_EMBED;
    else if ((s & CR_SEM_SHARE) && n->tlen < 500)
      rm = 1;
    else if ((t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3) && (fl & F_WEIGHT) &&
             n->weight < 0)
      rm = 1;
    else if (is_heading(t) && similar_title(c->title, n))
      rm = 1;
    else if ((n->flags & NF_COMMENT) && !(s & CR_SEM_BODY))
      rm = 1;
    else if ((s &
              (CR_SEM_CAPTION | CR_SEM_BYLINE | CR_SEM_DATE | CR_SEM_LABEL)) &&
             !(s & CR_SEM_BODY) && n->tlen < 250)
      rm = 1;
    else if ((n->attrs & CR_A_AUTHOR) && n->tlen < 150)
      rm = 1;
    else if ((s & (CR_SEM_RELATED | CR_SEM_NEWSLETTER | CR_SEM_COOKIE |
                   CR_SEM_TAGS | CR_SEM_AD | CR_SEM_NAV)) &&
             !(s & CR_SEM_BODY) && !(n->attrs & CR_A_ITEMBODY))
      rm = 1;
    else if (t == GUMBO_TAG_FIGURE && n->np == 0)
      rm = 1;
    else if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_DIV ||
              t == GUMBO_TAG_CENTER) &&
             n->nimg == 1 && n->np == 0 && n->tlen > 0 && n->tlen < 160 &&
             !n->nhead)
      rm = 1; /* an image and a line under it: a caption without markup */
    /* a container holding most of the article is not furniture, whatever
     * its class says (post classes like "tag-economy") */
    if (rm && !is_heading(t) && t != GUMBO_TAG_FIGCAPTION && root->tlen > 500 &&
        n->tlen * 2 > root->tlen)
      rm = 0;
    if (rm)
      drop(n);
  }
  if (!(fl & F_CLEAN))
    return;
  mark_datatables(c);
  /* conditional clean-up, last first so children go before parents */
  for (size_t i = to; i-- > from + 1;) {
    cr_node *n = c->order[i];
    if (n->type != CR_N_ELEM || (n->flags & GONE))
      continue;
    int t = n->tag;
    if (n->flags & NF_EMBED)
      continue;
    if (t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET ||
        t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL || t == GUMBO_TAG_DIV) {
      if (should_remove(n, fl))
        drop(n);
    }
  }
}

/* ---- pass 4: text ---------------------------------------------------------*/

typedef struct writer {
  ctx *c;
  cr_buf out;      /* the article text */
  cr_buf para;     /* the paragraph being built */
  int sp;          /* last char written to para is a space (or para empty) */
  int pre;         /* inside <pre> */
  int in_a;        /* inside a link */
  size_t link;     /* bytes of para written inside links */
  int main;        /* writing the article (not a comment section) */
  size_t paras;    /* paragraphs written to out */
  size_t running;  /* of which running text */
  int promo;       /* after a promo head: links that follow are its items */
  size_t last_off; /* where the last paragraph starts in out */
  int last_label;  /* the last paragraph is a section label, before text */
  int last_head;   /* the last paragraph is a short heading, and was the
                      paragraph just before this one */
  int comments;    /* after a comment head: the rest are comments */
} writer;

/* a paragraph of running text: 10+ words ending a sentence, or 25+ words */
static int running_text(const char *s, size_t n) {
  size_t w = cr_count_words(s, n);
  if (w >= 25)
    return 1;
  while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
    n--;
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
      (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
    n -= 3;
  return w >= 10 && n &&
         (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
          s[n - 1] == ':');
}

/* a section label over the headline: one to three words in capitals */
static int section_label(const char *s, size_t n) {
  size_t w = cr_count_words(s, n), up = 0;
  if (w == 0 || w > 3)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' ||
        ch == ':' || ch == ',')
      return 0;
    up += ch >= 'A' && ch <= 'Z';
  }
  return up >= 3;
}

static int has_ci(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (cr_ascii_ieq(s + i, k, needle))
      return 1;
  return 0;
}

/* take the last written paragraph back out, to dropped */
static void unemit_last(writer *w) {
  cr_list_push(w->c->a, &w->c->dropped,
               cr_arena_strdup(w->c->a, w->out.data + w->last_off));
  w->out.len = w->last_off >= 2 ? w->last_off - 2 : 0;
  w->out.data[w->out.len] = 0;
  w->paras--;
  w->last_label = w->last_head = 0;
}

/* a short heading: up to 6 words, no sentence, a capital first */
static int short_heading(const char *s, size_t n) {
  size_t w = cr_count_words(s, n);
  unsigned char e = (unsigned char)s[n - 1];
  return w >= 1 && w <= 6 && s[0] >= 'A' && s[0] <= 'Z' && e != '.' &&
         e != ',' && e != ';' && e != ':' && e != '!' && e != '?' && e != '"';
}

static void drop_para(writer *w, cr_bp_kind k) {
  cr_buf *p = &w->para;
  w->last_head = 0;
  char *s = cr_arena_strndup(w->c->a, p->data, p->len);
  cr_list_push(w->c->a, &w->c->dropped, s);
  if ((k == CR_BP_CREDIT || k == CR_BP_SIGNOFF || k == CR_BP_SOURCE) &&
      !w->c->credit)
    w->c->credit = s;
}

static void flush(writer *w) {
  cr_buf *p = &w->para;
  while (p->len && p->data[p->len - 1] == ' ')
    p->data[--p->len] = 0;
  if (!p->len) {
    w->sp = 1;
    return;
  }
  cr_bp_kind k = cr_boilerplate_line(p->data, p->len);
  int links = w->link * 10 >= p->len * 9;
  int cta = w->main && !w->comments &&
            cr_cta_line(p->data, p->len, cr_count_words(p->data, p->len));
  if (cta) {
    /* a call to action, and the box's heading right above it:
     * "NEWSLETTER" / "Sign up for our morning briefing" */
    if (w->last_head && w->paras > 1)
      unemit_last(w);
    drop_para(w, k);
  } else if (w->comments) {
    /* a comment section inside the article's container: its paragraphs
     * are comments, its labels ("Jane wrote on 15/03/2026 08:14:") not */
    if (k != CR_BP_NONE || links ||
        (p->data[p->len - 1] == ':' && cr_count_words(p->data, p->len) <= 12))
      drop_para(w, k);
    else if (cr_count_words(p->data, p->len) >= 4 && w->c->comments.n < 500)
      cr_list_push(w->c->a, &w->c->comments,
                   cr_arena_strndup(w->c->a, p->data, p->len));
  } else if (k == CR_BP_COMMENTS && w->main && w->running >= 3 &&
             has_ci(p->data, p->len, "comment")) {
    drop_para(w, k);
    w->comments = 1;
  } else if (k != CR_BP_NONE && k != CR_BP_ASSIST) {
    drop_para(w, k);
    w->promo = k == CR_BP_PROMO;
  } else if (links && (w->promo || (w->main && !w->paras &&
                                    cr_count_words(p->data, p->len) <= 4))) {
    /* "Related stories" and its links; menu links above the text */
    drop_para(w, k);
  } else if (w->main && !w->running && is_title_text(w->c, p->data, p->len)) {
    /* the headline above the text, and the section label over it */
    if (w->last_label && w->paras)
      unemit_last(w);
    w->last_label = 0;
    drop_para(w, k);
  } else {
    w->promo = 0;
    if (w->out.len)
      cr_buf_put(&w->out, "\n\n", 2);
    w->last_off = w->out.len;
    cr_buf_put(&w->out, p->data, p->len);
    w->paras++;
    w->running += running_text(p->data, p->len);
    w->last_label = !w->running && section_label(p->data, p->len);
    w->last_head = short_heading(p->data, p->len);
  }
  cr_buf_reset(p);
  w->link = 0;
  w->sp = 1;
}

static void put_text(writer *w, const cr_node *t) {
  cr_buf *p = &w->para;
  const char *s = t->text;
  size_t before = p->len;
  for (uint32_t i = 0; i < t->len; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (w->pre && ch == '\n') {
      cr_buf_putc(p, '\n');
      w->sp = 1;
      continue;
    }
    if (ws(ch) ||
        (ch == 0xC2 && i + 1 < t->len && (unsigned char)s[i + 1] == 0xA0)) {
      if (ch == 0xC2)
        i++;
      if (!w->sp)
        cr_buf_putc(p, ' ');
      w->sp = 1;
      continue;
    }
    /* copy the run of non-space bytes at once */
    uint32_t j = i + 1;
    while (j < t->len && !ws((unsigned char)s[j]) &&
           (unsigned char)s[j] != 0xC2)
      j++;
    cr_buf_put(p, s + i, j - i);
    i = j - 1;
    w->sp = 0;
  }
  if (w->in_a)
    w->link += p->len - before;
}

static void record_drop(ctx *c, const cr_node *n) {
  /* no tlen test: removed parts (unlikely ones, or a table whose caption
   * cell went first) count no text of their own */
  if (c->dropped.n >= 400)
    return;
  cr_buf b;
  cr_buf_init(&b, 0);
  /* a removed subtree: its own text, and that of parts removed before it */
  node_text_of(n, &b, 2000, NF_SKIP);
  if (b.data && b.len)
    cr_list_push(c->a, &c->dropped, cr_arena_strndup(c->a, b.data, b.len));
  cr_buf_clear(&b);
}

static void write_node(writer *w, cr_node *root) {
  ctx *c = w->c;
  for (cr_node *n = root; n;) {
    int enter = 1;
    if (n->flags & GONE) {
      enter = 0;
      if ((n->flags & (NF_DROP | NF_UNLIKELY)) && !(n->flags & NF_SKIP))
        record_drop(c, n);
    } else if (n->type == CR_N_TEXT) {
      put_text(w, n);
      enter = 0;
    } else {
      if (n->flags & NF_BLOCK)
        flush(w);
      else if (n->tag == GUMBO_TAG_BR)
        flush(w);
      if (n->tag == GUMBO_TAG_PRE)
        w->pre++;
      if (n->tag == GUMBO_TAG_A)
        w->in_a++;
    }
    if (enter && n->first) {
      n = n->first;
      continue;
    }
    /* leave n and the ancestors that end with it */
    for (;;) {
      if (n->type == CR_N_ELEM && !(n->flags & GONE) && enter) {
        if (n->flags & NF_BLOCK)
          flush(w);
        if (n->tag == GUMBO_TAG_PRE && w->pre)
          w->pre--;
        if (n->tag == GUMBO_TAG_A && w->in_a)
          w->in_a--;
      }
      enter = 1;
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  flush(w);
}

static void collect_comments(ctx *c) {
  writer w = {0};
  w.c = c;
  for (size_t i = 0; i < c->n && c->comments.n < 500; i++) {
    cr_node *n = c->order[i];
    if (n->type != CR_N_ELEM || !(n->flags & NF_COMMENT) ||
        (n->flags & NF_SKIP) || (n->parent && (n->parent->flags & NF_COMMENT)))
      continue;
    /* one comment section: its paragraphs of 4+ words are the comments */
    cr_buf_init(&w.out, 0);
    cr_buf_init(&w.para, 0);
    w.sp = 1;
    cr_listb saved = c->dropped;
    c->dropped.n = c->dropped.cap = 0;
    c->dropped.v = NULL;
    uint32_t keep = n->flags;
    n->flags &= ~(uint32_t)(NF_DROP | NF_UNLIKELY);
    write_node(&w, n);
    n->flags = keep;
    c->dropped = saved;
    const char *s = w.out.data;
    const char *end = s ? s + w.out.len : NULL;
    while (s && *s) {
      /* memchr, not strstr: a sanitizer's strstr reads to the end each time */
      const char *e = NULL;
      for (const char *q = s; (q = memchr(q, '\n', (size_t)(end - q))) != NULL;
           q++)
        if (q + 1 < end && q[1] == '\n') {
          e = q;
          break;
        }
      size_t l = e ? (size_t)(e - s) : (size_t)(end - s);
      if (cr_count_words(s, l) >= 4)
        cr_list_push(c->a, &c->comments, cr_arena_strndup(c->a, s, l));
      s = e ? e + 2 : NULL;
    }
    cr_buf_clear(&w.out);
    cr_buf_clear(&w.para);
  }
}

static size_t attempt(ctx *c, unsigned fl, cr_buf *text) {
  mark_unlikely(c, fl);
  aggregate(c);
  score_paragraphs(c, fl);
  cr_node *top = pick_top(c, fl);
  cr_node *body = c->dom->body ? c->dom->body : c->dom->root;
  if (!top)
    top = body;
  if (top == body || !top->parent)
    top->flags |= NF_KEEP;
  else
    keep_siblings(c, top);
  cr_node *parent = top->parent && top != body ? top->parent : NULL;
  writer w = {0};
  w.c = c;
  w.main = 1;
  cr_buf_init(&w.out, 0);
  cr_buf_init(&w.para, 0);
  w.sp = 1;
  c->dropped.n = 0;
  c->comments.n = 0;
  c->credit = NULL;
  if (!parent) {
    clean_kept(c, top, fl);
    write_node(&w, top);
  } else {
    for (cr_node *s = parent->first; s; s = s->next)
      if (s->flags & NF_KEEP)
        clean_kept(c, s, fl);
    for (cr_node *s = parent->first; s; s = s->next)
      if (s->flags & NF_KEEP)
        write_node(&w, s);
  }
  cr_buf_clear(&w.para);
  *text = w.out;
  return w.out.len;
}

crossread_status cr_extract_dom(cr_dom *dom, const cr_hints *hints, cr_arena *a,
                                cr_extract *out, crossread_error *err) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.dom = dom;
  c.a = a;
  c.out = out;
  const char *ld_body = NULL;
  cr_meta_html(dom, hints, a, out, &ld_body);
  c.title = out->title;
  if (c.title && strlen(c.title) < sizeof c.tfold) {
    c.tfold_len = fold_alnum(c.title, strlen(c.title), c.tfold, sizeof c.tfold);
    if (c.tfold_len <= 8)
      c.tfold_len = 0;
  }
  if (!dom->root || build_order(&c))
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  static const unsigned tries[] = {F_STRIP | F_WEIGHT | F_CLEAN,
                                   F_WEIGHT | F_CLEAN, F_CLEAN, 0};
  cr_buf best;
  cr_buf_init(&best, 0);
  cr_listb best_dropped = {0}, best_comments = {0};
  char *best_credit = NULL;
  for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
    cr_buf t;
    size_t len = attempt(&c, tries[i], &t);
    if (t.err) {
      cr_buf_clear(&t);
      continue;
    }
    if (len > best.len || !best.data) {
      cr_buf_clear(&best);
      best = t;
      best_dropped = c.dropped;
      best_credit = c.credit;
      best_comments = c.comments;
      c.dropped.v = NULL;
      c.dropped.n = c.dropped.cap = 0;
      c.comments.v = NULL;
      c.comments.n = c.comments.cap = 0;
    } else {
      cr_buf_clear(&t);
    }
    if (len >= 500)
      break;
  }
  c.dropped = best_dropped;
  c.comments = best_comments;
  collect_comments(&c);
  out->text = cr_arena_strndup(a, best.data ? best.data : "", best.len);
  out->text_len = best.len;
  cr_buf_clear(&best);
  if (!out->text)
    return cr_error_set(err, CROSSREAD_ERR_NOMEM, NULL, "out of memory");
  if (best_credit && !out->credit)
    out->credit = best_credit;
  /* a dateline opening the first paragraph; the text keeps it */
  const char *place, *agency;
  size_t pn, an;
  if (out->text_len &&
      cr_dateline_find(out->text, out->text_len, &place, &pn, &agency, &an)) {
    if (pn)
      out->dateline = cr_clean_dup(a, place, pn);
    if (agency && !out->credit)
      out->credit = cr_arena_strndup(a, agency, an);
  }
  cr_list_out(&c.dropped, &out->dropped);
  cr_list_out(&c.comments, &out->comments);
  if (out->text_len == 0)
    return cr_error_set(err, CROSSREAD_ERR_EMPTY, NULL,
                        "no article text found");
  return CROSSREAD_OK;
}
