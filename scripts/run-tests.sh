#!/bin/sh
# Run every CTest test of a build folder and end with one line "N passed, N failed".
build=$1
jobs=${2:-2}
out=$(mktemp)
ctest --test-dir "$build" --output-on-failure -j "$jobs" 2>&1 | tee "$out"
rc=$?
total=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$out")
failed=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\1/p' "$out")
skipped=$(grep -c '\*\*\*Skipped\|Not Run (Disabled)\| Skipped ' "$out" 2>/dev/null)
rm -f "$out"
if [ -z "$total" ]; then echo "0 passed, 1 failed (ctest did not run)"; exit 1; fi
echo "$((total - failed - skipped)) passed, $failed failed, $skipped skipped"
exit $rc
