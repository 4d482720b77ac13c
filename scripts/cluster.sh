#!/usr/bin/env bash
# Cluster mode as local processes, for machines without Docker: a throwaway PostgreSQL on a free loopback port,
# the schema (LiveGrains.Silo.dll --migrate-only), N silos and one web process on free ports.
# Builds once in Release, then runs the built dlls. Ctrl-C stops everything and removes the data directory.
#
#   bash scripts/cluster.sh [--silos N] [--no-build] [--skip-dashboard]
#
# Needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin); run as root it starts Postgres as user postgres.
# LG_PG_OPTIONS adds server options, e.g. LG_PG_OPTIONS='-c shared_preload_libraries=pg_stat_statements'.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

silos=2
build=1
dashboard=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --skip-dashboard) dashboard=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v npm >/dev/null || dashboard=0

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
config=Release
silo_dll="$root/src/LiveGrains.Silo/bin/$config/net10.0/LiveGrains.Silo.dll"
web_dll="$root/src/LiveGrains.Web/bin/$config/net10.0/LiveGrains.Web.dll"

run_dir=$(mktemp -d /tmp/livegrains-cluster.XXXXXX)
chmod 755 "$run_dir" # the postgres user must reach its data directory inside
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pids=()

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

cleanup() {
  trap - INT TERM EXIT
  echo
  echo "== stopping"
  # Graceful first (silos leave the cluster cleanly), then whatever is left after 20 s is killed.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -d "$run_dir/pg/data" ]; then
    as_postgres "'$pg_bin/pg_ctl' -D '$run_dir/pg/data' -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$run_dir"
  echo "== stopped; removed $run_dir"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_ready() { # name port pid log
  for _ in $(seq 1 180); do
    if ! kill -0 "$3" 2>/dev/null; then echo "$1 exited; last lines of $4:" >&2; tail -n 30 "$4" >&2; exit 1; fi
    curl -fs "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return
    sleep 0.5
  done
  echo "$1 not ready after 90 s; last lines of $4:" >&2; tail -n 30 "$4" >&2; exit 1
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# An HS256 JWT as the web host's TokenIssuer makes them: issuer and audience "livegrains", the role claim type the
# host checks, signed with the UTF-8 bytes of the signing key.
mint_token() { # subject claim-json
  local header payload exp
  exp=$(( $(date +%s) + 12 * 3600 ))
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"livegrains","aud":"livegrains","sub":"%s",%s,"iat":%d,"nbf":%d,"exp":%d}' "$1" "$2" "$(date +%s)" "$(date +%s)" "$exp" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$signing_key" -binary | b64url)"
}

if [ "$build" -eq 1 ]; then
  echo "== build ($config)"
  skip=""; [ "$dashboard" -eq 0 ] && skip="-p:SkipDashboardBuild=true"
  dotnet build src/LiveGrains.Silo -c "$config" -nologo -v quiet >"$run_dir/build.log" 2>&1 \
    && dotnet build src/LiveGrains.Web -c "$config" -nologo -v quiet $skip >>"$run_dir/build.log" 2>&1 \
    || { grep -E "error" "$run_dir/build.log" | sort -u | head -30; echo "build failed"; exit 1; }
fi
[ -f "$silo_dll" ] && [ -f "$web_dll" ] || { echo "missing $silo_dll or $web_dll: run without --no-build" >&2; exit 1; }

echo "== PostgreSQL"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
pg_port=$(free_port)
mkdir -p "$run_dir/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$run_dir/pg"
as_postgres "'$pg_bin/initdb' -D '$run_dir/pg/data' -A trust -U postgres --no-sync" >"$run_dir/pg-init.log" 2>&1 \
  || { cat "$run_dir/pg-init.log"; exit 1; }
as_postgres "'$pg_bin/pg_ctl' -D '$run_dir/pg/data' -l '$run_dir/pg/server.log' -w -o \"-p $pg_port -k '$run_dir/pg' -c listen_addresses=127.0.0.1 -c max_connections=200 ${LG_PG_OPTIONS:-}\" start" >"$run_dir/pg-start.log" 2>&1 \
  || { cat "$run_dir/pg-start.log" "$run_dir/pg/server.log" 2>/dev/null; exit 1; }
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

signing_key=$(openssl rand -base64 32)
export LiveGrains__Cluster__Postgres="$connection"
export LiveGrains__Cluster__ClusterId=livegrains-local LiveGrains__Cluster__ServiceId=livegrains-local
export LiveGrains__Cluster__AdvertisedAddress=127.0.0.1
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production

echo "== schema"
dotnet "$silo_dll" --migrate-only >"$run_dir/migrate.log" 2>&1 || { cat "$run_dir/migrate.log"; exit 1; }

silo_lines=(); health_ports=(); silo_pids=()
for i in $(seq 1 "$silos"); do
  silo_port=$(free_port); gateway_port=$(free_port); health_port=$(free_port)
  log="$run_dir/silo-$i.log"
  LiveGrains__Cluster__SiloPort=$silo_port LiveGrains__Cluster__GatewayPort=$gateway_port LiveGrains__Cluster__HealthPort=$health_port \
    dotnet "$silo_dll" >"$log" 2>&1 &
  pids+=($!)
  silo_lines+=("silo-$i  silo :$silo_port  gateway :$gateway_port  http://127.0.0.1:$health_port/readyz  (pid $!, log $log)")
  health_ports+=("$health_port"); silo_pids+=($!)
  echo "== silo-$i starting"
done
# Started side by side (the migrator's lock and membership sort them out), then waited for.
for i in $(seq 1 "$silos"); do
  wait_ready "silo-$i" "${health_ports[$((i - 1))]}" "${silo_pids[$((i - 1))]}" "$run_dir/silo-$i.log"
done

web_port=$(free_port)
log="$run_dir/web.log"
# The content root is the project folder, so the dashboard built into its wwwroot is served.
ASPNETCORE_URLS="http://127.0.0.1:$web_port" LiveGrains__Mode=Cluster LiveGrains__Auth__DevSignIn=false LiveGrains__Auth__SigningKey="$signing_key" \
  dotnet "$web_dll" --contentRoot "$root/src/LiveGrains.Web" >"$log" 2>&1 &
pids+=($!)
web_pid=$!
echo "== web starting"
wait_ready web "$web_port" "$web_pid" "$log"

service_token=$(mint_token "service:cluster-sh" '"http://schemas.microsoft.com/ws/2008/06/identity/claims/role":"service"')
agency_token=$(mint_token "agency:agency-1" '"agency":"agency-1"')

cat <<EOF

LiveGrains cluster is up ($silos silos, 1 web, Postgres on 127.0.0.1:$pg_port):
  dashboard + API   http://127.0.0.1:$web_port/   (API reference: /api/docs; probes: /healthz /readyz)
$(printf '  %s\n' "${silo_lines[@]}")
  web               pid $web_pid, log $log
  postgres          $connection

Tokens (12 h, signed with this run's key; cluster mode has no development sign-in):
  export LG_URL=http://127.0.0.1:$web_port LG_TOKEN=$service_token
  curl -s -H "Authorization: Bearer \$LG_TOKEN" -X PUT \$LG_URL/api/admin/agencies/agency-1 -H 'content-type: application/json' -d '{"name":"Agency 1"}'
  curl -s -H "Authorization: Bearer \$LG_TOKEN" \$LG_URL/api/ingest/events -H 'content-type: application/json' -d '[...]'
  Dashboard as agency-1: in the browser console on that page, document.cookie = "lg_token=$agency_token; path=/"

Ctrl-C stops everything and removes $run_dir.
EOF

# Stay in the foreground; a host that dies is reported and ends the run.
wait -n "${pids[@]}" || true
for log in "$run_dir"/silo-*.log "$run_dir/web.log"; do
  echo "== last lines of $log" >&2; tail -n 15 "$log" >&2
done
echo "a LiveGrains process exited; stopping the rest" >&2
