#!/usr/bin/env bash
# bench.sh measures `alam extract` end to end: articles/s, MB/s and peak
# memory (maximum resident set) over a corpus directory, with 1 and 2
# workers, with and without topics and keywords. Each setting runs RUNS
# times (default 5) and the median is printed, as the machines are shared
# and noisy: compare ratios measured in one run.
#
# Then it runs cmd/alam-bench (a module of its own): the whole extractor
# and bleve's Arabic analyzer on the same files held in memory, alternating,
# RUNS rounds, and prints both throughputs and the ratio alam/peer for 1 and
# 2 workers.
#
#   scripts/bench.sh [DIR]    # default: ../shared/data/ant_corpus_v2.1_sample
set -euo pipefail

dir=${1:-../shared/data/ant_corpus_v2.1_sample}
runs=${RUNS:-5}
[ -d "$dir" ] || { echo "bench.sh: $dir: no such directory" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

bin=$(mktemp -d)/alam
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/alam
bytes=$(find "$dir" -name '*.txt' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find "$dir" -name '*.txt' -type f | wc -l)
echo "corpus: $dir, $files articles, $bytes bytes; median of $runs runs"
printf '%-28s %10s %12s %10s\n' setting MB/s articles/s "peak MB"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for j in 1 2; do
	for what in "entities" "entities+topics+keywords"; do
		flags=(-j "$j")
		[ "$what" = entities ] && flags+=(--no-taxonomy --keywords 0)
		secs=() rss=()
		for _ in $(seq "$runs"); do
			out=$( { /usr/bin/time -f '%e %M' "$bin" extract "${flags[@]}" "$dir" >/dev/null; } 2>&1 | tail -1)
			secs+=("${out% *}") rss+=("${out#* }")
		done
		s=$(printf '%s\n' "${secs[@]}" | median)
		m=$(printf '%s\n' "${rss[@]}" | median)
		awk -v w="-j $j $what" -v s="$s" -v b="$bytes" -v n="$files" -v m="$m" \
			'BEGIN {printf "%-28s %10.1f %12.0f %10.1f\n", w, b/s/1e6, n/s, m/1024}'
	done
done

echo
echo "peer: alam extract against bleve's Arabic analyzer (cmd/alam-bench)"
abs=$(cd "$dir" && pwd)
(cd cmd/alam-bench && go run . -rounds "$runs" -j 1,2 "$abs")
