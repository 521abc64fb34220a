#!/usr/bin/env bash
# example_corpus.sh -- consistency test of the bundled example corpus
# (examples/corpus/): everything examples/<story>/EXPECTED.md promises (quotes,
# values, name variants, boilerplate lines, body starts and ends, origins,
# relative dates) must really be in the articles it names, every article of
# the corpus must belong to exactly one story, and a built crossread must read
# every article of the corpus without an error.
set -eu
src=${CROSSREAD_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 is needed to read the JSON blocks of EXPECTED.md"
  exit 77
fi
exec python3 - "$src" "${CROSSREAD:-}" <<'PY'
import calendar, copy, datetime, glob, html.parser, json, os, re
import subprocess, sys, unicodedata
import xml.etree.ElementTree as ET

SRC, CROSSREAD = sys.argv[1], sys.argv[2]
CORPUS = os.path.join(SRC, "examples", "corpus")
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
         "h6", "tr", "td", "table", "header", "footer", "nav", "section",
         "article", "aside", "figure", "figcaption", "form", "main", "title",
         "center", "hr", "dd", "dt", "blockquote", "pre"}


class Visible(html.parser.HTMLParser):
    """The text a reader sees: tags dropped, entities decoded (with or
    without the semicolon, as browsers do), script and style skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def visible(markup):
    v = Visible()
    v.feed(markup)
    v.close()
    return "".join(v.out)


def norm(s):
    """One comparable form: NFC, no-break space as space, curly quotes as
    straight ones, runs of white space as one space."""
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ")
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'),
                 ("\u201d", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def declared_charset(raw):
    m = re.search(rb"""charset=["']?([A-Za-z0-9_-]+)""", raw[:4096])
    return m.group(1).decode("ascii").lower() if m else "utf-8"


errors = []


def fail(msg):
    errors.append(msg)


def load_feed(path, raw):
    items = []
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    root = ET.fromstring(raw)
    for it in root.iter("item"):
        body = it.findtext("content:encoded", default="", namespaces=ns)
        if not body.strip():
            body = it.findtext("description", default="")
        meta = " ".join((it.findtext(t) or "") for t in
                        ("title", "link", "pubDate", "guid", "description",
                         "{http://purl.org/dc/elements/1.1/}creator"))
        chan = root.findtext("channel/title") or ""
        items.append({"text": norm(visible(body)),
                      "raw": norm(chan + " " + meta + " " + visible(body)),
                      "link": it.findtext("link") or ""})
    return items


def load_corpus():
    """Every article of examples/corpus by id: "story/file" for a page or a
    text, "story/file#itemN" (1-based, feed order) for a feed item."""
    docs = {}
    for path in sorted(glob.glob(os.path.join(CORPUS, "**", "*"),
                                 recursive=True)):
        if os.path.isdir(path):
            continue
        rel = os.path.relpath(path, CORPUS)
        raw = open(path, "rb").read()
        if rel.endswith((".rss", ".xml", ".atom")):
            for i, item in enumerate(load_feed(path, raw), 1):
                item["kind"] = "feed"
                docs["%s#item%d" % (rel, i)] = item
            continue
        cs = declared_charset(raw) if rel.endswith(".html") else "utf-8"
        try:
            decoded = raw.decode(cs)
        except (UnicodeDecodeError, LookupError) as e:
            fail("%s: does not decode as its declared charset %s: %s" %
                 (rel, cs, e))
            continue
        if cs not in ("utf-8", "utf8") and max(raw) > 127:
            try:
                raw.decode("utf-8")
                fail("%s: declares %s but is valid UTF-8" % (rel, cs))
            except UnicodeDecodeError:
                pass
        text = visible(decoded) if rel.endswith(".html") else decoded
        docs[rel] = {"text": norm(text), "raw": norm(decoded + " " + text),
                     "kind": "html" if rel.endswith(".html") else "text",
                     "charset": cs, "link": ""}
    return docs


def has_value(text, value, ci=False):
    """value as a whole token: "61" is in "61-year-old", not in "1,161";
    ci: ignore case (a number word may start a sentence)."""
    v = norm(str(value))
    return re.search(r"(?<![\w.,$])" + re.escape(v) + r"(?![\w]|[.,]\d)",
                     text, re.I if ci else 0) is not None


def parse_date(s):
    s = s.replace("Z", "+00:00")
    if len(s) == 10:
        return datetime.datetime.fromisoformat(s + "T00:00:00+00:00")
    return datetime.datetime.fromisoformat(s)


WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = [m.lower() for m in calendar.month_name]


def check_relative(rd, published, where):
    """The resolution of a relative date is checked against the calendar,
    not against a second copy of the answer."""
    phrase, to = rd["phrase"].lower(), rd["resolves_to"]
    pub = parse_date(published).date()
    words = re.findall(r"[a-z]+", phrase)
    if phrase == "yesterday":
        ok = to == (pub - datetime.timedelta(days=1)).isoformat()
    elif phrase == "last month":
        y, m = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        ok = to == "%04d-%02d" % (y, m)
    elif phrase == "this month":
        ok = to == "%04d-%02d" % (pub.year, pub.month)
    elif phrase == "last year":
        ok = to == "%04d" % (pub.year - 1)
    elif any(w in WEEKDAYS for w in words):
        day = next(w for w in words if w in WEEKDAYS)
        d = datetime.date.fromisoformat(to)
        ok = (d.weekday() == WEEKDAYS.index(day) and
              abs((d - pub).days) <= 6)
    elif any(w in MONTHS[1:] for w in words):
        mon = MONTHS.index(next(w for w in words if w in MONTHS[1:]))
        y = pub.year if mon <= pub.month else pub.year - 1
        ok = to == "%04d-%02d" % (y, mon)
    else:
        ok = False
        fail("%s: relative date %r: no rule to check it" % (where, phrase))
        return
    if not ok:
        fail("%s: %r published %s does not resolve to %s" %
             (where, phrase, published, to))


def word_count(s):
    return len(re.findall(r"\w+(?:['\u2019.,-]\w+)*", s))


