#!/usr/bin/env bash
# Runs every libFuzzer harness in BUILD_DIR for SECONDS on a seed corpus made from the repository's
# own fixtures (copied into BUILD_DIR/corpus/NAME, where new inputs accumulate), with the JSON and
# CSV dictionaries. Prints each harness's final stats; exits non-zero on the first crash, whose input
# is kept in BUILD_DIR/crashes/.
# Usage: scripts/fuzz-smoke.sh BUILD_DIR SECONDS [HARNESS...]
set -euo pipefail
BUILD=$(realpath "$1"); SECONDS_EACH=$2; shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NAMES=("$@")
((${#NAMES[@]})) || NAMES=(briefing_json table_import dates quantities geoparser geocoder drafter html columns tour json_patch)
mkdir -p "$BUILD/crashes"

seed() {  # NAME FILES...: the corpus folder, seeded once
  local dir="$BUILD/corpus/$1"; shift
  [[ -d "$dir" ]] && return
  mkdir -p "$dir"
  for f in "$@"; do [[ -f "$f" ]] && cp "$f" "$dir/$(basename "$f" | tr -c 'A-Za-z0-9._-' _)"; done
}
F="$ROOT/tests/fixtures"
seed briefing_json "$ROOT"/assets/briefings/*.json "$F"/bad/*.json
seed table_import "$F"/import/*.csv "$F"/import/*.tsv "$F"/import/*.geojson "$F"/bad/*.geojson
seed dates "$F"/import/us_dates.csv "$F"/import/acled_export.csv "$F"/import/ucdp_ged.csv
seed quantities "$ROOT"/assets/briefings/articles/*.txt
seed geoparser "$ROOT"/assets/briefings/articles/*.txt
seed geocoder "$F"/import/columns_custom.csv
seed drafter "$ROOT"/assets/briefings/articles/*.txt
seed html "$F"/draft/*.html
seed columns "$F"/import/acled_export.csv "$F"/import/gdelt_events.csv
seed tour "$ROOT"/assets/briefings/*.tour.json
seed json_patch "$ROOT"/assets/briefings/*.json "$F"/import/*.geojson
dict() { case $1 in briefing_json|table_import|tour|json_patch) echo "-dict=$ROOT/fuzz/json.dict" ;; columns) echo "-dict=$ROOT/fuzz/csv.dict" ;; esac; }

for name in "${NAMES[@]}"; do
  echo "== fuzz_$name for ${SECONDS_EACH}s"
  log="$BUILD/fuzz_$name.log"
  status=0
  # shellcheck disable=SC2046
  "$BUILD/fuzz/fuzz_$name" "$BUILD/corpus/$name" $(dict "$name") -max_total_time="$SECONDS_EACH" -max_len=65536 \
    -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 -artifact_prefix="$BUILD/crashes/${name}-" > "$log" 2>&1 || status=$?
  grep -E "^stat::|Done [0-9]+ runs|cov: |ERROR|SUMMARY|crash-|timeout-|oom-" "$log" | grep -v "^#.*pulse" | tail -12 || true
  if ((status != 0)) || ls "$BUILD/crashes/${name}-"* > /dev/null 2>&1; then
    tail -30 "$log" >&2
    echo "fuzz_$name: failed (exit $status); inputs in $BUILD/crashes, log $log" >&2
    exit 1
  fi
done
