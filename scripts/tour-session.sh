#!/usr/bin/env bash
# Walks the seed briefing's tour in the real window with real key presses (xdotool): Page Down twice
# (each step's view, moment and caption), a screenshot of the window, Ctrl+E to export a video in the
# background (waits for it while the window keeps drawing), Page Up, quit. Writes OUTDIR/trace.jsonl
# (the app's --trace), the video into OUTDIR and, when xwd and netpbm are installed, OUTDIR/tour.png.
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/tour-session.sh BRIEFMAP_BINARY OUTDIR
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2"
xdotool mousemove 800 250  # keyboard focus follows the pointer without a window manager
key() { xdotool key "$1"; sleep "${2:-0.8}"; }
key Next; key Next 2
shot tour.png
key ctrl+e 1
for _ in $(seq 1 1500); do grep -q '"action":"video_\(exported\|failed\)"' trace.jsonl 2> /dev/null && break; sleep 0.1; done
key Prior
end_session