def check_story(exp, docs, where):
    arts = exp["articles"]
    story_docs = {}
    for a in arts:
        if a not in docs:
            fail("%s: article %s is not in examples/corpus" % (where, a))
        else:
            story_docs[a] = docs[a]
    if len(set(arts)) != len(arts):
        fail("%s: an article is listed twice" % where)
    origin_of = {}
    for i, group in enumerate(exp["origins"]):
        for a in group:
            if a in origin_of:
                fail("%s: %s is in two origins" % (where, a))
            origin_of[a] = i
    if set(origin_of) != set(arts):
        fail("%s: origins cover %s, articles are %s" %
             (where, sorted(origin_of), sorted(arts)))
    if exp["independent_origins"] != len(exp["origins"]):
        fail("%s: independent_origins is %d but %d origins are listed" %
             (where, exp["independent_origins"], len(exp["origins"])))
    meta = exp.get("article_meta", {})
    for a in arts:
        m = meta.get(a)
        d = story_docs.get(a)
        if not m:
            fail("%s: no article_meta for %s" % (where, a))
            continue
        if not d:
            continue
        parse_date(m["published"])
        for key in ("outlet", "published_as"):
            if m.get(key) and norm(m[key]) not in d["raw"]:
                fail("%s: %s: %s %r not in the file" % (where, a, key, m[key]))
        for au in m.get("authors", []):
            if norm(au) not in d["raw"]:
                fail("%s: %s: author %r not in the file" % (where, a, au))
        if m.get("dateline") and norm(m["dateline"]) not in d["text"]:
            fail("%s: %s: dateline %r not in the text" % (where, a, m["dateline"]))
        if m.get("link") and m["link"] != d["link"]:
            fail("%s: %s: link %r, the feed says %r" % (where, a, m["link"], d["link"]))
    for r in exp.get("relations", []):
        a, src = r["article"], r["derived_from"]
        if r["relation"] not in ("copy", "syndication", "rewrite", "partial"):
            fail("%s: relation %r unknown" % (where, r["relation"]))
        if a not in origin_of or src not in origin_of:
            fail("%s: relation %s <- %s names an unknown article" % (where, a, src))
            continue
        if origin_of[a] != origin_of[src]:
            fail("%s: %s derives from %s but they are in different origins" %
                 (where, a, src))
        if a in meta and src in meta and not (
                parse_date(meta[a]["published"]) > parse_date(meta[src]["published"])):
            fail("%s: %s is not published after its source %s" % (where, a, src))
    names = set()
    for e in exp.get("entities", []):
        names.add(e["canonical"])
        for v in e["variants"] + [e["canonical"]]:
            if not any(has_value(d["text"], v) for d in story_docs.values()):
                fail("%s: entity variant %r occurs in no article" % (where, v))
        for v, seen in e.get("seen_in", {}).items():
            for a in seen:
                if a in story_docs and not has_value(story_docs[a]["text"], v):
                    fail("%s: %r not in %s" % (where, v, a))
    for e in exp.get("entities", []):
        for other in e.get("must_not_merge_with", []):
            if other not in names:
                fail("%s: must_not_merge_with %r is no canonical entity" % (where, other))
    conflict_abouts = {c["about"] for c in exp.get("conflicts", [])}
    for c in exp.get("claims", []):
        ev = c.get("evidence", {})
        if sorted(ev) != sorted(c["articles"]):
            fail("%s: claim %r: evidence for %s, articles %s" %
                 (where, c["about"], sorted(ev), sorted(c["articles"])))
        for a, snippet in ev.items():
            d = story_docs.get(a)
            if d and norm(snippet) not in d["text"]:
                fail("%s: claim %r: %r not in %s" % (where, c["about"], snippet, a))
            if not any(has_value(norm(snippet), v, ci=True) for v in
                       [c["value"]] + c.get("compatible", [])):
                fail("%s: claim %r: value %r not in its evidence %r" %
                     (where, c["about"], c["value"], snippet))
        n = len({origin_of.get(a) for a in c["articles"]})
        want = {"single_source": n == 1, "corroborated": n >= 2,
                "disputed": c.get("conflict") in conflict_abouts}
        if not want.get(c["status"], False):
            fail("%s: claim %r has status %s but %d origin(s)" %
                 (where, c["about"], c["status"], n))
    for c in exp.get("conflicts", []):
        vals = [v["value"] for v in c["values"]]
        if len(set(vals)) < 2:
            fail("%s: conflict %r has fewer than two values" % (where, c["about"]))
        seen = {}
        for v in c["values"]:
            for a in v["articles"]:
                d = story_docs.get(a)
                if d and not has_value(d["text"], v["value"], ci=True):
                    fail("%s: conflict %r: %r not in %s" % (where, c["about"], v["value"], a))
                o = origin_of.get(a)
                if o in seen and seen[o] != v["value"]:
                    fail("%s: conflict %r: one origin carries both %r and %r" %
                         (where, c["about"], seen[o], v["value"]))
                seen[o] = v["value"]
    for c in exp.get("not_conflicts", []):
        for v in c["values"]:
            arts_v = c["where"].get(v, [])
            if not arts_v:
                fail("%s: not_conflict %r: no article for %r" % (where, c["about"], v))
            for a in arts_v:
                d = story_docs.get(a)
                if d and not has_value(d["text"], v, ci=True):
                    fail("%s: not_conflict %r: %r not in %s" % (where, c["about"], v, a))
    for q in exp.get("quotes", []):
        if q.get("speaker") and q["speaker"] not in names:
            fail("%s: quote speaker %r is no canonical entity" % (where, q["speaker"]))
        for a in q["articles"]:
            d = story_docs.get(a)
            if d and norm(q["text"]) not in d["text"]:
                fail("%s: quote %r not in %s" % (where, q["text"][:40], a))
    for t in exp.get("timeline", []):
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t["date"]):
            fail("%s: timeline date %r" % (where, t["date"]))
        for a in t["articles"]:
            d = story_docs.get(a)
            if d and t["anchor"].lower() not in d["text"].lower():
                fail("%s: timeline %s: anchor %r not in %s" % (where, t["date"], t["anchor"], a))
    for rd in exp.get("relative_dates", []):
        a = rd["article"]
        d = story_docs.get(a)
        if d and norm(rd["phrase"]).lower() not in d["text"].lower():
            fail("%s: relative date %r not in %s" % (where, rd["phrase"], a))
        if a in meta:
            check_relative(rd, meta[a]["published"], "%s: %s" % (where, a))
    lo, hi = exp.get("body_words", [0, 10**9])
    for a in arts:
        d = story_docs.get(a)
        if not d:
            continue
        for line in exp.get("boilerplate", {}).get(a, []):
            if norm(line) not in d["text"]:
                fail("%s: boilerplate %r not in %s" % (where, line, a))
        start, end = exp["body_starts"].get(a), exp["body_ends"].get(a)
        if start is None or end is None:
            fail("%s: no body_starts/body_ends for %s" % (where, a))
            continue
        i, j = d["text"].find(norm(start)), d["text"].rfind(norm(end))
        if i < 0 or j < 0 or j < i:
            fail("%s: %s: body start %r / end %r not found in order" %
                 (where, a, start[:30], end[:30]))
            continue
        body = d["text"][i:j + len(norm(end))]
        for line in exp.get("boilerplate", {}).get(a, []):
            body = body.replace(norm(line), " ")
        n = word_count(body)
        if not lo <= n <= hi:
            fail("%s: %s: body has %d words, want %d-%d" % (where, a, n, lo, hi))


