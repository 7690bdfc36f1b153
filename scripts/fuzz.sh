#!/usr/bin/env bash
# Coverage-guided fuzzing of every door that reads untrusted text (see
# FUZZING.md). Not part of scripts/test.sh: it runs for as long as asked.
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]  run each target SECONDS (default 60)
#   scripts/fuzz.sh --cmin [TARGET ...]     fold what the runs found into fuzz/corpus/, minimised
#   scripts/fuzz.sh --seeds                 rewrite the seeds and dictionaries from presets/ and
#                                           tests/fixtures/, then fold them into fuzz/corpus/
#
# On a shared machine: `nice -n 19 scripts/fuzz.sh 600`.
# Installs what is missing (cargo-fuzz, pinned), builds once, runs the
# targets one after another and prints, per target, executions, execs/s,
# coverage, corpus and crashes, then a total. Exits 1 if anything crashed;
# the crashing input is in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
ALL_TARGETS=(import_bytes import_cells budget_json share_link saved_state scenario budget_address)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

mode=run
seconds=60
case "${1:-}" in
  --cmin) mode=cmin; shift ;;
  --seeds) mode=seeds; shift ;;
  ''|*[!0-9]*) ;;
  *) seconds=$1; shift ;;
esac
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${ALL_TARGETS[@]}")

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (about 1 minute, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
if ! command -v c++ >/dev/null; then
  # libfuzzer-sys compiles libFuzzer's C++ runtime.
  say "apt-get install g++"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends g++
fi

# `--sanitizer none` is what lets stable Rust build the targets: every
# other sanitizer needs nightly's -Zsanitizer. Rust's own checks remain,
# and cargo-fuzz's default build (release, with -Cdebug-assertions) plus
# fuzz/Cargo.toml's profile keep overflow checks and debug assertions on.
say "cargo fuzz build --sanitizer none"
cargo fuzz build --sanitizer none >&2
bin=fuzz/target/x86_64-unknown-linux-gnu/release

dict_of() {
  case "$1" in
    budget_json|share_link|saved_state) echo "-dict=fuzz/dict/json.dict" ;;
    import_bytes|import_cells) echo "-dict=fuzz/dict/table.dict" ;;
    budget_address) echo "-dict=fuzz/dict/url.dict" ;;
    *) echo "" ;;
  esac
}

# Merges corpora into fuzz/corpus/TARGET, keeping a small set of inputs
# that reaches every code edge any of them reaches (libFuzzer's set-cover
# merge, over edges only: hit counts and comparison operands would keep
# ten times as many files). A run regrows the rest in minutes.
minimise() {
  local t=$1; shift
  local out=fuzz/target/cmin/$t
  rm -rf "$out" && mkdir -p "$out" "fuzz/corpus/$t"
  "$bin/$t" -set_cover_merge=1 -use_counters=0 -use_cmp=0 -timeout=10 \
    "$out" "fuzz/corpus/$t" "$@" >"fuzz/target/cmin/$t.log" 2>&1
  rm -rf "fuzz/corpus/$t" && mv "$out" "fuzz/corpus/$t"
  say "$t: $(ls "fuzz/corpus/$t" | wc -l) inputs, $(du -sk "fuzz/corpus/$t" | cut -f1) kB"
}

if [ "$mode" = seeds ]; then
  say "writing seeds and dictionaries"
  rm -rf fuzz/target/seeds
  (cd fuzz && cargo run --quiet --example seeds -- target/seeds)
  mkdir -p fuzz/dict && cp fuzz/target/seeds/dict/*.dict fuzz/dict/
  for t in "${ALL_TARGETS[@]}"; do minimise "$t" "fuzz/target/seeds/corpus/$t"; done
  exit 0
fi

if [ "$mode" = cmin ]; then
  for t in "${targets[@]}"; do
    mkdir -p "fuzz/target/corpus/$t"
    minimise "$t" "fuzz/target/corpus/$t"
  done
  exit 0
fi

mkdir -p fuzz/target/logs
printf '%-13s %12s %8s %10s %7s %8s %14s %8s\n' target executions seconds execs/s cov features corpus crashes
total_execs=0 total_secs=0 total_crashes=0
for t in "${targets[@]}"; do
  work=fuzz/target/corpus/$t
  mkdir -p "$work" "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log=fuzz/target/logs/$t.log
  started=$(date +%s)
  # -timeout: an input that takes 10 s is a hang, reported as a crash.
  # New inputs go to the first folder; fuzz/corpus/ is only read.
  # shellcheck disable=SC2046
  "$bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" $(dict_of "$t") "$work" "fuzz/corpus/$t" >"$log" 2>&1 || true
  secs=$(( $(date +%s) - started ))
  # -a: a log can hold stray bytes; grep would call it binary.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -a -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  execs=${execs:-0}
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  status=$(grep -a -E 'cov: [0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$status")
  corp=$(sed -n 's/.*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$status")
  crashes=$(grep -a -c 'Test unit written to' "$log" || true)
  printf '%-13s %12s %8s %10s %7s %8s %14s %8s\n' "$t" "$execs" "$secs" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes"
  if [ "$crashes" -gt 0 ]; then
    grep -a -E 'panicked at|Test unit written to|ERROR: libFuzzer' "$log" | head -5 | sed 's/^/    /' >&2
  fi
  total_execs=$(( total_execs + execs ))
  total_secs=$(( total_secs + secs ))
  total_crashes=$(( total_crashes + crashes ))
done
printf '%-13s %12s %8s %10s %7s %8s %14s %8s\n' total "$total_execs" "$total_secs" \
  "$(( total_secs > 0 ? total_execs / total_secs : 0 ))" '' '' '' "$total_crashes"
say "logs in fuzz/target/logs/; new inputs in fuzz/target/corpus/ (scripts/fuzz.sh --cmin keeps them)"
[ "$total_crashes" -eq 0 ]
