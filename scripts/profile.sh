#!/usr/bin/env bash
# Samples the CPU of the process that does the ingest during a benchmark run, and prints where its time went by
# component (scripts/perf_components.py). The process is the web host in host runs and the load generator (which hosts
# the silo) in process. Only samples of the measured phase count (not warm-up, seeding or, with --on-air-first, the
# on-air phase).
#   scripts/profile.sh host --targets client --dashboards 0 --sim-step 5 --on-air-first --events 4000000
#   scripts/profile.sh inproc --targets inproc --sim-step 5 --on-air-first --events 12000000
# Give one target; the window starts $PROFILE_DELAY whole seconds into the measured phase (default 1; 0 to see LIVEs
# start in a run without --on-air-first) and lasts $PROFILE_SECONDS (default 10) or until the measured phase ends.
# Needs perf (Debian: linux-perf). Results: artifacts/bench/NAME.perf (raw samples) and NAME.components.txt, NAME being
# $BENCH_NAME or profile-MODE.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/profile.sh host|inproc [load generator options]}
name=${BENCH_NAME:-profile-$mode}
out=artifacts/bench
seconds=${PROFILE_SECONDS:-10}
delay=${PROFILE_DELAY:-1}
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)"; exit 1; }
case "$mode" in
  host) process='LiveGrains.Web.dll' ;;
  inproc) process='bin/Release/net10.0/LiveGrains.LoadGen' ;;
  *) echo "usage: scripts/profile.sh host|inproc [load generator options]"; exit 2 ;;
esac
mkdir -p "$out"
rm -f "$out/$name.log"
# The runtime writes a map of its compiled methods to /tmp/perf-PID.map, which perf reads to name them.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 BENCH_NAME="$name" scripts/bench.sh "$@" >/dev/null 2>&1 &
bench=$!
trap 'kill $bench 2>/dev/null || true' EXIT
# perf attaches once warm-up is over, so that the first moments of the measured phase (LIVEs starting, in a run
# without --on-air-first) are sampled too; samples outside the window are dropped by their time stamps.
# Polled every 20 ms: often enough to place the window, seldom enough to take little from the process sampled.
wait_for() {
  for _ in $(seq 30000); do
    grep -q "$1" "$out/$name.log" 2>/dev/null && return 0
    kill -0 $bench 2>/dev/null || { echo "the run ended before '$1' (see $out/$name.log)"; exit 1; }
    sleep 0.02
  done
}
now() { python3 -c 'import time; print(f"{time.clock_gettime(time.CLOCK_MONOTONIC):.3f}")'; }
wait_for 'warm-up:'
pid=$(pgrep -f "$process" | head -n 1)
perf record -k CLOCK_MONOTONIC -F 499 -g -p "$pid" -o "$out/$name.perf" >/dev/null 2>&1 &
perf_pid=$!
wait_for 'measured phase begins'
from=$(python3 -c "print($(now) + $delay)")
# The window ends after $seconds, or sooner when the measured phase is over: what follows (the totals check, the heap
# measurement) must not count as ingest.
for _ in $(seq $(((seconds + delay) * 20))); do
  sleep 0.05
  grep -q 'measured phase over' "$out/$name.log" && break
done
to=$(python3 -c "print(min($(now), $from + $seconds))")
kill -INT $perf_pid 2>/dev/null || true
wait $perf_pid || true
wait $bench || true
trap - EXIT
grep -E 'ev/s;' "$out/$name.log" || true
perf script -i "$out/$name.perf" 2>/dev/null | python3 scripts/perf_components.py --from "$from" --to "$to" | tee "$out/$name.components.txt"
