#!/usr/bin/env bash
# Start to first answer on the O*NET store, as a user sees it: from spawning the service (Release,
# Production settings) to the first successful GraphQL answer over HTTP (a role with its 68 skills), N starts,
# each on a fresh copy of the same data file; prints every start and the medians of wall time and of the service's
# CPU time until then (user + system, all threads: less sensitive than wall time to a machine loaded by others),
# with `uptime` before and after. Two builds, interleaved start by start: "published", as production runs it (the
# Dockerfile's `dotnet publish` for the machine's runtime: one native executable compiled ahead of time, Native AOT),
# and "build", as `dotnet build` and `dotnet run` leave it (JIT).
#
#   bash bench/startup/run.sh                    build and publish, import O*NET into a temporary data file, 10 starts
#   options: --runs N (default 10)  --no-build (use the existing Release build and publish)
#            --no-publish     the plain build only
#            --quick-jit      also the plain build with DOTNET_TC_QuickJit=1 (the project turns quick JIT off for the tail)
#            --data FILE      start on this data file (copied per start) instead of importing O*NET
#            --onet DIR       (default $ROLEGRAPH_ONET_DIR, else ../shared/datasets/onet-29.3 beside the repository)
#            --compare NAME:PROGRAM[:FILE]   one more variant, interleaved with this build's starts: another build of
#                             the service (a RoleGraph.Api.dll, run with dotnet, or a published RoleGraph.Api executable,
#                             e.g. a copy of an older build), on FILE or the same data file
#                             (repeatable; e.g. --compare json:$PWD/src/RoleGraph.Api/bin/Release/net10.0/RoleGraph.Api.dll:/tmp/old-format.json)
# Needs: Node.js (the start loop, bench/startup/measure.js), the .NET SDK, and clang (or gcc) for the native publish.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

runs=10 build=1 publish=1 quickjit=0 data="" onet="${ROLEGRAPH_ONET_DIR:-}"
compare=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --no-build) build=0 ;;
    --no-publish) publish=0 ;;
    --quick-jit) quickjit=1 ;;
    --data) data=$2; shift ;;
    --onet) onet=$2; shift ;;
    --compare) compare+=("$2"); shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in node dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/rolegraph-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

dll="$root/src/RoleGraph.Api/bin/Release/net10.0/RoleGraph.Api.dll"
if [ "$build" = 1 ]; then
  echo "== building src/RoleGraph.Api (Release)"
  dotnet build -c Release -nologo -v q "$root/src/RoleGraph.Api" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
[ -f "$dll" ] || { echo "no Release build: run without --no-build" >&2; exit 1; }
published=""
if [ "$publish" = 1 ]; then
  # As the Dockerfile publishes (-a with Docker's name of the machine's architecture), into the project's usual
  # publish folder. Not --use-current-runtime: the project sees no runtime then, and publishes for the JIT.
  case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
  if [ "$build" = 1 ]; then
    echo "== publishing src/RoleGraph.Api (Release, -a $arch: Native AOT; 2-5 min)"
    dotnet publish -c Release -a "$arch" -nologo -v q "$root/src/RoleGraph.Api" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  fi
  published=$(ls "$root"/src/RoleGraph.Api/bin/Release/net10.0/linux-*/publish/RoleGraph.Api 2>/dev/null | head -n 1)
  [ -n "$published" ] || { echo "no published build: run without --no-build, or with --no-publish" >&2; exit 1; }
fi

if [ -z "$data" ]; then
  if [ -z "$onet" ]; then
    for candidate in ../shared/datasets/onet-29.3 ../../shared/datasets/onet-29.3; do
      [ -d "$candidate" ] && { onet=$candidate; break; }
    done
  fi
  if [ -z "$onet" ] || [ ! -d "$onet" ]; then
    echo "NOTE: skipped: no O*NET 29.3 database (give --onet DIR, set ROLEGRAPH_ONET_DIR, or give --data FILE)."
    exit 0
  fi
  echo "== importing O*NET into a temporary data file"
  data="$work/rolegraph.json"
  dotnet "$dll" import-onet "$onet" --data-file "$data" >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
fi
[ -f "$data" ] || { echo "no data file $data" >&2; exit 1; }

start() { # program [environment] → the command measure.js runs, with $PORT and $DATA filled in per start
  local program=$1
  case "$program" in *.dll) program="dotnet $program" ;; esac
  echo "ASPNETCORE_ENVIRONMENT=Production ${2:-}$program --urls http://127.0.0.1:\$PORT --RoleGraph:Embedded:DataFile=\$DATA --Logging:LogLevel:Default=Warning"
}
variants=()
[ -n "$published" ] && variants+=(--variant "published:$(start "$published")")
variants+=(--variant "build:$(start "$dll")")
if [ "$quickjit" = 1 ]; then
  variants+=(--variant "build+quickjit:$(start "$dll" "DOTNET_TC_QuickJit=1 ")")
fi
for entry in "${compare[@]}"; do
  IFS=: read -r name other file <<<"$entry"
  variants+=(--variant "$name${file:+@$file}:$(start "$other")")
done

echo "== $runs starts per variant, interleaved; data file $(du -h "$data" | cut -f1) ($(head -c 1 "$data" | od -An -c | tr -d ' ' | sed 's/{/JSON, format 1/; s/211/binary, format 2/'))"
echo "   before: $(uptime)"
node bench/startup/measure.js --runs "$runs" --data "$data" "${variants[@]}" | tee "$work/starts.tsv"
echo "   after:  $(uptime)"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => l.split("\t"));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const name of [...new Set(rows.map((r) => r[0]))]) {
  const mine = rows.filter((r) => r[0] === name);
  console.log(`${name}: first answer after ${median(mine.map((r) => +r[2]))} ms (median of ${mine.length}; min ${Math.min(...mine.map((r) => +r[2]))}), service CPU until then ${median(mine.map((r) => +r[3]))} ms`);
}' "$work/starts.tsv"
