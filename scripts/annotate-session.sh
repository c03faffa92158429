#!/usr/bin/env bash
# Annotates a briefing in the real window (xdotool), as a presenter preparing a slide: M and a drag
# measure a geodesic distance; the Annotations panel keeps it as a ruler; the Range ring tool and a
# click put a 500 km ring on the map; Ctrl+S; Ctrl+Z takes the ring away; Ctrl+S again. Writes
# OUTDIR/trace.jsonl, saved-with-annotations.json, saved-after-undo.json and, when xwd and netpbm are
# installed, screenshots. The briefing opens framed on its view; the drag runs over open sea.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x900x24") and xdotool.
# Usage: scripts/annotate-session.sh BRIEFMAP_BINARY OUTDIR BRIEFING.json
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2" --data "$3" --time 2024-07-01
xdotool mousemove 800 450  # keyboard focus follows the pointer without a window manager
key m
xdotool mousedown 1; sleep 0.3
for x in 850 900 950 1000 1050 1100; do xdotool mousemove "$x" 450; sleep 0.15; done
sleep 0.3
shot measuring.png
xdotool mouseup 1
wait_count '"measure"' 1
xdotool mousemove 24 214; sleep 0.3; xdotool click 1; sleep 0.8       # expand the Annotations panel
xdotool mousemove 253 294; sleep 0.3; xdotool click 1                  # Keep as ruler
wait_count '"annotate"' 1
xdotool mousemove 198 253; sleep 0.3; xdotool click 1; sleep 0.5      # the Range ring tool
xdotool mousemove 1300 250; sleep 0.3; xdotool click 1                 # its centre
wait_count '"annotate"' 2
shot annotated.png
key ctrl+s
wait_count '"saved"' 1
cp -f "$3" saved-with-annotations.json
key ctrl+z
key ctrl+s
wait_count '"saved"' 2
cp -f "$3" saved-after-undo.json
end_session
