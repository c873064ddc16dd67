#!/usr/bin/env bash
# Runs Recents locally: Azurite (storage), a cluster of silos, the API, demo data, and a ready bearer token.
#   RECENTS_PORT      API port (default 5080)
#   RECENTS_SILOS     how many silo processes form the cluster (default 1)
#   RECENTS_DATA_DIR  where Azurite keeps its data and the processes their logs (default .data)
# Every other port is picked free. Ctrl-C (or SIGTERM) stops everything this script started.
# The children run in their own sessions (setsid) so that Ctrl-C reaches only this script, which then
# stops them in order: API, silos (they hand over their grains and leave the membership table), storage last.
set -euo pipefail
cd "$(dirname "$0")"
repo=$PWD
source scripts/common.sh

api_port=${RECENTS_PORT:-5080}
silo_count=${RECENTS_SILOS:-1}
data_dir=${RECENTS_DATA_DIR:-.data}
configuration=Release
mkdir -p "$data_dir/logs"
data_dir=$(cd "$data_dir" && pwd)

if (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; then
  echo "Port $api_port is in use; set RECENTS_PORT to a free port." >&2
  exit 1
fi

if ! [[ $silo_count =~ ^[1-9][0-9]?$ ]]; then
  echo "RECENTS_SILOS must be a number from 1 to 99, not '$silo_count'." >&2
  exit 1
fi

require_tools dotnet node npm curl setsid

azurite_pid=""
silo_pids=()
api_pid=""
on_started() { azurite_pid=$1; }
cleanup() {
  trap - EXIT INT TERM
  echo "Stopping ..."
  [ -n "$api_pid" ] && stop_pids "$api_pid"
  [ ${#silo_pids[@]} -gt 0 ] && stop_pids "${silo_pids[@]}"
  [ -n "$azurite_pid" ] && stop_azurite "$azurite_pid"
  echo "Stopped."
}
trap cleanup EXIT
# A requested stop (Ctrl-C, SIGTERM) is a clean exit.
trap 'exit 0' INT TERM

ensure_azurite
# The signing key of the development tokens is created on first use; the API must find it when it starts.
mint_token() {
  local token
  token=$(dotnet user-jwts create --project src/Api/Api.csproj --name "$1" --scope "$2" --output token)
  [[ $token == ey* ]] || { echo "dotnet user-jwts did not mint a token: $token" >&2; return 1; }
  echo "$token"
}
token=$(mint_token demo-user itwin-platform)
admin_token=$(mint_token demo-admin recents-admin)

echo "Building ($configuration) ..."
for project in src/Api/Api.csproj src/Silo/Silo.csproj; do
  dotnet build "$project" -c "$configuration" -nologo >"$data_dir/logs/build.log" 2>&1 \
    || { cat "$data_dir/logs/build.log" >&2; echo "The build failed." >&2; exit 1; }
done

storage_port=$(free_port)
start_azurite "$data_dir/azurite" "$storage_port" "$data_dir/logs/azurite.log"
export Cluster__StorageConnectionString
Cluster__StorageConnectionString=$(azurite_connection_string "$storage_port")
export Cluster__ClusterId=recents-local

# start_silo N SILO_PORT GATEWAY_PORT METRICS_PORT: one silo process, in its output folder (its content root, where its
# appsettings.json is), logging to silo-N.log.
start_silo() {
  (cd "src/Silo/bin/$configuration/net10.0" && Silo__SiloPort=$2 Silo__GatewayPort=$3 Silo__MetricsPort=$4 \
    DOTNET_ENVIRONMENT=Development exec setsid dotnet Recents.Silo.dll) >"$data_dir/logs/silo-$1.log" 2>&1 &
  silo_pids+=($!)
}

# Three free ports per silo: silo-to-silo, gateway and metrics. The silos join one another through the membership table.
mapfile -t silo_ports < <(free_ports $((3 * silo_count)))
gateways=()
silo_metrics=()
for ((n = 1; n <= silo_count; n++)); do
  start_silo "$n" "${silo_ports[3 * n - 3]}" "${silo_ports[3 * n - 2]}" "${silo_ports[3 * n - 1]}"
  gateways+=("${silo_ports[3 * n - 2]}")
  silo_metrics+=("http://127.0.0.1:${silo_ports[3 * n - 1]}/metrics")
done
for ((n = 1; n <= silo_count; n++)); do
  wait_for_port "${gateways[n - 1]}" 120 "${silo_pids[n - 1]}" \
    || { echo "Silo $n did not start; see $data_dir/logs/silo-$n.log" >&2; exit 1; }
done

# The management port (metrics, dashboard) is a second address of the API, which serves only those on it.
management_port=$(free_port)
(cd "src/Api/bin/$configuration/net10.0" && ASPNETCORE_ENVIRONMENT=Development \
  ASPNETCORE_URLS="http://127.0.0.1:$api_port;http://127.0.0.1:$management_port" Management__Port=$management_port \
  Directory__SeedFile="$repo/demo/seed.json" exec setsid dotnet Recents.Api.dll) >"$data_dir/logs/api.log" 2>&1 &
api_pid=$!
wait_for_http "http://127.0.0.1:$api_port/health/ready" 120 "$api_pid" "${silo_pids[@]}" \
  || { echo "The API did not become ready; see $data_dir/logs/api.log" >&2; exit 1; }

cat <<INFO

Recents is running.
  API         http://127.0.0.1:$api_port   (silo gateways ${gateways[*]}, Azurite table $storage_port)
  Reference   http://127.0.0.1:$api_port/scalar/v1   (OpenAPI: /openapi/v1.json)
  Data, logs  $data_dir
  Dashboard   http://127.0.0.1:$management_port/dashboard   (Orleans dashboard, management port)
  Metrics     http://127.0.0.1:$management_port/metrics   (API)   ${silo_metrics[*]}   (silos)
  OTLP        ${OTEL_EXPORTER_OTLP_ENDPOINT:-off (set OTEL_EXPORTER_OTLP_ENDPOINT to export traces, metrics and logs)}
  Demo user   demo-user (views the demo iModels of iTwin 5a1ce3f0-0000-4000-8000-000000000001)

Bearer token for demo-user (scope itwin-platform):
$token

Bearer token for demo-admin (scope recents-admin, for /admin/...):
$admin_token

Try:
  curl -i -X POST -H "Authorization: Bearer $token" http://127.0.0.1:$api_port/imodels/recents/1e0de100-0000-4000-8000-000000000001
  curl -s -H "Authorization: Bearer $token" -H "Prefer: return=representation" "http://127.0.0.1:$api_port/imodels/recents?iTwinId=5a1ce3f0-0000-4000-8000-000000000001"
  curl -i -X PUT -H "Authorization: Bearer $token" http://127.0.0.1:$api_port/imodels/favorites/1e0de100-0000-4000-8000-000000000001
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$api_port/imodels/favorites?iTwinId=5a1ce3f0-0000-4000-8000-000000000001&\$top=10"

Press Ctrl-C to stop.
INFO

wait -n "$azurite_pid" "${silo_pids[@]}" "$api_pid" || true
echo "A process exited unexpectedly; see $data_dir/logs." >&2
exit 1
