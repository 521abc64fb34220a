/* entities.h -- the entity stage: people, organisations and places named in
 * an article (tagger: ner.c), the mentions of one article linked into its
 * entities with titles, surnames alone and pronouns (mention.c), and the
 * entities of a story's articles resolved across spellings (alias.c,
 * name.c). Runs after normalize; see docs/entities.md. */
#ifndef CR_ENTITIES_H
#define CR_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "crossread.h"
#include "normalize/normalize.h"

typedef enum cr_ent_kind {
  CR_ENT_PER = 1,
  CR_ENT_ORG = 2,
  CR_ENT_LOC = 3
} cr_ent_kind;

enum {
  CR_MF_PRONOUN = 1u << 0, /* "he", "she", "her": linked to a person */
  CR_MF_PARTIAL = 1u << 1, /* a surname alone, or an initial */
  CR_MF_TITLED = 1u << 2,  /* a title stands before it ("President X") */
  CR_MF_RULE = 1u << 3     /* found by a document rule, not the tagger */
};

typedef struct cr_mention {
  uint32_t tok, ntok; /* tokens in cr_norm */
  uint32_t off, len;  /* bytes in cr_norm.text; no possessive 's, no title */
  uint32_t sent;
  uint8_t kind;   /* cr_ent_kind */
  uint8_t flags;  /* CR_MF_* */
  int32_t entity; /* index in cr_ents.e, -1 none */
} cr_mention;

typedef struct cr_entity {
  uint8_t kind;        /* cr_ent_kind */
  uint8_t gender;      /* 0 unknown, 1 male, 2 female (people) */
  const char *name;    /* the fullest form in the article (arena) */
  const char *key;     /* canonical key: alias resolution (arena) */
  uint32_t first;      /* its first mention */
  uint32_t mentions;   /* named mentions */
  uint32_t pronouns;   /* pronoun mentions */
  int32_t relative_of; /* described as a family member of that entity, -1 */
} cr_entity;

typedef struct cr_ents {
  cr_mention *m; /* in text order */
  size_t nm;
  cr_entity *e; /* in order of first mention */
  size_t ne;
} cr_ents;

typedef struct cr_entities cr_entities; /* lexicons and model, per engine */

/* Load the lexicons and the tagger's weights (model_path NULL: built in).
 * NULL when out of memory or the weights file cannot be read. Read-only
 * afterwards: one instance serves any number of documents. */
cr_entities *cr_entities_new(const char *model_path);
void cr_entities_free(cr_entities *E); /* NULL ok */
/* Its lexicons (lex.h), for the name matcher. */
const struct cr_entlex *cr_entities_lex(const cr_entities *E);

/* The tagger alone: its spans as mentions (no entities, no rules). */
crossread_status cr_entities_tag(const cr_entities *E, const cr_norm *n,
                                 cr_arena *a, cr_ents *out);

/* Entities of one document: tagged mentions, titles and possessives outside
 * the spans, names repeated in the article found again, surnames alone and
 * pronouns linked to their person, family relations noted. Everything in
 * the arena. CROSSREAD_ERR_NOMEM or _TOOBIG when the arena fails. */
crossread_status cr_entities_run(const cr_entities *E, const cr_norm *n,
                                 cr_arena *a, cr_ents *out);

/* ---- across the articles of a story
 * ----------------------------------------*/

typedef struct cr_story_entity {
  uint8_t kind;          /* cr_ent_kind; the majority of its documents */
  const char *name;      /* canonical name */
  const char **variants; /* every spelling seen, first seen first */
  size_t nvariants;
  uint32_t *docs; /* document numbers given to cr_alias_add, ascending */
  size_t ndocs;
  uint32_t mentions; /* named mentions in all its documents */
} cr_story_entity;

typedef struct cr_alias cr_alias; /* one story's resolution */

cr_alias *cr_alias_new(const cr_entities *E);
void cr_alias_free(cr_alias *al); /* NULL ok */
/* Add the entities of one document (names copied: the document may go).
 * Returns 0, -1 when out of memory. */
int cr_alias_add(cr_alias *al, uint32_t doc, const cr_norm *n,
                 const cr_ents *ents);
/* Group the entities added so far into story entities, largest first:
 * transliteration variants, surnames alone, initials and titles join their
 * person; different given names, a feminine and a masculine surname form,
 * and two entities of one document are never joined. Returns 0 or -1. */
int cr_alias_resolve(cr_alias *al);
size_t cr_alias_count(const cr_alias *al);
const cr_story_entity *cr_alias_get(const cr_alias *al, size_t i);
/* The story entity of entity `entity` of document `doc`, -1 if none. */
int32_t cr_alias_of(const cr_alias *al, uint32_t doc, uint32_t entity);

#endif
