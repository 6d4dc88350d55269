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
# Plain bash, so a fresh machine needs no curl: is /health answering 200 yet?
healthy() {
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" 2>/dev/null || return 1
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  head -1 <&3 | grep -q ' 200'
  local ok=$?
  exec 3>&- 3<&-
  return $ok
}
for _ in $(seq 1 120); do
  healthy && break
  sleep 1
done
dotnet run --project samples/Approval.Walkthrough -- --url "http://127.0.0.1:$PORT"
rc=$?
[ $rc -ne 0 ] && tail -40 "$DIR/host.log"
exit $rc
