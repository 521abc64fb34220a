#!/usr/bin/env bash
# ner_cv.sh -- k-fold cross-validation of the named-entity tagger by
# document: for each fold, train on the other folds (tools/ner_train.c) and
# tag the held-out documents (bench/ner_eval.c); the predictions of all folds
# are scored together with ../shared/tools/eval_ner.py. This is the honest
# quality figure: the shipped model (data/ner_model.txt) is trained on the
# whole dev split, so its own dev score is a training-set score.
#   tools/ner_cv.sh BUILD_DIR [FOLDS] [extra ner_eval options]
set -eu
build=${1:-build}
folds=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
shared=${CROSSREAD_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
data=$shared/data/claims/ner/dev.jsonl
[ -f "$data" ] || { echo "ner_cv: $data not found (set CROSSREAD_SHARED)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((f = 0; f < folds; f++)); do
  "$build/ner_train" "$data" "$tmp/m$f.txt" --folds "$folds" --fold "$f" 2>/dev/null
  "$build/ner_eval" "$data" "$tmp/p$f.jsonl" --model "$tmp/m$f.txt" \
    --folds "$folds" --fold "$f" "$@" >/dev/null
done
cat "$tmp"/p*.jsonl > "$tmp/all.jsonl"
python3 "$shared/tools/eval_ner.py" "$data" "$tmp/all.jsonl" --pred-offsets byte
