#!/usr/bin/env python3
"""single_pass_tfidf.py -- the single-pass TF-IDF baseline of
../shared/data/clustering/README.md, as a test-time peer (Python 3
standard library only).

Reads a JSON Lines stream (id, title, text, seq) in `seq` order; each
article's vector is TF-IDF over lower-cased words (stop words dropped),
IDF learned online from the articles seen so far, title words counted
twice. Each cluster keeps a centroid of its 300 heaviest terms; candidate
clusters come from an inverted index over each article's 30 heaviest
terms; an article joins the most similar candidate by cosine, or starts a
new cluster below the threshold (0.25).

Usage: single_pass_tfidf.py DEV.jsonl PRED.jsonl [--threshold 0.25]
Prints {"articles": N, "clusters": K, "seconds": S, "articles_per_s": R}."""
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict

WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
STOP = set("""a about above after again against all also am an and any are as at
be because been before being below between both but by can could did do does
doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you
your yours yourself yourselves said says say mr mrs ms one two new""".split())


def words(s):
    return [w for w in WORD.findall(s.lower()) if w not in STOP and len(w) > 1]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    threshold = 0.25
    if '--threshold' in argv:
        threshold = float(argv[argv.index('--threshold') + 1])
    rows = [json.loads(l) for l in open(argv[1], encoding='utf-8') if l.strip()]
    rows.sort(key=lambda r: r.get('seq', 0))
    t0 = time.perf_counter()
    df = Counter()
    n = 0
    centroids = []          # cluster -> {term: weight}
    index = defaultdict(set)  # term -> clusters
    out = []
    for r in rows:
        tf = Counter(words(r.get('text') or ''))
        for w in words(r.get('title') or ''):
            tf[w] += 2
        vec = {w: (1 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1)
               for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vec = {w: x / norm for w, x in vec.items()}
        top = sorted(vec, key=lambda w: -vec[w])[:30]
        cands = set()
        for w in top:
            cands |= index[w]
        best, best_sim = -1, threshold
        for c in cands:
            cen = centroids[c]
            cn = math.sqrt(sum(x * x for x in cen.values())) or 1.0
            sim = sum(x * cen.get(w, 0.0) for w, x in vec.items()) / cn
            if sim >= best_sim:
                best, best_sim = c, sim
        if best < 0:
            best = len(centroids)
            centroids.append({})
        cen = centroids[best]
        for w, x in vec.items():
            cen[w] = cen.get(w, 0.0) + x
        if len(cen) > 300:
            keep = sorted(cen, key=lambda w: -cen[w])[:300]
            centroids[best] = cen = {w: cen[w] for w in keep}
        for w in top:
            index[w].add(best)
        df.update(tf.keys())
        n += 1
        out.append((r['id'], best))
    secs = time.perf_counter() - t0
    with open(argv[2], 'w', encoding='utf-8') as f:
        for i, c in out:
            f.write(json.dumps({'id': i, 'cluster': 'c%d' % c}) + '\n')
    print(json.dumps({'articles': n, 'clusters': len(centroids),
                      'seconds': round(secs, 3),
                      'articles_per_s': round(n / secs) if secs else 0}))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
