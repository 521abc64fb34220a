#!/bin/sh
# Install the Debian 12 packages crossread needs, only those missing.
#   scripts/install-deps.sh            build + test dependencies
#   scripts/install-deps.sh --bench    also the benchmark tools (hyperfine, node)
#   scripts/install-deps.sh --fuzz     also clang's libFuzzer runtime
set -e
pkgs="build-essential cmake pkg-config re2c libgumbo-dev libxml2-dev libutf8proc-dev
libstemmer-dev libsqlite3-dev libcurl4-openssl-dev libjansson-dev libxxhash-dev
libicu-dev zlib1g-dev libmicrohttpd-dev libespeak-ng-dev python3 wordnet-base"
case "$1" in
  --bench) pkgs="hyperfine nodejs npm" ;;
  --fuzz) pkgs="clang libclang-rt-14-dev" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
# a machine with node from elsewhere does not need Debian's
case "$missing" in *nodejs*|*npm*) command -v node >/dev/null && command -v npm >/dev/null &&
  missing=$(echo "$missing" | sed 's/ nodejs//; s/ npm//') ;; esac
[ -z "$(echo $missing)" ] && exit 0
echo "crossread: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
