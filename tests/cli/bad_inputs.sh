#!/usr/bin/env bash
# Malformed inputs each give ONE clear error line naming the input and never
# stop the others: binary file, invalid UTF-8 (repaired, with a warning),
# empty file, a 50 MB file, an unreadable path, a directory mixing good and
# bad files, JSON Lines with bad lines, a truncated feed.
set -u
. "$(dirname "$0")/common.inc"

good="$T/good.txt"
printf 'Bridge Opens Early\n\nThe new bridge over the Vell river opened two weeks early, the city said on Friday. About 40,000 vehicles are expected daily.\n' > "$good"

# binary garbage
head -c 20000 /dev/urandom > "$T/blob.bin"
printf '\0\0\0' >> "$T/blob.bin"
run "$CROSSREAD" digest --format text "$T/blob.bin" "$good"
expect_rc 1; expect_err_lines 1; expect_err "^crossread: $T/blob.bin: binary data, not text$"
expect_out "1 article"

# invalid UTF-8: repaired (U+FFFD), a warning, the article is kept
printf 'Storm Warning\n\nWinds of 120 km/h hit the coast \xff\xfe on Sunday, caf\xe9 owners said. Power returned by night.\n' > "$T/bad-utf8.txt"
run "$CROSSREAD" digest "$T/bad-utf8.txt"
expect_rc 0; expect_err_lines 1
expect_err "^crossread: $T/bad-utf8.txt: warning: 3 invalid UTF-8 bytes replaced with U\+FFFD$"
echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["articles"][0]["text"]; assert "\ufffd" in t and "Power returned" in t, t' || fail "repaired text"

# empty and white-space-only files
: > "$T/empty.txt"
printf '  \n\n \t\n' > "$T/blank.txt"
run "$CROSSREAD" digest --format text "$T/empty.txt" "$T/blank.txt" "$good"
expect_rc 1; expect_err_lines 2
expect_err "^crossread: $T/empty.txt: empty input$"
expect_err "^crossread: $T/blank.txt: only white space, no article text$"

# a 50 MB file is over the per-article limit (16 MiB by default)
python3 -c "
import sys
line = 'The committee met again on Thursday and discussed the plan at length. '
with open(sys.argv[1], 'w') as f:
    n = 0
    while n < 50 * 1024 * 1024:
        f.write(line); n += len(line)
" "$T/huge.txt"
run "$CROSSREAD" digest --format text "$T/huge.txt" "$good"
expect_rc 1; expect_err_lines 1
expect_err "^crossread: $T/huge.txt: input too big \(50\.0 MiB; the limit is 16\.0 MiB\)$"
expect_out "1 article"

# unreadable path (permission) and missing path
printf 'x' > "$T/secret.txt"; chmod 000 "$T/secret.txt"
if [ "$(id -u)" -ne 0 ]; then
  run "$CROSSREAD" digest --format text "$T/secret.txt" "$good"
  expect_rc 1; expect_err "^crossread: $T/secret.txt: cannot open: Permission denied$"
fi
run "$CROSSREAD" digest --format text "$T/nope/missing.txt" "$good"
expect_rc 1; expect_err_lines 1
expect_err "^crossread: $T/nope/missing.txt: cannot open: No such file or directory$"

# a directory mixing good and bad files: every bad one named, the rest read
mkdir -p "$T/dir/sub"
cp "$good" "$T/dir/a.txt"
cp "$T/blob.bin" "$T/dir/b.bin"
: > "$T/dir/sub/c.txt"
printf '<html><body><article><p>The museum reopened its east wing on Saturday after repairs that took a year.</p><p>Visitors queued from dawn.</p></article></body></html>' > "$T/dir/sub/d.html"
run "$CROSSREAD" digest --format text "$T/dir"
expect_rc 1; expect_err_lines 2
expect_err "^crossread: $T/dir/b.bin: binary data, not text$"
expect_err "^crossread: $T/dir/sub/c.txt: empty input$"
expect_out "2 articles"

# JSON Lines: bad lines named by number, good lines kept
{
  echo '{"id":"x1","title":"Dam Repairs","text":"Engineers finished repairs on the dam on Monday. The reservoir will refill by June."}'
  echo '{"id":"x2","text":'
  echo '[1,2,3]'
  echo '{"id":"x3","title":"no body"}'
  echo ''
  echo '{"id":"x4","html":"<p>The orchestra announced a new season of twelve concerts on Wednesday.</p>"}'
} > "$T/in.jsonl"
run "$CROSSREAD" digest "$T/in.jsonl"
expect_rc 1; expect_err_lines 3
expect_err "^crossread: $T/in.jsonl:2: invalid JSON"
expect_err "^crossread: $T/in.jsonl:3: not a JSON object$"
expect_err "^crossread: $T/in.jsonl:4: no \"text\" or \"html\" field$"
echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); ids=[a.get("input_id") for a in d["articles"]]; assert ids==["x1","x4"], ids' || fail "JSONL ids"

# a truncated RSS feed keeps the items before the damage, with a warning
cat > "$T/feed.rss" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title>
<item><title>Library Extends Hours</title><link>https://courier.example/library</link>
<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
<description>The city library will open until 9 p.m. on weekdays from April, the council said on Monday.</description></item>
<item><title>Road Closed</title><link>https://courier.example/road</link>
<description>The coast road will close for repairs from
XML
run "$CROSSREAD" digest "$T/feed.rss"
# what parses of the cut-off second item is kept too, with one warning
expect_rc 0; expect_err_lines 1
expect_err "^crossread: $T/feed.rss: warning: feed is truncated or malformed \(line [0-9]+\); kept 2 items before the damage$"
echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); a=d["articles"]; assert len(a)>=1 and a[0]["source"]=="https://courier.example/library" and a[0]["outlet"]=="Valley Courier", a' || fail "feed items"

# a feed that is not XML at all
printf '<rss><channel><item><title>x' > "$T/broken.rss"
run "$CROSSREAD" digest "$T/broken.rss" "$good"
expect_rc 1
expect_err "^crossread: $T/broken.rss"
done_tests
