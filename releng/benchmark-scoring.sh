#!/usr/bin/env bash
# Benchmarks the scoring service (JMH, module releng/org.bulwark.benchmarks) on a synthetic fleet of
# 10,000 devices x 300 controls and prints each benchmark's mean ± error, its ratio to the baseline measured in
# the same run, and whether the targets of issue 2 are met (full score < 300 ms, one device changed < 1 ms).
#
# Usage: releng/benchmark-scoring.sh [JMH options...]
#   e.g. releng/benchmark-scoring.sh -prof gc          (add allocation figures)
#        releng/benchmark-scoring.sh fullScore -p devices=1000 -i 3   (one benchmark, smaller fleet, fewer rounds)
# Environment: JAVA_HOME (optional), BENCH_SKIP_BUILD=1 to reuse the jar already built.
# Takes about 2.5 minutes on 2 cores (build ~30 s, 6 benchmarks x 15-30 s each). Exits non-zero only if it cannot run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
module=releng/org.bulwark.benchmarks
jar="$module/target/benchmarks.jar"
csv="$module/target/jmh-result.csv"
log="$module/target/jmh.log"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
    echo "building $jar (./mvnw -q -DskipTests package -pl $module -am) ..." >&2
    ./mvnw -q -DskipTests package -pl "$module" -am
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?');" \
    "$("$java" -version 2>&1 | head -n 2 | tail -n 1)" >&2
rm -f "$csv"
# Settings come from the annotations of ScoringBenchmark: fork 1 (one fresh JVM per benchmark, 2 GB heap),
# average time, 6 x 1 s warm-up (15 x 1 s for the incremental benchmarks, whose JIT settles later) and
# 8 x 1 s measurement, each benchmark in its own unit (ms or us). JMH options given on the command line
# override them; the defaults below are only repeated for clarity (JMH refuses an option given twice).
# Full output goes to $log.
defaults=(-f 1 -bm avgt)
options=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
    given=0
    for a in "$@"; do [ "$a" = "${defaults[k]}" ] && given=1; done
    [ "$given" = 1 ] || options+=("${defaults[k]}" "${defaults[k + 1]}")
done
"$java" -Duser.language=en -Duser.country=US -jar "$jar" "${options[@]}" -rf csv -rff "$csv" "$@" 2>&1 \
    | tee "$log" | grep --line-buffered -E '^# (Benchmark|fleet):|^Iteration +[0-9]+:' || true
[ -s "$csv" ] || { echo "JMH produced no results; see $log" >&2; exit 1; }

echo
awk -F, '
    function unq(s) { gsub(/"/, "", s); return s }
    function ms(v, unit) { return unit ~ /^us/ ? v / 1000 : unit ~ /^ns/ ? v / 1e6 : unit ~ /^s/ ? v * 1000 : v }
    NR == 1 { next }
    {
        name = unq($1); sub(/.*\./, "", name)
        if (name ~ /:/) next                      # secondary results (-prof gc ...)
        n++; names[n] = name; score[name] = unq($5) + 0; err[name] = unq($6); unit[name] = unq($7)
    }
    END {
        base = "baselineSumStates"
        if (!(base in score)) { print "no baseline in this run: ratios omitted" }
        printf "%-22s %30s %12s\n", "benchmark", "mean ± error (99.9%)", "x baseline"
        for (i = 1; i <= n; i++) {
            b = names[i]; u = unit[b]; sub(/\/op$/, "", u); if (u == "us") u = "µs"
            ratio = (base in score) ? sprintf("%.3g", ms(score[b], unit[b]) / ms(score[base], unit[base])) : "-"
            e = (err[b] == "NaN" || err[b] == "") ? "?" : sprintf("%.3f", err[b])
            printf "%-22s %16.3f ± %7s %-3s %13s\n", b, score[b], e, u, ratio
        }
        print ""
        check("fullScore", 300, "full score (10,000 x 300)")
        check("putOneDeviceAndScore", 1, "one device changed: put + score")
    }
    function check(b, target, what,   m, hi, e, verdict) {
        if (!(b in score)) { printf "target %-36s not measured in this run\n", what; return }
        m = ms(score[b], unit[b]); e = (err[b] == "NaN" || err[b] == "") ? 0 : ms(err[b], unit[b]); hi = m + e
        verdict = hi < target ? "MET" : m < target ? "MET by the mean only (mean + error exceeds it)" : "MISSED"
        printf "target %-36s < %g ms: %.3f ± %.3f ms -> %s\n", what, target, m, e, verdict
    }
' "$csv"
echo "(raw results: $csv; full JMH output: $log)"
load_end="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)"
if awk -v l="$load_end" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    echo "warning: load average $load_end on $(nproc) cores at the end: other processes competed for the CPU," \
        "the figures (the short baseline most of all) are inflated; run again on a quiet machine." >&2
fi
