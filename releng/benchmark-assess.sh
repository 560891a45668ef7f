#!/usr/bin/env bash
# Times a whole Bulwark assessment of this machine against its peers, in one run on the same machine:
#   walk     one `find / -xdev` walk that stats every file (the baseline: the least a filesystem-wide check costs)
#   start    `./bulwark --help`: JVM and OSGi runtime start, no assessment
#   bulwark  `./bulwark assess --no-store` (JVM start included), all collectors, filesystem walk included
#   oscap    `oscap xccdf eval` of an SSG profile of the Debian 11 data stream, its version check widened to
#            Debian 12 (ssg-debian 0.1.65 ships no Debian 12 stream; unwidened, every rule is notapplicable here).
#            Default: a tailoring that selects every rule of the stream (the nearest to Bulwark's whole baseline,
#            filesystem-wide rules included; the stream has no CIS profile); SSG_PROFILE=standard for Debian's
#            `standard` profile (44 rules, none of them walks the filesystem).
#   lynis    `lynis audit system --quick`
# and prints the wall time (median of RUNS for walk, start and bulwark; one run for oscap and lynis), the ratio
# to the walk, the peak RSS (/usr/bin/time -v; the largest process of the command) and the exit status.
# Bulwark's target (issue 3): wall time at most 3 x walk + start, peak RSS under 200 MB.
#
# Usage: releng/benchmark-assess.sh            (as root, to read what the tools read; takes 2-5 minutes)
# Environment: RUNS (default 3), SSG_PROFILE (default `all`; or a profile id or the short name after
#   content_profile_, e.g. standard), SSG_DS (a data stream to use as it is instead of the widened Debian 11 one),
#   SKIP_OSCAP=1, SKIP_LYNIS=1.
# Installs openscap-scanner, ssg-debian, lynis and time from the distribution if missing (apt-get, as root).
# The runtime is built first if needed (./bulwark builds it); its build is not timed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-3}"
profile="${SSG_PROFILE:-all}"
case "$profile" in all | xccdf_*) ;; *) profile="xccdf_org.ssgproject.content_profile_$profile" ;; esac
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

missing=()
[ -x /usr/bin/time ] || missing+=(time)
[ "${SKIP_OSCAP:-0}" = 1 ] || command -v oscap >/dev/null || missing+=(openscap-scanner)
[ "${SKIP_OSCAP:-0}" = 1 ] || [ -n "${SSG_DS:-}" ] || [ -f /usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml ] \
    || missing+=(ssg-debian)
[ "${SKIP_LYNIS:-0}" = 1 ] || command -v lynis >/dev/null || [ -x /usr/sbin/lynis ] || missing+=(lynis)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} (apt-get) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
fi
lynis_bin="$(command -v lynis || echo /usr/sbin/lynis)"

ds="${SSG_DS:-}"
if [ -z "$ds" ] && [ "${SKIP_OSCAP:-0}" != 1 ]; then
    # The Debian 11 stream's platform check accepts only VERSION_ID 11.x; widen it to 11 and 12.
    ds="$work/ssg-debian11-on-12-ds.xml"
    sed 's/\^11\.\[0-9\]+\$/^1[12].[0-9]+$/' /usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml > "$ds"
fi
oscap_args=(--profile "$profile")
if [ "$profile" = all ] && [ "${SKIP_OSCAP:-0}" != 1 ]; then
    # A tailoring profile that extends `standard` and selects every group and rule of the stream.
    tailoring="$work/tailoring-all.xml"
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<xccdf:Tailoring xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" id="xccdf_bulwark_tailoring_all">'
        echo '  <xccdf:version time="2026-11-27T00:00:00">1</xccdf:version>'
        echo '  <xccdf:Profile id="xccdf_bulwark_profile_all" extends="xccdf_org.ssgproject.content_profile_standard">'
        echo '    <xccdf:title>Every rule of the stream</xccdf:title>'
        grep -o '<xccdf-1.2:\(Group\|Rule\) [^>]*id="xccdf_org\.ssgproject\.content_\(group\|rule\)_[^"]*"' "$ds" \
            | sed 's/.* id="\([^"]*\)".*/\1/' | sort -u \
            | sed 's/.*/    <xccdf:select idref="&" selected="true"\/>/'
        echo '  </xccdf:Profile>'
        echo '</xccdf:Tailoring>'
    } > "$tailoring"
    oscap_args=(--tailoring-file "$tailoring" --profile xccdf_bulwark_profile_all)
