#!/usr/bin/env bash
# cluster.sh BUILD -- the story clustering stage beside the single-pass
# TF-IDF baseline of ../shared/data/clustering/README.md (our stdlib Python
# rendering, bench/peers/single_pass_tfidf.py) on the same ECB+ dev stream in
# the same run: B-cubed and pairwise F1, articles per second. Then the stage
# alone on a synthetic stream of 1M articles (bench/cluster_bench.c):
# articles/s on one core (thread CPU time), memory per article, and end to
# end with the text core on 50,000 articles. Pinned to one core when taskset
# exists. CLUSTER_BENCH_ARTICLES overrides the 1M.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CROSSREAD_SHARED:-$root/../shared}
dev=$shared/data/clustering/dev.jsonl
if [ ! -f "$dev" ]; then
  echo "cluster: skipped, ../shared/data/clustering not found"
  exit 0
fi
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=${CLUSTER_BENCH_ARTICLES:-1000000}

$pin "$build/cluster_eval" "$dev" --out "$tmp/ours.jsonl" >"$tmp/ours.txt" || exit 1
python3 "$shared/tools/eval_clustering.py" "$dev" "$tmp/ours.jsonl" --json >"$tmp/ours.score"
$pin python3 "$root/bench/peers/single_pass_tfidf.py" "$dev" "$tmp/peer.jsonl" >"$tmp/peer.json" || exit 1
python3 "$shared/tools/eval_clustering.py" "$dev" "$tmp/peer.jsonl" --json >"$tmp/peer.score"
$pin "$build/cluster_bench" "$dev" --articles "$n" --e2e 50000 >"$tmp/stream.json" || exit 1

python3 - "$tmp" "$n" <<'PY'
import json, os, re, sys
tmp, n = sys.argv[1], int(sys.argv[2])
ours = json.load(open(os.path.join(tmp, 'ours.score')))
peer = json.load(open(os.path.join(tmp, 'peer.score')))
prun = json.load(open(os.path.join(tmp, 'peer.json')))
srun = json.load(open(os.path.join(tmp, 'stream.json')))
txt = open(os.path.join(tmp, 'ours.txt')).read()
m = re.search(r'clustering (\d+) articles/s', txt)
ours_speed = int(m.group(1)) if m else 0
print('ECB+ dev stream, %d articles, %d events' % (ours['articles'], ours['gold_clusters']))
print('%-34s %6s %6s %6s %6s %6s %6s %8s %12s' % (
    'method', 'B3 P', 'B3 R', 'B3 F1', 'pw P', 'pw R', 'pw F1', 'stories', 'articles/s'))
for name, s, v in (('crossread cluster stage', ours, ours_speed),
                   ('single-pass TF-IDF (Python peer)', peer, prun['articles_per_s'])):
    b, p = s['bcubed'], s['pairwise']
    print('%-34s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %8d %12d' % (
        name, b['precision'], b['recall'], b['f1'], p['precision'], p['recall'],
        p['f1'], s['pred_clusters'], v))
print('README anchor for that baseline: B3 F1 0.895, pairwise F1 0.862, ~1,230 articles/s')
print('synthetic stream: %d articles, %d events, %d stories: %.0f articles/s '
      '(one core, CPU time, push %.1f s + flush %.1f s), %.0f bytes per article '
      '(peak %.0f), synthetic B3 P %.3f R %.3f; end to end with the text core: '
      '%.0f articles/s' % (
          srun['articles'], srun['events'], srun['stories'],
          srun['cluster_articles_per_s'], srun['push_cpu_s'], srun['flush_cpu_s'],
          srun['bytes_per_article'], srun['peak_bytes_per_article'],
          srun['synthetic_bcubed']['p'], srun['synthetic_bcubed']['r'],
          srun['e2e_articles_per_s']))
print('memory by part (bytes): %s' % json.dumps(srun['bytes_by_part']))
rows_file = os.environ.get('CROSSREAD_BENCH_ROWS')
if rows_file:
    ds = 'clustering/dev ECB+ (%d articles)' % ours['articles']
    cmd = '`bench/cluster.sh build`'
    pn = 'Python single-pass TF-IDF: '
    with open(rows_file, 'a') as f:
        f.write('story clustering B-cubed F1|%s|%.3f|%s%.3f|%s\n' % (
            ds, ours['bcubed']['f1'], pn, peer['bcubed']['f1'], cmd))
        f.write('story clustering pairwise F1|%s|%.3f|%s%.3f|%s\n' % (
            ds, ours['pairwise']['f1'], pn, peer['pairwise']['f1'], cmd))
        f.write('clustering articles/s (1 core)|synthetic stream, %d articles|%.0f|%s%d (dev)|%s\n' % (
            srun['articles'], srun['cluster_articles_per_s'], pn, prun['articles_per_s'], cmd))
        f.write('clustering bytes per article|synthetic stream, %d articles|%.0f|-|%s\n' % (
            srun['articles'], srun['bytes_per_article'], cmd))
PY
