#!/usr/bin/env bash
# A store larger than one read (BRIEFMAP_STORE_WINDOW_EVENTS set low by the test) in the real window:
# after the first read, the window reads the area in view and a year around the slider; Home moves the
# slider years back, and the window reads that year. Writes OUTDIR/trace.jsonl and screenshots.
# Usage: scripts/store-read-session.sh BRIEFMAP_BINARY OUTDIR PG:ADDRESS
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2" --data "$3"
xdotool mousemove 800 450
wait_for '"store_area_read"'
shot first-read.png
key Home 1
wait_count '"store_area_read"' 2
shot second-read.png
end_session