def read_expected(path):
    md = open(path, encoding="utf-8").read()
    blocks = re.findall(r"```json\n(.*?)\n```", md, re.S)
    if len(blocks) != 1:
        fail("%s: want exactly one ```json block, found %d" % (path, len(blocks)))
        return None
    return json.loads(blocks[0])


def check_all(expected, docs):
    listed = []
    for path, exp in expected:
        check_story(exp, docs, os.path.relpath(path, SRC))
        listed += exp["articles"]
    for a in sorted(set(docs) - set(listed)):
        fail("examples/corpus/%s belongs to no story's EXPECTED.md" % a)
    for a in sorted({a for a in listed if listed.count(a) > 1}):
        fail("%s is listed in two stories" % a)


docs = load_corpus()
paths = sorted(glob.glob(os.path.join(SRC, "examples", "*", "EXPECTED.md")))
expected = [(p, e) for p in paths for e in [read_expected(p)] if e]
if len(expected) < 3:
    fail("want at least three examples/<story>/EXPECTED.md, found %d" % len(expected))
if not any(d.get("charset", "utf-8") not in ("utf-8", "utf8") for d in docs.values()):
    fail("no page of the corpus is in a legacy charset")
check_all(expected, docs)
clean = not errors
for e in errors:
    print("FAIL: " + e)

# The checks above must be able to fail: each broken copy of the main
# story's expectations has to be caught.
if clean:
    main = max(expected, key=lambda pe: len(pe[1]["articles"]))
    def broken(edit):
        exp = copy.deepcopy(main[1])
        edit(exp)
        return [(main[0], exp)] + [pe for pe in expected if pe is not main]
    mutations = {
        "quote": lambda e: e["quotes"][0].update(text=e["quotes"][0]["text"] + " indeed"),
        "value": lambda e: e["conflicts"][0]["values"][0].update(value="1961"),
        "variant": lambda e: e["entities"][0]["variants"].append("Yoorie Dravkovitz"),
        "boilerplate": lambda e: next(iter(e["boilerplate"].values())).append("Subscribe to Dorvania Daily"),
        "origin": lambda e: e["origins"][0].pop(),
        "status": lambda e: e["claims"][0].update(status="single_source"),
        "relative date": lambda e: e["relative_dates"][0].update(resolves_to="2026-03-15"),
    }
    caught = 0
    for name, edit in mutations.items():
        errors = []
        check_all(broken(edit), docs)
        if not errors:
            print("FAIL: a broken %s in EXPECTED.md went unnoticed" % name)
            clean = False
        caught += bool(errors)
    print("self-test: %d of %d broken copies of EXPECTED.md caught" %
          (caught, len(mutations)))

# The corpus must be readable by crossread as it stands: every article
# taken, nothing rejected.
if clean and CROSSREAD and os.access(CROSSREAD, os.X_OK):
    p = subprocess.run([CROSSREAD, "digest", "examples/corpus", "--format", "json"],
                       cwd=SRC, capture_output=True, text=True)
    if p.returncode != 0:  # 1 would mean an article was rejected
        print("FAIL: crossread digest examples/corpus: exit %d: %s" %
              (p.returncode, p.stderr.strip()[:500]))
        clean = False
    else:
        out = json.loads(p.stdout)
        sources = [a["source"] for a in out["articles"]]
        if len(sources) != len(docs):
            print("FAIL: crossread read %d articles, the corpus has %d" %
                  (len(sources), len(docs)))
            clean = False
        for a, d in docs.items():
            want = d["link"] or "examples/corpus/" + a
            if want not in sources:
                print("FAIL: no article from %s in the digest" % want)
                clean = False
elif clean:
    print("note: CROSSREAD not set; the digest run was skipped")

n_items = sum(len(e["articles"]) for _, e in expected)
print("example corpus: %d stories, %d articles: %s" %
      (len(expected), n_items, "ok" if clean else "FAILED"))
sys.exit(0 if clean else 1)
PY
