#!/usr/bin/env bash
# The benchmark, in one command: builds in Release, starts Azurite, a silo and the API (and the alternative) on free
# ports, measures every row with wrk (same connections, a warm-up, then BENCH_DURATION seconds), the storage ceiling
# and the memory per activation, and prints a markdown report, also written to bench/results.md.
#   BENCH_CONNECTIONS   connections of every row (default 32)      BENCH_DURATION  seconds per row (default 10)
#   BENCH_WARMUP        warm-up seconds per row (default 5)        BENCH_USERS     users the load spreads over (default 10000)
#   BENCH_GET_USERS     users with full lists for the GET rows (default 1000)
#   BENCH_MEMORY_USERS  users activated for the memory figure (default 100000)
#   BENCH_PHASES        which parts to run (default "memory table storage alternative"); the table has the rows run.
#                       "not-found" (not in the default) measures the two kinds of 404 of an add, on both storages.
#   BENCH_IDLE_SECONDS  how long to leave them idle before measuring again (default 100; grains idle 1 min are collected)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-5}
users=${BENCH_USERS:-10000}
get_users=${BENCH_GET_USERS:-1000}
memory_users=${BENCH_MEMORY_USERS:-100000}
idle_seconds=${BENCH_IDLE_SECONDS:-100}
phases=" ${BENCH_PHASES:-memory table storage alternative} "
phase() { [[ $phases == *" $1 "* ]]; }
itwins=100
configuration=Release

require_tools dotnet node npm curl setsid
if ! command -v wrk >/dev/null 2>&1; then
  echo "The benchmark needs wrk (an HTTP load generator), which is not installed. On Debian or Ubuntu:" >&2
  echo "  sudo apt-get update && sudo apt-get install wrk" >&2
  exit 1
fi
ensure_azurite

