#!/usr/bin/env bash
# Benchmark (not a test) of the registry hive reader, in one run on this machine:
#   cat        `cat HIVE > /dev/null` (the baseline: reading the file once)
#   reglookup  `reglookup HIVE > /dev/null` and `hivexml HIVE > /dev/null` (full dumps by two C readers), if present
#   bulwark    a JVM that opens the hive with org.bulwark.windows.regf and walks every key and value, reading all
#              data (releng/benchmark-hive/HiveBench.java), timed with its JVM start
# over a generated SOFTWARE-like hive of TOP x PER keys (default 500 x 1000 = 500,000 keys, about 80 MB),
# printing each time, its ratio to `cat`, and the peak RSS of each (/usr/bin/time -v; else not shown).
# Targets (issue 13): the walk <= 3 s and <= 200 MB peak RSS.
# Usage: releng/benchmark-hive.sh   (builds the two bundles first if their jars are missing; TOP, PER to resize)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-hive.XXXXXX")"
trap 'rm -rf "$work"' EXIT
top="${TOP:-500}"
per="${PER:-1000}"
jar() { ls bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v sources | head -1; }
if [ -z "$(jar org.bulwark.windows.regf)" ] || [ -z "$(jar org.bulwark.windows.testing)" ]; then
  ./mvnw -o -q -pl bundles/org.bulwark.windows.regf,bundles/org.bulwark.windows.testing -am package -DskipTests
fi
cp="$(jar org.bulwark.windows.regf):$(jar org.bulwark.windows.testing)"
hive="$work/SOFTWARE"
java -Xmx3g -cp "$cp" releng/benchmark-hive/HiveBench.java gen "$hive" "$top" "$per"
echo "hive: $(stat -c %s "$hive") bytes, $((top * per)) generated keys"
jvm="-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1"
# compile the walker once, so that the timed run measures the reader, not javac
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$cp" releng/benchmark-hive/HiveBench.java
ms() { date +%s%N; }
timev() { if [ -x /usr/bin/time ]; then /usr/bin/time -v -o "$1" "${@:2}"; else "${@:2}"; fi; }
rss() { [ -f "$1" ] && awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$1" || echo "n/a"; }
cat "$hive" > /dev/null # warm the page cache for every reader alike
a=$(ms); timev "$work/cat.time" cat "$hive" > /dev/null; b=$(ms); cat_ms=$(( (b - a) / 1000000 ))
c=$(( cat_ms > 0 ? cat_ms : 1 ))
printf '%-22s %8d ms  %7.1f x   peak RSS %s\n' "cat" "$cat_ms" 1 "$(rss "$work/cat.time")"
for tool in reglookup hivexml; do
  if command -v "$tool" > /dev/null; then
    a=$(ms); timev "$work/$tool.time" "$tool" "$hive" > /dev/null 2>&1 || true; b=$(ms)
    t=$(( (b - a) / 1000000 ))
    printf '%-22s %8d ms  %7.1f x   peak RSS %s\n' "$tool (full dump)" "$t" "$(echo "$t / $c" | bc -l)" "$(rss "$work/$tool.time")"
  fi
done
a=$(ms); timev "$work/java.time" java $jvm -cp "$work/classes:$cp" HiveBench walk "$hive" > "$work/bench.out"; b=$(ms)
t=$(( (b - a) / 1000000 ))
walk_ms=$(awk '/^walk_ms/ {print $2}' "$work/bench.out")
printf '%-22s %8d ms  %7.1f x   peak RSS %s (JVM: %s)\n' "bulwark (with JVM)" "$t" "$(echo "$t / $c" | bc -l)" "$(rss "$work/java.time")" "$jvm"
printf '%-22s %8.1f ms  %7.1f x\n' "bulwark walk alone" "$walk_ms" "$(echo "$walk_ms / $c" | bc -l)"
sed 's/^/  /' "$work/bench.out" | grep -v walk_ms
