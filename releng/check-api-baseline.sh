#!/usr/bin/env bash
# Proves that the API baseline gate really gates: in a throw-away copy of the repository it builds the collector
# API (1) unchanged, and with only a comment changed: must pass; (2) with a method added to the @ConsumerType Collector and no version change: must
# fail with bnd's baseline report; (3) the same change with package and bundle moved to 2.0.0: must pass.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-baseline.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

(cd "$here" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$tmp")
api="bundles/org.bulwark.collector.api"
build() { (cd "$tmp" && ./mvnw -q verify -pl "$api" > "$tmp/build.log" 2>&1); }

echo "1. unchanged API"
build || { cat "$tmp/build.log"; echo "FAIL: the unchanged API does not pass the baseline"; exit 1; }
echo "   passes"
sed -i 's|A stable, unique id|A stable and unique id|' "$tmp/$api/src/org/bulwark/collector/api/Collector.java"
build || { cat "$tmp/build.log"; echo "FAIL: a comment-only change does not pass the baseline"; exit 1; }
echo "   with a comment changed: passes"

echo "2. method added to Collector, version unchanged"
sed -i 's|^    List<Observation> collect(AssessmentContext context) throws Exception;|&\n\n    String vendor();|' \
  "$tmp/$api/src/org/bulwark/collector/api/Collector.java"
grep -q 'String vendor();' "$tmp/$api/src/org/bulwark/collector/api/Collector.java"
if build; then echo "FAIL: an incompatible change passed the build"; exit 1; fi
grep -E "PACKAGE +MAJOR|ADDED +METHOD +vendor" "$tmp/build.log" | head -3 | sed 's/^\[ERROR\]/  /'
echo "   fails, as it must"

echo "3. the same change with a major version bump (package and bundle 2.0.0)"
sed -i 's|@Version("1\.[0-9.]*")|@Version("2.0.0")|' "$tmp/$api/src/org/bulwark/collector/api/package-info.java"
sed -i 's|^Bundle-Version: 1\.[0-9.]*\.qualifier|Bundle-Version: 2.0.0.qualifier|' "$tmp/$api/pde.bnd"
grep -q '@Version("2.0.0")' "$tmp/$api/src/org/bulwark/collector/api/package-info.java"
rm -rf "$tmp/$api/META-INF" "$tmp/$api/target"   # the manifest generated from pde.bnd by the builds above
build || { cat "$tmp/build.log"; echo "FAIL: a major version bump does not satisfy the baseline"; exit 1; }
echo "   passes"
echo "OK: the API baseline gate works"
