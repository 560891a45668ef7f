#!/usr/bin/env bash
# Benchmark (not a test) of reading SCAP content, in one run on this machine, of the same file:
#   cat      `cat DS > /dev/null` (reading the bytes once)
#   xmllint  `xmllint --stream --noout DS` (libxml2's streaming parse, no tree), when xmllint is installed
#   oscap    `oscap info DS` (OpenSCAP loading the data stream and listing it), when oscap is installed
#   stax     a bare pass of the JDK's StAX over the file (every event, no model) in its own JVM, cold and warm
#   bulwark  StaxScapContentReader.read(DS): one StAX pass into the content model with every reference checked,
#            cold (the first read in a fresh JVM) and warm (median of the next RUNS-1 reads); and the whole JVM
#            run (start, RUNS reads, exit) against the oscap process
# prints each wall time and its ratio to the baselines.
# Usage: releng/benchmark-scap.sh [DS]   (default: SSG's Debian 11 data stream; RUNS=7 to change the reads;
#        builds the bundle first if its jar is missing; xmllint: apt-get install libxml2-utils)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ds="${1:-/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml}"
runs="${RUNS:-7}"
[ -f "$ds" ] || { echo "no $ds (apt-get install ssg-debian, or give a data stream)" >&2; exit 2; }
jar() { ls bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v sources | head -1; }
if [ -z "$(jar org.bulwark.scap)" ]; then
  ./mvnw -o -q -pl bundles/org.bulwark.scap -am package -DskipTests
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-scap.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# compiled first, so that the JVM run below is start, reads and exit (no source launcher compilation)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work" -cp "$(jar org.bulwark.scap)" releng/benchmark-scap/ScapBench.java
ms() { date +%s%N; }
elapsed() { echo $(( ($2 - $1) / 1000000 )); }
echo "content: $ds ($(stat -c %s "$ds") bytes)"

cat "$ds" > /dev/null # into the page cache for everyone
a=$(ms); cat "$ds" > /dev/null; b=$(ms); cat_ms=$(elapsed "$a" "$b")
xmllint_ms=""
if command -v xmllint > /dev/null; then
  a=$(ms); xmllint --stream --noout "$ds"; b=$(ms); xmllint_ms=$(elapsed "$a" "$b")
fi
oscap_ms=""
if command -v oscap > /dev/null; then
  a=$(ms); oscap info "$ds" > /dev/null; b=$(ms); oscap_ms=$(elapsed "$a" "$b")
fi
stax="$("$java_bin" -cp "$(jar org.bulwark.scap):$work" ScapBench "$ds" "$runs" stax)"
stax_cold=$(echo "$stax" | awk '/^cold_ms/ {print $2}')
stax_warm=$(echo "$stax" | awk '/^warm_ms/ {print $2}')
a=$(ms)
out="$("$java_bin" -cp "$(jar org.bulwark.scap):$work" ScapBench "$ds" "$runs")"
b=$(ms); jvm_ms=$(elapsed "$a" "$b")
echo "$out" | grep '^content'
cold=$(echo "$out" | awk '/^cold_ms/ {print $2}')
warm=$(echo "$out" | awk '/^warm_ms/ {print $2}')
ratio() { if [ -n "$2" ] && awk -v b="$2" 'BEGIN { exit !(b > 0) }'; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f x", a / b }'; else echo "n/a"; fi; }
printf '%-34s %9s ms\n' "cat" "$cat_ms"
[ -n "$xmllint_ms" ] && printf '%-34s %9s ms\n' "xmllint --stream --noout" "$xmllint_ms"
[ -n "$oscap_ms" ] && printf '%-34s %9s ms\n' "oscap info (process)" "$oscap_ms"
printf '%-34s %9s ms\n' "bare StAX pass, cold" "$stax_cold"
printf '%-34s %9s ms\n' "bare StAX pass, warm (median)" "$stax_warm"
printf '%-34s %9s ms   %s bare StAX   %s cat   %s xmllint   %s oscap info\n' "bulwark read, cold" "$cold" \
  "$(ratio "$cold" "$stax_cold")" "$(ratio "$cold" "$cat_ms")" "$(ratio "$cold" "$xmllint_ms")" "$(ratio "$cold" "$oscap_ms")"
printf '%-34s %9s ms   %s bare StAX   %s cat   %s xmllint   %s oscap info\n' "bulwark read, warm (median)" "$warm" \
  "$(ratio "$warm" "$stax_warm")" "$(ratio "$warm" "$cat_ms")" "$(ratio "$warm" "$xmllint_ms")" "$(ratio "$warm" "$oscap_ms")"
printf '%-34s %9s ms   %s oscap info\n' "bulwark JVM run ($runs reads)" "$jvm_ms" "$(ratio "$jvm_ms" "$oscap_ms")"
