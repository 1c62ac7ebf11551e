#!/usr/bin/env bash
# One RoleGraph service under wrk, for A/B of runtime settings or builds on a noisy machine (run pairs back to back):
# starts the Release build (or --dll PATH) on a COPY of an existing data file, warms it with wrk for 6 s, then drives
# one query for 8 s (wrk -t2 -c16) and prints requests, p50/p99, server CPU per request (/proc/<pid>/stat) and, when
# dotnet-counters is on PATH (dotnet tool install -g dotnet-counters), allocation per request, gen0/1/2 collections and
# GC pause time over a window covering the run. --perf adds a 10 s `perf record -g` (symbols via
# DOTNET_PerfMapEnabled=1) into the output directory. Loopback only; the service is stopped on exit.
#
#   bash bench/http/profile.sh --data-file /tmp/me/rg.json [--query role|overlap|search] [--dll PATH] [--perf] \
#        [--out DIR] [VAR=VALUE ...]            e.g. DOTNET_TC_QuickJit=0 DOTNET_GCNoAffinitize=1
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
query=role dll="$root/src/RoleGraph.Api/bin/Release/net10.0/RoleGraph.Api.dll" data="" perf=0 out=""
environment=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data-file) data=$2; shift ;;
    --query) query=$2; shift ;;
    --dll) dll=$2; shift ;;
    --perf) perf=1 ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *=*) environment+=("$1") ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$data" ] || { echo "needs --data-file (a store's data file, e.g. from import-onet; it is copied)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/rolegraph-profile.XXXXXX")
out=${out:-$work/out}; mkdir -p "$out"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work/store"; }
trap cleanup EXIT
mkdir -p "$work/store" && cp "$data" "$work/store/rg.json"
port=$((41000 + RANDOM % 2000))
(cd "$work/store" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_PerfMapEnabled=$perf "${environment[@]}" dotnet "$dll" \
  --urls "http://127.0.0.1:$port" "--RoleGraph:Embedded:DataFile=$work/store/rg.json" \
  --RoleGraph:Limits:RequestsPerSecond=1000000 --RoleGraph:Limits:RequestBurst=1000000 --Logging:LogLevel:Default=Warning) >"$out/server.log" 2>&1 &
pid=$!
case $query in
  role) q='{ role(id: "computer-and-information-research-scientists") { id name skills { skill { id name } importance } } }' ;;
  overlap) q='{ overlap(roleIds: ["computer-and-information-research-scientists", "data-scientists"]) { skills { id } tools { id } jaccard } }' ;;
  search) q='{ search(text: "python") { node { id } match } }' ;;
  *) echo "unknown query $query" >&2; exit 2 ;;
esac
jq -cn --arg q "$q" '{query: $q}' >"$work/body.json"
deadline=$((SECONDS + 300))
until curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' --data-binary "@$work/body.json" 2>/dev/null | grep -q '"data"'; do
  if [ $SECONDS -gt $deadline ] || ! kill -0 "$pid" 2>/dev/null; then echo "the service did not start:" >&2; cat "$out/server.log" >&2; exit 1; fi
  sleep 0.2
done
drive() { WRK_BODY_FILE="$work/body.json" wrk -t2 -c16 -d"$1" --timeout 5s --latency -s bench/http/post.lua "http://127.0.0.1:$port/graphql"; }
drive 6s >/dev/null
counters=""
if command -v dotnet-counters >/dev/null; then
  dotnet-counters collect -p "$pid" --format csv -o "$out/counters.csv" --refresh-interval 1 --counters System.Runtime --duration 00:00:00:14 >"$out/counters.log" 2>&1 &
  counters=$!
  sleep 2
fi
ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
before=$(ticks)
line=$(drive 8s | grep '^WRK ')
after=$(ticks)
[ -n "$counters" ] && { wait "$counters" || true; }
if [ "$perf" = 1 ]; then
  (drive 12s >/dev/null) & driver=$!
  sleep 1
  perf record -F 999 -g -p "$pid" -o "$out/perf.data" -- sleep 10 2>"$out/perf.log" || true
  wait "$driver"
fi
requests= elapsed= non2xx= socket_errors= p50_us= p90_us= p99_us= max_us=
eval "${line#WRK }"
hz=$(getconf CLK_TCK)
printf '%s: %d requests in %.1f s, p50 %.2f ms, p99 %.1f ms, CPU %.0f µs/request, errors %d' "$query" "$requests" "$elapsed" \
  "$(echo "$p50_us / 1000" | bc -l)" "$(echo "$p99_us / 1000" | bc -l)" "$(echo "($after - $before) * 1000000 / $hz / $requests" | bc -l)" $((non2xx + socket_errors))
if [ -f "$out/counters.csv" ]; then
  awk -F, -v n="$requests" '/total_allocated/ { a += $5 } /collections.*gen0/ { g0 += $5 } /collections.*gen1/ { g1 += $5 }
    /collections.*gen2/ { g2 += $5 } /pause.time/ { p += $5 }
    END { printf ", ~%.0f KB allocated/request, GCs gen0 %d gen1 %d gen2 %d, pause %.2f s", a / n / 1024, g0, g1, g2, p }' "$out/counters.csv"
fi
echo "; load average $(cut -d' ' -f1 /proc/loadavg); $out"
