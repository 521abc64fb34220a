#!/usr/bin/env bash
# The README's examples work as written: its C example compiles against the
# library and digests the example corpus; its CLI examples run.
set -u
. "$(dirname "$0")/common.inc"
src=$CROSSREAD_SRC
b=$CROSSREAD_BUILD
python3 - "$src/README.md" "$T/readme.c" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
blocks = re.findall(r"```c\n(.*?)```", text, re.S)
assert blocks, "no C example in README.md"
open(sys.argv[2], "w").write(blocks[0])
PY
CHECKS=$((CHECKS + 1))
san=""
case "${CROSSREAD_SANITIZE:-OFF}" in ON|on|1|TRUE|true) san="-fsanitize=address,undefined" ;; esac
deps=$(pkg-config --libs gumbo libxml-2.0 libutf8proc jansson libxxhash sqlite3 libcurl icu-uc icu-i18n)
if ! ${CC:-cc} -std=c11 $san -I"$src/include" -I"$b/gen" "$T/readme.c" "$b/libcrossread.a" $deps -lstemmer -lm -lpthread -o "$T/readme" 2>"$T/cc.err"; then
  fail "README C example does not compile: $(head -5 "$T/cc.err")"
else
  run "$T/readme" "$src/examples/corpus"
  expect_rc 0
  expect_out "^# crossread digest( of [0-9-]+)?: [0-9]+ articles"
fi
cd "$src" || exit 1
run "$CROSSREAD" digest examples/corpus --format text; expect_rc 0; expect_out "crossread digest"
run "$CROSSREAD" digest examples/corpus --format json --out "$T/d.json"; expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["articles"] and d["stories"]' "$T/d.json" || fail "README JSON example"
run bash -c "\"$CROSSREAD\" digest --input feed - < examples/corpus/dorvania-release/08-eastline-radio-feed.rss"; expect_rc 0
run "$CROSSREAD" extract --format json examples/corpus/dorvania-release/01-corvane-wire.html; expect_rc 0
done_tests
