#!/usr/bin/env bash
# A fresh install from a release archive, as a user would make it (run by ./mvnw verify in releng/org.bulwark.product):
#   bash releng/test-dist.sh bulwark-<version>-linux.gtk.x86_64.tar.gz
# Unpacks it into an empty directory and, with a fresh HOME, runs its bin/bulwark: --version names the release,
# `assess --no-store --format json` writes a report, without a Java runtime it says what is missing, and the systemd
# units it ships are valid (systemd-analyze verify).
set -euo pipefail
archive="${1:?usage: $0 ARCHIVE.tar.gz}"
[ -f "$archive" ] || { echo "test-dist: no archive $archive" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-dist.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "test-dist: FAILED: $*" >&2; exit 1; }

tar --warning=no-unknown-keyword -xzf "$archive" -C "$work"
top="$(find "$work" -mindepth 1 -maxdepth 1 -type d)"
[ "$(echo "$top" | wc -l)" = 1 ] || fail "the archive has more than one top folder: $top"
bin="$top/bin/bulwark"
[ -x "$bin" ] || fail "no executable bin/bulwark in $(basename "$top")"
version="$(basename "$archive" | sed -n 's/^bulwark-\([0-9][0-9.]*[0-9]\)-.*/\1/p')"

mkdir -p "$work/home"
run() { (cd "$work" && HOME="$work/home" BULWARK_DATA= BULWARK_DB= BULWARK_PLUGINS= "$@"); }

out="$(run "$bin" --version)" || fail "--version: exit $?"
[ "$(echo "$out" | head -n 1)" = "Bulwark $version" ] || fail "--version says '$out', not Bulwark $version"

set +e
run "$bin" assess --no-store --format json -o "$work/report.json" 2> "$work/assess.err"
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 4 ] || fail "assess exited $code: $(cat "$work/assess.err")"
grep -q '"format"' "$work/report.json" || fail "assess wrote no JSON report"
controls="$(grep -o '"state" : "[A-Z_]*"' "$work/report.json" | wc -l)"
[ "$controls" -gt 100 ] || fail "the report has $controls results: the content is not installed"
[ ! -e "$work/home/.bulwark/bulwark.mv.db" ] || fail "--no-store stored something"

# the plug-in folder and the store agree on the data directory: $XDG_DATA_HOME/bulwark for a new user who sets it;
# and a service without HOME still starts
mkdir -p "$work/home2" "$work/xdg"
xrun() { (cd "$work" && HOME="$work/home2" XDG_DATA_HOME="$work/xdg" BULWARK_DATA= BULWARK_DB= BULWARK_PLUGINS= "$@"); }
xrun "$bin" plugins --format json > "$work/plugins.json" || fail "plugins: exit $?"
grep -q "\"path\" *: *\"$work/xdg/bulwark/plugins\"" "$work/plugins.json" \
  || fail "the plug-in folder is not in \$XDG_DATA_HOME/bulwark: $(grep -o '"path"[^,]*' "$work/plugins.json" | head -n 1)"
set +e
xrun "$bin" assess --format json -o "$work/stored.json" 2> "$work/stored.err"
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 4 ] || fail "assess (stored) exited $code: $(cat "$work/stored.err")"
[ -f "$work/xdg/bulwark/bulwark.mv.db" ] || fail "the store is not in \$XDG_DATA_HOME/bulwark: $(cat "$work/stored.err")"
[ ! -e "$work/home2/.bulwark" ] || fail "~/.bulwark was created although \$XDG_DATA_HOME is set"
# one short process after another on the same store, as people use it: what was stored stays (with H2's
# RETENTION_TIME at 2 s, the fifth `history` after four assessments found none)
for i in 2 3 4; do
  xrun "$bin" assess --format json -o "$work/stored-$i.json" 2> /dev/null || [ $? = 4 ] || fail "assess $i: exit $?"
