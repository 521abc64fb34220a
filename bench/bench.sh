#!/bin/bash
# bench/bench.sh BUILD -- every benchmark of crossread against its peers on
# the ../shared data sets; each section prints its own table.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
status=0
echo "== extraction (../shared/data/extraction, dev split)"
bash "$here/extraction.sh" "$build" || status=$?
[ "$status" = 77 ] && status=0
exit $status
