#!/usr/bin/env bash
# Checks the Debian package (run by ./mvnw verify in releng/org.bulwark.product, after build-deb.sh):
#   bash releng/test-deb.sh bulwark_<version>_all.deb
# lintian finds no error and no warning (with the package's own overrides); then, as root in CI (or with
# BULWARK_TEST_DEB_INSTALL=1), the package is installed on this machine with dpkg, used — /usr/bin/bulwark
# --version and assess, the system user, the units for systemd-analyze, the completion for bash — and purged,
# leaving nothing behind. Never over an installed bulwark package.
set -euo pipefail
deb="${1:?usage: $0 bulwark_VERSION_all.deb}"
[ -f "$deb" ] || { echo "test-deb: no package $deb" >&2; exit 1; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
version="$(dpkg-deb -f "$deb" Version)"

checked="lintian skipped (not installed)"
if command -v lintian > /dev/null; then
  out="$(lintian --fail-on error,warning "$deb" 2>&1)" \
    || fail "lintian: $out"
  checked="lintian clean"
elif [ -n "${CI:-}" ]; then
  fail "lintian is missing (README, Prerequisites)"
fi

install=false
if [ "$(id -u)" = 0 ] && { [ -n "${CI:-}" ] || [ "${BULWARK_TEST_DEB_INSTALL:-}" = 1 ]; }; then
  install=true
fi
if $install && dpkg-query -W -f='${Status}' bulwark 2> /dev/null | grep -q "installed"; then
  echo "test-deb: a bulwark package is installed on this machine: not replacing it" >&2
  install=false
fi
if ! $install; then
  echo "test-deb: $(basename "$deb"): $checked; not installed (needs root in CI, or BULWARK_TEST_DEB_INSTALL=1)"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-deb-test.XXXXXX")"
cleanup() { dpkg --purge bulwark > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg.log")"
[ "$(readlink -f /usr/bin/bulwark)" = /usr/lib/bulwark/bin/bulwark ] || fail "/usr/bin/bulwark is not the launcher"
out="$(HOME="$work" /usr/bin/bulwark --version)" || fail "--version: exit $?"
[ "$(echo "$out" | head -n 1)" = "Bulwark $version" ] || fail "--version says '$out', not Bulwark $version"
set +e
(cd "$work" && HOME="$work" BULWARK_DATA= BULWARK_DB= /usr/bin/bulwark assess --no-store --format json \
  -o "$work/report.json" 2> "$work/assess.err")
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 4 ] || fail "assess exited $code: $(cat "$work/assess.err")"
grep -q '"results"' "$work/report.json" || fail "assess wrote no report"
getent passwd bulwark > /dev/null || fail "no system user bulwark for the server"
[ -f /lib/systemd/system/bulwark-agent.timer ] || fail "no bulwark-agent.timer"
if command -v systemd-analyze > /dev/null; then
  out="$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no /lib/systemd/system/bulwark-server.service \
    /lib/systemd/system/bulwark-agent.service /lib/systemd/system/bulwark-agent.timer 2>&1)" \
    || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
fi
bash -c 'source /usr/share/bash-completion/completions/bulwark && complete -p bulwark' > /dev/null \
  || fail "the bash completion does not load"
# from the package, not the installed file: a Docker image's dpkg leaves out /usr/share/man
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/man/man1/bulwark.1.gz | gzip -dc > "$work/bulwark.1"
grep -q '^\.TH' "$work/bulwark.1" || fail "the man page is no man page"
[ ! -e /usr/lib/bulwark/configuration/org.eclipse.osgi ] || fail "a run wrote into the installation"
dpkg --purge bulwark > "$work/dpkg.log" 2>&1 || fail "dpkg --purge: $(cat "$work/dpkg.log")"
for path in /usr/bin/bulwark /usr/lib/bulwark /lib/systemd/system/bulwark-server.service; do
  [ ! -e "$path" ] || fail "$path is left after purge"
done
echo "test-deb: $(basename "$deb"): $(du -h "$deb" | cut -f1), $checked; installed, --version, assess" \
  "(exit $code), user, units, completion, man page; purged clean: OK"
