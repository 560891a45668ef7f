#!/usr/bin/env bash
# Benchmark (not a test) of the vulnerability core, in one run on this machine:
#   cat      `cat FEED > /dev/null` (the baseline: reading the file once)
#   read     TrackerReader + AdvisoryIndex over a generated tracker-sized JSON (>= 50 MB, >= 100,000 CVE entries
#            over >= 30,000 source packages), then matching one device of 2,000 packages (DebianMatcher) and the
#            fleet exposure of 10,000 such devices
# prints each time and its ratio to `cat`, and the peak RSS of each (/usr/bin/time -v).
# Usage: releng/benchmark-feeds.sh   (builds the bundles first if their jars are missing; PACKAGES, CVES to resize)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-feeds.XXXXXX")"
trap 'rm -rf "$work"' EXIT
packages="${PACKAGES:-32000}"
cves="${CVES:-110000}"
jar() { ls bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v sources | head -1; }
if [ -z "$(jar org.bulwark.vulnerability.debian)" ]; then
  ./mvnw -o -q -pl bundles/org.bulwark.version.api,bundles/org.bulwark.vulnerability.api,bundles/org.bulwark.vulnerability.debian -am package -DskipTests
fi
jackson="$(find ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.20.1 -name 'jackson-core-2.20.1.jar' | head -1)"
cp="$(jar org.bulwark.version.api):$(jar org.bulwark.vulnerability.api):$(jar org.bulwark.vulnerability.debian):$jackson"
python3 - "$work/tracker.json" "$work/inventory.txt" "$packages" "$cves" <<'PY'
import json, random, sys
out, inv, npk, ncve = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(14)
names = ["pkg%05d" % i for i in range(npk)]
per = [0] * npk
for i in range(ncve):
    per[i % npk] += 1
with open(out, "w") as f:
    f.write("{")
    n = 0
    for i, name in enumerate(names):
        entries = {}
        for j in range(per[i]):
            n += 1
            st = rnd.choice(["resolved", "resolved", "open", "undetermined"])
            rel = {"status": st, "repositories": {"bookworm": "1.%d-1" % j}, "urgency": rnd.choice(["low", "medium", "high**", "unimportant"])}
            if st == "resolved":
                rel["fixed_version"] = rnd.choice(["0", "1.%d-1+deb12u1" % j, "2.0-1"])
            entries["CVE-20%02d-%d" % (rnd.randint(10, 25), n)] = {
                "description": "generated entry %d for %s: " % (n, name) + "x" * 250, "scope": "remote",
                "releases": {"bookworm": rel, "trixie": dict(rel), "sid": {"status": "resolved", "fixed_version": "2.0-1", "urgency": "low"}}}
        f.write(("," if i else "") + json.dumps(name) + ":" + json.dumps(entries))
    f.write("}")
with open(inv, "w") as f:
    for name in rnd.sample(names, min(2000, npk)):
        f.write("%s 1.%d-1\n" % (name, rnd.randint(0, 5)))
PY
size=$(stat -c %s "$work/tracker.json")
echo "feed: $size bytes, $cves CVE entries, $packages source packages; inventory 2000 packages"
ms() { date +%s%N; }
a=$(ms); /usr/bin/time -v -o "$work/cat.time" cat "$work/tracker.json" > /dev/null; b=$(ms)
cat_ms=$(( (b - a) / 1000000 ))
/usr/bin/time -v -o "$work/java.time" java -Xmx1g -cp "$cp" releng/benchmark-feeds/FeedBench.java \
  "$work/tracker.json" "$work/inventory.txt" | tee "$work/bench.out"
rss() { awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$1"; }
read_ms=$(awk '/^read_ms/ {print $2}' "$work/bench.out")
match_ms=$(awk '/^match_ms/ {print $2}' "$work/bench.out")
fleet_ms=$(awk '/^fleet_ms/ {print $2}' "$work/bench.out")
c=$(( cat_ms > 0 ? cat_ms : 1 ))
printf 'cat            %8d ms   1.0 x   peak RSS %s\n' "$cat_ms" "$(rss "$work/cat.time")"
printf 'read+index     %8.1f ms  %5.1f x   peak RSS %s (the whole JVM run)\n' "$read_ms" "$(echo "$read_ms / $c" | bc -l)" "$(rss "$work/java.time")"
printf 'match 1 device %8.1f ms  %5.2f x\n' "$match_ms" "$(echo "$match_ms / $c" | bc -l)"
printf 'fleet 10,000   %8.1f ms  %5.2f x\n' "$fleet_ms" "$(echo "$fleet_ms / $c" | bc -l)"
