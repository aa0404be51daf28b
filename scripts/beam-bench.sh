#!/usr/bin/env bash
# beam-bench.sh: alam extract -j 2 beside alam-beam on Prism, on the same
# files, alternating, 3 rounds; each command under /usr/bin/time (wall,
# CPU, peak memory). Figures in docs/SCALING.md. Run it under the bench
# lock from the repository's root:
#
#   flock /tmp/alam-bench.lock scripts/beam-bench.sh ../shared/data/ant_corpus_v2.1_sample
#
# DIR holds .txt articles two folders down (split/category/*.txt); a JSON
# Lines copy of them is written to a temporary folder, never to the repo.
set -euo pipefail
dir=$(cd "${1:?usage: beam-bench.sh DIR}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/alam" ./cmd/alam
(cd cmd/alam-beam && go build -o "$tmp/alam-beam" .)
python3 - "$dir" "$tmp/ant.jsonl" <<'PY'
import glob, json, sys
with open(sys.argv[2], "w") as f:
    for p in sorted(glob.glob(sys.argv[1] + "/*/*/*.txt")):
        text = open(p, encoding="utf-8").read()
        f.write(json.dumps({"id": p.rsplit("/", 1)[1][:-4], "text": text}, ensure_ascii=False) + "\n")
PY
cd "$tmp"
for r in 1 2 3; do
  /usr/bin/time -f "alam-text round $r: %e s, %U user, %S sys, %M KB" ./alam extract -j 2 "$dir" >alam-text.jsonl
  rm -rf beam-text
  /usr/bin/time -f "beam-text round $r: %e s, %U user, %S sys, %M KB" ./alam-beam --input "$dir/*/*/*.txt" --output beam-text/r 2>&1 | grep -E "round|^alam-beam"
  /usr/bin/time -f "alam-jsonl round $r: %e s, %U user, %S sys, %M KB" ./alam extract --input jsonl -j 2 ant.jsonl >alam-jsonl.jsonl
  rm -rf beam-jsonl
  /usr/bin/time -f "beam-jsonl round $r: %e s, %U user, %S sys, %M KB" ./alam-beam --input ant.jsonl --input-format jsonl --block-mib 1 --output beam-jsonl/r 2>&1 | grep -E "round|^alam-beam"
done
# The records must be the same, source by source.
python3 - <<'PY'
import glob, json
def load(paths):
    d = {}
    for p in paths:
        for line in open(p, encoding="utf-8"):
            d[json.loads(line)["source"]] = line
    return d
for a, b in [("alam-text.jsonl", "beam-text/r-*.jsonl"), ("alam-jsonl.jsonl", "beam-jsonl/r-*.jsonl")]:
    x, y = load([a]), load(glob.glob(b))
    same = sum(1 for k in x if x[k] == y.get(k))
    print(f"{a}: {len(x)} records, alam-beam {len(y)}, identical {same}")
PY