work=$(mktemp -d "${TMPDIR:-/tmp}/recents-bench.XXXXXX")
pids=()
azurite_pid=""
on_started() { azurite_pid=$1; }
cleanup() {
  [ ${#pids[@]} -gt 0 ] && stop_pids "${pids[@]}"
  [ -n "$azurite_pid" ] && stop_azurite "$azurite_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Building ($configuration) ..."
for project in src/Silo/Silo.csproj src/Api/Api.csproj bench/Alternative/Alternative.csproj bench/Tools/Tools.csproj; do
  dotnet build "$project" -c "$configuration" -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
tools() { dotnet "bench/Tools/bin/$configuration/net10.0/Recents.Bench.Tools.dll" "$@"; }

issuer=https://issuer.recents-bench.test
audience=recents-bench
signing_key=$(head -c 32 /dev/urandom | base64)
tools world --users "$users" --itwins "$itwins" --out "$work" --signing-key "$signing_key" --issuer "$issuer" --audience "$audience"

storage_port=$(free_port)
start_azurite "$work/azurite" "$storage_port" "$work/azurite.log"
connection=$(azurite_connection_string "$storage_port")
export Cluster__StorageConnectionString="$connection" Cluster__ServiceId=recents-bench
export Authentication__Schemes__Bearer__ValidIssuer=$issuer Authentication__Schemes__Bearer__ValidAudiences__0=$audience
export Authentication__Schemes__Bearer__SigningKeys__0__Issuer=$issuer Authentication__Schemes__Bearer__SigningKeys__0__Value=$signing_key
results=$work/results.jsonl

# start_process NAME PROJECT_DIR DLL ENV...: one process, in its output folder, logging to $work/NAME.log; sets last_pid.
start_process() {
  local name=$1 project=$2 dll=$3; shift 3
  (cd "$project/bin/$configuration/net10.0" && exec env "$@" setsid dotnet "$dll") >"$work/$name.log" 2>&1 &
  pids+=($!)
  last_pid=$!
}

# start_cluster NAME STORAGE_KIND: a silo and the API in front of it; sets api_url and silo_pid.
start_cluster() {
  local name=$1 kind=$2 silo_port gateway_port silo_metrics_port api_port management_port
  { read -r silo_port; read -r gateway_port; read -r silo_metrics_port; read -r api_port; read -r management_port; } \
    < <(free_ports 5)
  # Telemetry as in production: both scrape endpoints served (OTLP stays off: no collector here).
  start_process "$name-silo" src/Silo Recents.Silo.dll DOTNET_ENVIRONMENT=Production Cluster__ClusterId="$name" \
    Silo__SiloPort="$silo_port" Silo__GatewayPort="$gateway_port" Silo__MetricsPort="$silo_metrics_port" GrainState__Kind="$kind" \
    GrainCollection__CollectionAge=00:01:00 GrainCollection__CollectionQuantum=00:00:10
  silo_pid=$last_pid
  wait_for_port "$gateway_port" 120 "$silo_pid" || { tail -20 "$work/$name-silo.log" >&2; exit 1; }
  api_url="http://127.0.0.1:$api_port"
  start_process "$name-api" src/Api Recents.Api.dll ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$api_url;http://127.0.0.1:$management_port" Management__Port="$management_port" \
    Cluster__ClusterId="$name" Directory__SeedFile="$work/seed.json" Benchmark__CeilingEndpoint=true \
    Logging__LogLevel__Microsoft.AspNetCore.HttpLogging=Warning \
    RateLimits__Tiers__bench__RequestsPerMinute=1000000000 RateLimits__Tiers__bench__RequestsPerHour=1000000000 \
    RateLimits__Clients__recents-bench=bench
  api_pid=$last_pid
  wait_for_http "$api_url/health/ready" 180 "$api_pid" "$silo_pid" || { tail -20 "$work/$name-api.log" >&2; exit 1; }
}

stop_started() {
  stop_pids "${pids[@]}"
  pids=()
}

# cpu_seconds PID...: CPU time (user + system) the processes have used so far.
cpu_seconds() {
  local pid ticks=0
  for pid in "$@"; do ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$ticks $(getconf CLK_TCK)" | awk '{ printf "%.2f", $1 / $2 }'
}

# row ID NAME URL MODE USERS SPREAD PREFER PID...: a warm-up, then the measured run, summed up into $results with the
# CPU time each of the service's processes (PID...) spent per request, which shows where the time goes.
row() {
  local id=$1 name=$2 url=$3 mode=$4 row_users=$5 spread=$6 prefer=$7; shift 7
  local script=(-s bench/wrk/recents.lua "$url" -- "$mode" "$work/tokens.txt" "$itwins" "$row_users" "$spread" "$prefer")
  echo "  $name ..."
  wrk -t2 -c"$connections" -d"${warmup}s" "${script[@]}" >/dev/null
  local pid cpu_before=()
  for pid in "$@"; do cpu_before+=("$(cpu_seconds "$pid")"); done
  wrk -t2 -c"$connections" -d"${duration}s" --latency "${script[@]}" >"$work/$id.txt"
  local cpu=() i=0
  for pid in "$@"; do cpu+=("$(awk -v a="${cpu_before[$i]}" -v b="$(cpu_seconds "$pid")" 'BEGIN { printf "%.2f", b - a }')"); i=$((i + 1)); done
  tools wrk-summary --id "$id" --name "$name" --file "$work/$id.txt" --cpu-seconds "${cpu[*]}" >>"$results"
}

figure() { printf '{"figure": "%s"}\n' "$1" >>"$results"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

if phase memory; then
echo "Silo on memory storage ..."
start_cluster bench-memory Memory
row ceiling "Ceiling: same pipeline, endpoint does nothing" "$api_url" ceiling "$users" spread minimal "$api_pid" "$silo_pid"
row post-memory "POST add, memory storage, $users users" "$api_url" post "$users" spread minimal "$api_pid" "$silo_pid"
row post-memory-hot "POST add, memory storage, one hot user" "$api_url" post "$users" hot minimal "$api_pid" "$silo_pid"
tools fill --url "$api_url" --tokens "$work/tokens.txt" --users "$get_users" --itwins "$itwins" --entries 25 --concurrency "$connections"
row get-minimal "GET list of 25, warm, Prefer minimal, $get_users users" "$api_url" get "$get_users" spread minimal "$api_pid" "$silo_pid"
row get-representation "GET list of 25, warm, Prefer representation, $get_users users" "$api_url" get "$get_users" spread representation "$api_pid" "$silo_pid"
row get-hot "GET list of 25, warm, one hot user" "$api_url" get "$get_users" hot minimal "$api_pid" "$silo_pid"
stop_started
fi

if phase table; then
echo "Silo on Azure Table storage (Azurite) ..."
start_cluster bench-table AzureTable
row post-table "POST add, Azure Table, $users users" "$api_url" post "$users" spread minimal "$api_pid" "$silo_pid" "$azurite_pid"
row post-table-hot "POST add, Azure Table, one hot user" "$api_url" post "$users" hot minimal "$api_pid" "$silo_pid" "$azurite_pid"

echo "  memory per activation ($memory_users users) ..."
tools fill --url "$api_url" --tokens "$work/tokens.txt" --users 1 --itwins "$itwins" --entries 25 --concurrency 1
silo_state() { tools silo-state --connection "$connection" --service-id recents-bench --cluster-id bench-table; }
state_before=$(silo_state)
rss_before=$(rss_kib "$silo_pid")
activation=$(tools activate --connection "$connection" --service-id recents-bench --cluster-id bench-table \
  --template-user bench-user-00000 --users "$memory_users" --concurrency "$connections")
state_after=$(silo_state)
rss_after=$(rss_kib "$silo_pid")
echo "  waiting $idle_seconds s for idle deactivation (CollectionAge 1 min) ..."
sleep "$idle_seconds"
state_idle=$(silo_state)
rss_idle=$(rss_kib "$silo_pid")
# Resident memory is read right after a full garbage collection in the silo (silo-state forces one).
figure "$(node -e '
  const [before, after, idle, users, json, idleSeconds, sb, sa, si] = process.argv.slice(1); const a = JSON.parse(json);
  const [nb, na, ni] = [sb, sa, si].map(s => JSON.parse(s).activations);
  console.log(`Memory: ${users} users activated with full lists (${a.entriesPerUser} entries each) on one silo, resident memory read after a full GC: ${(before / 1024).toFixed(0)} MiB with ${nb} activations before, ${(after / 1024).toFixed(0)} MiB with ${na} after, ${((after - before) * 1024 / (na - nb)).toFixed(0)} bytes (${((after - before) / (na - nb)).toFixed(2)} KiB) per activation; after ${idleSeconds} s idle (CollectionAge 1 min) ${ni} activations and ${(idle / 1024).toFixed(0)} MiB, ${((after - idle) / 1024).toFixed(0)} MiB freed. First request of an inactive user (activation and load from storage, ${a.requests} users, ${'"$connections"'} at a time): p50 ${a.p50ms} ms, p99 ${a.p99ms} ms, ${a.errors} errors.`);
' "$rss_before" "$rss_after" "$rss_idle" "$memory_users" "$activation" "$idle_seconds" "$state_before" "$state_after" "$state_idle")"
stop_started
fi

if phase not-found; then
# The 404 of an iModel that does not exist against that of one the caller may not view: the same grain calls, so
# the same cost (docs/api.md#who-may-view-an-imodel). Each row reads 3,000 ids, all active after the warm-ups.
for kind in Memory AzureTable; do
  echo "404s on $kind storage ..."
  start_cluster "bench-not-found-${kind,,}" "$kind"
  pids_of_row=("$api_pid" "$silo_pid")
  [ "$kind" = AzureTable ] && pids_of_row+=("$azurite_pid")
  # Both kinds first warm the whole pipeline (the first requests after a start cost more), so neither row pays it.
  for mode in post-unknown post-not-viewable; do
    wrk -t2 -c"$connections" -d"${warmup}s" -s bench/wrk/recents.lua "$api_url" -- "$mode" "$work/tokens.txt" "$itwins" "$users" spread minimal >/dev/null
  done
  row "not-found-unknown-${kind,,}" "POST add of an unknown iModel (404), $kind storage, $users users" "$api_url" post-unknown "$users" spread minimal "${pids_of_row[@]}"
  row "not-found-not-viewable-${kind,,}" "POST add of an iModel the caller may not view (404), $kind storage, $users users" "$api_url" post-not-viewable "$users" spread minimal "${pids_of_row[@]}"
  stop_started
done
fi

if phase storage; then
echo "Storage ceiling ..."
tools storage-ceiling --name "Storage ceiling: single-entity upserts to Azurite from .NET" --connection "$connection" \
  --concurrency "$connections" --warmup "$warmup" --duration "$duration" --users "$users" >>"$results"
fi

if phase alternative; then
echo "The alternative (stateless ASP.NET Core, read-modify-write in Azure Table) ..."
alt_port=$(free_port)
start_process alternative bench/Alternative Recents.Bench.Alternative.dll ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$alt_port" Storage__ConnectionString="$connection" Directory__SeedFile="$work/seed.json"
alt_pid=$last_pid
wait_for_http "http://127.0.0.1:$alt_port/health" 120 "$alt_pid" || { tail -20 "$work/alternative.log" >&2; exit 1; }
alt_url="http://127.0.0.1:$alt_port"
row alt-post "Alternative: POST add, $users users" "$alt_url" post "$users" spread minimal "$alt_pid" "$azurite_pid"
row alt-post-hot "Alternative: POST add, one hot user" "$alt_url" post "$users" hot minimal "$alt_pid" "$azurite_pid"
tools fill --url "$alt_url" --tokens "$work/tokens.txt" --users "$get_users" --itwins "$itwins" --entries 25 --concurrency "$connections"
row alt-get "Alternative: GET list of 25, $get_users users" "$alt_url" get "$get_users" spread minimal "$alt_pid" "$azurite_pid"
stop_started
fi

title="Benchmark of $(date -u +%Y-%m-%d), $(nproc) cores, $connections connections, ${duration} s per row after ${warmup} s warm-up"
tools table --results "$results" --title "$title" | tee bench/results.md
