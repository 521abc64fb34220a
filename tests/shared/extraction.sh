#!/bin/bash
# Article body extraction on the dev split of ../shared/data/extraction
# (121 news pages, word 4-gram F1 of the benchmark's own measure). Fails
# unless F1 >= 0.965, no page is empty and no page has recall < 0.5, for
# both HTML parser backends. Skipped (77) when ../shared is absent.
set -u
shared=${CROSSREAD_SHARED:-}
build=${CROSSREAD_BUILD:-build}
data="$shared/data/extraction"
scorer="$shared/tools/eval_extraction.py"
if [ -z "$shared" ] || [ ! -d "$data/html" ] || [ ! -f "$scorer" ]; then
  echo "skipped: ../shared/data/extraction not found (set CROSSREAD_SHARED)"
  exit 77
fi
if [ ! -x "$build/extract_eval" ]; then
  echo "skipped: $build/extract_eval not built"
  exit 77
fi
command -v python3 >/dev/null || { echo "skipped: python3 missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for parser in gumbo libxml2; do
  if ! "$build/extract_eval" --parser "$parser" --out "$tmp/$parser.json" "$data/html" \
      >"$tmp/$parser.speed"; then
    echo "FAIL: extract_eval --parser $parser"
    status=1
    continue
  fi
  python3 "$scorer" "$data/ground-truth.json" "$tmp/$parser.json" --json \
      --per-page "$tmp/$parser.tsv" >"$tmp/$parser.score" || { status=1; continue; }
  python3 - "$parser" "$tmp/$parser.score" "$tmp/$parser.tsv" <<'PY' || status=1
import csv, json, sys
name, score, pages = sys.argv[1:4]
s = json.load(open(score))
rows = list(csv.DictReader(open(pages), delimiter="\t"))
min_r = min(float(r["recall"]) for r in rows)
worst = min(rows, key=lambda r: float(r["recall"]))
print("%s: F1 %.4f  P %.4f  R %.4f  empty %d  min page recall %.4f (%s)"
      % (name, s["f1"], s["precision"], s["recall"], s["empty_predictions"], min_r,
         worst["url"]))
bad = []
if s["f1"] < 0.965:
    bad.append("F1 %.4f < 0.965" % s["f1"])
if s["empty_predictions"] or s["missing_predictions"]:
    bad.append("%d empty, %d missing pages" % (s["empty_predictions"], s["missing_predictions"]))
if min_r < 0.5:
    bad.append("a page has recall %.3f < 0.5" % min_r)
if bad:
    print("FAIL (%s): %s" % (name, "; ".join(bad)))
    sys.exit(1)
PY
done
exit $status
