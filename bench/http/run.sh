#!/usr/bin/env bash
# RoleGraph over HTTP against a peer, as users would drive it: wrk (2 threads, 16 connections, --latency) against
#   rolegraph   the service (Release build, Production settings, rate limit raised), on the O*NET store
#   peer-1      bench/peers/mercurius.js (fastify + mercurius + graphql-jit) on the same graph exported to JSON, 1 process
#   peer-2      the same peer in 2 workers (node:cluster), i.e. on all cores of a 2-core machine
# interleaved: every round runs each query on each server in turn (the order rotating per round), so a noisy moment
# hits them all; then a phase with a CPU hog (`yes`, pinned to the last core) beside both. Prints medians of req/s,
# p50/p99 and server CPU per request (/proc/<pid>/stat utime+stime over the run ÷ requests), the RoleGraph/peer ratios
# and the load average. Loopback only; every run is bounded; servers and the hog are stopped on exit.
#
#   bash bench/http/run.sh                 quick: 3 rounds × 4 s per query and server, hog 1 round: ~4 min
#                                          measuring (6.5 min with the build and npm ci at load average ~20)
#   bash bench/http/run.sh --full          5 rounds × 10 s, hog 3 rounds: ~17 min
#   options: --rounds N --seconds S --hog-rounds N (0: no hog phase) --only role-onet,search-python
#            --variant NAME:VAR=VALUE[,VAR=VALUE]   one more RoleGraph server with these environment variables
#                                                   (repeatable; e.g. --variant wks:DOTNET_gcServer=0); the pseudo
#                                                   variable ROLEGRAPH_DLL=PATH runs another build instead (before/after
#                                                   ratios in one run: copy bin/Release/net10.0 aside first)
#            --telemetry   one more RoleGraph server, rolegraph[telemetry], with telemetry as in production: traces of
#                          every request (the SDK's default sampler records all) and metrics exported over OTLP/HTTP to
#                          bench/http/otlp-sink.js (a collector stand-in on loopback), and /metrics on, scraped every
#                          5 s; the summary adds its ratios to rolegraph (the telemetry overhead); and
#                          rolegraph[telemetry-sampled], the same with OTEL_TRACES_SAMPLER=parentbased_traceidratio
#                          and OTEL_TRACES_SAMPLER_ARG=0.1 (1 trace in 10, as busy services sample); and
#                          rolegraph[telemetry-metrics], metrics only (OTEL_TRACES_SAMPLER=always_off: no tracing)
#            --no-peers    without the Node.js peers (e.g. only RoleGraph against its variants)
#            --onet DIR (default $ROLEGRAPH_ONET_DIR, else ../shared/datasets/onet-29.3 beside the repository,
#            else ../../shared/...)   --no-build (use the existing Release build and bench/peers/node_modules)
# Needs: wrk (Debian: apt-get install wrk), Node.js ≥ 20.9 with npm, the .NET SDK, jq.
# Results: bench/artifacts/http-wrk/<time>/ (runs.tsv, summary.md; git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

rounds=3 seconds=4 hog_rounds=1 warm=2 build=1 only="" onet="${ROLEGRAPH_ONET_DIR:-}" telemetry=0 peers=1
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) rounds=3 seconds=4 hog_rounds=1 warm=2 ;;
    --full) rounds=5 seconds=10 hog_rounds=3 warm=5 ;;
    --rounds) rounds=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --hog-rounds) hog_rounds=$2; shift ;;
    --only) only=$2; shift ;;
    --variant) variants+=("$2"); shift ;;
    --onet) onet=$2; shift ;;
    --no-build) build=0 ;;
    --telemetry) telemetry=1 ;;
    --no-peers) peers=0 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in wrk node npm jq dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool (wrk: apt-get install wrk)" >&2; exit 2; }
done
if [ -z "$onet" ]; then
  for candidate in ../shared/datasets/onet-29.3 ../../shared/datasets/onet-29.3; do
    [ -d "$candidate" ] && { onet=$candidate; break; }
  done
fi
if [ -z "$onet" ] || [ ! -d "$onet" ]; then
  echo "NOTE: skipped: no O*NET 29.3 database (give --onet DIR or set ROLEGRAPH_ONET_DIR)."
  exit 0
