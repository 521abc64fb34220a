#!/usr/bin/env bash
# bench section "summarize": the summary stage on the DUC 2003/2004 dev
# clusters of ../shared/data/summarization, beside the npm lexrank peer in
# the same run. Prints ROUGE recall (official settings: 100 words, Porter
# stemming with WordNet exceptions, R-1/2/L/SU4) per part, the citations
# check, and clusters per second (summarising only, single thread, best of
# 5 passes; end-to-end with normalisation too).
#   bench/summarize.sh BUILD_DIR
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${CROSSREAD_SHARED:-$(cd "$here/../.." && pwd)/shared}
data=$shared/data/summarization/clusters.dev.jsonl
scorer=$shared/tools/eval_rouge.py
if [ ! -f "$data" ] || [ ! -f "$scorer" ]; then
  echo "summarize: ../shared/data/summarization not found, skipped"
  exit 0
fi
if [ ! -x "$build/summ_eval" ]; then
  echo "summarize: $build/summ_eval not built" >&2
  exit 1
fi
[ -d /usr/share/wordnet ] || echo "summarize: wordnet-base missing, ROUGE stems without WordNet exceptions" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# score FILE NAME TIMING_JSON: one line per part
score() {
  python3 - "$data" "$1" "$2" "$3" "$scorer" <<'PY'
import json, subprocess, sys, os, tempfile
data, pred, name, timing, scorer = sys.argv[1:6]
rows = [json.loads(l) for l in open(pred) if l.strip()]
t = json.loads(timing) if timing else {}
for part, label in (("duc2004", "DUC 2004 (26)"), ("duc2003", "DUC 2003 (14)")):
    sel = [r for r in rows if r["id"].startswith(part)]
    fd, path = tempfile.mkstemp(suffix=".jsonl")
    with os.fdopen(fd, "w") as f:
        for r in sel:
            f.write(json.dumps(r) + "\n")
    out = subprocess.run([sys.executable, scorer, data, path, "--words", "100", "--stem",
                          "--metrics", "1,2,L,SU4", "--citations", "--ignore-missing",
                          "--json"], capture_output=True, text=True)
    os.unlink(path)
    if out.returncode:
        print("%-22s %-14s scorer failed: %s" % (name, label, out.stderr.strip()))
        continue
    o = json.loads(out.stdout)
    m = o["scores"]
    c = o.get("citations", {})
    speed = t.get("clusters_per_s") or t.get("clusters_per_sec") or 0
    print("%-22s %-14s R-1 %5.2f  R-2 %5.2f  R-L %5.2f  R-SU4 %5.2f  citations %3d/%-3d  %8.1f clusters/s"
          % (name, label, m["ROUGE-1"]["R"], m["ROUGE-2"]["R"], m["ROUGE-L"]["R"],
             m["ROUGE-SU4"]["R"], c.get("supported", 0), c.get("sentences", 0), speed))
    with open(os.path.join(os.path.dirname(pred), "%s.%s.tsv" % (os.path.basename(pred), part)), "w") as f:
        f.write("%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%.1f\n" % (m["ROUGE-1"]["R"], m["ROUGE-2"]["R"],
                m["ROUGE-L"]["R"], m["ROUGE-SU4"]["R"], c.get("supported", 0),
                c.get("sentences", 0), speed))
PY
}

"$build/summ_eval" "$data" "$tmp/ours.jsonl" --overflow 1 --repeat 5 >"$tmp/ours.json" || exit 1
"$build/summ_eval" "$data" "$tmp/strict.jsonl" --overflow 0 --repeat 5 >"$tmp/strict.json" || exit 1
score "$tmp/ours.jsonl" "crossread (overflow)" "$(cat "$tmp/ours.json")"
score "$tmp/strict.jsonl" "crossread (<=100 w)" "$(cat "$tmp/strict.json")"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print('crossread: %.0f clusters/s summarising, %.0f clusters/s with normalisation, %.1f candidates and %.0f search nodes per cluster' % (o['clusters_per_s'], o['end_to_end_clusters_per_s'], o['mean_candidates'], o['mean_nodes']))" "$tmp/ours.json"

# peer: npm lexrank, installed outside the tree for this run
peer=""
if command -v node >/dev/null && command -v npm >/dev/null; then
  P=$(mktemp -d)
  trap 'rm -rf "$tmp" "$P"' EXIT
  if (cd "$P" && npm init -y >/dev/null 2>&1 && npm install lexrank@1.0.5 >/dev/null 2>&1); then
    if NODE_PATH="$P/node_modules" node "$shared/tools/peers/summ_lexrank.js" "$data" \
      "$tmp/lexrank.jsonl" >"$tmp/lexrank.json" 2>/dev/null; then
      score "$tmp/lexrank.jsonl" "npm lexrank 1.0.5" "$(tail -1 "$tmp/lexrank.json")"
      peer=1
    fi
  fi
  [ -n "$peer" ] || echo "summarize: npm lexrank could not be installed or run, peer skipped"
else
  echo "summarize: node/npm not found, lexrank peer skipped"
fi

if [ -n "${CROSSREAD_BENCH_ROWS:-}" ] && [ -f "$tmp/ours.jsonl.duc2004.tsv" ]; then
  python3 - "$tmp" "$peer" >>"$CROSSREAD_BENCH_ROWS" <<'PY'
import sys, os
tmp, peer = sys.argv[1], sys.argv[2]
def rd(name, part):
    p = os.path.join(tmp, "%s.jsonl.%s.tsv" % (name, part))
    return open(p).read().split("\t") if os.path.exists(p) else None
cmd = "bench/summarize.sh (summ_eval --overflow 1, eval_rouge.py --words 100 --stem)"
for part, label in (("duc2004", "DUC 2004 dev (26)"), ("duc2003", "DUC 2003 dev (14)")):
    o, l = rd("ours", part), rd("lexrank", part) if peer else None
    print("summary ROUGE-1/2 recall|%s|%s / %s|%s|%s" % (label, o[0], o[1],
          "npm lexrank: %s / %s" % (l[0], l[1]) if l else "npm lexrank: not run", cmd))
o = rd("ours", "duc2004")
l = rd("lexrank", "duc2004") if peer else None
print("summary clusters/s (1 thread)|DUC dev (40)|%s|%s|%s" % (o[6].strip(),
      "npm lexrank: %s" % l[6].strip() if l else "npm lexrank: not run", cmd))
PY
fi
exit 0
