#!/usr/bin/env bash
# Installs the Debian 12 packages dlmath builds and tests with. Safe to run again: it only installs
# what is missing. Set DLMATH_NO_PLOTS=1 to skip PLplot (the plots are then left out of the build).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libmpfr-dev libgmp-dev
  graphviz libgraphviz-dev
  catch2 libcli11-dev nlohmann-json3-dev
  libbenchmark-dev libedit-dev
  clang libclang-rt-14-dev
  ccache
  libcpp-httplib-dev
  chromium fonts-dejavu-core
  python3-sympy
)
# The browser test runs Debian's chromium from Node (puppeteer-core, installed by npm from the
# lock file). A machine that already has Node and npm (from any source) keeps them.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
if [ "${DLMATH_NO_PLOTS:-0}" != 1 ]; then
  packages+=(libplplot-dev plplot-driver-cairo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
