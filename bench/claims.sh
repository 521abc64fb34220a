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
else
  echo "-- compromise: not available (needs node, npm and network); skipped"
fi

if [ -f "$news" ]; then
  echo "== speed: claims stage on ECB+ dev articles ($(wc -c <"$news") bytes of JSON)"
  "$build/quant_eval" "$news" "$out/news.jsonl" --repeat 5
fi
