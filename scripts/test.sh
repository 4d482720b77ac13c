#!/usr/bin/env bash
# Builds LiveGrains and runs every test suite. Installs what the suites need when it is missing.
# Ends with one line: "tests: N passed, N failed, N skipped"; exits non-zero on any failure or on no tests.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir="$root/artifacts/test-logs"
mkdir -p "$log_dir"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build"
if ! dotnet build LiveGrains.sln -c Release -nologo -v quiet > "$log_dir/build.log" 2>&1; then
  grep -E "error|Error" "$log_dir/build.log" | sort -u | head -50
  echo "build failed (full log: $log_dir/build.log)"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "== test"
dotnet test --solution LiveGrains.sln -c Release --no-build 2>&1 | tee "$log_dir/test.log"
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
