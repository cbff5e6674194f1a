#!/usr/bin/env bash
# Installs what is missing, builds, fuzzes the parser for a fixed number of runs, runs the whole
# test suite built with ASan and UBSan, and runs every test (ctest, last, so its summary closes
# the output).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
./scripts/fuzz-parser.sh 200000
./scripts/sanitize.sh
cd build && ctest --output-on-failure -j"$(nproc)"
