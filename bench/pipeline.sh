#!/usr/bin/env bash
# bench/pipeline.sh BUILD -- the whole pipeline end to end: `crossread digest`
# on the 568 ECB+ dev articles plus the 1,188 articles of the dedup set as one
# JSON Lines stream (extraction, text core, entities, claims, provenance,
# stories, cross-check, summaries, JSON), timed with hyperfine when present.
# Reports articles/s on one core (taskset) and the peak memory.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$here/../../shared}
a="$shared/data/clustering/dev.jsonl"
b="$shared/data/dedup/syndication/docs.jsonl"
if [ ! -f "$a" ] || [ ! -f "$b" ]; then
  echo "bench/pipeline.sh: ../shared data not found; skipped" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$a" "$b" >"$tmp/in.jsonl"
n=$(grep -c . "$tmp/in.jsonl")
mb=$(python3 -c 'import os,sys; print(round(os.path.getsize(sys.argv[1])/1e6,2))' "$tmp/in.jsonl")
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
cmd=("$build/crossread" digest --no-text --format json --out "$tmp/out.json" "$tmp/in.jsonl")
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 1 --runs 5 --export-json "$tmp/h.json" "$pin ${cmd[*]}" >/dev/null 2>&1
  secs=$(python3 -c 'import json,sys; print(min(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$tmp/h.json")
else
  best=""
  for _ in 1 2 3; do
    s=$(python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(sys.argv[1:],check=True); print(time.perf_counter()-t)' $pin "${cmd[@]}")
    best=$(python3 -c 'import sys; a=[float(x) for x in sys.argv[1:] if x]; print(min(a))' $best $s)
  done
  secs=$best
fi
rss=$( { /usr/bin/time -f '%M' $pin "${cmd[@]}" >/dev/null; } 2>&1 | tail -1)
rate=$(python3 -c 'import sys; print(round(float(sys.argv[1])/float(sys.argv[2])))' "$n" "$secs")
stories=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["stories"]))' "$tmp/out.json")
echo "pipeline: $n articles ($mb MB) in ${secs}s on one core: $rate articles/s, $stories stories, peak RSS ${rss} kB"
if [ -n "${CROSSREAD_BENCH_ROWS:-}" ]; then
  echo "whole pipeline, articles/s on one core (peak memory)|ECB+ dev + dedup set, $n articles, $mb MB of JSON Lines|$rate ($(( rss / 1024 )) MiB)|-|\`bench/pipeline.sh build\`" >>"$CROSSREAD_BENCH_ROWS"
fi
