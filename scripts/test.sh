#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite in the dev
# build (warnings as errors), in the command-line-only build (no GL, EGL, GLFW
# or ImGui: its tests) and in the sanitizer build (ASan + UBSan).
# Sources must match .clang-format first (scripts/check-format.sh).
# GUI tests run under xvfb-run (a virtual display). Exit code 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== format (.clang-format, clang-format 14)"
bash scripts/check-format.sh

# The PostGIS suite's server: a throw-away cluster (scripts/pg-cluster.sh),
# stopped and removed on exit.
PG_DIR=$(mktemp -d /tmp/territoire-pg.XXXXXX)
trap 'bash scripts/pg-cluster.sh stop "$PG_DIR"' EXIT
bash scripts/pg-cluster.sh start "$PG_DIR"
# shellcheck disable=SC1091
source "$PG_DIR/env"

run_suite() {
  local preset=$1
  echo "== build ($preset)"
  bash scripts/build.sh "$preset"
  echo "== test ($preset)"
  xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset "$preset" -j 2 --timeout 900
}

run_suite dev
run_suite cli
run_suite asan
echo "== all test suites passed (dev, cli and asan)"
