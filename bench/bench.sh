#!/bin/bash
# Run every benchmark script of bench/ (bench/*.sh but this one) against a
# Release build folder: bench/bench.sh BUILD_DIR. `make bench` calls it.
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
rc=0
for s in "$here"/*.sh; do
  [ "$(basename "$s")" = bench.sh ] && continue
  echo "#### $(basename "$s")"
  bash "$s" "$build" || rc=1
done
exit $rc
