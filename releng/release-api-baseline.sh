#!/usr/bin/env bash
# Makes the API bundles' jars as built now their released baseline (see releng/baseline/README.md): for each
# bundle given, copies target/<bundle>-<version>-SNAPSHOT.jar to
# releng/baseline/repository/org/bulwark/baseline/<bundle>/<version>/ with a POM and writes the bundle's
# api-baseline file (which switches the gate on) with that version. Run it right after a release build
# (./mvnw verify), from the released commit.
# Usage: releng/release-api-baseline.sh org.bulwark.store.api [org.bulwark.server.api ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -gt 0 ] || { echo "usage: $0 BUNDLE..." >&2; exit 2; }
for b in "$@"; do
  dir="$root/bundles/$b"
  [ -f "$dir/pde.bnd" ] || { echo "$b: no bundles/$b/pde.bnd" >&2; exit 2; }
  version="$(sed -n 's/^Bundle-Version: *\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p' "$dir/pde.bnd")"
  [ -n "$version" ] || { echo "$b: no Bundle-Version in pde.bnd" >&2; exit 2; }
  jar="$dir/target/$b-$version-SNAPSHOT.jar"
  [ -f "$jar" ] || { echo "$b: $jar is missing: build first (./mvnw verify)" >&2; exit 2; }
  to="$root/releng/baseline/repository/org/bulwark/baseline/$b/$version"
  mkdir -p "$to"
  cp "$jar" "$to/$b-$version.jar"
  cat > "$to/$b-$version.pom" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.bulwark.baseline</groupId>
  <artifactId>$b</artifactId>
  <version>$version</version>
  <description>The released $version API of $b: the baseline the build compares the API against.</description>
</project>
EOF
  printf '%s\n' "# The exported API of this bundle is compared with its released baseline (releng/baseline) on every build;" \
    "# an incompatible change without a major version bump fails the build. See releng/baseline/README.md." \
    "# The released version it is compared with:" "api.baseline.version = $version" > "$dir/api-baseline"
  echo "$b: baseline $version ($(unzip -p "$to/$b-$version.jar" META-INF/MANIFEST.MF | sed -n 's/^Bundle-Version: *//p' | tr -d '\r'))"
done
