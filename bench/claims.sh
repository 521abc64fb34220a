#!/bin/bash
# Claims benchmark: quantity extraction on ../shared/data/claims/quantities dev
# (NewsQuant, evaluation only) against the npm peer compromise@14.17.0 in the
# same run, and the speed of the claims stage on the ECB+ news articles of
# ../shared/data/clustering/dev.jsonl.
#   bench/claims.sh BUILD_DIR
# The peer is installed into a scratch folder outside the repository
# (or taken from $CROSSREAD_PEERS/node_modules when set); without node/npm or
# network it is skipped.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$here/../../shared}
gold="$shared/data/claims/quantities/dev.jsonl"
news="$shared/data/clustering/dev.jsonl"
if [ ! -f "$gold" ]; then
  echo "claims: ../shared/data/claims/quantities is absent; skipped"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

rows=${CROSSREAD_BENCH_ROWS:-/dev/null}
score() { # gold pred measure -> F1
  python3 "$shared/tools/eval_quant.py" "$1" "$2" --json |
    python3 -c "import json,sys; print('%.3f' % json.load(sys.stdin)['$3']['f1'])"
}

echo "== quantities (NewsQuant dev, $(wc -l <"$gold") sentences)"
echo "-- crossread"
"$build/quant_eval" "$gold" "$out/cr.jsonl" --repeat 5
python3 "$shared/tools/eval_quant.py" "$gold" "$out/cr.jsonl"

peers=${CROSSREAD_PEERS:-}
if [ -z "$peers" ] && command -v npm >/dev/null && command -v node >/dev/null; then
  peers="$out/peers"
  mkdir -p "$peers"
  (cd "$peers" && npm init -y >/dev/null 2>&1 &&
    npm install --silent compromise@14.17.0 >/dev/null 2>&1) || peers=""
fi
if [ -n "$peers" ] && [ -d "$peers/node_modules/compromise" ]; then
  echo "-- compromise 14.17.0 numbers()"
  NODE_PATH="$peers/node_modules" node "$shared/tools/peers/quant_compromise.js" \
    "$gold" "$out/comp.jsonl"
  python3 "$shared/tools/eval_quant.py" "$gold" "$out/comp.jsonl"
  cv=$(score "$gold" "$out/comp.jsonl" value)
  cu=$(score "$gold" "$out/comp.jsonl" value+unit)
else
  echo "-- compromise: not available (needs node, npm and network); skipped"
  cv="not run"
  cu="not run"
fi
cmd='bench/claims.sh (quant_eval + ../shared/tools/eval_quant.py)'
echo "quantity value F1|NewsQuant dev (quantities)|$(score "$gold" "$out/cr.jsonl" value)|compromise 14.17.0: $cv|$cmd" >>"$rows"
echo "quantity value+unit F1|NewsQuant dev (quantities)|$(score "$gold" "$out/cr.jsonl" value+unit)|compromise 14.17.0: $cu|$cmd" >>"$rows"

if [ -f "$news" ]; then
  echo "== speed: claims stage on ECB+ dev articles ($(wc -c <"$news") bytes of JSON)"
  "$build/quant_eval" "$news" "$out/news.jsonl" --repeat 5 2>"$out/speed.json"
  cat "$out/speed.json"
  mbs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['claims_mb_per_s'])" "$out/speed.json")
  echo "claims stage speed (MB/s, best of 5)|ECB+ dev articles (clustering)|$mbs|-|bench/claims.sh (quant_eval --repeat 5)" >>"$rows"
fi
