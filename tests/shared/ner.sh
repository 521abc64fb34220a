#!/usr/bin/env bash
# ner.sh -- the shipped named-entity model on the UNER English-PUD dev split
# (../shared/data/claims/ner): strict micro F1 >= 0.75 with
# ../shared/tools/eval_ner.py. The model is trained on this split, so this
# guards the shipped data and the code that reads it; the honest figure is
# the cross-validation of tools/ner_cv.sh (docs/entities.md).
set -u
data=${CROSSREAD_SHARED:-}/data/claims/ner/dev.jsonl
if [ -z "${CROSSREAD_SHARED:-}" ] || [ ! -f "$data" ]; then
  echo "skipped: ../shared/data/claims/ner not found"
  exit 77
fi
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CROSSREAD_BUILD/ner_eval" "$data" "$tmp/pred.jsonl" > /dev/null || exit 1
python3 "$CROSSREAD_SHARED/tools/eval_ner.py" "$data" "$tmp/pred.jsonl" \
  --pred-offsets byte --json > "$tmp/score.json" || exit 1
python3 - "$tmp/score.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f1 = d["strict"]["micro"]["f1"]
print("strict micro F1 %.4f (P %.4f R %.4f)" % (f1, d["strict"]["micro"]["p"], d["strict"]["micro"]["r"]))
sys.exit(0 if f1 >= 0.75 else 1)
PY
