#!/usr/bin/env bash
# Measures the workbench (README, "Workbench"):
#  1. launch → dashboard visible: `./bulwark workbench` on a data directory holding a real assessment of this
#     machine, until the dashboard has painted the score; also the wall-clock time from before the script's launch.
#     RUNS times (default 5), the first one cold. The product has no timing code: this script builds a drop-in
#     bundle of the probe org.bulwark.ui.benchmark.LaunchTiming (compiled with the UI tests, packed with
#     bundles/org.bulwark.ui.tests/benchmark/) into a plug-in folder of its own; the probe, an e4 add-on, hears the
#     dashboard's first org/bulwark/ui/dashboard event, prints the time since the JVM started and closes the
#     workbench.
#  2. sort/filter 10,000 recommendations: the UI test RecommendationsTableTest (real widgets, repaint included),
#     which writes its medians to bundles/org.bulwark.ui.tests/target/benchmark/workbench-table.txt.
# Needs a display: $DISPLAY, else a private Xvfb per run (releng/xvfb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
product="$(compgen -G 'releng/org.bulwark.product/target/products/org.bulwark.workbench/linux/gtk/x86_64/bulwark-workbench-[0-9]*' | head -n 1 || true)"
probe=bundles/org.bulwark.ui.tests
if ! compgen -G "$product/plugins/org.eclipse.equinox.launcher_*.jar" >/dev/null \
    || [ ! -f "$probe/target/classes/org/bulwark/ui/benchmark/LaunchTiming.class" ]; then
  ./mvnw -q -DskipTests verify
  product="$(compgen -G 'releng/org.bulwark.product/target/products/org.bulwark.workbench/linux/gtk/x86_64/bulwark-workbench-[0-9]*' | head -n 1)"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# the probe as a drop-in bundle, in a plug-in folder used by these runs only
mkdir -p "$work/plugins"
jar --create --file "$work/plugins/org.bulwark.ui.benchmark.jar" --manifest "$probe/benchmark/MANIFEST.MF" \
  -C "$probe/benchmark" fragment.e4xmi -C "$probe/target/classes" org/bulwark/ui/benchmark/LaunchTiming.class

echo "== assessing this machine once into a temporary data directory"
./bulwark assess --data "$work/data" --format text >/dev/null 2>&1 || true

echo "== launch → dashboard visible ($runs runs)"
for i in $(seq 1 "$runs"); do
  display="$(bash releng/xvfb.sh "$work")"
  start=$(date +%s%N)
  line="$(DISPLAY="$display" BULWARK_DATA="$work/data" BULWARK_PLUGINS="$work/plugins" \
    timeout 120 ./bulwark workbench 2>/dev/null | grep -m1 "dashboard visible" || true)"
  end=$(date +%s%N)
  [ -n "$line" ] || { echo "run $i: the dashboard did not show within 120 s" >&2; exit 1; }
  echo "run $i: ${line#bulwark: } (script start to exit: $(( (end - start) / 1000000 )) ms)"
done

echo "== sort/filter 10,000 recommendations"
./mvnw -q verify -Dtest=RecommendationsTableTest -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false \
  >"$work/mvn.log" 2>&1 || { tail -40 "$work/mvn.log" >&2; exit 1; }
cat bundles/org.bulwark.ui.tests/target/benchmark/workbench-table.txt
