#!/bin/bash
# sbd.sh -- the sentence splitter on the English Golden Rules (dev split of
# ../shared/data/sbd): bench/sbd_golden writes the predictions, the shared
# scorer checks them; every dev rule must pass. Skipped when ../shared is absent.
set -u
shared=${CROSSREAD_SHARED:-}
rules=$shared/data/sbd/golden_rules_en.dev.json
scorer=$shared/tools/eval_sbd.py
if [ -z "$shared" ] || [ ! -f "$rules" ] || [ ! -f "$scorer" ]; then
  echo "skipped: ../shared/data/sbd or ../shared/tools/eval_sbd.py not found (CROSSREAD_SHARED)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is needed by the scorer"
  exit 77
fi
driver=${CROSSREAD_BUILD:?CROSSREAD_BUILD not set}/sbd_golden
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$driver" "$rules" >"$out/pred.jsonl" || { echo "FAIL: sbd_golden failed"; exit 1; }
python3 "$scorer" "$rules" "$out/pred.jsonl" --json --errors >"$out/score.txt" ||
  { echo "FAIL: scorer failed"; cat "$out/score.txt"; exit 1; }
cat "$out/score.txt"
python3 - "$out/score.txt" <<'PY' || exit 1
import json, sys
try:
    s = json.load(open(sys.argv[1]))
except ValueError:
    print("FAIL: the scorer did not print JSON"); sys.exit(1)
n, ok = s.get("rules"), s.get("passed")
if not n or ok != n:
    print("FAIL: %s of %s Golden Rules pass; failed: %s" % (ok, n, s.get("failed")))
    sys.exit(1)
print("all %d dev rules pass" % n)
PY
