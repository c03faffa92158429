#!/usr/bin/env bash
# Reviews drafts in the real window with real key presses (xdotool): Ctrl+O, the path of an article,
# Ctrl+Enter drafts it in the background; then N (the weakest draft), A (accept; on to the next),
# R (reject), Ctrl+S; quit. Writes OUTDIR/trace.jsonl and, when xwd and netpbm are installed,
# OUTDIR/add-articles.png and OUTDIR/review.png.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x900x24") and xdotool.
# Usage: scripts/review-session.sh BRIEFMAP_BINARY OUTDIR BRIEFING.json ARTICLE
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
start_session "$1" "$2" --data "$3"
xdotool mousemove 800 450
key ctrl+o 1
xdotool type --delay 10 "$4"; sleep 0.5
shot add-articles.png
hold_until '"drafting"' ctrl Return
for _ in $(seq 1 300); do grep -q '"articles_drafted"\|"drafting_failed"' trace.jsonl && break; sleep 0.1; done
sleep 0.5
key n 1
shot review.png
key a 1
key r 1
hold_until '"saved"' ctrl s
end_session
