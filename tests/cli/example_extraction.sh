#!/usr/bin/env bash
# Extraction on the example corpus: no boilerplate line listed in examples/*/EXPECTED.md
# survives in the text, bodies start and end where EXPECTED.md says, metadata matches.
exec python3 - <<'PY'
import json, re, sys, subprocess, unicodedata, glob, os
crossread, src = os.environ["CROSSREAD"], os.environ["CROSSREAD_SRC"]
def norm(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()
out = subprocess.run([crossread, "digest", "examples/corpus", "--format", "json"], cwd=src,
                     capture_output=True, text=True)
d = json.loads(out.stdout)
by = {}
for a in d["articles"]:
    s = a["source"]
    key = s.split("examples/corpus/", 1)[1] if "examples/corpus/" in s else s
    by[key] = a
fails = checks = 0
def fail(m):
    global fails; fails += 1; print("FAIL:", m)
for exp in sorted(glob.glob(os.path.join(src, "examples/*/EXPECTED.md"))):
    j = json.loads(re.findall(r"```json\n(.*?)```", open(exp).read(), re.S)[0])
    meta = j.get("article_meta", {})
    def art(k):
        if k in by: return by[k]
        link = meta.get(k, {}).get("link")
        return by.get(link)
    for k, lines in j.get("boilerplate", {}).items():
        a = art(k)
        if not a: fail(f"{k}: article missing"); continue
        t = norm(a["text"])
        for l in lines:
            checks += 1
            if norm(l) in t: fail(f"{k}: boilerplate kept: {l[:70]}")
    for k, s in j.get("body_starts", {}).items():
        a = art(k); checks += 1
        if a and not norm(a["text"]).startswith(norm(s)): fail(f"{k}: body starts {norm(a['text'])[:80]!r}, expected {s[:60]!r}")
    for k, s in j.get("body_ends", {}).items():
        a = art(k); checks += 1
        if a and not norm(a["text"]).endswith(norm(s)): fail(f"{k}: body ends {norm(a['text'])[-80:]!r}, expected {s[-60:]!r}")
    for k, m in meta.items():
        a = art(k)
        if not a: continue
        for f in ("outlet", "title", "dateline"):
            if f in m:
                checks += 1
                if norm(a.get(f) or "") != norm(m[f] or ""): fail(f"{k}: {f} {a.get(f)!r} != {m[f]!r}")
        if "published" in m:
            checks += 1
            if not (a.get("published") or "").startswith(m["published"][:16]): fail(f"{k}: published {a.get('published')!r} != {m['published']!r}")
        if "authors" in m:
            checks += 1
            if [norm(x) for x in a["authors"]] != [norm(x) for x in m["authors"]]: fail(f"{k}: authors {a['authors']} != {m['authors']}")
print(f"{checks - fails} passed, {fails} failed")
sys.exit(1 if fails else 0)
PY
