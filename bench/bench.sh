#!/usr/bin/env bash
# bench.sh BUILD -- run every benchmark script in bench/ against the build
# folder BUILD (default build); each script prints its own figures.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
rc=0
for s in "$here"/*.sh; do
  [ "$(basename "$s")" = bench.sh ] && continue
  echo "== $(basename "$s" .sh)"
  bash "$s" "$build" || rc=1
done
exit $rc
