/* story.h -- the digest model: what the cross-document stages produce for
 * each story and what the report stage renders. Filled at finish by
 * pipeline.c from the stages' own results; every string and array lives in
 * the pipeline's story arena and is rebuilt at every finish. Document
 * references are indexes into the engine's documents. */
#ifndef CR_STORY_H
#define CR_STORY_H

#include <stddef.h>
#include <stdint.h>

typedef struct cr_idlist {
  uint32_t *v; /* document indexes, ascending */
  size_t n;
} cr_idlist;

typedef enum cr_entity_kind {
  CR_ENT_PERSON = 0,
  CR_ENT_ORGANIZATION,
  CR_ENT_PLACE,
  CR_ENT_OTHER
} cr_entity_kind;

typedef struct cr_sentity {
  char id[16]; /* "e1" */
  cr_entity_kind kind;
  const char *name;      /* canonical */
  const char **variants; /* every spelling seen */
  size_t nvariants;
  cr_idlist docs;
  size_t mentions;
} cr_sentity;

typedef enum cr_claim_status {
  CR_CLAIM_CORROBORATED = 0, /* two or more independent origins agree */
  CR_CLAIM_SINGLE_SOURCE,    /* one independent origin */
  CR_CLAIM_DISPUTED          /* independent origins give incompatible values */
} cr_claim_status;

typedef struct cr_sevidence {
  uint32_t doc;
  const char *sentence; /* verbatim */
} cr_sevidence;

typedef struct cr_sclaim {
  char id[16];      /* "c1" */
  const char *kind; /* "quantity", "date", "event", "quote" */
  const char *text; /* what is claimed, in words */
  const char *subject_entity; /* story entity id, or NULL */
  const char *subject_text;   /* free text subject, or NULL */
  int has_value;
  double number;
  const char *unit;       /* may be NULL */
  const char *value_text; /* the value as written */
  cr_idlist docs;
  size_t origins; /* independent origins among docs */
  cr_claim_status status;
  cr_sevidence *evidence;
  size_t nevidence;
} cr_sclaim;

typedef struct cr_svalue {
  const char *value; /* as written, e.g. "69" */
  cr_idlist docs;
  size_t origins;
} cr_svalue;

typedef struct cr_sconflict {
  char id[16];       /* "x1" */
  const char *about; /* "age of the president" */
  const char **claims; /* claim ids */
  size_t nclaims;
  cr_svalue *values;
  size_t nvalues;
} cr_sconflict;

typedef struct cr_squote {
  char id[16];                /* "q1" */
  const char *speaker_entity; /* story entity id, or NULL */
  const char *speaker_name;   /* as resolved, or NULL */
  const char *text;           /* verbatim, without the quote marks */
  cr_idlist docs;
} cr_squote;

typedef struct cr_sevent {
  const char *date; /* ISO 8601 at its precision: "2025-12-13", "2025-09" */
  const char *text;
  cr_idlist docs;
} cr_sevent;

typedef struct cr_ssentence {
  const char *text; /* verbatim from an article */
  cr_idlist docs;   /* every article holding it or a near-duplicate */
} cr_ssentence;

typedef struct cr_story {
  char id[16]; /* "s1" */
  const char *title;
  uint32_t *docs; /* input order */
  size_t ndocs;
  size_t independent_origins;
  const char *first_published; /* ISO 8601 or NULL */
  const char *last_published;
  cr_sentity *entities;
  size_t nentities;
  cr_sclaim *claims;
  size_t nclaims;
  cr_sconflict *conflicts;
  size_t nconflicts;
  cr_squote *quotes;
  size_t nquotes;
  cr_sevent *timeline;
  size_t ntimeline;
  cr_ssentence *summary;
  size_t nsummary;
} cr_story;

/* How one article derives from another (the provenance stage's edges). */
typedef struct cr_sedge {
  uint32_t doc;         /* the source article */
  const char *relation; /* "copy", "syndication", "rewrite", "partial" */
  double score;
  const char *evidence; /* one aligned passage, verbatim, or NULL */
} cr_sedge;

static inline const char *cr_entity_kind_name(cr_entity_kind k) {
  static const char *const n[] = {"person", "organization", "place", "other"};
  return (unsigned)k < 4 ? n[k] : "other";
}

static inline const char *cr_claim_status_name(cr_claim_status s) {
  static const char *const n[] = {"corroborated", "single_source", "disputed"};
  return (unsigned)s < 3 ? n[s] : "single_source";
}

#endif
