#!/usr/bin/env bash
# CI smoke test of the benchmark: 200 instances on SQLite and, when a PostgreSQL port is given, on PostgreSQL; then
# the chaos runs at a small size: crash (100 applications, one SIGKILL) on SQLite and PostgreSQL, and cluster (two
# hosts on one PostgreSQL, 160 applications), and timer lag (2,000 pending timers, 50 probes over 10 s) on each
# provider. The chaos runs use designer-host's Release build, else its Debug build.
# At a small size too: http (40 applications through the API) and queries (5,000 cases and open tasks) on SQLite.
# It proves the programs run, verify and print their figures; it does not judge them (docs/benchmarks.md does).
# usage: bash samples/Approval.Bench/BenchSmoke.sh [postgres-port]   (PostgreSQL on 127.0.0.1, user postgres, trust auth)
set -uo pipefail
cd "$(dirname "$0")/../.."
PGPORT=${1:-}

run() {
  local name=$1; shift
  local out
  out=$(dotnet run -c Release --project samples/Approval.Bench -- engine "$@" --instances 200 --warmup 20 --warmup-seconds 0 --timeout-seconds 300 2>&1)
  local rc=$?
  echo "$out" | grep -E '^(provider|instances_per_second|p50_ms|p99_ms|peak_rss_mb|verified)=' | sed "s/^/bench $name: /"
  if [ $rc -ne 0 ]; then
    echo "$out" | tail -20 | sed "s/^/bench $name: /"
    echo "bench $name: exit $rc"
    return $rc
  fi
  for key in instances_per_second p50_ms p99_ms peak_rss_mb; do
    echo "$out" | grep -q "^$key=" || { echo "bench $name: no $key line"; return 1; }
  done
  echo "$out" | grep -qx 'verified=true' || { echo "bench $name: not verified"; return 1; }
}

# A chaos verb: passes only when it verified the database and found no duplicates.
chaos() {
  local name=$1; shift
  local out
  out=$(dotnet run -c Release --no-build --project samples/Approval.Bench -- "$@" --timeout-seconds 300 2>&1)
  local rc=$?
  echo "$out" | grep -E '^(applications|hosts|kills|recovered_seconds|applications_per_second|client_retries|duplicates|verified)=' | sed "s/^/bench $name: /"
  if [ $rc -ne 0 ]; then
    echo "$out" | tail -20 | sed "s/^/bench $name: /"
    echo "bench $name: exit $rc"
    return $rc
  fi
  echo "$out" | grep -qx 'duplicates=0' || { echo "bench $name: duplicates"; return 1; }
  echo "$out" | grep -qx 'verified=true' || { echo "bench $name: not verified"; return 1; }
}

# The timers verb: passes when every probe fired exactly once and no far-future timer fired.
timers() {
  local name=$1; shift
  local out
  out=$(dotnet run -c Release --no-build --project samples/Approval.Bench -- timers "$@" --pending 2000 --probes 50 --spread-seconds 10 --lead-seconds 5 --timeout-seconds 300 2>&1)
  local rc=$?
  echo "$out" | grep -E '^(provider|load_seconds|pending_timers|fired|timer_lag_p50_ms|timer_lag_p99_ms|timer_lag_max_ms|peak_rss_mb|verified)=' | sed "s/^/bench $name: /"
  if [ $rc -ne 0 ]; then
    echo "$out" | tail -20 | sed "s/^/bench $name: /"
    echo "bench $name: exit $rc"
    return $rc
  fi
  for key in load_seconds pending_timers timer_lag_p50_ms timer_lag_p99_ms timer_lag_max_ms peak_rss_mb; do
    echo "$out" | grep -q "^$key=" || { echo "bench $name: no $key line"; return 1; }
  done
  echo "$out" | grep -qx 'pending_timers=2000' || { echo "bench $name: pending timers not all in Quartz"; return 1; }
  echo "$out" | grep -qx 'fired=50' || { echo "bench $name: not every probe fired"; return 1; }
  echo "$out" | grep -qx 'verified=true' || { echo "bench $name: not verified"; return 1; }
}

# The HTTP and read-side verbs at a small size: they run, print their figures (http also checks every case ended).
measure() {
  local name=$1 keys=$2; shift 2
  local out
  out=$(dotnet run -c Release --no-build --project samples/Approval.Bench -- "$@" --timeout-seconds 300 2>&1)
  local rc=$?
  echo "$out" | grep -E "^($keys)=" | sed "s/^/bench $name: /"
  if [ $rc -ne 0 ]; then
    echo "$out" | tail -20 | sed "s/^/bench $name: /"
    echo "bench $name: exit $rc"
    return $rc
  fi
  for key in ${keys//|/ }; do
    echo "$out" | grep -q "^$key=" || { echo "bench $name: no $key line"; return 1; }
  done
}

rc=0
run sqlite --provider sqlite || rc=$?
measure http-sqlite 'applications_per_second|host_peak_rss_mb|verified' http --provider sqlite --applications 40 --concurrency 4 || rc=$?
measure queries-sqlite 'metrics_department_month_p95_ms|alerts_p95_ms|inbox_p95_ms|peak_rss_mb' queries --provider sqlite --cases 5000 --open-tasks 5000 --queries 20 || rc=$?
chaos crash-sqlite crash --provider sqlite --applications 100 || rc=$?
timers timers-sqlite --provider sqlite || rc=$?
if [ -n "$PGPORT" ]; then
  run postgres --provider postgres --recreate-database \
    --connection "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=approval_bench_smoke" || rc=$?
  chaos crash-postgres crash --provider postgres --applications 100 \
    --connection "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=approval_chaos_crash" || rc=$?
  chaos cluster cluster --hosts 2 --applications 160 \
    --connection "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=approval_chaos_cluster" || rc=$?
  timers timers-postgres --provider postgres --recreate-database \
    --connection "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=approval_bench_timers" || rc=$?
fi
exit $rc