fi

# Build the runtime if needed, outside the measurement.
./bulwark --help > /dev/null 2>&1 || true

# measure NAME COMMAND...: one run; appends "wall_seconds peak_rss_kb exit_status" to $work/NAME
measure() {
    local name="$1"; shift
    local status=0
    /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
    local wall rss
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")"
    # /usr/bin/time reports the command's own status, or "Command exited with non-zero status N"
    echo "$wall $rss $status" >> "$work/$name"
}
median_wall() { awk '{ print $1 }' "$work/$1" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
max_rss() { awk '{ if ($2 > m) m = $2 } END { print m }' "$work/$1"; }
statuses() { awk '{ print $3 }' "$work/$1" | sort -u | paste -sd, -; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "files on / (-xdev): $(find / -xdev 2>/dev/null | wc -l) (this first walk also warms the cache; not timed)" >&2

for ((i = 0; i < runs; i++)); do
    measure walk find / -xdev -printf '%m %U %G %s %p\n'
    measure start ./bulwark --help
    measure bulwark ./bulwark assess --no-store --format json -o "$work/bulwark.json"
done
[ "${SKIP_OSCAP:-0}" = 1 ] || measure oscap oscap xccdf eval "${oscap_args[@]}" --results "$work/oscap-results.xml" "$ds"
[ "${SKIP_LYNIS:-0}" = 1 ] || measure lynis "$lynis_bin" audit system --quick --no-colors \
    --logfile "$work/lynis.log" --report-file "$work/lynis-report.dat"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

walk="$(median_wall walk)"
printf '\n%-9s %10s %12s %14s %8s  %s\n' tool "wall (s)" "x walk" "peak RSS (MB)" exit "command"
row() {
    local name="$1" what="$2"
    [ -f "$work/$name" ] || return 0
    local wall rss
    wall="$(median_wall "$name")"; rss="$(max_rss "$name")"
    printf '%-9s %10s %12s %14s %8s  %s\n' "$name" "$wall" "$(awk -v a="$wall" -v b="$walk" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v r="$rss" 'BEGIN { printf "%.0f", r / 1024 }')" "$(statuses "$name")" "$what"
}
row walk "find / -xdev -printf '%m %U %G %s %p\\n' (median of $runs)"
row start "./bulwark --help (median of $runs)"
row bulwark "./bulwark assess --no-store (median of $runs)"
row oscap "oscap xccdf eval, profile ${profile#xccdf_org.ssgproject.content_profile_}, $(basename "${ds:-none}")"
row lynis "lynis audit system --quick"

bulwark="$(median_wall bulwark)"; start="$(median_wall start)"; rss="$(max_rss bulwark)"
echo
awk -v b="$bulwark" -v w="$walk" -v s="$start" -v r="$rss" 'BEGIN {
    limit = 3 * w + s
    printf "Bulwark: %.2f s against a target of 3 x %.2f s + %.2f s = %.2f s: %s\n", b, w, s, limit, (b <= limit ? "met" : "NOT met")
    printf "Bulwark: peak RSS %.0f MB against a target of 200 MB: %s\n", r / 1024, (r / 1024 < 200 ? "met" : "NOT met")
}'
if [ -f "$work/bulwark.json" ]; then
    echo "Bulwark's results: $(grep -o '"state" *: *"[A-Z_]*"' "$work/bulwark.json" | sed 's/.*"\([A-Z_]*\)"/\1/' \
        | grep -v -x 'PRESENT\|ABSENT\|UNREADABLE\|UNPARSEABLE\|UNAVAILABLE' | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')"
fi
if [ -f "$work/oscap-results.xml" ]; then
    echo "OpenSCAP's results: $(grep -o '<result>[a-z]*</result>' "$work/oscap-results.xml" \
        | sed 's/<[^>]*>//g' | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')"
fi
if [ -f "$work/lynis-report.dat" ]; then
    echo "Lynis: tests performed $(sed -n 's/^lynis_tests_done=//p' "$work/lynis-report.dat")," \
        "hardening index $(sed -n 's/^hardening_index=//p' "$work/lynis-report.dat")"
fi
