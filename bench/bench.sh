#!/bin/bash
# bench.sh -- crossread's benchmarks; `make bench` runs it as bench/bench.sh BUILD.
# Each section prints JSON lines; sections whose data is missing say so and are
# skipped. Shared benchmark data comes from ../shared (or $CROSSREAD_SHARED).
# Figures are wall-clock, best of several passes; see bench/README.md.
set -u
build=${1:?usage: bench/bench.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CROSSREAD_SHARED:-$root/../shared}

section() { printf '\n== %s\n' "$1"; }

# ---- text core: clean, tokenize, sentence split, whole normalize stage ----
section "text core (bench_sbd)"
clusters=$shared/data/summarization/clusters.dev.jsonl
if [ -x "$build/bench_sbd" ] && [ -f "$clusters" ]; then
  "$build/bench_sbd" --passes 10 "$clusters"
else
  echo "skipped: $build/bench_sbd or $clusters not found"
fi
if [ -x "$build/sbd_golden" ] && [ -f "$shared/data/sbd/golden_rules_en.dev.json" ]; then
  out=$(mktemp)
  "$build/sbd_golden" "$shared/data/sbd/golden_rules_en.dev.json" >"$out" &&
    python3 "$shared/tools/eval_sbd.py" "$shared/data/sbd/golden_rules_en.dev.json" "$out"
  rm -f "$out"
fi