done
for i in 1 2 3 4 5; do
  sleep 1
  found="$(xrun "$bin" history 2> /dev/null | tail -n 1)"
  [ "$found" = "4 assessments" ] || fail "history $i after 4 assessments says '$found'"
done
(cd "$work" && env -u HOME "$bin" --version > /dev/null) || fail "without HOME: exit $?"

# `serve` from the archive answers its health check, and the secrets the launcher is given reach Java through the
# environment: they are in no process's command line (anyone on the machine can read those)
mkdir -p "$work/srv"
(cd "$work" && HOME="$work/home" BULWARK_DATA="$work/srv" BULWARK_DB= BULWARK_PLUGINS= \
  BULWARK_TOKEN=bwk_secret_marker_token BULWARK_TRUSTED_PASSWORD=secret_marker_password \
  exec "$bin" serve --port 0 2> "$work/serve.err") &
serve_pid=$!
stop_serve() { kill -TERM "$serve_pid" 2> /dev/null || true; wait "$serve_pid" 2> /dev/null || true; }
port=""
for _ in $(seq 1 120); do
  port="$(sed -n 's#^bulwark: serving http://127.0.0.1:\([0-9]*\)/api.*#\1#p' "$work/serve.err" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$serve_pid" 2> /dev/null || break
  sleep 0.5
done
[ -n "$port" ] || { stop_serve; fail "serve did not start: $(cat "$work/serve.err")"; }
health="$(exec 3<> "/dev/tcp/127.0.0.1/$port" && printf 'GET /api/health HTTP/1.0\r\n\r\n' >&3 && cat <&3)" || true
checked=0
for pid in "$serve_pid" $(pgrep -P "$serve_pid" || true); do
  checked=$((checked + 1))
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q "secret_marker"; then
    stop_serve
    fail "a secret is on the command line of process $pid"
  fi
done
stop_serve
[ "$checked" -gt 1 ] || fail "no running launcher found to check for secrets on its command line"
case "$health" in *'"UP"'*) ;; *) fail "serve: /api/health answered '$health'" ;; esac

# a machine without Java: every command of this one but java on the PATH, no JAVA_HOME
mkdir "$work/nojava"
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
  name="$(basename "$f")"
  case "$name" in java|java[0-9]*) continue ;; esac
  [ -e "$work/nojava/$name" ] || ln -s "$f" "$work/nojava/$name"
done
set +e
msg="$(cd "$work" && env -i HOME="$work/home" PATH="$work/nojava" /bin/bash "$bin" --version 2>&1)"
code=$?
set -e
[ "$code" = 1 ] || fail "without Java: exit $code, not 1 ($msg)"
case "$msg" in *"needs Java 17 or later"*) ;; *) fail "without Java: '$msg'" ;; esac

# the systemd units: in the archive, and valid for systemd (unknown keys or values are only warnings there, so any
# output fails), with the launcher path pointed at this unpack (verify checks that ExecStart is executable)
units=0
for unit in bulwark-server.service bulwark-agent.service bulwark-agent.timer; do
  [ -f "$top/lib/systemd/$unit" ] || fail "no lib/systemd/$unit in the archive"
  units=$((units + 1))
done
if command -v systemd-analyze > /dev/null; then
  mkdir "$work/units"
  for unit in "$top"/lib/systemd/*.service "$top"/lib/systemd/*.timer; do
    sed "s#/opt/bulwark/bin/bulwark#$bin#g" "$unit" > "$work/units/$(basename "$unit")"
  done
  out="$(cd "$work/units" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no ./*.service ./*.timer 2>&1)" \
    || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
elif [ -n "${CI:-}" ]; then
  fail "systemd-analyze is missing (README, Prerequisites: systemd)"
fi

echo "test-dist: $(basename "$archive"): $(du -h "$archive" | cut -f1) archive; --version, assess ($controls results," \
  "exit $code for no Java), serve (health, no secret on a command line), $units systemd unit files from a fresh unpack: OK"
