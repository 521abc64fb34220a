#!/bin/bash
# bench/extraction.sh BUILD -- article body extraction on the dev split of
# ../shared/data/extraction: our extractor (gumbo and libxml2 backends) and
# Mozilla Readability.js on linkedom, on the same pages in the same run,
# each pinned to one core. Prints F1/P/R (the benchmark's word 4-gram
# measure) and MB of HTML per second, parse included, best of N passes.
# The npm peers go into a temporary folder outside the repository.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$here/../../shared}
data="$shared/data/extraction"
passes=${PASSES:-5}
if [ ! -d "$data/html" ]; then
  echo "bench/extraction.sh: $data not found (set CROSSREAD_SHARED)" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
score() {
  python3 "$shared/tools/eval_extraction.py" "$data/ground-truth.json" "$1" --json |
    python3 -c 'import json,sys; s=json.load(sys.stdin); print("%.4f %.4f %.4f" % (s["f1"], s["precision"], s["recall"]))'
}
printf '%-30s %7s %7s %7s %12s %12s\n' extractor F1 P R "MB/s(wall)" "MB/s(cpu)"
for parser in gumbo libxml2; do
  line=$($pin "$build/extract_eval" --parser $parser --passes "$passes" \
         --out "$tmp/$parser.json" "$data/html")
  wall=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["mb_per_s_wall"])')
  cpu=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["mb_per_s"])')
  read -r f p r <<<"$(score "$tmp/$parser.json")"
  printf '%-30s %7s %7s %7s %12s %12s\n' "crossread ($parser)" "$f" "$p" "$r" "$wall" "$cpu"
  eval "f_$parser=$f; p_$parser=$p; r_$parser=$r; mb_$parser=$cpu"
done
rjs_f="-"; rjs_mb="-"
# the peer: Readability.js 0.6.0 on linkedom 0.18.15
if command -v node >/dev/null && command -v npm >/dev/null; then
  peers=${PEERS_DIR:-$tmp/peers}
  if [ ! -d "$peers/node_modules/@mozilla/readability" ]; then
    mkdir -p "$peers"
    (cd "$peers" && npm init -y >/dev/null &&
      npm install --silent @mozilla/readability@0.6.0 linkedom@0.18.15 >/dev/null 2>&1)
  fi
  if [ -d "$peers/node_modules/@mozilla/readability" ]; then
    NODE_PATH="$peers/node_modules" $pin node "$shared/tools/peers/extract_readability.js" \
      "$data" "$tmp/rjs.json" --dom linkedom --passes "$passes" 2>"$tmp/rjs.log"
    wall=$(python3 -c '
import json,sys
best=max(json.loads(l)["mb_per_s"] for l in open(sys.argv[1]) if l.startswith("{"))
print(best)' "$tmp/rjs.log")
    read -r f p r <<<"$(score "$tmp/rjs.json")"
    printf '%-30s %7s %7s %7s %12s %12s\n' "Readability.js+linkedom" "$f" "$p" "$r" "$wall" "-"
    rjs_f=$f; rjs_mb=$wall
  else
    echo "Readability.js: npm install failed (no registry?); peer skipped" >&2
  fi
else
  echo "Readability.js: node/npm missing (scripts/install-deps.sh --bench); peer skipped" >&2
fi
if [ -n "${CROSSREAD_BENCH_ROWS:-}" ]; then
  ds="extraction dev (121 pages)"
  cmd='`bench/extraction.sh build`'
  {
    echo "article body F1 (P / R), gumbo|$ds|$f_gumbo ($p_gumbo / $r_gumbo)|Readability.js+linkedom: $rjs_f; trafilatura (published): 0.955|$cmd"
    echo "extraction MB/s per core, gumbo|$ds|$mb_gumbo|Readability.js+linkedom: $rjs_mb|$cmd"
    echo "extraction MB/s per core, libxml2 (--html-parser=libxml2, same F1 $f_libxml2)|$ds|$mb_libxml2|-|$cmd"
  } >>"$CROSSREAD_BENCH_ROWS"
fi
