#!/usr/bin/env bash
# Reproduces the runs in BENCHMARKS.md, loopback only. One command per run:
#   scripts/bench.sh inproc   # limit baseline, LiveGrains in-process, Redis baseline: 10,000 LIVEs, 1M events
#   scripts/bench.sh host     # an embedded web host with JWT auth: Orleans client, HTTP ingest (both with 1,000 SignalR
#                             # dashboards measuring event-to-dashboard latency), Redis baseline: 10,000 LIVEs, 500k events
#   scripts/bench.sh durable  # a throwaway Postgres (fsync on): event log writer vs raw binary COPY, 10,000 LIVEs, 300k events x 3 rounds
#   scripts/bench.sh codec    # what a LIVE card costs on Orleans' wire: metrics as one array vs as a dictionary
#   scripts/bench.sh json     # what HTTP ingest's JSON reading costs per event (standard workload's bodies), on one core
#   scripts/bench.sh rollup   # what the rollup costs per event alone (no grains), for 200, 1,000 and 10,000 LIVEs, on one core
#   scripts/bench.sh memory   # what a LIVE's rollup holds, part by part, after 3, 60 and 180 minutes on air (200 LIVEs)
#   scripts/bench.sh cluster  # cluster mode as local processes (scripts/cluster.sh: Postgres, 2 silos, web): Orleans client
#                             # and HTTP ingest with durable acks, 10,000 LIVEs, 300k events
#   scripts/bench.sh all      # inproc and host, then the throughput chart
# Extra arguments go to the load generator (e.g. --events 200000; a later option wins). Results: artifacts/bench/NAME.json
# and NAME.log, NAME being the mode or $BENCH_NAME when set (to keep several runs of one mode apart).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/artifacts/bench"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mode=${1:-all}; shift || true
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_redis() {
  command -v redis-server >/dev/null || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
  redis_port=$(free_port)
  # No persistence: the baseline is in-memory counters, like LiveGrains' embedded mode.
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --protected-mode yes >"$out/redis.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "redis-server did not start (see $out/redis.log)"; exit 1
}

# ${pin} is empty unless a run sets it (the rollup and json benchmarks pin themselves to one core).
one_core() { command -v taskset >/dev/null && echo "taskset -c 1" || true; }
loadgen() { ${pin:-} dotnet run --project src/LiveGrains.LoadGen -c Release --no-build -- "$@"; }

run_inproc() {
  start_redis
  # The silo runs inside the load generator here: give it the GC the web host runs with, server GC (its project turns DATAS off). The
  # load generator itself keeps workstation GC for the host runs, where it shares the cores with the host.
  DOTNET_gcServer=1 loadgen --targets limit,inproc,redis --lives 10000 --agencies 100 --events 1000000 --batch 1000 --concurrency 8 \
    --redis "127.0.0.1:$redis_port" --json "$out/${BENCH_NAME:-inproc}.json" "$@" 2>&1 | tee "$out/${BENCH_NAME:-inproc}.log"
}

run_host() {
  start_redis
  local http gateway silo key web_dir
  http=$(free_port); gateway=$(free_port); silo=$(free_port)
  # A fresh random key per run: the host signs and checks with it, the load generator mints its tokens with it.
  key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
  # The bench needs the API and the hub, not the SPA: skipping the npm build keeps Node off the critical path.
  dotnet build src/LiveGrains.Web -c Release -nologo -v quiet -p:SkipDashboardBuild=true >"$out/web-build.log" 2>&1
  web_dir="$root/src/LiveGrains.Web/bin/Release/net10.0"
  # exec in a subshell started in the output folder: $! is then the host's own pid (its CPU is measured) and
  # appsettings.json is found. The demo is off, dev sign-in stays as embedded mode has it, ingest is not throttled.
  (cd "$web_dir" && ASPNETCORE_URLS="http://127.0.0.1:$http" LiveGrains__Demo__Enabled=false \
    LiveGrains__Auth__SigningKey="$key" LiveGrains__Auth__DevSignIn=true \
    LiveGrains__Ingest__RequestsPerSecond=1000000 LiveGrains__Ingest__BurstRequests=1000000 \
    LiveGrains__Silo__SiloPort="$silo" LiveGrains__Silo__GatewayPort="$gateway" Logging__LogLevel__Default=Warning \
    Logging__Console__TimestampFormat="HH:mm:ss.fff " \
    exec dotnet LiveGrains.Web.dll >"$out/${BENCH_NAME:-host}-web.log" 2>&1) &
  local host_pid=$!
  pids+=("$host_pid")
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$http/readyz" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$http/readyz" >/dev/null || { echo "web host did not become ready (see $out/${BENCH_NAME:-host}-web.log)"; exit 1; }
  loadgen --targets client,http,redis --lives 10000 --agencies 100 --events 500000 --batch 1000 --concurrency 8 \
    --gateway "$gateway" --url "http://127.0.0.1:$http" --signing-key "$key" --dashboards 1000 --host-pid "$host_pid" \
    --redis "127.0.0.1:$redis_port" --json "$out/${BENCH_NAME:-host}.json" "$@" 2>&1 | tee "$out/${BENCH_NAME:-host}.log"
}

