#!/usr/bin/env bash
# names.sh -- the alias resolver's person-name matcher on the name-variant
# groups of ../shared/data/claims/names (dev): pair recall >= 90% over the
# 853 non-identical pairs (Russian forms in Cyrillic through our ICU
# transliteration), and false merges between groups of different people
# below 0.5% of the group pairs.
set -u
data=${CROSSREAD_SHARED:-}/data/claims/names/dev.jsonl
if [ -z "${CROSSREAD_SHARED:-}" ] || [ ! -f "$data" ]; then
  echo "skipped: ../shared/data/claims/names not found"
  exit 77
fi
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
out=$("$CROSSREAD_BUILD/names_eval" "$data") || exit 1
echo "$out"
python3 -c '
import json, sys
d = json.loads(sys.argv[1])
ok = d["pairs"] == 853 and d["pair_recall"] >= 0.90 and d["group_false_merge_rate"] < 0.005
sys.exit(0 if ok else 1)' "$out"
