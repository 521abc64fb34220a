/* keys.c -- the entity stage's output as the clustering stage's name keys:
 * each entity of an article under its canonical key and, for a name of
 * several words, under its last word too (a surname or the head of an
 * organisation's name stands alone in other articles). See docs/cluster.md. */
#include <string.h>

#include "cluster.h"
#include "core/strmap.h"
#include "dedup/dedup.h"

size_t cr_cluster_entity_keys(const cr_ents *ents, const cr_norm *norm,
                              uint32_t lead_sents, float w_lead,
                              cr_cluster_key *out, size_t cap) {
  size_t n = 0;
  for (size_t e = 0; e < ents->ne && n + 2 <= cap; e++) {
    const cr_entity *en = &ents->e[e];
    if (!en->key || !en->key[0])
      continue;
    /* named mentions, those of the lead weighing more (as words do) */
    float w = 0;
    for (size_t m = 0; m < ents->nm; m++) {
      const cr_mention *mm = &ents->m[m];
      if (mm->entity != (int32_t)e || (mm->flags & CR_MF_PRONOUN))
        continue;
      w += mm->sent < lead_sents ? 1.0f + w_lead : 1.0f;
    }
    if (w <= 0)
      continue;
    size_t kl = strlen(en->key);
    out[n++] = (cr_cluster_key){cr_hash64(en->key, kl), CR_CKEY_NAME, w};
    const char *sp = strrchr(en->key, ' ');
    if (sp && sp[1])
      out[n++] =
          (cr_cluster_key){cr_hash64(sp + 1, strlen(sp + 1)), CR_CKEY_NAME, w};
  }
  (void)norm;
  return n;
}

int64_t cr_cluster_origin_of(const cr_dedup_edge *e, size_t n, uint32_t doc) {
  int64_t best = -1;
  float best_score = 0;
  for (size_t i = 0; i < n; i++) {
    /* a copy, syndication or rewrite of an earlier article: same origin,
     * so same story; a passage reused inside another article is not */
    if (!e[i].same_origin || e[i].removed || e[i].newer != doc)
      continue;
    if (best < 0 || e[i].score > best_score) {
      best = e[i].older;
      best_score = e[i].score;
    }
  }
  return best;
}
