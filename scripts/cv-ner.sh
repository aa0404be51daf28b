#!/usr/bin/env bash
# cv-ner.sh cross-validates the default tagger's features and settings over
# ANERcorp train, the way scripts/train-ner.sh trains the default: five
# contiguous fifths of ANERcorp train (../shared/data/anercorp/train.txt),
# each the dev split of a model trained on the other four followed by all
# of AQMAR train, 6 epochs, 2^18 buckets, weights below 1 dropped; seeds 1
# to 3. It prints each model's micro F1 and F1 by type (the model alone,
# exact match) and their means. No test split is read; choose features and
# settings by this mean, not by a test split. One core, about 20 s of CPU.
#
#   scripts/cv-ner.sh
#   SEEDS=1 FOLDS=10 scripts/cv-ner.sh
#
# Settings (env): FOLDS (5), SEEDS (1,2,3), EPOCHS (6), BITS (18), PRUNE (1),
# DATA (../shared/data); more arguments go to alam train ner.
set -euo pipefail
cd "$(dirname "$0")/.."

data=${DATA:-../shared/data}
an=$data/anercorp/train.txt
aq=$data/aqmar/stanza_split/train.txt
for f in "$an" "$aq"; do
	[ -f "$f" ] || { echo "cv-ner.sh: $f: no such file (see $data/*/SOURCE.md)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/alam" ./cmd/alam
"$work/alam" train ner "$an" "$aq" --algorithm perceptron --folds "${FOLDS:-5}" --cv-seeds "${SEEDS:-1,2,3}" \
	--epochs "${EPOCHS:-6}" --bits "${BITS:-18}" --prune "${PRUNE:-1}" "$@"
