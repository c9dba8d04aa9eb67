#!/usr/bin/env bash
# Run every fuzz target, or the ones named, for SECONDS each (30 by default).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Works from any directory. Inputs the fuzzer finds go to a scratch corpus
# under fuzz/target/corpus/, next to the build, so the seeds committed in
# fuzz/corpus/ stay small. Each target's log is fuzz/target/logs/TARGET.log.
# FUZZ_SEED=N fixes libFuzzer's random seed, so that a run from the same
# build and corpus explores the same inputs: CI sets it, so that a change
# is judged by its own code and not by the luck of the draw; run without it
# to explore afresh.
# Exits 1 when a target fails, after printing its panic and the input that
# caused it (libFuzzer writes it under fuzz/artifacts/TARGET/).
set -euo pipefail

seconds=${1:-30}
if [ $# -gt 0 ]; then shift; fi
case $seconds in
'' | *[!0-9]*)
    echo "usage: $0 [SECONDS] [TARGET...]; SECONDS must be a whole number" >&2
    exit 2
    ;;
esac

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz --locked
fi

# cargo-fuzz passes -Z flags to rustc, which only nightly accepts; this lets
# the stable toolchain accept them too.
export RUSTC_BOOTSTRAP=1
# The fuzz crate is its own workspace; its own target directory keeps it off
# the main build's lock.
export CARGO_TARGET_DIR="$fuzz_dir/target"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list --fuzz-dir "$fuzz_dir")
fi

echo "Building the fuzz targets..."
if [ $# -eq 1 ]; then
    cargo fuzz build --fuzz-dir "$fuzz_dir" "${targets[0]}"
else
    cargo fuzz build --fuzz-dir "$fuzz_dir"
fi

# Run the binaries just built rather than `cargo fuzz run`, which would build
# again, and at length, whenever the sources changed since: every target
# then fuzzes the same build, and a run takes the build plus SECONDS each.
host=$(rustc -vV | sed -n 's/^host: //p')
bin_dir="$CARGO_TARGET_DIR/$host/release"
# As cargo-fuzz sets it: Rust's globals trip this check falsely.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0}

mkdir -p "$CARGO_TARGET_DIR/logs"
failed=()
for target in "${targets[@]}"; do
    scratch="$CARGO_TARGET_DIR/corpus/$target"
    log="$CARGO_TARGET_DIR/logs/$target.log"
    artifacts="$fuzz_dir/artifacts/$target"
    mkdir -p "$scratch" "$artifacts" "$fuzz_dir/corpus/$target"
    echo "Fuzzing $target for ${seconds}s..."
    # The first corpus directory is the one libFuzzer adds new inputs to.
    if "$bin_dir/$target" -artifact_prefix="$artifacts/" \
        ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -max_total_time="$seconds" -timeout=30 \
        "$scratch" "$fuzz_dir/corpus/$target" >"$log" 2>&1; then
        # libFuzzer's last line: "#RUNS DONE cov: ... corp: ... exec/s: ...".
        echo "  ok: $(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)"
    else
        failed+=("$target")
        echo "  FAILED: $target (full log: $log)"
        # The panic message, without the backtrace; else libFuzzer's error.
        awk '/panicked at/ { show = 1 } /^stack backtrace:/ { show = 0 }
             /ERROR: libFuzzer/ && !seen { print; seen = 1 } show' "$log" |
            head -n 40 | sed 's/^/    /'
        artifact=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -n 1 | cut -d' ' -f5)
        echo "  crash artifact: ${artifact:-none written; see $fuzz_dir/artifacts/$target/}"
        if [ -n "$artifact" ]; then
            echo "  reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir $fuzz_dir $target $artifact"
        fi
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed: ${failed[*]}"
    exit 1
fi
echo "All targets ran ${seconds}s without a failure."