fi
onet=$(cd "$onet" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/rolegraph-http.XXXXXX")
out="$root/bench/artifacts/http-wrk/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
pids=() hog="" scraper=""
cleanup() {
  [ -n "$hog" ] && kill "$hog" 2>/dev/null || true
  [ -n "$scraper" ] && kill "$scraper" 2>/dev/null || true
  for pid in "${pids[@]}"; do
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dll="$root/src/RoleGraph.Api/bin/Release/net10.0/RoleGraph.Api.dll"
if [ "$build" = 1 ]; then
  echo "== building src/RoleGraph.Api (Release) and installing bench/peers (npm ci)"
  dotnet build -c Release -nologo -v q "$root/src/RoleGraph.Api" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  [ "$peers" = 1 ] && (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
[ -f "$dll" ] && { [ "$peers" = 0 ] || [ -d bench/peers/node_modules ]; } || { echo "no Release build or bench/peers/node_modules: run without --no-build" >&2; exit 1; }

echo "== O*NET store from $onet (temporary: $work)"
dotnet "$dll" import-onet "$onet" --data-file "$work/rolegraph.json" >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
dotnet "$dll" export --format json --output "$work/graph.json" --data-file "$work/rolegraph.json" | tail -n 1

# The queries: name and GraphQL document (the roles are those of the in-process benchmark's O*NET dataset).
declare -A query=(
  [role-onet]='{ role(id: "computer-and-information-research-scientists") { id name skills { skill { id name } importance } } }'
  [role-seed]='{ role(id: "data-scientist") { id name skills { skill { id name } importance } } }'
  [overlap2]='{ overlap(roleIds: ["computer-and-information-research-scientists", "data-scientists"]) { skills { id } tools { id } jaccard } }'
  [search-python]='{ search(text: "python") { node { id } match } }'
)
names=(role-onet role-seed overlap2 search-python)
[ -n "$only" ] && IFS=, read -r -a names <<<"$only"
for q in "${names[@]}"; do
  [ -n "${query[$q]:-}" ] || { echo "unknown query $q (one of ${!query[*]})" >&2; exit 2; }
  jq -cn --arg q "${query[$q]}" '{query: $q}' >"$work/$q.json"
done

# The servers: name → port, pid (CPU is summed over the pid and its children: the peer's workers).
declare -A port pid
servers=()
next_port=$((20000 + RANDOM % 20000))
start_rolegraph() { # name, then VAR=VALUE... (ROLEGRAPH_DLL=PATH: that build instead of this one)
  local name=$1 server_dll=$dll assignment; shift
  local environment=()
  for assignment in "$@"; do
    case "$assignment" in ROLEGRAPH_DLL=*) server_dll=${assignment#ROLEGRAPH_DLL=} ;; *) environment+=("$assignment") ;; esac
  done
  port[$name]=$next_port; next_port=$((next_port + 1))
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production "${environment[@]}" dotnet "$server_dll" --urls "http://127.0.0.1:${port[$name]}" \
    "--RoleGraph:Embedded:DataFile=$work/$name/rolegraph.json" \
    --RoleGraph:Limits:RequestsPerSecond=1000000 --RoleGraph:Limits:RequestBurst=1000000 \
    --Logging:LogLevel:Default=Warning) >"$work/$name.log" 2>&1 &
  pid[$name]=$!; pids+=("$!"); servers+=("$name")
}
start_peer() { # name, workers
  port[$1]=$next_port; next_port=$((next_port + 1))
  node bench/peers/mercurius.js "$work/graph.json" "${port[$1]}" "$2" >"$work/$1.log" 2>&1 &
  pid[$1]=$!; pids+=("$!"); servers+=("$1")
}
# Each RoleGraph server gets its own copy of the data file: the embedded store admits one process per file.
mkdir -p "$work/rolegraph" && cp "$work/rolegraph.json" "$work/rolegraph/"
start_rolegraph rolegraph
if [ "$telemetry" = 1 ]; then
  sink_port=$next_port; next_port=$((next_port + 1))
  node bench/http/otlp-sink.js "$sink_port" >"$work/otlp-sink.log" 2>&1 &
  pids+=("$!")
  # OTLP over HTTP/protobuf to the sink (traces, metrics every 60 s by default, logs at Warning), and the Prometheus
  # endpoint; the SDK's default sampler (parent-based, always on) records and exports every request's trace.
  production_telemetry="RoleGraph__Telemetry__Enabled=true,RoleGraph__Telemetry__PrometheusEndpoint=true,OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port,OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"
  variants+=("telemetry:$production_telemetry")
  # The same with the sampler busy services use (the standard variables, read by the SDK): 1 trace in 10 recorded.
  variants+=("telemetry-sampled:$production_telemetry,OTEL_TRACES_SAMPLER=parentbased_traceidratio,OTEL_TRACES_SAMPLER_ARG=0.1")
  # Metrics only (OTLP and /metrics), traces switched off with the standard variable: no tracer provider at all.
  variants+=("telemetry-metrics:$production_telemetry,OTEL_TRACES_SAMPLER=always_off")
fi
for variant in "${variants[@]}"; do
  name="rolegraph[${variant%%:*}]"
  mkdir -p "$work/$name" && cp "$work/rolegraph.json" "$work/$name/"
  IFS=, read -r -a environment <<<"${variant#*:}"
  start_rolegraph "$name" "${environment[@]}"
done
rm -f "$work/rolegraph.json"
if [ "$peers" = 1 ]; then
  start_peer peer-1 1
  start_peer peer-2 2
fi

post() { curl -s --max-time 10 "http://127.0.0.1:$1/graphql" -H 'content-type: application/json' --data-binary "@$2"; }
echo "== starting ${servers[*]}"
for name in "${servers[@]}"; do
  # Generous: on this shared 2-core machine at load average 50, seven servers starting at once took over 2 min.
  deadline=$((SECONDS + 300))
  until post "${port[$name]}" "$work/${names[0]}.json" 2>/dev/null | grep -q '"data"'; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "${pid[$name]}" 2>/dev/null; then
      echo "$name did not start:" >&2; cat "$work/$name.log" >&2; exit 1
    fi
    sleep 0.2
  done
done
# Same answers from every server, compared as canonical JSON.
for q in "${names[@]}"; do
  expected=$(post "${port[rolegraph]}" "$work/$q.json" | jq -S -c .)
  for name in "${servers[@]}"; do
    [ "$(post "${port[$name]}" "$work/$q.json" | jq -S -c .)" = "$expected" ] || { echo "$name answers $q differently from rolegraph" >&2; exit 1; }
  done
  echo "   $q: same answer from every server ($(printf %s "$expected" | wc -c) bytes)"
done

cpu_ticks() { # utime + stime of a process and its children, clock ticks
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$p/stat")))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)
run_wrk() { # phase round query server → one line of runs.tsv
  local load before after line
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "${pid[$4]}")
  line=$(WRK_BODY_FILE="$work/$3.json" wrk -t2 -c16 -d"${seconds}s" --timeout 5s --latency -s bench/http/post.lua \
    "http://127.0.0.1:${port[$4]}/graphql" | grep '^WRK ')
  after=$(cpu_ticks "${pid[$4]}")
  local requests elapsed non2xx socket_errors p50_us p90_us p99_us max_us
  eval "${line#WRK }" # requests= elapsed= non2xx= socket_errors= p50_us= p90_us= p99_us= max_us=
  awk -v OFS='\t' -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v n="$requests" -v t="$elapsed" -v cpu=$((after - before)) -v hz="$hz" \
    -v rest="$p50_us\t$p90_us\t$p99_us\t$max_us" -v load="$load" -v err=$((non2xx + socket_errors)) \
    'BEGIN { printf "%s\t%s\t%s\t%s\t%.0f\t%s\t%.1f\t%s\t%s\n", a, b, c, d, n / t, rest, (n ? cpu * 1e6 / hz / n : 0), load, err }' >>"$out/runs.tsv"
  tail -n 1 "$out/runs.tsv" | awk -F'\t' '{ printf "   %-6s r%s %-14s %-22s %7d req/s  p50 %6.2f ms  p99 %7.2f ms  CPU %6.1f µs/req  load %s%s\n", $1, $2, $3, $4, $5, $6/1000, $8/1000, $10, $11, ($12 > 0 ? "  ERRORS " $12 : "") }'
}

printf 'phase\tround\tquery\tserver\treq_s\tp50_us\tp90_us\tp99_us\tmax_us\tcpu_us_per_req\tload1\terrors\n' >"$out/runs.tsv"
seconds_measured=$seconds; seconds=$warm
echo "== warm-up: ${warm} s per query and server (not reported)"
for q in "${names[@]}"; do for name in "${servers[@]}"; do run_wrk warmup 0 "$q" "$name" >/dev/null; done; done
seconds=$seconds_measured

measure() { # phase rounds
  local r i n=${#servers[@]}
  for ((r = 1; r <= $2; r++)); do
    for q in "${names[@]}"; do
      for ((i = 0; i < n; i++)); do run_wrk "$1" "$r" "$q" "${servers[$(((i + r) % n))]}"; done
    done
  done
}
if [ "$telemetry" = 1 ]; then
  # Prometheus scrapes every 15-60 s in production; every 5 s here, so the scrape's cost is not left out.
  full="rolegraph[telemetry]" sampled="rolegraph[telemetry-sampled]" metrics_only="rolegraph[telemetry-metrics]"
  scraped=("${port[$full]}" "${port[$sampled]}" "${port[$metrics_only]}")
  (while sleep 5; do for p in "${scraped[@]}"; do curl -s --max-time 5 -o /dev/null "http://127.0.0.1:$p/metrics" || true; done; done) &
  scraper=$!
fi
echo "== $rounds rounds × ${seconds} s, interleaved (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
measure quiet "$rounds"
if [ "$hog_rounds" -gt 0 ]; then
  cores=$(nproc)
  taskset -c $((cores - 1)) yes >/dev/null &
  hog=$!
  echo "== $hog_rounds rounds with a CPU hog (yes, pinned to core $((cores - 1)), pid $hog)"
  measure hog "$hog_rounds"
  kill "$hog"; wait "$hog" 2>/dev/null || true; hog=""
fi

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
machine="$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr), .NET $(dotnet --version), Node.js $(node --version), $({ wrk -v 2>&1 || true; } | head -n 1 | cut -d' ' -f1-2)"
if [ "$telemetry" = 1 ]; then
  sleep 6 # the SDK exports traces every 5 s
  echo "   OTLP exports received by the sink: $(curl -s --max-time 5 "http://127.0.0.1:$sink_port/" || echo "none (the sink did not answer)")"
fi
node bench/http/summarize.js "$out/runs.tsv" "commit $commit; $machine; wrk -t2 -c16 -d${seconds}s, $rounds rounds" | tee "$out/summary.md"
echo "Results: $out"
