#!/usr/bin/env bash
# Baselines org.bulwark.report.api against its 1.0.0 jar in releng/baseline by hand (see releng/baseline/README.md):
# the same bnd-baseline-maven-plugin as the build's gate, with org.bulwark.benchmark.api's classes on the JVM's
# boot class path so that bnd sees the superclass of ReportException (LocatedException, in another bundle).
# Prints bnd's verdict; fails when the API needs a higher version than declared.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-report-baseline.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

(cd "$here" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$tmp")
cd "$tmp"
touch bundles/org.bulwark.report.api/api-baseline   # switches the gate's profile on for this copy only
apis=bundles/org.bulwark.collector.api,bundles/org.bulwark.benchmark.api,bundles/org.bulwark.scoring.api
./mvnw -q verify -pl "$apis" > build.log 2>&1 || { cat build.log; echo "FAIL: the API bundles do not build"; exit 1; }
if ! MAVEN_OPTS="-Xbootclasspath/a:$tmp/bundles/org.bulwark.benchmark.api/target/classes" \
    ./mvnw -q verify -pl "$apis,bundles/org.bulwark.report.api" > build.log 2>&1; then
  cat build.log; echo "FAIL: org.bulwark.report.api does not pass its baseline"; exit 1
fi
cat bundles/org.bulwark.report.api/target/baseline/*.txt
echo "OK: org.bulwark.report.api passes its 1.0.0 baseline"
