#!/usr/bin/env bash
# Runs the load test against the app built from a commit (or the working tree), started by hand on 127.0.0.1, so that
# two versions can be measured with the same load test in the same session:
#   tests/Tables.LoadTest/against.sh 4d7a07a 2000 --legacy-phones   # the app before #13, with phones as they were then
#   tests/Tables.LoadTest/against.sh . 2000                          # this working tree
# Extra arguments go to the load test (--spread, --interval-ms, --no-baseline…). Port: LOAD_PORT (default 5304).
set -euo pipefail
cd "$(dirname "$0")/../.."
commit="$1"; participants="$2"; shift 2
port="${LOAD_PORT:-5304}"
if [ "$commit" = "." ]; then
  src="$PWD"
else
  src="$(mktemp -d)/tables-$commit"
  mkdir -p "$src"
  git archive "$commit" | tar -x -C "$src"
fi
dotnet build "$src/src/Tables.Web" -c Release -v q --nologo >/dev/null
data="$(mktemp -d)"
(cd "$src/src/Tables.Web" && ASPNETCORE_ENVIRONMENT=Production Data__Directory="$data" Samples__Load=true Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/Tables.Web.dll --urls "http://127.0.0.1:$port") &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 1; done
echo "uptime: $(uptime)"
dotnet run -c Release --project tests/Tables.LoadTest -- --participants "$participants" --url "http://127.0.0.1:$port" --server-pid "$server" "$@"
