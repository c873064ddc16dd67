#!/usr/bin/env bash
# Runs Recents locally: Azurite (storage), a cluster of silos, the API, demo data, and a ready bearer token.
#   RECENTS_PORT      API port (default 5080)
#   RECENTS_SILOS     how many silo processes form the cluster (default 1)
#   RECENTS_DATA_DIR  where Azurite keeps its data and the processes their logs (default .data)
# Every other port is picked free. A process that dies is restarted (scripts/local-stack.sh supervises them).
# Ctrl-C (or SIGTERM) stops everything this script started: API, silos, storage last.
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

source scripts/local-stack.sh
cleanup() {
  trap - EXIT INT TERM
  echo "Stopping ..."
  stop_stack
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
start_azurite_process
export Cluster__StorageConnectionString
Cluster__StorageConnectionString=$(azurite_connection_string "$storage_port")
export Cluster__ClusterId=recents-local

# Three ports per silo (silo-to-silo, gateway, metrics), chosen together so that they all differ.
mapfile -t silo_ports < <(free_ports $((3 * silo_count)))
for ((n = 1; n <= silo_count; n++)); do start_silo "$n" "${silo_ports[@]:3 * n - 3:3}"; done
for ((n = 1; n <= silo_count; n++)); do
  wait_for_silo "$n" || { echo "Silo $n did not start; see ${log_of[silo-$n]}" >&2; exit 1; }
done

management_port=$(free_port)
start_api
wait_for_http "http://127.0.0.1:$api_port/health/ready" 120 "${pid_of[@]}" \
  || { echo "The API did not become ready; see ${log_of[api]}" >&2; exit 1; }

gateways=() silo_metrics=() silo_pids=()
for ((n = 1; n <= silo_count; n++)); do
  gateways+=("${gateway_of[$n]}")
  silo_metrics+=("${metrics_of[$n]}")
  silo_pids+=("${pid_of[silo-$n]}")
done

cat <<INFO

Recents is running.
  API         http://127.0.0.1:$api_port   (silo gateways ${gateways[*]}, Azurite table $storage_port)
  Reference   http://127.0.0.1:$api_port/scalar/v1   (OpenAPI: /openapi/v1.json)
  Data, logs  $data_dir
  Processes   API pid ${pid_of[api]}, silo pids ${silo_pids[*]}, Azurite pid ${pid_of[azurite]}   (one that dies is restarted)
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

Press Ctrl-C to stop. A process that dies is restarted (a silo on fresh ports); its death and return show below.
INFO

supervise
