#!/usr/bin/env bash
# Adds articles from the real window (xdotool): opens the Map panel, types PATH into its articles field
# and presses Enter, then types a path that does not exist. Writes OUTDIR/trace.jsonl (the app's
# --trace) and, when xwd and netpbm are installed, OUTDIR/added.png.
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/add-articles-session.sh BRIEFMAP_BINARY OUTDIR PATH
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
OUT=$(realpath -m "$2")
start_session "$1" "$OUT"
xdotool mousemove 24 120; sleep 0.3; xdotool click 1; sleep 0.8      # expand the Map panel
xdotool mousemove 121 349; sleep 0.3; xdotool click 1; sleep 0.5     # its articles field
xdotool type --delay 5 "$3"; sleep 0.3; enter; sleep 3
shot added.png
xdotool mousemove 121 349; sleep 0.3; xdotool click 1; sleep 0.3
xdotool type --delay 5 "$OUT/missing.txt"; sleep 0.3; enter; sleep 1.5
end_session
