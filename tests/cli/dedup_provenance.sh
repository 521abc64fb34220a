#!/usr/bin/env bash
# dedup_provenance.sh -- `crossread digest examples/corpus --format json`
# against the provenance promised by examples/<story>/EXPECTED.md: every
# listed relation is found with the right name (and the right direction when
# both articles have a publication time), articles of one origin share
# "origin", articles of different origins do not, and the story's
# independent_origins count holds over its articles.
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
by_id = {a["id"]: a for a in arts}
fails, checks, stories = [], 0, 0

def find(key, meta):
    if "#" in key:
        link = meta.get(key, {}).get("link")
        for a in arts:
            if link and a["source"] == link:
                return a
        return None
    for a in arts:
        if a["source"].replace("\\", "/").endswith("examples/corpus/" + key):
            return a
    return None

for path in sorted(glob.glob(os.path.join(src, "examples", "*", "EXPECTED.md"))):
    text = open(path, encoding="utf-8").read()
    for block in re.findall(r"```json\n(.*?)\n```", text, re.S):
        exp = json.loads(block)
        if "origins" not in exp and "relations" not in exp:
            continue
        stories += 1
        meta = exp.get("article_meta", {})
        skip = set()
        for r in exp.get("relations", []):
            a, s = find(r["article"], meta), find(r["derived_from"], meta)
            checks += 1
            if not a or not s:
                fails.append("%s / %s: article not in the digest" % (r["article"], r["derived_from"]))
                continue
            fwd = [l for l in a["derived_from"] if l["article"] == s["id"]]
            back = [l for l in s["derived_from"] if l["article"] == a["id"]]
            links = fwd + back
            if not links:
                fails.append("%s: no %s link to %s" % (r["article"], r["relation"], r["derived_from"]))
            elif all(l["relation"] != r["relation"] for l in links):
                fails.append("%s: relation %s, expected %s" % (
                    r["article"], links[0]["relation"], r["relation"]))
            elif a.get("published") and s.get("published") and not fwd:
                fails.append("%s: direction reversed (derived_from points at it)" % r["article"])
        groups = [[k for k in g if k not in skip] for g in exp.get("origins", [])]
        origin = {}
        for g in groups:
            for k in g:
                a = find(k, meta)
                if not a:
                    fails.append("%s: article not in the digest" % k)
                else:
                    origin[k] = a["origin"]
        for gi, g in enumerate(groups):
            for k in g[1:]:
                checks += 1
                if k in origin and g[0] in origin and origin[k] != origin[g[0]]:
                    fails.append("%s and %s: one origin expected, got %s and %s" % (
                        g[0], k, origin[g[0]], origin[k]))
            for h in groups[gi + 1:]:
                if g and h and g[0] in origin and h[0] in origin:
                    checks += 1
                    if origin[g[0]] == origin[h[0]]:
                        fails.append("%s and %s: independent origins merged (%s)" % (
                            g[0], h[0], origin[g[0]]))
        if "independent_origins" in exp and not skip:
            checks += 1
            got = len({origin[k] for g in groups for k in g if k in origin})
            if got != exp["independent_origins"]:
                fails.append("%s: %d independent origins, expected %d" % (
                    exp.get("story"), got, exp["independent_origins"]))
if not stories:
    print("SKIP: no EXPECTED.md with origins or relations")
    sys.exit(77)
for f in fails:
    print("FAIL: " + f)
print("%d passed, %d failed" % (checks - len(fails), len(fails)))
sys.exit(1 if fails else 0)
PY
