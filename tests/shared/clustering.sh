#!/usr/bin/env bash
# Story clustering on the ECB+ dev stream (../shared/data/clustering, 568
# articles, 48 events), scored by ../shared/tools/eval_clustering.py.
# Fails below B-cubed F1 0.95 or pairwise F1 0.93; skips (77) without
# ../shared.
set -u
shared=${CROSSREAD_SHARED:-}
build=${CROSSREAD_BUILD:-build}
dev=$shared/data/clustering/dev.jsonl
if [ -z "$shared" ] || [ ! -f "$dev" ] || [ ! -f "$shared/tools/eval_clustering.py" ]; then
  echo "skipped: ../shared/data/clustering not found (set CROSSREAD_SHARED)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/cluster_eval" "$dev" --out "$tmp/pred.jsonl" >"$tmp/run.txt" || {
  echo "cluster_eval failed"; cat "$tmp/run.txt"; exit 1; }
python3 "$shared/tools/eval_clustering.py" "$dev" "$tmp/pred.jsonl" --json >"$tmp/score.json" || exit 1
python3 - "$tmp/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
b, p = s['bcubed'], s['pairwise']
print('clustering dev: B-cubed P %.4f R %.4f F1 %.4f, pairwise P %.4f R %.4f '
      'F1 %.4f, %d stories for %d events' % (
          b['precision'], b['recall'], b['f1'], p['precision'], p['recall'],
          p['f1'], s['pred_clusters'], s['gold_clusters']))
ok = b['f1'] >= 0.95 and p['f1'] >= 0.93 and s['missing_predictions'] == 0
print('ok' if ok else 'FAILED: need B-cubed F1 >= 0.95 and pairwise F1 >= 0.93')
sys.exit(0 if ok else 1)
PY
