#!/usr/bin/env bash
# The main job: install what is missing, build, and open the book in the browser
# (`dlmath serve --open`; Ctrl-C stops the server). Extra arguments go to `dlmath serve`, e.g.
# --port 0. The terminal tutorial stays: build/cli/dlmath tutorial.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
exec ./build/cli/dlmath serve --open "$@"
