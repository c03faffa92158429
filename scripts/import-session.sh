#!/usr/bin/env bash
# Imports a data file from the real window (xdotool): starts on the seed briefing with the import
# dialog open on PATH (--import), takes a screenshot of the dialog, presses Enter to import, waits for
# the map to show the file, and takes another. Writes OUTDIR/trace.jsonl (the app's --trace) and,
# when xwd and netpbm are installed, OUTDIR/dialog.png and OUTDIR/imported.png.
# Needs an X display (run under `xvfb-run -a -s "-screen 0 1600x900x24"`) and xdotool.
# Usage: scripts/import-session.sh BRIEFMAP_BINARY OUTDIR PATH
set -euo pipefail
source "$(dirname "$0")/window-session-lib.sh"
OUT=$(realpath -m "$2")
start_session "$1" "$OUT" --import "$(realpath "$3")"
shot dialog.png
enter_until '"action":"imported"' 
sleep 1
shot imported.png
end_session
