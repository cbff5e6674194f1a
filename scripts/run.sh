#!/usr/bin/env bash
# The main job: install what is missing, build, and run the whole tutorial on its built-in data
# (the pictures go to ./dlmath-pictures).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
./build/cli/dlmath tutorial --out dlmath-pictures   # pauses between steps on a terminal
