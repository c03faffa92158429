#!/usr/bin/env bash
# Drives the real window through a presenter's session with real key presses (xdotool): step through
# events, change speed, screenshot, step back, play and pause, jump to the end, hide the panels,
# screenshot, quit. Writes OUTDIR/trace.jsonl (the app's --trace) and the screenshots into OUTDIR.
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/presenter-session.sh BRIEFMAP_BINARY OUTDIR
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2" --time 2019-01-01
xdotool mousemove 800 250  # keyboard focus follows the pointer without a window manager
key() { xdotool key "$1"; sleep "${2:-0.6}"; }
key Right; key Right; key Right
key Up
key F12 1.5
key Left
key F12 1.5
key space 1.5
key space
key End
key h
key F12 1.5
end_session
