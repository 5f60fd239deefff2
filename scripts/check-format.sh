#!/usr/bin/env bash
# Fails when a C++ source differs from .clang-format (clang-format 14, Debian 12).
# Fix with: bash scripts/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}" 2> /tmp/territoire-format.log; then
  grep -o '^[^:]*\.[ch]pp' /tmp/territoire-format.log | sort -u | sed 's/^/not formatted: /'
  echo "run: bash scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "format: ${#files[@]} files match .clang-format"
