#!/usr/bin/env bash
# Drives the real window through an analyst's use of the articles layer with real clicks (xdotool):
# click a ring at (X, Y), then a sentence in the details panel at (SX, SY), quit. Writes
# OUTDIR/trace.jsonl (the app's --trace) and, when xwd and netpbm are installed, OUTDIR/ring.png and
# OUTDIR/article.png (screenshots of the whole window, panels included).
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/mentions-session.sh BRIEFMAP_BINARY OUTDIR X Y SX SY
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2"
xdotool mousemove "$3" "$4"; sleep 0.5; xdotool click 1; sleep 1.5
shot ring.png
xdotool mousemove "$5" "$6"; sleep 0.5; xdotool click 1; sleep 1.5
shot article.png
end_session
