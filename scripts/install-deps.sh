#!/usr/bin/env bash
# Installs the Debian 12 packages Territoire needs to build, run and test.
# Idempotent: only missing packages are installed. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data
  libsqlite3-dev libsqlite3-mod-spatialite libspatialite-dev
  libimgui-dev libglfw3-dev libgl-dev libegl-dev libstb-dev libcairo2-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev libtbb-dev
  libpq-dev postgresql-15 postgresql-15-postgis-3 libsimdjson-dev
  libfftw3-dev libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth xdotool x11-apps fonts-dejavu-core libgl1-mesa-dri mesa-utils poppler-utils libxml2-utils
  python3 clang-format
  clang
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
