#!/usr/bin/env bash
# Edits a briefing opened from the PostGIS store in the real window (xdotool key presses): step to the
# first event, E, type a summary, Ctrl+Enter; the edit is written to the store at once. Then HOOK (a
# shell command: another editor changing the same event in the store) runs, and the same event is
# edited again: the store refuses, the window undoes it and says so. Writes OUTDIR/trace.jsonl and,
# when xwd and netpbm are installed, screenshots.
# Usage: scripts/store-session.sh BRIEFMAP_BINARY OUTDIR PG:ADDRESS SUMMARY SECOND_SUMMARY HOOK
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
address=$3
summary=$4
second=$5
hook=$6
start_session "$1" "$2" --data "$address"
xdotool mousemove 800 450  # keyboard focus follows the pointer without a window manager
key Home
key Right
key e 1
select_all; xdotool type --delay 20 "$summary"; sleep 0.5
hold_until '"event_edited"' ctrl Return
wait_for '"store_written"'
shot written.png
bash -c "$hook"
key e 1
select_all; xdotool type --delay 20 "$second"; sleep 0.5
hold_until '"store_conflict"' ctrl Return
shot conflict.png
end_session
