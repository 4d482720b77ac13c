#!/usr/bin/env bash
# Builds LiveGrains and runs every test suite. Installs what the suites need when it is missing.
# Ends with one line: "tests: N passed, N failed, N skipped"; exits non-zero on any failure or on no tests.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir="$root/artifacts/test-logs"
mkdir -p "$log_dir"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A throwaway PostgreSQL on a free loopback port, run as the postgres user, removed on exit.
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "== installing PostgreSQL"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  pg_dir=$(mktemp -d /tmp/livegrains-pg.XXXXXX)
  chown postgres "$pg_dir"
  su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres --no-sync" >"$log_dir/postgres-init.log" 2>&1 || return 1
  # Test classes run in parallel, each with silos whose providers keep connection pools of their own: 200 connections
  # were once not enough ("53300: sorry, too many clients already").
  su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500\" start" >"$log_dir/postgres-start.log" 2>&1 || return 1
  export LIVEGRAINS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  echo "== PostgreSQL on 127.0.0.1:$port"
}
trap stop_postgres EXIT
if ! start_postgres; then
  cat "$log_dir"/postgres-*.log 2>/dev/null | tail -20
  echo "could not start PostgreSQL"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

# The browser end-to-end tests drive Debian's Chromium (Playwright never downloads a browser here).
command -v chromium >/dev/null || (echo "== installing Chromium" && apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

echo "== build"
if ! dotnet build LiveGrains.sln -c Release -nologo -v quiet > "$log_dir/build.log" 2>&1; then
  grep -E "error|Error" "$log_dir/build.log" | sort -u | head -50
  echo "build failed (full log: $log_dir/build.log)"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "== test"
# One module at a time: the silo process tests start several hosts and the browser tests drive
# Chromium; on a 2-core machine together they starve each other into timeouts.
dotnet test --solution LiveGrains.sln -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee "$log_dir/test.log"
status=${PIPESTATUS[0]}

# The platform prints one summary per run; with --solution the last one covers every project.
summary=$(awk '/Test run summary/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$log_dir/test.log")
num() { echo "$summary" | grep -Eo "^\s*$1:\s*[0-9]+" | grep -Eo "[0-9]+" | tail -1; }
total=$(num total); failed=$(num failed); passed=$(num succeeded); skipped=$(num skipped)
total=${total:-0}; failed=${failed:-0}; passed=${passed:-0}; skipped=${skipped:-0}

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$total" -eq 0 ]; then echo "no test ran"; failed=$((failed > 0 ? failed : 1)); fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
