#!/usr/bin/env bash
# Drives the real window through an analyst's use of the articles layer with real clicks (xdotool):
# click a ring at (X, Y), then a sentence in the details panel at (SX, SY), quit. Writes
# OUTDIR/trace.jsonl (the app's --trace) and, when xwd and netpbm are installed, OUTDIR/ring.png and
# OUTDIR/article.png (screenshots of the whole window, panels included).
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/mentions-session.sh BRIEFMAP_BINARY OUTDIR X Y SX SY
set -euo pipefail
BIN=$(realpath "$1")
OUT=$2
mkdir -p "$OUT"
cd "$OUT"
"$BIN" --size 1600x900 --trace > trace.jsonl 2> stderr.log &
APP=$!
timeout 30 xdotool search --sync --onlyvisible --name '^briefmap$' > /dev/null
# The briefing and the articles load after the first frame: wait until the panels are up.
sleep 3
shot() { if command -v xwd > /dev/null && command -v pnmtopng > /dev/null; then xwd -root -silent | xwdtopnm 2> /dev/null | pnmtopng > "$1"; fi; }
xdotool mousemove "$3" "$4"; sleep 0.5; xdotool click 1; sleep 1.5
shot ring.png
xdotool mousemove "$5" "$6"; sleep 0.5; xdotool click 1; sleep 1.5
shot article.png
xdotool key ctrl+q
wait "$APP"
