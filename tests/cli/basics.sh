#!/usr/bin/env bash
# The CLI contract: --help, --version, subcommand help, usage errors (exit 2),
# output formats, --out, exit statuses 0/1/3, one-line errors naming the input.
set -u
. "$(dirname "$0")/common.inc"

# help and version
run "$CROSSREAD" --help;            expect_rc 0; expect_out "usage: crossread"
run "$CROSSREAD" --version;         expect_rc 0; expect_out "crossread [0-9]+\.[0-9]+\.[0-9]+ \(libcrossread"
run "$CROSSREAD" help digest;       expect_rc 0; expect_out "--format"
run "$CROSSREAD" digest --help;     expect_rc 0; expect_out "usage: crossread digest"
run "$CROSSREAD" extract --help;    expect_rc 0; expect_out "usage: crossread extract"
run "$CROSSREAD";                   expect_rc 2
run "$CROSSREAD" frobnicate;        expect_rc 2; expect_err "^crossread: unknown command 'frobnicate'"
run "$CROSSREAD" digest;            expect_rc 2; expect_err "needs at least one PATH"
run "$CROSSREAD" digest --format xml x; expect_rc 2; expect_err "unknown format 'xml'"
run "$CROSSREAD" digest --words 0 x;    expect_rc 2
run "$CROSSREAD" digest --bogus x;      expect_rc 2; expect_err "unknown option '--bogus'"
run "$CROSSREAD" digest --out;          expect_rc 2; expect_err "needs FILE"

# a good input in every format
printf 'Quiet Harbor Reopens\n\nThe harbor of Port Elwin reopened on Monday after a storm. Ferries resumed at noon, officials said.\n' > "$T/a.txt"
for f in json md text html; do
  run "$CROSSREAD" digest --format $f "$T/a.txt"; expect_rc 0
done
run "$CROSSREAD" digest "$T/a.txt"
expect_rc 0
echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["crossread"]==1 and len(d["articles"])==1 and d["articles"][0]["words"]>=15, d' \
  || fail "digest JSON is not the contract's shape"
run "$CROSSREAD" digest --format html "$T/a.txt"
expect_out "<!DOCTYPE html>"
run "$CROSSREAD" digest --out "$T/out.json" "$T/a.txt"; expect_rc 0
[ -s "$T/out.json" ] || fail "--out wrote nothing"
[ -z "$OUT" ] || fail "--out still wrote to stdout"

# --stats: one line per stage on standard error, the digest untouched
run "$CROSSREAD" digest --stats --format text "$T/a.txt"; expect_rc 0
expect_err "^extract +1 "; expect_err "^summary +1 "; expect_err "^documents hold [0-9]+ bytes"
expect_out "1 article"

# standard input
OUT=$(printf 'The council approved the budget on Tuesday. It takes effect in May.\n' | "$CROSSREAD" digest --format text - 2>"$T/err"); rc=$?
[ $rc -eq 0 ] || fail "stdin digest rc=$rc"
echo "$OUT" | grep -q "1 article" || fail "stdin article not read"

# extract
run "$CROSSREAD" extract "$T/a.txt"; expect_rc 0; expect_out "harbor of Port Elwin"
run "$CROSSREAD" extract --format json "$T/a.txt"; expect_rc 0
echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert "harbor" in d["text"], d' || fail "extract JSON"
run "$CROSSREAD" extract "$T/a.txt" "$T/a.txt"; expect_rc 2

# exit statuses: 1 when some inputs were rejected, 3 when nothing was read
: > "$T/empty.txt"
run "$CROSSREAD" digest "$T/a.txt" "$T/empty.txt"; expect_rc 1
expect_err "^crossread: $T/empty.txt: empty input$"
run "$CROSSREAD" digest "$T/empty.txt"; expect_rc 3
run "$CROSSREAD" digest "$T/does-not-exist"; expect_rc 3
expect_err "^crossread: $T/does-not-exist: cannot open: No such file or directory$"
done_tests
