#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz one at a time, each for MINUTES
# (default 10), under nice -n 19 with one job, and prints a summary line per
# target: executions, minutes, new corpus entries, crashes.
#   scripts/fuzz.sh [MINUTES] [TARGET...]     (targets: datatourisme_object …)
# Builds the `fuzz` preset first (clang, -fsanitize=fuzzer,address,undefined).
# The growing corpus lives in build/fuzz/corpus/<target> (seeded from
# tests/fuzz/corpus/<target>); crash, timeout and out-of-memory inputs land
# in build/fuzz/artifacts/<target>/. Minimise one with
#   build/fuzz/tests/fuzz/<target>_fuzz -minimize_crash=1 -runs=10000 FILE
# and add it to tests/fuzz/corpus/<target>/ as a regression input (the dev
# build's ctest fuzz_replay_<target> replays every file there).
# Limits per input: 2 GiB of RSS, 30 s. Exit status 1 when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
shift || true
jobs=${FUZZ_BUILD_JOBS:-2}

cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j "$jobs" >/dev/null

targets=("$@")
if ((${#targets[@]} == 0)); then
  for src in tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$src" .cpp)
    targets+=("${name%_fuzz}")
  done
fi

status=0
for t in "${targets[@]}"; do
  exe=build/fuzz/tests/fuzz/${t}_fuzz
  corpus=build/fuzz/corpus/$t
  artifacts=build/fuzz/artifacts/$t
  log=build/fuzz/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  before=$(find "$corpus" -type f | wc -l)
  start=$(date +%s)
  # -jobs=1: the run happens in a child whose output goes to fuzz-0.log in
  # the current folder; run it from the log folder and keep that file.
  (cd "$(dirname "$log")" &&
    nice -n 19 "$OLDPWD/$exe" -jobs=1 -workers=1 -max_total_time=$((minutes * 60)) \
      -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 -artifact_prefix="$OLDPWD/$artifacts/" \
      "$OLDPWD/$corpus" "$OLDPWD/tests/fuzz/corpus/$t" >/dev/null 2>&1) || true
  [[ -f "$(dirname "$log")/fuzz-0.log" ]] && mv "$(dirname "$log")/fuzz-0.log" "$log"
  elapsed=$(($(date +%s) - start))
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo "?")
  crashes=$(find "$artifacts" -type f | wc -l)
  after=$(find "$corpus" -type f | wc -l)
  printf '%-22s %10s executions  %5.1f min  corpus +%d  crash/timeout/oom inputs: %d\n' \
    "$t" "$execs" "$(awk "BEGIN{print $elapsed / 60}")" $((after - before)) "$crashes"
  ((crashes == 0)) || status=1
done
exit $status
