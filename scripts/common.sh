# Shared by run.sh and test.sh: free ports, Azurite, waiting for services. Source it; do not run it.

# free_ports N: N distinct TCP ports on 127.0.0.1 that nothing listens on right now, one per line. They are taken
# below the kernel's ephemeral range, so that no outgoing connection can take one between the pick and the
# listener's start (as it can a port picked by listening on port 0).
free_ports() {
  node -e "
    const net = require('net'), fs = require('fs');
    let low = 32768;
    try { low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\\s+/)[0]); } catch {}
    const from = Math.max(1024, low - 16384), to = Math.max(from + 1024, low);
    const taken = new Set();
    const tryPort = () => new Promise(resolve => {
      const port = from + Math.floor(Math.random() * (to - from));
      if (taken.has(port)) return resolve(null);
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(port)));
    });
    (async () => {
      while (taken.size < Number(process.argv[1])) { const port = await tryPort(); if (port) taken.add(port); }
      console.log([...taken].join('\\n'));
    })();" "$1"
}

free_port() {
  free_ports 1
}

# require_tools TOOL...: stops with a clear message when a tool this script needs is not installed.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required but not installed (see README.md)." >&2; return 1; }
  done
}

# Installs the Azurite pinned in package-lock.json unless that exact install is already present.
ensure_azurite() {
  if [ ! -x node_modules/.bin/azurite-table ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing Azurite from package-lock.json ..."
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# The folder of the test that drives Bentley's published iModels client against the service.
bentley_client_dir=tests/Integration.Tests/BentleyClient

# Installs Bentley's client pinned in that folder's package-lock.json unless that exact install is already present.
ensure_bentley_client() {
  if [ ! -d "$bentley_client_dir/node_modules/@itwin/imodels-client-management" ] \
    || [ "$bentley_client_dir/package-lock.json" -nt "$bentley_client_dir/node_modules/.package-lock.json" ]; then
    echo "Installing Bentley's iModels client from $bentley_client_dir/package-lock.json ..."
    npm ci --prefix "$bentley_client_dir" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# Installs Debian's prometheus package when no `prometheus` is on PATH; only the Prometheus scrape test needs it.
# Quiet; false (without stopping the caller) when it cannot install. The package would start a prometheus daemon
# on port 9090: a policy-rc.d that forbids starting services stays in place for the install when none exists, and
# the service is stopped afterwards in case a policy-rc.d already there allowed it.
ensure_prometheus() {
  command -v prometheus >/dev/null 2>&1 && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || { echo "Cannot install prometheus (not root, no sudo); the Prometheus scrape test will be skipped." >&2; return 1; }
    sudo="sudo -n"
  fi
  echo "Installing prometheus (Debian package) ..."
  local policy=/usr/sbin/policy-rc.d placed_policy=false status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy" && placed_policy=true
  fi
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } \
    >/dev/null 2>&1 || status=1
  if $placed_policy; then $sudo rm -f "$policy"; fi
  if [ "$status" -eq 0 ] && command -v service >/dev/null 2>&1; then $sudo service prometheus stop >/dev/null 2>&1 || true; fi
  if [ "$status" -ne 0 ] || ! command -v prometheus >/dev/null 2>&1; then
    echo "Could not install prometheus; the Prometheus scrape test will be skipped." >&2
    return 1
  fi
}

# azurite_connection_string PORT: the emulator's well-known account, on the given table port.
azurite_connection_string() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}

# start_azurite DIR PORT LOGFILE: starts Azurite's table service in the background and sets AZURITE_PID at
# once (so a caller can stop it whatever happens next); then waits until it listens.
start_azurite() {
  mkdir -p "$1"
  setsid node_modules/.bin/azurite-table --location "$1" --tableHost 127.0.0.1 --tablePort "$2" \
    --skipApiVersionCheck --disableTelemetry --silent >"$3" 2>&1 &
  AZURITE_PID=$!
  on_started "$AZURITE_PID"
  wait_for_port "$2" 30 "$AZURITE_PID" || { echo "Azurite did not start; see $3" >&2; return 1; }
}

# Called with the pid of each background process a script starts; scripts override it to record the pid.
on_started() { :; }

# wait_for_port PORT SECONDS [PID]: true once something accepts connections on 127.0.0.1:PORT.
wait_for_port() {
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

# wait_for_log_line FILE TEXT SECONDS PID: true once FILE holds a line with TEXT; false early if PID exits.
wait_for_log_line() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$4" 2>/dev/null || return 1
    if grep -qF -- "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

# wait_for_http URL SECONDS PID...: true once URL answers 200; false early if any PID exits.
wait_for_http() {
  local url=$1 deadline=$((SECONDS + $2)); shift 2
  while [ $SECONDS -lt $deadline ]; do
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null || return 1; done
    # Each try is bounded: a server that accepts the connection but never answers must not stall the wait.
    if [ "$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then return 0; fi
    sleep 0.5
  done
  return 1
}

# stop_azurite PID: Azurite saves its in-memory tables to disk only on SIGINT (SIGTERM would lose up to
# the last 5 s of writes), so it gets SIGINT.
stop_azurite() {
  STOP_SIGNAL=INT stop_pids "$1"
}

# stop_pids PID...: sends STOP_SIGNAL (default TERM) to each process still running, then waits for all
# of them (SIGKILL after 40 s).
stop_pids() {
  local pid
  for pid in "$@"; do kill -"${STOP_SIGNAL:-TERM}" "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
