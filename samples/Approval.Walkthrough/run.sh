#!/usr/bin/env bash
# Starts a throwaway host on simulated time (SQLite in a temp folder, demo data seeded), runs the walkthrough
# against it and stops it. usage: bash samples/Approval.Walkthrough/run.sh [port]
set -uo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-5181}
DIR=$(mktemp -d /tmp/approval-walkthrough.XXXXXX)
dotnet build designer-host -v q -nologo >/dev/null || { echo "walkthrough: build failed"; exit 1; }
Approval__Clock__Mode=Simulated ConnectionStrings__Approval="Data Source=$DIR/approval.db" \
  dotnet run --no-build --project designer-host --urls "http://127.0.0.1:$PORT" >"$DIR/host.log" 2>&1 &
HOST=$!
trap 'kill $HOST 2>/dev/null; wait $HOST 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
dotnet run --project samples/Approval.Walkthrough -- --url "http://127.0.0.1:$PORT"
rc=$?
[ $rc -ne 0 ] && tail -40 "$DIR/host.log"
exit $rc