dotnet build src/LiveGrains.LoadGen -c Release -nologo -v quiet >"$out/build.log" 2>&1
run_durable() {
  local pg_bin port dir
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(free_port)
  dir=$(mktemp -d /tmp/livegrains-bench-pg.XXXXXX)
  chown postgres "$dir"
  su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$dir/data' -A trust -U postgres" >"$out/durable-pg.log" 2>&1
  # Default durability (fsync and synchronous commit on): an acknowledged event must survive a crash of the machine.
  su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >>"$out/durable-pg.log" 2>&1
  trap "su postgres -s /bin/sh -c \"'$pg_bin/pg_ctl' -D '$dir/data' -m immediate stop\" >/dev/null 2>&1; rm -rf '$dir'; cleanup" EXIT
  loadgen durable --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" --lives 10000 --events 300000 --rounds 3 \
    --json "$out/${BENCH_NAME:-durable}.json" "$@" 2>&1 | tee "$out/${BENCH_NAME:-durable}.log"
}

run_cluster() {
  local log="$out/${BENCH_NAME:-cluster}-cluster.log" gateway url token web_pid
  bash scripts/cluster.sh --skip-dashboard >"$log" 2>&1 &
  local cluster_pid=$!
  # cluster.sh stops its processes and removes its Postgres on TERM.
  trap 'kill -TERM '"$cluster_pid"' 2>/dev/null; wait '"$cluster_pid"' 2>/dev/null; cleanup' EXIT
  for _ in $(seq 600); do grep -q "cluster is up" "$log" && break; kill -0 "$cluster_pid" 2>/dev/null || break; sleep 0.5; done
  grep -q "cluster is up" "$log" || { echo "the cluster did not start (see $log)"; exit 1; }
  gateway=$(grep -o 'silo-1  silo :[0-9]*  gateway :[0-9]*' "$log" | grep -o '[0-9]*$')
  url=$(grep -o 'LG_URL=[^ ]*' "$log" | head -n 1 | cut -d= -f2)
  token=$(grep -o 'LG_TOKEN=[^ ]*' "$log" | head -n 1 | cut -d= -f2)
  web_pid=$(grep -o 'web               pid [0-9]*' "$log" | grep -o '[0-9]*$')
  loadgen --targets client,http --lives 10000 --agencies 100 --events 300000 --batch 1000 --concurrency 8 \
    --gateway "$gateway" --cluster-id livegrains-local --url "$url" --token "$token" --dashboards 0 --host-pid "$web_pid" \
    --json "$out/${BENCH_NAME:-cluster}.json" "$@" 2>&1 | tee "$out/${BENCH_NAME:-cluster}.log"
}

case "$mode" in
  inproc) run_inproc "$@" ;;
  host) run_host "$@" ;;
  durable) run_durable "$@" ;;
  codec) loadgen codec "$@" 2>&1 | tee "$out/${BENCH_NAME:-codec}.log" ;;
  # One thread pinned to one core when taskset is there: the numbers are per event on one core.
  rollup) pin=$(one_core); loadgen rollup "$@" 2>&1 | tee "$out/${BENCH_NAME:-rollup}.log" ;;
  json) pin=$(one_core); loadgen json "$@" 2>&1 | tee "$out/${BENCH_NAME:-json}.log" ;;
  memory) loadgen memory "$@" 2>&1 | tee "$out/${BENCH_NAME:-memory}.log" ;;
  cluster) run_cluster "$@" ;;
  all) run_inproc "$@"; cleanup; pids=(); run_host "$@"; python3 scripts/plot_throughput.py "$out" ;;
  *) echo "usage: scripts/bench.sh inproc|host|durable|codec|json|rollup|memory|cluster|all [load generator options]"; exit 2 ;;
esac
