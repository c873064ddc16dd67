#!/usr/bin/env bash
# Runs Recents locally: Azurite (storage), one silo, the API, demo data, and a ready bearer token.
#   RECENTS_PORT      API port (default 5080)
#   RECENTS_DATA_DIR  where Azurite keeps its data and the processes their logs (default .data)
# Every other port is picked free. Ctrl-C (or SIGTERM) stops everything this script started.
# The children run in their own sessions (setsid) so that Ctrl-C reaches only this script, which then
# stops them in order: API, silo (it deregisters from the membership table), storage last.
set -euo pipefail
cd "$(dirname "$0")"
repo=$PWD
source scripts/common.sh

api_port=${RECENTS_PORT:-5080}
data_dir=${RECENTS_DATA_DIR:-.data}
configuration=Release
mkdir -p "$data_dir/logs"
data_dir=$(cd "$data_dir" && pwd)

if (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; then
  echo "Port $api_port is in use; set RECENTS_PORT to a free port." >&2
  exit 1
fi

require_tools dotnet node npm curl setsid

pids=()
on_started() { pids+=("$1"); }
cleanup() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    echo "Stopping ..."
    for ((i = ${#pids[@]} - 1; i > 0; i--)); do stop_pids "${pids[$i]}"; done
    stop_azurite "${pids[0]}"
  fi
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

{ read -r storage_port; read -r silo_port; read -r gateway_port; } < <(free_ports 3)
start_azurite "$data_dir/azurite" "$storage_port" "$data_dir/logs/azurite.log"
export Cluster__StorageConnectionString
Cluster__StorageConnectionString=$(azurite_connection_string "$storage_port")
export Cluster__ClusterId=recents-local

# Each process runs in its output folder, its content root, where its appsettings.json is.
(cd "src/Silo/bin/$configuration/net10.0" && Silo__SiloPort=$silo_port Silo__GatewayPort=$gateway_port \
  DOTNET_ENVIRONMENT=Development exec setsid dotnet Recents.Silo.dll) >"$data_dir/logs/silo.log" 2>&1 &
on_started $!
wait_for_port "$gateway_port" 120 "${pids[1]}" || { echo "The silo did not start; see $data_dir/logs/silo.log" >&2; exit 1; }

(cd "src/Api/bin/$configuration/net10.0" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  Directory__SeedFile="$repo/demo/seed.json" exec setsid dotnet Recents.Api.dll) >"$data_dir/logs/api.log" 2>&1 &
on_started $!
wait_for_http "http://127.0.0.1:$api_port/health/ready" 120 "${pids[@]}" \
  || { echo "The API did not become ready; see $data_dir/logs/api.log" >&2; exit 1; }

cat <<INFO

Recents is running.
  API         http://127.0.0.1:$api_port   (silo gateway $gateway_port, Azurite table $storage_port)
  Reference   http://127.0.0.1:$api_port/scalar/v1   (OpenAPI: /openapi/v1.json)
  Data, logs  $data_dir
  Demo user   demo-user (views the demo iModels of iTwin 5a1ce3f0-0000-4000-8000-000000000001)

Bearer token for demo-user (scope itwin-platform):
$token

Bearer token for demo-admin (scope recents-admin, for /admin/...):
$admin_token

Try:
  curl -i -X POST -H "Authorization: Bearer $token" http://127.0.0.1:$api_port/imodels/recents/1e0de100-0000-4000-8000-000000000001
  curl -s -H "Authorization: Bearer $token" -H "Prefer: return=representation" "http://127.0.0.1:$api_port/imodels/recents?iTwinId=5a1ce3f0-0000-4000-8000-000000000001"

Press Ctrl-C to stop.
INFO

wait -n "${pids[@]}" || true
echo "A process exited unexpectedly; see $data_dir/logs." >&2
exit 1
