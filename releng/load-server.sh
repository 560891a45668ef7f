#!/usr/bin/env bash
# Load test of the fleet server (README, "Fleet server"), bounded and on loopback only:
#   bash releng/load-server.sh [-n UPLOADS] [-c CLIENTS] [-q QUERIES] [--db JDBC-URL]
# Starts `bulwark serve` on 127.0.0.1 with a fresh data directory (embedded H2, or --db, e.g. an empty PostgreSQL
# database or schema), creates an agent and an administrator token, assesses this machine once (--no-store) for a
# template upload, the document `bulwark assess --upload` sends (every control of the installed content, padded to
# BULWARK_LOAD_RESULTS results, default 300, by a generated content plug-in whose controls no collector reads),
# uploads it N times as N devices from C concurrent clients, queries the score and the recommendations Q times
# each, and checks that exactly N assessments are stored.
# BULWARK_LOAD_FORMAT=report uploads the full JSON report instead (what agents before the upload document sent;
# the server still takes it), to see what the document's size costs; BULWARK_LOAD_EVIDENCE=0 sends the results
# without their evidence.
# Defaults: N=10000, C=100, Q=20. The whole run is limited to BULWARK_LOAD_TIMEOUT seconds (default 1800); N is
# capped at 20000.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n=10000; c=100; q=20; db=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n="$2"; shift 2 ;;
    -c) c="$2"; shift 2 ;;
    -q) q="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    *) echo "usage: $0 [-n UPLOADS] [-c CLIENTS] [-q QUERIES] [--db JDBC-URL]" >&2; exit 2 ;;
  esac
done
[ "$n" -le 20000 ] || { echo "load-server: at most 20000 uploads" >&2; exit 2; }
[ "$c" -le 500 ] || { echo "load-server: at most 500 clients" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-load.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

bulwark() { "$here/bulwark" --plugins "$work/plugins" "$@"; }
store=(--data "$work/data")
[ -n "$db" ] && store+=(--db "$db")

# a free loopback port
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

load_format="${BULWARK_LOAD_FORMAT:-upload}"
case "$load_format" in upload|report) ;; *) echo "load-server: BULWARK_LOAD_FORMAT is upload or report" >&2; exit 2 ;; esac
echo "load-server: template $load_format (assessing this machine once)…" >&2
bulwark assess --no-store --format "$([ "$load_format" = report ] && echo json || echo upload)" \
  -o "$work/template.json" >/dev/null 2>"$work/assess.log" || true
[ -s "$work/template.json" ] || { cat "$work/assess.log" >&2; exit 1; }
# Pad the template to RESULTS results (default 300, as the issue's fleet has): a content plug-in with the missing
# number of controls goes into the server's plug-in folder, and the template reports them NOT_CHECKED, as an agent
# with that plug-in and no collector for it would.
target_results="${BULWARK_LOAD_RESULTS:-300}"
python3 - "$work/template.json" "$target_results" "$work/padding" <<'PY'
import json, os, sys
template, target, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
report = json.load(open(template))
missing = max(0, target - len(report["results"]))
cats = ["application", "operating-system", "network", "accounts", "security-controls"]
controls = [{
    "id": "load.padding.%03d" % i, "title": "Load-test padding control %d" % i, "category": cats[i % 5],
    "weight": 1 + i % 10, "rationale": "Pads an assessment to the size of the load test; no collector reads its key.",
    "expect": {"key": "load.padding.%03d" % i, "op": "equals", "value": "true"},
    "remediation": {"type": "configuration-change", "text": "None: load-test content."}} for i in range(missing)]
os.makedirs(out + "/benchmark", exist_ok=True)
os.makedirs(out + "/META-INF", exist_ok=True)
json.dump({"format": 1, "id": "load-padding", "title": "Load-test padding", "version": "1.0.0",
           "controls": controls}, open(out + "/benchmark/padding.json", "w"), indent=1)
open(out + "/META-INF/MANIFEST.MF", "w").write("Manifest-Version: 1.0\nBundle-ManifestVersion: 2\n"
    "Bundle-SymbolicName: org.bulwark.load.padding\nBundle-Version: 1.0.0\n"
    "Bulwark-Benchmark: benchmark/padding.json\n")
upload = "upload" in report
for c in controls:
    reason = "no collector provides " + c["id"]
    report["results"].append({"id": c["id"], "state": "NOT_CHECKED", "reason": reason, "evidence": []} if upload
        else {"id": c["id"], "title": c["title"], "category": c["category"], "weight": c["weight"],
              "benchmark": "load-padding", "description": None, "rationale": c["rationale"],
              "expect": c["id"] + " equals \"true\"", "references": {}, "remediation": {"type": "configuration-change",
              "text": c["remediation"]["text"], "script": None}, "state": "NOT_CHECKED", "reason": reason,
              "evidence": [], "exceptions": []})
if os.environ.get("BULWARK_LOAD_EVIDENCE", "1") == "0":
    for r in report["results"]:
        r["evidence"] = []
json.dump(report, open(template, "w"), separators=(",", ":"))  # compact, as bulwark assess --upload sends it
PY
mkdir -p "$work/plugins"
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$work/plugins/org.bulwark.load.padding_1.0.0.jar" \
  --manifest "$work/padding/META-INF/MANIFEST.MF" -C "$work/padding" benchmark

agent="$(bulwark token create --role agent --groups '*' --name load-agent "${store[@]}" 2>/dev/null)"
admin="$(bulwark token create --role administrator --groups '*' --name load-admin "${store[@]}" 2>/dev/null)"

"$here/bulwark" --plugins "$work/plugins" serve --grace 5 --host 127.0.0.1 --port "$port" --threads "${BULWARK_LOAD_THREADS:-16}" "${store[@]}" \
  2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/api/openapi.json" -o /dev/null 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
results="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r.get("results", r.get("controls", []))))' "$work/template.json" 2>/dev/null || echo '?')"
echo "load-server: $n uploads ($load_format documents) of $results results from $c clients, store $(echo "${db:-H2 (embedded)}" | sed "s/password=[^&]*/password=***/")" >&2
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
timeout "${BULWARK_LOAD_TIMEOUT:-1800}" "$java_bin" "$here/releng/LoadServer.java" "http://127.0.0.1:$port" \
  "$agent" "$admin" "$work/template.json" "$n" "$c" "$q"
