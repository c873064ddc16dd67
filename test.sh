#!/usr/bin/env bash
# Runs the tests of Recents and ends with "N passed, N failed".
#
#   ./test.sh [ARG...]         every test: builds the product (Recents.sln) and the benchmark (bench/Bench.sln),
#                              starts an Azurite on a free port for the tests that need real storage, runs both
#                              solutions' tests and stops Azurite. CI runs this (.ci/run).
#   ./test.sh --fast [ARG...]  the fast tier: builds and runs tests/Unit.Tests and tests/Deployment.Tests only, which
#                              need neither Azurite nor a cluster; Azurite is neither installed nor started.
#
# Further arguments go to `dotnet test`, for example `./test.sh --filter FullyQualifiedName~Authentication`.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

summary_on_failure() { echo "0 passed, 1 failed ($1)"; exit 1; }

fast=false
if [ "${1:-}" = "--fast" ]; then
  fast=true
  shift
fi

if $fast; then
  require_tools dotnet || summary_on_failure "missing tools"
  targets=(tests/Unit.Tests/Unit.Tests.csproj tests/Deployment.Tests/Deployment.Tests.csproj)
else
  require_tools dotnet node npm setsid || summary_on_failure "missing tools"
  targets=(Recents.sln bench/Bench.sln)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/recents-test.XXXXXX")
azurite_pid=""
on_started() { azurite_pid=$1; }
cleanup() {
  [ -n "$azurite_pid" ] && stop_azurite "$azurite_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

$fast || ensure_azurite || summary_on_failure "Azurite install"
$fast || ensure_bentley_client || summary_on_failure "install of Bentley's iModels client"
# Optional: without prometheus the Prometheus scrape test skips and says how to install it.
$fast || ensure_prometheus || true
for target in "${targets[@]}"; do
  dotnet build "$target" -nologo -v quiet -clp:ErrorsOnly -clp:NoSummary || summary_on_failure "build of $target"
done

if ! $fast; then
  storage_port=$(free_port)
  start_azurite "$work/azurite" "$storage_port" "$work/azurite.log" || summary_on_failure "Azurite start"
  export RECENTS_TEST_STORAGE
  RECENTS_TEST_STORAGE=$(azurite_connection_string "$storage_port")
fi

export RECENTS_DRILL_REPORT="$work/drills.md"
status=0
for target in "${targets[@]}"; do
  dotnet test "$target" --no-build -nologo --logger "trx" --results-directory "$work/results" "$@" || status=1
done

if [ -s "$RECENTS_DRILL_REPORT" ]; then
  echo
  echo "Figures of the failure drills and the Prometheus scrape:"
  cat "$RECENTS_DRILL_REPORT"
  echo
fi

passed=0
failed=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run itself failed (a crashed test host, say) without a failed test to show for it
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
