#!/usr/bin/env bash
# ner.sh -- bench section of the entity stage (bench/bench.sh calls it with
# the build folder): named entities on the UNER English-PUD dev split
# (../shared/data/claims/ner) with the shipped model and by 5-fold
# cross-validation (tools/ner_cv.sh, the honest figure), tagging speed in
# tokens/s beside the npm package compromise on the same sentences in the
# same run, and the name-variant pair recall and false merges of the alias
# resolver on ../shared/data/claims/names. Rows go to $CROSSREAD_BENCH_ROWS.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$(cd "$here/../.." && pwd)/shared}
ner=$shared/data/claims/ner/dev.jsonl
names=$shared/data/claims/names/dev.jsonl
rows=${CROSSREAD_BENCH_ROWS:-/dev/null}
if [ ! -f "$ner" ] || [ ! -f "$names" ]; then
  echo "skipped: ../shared/data/claims not found"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
f1() { python3 "$shared/tools/eval_ner.py" "$ner" "$1" --pred-offsets "$2" --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.3f" % d["strict"]["micro"]["f1"])'; }

# ours: shipped model, tagger alone and the whole stage, best of 20 runs
"$build/ner_eval" "$ner" "$tmp/raw.jsonl" --raw --repeat 20 > "$tmp/raw.json"
"$build/ner_eval" "$ner" "$tmp/ent.jsonl" --repeat 20 > "$tmp/ent.json"
cat "$tmp/raw.json" "$tmp/ent.json"
python3 "$shared/tools/eval_ner.py" "$ner" "$tmp/ent.jsonl" --pred-offsets byte
tok_s() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tag_tok_s"])' "$1"; }
raw_tps=$(tok_s "$tmp/raw.json")
ent_tps=$(tok_s "$tmp/ent.json")
ship=$(f1 "$tmp/ent.jsonl" byte)
echo "== 5-fold cross-validation by document"
CROSSREAD_SHARED=$shared "$here/../tools/ner_cv.sh" "$build" 5 > "$tmp/cv.txt"
cat "$tmp/cv.txt"
cv=$(awk '$1 == "strict" && $2 == "micro" {print $8}' "$tmp/cv.txt")

# the peer: compromise, installed into a scratch folder outside the tree
peer_f1="not run"
peer_tps="not run"
if command -v node >/dev/null && command -v npm >/dev/null; then
  P=$(mktemp -d)
  if (cd "$P" && npm init -y >/dev/null 2>&1 &&
      npm install compromise@14.17.0 >/dev/null 2>&1); then
    NODE_PATH="$P/node_modules" node "$shared/tools/peers/ner_compromise.js" "$ner" \
      "$tmp/comp.jsonl" --strip-possessive > "$tmp/comp.json" &&
      cat "$tmp/comp.json" &&
      peer_f1=$(f1 "$tmp/comp.jsonl" utf16) &&
      peer_tps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["per_sentence_tok_s"])' "$tmp/comp.json")
  else
    echo "compromise could not be installed: peer not run"
  fi
  rm -rf "$P"
else
  echo "node/npm not found: peer not run"
fi

"$build/names_eval" "$names" | tee "$tmp/names.json"
"$build/names_eval" "$names" --bgn | tee "$tmp/names_bgn.json"
nm() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1f%% pair recall, %.3f%% false merges (%d of %d group pairs)" % (100*d["pair_recall"], 100*d["false_merge_rate"], d["group_pairs_merged"], d["neg_group_pairs"]))' "$1"; }

{
  echo "NER strict micro F1, 5-fold CV by document|UNER en-PUD dev (490 sent.)|$cv|compromise: $peer_f1|tools/ner_cv.sh build 5"
  echo "NER strict micro F1, shipped model (trained on dev)|UNER en-PUD dev|$ship|compromise: $peer_f1|bench/ner.sh build"
  echo "NER tagging speed (tokens/s, tagger / whole stage)|UNER en-PUD dev|$raw_tps / $ent_tps|compromise: $peer_tps|build/ner_eval DEV PRED --raw --repeat 20"
  echo "name variants: pair recall, false merges|claims/names dev (853 pairs)|$(nm "$tmp/names.json")|last-word ratio baseline: 65.4%|build/names_eval DEV"
} >> "$rows"
