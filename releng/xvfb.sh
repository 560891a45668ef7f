#!/usr/bin/env bash
# Prints an X display for the UI tests: $DISPLAY when set, else a private Xvfb started here on the first free
# display number from :90. The Xvfb ends when its last client (the test runtime) disconnects (-terminate), and
# after 15 minutes at the latest. Usage: releng/xvfb.sh LOG_DIR
set -euo pipefail
if [ -n "${DISPLAY:-}" ]; then
  echo "$DISPLAY"
  exit 0
fi
command -v Xvfb >/dev/null || { echo "xvfb.sh: Xvfb is not installed (bash releng/install-prerequisites.sh)" >&2; exit 1; }
log_dir="${1:-.}"
mkdir -p "$log_dir"
for n in $(seq 90 140); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  setsid timeout 900 Xvfb ":$n" -screen 0 1440x960x24 -nolisten tcp -terminate >"$log_dir/xvfb.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && { echo ":$n"; exit 0; }
    sleep 0.1
  done
  echo "xvfb.sh: Xvfb did not start on :$n (see $log_dir/xvfb.log)" >&2
  exit 1
done
echo "xvfb.sh: no free display between :90 and :140" >&2
exit 1
