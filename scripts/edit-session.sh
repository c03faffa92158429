#!/usr/bin/env bash
# Edits a briefing in the real window with real key presses (xdotool), as an analyst does: step to
# the first event, E to edit it (the summary has the keyboard), type a new summary, Ctrl+Enter to
# apply; F to fix the location of its place, type a town, Enter to take the gazetteer's best answer;
# Ctrl+Z twice, Ctrl+Shift+Z and Ctrl+Y, Ctrl+S; then Ctrl+Z twice and Ctrl+S again (back to the
# start); Ctrl+F, "Kursk", Enter; Esc; 2 (the second saved view); quit. Writes OUTDIR/trace.jsonl and, when xwd and netpbm are installed, screenshots.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x900x24") and xdotool.
# Usage: scripts/edit-session.sh BRIEFMAP_BINARY OUTDIR BRIEFING.json SUMMARY TOWN
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
summary=$4
town=$5
start_session "$1" "$2" --data "$3"
xdotool mousemove 800 450  # keyboard focus follows the pointer without a window manager
key Home
key Right
key e 1
select_all; xdotool type --delay 20 "$summary"; sleep 0.5
shot editor.png
hold_until '"event_edited"' ctrl Return
key f 1
select_all; xdotool type --delay 20 "$town"; sleep 0.8
shot fix-location.png
hold_until '"place_fixed"' Return
key ctrl+z; key ctrl+z
key ctrl+shift+z; key ctrl+y
key ctrl+s
wait_count '"saved"' 1
cp -f "$3" saved-after-edits.json
shot saved.png
key ctrl+z; key ctrl+z
key ctrl+s
wait_count '"saved"' 2
# Ctrl+F, a place name, Enter: the map flies there; Esc closes the search; 2 shows saved view 2.
key ctrl+f
xdotool type --delay 20 "Kursk"; sleep 0.5
shot search.png
hold_until '"search_choose"' Return
xdotool keydown Escape; sleep 0.6; xdotool keyup Escape; sleep 0.3
key 2 1.5
shot view-2.png
end_session
