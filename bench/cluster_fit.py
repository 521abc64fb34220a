#!/usr/bin/env python3
"""cluster_fit.py -- fit the weights of the clustering decision rule.

Step 1 of the procedure in docs/cluster.md: run the clustering stage under
teacher forcing (cluster_eval --oracle: every article goes to its gold
story) and read the trace: for each article, the features (cosine of terms,
names, numbers) against its true story and against every other story the
candidate index offered. A logistic regression on these labelled pairs
gives the relative weights of the three features; step 2 (cluster_eval
--fit) then sets the three thresholds on clustering F1.

Usage: cluster_fit.py BUILD_DIR DEV.jsonl [--half 0|1] [cluster_eval options]
Prints w_ent and w_num with w_cos = 1 (Python 3 standard library only)."""
import math
import os
import subprocess
import sys
import tempfile


def lr(xs, ys, iters=4000, rate=2.0, l2=1e-3):
    """Plain batch gradient descent on the log loss, small L2 penalty."""
    d = len(xs[0])
    w = [0.0] * (d + 1)
    n = len(xs)
    for _ in range(iters):
        g = [0.0] * (d + 1)
        for x, y in zip(xs, ys):
            z = w[-1] + sum(a * b for a, b in zip(w, x))
            z = max(-30.0, min(30.0, z))
            e = 1.0 / (1.0 + math.exp(-z)) - y
            for k in range(d):
                g[k] += e * x[k]
            g[-1] += e
        for k in range(d):
            w[k] -= rate * (g[k] / n + l2 * w[k])
        w[-1] -= rate * g[-1] / n
    return w


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    build, dev = argv[1], argv[2]
    extra = argv[3:]
    half = None
    if '--half' in extra:
        half = extra[extra.index('--half') + 1]
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, 'trace.tsv')
        cmd = [os.path.join(build, 'cluster_eval'), dev, '--oracle', '--trace', trace]
        cmd += [a for a in extra if a not in ('--half', half)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        rows = [l.rstrip('\n').split('\t') for l in open(trace, encoding='utf-8')]
    # columns: doc, story, cos_terms, cos_names, cos_numbers, score, label, gold
    halves = None
    if half is not None:
        topics = sorted({r[0].split('_')[0] for r in rows}, key=int)
        keep = {t for i, t in enumerate(topics) if str(i % 2) == half}
        rows = [r for r in rows if r[0].split('_')[0] in keep]
    seen = set()
    xs, ys = [], []
    for r in rows:
        if (r[0], r[1]) in seen:
            continue
        seen.add((r[0], r[1]))
        xs.append([float(r[2]), float(r[3]), float(r[4])])
        ys.append(int(r[6]))
    w = lr(xs, ys)
    print('pairs %d (positive %d)' % (len(xs), sum(ys)))
    print('w_ent=%.2f w_num=%.2f (w_cos=1; raw %s)' %
          (w[1] / w[0], w[2] / w[0], ' '.join('%.3f' % v for v in w)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
