# Shared by the scripted window sessions (sourced): starts BIN at 1600x900 with --trace in OUTDIR,
# waits for its window and for the "ready" trace line (the briefing and articles on the map), and
# gives `shot NAME.png` (a screenshot of the whole screen when xwd and netpbm are installed) and
# `enter` (Enter held for a moment as a person presses it: ImGui 1.86 samples keys once per frame,
# so an instant press and release can fall between two frames and be lost).
# Usage (in a script): start_session BRIEFMAP_BINARY OUTDIR [extra app flags...]; ...; end_session
start_session() {
  local bin
  bin=$(realpath "$1")
  mkdir -p "$2"
  cd "$2"
  shift 2
  "$bin" --size 1600x900 --trace "$@" > trace.jsonl 2> stderr.log &
  APP=$!
  timeout 30 xdotool search --sync --onlyvisible --name 'briefmap$' > /dev/null
  for _ in $(seq 1 600); do grep -q '"action":"ready"' trace.jsonl 2> /dev/null && break; sleep 0.1; done
  sleep 0.5
}
end_session() { xdotool key ctrl+q; wait "$APP"; }
shot() { if command -v xwd > /dev/null && command -v pnmtopng > /dev/null; then xwd -root -silent | xwdtopnm 2> /dev/null | pnmtopng > "$1"; fi; }
enter() { xdotool keydown Return; sleep 0.1; xdotool keyup Return; }
# Enter held until the trace shows PATTERN (at most 30 s): a slow build (ASan, a busy machine) draws
# a frame a second or slower, and a short press would fall between two frames.
enter_until() {
  xdotool keydown Return
  for _ in $(seq 1 300); do grep -q "$1" trace.jsonl 2> /dev/null && break; sleep 0.1; done
  xdotool keyup Return
}
