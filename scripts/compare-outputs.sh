#!/usr/bin/env bash
# Behaviour check for refactors: builds `territoire` at a base revision in a
# temporary worktree, runs the same analyses on the real sample
# (../shared/data) with it and with this checkout's build, and compares the
# outputs with their provenance removed (generator, dates and paths are
# expected to differ). Exit 0 when every output is identical.
# Usage: scripts/compare-outputs.sh BASE_REV [THIS_BINARY]
#   THIS_BINARY defaults to build/dev/app/territoire (build it first).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/compare-outputs.sh BASE_REV [THIS_BINARY]}
this=$(realpath "${2:-build/dev/app/territoire}")
shared=$(realpath ../shared/data)
work=$(mktemp -d /tmp/territoire-compare.XXXXXX)
tree="$work/base-src"
git worktree add --detach -q "$tree" "$base"
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
echo "== building territoire at $(git rev-parse --short "$base") in $tree"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$tree" -B "$tree/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
ninja -C "$tree/build" -j "$(nproc)" territoire >/dev/null
before="$tree/build/app/territoire"

run_all() {  # binary, output folder
    local bin=$1 out=$2 cat="$2/sample.sqlite"
    mkdir -p "$out"
    export TERRITOIRE_DATA_DIR="$3"
    "$bin" import --catalogue "$cat" "$shared/poi/datatourisme-touraine-2020" >/dev/null
    "$bin" import --catalogue "$cat" --level commune \
        --territories "$shared"/admin/departements/37-indre-et-loire/communes-*.geojson \
        "$shared"/admin/departements/41-loir-et-cher/communes-*.geojson >/dev/null
    "$bin" import --catalogue "$cat" --level departement \
        --territories "$shared"/admin/departements/37-indre-et-loire/departement-*.geojson \
        "$shared"/admin/departements/41-loir-et-cher/departement-*.geojson >/dev/null
    for a in patrimoine familles-nature oenotourisme velo outdoor seniors-culture; do
        "$bin" perimeter --catalogue "$cat" --audience "$a" --level 0.8 -o "$out/perimeter-$a.geojson" >/dev/null
    done
    "$bin" perimeter-compare --catalogue "$cat" --audience patrimoine --audience oenotourisme --json \
        >"$out/perimeter-compare.json"
    "$bin" compare --catalogue "$cat" --audience patrimoine --territory departement:37 \
        --against departement:41 -o "$out/compare.geojson" >/dev/null
    "$bin" gaps --catalogue "$cat" --audience familles-nature -o "$out/gaps.geojson" \
        --zones-csv "$out/gaps-zones.csv" >/dev/null
}
echo "== running the analyses (base, then this build)"
run_all "$before" "$work/before" "$tree/data"
run_all "$this" "$work/after" "$PWD/data"

python3 - "$work/before" "$work/after" <<'PY'
import json, pathlib, sys
before, after = map(pathlib.Path, sys.argv[1:])
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in ("provenance", "generator", "created_at", "imported_at")}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
different = 0
for b in sorted(before.iterdir()):
    if b.suffix not in (".geojson", ".json", ".csv"):
        continue
    a = after / b.name
    if b.suffix == ".csv":
        same = a.read_bytes() == b.read_bytes()
    else:
        same = strip(json.loads(a.read_text())) == strip(json.loads(b.read_text()))
    print(f"{'identical' if same else 'DIFFERENT'}  {b.name}")
    different += not same
sys.exit(1 if different else 0)
PY
echo "== outputs in $work"
