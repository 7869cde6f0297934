#!/usr/bin/env bash
# Runs every test of the solution: starts a private PostgreSQL server and a private RabbitMQ node
# (installing Debian's postgresql, rabbitmq-server and yamllint packages first when they are missing and
# we are root; likewise chromium for the designer's browser tests), runs `dotnet test` on every test project
# of Bpm.sln, and prints "N passed, N failed, N skipped" computed from the test results (TRX) of every test project.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
results="$root/TestResults"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
# The deployment tests render the k8s overlays with kubectl 1.27 or newer (kustomize v5). Debian's
# kubernetes-client package is 1.20, too old for them, so it is not installed here.
command -v kubectl >/dev/null 2>&1 || echo "kubectl 1.27+ is missing: the deployment tests that render k8s/ will fail" >&2
# The designer's browser tests drive Debian's chromium; Playwright never downloads a browser.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "Chromium is needed for the designer's browser tests: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
BPM_TEST_POSTGRES="$(bash tests/postgres.sh start)" || { echo "could not start PostgreSQL" >&2; exit 1; }
export BPM_TEST_POSTGRES
trap 'bash tests/postgres.sh stop; bash tests/rabbitmq.sh stop' EXIT
BPM_TEST_RABBITMQ="$(bash tests/rabbitmq.sh start)" || { echo "could not start RabbitMQ" >&2; exit 1; }
export BPM_TEST_RABBITMQ

rm -rf "$results"
dotnet build Bpm.sln "$@" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
status=0
projects=$(dotnet sln Bpm.sln list | grep -E '^tests/.*Tests\.csproj$')
for project in $projects; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
projects=$(echo "$projects" | wc -w)
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if [ "$reports" -lt "$projects" ]; then
  echo "$((projects - reports)) of $projects test projects produced no results" >&2
  failed=$((failed + projects - reports))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
