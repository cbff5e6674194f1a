#!/usr/bin/env bash
# The main job: install what is missing, build, and run the tutorial on its built-in data.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
./build/examples/one_point_cost
