/* verify.h -- the cross-check of a story's claims: the figures of its
 * articles aligned into facts (the same fact in other words and other
 * values), each fact's independent origins and status (corroborated,
 * single source, disputed), the conflicting values with their articles,
 * the story's timeline of dated events and its quotes with their speakers.
 * Runs at finish, once per story, after dedup (origins), clustering and
 * the entity resolution of the story; see docs/verify.md. */
#ifndef CR_VERIFY_H
#define CR_VERIFY_H

#include <stddef.h>
#include <stdint.h>

#include "claims/claims.h"
#include "core/arena.h"
#include "crossread.h"
#include "entities/entities.h"
#include "normalize/normalize.h"
#include "story.h"

/* One article of the story, borrowed for the call. */
typedef struct cr_verify_doc {
  uint32_t index;          /* the engine's document index: what cr_idlist
                              holds and what cr_alias_add was given */
  const cr_norm *norm;     /* text, sentences, tokens */
  const cr_claims *claims; /* quantities, dates, quotes; NULL: none */
  const cr_ents *ents;     /* the article's entity mentions */
  int32_t origin;          /* provenance origin (cr_doc.origin); < 0: its
                              own */
  const char *published;   /* ISO 8601 or NULL */
} cr_verify_doc;

/* Lexicons (event classes, counted nouns) and the stemmer; one per engine,
 * read-only once made except for the stemmer: not thread-safe. */
typedef struct cr_verify cr_verify;
cr_verify *cr_verify_new(void);    /* NULL when out of memory */
void cr_verify_free(cr_verify *v); /* NULL ok */

/* Cross-check the story made of docs[0..n) (input order, ascending
 * `index`). `al` is the story's entity resolution (cr_alias_resolve done;
 * story entity i is s->entities[i], id "e<i+1>"); it may be NULL (no
 * entities). Fills s->claims, s->conflicts, s->timeline and s->quotes,
 * everything allocated in `a`; s->entities must be filled already.
 * Returns CROSSREAD_OK or CROSSREAD_ERR_NOMEM (the story's lists are then
 * empty). */
crossread_status cr_verify_story(cr_verify *v, const cr_verify_doc *docs,
                                 size_t n, const cr_alias *al, cr_arena *a,
                                 cr_story *s);

#endif
