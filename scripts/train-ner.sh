#!/usr/bin/env bash
# train-ner.sh rebuilds alam's default tagger model, extract/nermodel/ner.model,
# from the train splits only:
#   - ANERcorp train (../shared/data/anercorp/train.txt, CAMeL-style split,
#     3,963 sentences): its first 90% of sentences (in order) are trained on,
#     its last 10% are the dev split on which the temperature of the model's
#     probabilities is chosen and the settings below were chosen;
#   - AQMAR train (../shared/data/aqmar/stanza_split/train.txt, 1,880
#     sentences), all trained on.
# No test split is read. The model's features read what the gazetteer and
# the rules find, so rerun this when they change (the model stays valid but
# learned from the old hints), and always when nerfeat.Version changes.
# The same data and settings give the same file, byte for byte; the script
# prints its SHA-256.
#
#   scripts/train-ner.sh              # writes extract/nermodel/ner.model
#   OUT=/tmp/x.model scripts/train-ner.sh
#
# Settings (env): EPOCHS (8), BITS (18), SEED (1), PRUNE (0.1), DATA
# (../shared/data). The tagger is a linear-chain CRF (AdaGrad rate 1, L2 3,
# weights averaged over all steps: alam train ner's defaults), chosen by
# 5-fold CV over ANERcorp train (crf11, +0.6 points over the perceptron) and
# on both dev splits, the full default path (default11); weights below 0.1
# are dropped (about 102k left, as many as the perceptron kept: the same
# extraction speed; 0.01 keeps 386k and costs some 10% of the extractor's
# time for 0.6 more dev points). See docs/QUALITY.md. Until 2026-12-07 the
# model was an averaged perceptron (--algorithm perceptron, 6 epochs,
# prune 1).
set -euo pipefail
cd "$(dirname "$0")/.."

data=${DATA:-../shared/data}
epochs=${EPOCHS:-8}
bits=${BITS:-18}
seed=${SEED:-1}
prune=${PRUNE:-0.1}
out=${OUT:-extract/nermodel/ner.model}
an=$data/anercorp/train.txt
aq=$data/aqmar/stanza_split/train.txt
for f in "$an" "$aq"; do
	[ -f "$f" ] || { echo "train-ner.sh: $f: no such file (see $data/*/SOURCE.md)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Sentences are separated by blank lines; paragraph mode reads one a record.
n=$(awk 'BEGIN { RS = "" } END { print NR }' "$an")
cut=$((n * 9 / 10))
awk -v cut="$cut" 'BEGIN { RS = ""; ORS = "\n\n" } NR <= cut' "$an" >"$work/anercorp-train-90.txt"
awk -v cut="$cut" 'BEGIN { RS = ""; ORS = "\n\n" } NR > cut' "$an" >"$work/anercorp-train-dev-10.txt"
cp "$aq" "$work/aqmar-train.txt"
echo "train-ner.sh: ANERcorp train: $n sentences, $cut trained on, $((n - cut)) dev; AQMAR train: $(awk 'BEGIN { RS = "" } END { print NR }' "$aq") sentences"
sha256sum "$an" "$aq"

go build -o "$work/alam" ./cmd/alam
# Relative names: they are stored in the model (tagger.Info.Data).
(cd "$work" && ./alam train ner --algorithm crf --rate 1 --l2 3 --average anercorp-train-90.txt aqmar-train.txt \
	--dev anercorp-train-dev-10.txt --epochs "$epochs" --bits "$bits" --seed "$seed" --prune "$prune" \
	--data-note "ANERcorp train split (CAMeL Lab), CC BY-SA 4.0, first 90% of sentences" \
	--data-note "AQMAR train split (Stanza's), CC BY-SA 3.0" \
	-o ner.model)
cp "$work/ner.model" "$out"
ls -l "$out"
sha256sum "$out"
