#!/usr/bin/env bash
# summarization.sh -- ROUGE of the summary stage on the DUC 2004 part of
# ../shared/data/summarization (26 clusters), official settings (100 words,
# Porter stemming with WordNet exceptions, recall), and the citations check.
# Targets of issue 7: R-1 >= 40.6, R-2 >= 10.3, citations 100%. Neither ROUGE
# target is reached yet (measured: R-1 40.04, R-2 10.27 with the overflowing
# last sentence, see docs/summarize.md); this test asserts what is reached
# minus the 0.8-point noise band of the data set (MIN_R1, MIN_R2 below) and
# citations at 100%. Skips (77) when ../shared is absent.
set -u
MIN_R1=39.2
MIN_R2=9.5
shared=${CROSSREAD_SHARED:-}
data=$shared/data/summarization/clusters.dev.jsonl
scorer=$shared/tools/eval_rouge.py
if [ -z "$shared" ] || [ ! -f "$data" ] || [ ! -f "$scorer" ]; then
  echo "skipped: ../shared/data/summarization not found (set CROSSREAD_SHARED)"
  exit 77
fi
drv=${CROSSREAD_BUILD:-build}/summ_eval
if [ ! -x "$drv" ]; then
  echo "FAIL: $drv not built" >&2
  exit 1
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$drv" "$data" "$T/pred.jsonl" --overflow 1 --only duc2004 >"$T/timing.json" || {
  echo "FAIL: summ_eval failed" >&2
  exit 1
}
python3 "$scorer" "$data" "$T/pred.jsonl" --words 100 --stem --metrics 1,2,L,SU4 \
  --citations --ignore-missing --json >"$T/score.json" || {
  echo "FAIL: scorer failed" >&2
  exit 1
}
python3 - "$T/score.json" "$MIN_R1" "$MIN_R2" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
r1, r2 = o["scores"]["ROUGE-1"]["R"], o["scores"]["ROUGE-2"]["R"]
c = o["citations"]
print("DUC 2004 part: %d clusters, R-1 %.2f R-2 %.2f R-L %.2f R-SU4 %.2f, citations %d/%d"
      % (o["clusters"], r1, r2, o["scores"]["ROUGE-L"]["R"], o["scores"]["ROUGE-SU4"]["R"],
         c["supported"], c["sentences"]))
fails = 0
if o["clusters"] != 26:
    print("FAIL: expected 26 DUC 2004 clusters"); fails += 1
if r1 < float(sys.argv[2]):
    print("FAIL: R-1 %.2f < %s" % (r1, sys.argv[2])); fails += 1
if r2 < float(sys.argv[3]):
    print("FAIL: R-2 %.2f < %s" % (r2, sys.argv[3])); fails += 1
if c["sentences"] == 0 or c["supported"] != c["sentences"]:
    print("FAIL: citations %d/%d" % (c["supported"], c["sentences"])); fails += 1
print("%d passed, %d failed" % (4 - fails, fails))
sys.exit(1 if fails else 0)
PY
