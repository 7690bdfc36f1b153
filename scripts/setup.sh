#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test finsam-kalkyl on a
# fresh Debian machine with rustup, node and npm. Idempotent: every step
# checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 6-7 minutes on 2 cores, once)"
  # 0.22 needs a newer rustc than this machine has.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # --locked fails to resolve against the registry for this version.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "${FINSAM_NO_BROWSER:-}" != 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    need_root apt-get update -qq
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] \
   || [ ! -d tools/node_modules/@esbuild/linux-x64 ] \
   || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "npm ci in tools/ (wasm-opt, esbuild, Playwright core, axe-core)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# An independent reader for the XLSX export test (openpyxl), kept in the
# project, not in the system Python.
if [ ! -f tools/py/openpyxl/__init__.py ]; then
  say "pip install openpyxl 3.1.5 into tools/py (reads exported workbooks in the tests)"
  python3 -m pip install --quiet --disable-pip-version-check --target tools/py openpyxl==3.1.5 et_xmlfile==2.0.0
fi

# Trunk builds with --offline; everything it needs must be in the cargo cache.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch
