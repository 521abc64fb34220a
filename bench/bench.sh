#!/usr/bin/env bash
# make bench: every benchmark section (bench/<name>.sh, each taking the build
# folder) in name order, each printing our figures beside its peers' on the
# same inputs, in the same run. A section adds table rows by appending lines
#   metric|data set|crossread|peer (name: value)|command
# to the file named by $CROSSREAD_BENCH_ROWS. The rows replace the "Measured"
# table in README.md and bench/README.md (between the measured markers).
# Sections skip themselves with a message when ../shared or a peer is missing.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
export CROSSREAD_SHARED=${CROSSREAD_SHARED:-$(cd "$top/.." && pwd)/shared}
export CROSSREAD_BENCH_ROWS=$(mktemp)
export CROSSREAD_BUILD=$(cd "$build" && pwd)
trap 'rm -f "$CROSSREAD_BENCH_ROWS"' EXIT
status=0
for s in "$here"/*.sh; do
  [ "$(basename "$s")" = bench.sh ] && continue
  echo "== $(basename "$s" .sh)"
  bash "$s" "$CROSSREAD_BUILD" || status=1
done
if [ -s "$CROSSREAD_BENCH_ROWS" ]; then
  python3 - "$CROSSREAD_BENCH_ROWS" "$top/README.md" "$here/README.md" <<'PY'
import sys, datetime, platform, os
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.count("|") >= 4]
cpu = "?"
try:
    for l in open("/proc/cpuinfo"):
        if l.startswith("model name"):
            cpu = l.split(":", 1)[1].strip(); break
except OSError:
    pass
table = ["| metric | data set | crossread | peer | command |", "|---|---|---|---|---|"]
table += ["| " + " | ".join(c.strip() for c in r[:5]) + " |" for r in rows]
table.append("")
table.append(f"Measured by `make bench` on {datetime.date.today().isoformat()}, {cpu}, "
             f"{os.cpu_count()} cores; speeds are single-thread.")
block = "\n".join(table)
for path in sys.argv[2:]:
    try:
        text = open(path).read()
    except OSError:
        continue
    b, e = "<!-- measured:begin -->", "<!-- measured:end -->"
    if b in text and e in text:
        head, rest = text.split(b, 1)
        _, tail = rest.split(e, 1)
        open(path, "w").write(head + b + "\n" + block + "\n" + e + tail)
PY
  echo "== table written to README.md and bench/README.md"
fi
exit $status
