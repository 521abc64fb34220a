#!/usr/bin/env bash
# Pathological inputs (generated, each under a time budget): a 100 MB page,
# 100,000 nested elements, long lines without spaces, a 10 MB page just under
# the limit, a 50,000-article JSON Lines stream, a killed run. None may crash,
# hang or stop the other inputs.
set -u
. "$(dirname "$0")/../cli/common.inc"
budget() { # budget SECONDS CMD...: run with a time limit
  local s=$(( $1 * ${CROSSREAD_TIME_SCALE:-1} )); shift
  OUT=$(timeout "$s" "$@" 2>"$T/.err"); RC=$?
  ERR=$(cat "$T/.err"); LAST="$*"
  CHECKS=$((CHECKS + 1))
  [ $RC -ne 124 ] || fail "'$LAST' took more than ${s}s"
}
good="$T/good.txt"
printf 'Tunnel Reopens\n\nThe rail tunnel reopened on Friday after repairs, the operator said.\n' > "$good"

# the stream is 50,000 articles; sanitizer builds (several times slower) use
# a tenth of it: the point there is no crash or leak, not the throughput
stream_n=$(( 50000 / ( ${CROSSREAD_TIME_SCALE:-1} > 1 ? 10 : 1 ) ))
python3 - "$T" "$stream_n" <<'PY'
import sys, random
T = sys.argv[1]
N = int(sys.argv[2])
para = "<p>The regional council voted on Tuesday to expand the bus network by twelve routes, officials said.</p>\n"
with open(f"{T}/big100.html", "w") as f:
    f.write("<html><body>")
    n = 0
    while n < 100 * 1024 * 1024:
        f.write(para); n += len(para)
    f.write("</body></html>")
with open(f"{T}/big10.html", "w") as f:
    f.write("<html><body><article>")
    n = 0
    while n < 10 * 1024 * 1024:
        f.write(para); n += len(para)
    f.write("</article></body></html>")
with open(f"{T}/nested.html", "w") as f:
    f.write("<html><body>" + "<div>" * 100000 + "<p>Deep text sits here at the bottom of the page, the note said.</p>" + "</div>" * 100000 + "</body></html>")
with open(f"{T}/unclosed.html", "w") as f:
    f.write("<html><body>" + "<span><b><i>" * 30000 + "<p>Unclosed tags everywhere, said the test.")
with open(f"{T}/longline.txt", "w") as f:
    f.write("Headline\n\n" + "x" * (4 * 1024 * 1024) + "\n")
with open(f"{T}/stream.jsonl", "w") as f:
    rnd = random.Random(7)
    words = "harbor council budget storm bridge ferry museum rail tunnel school river market".split()
    for i in range(N):
        w = " ".join(rnd.choice(words) for _ in range(30))
        f.write('{"id":"s%d","title":"Item %d","text":"The %s said on Monday. %s."}\n' % (i, i, rnd.choice(words), w))
PY

budget 60 "$CROSSREAD" digest --format text "$T/big100.html" "$good"
expect_rc 1; expect_err "big100.html: input too big"; expect_out "1 article"
budget 120 "$CROSSREAD" digest --format text "$T/big10.html" "$good"
expect_rc 0; expect_out "2 articles"
budget 120 "$CROSSREAD" digest --format text "$T/nested.html" "$good"
[ $RC -le 1 ] || fail "nested.html: exit $RC"
budget 120 "$CROSSREAD" digest --format text "$T/unclosed.html" "$good"
[ $RC -le 1 ] || fail "unclosed.html: exit $RC"
budget 60 "$CROSSREAD" digest --format text "$T/longline.txt" "$good"
[ $RC -le 1 ] || fail "longline.txt: exit $RC"
budget 600 "$CROSSREAD" digest --no-text --format json --out "$T/stream.json" "$T/stream.jsonl"
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["articles"])==int(sys.argv[2]), len(d["articles"])' "$T/stream.json" "$stream_n" || fail "stream: not $stream_n articles"

# a run killed mid-ingest leaves no partial output file behind
"$CROSSREAD" digest --format json --out "$T/killed.json" "$T/stream.jsonl" 2>/dev/null &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
CHECKS=$((CHECKS + 1))
if [ -e "$T/killed.json" ]; then
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/killed.json" 2>/dev/null || fail "killed run left a partial --out file"
fi
done_tests
