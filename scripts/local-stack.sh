# The processes of ./run.sh and their supervision: Azurite, the silos and the API, each started in its own session
# (setsid) so that Ctrl-C reaches only run.sh. Source it after scripts/common.sh; run.sh sets data_dir, configuration,
# repo, api_port, management_port and storage_port first.
#
# Supervision works as an orchestrator's would: when a process exits without being asked to, its death is logged (which
# process, its exit status or signal, its log), and it is started again. A silo comes back on fresh ports with a new log
# file, the API on its own ports, Azurite on its port and data. A process that dies within quick_death_seconds of its
# start is restarted after a doubling delay (1 s, 2 s, 4 s … at most 30 s). Only storage that keeps dying ends the run.

quick_death_seconds=30
storage_restart_limit=5

# One entry per process, keyed "azurite", "api" or "silo-N".
declare -A pid_of=() started_at=() log_of=() quick_deaths=() generation=()
# Per silo N: its gateway and its metrics URL, for the console.
declare -A gateway_of=() metrics_of=()

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# new_log NAME: sets log_of[NAME] to the log file of NAME's next start: silo-2.log, then silo-2.2.log, silo-2.3.log …
new_log() {
  local name=$1 count=$((${generation[$1]:-0} + 1))
  generation[$name]=$count
  if [ "$count" -eq 1 ]; then log_of[$name]=$data_dir/logs/$name.log; else log_of[$name]=$data_dir/logs/$name.$count.log; fi
}

started() {
  pid_of[$1]=$2
  started_at[$1]=$SECONDS
}

# start_azurite reports the pid through on_started at once, so that a stop request during its start still finds it.
on_started() { started azurite "$1"; }

start_azurite_process() {
  new_log azurite
  start_azurite "$data_dir/azurite" "$storage_port" "${log_of[azurite]}"
}

# start_silo N [SILO_PORT GATEWAY_PORT METRICS_PORT]: silo N, on the given ports or three fresh ones, in its output
# folder (its content root, where its appsettings.json is). It joins the others through the membership table.
start_silo() {
  local n=$1 ports=("${@:2}")
  new_log "silo-$n"
  if [ ${#ports[@]} -ne 3 ]; then mapfile -t ports < <(free_ports 3); fi
  (cd "src/Silo/bin/$configuration/net10.0" && Silo__SiloPort=${ports[0]} Silo__GatewayPort=${ports[1]} \
    Silo__MetricsPort=${ports[2]} DOTNET_ENVIRONMENT=Development exec setsid dotnet Recents.Silo.dll) >"${log_of[silo-$n]}" 2>&1 &
  started "silo-$n" $!
  gateway_of[$n]=${ports[1]}
  metrics_of[$n]=http://127.0.0.1:${ports[2]}/metrics
}

# wait_for_silo N: true once silo N has joined the cluster. Its gateway port listens earlier, while it is still
# joining; the silo logs this line once it is active.
wait_for_silo() {
  wait_for_log_line "${log_of[silo-$1]}" "is active in cluster" 120 "${pid_of[silo-$1]}"
}

# The API keeps its ports across restarts, so clients and the printed URLs stay valid. The management port (metrics,
# dashboard) is its second address, which serves only those.
start_api() {
  new_log api
  (cd "src/Api/bin/$configuration/net10.0" && ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://127.0.0.1:$api_port;http://127.0.0.1:$management_port" Management__Port=$management_port \
    Directory__SeedFile="$repo/demo/seed.json" exec setsid dotnet Recents.Api.dll) >"${log_of[api]}" 2>&1 &
  started api $!
}

# stop_stack: the API, then the silos (they hand over their grains and leave the membership table), storage last.
stop_stack() {
  local name silos=()
  if [ -n "${pid_of[api]:-}" ]; then stop_pids "${pid_of[api]}"; fi
  for name in "${!pid_of[@]}"; do
    if [[ $name == silo-* ]]; then silos+=("${pid_of[$name]}"); fi
  done
  if [ ${#silos[@]} -gt 0 ]; then stop_pids "${silos[@]}"; fi
  if [ -n "${pid_of[azurite]:-}" ]; then stop_azurite "${pid_of[azurite]}"; fi
  pid_of=()
}

# describe_exit STATUS: "exited with status 3" or "was killed by SIGKILL".
describe_exit() {
  if [ "$1" -gt 128 ]; then echo "was killed by SIG$(kill -l $(($1 - 128)))"; else echo "exited with status $1"; fi
}

label() {
  case $1 in
    azurite) echo "Azurite" ;;
    api) echo "The API" ;;
    silo-*) echo "Silo ${1#silo-}" ;;
  esac
}

# supervise: waits for any process to exit and restarts it; returns only through a stop request or lost storage.
supervise() {
  local exited status name candidate
  while true; do
    exited="" status=0
    # Bash's own "Killed" job notice goes to the wait's stderr; the line below says it better.
    wait -n -p exited "${pid_of[@]}" 2>/dev/null || status=$?
    name=""
    for candidate in "${!pid_of[@]}"; do
      if [ "${pid_of[$candidate]}" = "$exited" ]; then name=$candidate; fi
    done
    if [ -z "$name" ]; then continue; fi
    unset "pid_of[$name]"
    say "$(label "$name") (pid $exited) $(describe_exit "$status"); its log: ${log_of[$name]}"
    restart "$name"
  done
}

# restart NAME: after the backoff NAME's recent deaths call for, starts it again and waits until it serves. A start that
# fails is left to the next round of supervise, which sees it exit (or kills it when it hangs).
restart() {
  local name=$1 delay
  if [ $((SECONDS - ${started_at[$name]})) -lt "$quick_death_seconds" ]; then
    quick_deaths[$name]=$((${quick_deaths[$name]:-0} + 1))
  else
    quick_deaths[$name]=0
  fi
  if [ "$name" = azurite ] && [ "${quick_deaths[azurite]}" -ge "$storage_restart_limit" ]; then
    say "Azurite died $storage_restart_limit times within ${quick_death_seconds} s of starting; stopping (see ${log_of[azurite]})." >&2
    exit 1
  fi
  delay=0
  if [ "${quick_deaths[$name]}" -gt 0 ]; then
    delay=30
    if [ "${quick_deaths[$name]}" -le 5 ]; then delay=$((1 << (${quick_deaths[$name]} - 1))); fi
    say "$(label "$name") died within ${quick_death_seconds} s of starting; restarting in $delay s."
    sleep "$delay" &
    wait $!
  fi

  case $name in
    azurite)
      if start_azurite_process; then say "Azurite is back on port $storage_port."; else kill_hung azurite; fi
      ;;
    api)
      start_api
      if wait_for_http "http://127.0.0.1:$api_port/health/live" 120 "${pid_of[api]}"; then
        say "The API is back on port $api_port (pid ${pid_of[api]}); its log: ${log_of[api]}"
      else
        kill_hung api
      fi
      ;;
    silo-*)
      local n=${name#silo-}
      start_silo "$n"
      if wait_for_silo "$n"; then
        say "Silo $n is back and has joined the cluster (pid ${pid_of[$name]}, gateway ${gateway_of[$n]}, metrics ${metrics_of[$n]}); its log: ${log_of[$name]}"
      else
        kill_hung "$name"
      fi
      ;;
  esac
}

# kill_hung NAME: a restarted process that neither serves nor exits is killed; supervise then sees it exit.
kill_hung() {
  local pid=${pid_of[$1]:-}
  if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
}
