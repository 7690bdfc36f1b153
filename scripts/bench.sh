#!/usr/bin/env bash
# Runs every benchmark and writes BENCHMARKS.md: engine timings natively
# (criterion) and in wasm (headless Chromium), input-to-DOM latency and load
# times in the browser beside an empty Yew app built the same way, and the
# transfer sizes. About 6 minutes on 2 cores once the tools are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/bench
mkdir -p "$out"

echo "==> criterion (native engine)"
cargo bench --locked --features bench --bench engine -- --noplot 2>&1 | tee "$out/criterion.txt"

echo "==> builds: the app, the app with timing hooks, and the empty Yew floor"
trunk build --release
scripts/size.sh > "$out/size.txt"
trunk build --release --features bench --dist target/bench-dist
(cd benches/empty-yew && CARGO_TARGET_DIR=../../target/empty-yew trunk build --release --dist ../../target/empty-yew-dist)

echo "==> browser timings (Debian's Chromium)"
# The load average around the timings says whether the machine was shared.
cut -d' ' -f1 /proc/loadavg > "$out/loadavg.txt"
node tests/bench/browser.mjs target/bench-dist target/empty-yew-dist | tee "$out/browser.json"
cut -d' ' -f1 /proc/loadavg >> "$out/loadavg.txt"

node tests/bench/report.mjs "$out" > BENCHMARKS.md
echo "BENCHMARKS.md written."
