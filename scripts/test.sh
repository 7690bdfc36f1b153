#!/usr/bin/env bash
# Installs what is missing, then runs every check and test. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native, all targets)"
cargo clippy --locked --all-targets --all-features -- -D warnings

step "clippy (wasm: library, app and wasm tests)"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests --all-features -- -D warnings

step "native tests: engine, golden examples, properties, importer fuzzing, CLI, state"
cargo test --locked

step "trunk build --release"
trunk build --release

step "wasm tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown

step "size budget"
scripts/size.sh --check

step "browser tests (Playwright with Debian's Chromium)"
node --test --test-concurrency=1 tests/e2e/

printf '\nAll checks passed in %ss.\n' "$(( $(date +%s) - started ))"
