#!/usr/bin/env bash
# example_verify.sh -- `crossread digest examples/corpus --format json`, end
# to end (clustering included), against the cross-check promised by
# examples/<story>/EXPECTED.md: in the digest story holding most of a listed
# story's articles, every listed conflict is reported with its values and
# articles, and the listed single-source claims are marked single_source;
# no story of the digest reports a conflict that no EXPECTED.md lists.
# (tests/unit/test_verify_examples.c checks the stage on each story's
# articles alone, whatever the clustering does.)
set -eu
src=${CROSSREAD_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${CROSSREAD:?CROSSREAD must point at the crossread program}"
if [ ! -d "$src/examples/corpus" ] || ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: needs examples/corpus and python3"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$CROSSREAD" digest "$src/examples/corpus" --format json >"$out" 2>/dev/null || true
exec python3 - "$src" "$out" <<'PY'
import glob, json, os, re, sys
src, out = sys.argv[1], sys.argv[2]
digest = json.load(open(out))
arts = digest["articles"]
fails, checks = [], 0

def find(key, meta):
    if "#" in key:
        link = meta.get(key, {}).get("link")
        return next((a["id"] for a in arts if link and a["source"] == link), None)
    return next((a["id"] for a in arts
                 if a["source"].replace("\\", "/").endswith("examples/corpus/" + key)), None)

def same_value(want, got):
    # "40%" is "About 40%": our label may carry the marker
    return re.search(r"(^| )" + re.escape(want.lower()) + r"( |$)", got.lower()) is not None

listed = []  # (story id, set of values) of every listed conflict
for path in sorted(glob.glob(os.path.join(src, "examples", "*", "EXPECTED.md"))):
    text = open(path, encoding="utf-8").read()
    for block in re.findall(r"```json\n(.*?)\n```", text, re.S):
        exp = json.loads(block)
        meta = exp.get("article_meta", {})
        ids = {k: find(k, meta) for k in exp["articles"]}
        # the digest story holding most of these articles
        story = max(digest["stories"], key=lambda s: len(set(s["articles"]) & set(ids.values())))
        for c in exp.get("conflicts", []):
            checks += 1
            want = {v["value"]: {ids[a] for a in v["articles"]} for v in c["values"]}
            ok = any(len(x["values"]) == len(want) and
                     all(any(v["value"] == w and set(v["articles"]) == arts_ for v in x["values"])
                         for w, arts_ in want.items())
                     for x in story["conflicts"])
            if not ok:
                fails.append("%s: conflict not reported: %s" % (exp["story"], c["about"]))
            listed.append((story["id"], set(want)))
        for c in exp.get("claims", []):
            if c["status"] != "single_source":
                continue
            checks += 1
            want = {ids[a] for a in c["articles"]}
            mine = [x for x in story["claims"]
                    if x["value"] and x["value"]["text"] and same_value(c["value"], x["value"]["text"])
                    and set(x["articles"]) & want]
            # the claim for it: the value as written, then most of its articles
            best = max(mine, key=lambda x: (x["value"]["text"].lower() == c["value"].lower(),
                                            len(set(x["articles"]) & want)), default=None)
            if not best or best["status"] != "single_source":
                fails.append("%s: single-source claim %s: %s" % (
                    exp["story"], c["about"], best["status"] if best else "not found"))
for s in digest["stories"]:
    for x in s["conflicts"]:
        checks += 1
        vals = {v["value"] for v in x["values"]}
        if not any(sid == s["id"] and vals == want for sid, want in listed):
            fails.append("%s: conflict not expected: %s %s" % (s["id"], x["about"], sorted(vals)))
for f in fails:
    print("FAIL " + f)
print("%d checks, %d failed" % (checks, len(fails)))
sys.exit(1 if fails else 0)
PY
