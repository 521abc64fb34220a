#!/usr/bin/env bash
# make install with DESTDIR stages the program, the versioned shared library,
# the header, the man page, crossread.pc and the CMake package; a program
# built with `pkg-config --cflags --libs crossread` against it runs.
set -u
. "$(dirname "$0")/common.inc"
b=$CROSSREAD_BUILD
root="$T/root"
DESTDIR="$root" cmake --install "$b" --prefix /usr/local >/dev/null 2>"$T/inst.err" || fail "cmake --install failed: $(cat "$T/inst.err")"
for f in bin/crossread include/crossread.h include/crossread_version.h include/crossread_export.h \
         lib/libcrossread.a lib/libcrossread.so.0 lib/pkgconfig/crossread.pc \
         lib/cmake/crossread/crossreadConfig.cmake share/man/man1/crossread.1; do
  CHECKS=$((CHECKS + 1))
  [ -e "$root/usr/local/$f" ] || fail "not installed: $f"
done
pc="$root/usr/local/lib/pkgconfig"
CHECKS=$((CHECKS + 1))
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --define-variable=prefix="$root/usr/local" --cflags --libs crossread) \
  || fail "pkg-config crossread failed"
san=""
case "${CROSSREAD_SANITIZE:-OFF}" in ON|on|1|TRUE|true) san="-fsanitize=address,undefined" ;; esac
CHECKS=$((CHECKS + 1))
if ${CC:-cc} $san "$CROSSREAD_SRC/examples/embed.c" $flags -o "$T/embed" 2>"$T/cc.err"; then
  run env LD_LIBRARY_PATH="$root/usr/local/lib" "$T/embed" "$CROSSREAD_SRC/examples/corpus/valmora-release"
  expect_rc 0; expect_out "crossread digest( of [0-9-]+)?: 2 articles"
else
  fail "examples/embed.c does not build against the installed library: $(head -3 "$T/cc.err")"
fi
done_tests
