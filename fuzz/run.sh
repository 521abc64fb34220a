#!/bin/sh
# fuzz/run.sh BUILD SECONDS -- run every fuzz target for SECONDS, starting
# from its seeds (fuzz/seeds/<target>/) and a growing corpus kept in
# fuzz/corpus-<target>/ (git-ignored). Stops at the first crash.
set -e
build=${1:-build-fuzz}
secs=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
for bin in "$build"/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  corpus="$here/corpus-$name"
  mkdir -p "$corpus"
  echo "== $name ($secs s)"
  "$bin" -max_total_time="$secs" -max_len=1048576 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$build/$name-" "$corpus" "$here/seeds/$name"
done
