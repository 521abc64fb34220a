/* claims_fixture.h -- shared by the claims tests: run the text core and the
 * claims stage on a short text and look results up by value or text. */
#ifndef CR_TEST_CLAIMS_FIXTURE_H
#define CR_TEST_CLAIMS_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "claims/claims.h"
#include "core/arena.h"
#include "harness.h"
#include "normalize/normalize.h"

typedef struct fx {
  cr_normalizer *nz;
  cr_claims_ctx *cc;
  cr_arena *a;
  cr_norm norm;
  cr_claims cl;
  char buf[4][512];
  int bi;
} fx;

static fx F;

static inline void fx_open(void) {
  F.nz = cr_normalizer_new();
  F.cc = cr_claims_ctx_new();
  F.a = cr_arena_new(1 << 16, 0);
  if (!F.nz || !F.cc || !F.a) {
    fprintf(stderr, "fixture: out of memory\n");
    exit(1);
  }
}

static inline void fx_close(void) {
  cr_arena_free(F.a);
  cr_claims_ctx_free(F.cc);
  cr_normalizer_free(F.nz);
}

/* Run on text with an optional ISO publication date; 0 on success. */
static inline int fx_run(const char *text, const char *published) {
  cr_arena_reset(F.a);
  memset(&F.norm, 0, sizeof F.norm);
  memset(&F.cl, 0, sizeof F.cl);
  if (cr_normalize_run(F.nz, text, strlen(text), F.a, &F.norm) != CROSSREAD_OK)
    return -1;
  return cr_claims_run(F.cc, &F.norm, published, F.a, &F.cl) == CROSSREAD_OK
             ? 0
             : -1;
}

/* A span of the normalised text as a string (rotating buffers). */
static inline const char *fx_span(cr_span s) {
  char *b = F.buf[F.bi++ & 3];
  size_t n = s.len < 511 ? s.len : 511;
  if (s.off + n > F.norm.len)
    n = 0;
  memcpy(b, F.norm.text + s.off, n);
  b[n] = '\0';
  return b;
}

/* The first quantity with this (low) value, or NULL. */
static inline const cr_quantity *fx_q(double v) {
  for (size_t i = 0; i < F.cl.nq; i++)
    if (fabs(F.cl.q[i].value - v) <= 1e-9 * (fabs(v) + 1))
      return &F.cl.q[i];
  return NULL;
}

/* The first date written as `text`, or NULL. */
static inline const cr_date *fx_date(const char *text) {
  for (size_t i = 0; i < F.cl.ndates; i++)
    if (!strcmp(fx_span(F.cl.dates[i].span), text))
      return &F.cl.dates[i];
  return NULL;
}

/* The first quote whose text contains `part`, or NULL. */
static inline const cr_quote *fx_quote(const char *part) {
  for (size_t i = 0; i < F.cl.nquotes; i++)
    if (F.cl.quotes[i].text && strstr(F.cl.quotes[i].text, part))
      return &F.cl.quotes[i];
  return NULL;
}

#endif
