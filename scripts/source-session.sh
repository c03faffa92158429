#!/usr/bin/env bash
# Sourcing with the mouse in the real window (xdotool), at the fixed 1600x900 layout: Ctrl+F "15,000
# troops", click the article hit (the reader opens), click the last sentence of the article (it is
# selected), Shift+drag from the Pyongyang marker to the Moscow marker (a new flow sourced to that
# sentence, opened in the editor), Ctrl+S; quit. Writes OUTDIR/trace.jsonl and, when xwd and netpbm
# are installed, OUTDIR/selected.png, OUTDIR/dragging.png and OUTDIR/flow-added.png.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x900x24") and xdotool.
# Usage: scripts/source-session.sh BRIEFMAP_BINARY OUTDIR BRIEFING.json
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2" --data "$3"
xdotool mousemove 800 450
xdotool key ctrl+f; sleep 0.6
xdotool type --delay 20 "15,000 troops"; sleep 1.5
xdotool mousemove 769 177 click 1               # the first hit in the articles
wait_for '"search_choose"'
sleep 1.5                                       # the reader opens on the next frame
xdotool mousemove 769 587 click 1               # the article's last sentence
wait_for '"sentence_selected"'
xdotool mousemove 1200 800; sleep 0.3
shot selected.png
xdotool mousemove 1321 609; sleep 0.3            # Pyongyang's marker
xdotool keydown shift; xdotool mousedown 1; sleep 0.8  # a slow build takes a frame or two to see the press
for x in 1200 1000 800 600 400 250; do xdotool mousemove "$x" 400; sleep 0.15; done
xdotool mousemove 220 297; sleep 0.8             # Moscow's marker
shot dragging.png
xdotool mouseup 1; xdotool keyup shift
wait_for '"flow_added"'
xdotool mousemove 1200 800; sleep 0.5
shot flow-added.png
xdotool keydown ctrl s
wait_for '"saved"'
xdotool keyup s ctrl
end_session
