#!/usr/bin/env bash
# Drives the real window under Xvfb like a presenter would (long drags, wheel zooms) and prints the
# app's frame-time statistics. Needs xvfb, xdotool, x11-apps and netpbm; optional, not part of CI.
# Usage: scripts/interactive-session.sh [SCREENSHOT.png]
set -euo pipefail
BIN=${BRIEFMAP_BIN:-build/briefmap}
DISPLAY_NUM=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=$DISPLAY_NUM
sleep 1
"$BIN" --size 1920x1080 --timing > /tmp/briefmap-session.log 2>&1 &
APP=$!
sleep 2.5
drag() {  # drag by (dx, dy) pixels in 40 steps
  xdotool mousemove 960 540 mousedown 1
  for _ in $(seq 1 40); do xdotool mousemove_relative -- "$1" "$2"; sleep 0.016; done
  xdotool mouseup 1
}
drag -12 3; sleep 0.4
xdotool mousemove 1300 600; for _ in 1 2 3 4; do xdotool click 4; sleep 0.08; done; sleep 1.2
drag 10 -6; sleep 0.4
for _ in 1 2 3; do xdotool click 5; sleep 0.1; done; sleep 1.2
drag -20 0; sleep 0.8
if [[ $# -ge 1 ]]; then xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$1"; fi
xdotool key ctrl+q
wait $APP
cat /tmp/briefmap-session.log
