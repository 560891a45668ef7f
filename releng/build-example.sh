#!/usr/bin/env bash
# Builds the example plug-in (examples/docker-daemon) on its own, against the Bulwark p2 repository only, with its
# tests (the collector TCK among them); then checks that the jar installs as a drop-in plug-in of the headless
# runtime: `bulwark plugins` lists its collector as active with its controls, and an assessment of a fixture root
# with Docker installed scores its controls. Needs the main build first (it runs `./mvnw -DskipTests verify` when
# the p2 repository is missing). Not part of `./mvnw verify`, because it consumes that build's output.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$here/releng/org.bulwark.repository/target/repository"
example="$here/examples/docker-daemon"

if [ ! -e "$repo/artifacts.xml.xz" ] && [ ! -e "$repo/artifacts.jar" ] && [ ! -e "$repo/artifacts.xml" ]; then
  echo "== the Bulwark p2 repository is missing: building Bulwark (./mvnw -DskipTests verify)"
  (cd "$here" && ./mvnw -q -DskipTests verify)
fi

echo "== building the example against $repo"
(cd "$example" && ./mvnw -q verify)
jar="$(ls "$example"/org.bulwark.example.docker/target/org.bulwark.example.docker-*.jar | grep -v -- '-sources' | head -n 1)"
echo "   built $(basename "$jar")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-example.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/plugins" "$tmp/root/usr/bin" "$tmp/root/etc/docker"
cp "$jar" "$tmp/plugins/"
printf '#!/bin/sh\n' > "$tmp/root/usr/bin/dockerd"
printf '{"icc": false, "no-new-privileges": true, "hosts": ["tcp://0.0.0.0:2375"]}\n' > "$tmp/root/etc/docker/daemon.json"

echo "== bulwark --plugins DIR plugins"
"$here/bulwark" --plugins "$tmp/plugins" plugins | tee "$tmp/plugins.txt"
grep -q '^docker.daemon  \[active\]$' "$tmp/plugins.txt" || { echo "FAIL: docker.daemon is not active"; exit 1; }
grep -q '^  controls:  5: example.docker.icc-disabled' "$tmp/plugins.txt" || { echo "FAIL: its 5 controls are not listed"; exit 1; }

echo "== bulwark --plugins DIR assess --root FIXTURE"
code=0
"$here/bulwark" --plugins "$tmp/plugins" assess --root "$tmp/root" --category application --format json \
  -o "$tmp/report.json" || code=$?
[ "$code" = 0 ] || [ "$code" = 4 ] || { echo "FAIL: assess exited with $code"; exit 1; }
python3 - "$tmp/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
states = {r["id"]: r["state"] for r in report["results"] if r["id"].startswith("example.docker.")}
expected = {"example.docker.icc-disabled": "PASS", "example.docker.no-new-privileges": "PASS",
            "example.docker.live-restore": "FAIL", "example.docker.userns-remap": "FAIL",
            "example.docker.no-insecure-tcp": "FAIL"}
for control, state in sorted(states.items()):
    print(f"   {control:36} {state}")
if states != expected:
    sys.exit(f"FAIL: expected {expected}")
PY

echo "== --require-signed-plugins: the unsigned jar is refused, the jar signed by a trusted key loads"
keytool="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"; jarsigner="${JAVA_HOME:+$JAVA_HOME/bin/}jarsigner"
"$keytool" -genkeypair -keystore "$tmp/vendor.p12" -storetype PKCS12 -storepass changeit -keypass changeit \
  -alias vendor -dname CN=Example -keyalg EC -validity 30 2>/dev/null
"$keytool" -exportcert -rfc -keystore "$tmp/vendor.p12" -storepass changeit -alias vendor -file "$tmp/trusted.pem" 2>/dev/null
"$here/bulwark" --plugins "$tmp/plugins" --require-signed-plugins --trusted-signers "$tmp/trusted.pem" plugins \
  > "$tmp/unsigned.txt" 2> "$tmp/unsigned.err" || true
cat "$tmp/unsigned.err"
grep -q "refused: it is not signed" "$tmp/unsigned.err" || { echo "FAIL: the unsigned jar was not refused"; exit 1; }
grep -q "not installed (refused" "$tmp/unsigned.txt" || { echo "FAIL: plugins does not show the refused jar"; exit 1; }
"$jarsigner" -keystore "$tmp/vendor.p12" -storepass changeit "$tmp/plugins/$(basename "$jar")" vendor > /dev/null
"$here/bulwark" --plugins "$tmp/plugins" --require-signed-plugins --trusted-signers "$tmp/trusted.pem" plugins > "$tmp/signed.txt"
grep -q '^docker.daemon  \[active\]$' "$tmp/signed.txt" || { cat "$tmp/signed.txt"; echo "FAIL: the signed jar did not load"; exit 1; }
echo "   signed jar: docker.daemon [active]"

echo "OK: the example plug-in builds on its own, passes the TCK and installs as a drop-in plug-in (also signed)"
