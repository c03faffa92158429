#!/usr/bin/env bash
# Installs the Debian packages briefmap needs to build, test and run; installs nothing already present.
# `install-deps.sh fuzz` also installs clang-16 and libFuzzer for `make fuzz`.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config ccache
  python3-glad libimgui-dev libglfw3-dev libgdal-dev gdal-bin
  nlohmann-json3-dev doctest-dev libstb-dev libfreetype-dev libicu-dev zlib1g-dev libisal-dev libxml2-dev
  libegl-dev libgl1-mesa-dri libegl-mesa0 libgl-dev
  libavcodec-dev libavformat-dev libavfilter-dev libswscale-dev libavutil-dev
  xvfb xauth xdotool fonts-wqy-microhei fonts-dejavu-core
  libpq-dev postgresql postgresql-15-postgis-3 python3-distributed
)
if [[ "${1:-}" == fuzz ]]; then PACKAGES+=(clang-16 libfuzzer-16-dev libclang-rt-16-dev); fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
