#!/usr/bin/env bash
# Reuse F1 and quoted-passage recall of the dedup stage on the dev
# syndication set (../shared/data/dedup), scored by ../shared/tools/eval_dedup.py.
# Fails below F1 0.99 or passage recall 0.95; skips (77) without ../shared.
set -u
shared=${CROSSREAD_SHARED:-}
build=${CROSSREAD_BUILD:-build}
docs=$shared/data/dedup/syndication/docs.jsonl
gold=$shared/data/dedup/syndication/pairs.jsonl
if [ -z "$shared" ] || [ ! -f "$docs" ] || [ ! -f "$shared/tools/eval_dedup.py" ]; then
  echo "skipped: ../shared/data/dedup not found (set CROSSREAD_SHARED)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/dedup_eval" "$docs" "$tmp/pred.jsonl" >"$tmp/run.json" || {
  echo "dedup_eval failed"; exit 1; }
python3 "$shared/tools/eval_dedup.py" "$gold" "$tmp/pred.jsonl" --json >"$tmp/score.json" || exit 1
python3 - "$tmp/score.json" "$tmp/run.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
f1, p, r = s['f1'], s['precision'], s['recall']
passage = s['recall_by_type'].get('passage', 0.0)
print('dedup dev: P %.4f R %.4f F1 %.4f passage recall %.4f direction %.4f '
      '(%d docs, %.0f index bytes per article)' % (
          p, r, f1, passage, s['direction_accuracy'] or 0, run['docs'],
          run['index_bytes_per_doc']))
ok = f1 >= 0.99 and passage >= 0.95
print('ok' if ok else 'FAILED: need F1 >= 0.99 and passage recall >= 0.95')
sys.exit(0 if ok else 1)
PY
