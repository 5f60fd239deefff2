#!/usr/bin/env bash
# Installs what is needed, builds, and opens Territoire on the Loire Valley demo
# with the "Amateurs de patrimoine" perimeter. With no display, renders the demo
# to a PNG map and a GeoJSON perimeter instead, and says where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release
# Installed into a folder of the build (bin/ and share/territoire/), as a
# package would be: the binary finds its data beside it.
cmake --install build/release --prefix "$PWD/build/release/stage" >/dev/null
bin=build/release/stage/bin/territoire
out=${TERRITOIRE_DEMO_OUT:-$PWD/out/demo}
mkdir -p "$out"
catalogue="$out/demo.sqlite"
rm -f "$catalogue"
"$bin" import --catalogue "$catalogue" data/demo/items.geojson
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "$bin" gui --catalogue "$catalogue" --audience patrimoine --context data/demo/rivers.geojson --places data/demo/places.geojson
fi
echo "No display: rendering the demo headless."
"$bin" perimeter --catalogue "$catalogue" --audience patrimoine -o "$out/perimeter-patrimoine.geojson"
xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$bin" render --catalogue "$catalogue" --audience patrimoine --context data/demo/rivers.geojson --places data/demo/places.geojson \
    --size 1600x900 -o "$out/demo-map.png"
echo "Map:       $out/demo-map.png"
echo "Perimeter: $out/perimeter-patrimoine.geojson"
