#!/usr/bin/env bash
# Installs what is missing, builds the calculator and serves it on
# http://127.0.0.1:8080 with Södra Vätterbygden 2024 preloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
FINSAM_NO_BROWSER=1 scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Finsam-kalkyl: http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve --release
