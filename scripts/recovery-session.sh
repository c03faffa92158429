#!/usr/bin/env bash
# Unsaved work survives a kill: edits an event's summary in the real window (E, type, Ctrl+Enter),
# waits until the recovery copy is written, kills the window with SIGKILL, starts it again, answers
# the recovery question with Enter, saves (Ctrl+S); then makes a second edit and quits with Ctrl+Q,
# answering the unsaved-changes question with D (don't save). Writes OUTDIR/trace.jsonl (both runs)
# and, when xwd and netpbm are installed, OUTDIR/recover-prompt.png and OUTDIR/quit-prompt.png.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x900x24") and xdotool.
# Usage: scripts/recovery-session.sh BRIEFMAP_BINARY OUTDIR BRIEFING.json SUMMARY SECOND_SUMMARY
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
bin=$(realpath "$1")
edit_summary() {
  key Home
  key Right
  key e 1
  select_all
  xdotool type --delay 20 "$1"; sleep 0.5
  hold_until "$2" ctrl Return
}
start_session "$bin" "$2" --data "$3"
xdotool mousemove 800 450
edit_summary "$4" '"event_edited"'
for _ in $(seq 1 100); do grep -q '"recovery_written"' trace.jsonl && break; sleep 0.1; done
kill -9 "$APP"
wait "$APP" 2> /dev/null || true
mv trace.jsonl trace-killed.jsonl
start_session "$bin" . --data "$3"
xdotool mousemove 800 450
sleep 0.5
shot recover-prompt.png
hold_until '"recovered"' Return
hold_until '"saved"' ctrl s
edit_summary "$5" '"event_edited"'
xdotool key ctrl+q
for _ in $(seq 1 100); do grep -q '"quit_prompt"' trace.jsonl && break; sleep 0.1; done
sleep 0.5
shot quit-prompt.png
xdotool keydown d
for _ in $(seq 1 100); do kill -0 "$APP" 2> /dev/null || break; sleep 0.1; done
xdotool keyup d
wait "$APP"
