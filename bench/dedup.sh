#!/usr/bin/env bash
# dedup.sh BUILD -- the dedup stage against the npm minhash peer on the same
# documents in the same run (../shared/data/dedup/syndication, dev split):
# reuse F1 (all pairs), quoted-passage recall, articles per second.
# Ours: bench/dedup_eval, best of 5 passes over already normalised text
# (fingerprint + query), and end to end with normalisation. Peer: minhash
# 0.0.9 via ../shared/tools/peers/dedup_peers.js, installed with npm into a
# scratch folder outside the repository (skipped when npm cannot install).
# Both pinned to one core when taskset exists.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CROSSREAD_SHARED:-$root/../shared}
docs=$shared/data/dedup/syndication/docs.jsonl
gold=$shared/data/dedup/syndication/pairs.jsonl
if [ ! -f "$docs" ]; then
  echo "dedup: skipped, ../shared/data/dedup not found"
  exit 0
fi
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

$pin "$build/dedup_eval" "$docs" "$tmp/ours.jsonl" --repeat 5 >"$tmp/ours.json" || exit 1
python3 "$shared/tools/eval_dedup.py" "$gold" "$tmp/ours.jsonl" --json >"$tmp/ours.score"

peer=${CROSSREAD_PEERS:-${TMPDIR:-/tmp}/crossread-peers-dedup}
have_peer=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$peer/node_modules/minhash" ]; then
    mkdir -p "$peer" && (cd "$peer" && npm init -y >/dev/null 2>&1 &&
      npm install --no-audit --no-fund simhash-js@1.0.0 minhash@0.0.9 >/dev/null 2>&1)
  fi
  if [ -d "$peer/node_modules/minhash" ] &&
     NODE_PATH="$peer/node_modules" $pin node "$shared/tools/peers/dedup_peers.js" \
       "$docs" "$tmp/peer" >"$tmp/peer.json" 2>/dev/null; then
    python3 "$shared/tools/eval_dedup.py" "$gold" "$tmp/peer/minhash.tsv" --json >"$tmp/peer.score"
    have_peer=1
  fi
fi

python3 - "$tmp" "$have_peer" <<'PY'
import json, os, sys
tmp, have_peer = sys.argv[1], sys.argv[2] == '1'
o = json.load(open(os.path.join(tmp, 'ours.json')))
s = json.load(open(os.path.join(tmp, 'ours.score')))
rows = [('crossread dedup', s['precision'], s['recall'], s['f1'],
         s['recall_by_type'].get('passage', 0), o['dedup_docs_per_s'],
         o['end_to_end_docs_per_s'])]
if have_peer:
    p = json.load(open(os.path.join(tmp, 'peer.json')))['minhash']
    ps = json.load(open(os.path.join(tmp, 'peer.score')))
    n = json.load(open(os.path.join(tmp, 'peer.json')))['docs']
    rows.append(('npm minhash 0.0.9', ps['precision'], ps['recall'], ps['f1'],
                 ps['recall_by_type'].get('passage', 0),
                 n / (p['fingerprint_s'] + p['lsh_query_verify_s']), None))
print('%d articles, dev syndication set, all-pairs scoring' % o['docs'])
print('%-20s %7s %7s %7s %9s %16s %14s' % ('method', 'P', 'R', 'F1', 'passage',
      'fp+query art/s', 'end-to-end/s'))
for name, P, R, F, pa, v, e in rows:
    print('%-20s %7.4f %7.4f %7.4f %9.3f %16.0f %14s' % (
        name, P, R, F, pa, v, '%.0f' % e if e else '-'))
if not have_peer:
    print('(npm minhash peer not available: node/npm missing or install failed)')
print('index: %.0f bytes per article (%d articles in the window); direction '
      'accuracy %.4f' % (o['index_bytes_per_doc'], o['index_docs'],
                         s['direction_accuracy'] or 0))
rows_file = os.environ.get('CROSSREAD_BENCH_ROWS')
if rows_file:
    ds = 'dedup/syndication dev (%d articles)' % o['docs']
    cmd = '`bench/dedup.sh build`'
    peer = rows[1] if len(rows) > 1 else None
    def pv(i, fmt):
        return 'npm minhash 0.0.9: ' + (fmt % peer[i]) if peer else '-'
    with open(rows_file, 'a') as f:
        f.write('reuse F1, all pairs|%s|%.4f|%s|%s\n' % (ds, rows[0][3], pv(3, '%.4f'), cmd))
        f.write('quoted-passage recall|%s|%.3f|%s|%s\n' % (ds, rows[0][4], pv(4, '%.3f'), cmd))
        f.write('dedup articles/s (fingerprint + query, 1 core)|%s|%.0f|%s|%s\n' % (
            ds, rows[0][5], pv(5, '%.0f'), cmd))
        f.write('dedup index bytes per article|%s|%.0f|-|%s\n' % (
            ds, o['index_bytes_per_doc'], cmd))
PY
