#!/bin/bash
# crossread extract FILE: text and metadata of one page or text dump, as
# text (default) and JSON, with both HTML parsers; bad input gives one
# error line naming the input.
set -u
bin=${CROSSREAD:?CROSSREAD not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
cat >"$tmp/page.html" <<'HTML'
<html lang="en"><head><title>Storm hits coast | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-01-02T03:04:05Z"></head>
<body><nav><a href="/">Home</a> <a href="/w">World</a></nav><article>
<h1>Storm hits coast</h1><p class="byline">By Ann Smith</p>
<p>PORTVILLE, Examplia &mdash; A storm hit the coast on Monday, cutting power to
thousands of homes and closing roads along the shore, officials said.</p>
<p>Crews worked overnight, and most homes had power again by the morning,
according to the utility, which said a few streets would wait until Wednesday.</p>
<p>Advertisement</p></article>
<div id="comments"><div class="comment"><p>Stay safe out there, everyone in town.</p></div></div>
</body></html>
HTML
for parser in gumbo libxml2; do
  out=$("$bin" extract --html-parser=$parser "$tmp/page.html")
  check "text output ($parser) has title" '[[ "$out" == "Storm hits coast"* ]]'
  check "text output ($parser) has outlet" 'grep -q "^Outlet: Example Daily" <<<"$out"'
  check "text output ($parser) has body" 'grep -q "most homes had power again" <<<"$out"'
  check "text output ($parser) drops ads" '! grep -q "^Advertisement" <<<"$out"'
  check "text output ($parser) drops comments" '! grep -q "Stay safe" <<<"$out"'
  json=$("$bin" extract --format json --html-parser=$parser "$tmp/page.html")
  check "json ($parser)" 'python3 -c "
import json,sys
d=json.loads(sys.argv[1])
assert d[\"title\"]==\"Storm hits coast\", d[\"title\"]
assert d[\"published\"]==\"2024-01-02T03:04:05Z\"
assert d[\"dateline\"]==\"PORTVILLE, Examplia\"
assert d[\"language\"]==\"en\"
assert \"Advertisement\" in d[\"dropped\"]
assert d[\"comments_count\"]==1
assert d[\"text\"].startswith(\"PORTVILLE, Examplia\")
" "$json"'
done
printf 'Listen to the article\nRiver Floods Town\nThe river burst its banks on Sunday night, flooding dozens of homes in the lower town.\n3 Comments\nA comment that is long enough here.\n' >"$tmp/dump.txt"
json=$("$bin" extract --format json "$tmp/dump.txt")
check "text dump json" 'python3 -c "
import json,sys
d=json.loads(sys.argv[1])
assert d[\"title\"]==\"River Floods Town\", d
assert d[\"dropped\"][0]==\"Listen to the article\"
assert d[\"text\"].startswith(\"The river burst\")
" "$json"'
"$bin" extract --html-parser=webkit "$tmp/page.html" 2>"$tmp/err"
check "bad parser name is a usage error" '[ $? -eq 2 ] || grep -q "unknown HTML parser" "$tmp/err"'
check "usage error message" 'grep -q "unknown HTML parser" "$tmp/err"'
printf '<html><body><script>x()</script></body></html>' >"$tmp/empty.html"
"$bin" extract "$tmp/empty.html" >/dev/null 2>"$tmp/err"
rc=$?
check "empty page exit 3" '[ $rc -eq 3 ]'
check "empty page one error line naming it" '[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "empty.html" "$tmp/err"'
[ $fail -eq 0 ] && echo "extract CLI: all checks passed"
exit $fail
