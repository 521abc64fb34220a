#!/usr/bin/env bash
# The five seed articles (../shared/corpus/seeds) report one event: the
# digest must form exactly one story holding all five, with a title.
set -u
shared=${CROSSREAD_SHARED:-}
seeds=$shared/corpus/seeds
if [ -z "$shared" ] || [ ! -d "$seeds" ]; then
  echo "skipped: ../shared/corpus/seeds not found (set CROSSREAD_SHARED)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
"$CROSSREAD" digest "$seeds" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
arts = [a["id"] for a in d["articles"]]
stories = d["stories"]
for s in stories:
    print("%s (%d articles): %s" % (s["id"], len(s["articles"]), s["title"]))
ok = (len(arts) == 5 and len(stories) == 1 and
      sorted(stories[0]["articles"]) == sorted(arts) and stories[0]["title"] and
      all(a["story"] == stories[0]["id"] for a in d["articles"]))
print("ok" if ok else "FAILED: the five seeds must form one story")
sys.exit(0 if ok else 1)
'
