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
# A key pressed and released (for keys the app reads from its GLFW queue), then a pause.
key() { xdotool key "$1"; sleep "${2:-0.6}"; }
# Keys held until the trace shows PATTERN (at most 30 s): for what ImGui reads from its per-frame key
# state (Ctrl+Enter, Enter in a field, a prompt's keys), which a tap between two frames would miss.
hold_until() {
  local pattern=$1
  shift
  xdotool keydown "$@"
  for _ in $(seq 1 300); do grep -q "$pattern" trace.jsonl 2> /dev/null && break; sleep 0.1; done
  xdotool keyup "$@"
  sleep 0.3
}
# Waits (at most 30 s) until the trace shows PATTERN.
wait_for() { for _ in $(seq 1 300); do grep -q "$1" trace.jsonl 2> /dev/null && break; sleep 0.1; done; }
# Waits (at most 30 s) until the trace shows PATTERN at least N times.
wait_count() { for _ in $(seq 1 300); do (($(grep -c "$1" trace.jsonl 2> /dev/null || true) >= $2)) && break; sleep 0.1; done; }
# Ctrl+A in a text field, held long enough for a slow (sanitizer) build to see it in a frame.
select_all() { xdotool keydown ctrl a; sleep 0.8; xdotool keyup a ctrl; sleep 0.2; }
