#!/usr/bin/env bash
# bench/sbd.sh BUILD -- sentence splitting: Golden Rules (dev) and MB/s on the
# DUC news texts of ../shared/data/summarization, crossread beside the npm
# peers sbd and sentence-splitter on the same texts in the same run (peers
# installed into a temporary folder outside the tree). Single core.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$here/../../shared}
gold="$shared/data/sbd/golden_rules_en.dev.json"
news="$shared/data/summarization/clusters.dev.jsonl"
if [ ! -f "$gold" ] || [ ! -f "$news" ]; then
  echo "bench/sbd.sh: ../shared data not found (set CROSSREAD_SHARED); skipped" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
"$build/sbd_golden" "$gold" >"$tmp/ours.jsonl"
ours_rules=$(python3 "$shared/tools/eval_sbd.py" "$gold" "$tmp/ours.jsonl" --json |
  python3 -c 'import json,sys; s=json.load(sys.stdin); print("%d/%d" % (s["passed"], s["rules"]))')
line=$($pin "$build/bench_sbd" --passes 10 "$news")
echo "$line"
split=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["split_mb_per_sec"])')
norm=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["normalize_mb_per_sec"])')
echo "crossread: Golden Rules dev $ours_rules, split $split MB/s, whole normalize stage $norm MB/s"
peer="-"
if command -v node >/dev/null && command -v npm >/dev/null; then
  P=${PEERS_DIR:-$tmp/peers}
  if [ ! -d "$P/node_modules/sbd" ]; then
    mkdir -p "$P"
    (cd "$P" && npm init -y >/dev/null && npm install --silent sbd@1.0.19 sentence-splitter@5.0.1 >/dev/null 2>&1)
  fi
  if [ -d "$P/node_modules/sbd" ]; then
    (cd "$shared" && NODE_PATH="$P/node_modules" $pin node tools/peers/sbd_peers.js \
      "$gold" "$tmp/peers-out" --bench "$news") >"$tmp/peers.log" 2>&1
    cat "$tmp/peers.log"
    peer=$(python3 - "$tmp/peers.log" "$gold" "$tmp/peers-out" "$shared" <<'PY'
import json, sys, subprocess, os
log, gold, out, shared = sys.argv[1:5]
parts = []
for l in open(log):
    if not l.startswith("{"):
        continue
    d = json.loads(l)
    pred = os.path.join(out, d["tool"] + ".jsonl")
    rules = "?"
    if os.path.exists(pred):
        s = json.loads(subprocess.run(["python3", os.path.join(shared, "tools/eval_sbd.py"), gold, pred, "--json"],
                                      capture_output=True, text=True).stdout)
        rules = "%d/%d" % (s["passed"], s["rules"])
    parts.append("npm %s: %s rules, %s MB/s" % (d["tool"], rules, d["mb_per_sec"]))
print("; ".join(parts) or "-")
PY
)
    echo "peers: $peer"
  fi
fi
if [ -n "${CROSSREAD_BENCH_ROWS:-}" ]; then
  cmd='`bench/sbd.sh build`'
  echo "sentence splitting: Golden Rules dev passed, MB/s|sbd Golden Rules dev + DUC news (1.5 MB)|$ours_rules, $split MB/s|$peer|$cmd" >>"$CROSSREAD_BENCH_ROWS"
  echo "whole text core (repair, NFC, sentences, tokens, stems), MB/s|DUC news (1.5 MB)|$norm|-|$cmd" >>"$CROSSREAD_BENCH_ROWS"
fi
