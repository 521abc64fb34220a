#!/bin/bash
# Quantity extraction on ../shared/data/claims/quantities dev (NewsQuant,
# evaluation only): value F1 must stay >= 0.90 (scorer:
# ../shared/tools/eval_quant.py). Skipped when ../shared or python3 is absent.
shared=${CROSSREAD_SHARED:-}
build=${CROSSREAD_BUILD:-build}
gold="$shared/data/claims/quantities/dev.jsonl"
if [ -z "$shared" ] || [ ! -f "$gold" ] || [ ! -f "$shared/tools/eval_quant.py" ]; then
  echo "skipped: ../shared/data/claims/quantities is absent"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is needed for the scorer"
  exit 77
fi
if [ ! -x "$build/quant_eval" ]; then
  echo "quantities: $build/quant_eval is missing" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/quant_eval" "$gold" "$out/pred.jsonl" 2>/dev/null || exit 1
python3 "$shared/tools/eval_quant.py" "$gold" "$out/pred.jsonl" --json >"$out/score.json" || exit 1
python3 - "$out/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for k in ("value", "value+unit", "value+change"):
    d = s[k]
    print("%-13s P %.4f R %.4f F1 %.4f" % (k, d["p"], d["r"], d["f1"]))
f1 = s["value"]["f1"]
if f1 < 0.90:
    print("quantities: value F1 %.4f is below 0.90" % f1)
    sys.exit(1)
PY
