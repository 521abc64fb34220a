#!/usr/bin/env bash
# The example corpus (examples/corpus/) forms exactly the stories that
# examples/<story>/EXPECTED.md list (its ```json block: "articles", paths
# relative to examples/corpus/, FILE#itemN for the N-th item of a feed, whose
# "link" in "article_meta" is the source the digest reports), each with a
# title, largest first.
set -eu
src=${CROSSREAD_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! command -v python3 >/dev/null 2>&1; then
  echo "skipped: python3 is needed to read EXPECTED.md"
  exit 77
fi
if ! ls "$src"/examples/*/EXPECTED.md >/dev/null 2>&1; then
  echo "skipped: no examples/<story>/EXPECTED.md"
  exit 77
fi
cd "$src/examples"
"$CROSSREAD" digest corpus --format json | python3 -c '
import glob, json, re, sys
d = json.load(sys.stdin)
expected, link = {}, {}
for f in sorted(glob.glob("*/EXPECTED.md")):
    m = re.search(r"```json\n(.*?)```", open(f, encoding="utf-8").read(), re.S)
    block = json.loads(m.group(1))
    expected[block["story"]] = sorted(block["articles"])
    for art, meta in block.get("article_meta", {}).items():
        if meta.get("link"):
            link[meta["link"]] = art
def name(a):
    s = a["source"]
    return link.get(s, s[len("corpus/"):] if s.startswith("corpus/") else s)
arts = {a["id"]: name(a) for a in d["articles"]}
got = [sorted(arts[x] for x in s["articles"]) for s in d["stories"]]
ok = True
for s, g in zip(d["stories"], got):
    hit = [k for k, v in expected.items() if v == g]
    print("%s (%d articles) %s: %s" % (s["id"], len(g), hit[0] if hit else "UNEXPECTED",
                                       s["title"]))
    ok = ok and bool(hit) and bool(s["title"])
sizes = [len(g) for g in got]
ok = ok and len(got) == len(expected) and sizes == sorted(sizes, reverse=True)
for k, v in expected.items():
    if v not in got:
        print("missing story %s: %s" % (k, v))
print("ok" if ok else "FAILED: the digest must form the stories of EXPECTED.md")
sys.exit(0 if ok else 1)
'
