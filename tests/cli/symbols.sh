#!/usr/bin/env bash
# Every global symbol libcrossread defines is crossread_* (public) or cr_*
# (internal, hidden); the shared library exports only crossread_*.
set -u
. "$(dirname "$0")/common.inc"
lib="$CROSSREAD_BUILD/libcrossread.a"
so="$CROSSREAD_BUILD/libcrossread.so"
[ -f "$lib" ] || { echo "skipped: $lib not built"; exit 77; }
bad=$(nm -g --defined-only "$lib" 2>/dev/null | awk 'NF==3 {print $3}' | grep -Ev '^(crossread_|cr_|__odr_asan|__asan|__ubsan|__sancov)' | sort -u)
CHECKS=$((CHECKS + 1)); [ -z "$bad" ] || fail "global symbols outside crossread_/cr_: $bad"
exported=$(nm -D --defined-only "$so" | awk 'NF==3 && $2 ~ /[TDBR]/ {print $3}' | grep -v '^_' | sort -u)
notpub=$(printf '%s\n' "$exported" | grep -v '^crossread_' | grep -v '^$')
CHECKS=$((CHECKS + 1)); [ -z "$notpub" ] || fail "shared library exports non-public symbols: $notpub"
CHECKS=$((CHECKS + 1)); printf '%s\n' "$exported" | grep -q '^crossread_engine_new$' || fail "crossread_engine_new not exported"
soname=$(objdump -p "$so" | awk '/SONAME/ {print $2}')
CHECKS=$((CHECKS + 1)); [ "$soname" = "libcrossread.so.0" ] || fail "SONAME is '$soname', expected libcrossread.so.0"
done_tests
