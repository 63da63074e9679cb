#!/usr/bin/env bash
# Every test of txng, from a fresh clone (README command 2; CI runs this through .ci/run).
#
# Stages, in order; the first failure stops the run and names its stage:
#    1. setup        scripts/setup.sh (Rust wasm target, wasm-bindgen CLI, Chromium, npm, cryptography)
#    2. fmt          cargo fmt --all -- --check
#    3. clippy       cargo clippy --workspace --all-targets -- -D warnings
#    4. cargo-test   cargo test --workspace (core vectors, CLI snapshots, Yew SSR, scan corpus)
#   4b. url-diff     the core's URL/host decisions vs Node's WHATWG `new URL()` on generated labels
#   4c. fuzz         cargo check of fuzz/, seeds from the vectors, a short run of every fuzz target
#    5. wasm-test    cargo test -p txng-web --target wasm32-unknown-unknown (headless Chromium)
#    6. build-web    scripts/build-web.sh (dist/: the verify-first module, the Yew interface, the
#                    scanner module in dist/pkg/scan; fails above the size ceilings)
#    7. demo-data    txng demo (keys, registry, labels, QR PNGs, trace documents)
#    8. interop      Python `cryptography` and Node `jose` against txng's formats; zxing-cpp
#                    decodes every demo QR code (symbology ]Q1 / ]Q3 and exact data); every demo
#                    trace against GS1's EPCIS 2.0 JSON schema and JSON-LD context (Python
#                    `jsonschema`, `pyld`; trace sign differential: tests/interop/epcis.py)
#    9. e2e          txng serve on a free 127.0.0.1 port + node --test tests/e2e/ (Playwright, Chromium)
#   10. budgets      node scripts/budgets.mjs (figures only; fails only if artifacts are missing)
#  10b. soak         node scripts/kiosk-soak.mjs: 1,000 wedge scans on the kiosk page, JS heap and
#                    wasm memory printed at start and end (figures; fails only if a scan gets no verdict)
#   11. scan-bench   node scripts/scan-bench/run.mjs (figures; needs ../shared/testdata)
#
# The last line is "N passed, N failed": the tests counted from each runner's own summary (cargo,
# wasm-bindgen-test, interop, node --test), plus one for each check stage without tests
# (setup, fmt, clippy, build-web, demo-data, budgets, soak, scan-bench), and one for each fuzz target run.
#
# Env: TXNG_SKIP_SCAN_BENCH=1 skips stage 11; TXNG_SKIP_SOAK=1 skips 10b (TXNG_SOAK_SCANS: count); TXNG_FUZZ_SECONDS (default 10) is the run of each fuzz
# target in stage 4b; TXNG_KEEP_GOING is not supported on purpose.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

logs="$root/artifacts/test-logs"
mkdir -p "$logs"
demo_dir="$root/target/test-demo-data"
passed=0
failed=0
stage=""
stage_start=0
timings=()
server_pid=""
run_start=$SECONDS

cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  echo
  echo "== Stage times =="
  for t in "${timings[@]}"; do echo "  $t"; done
  echo "  total: $((SECONDS - run_start)) s"
  if [ "$rc" -ne 0 ]; then
    [ -n "$stage" ] && echo "test.sh: FAILED at stage '$stage' (exit $rc); its output is above and in $logs/$stage.log"
    [ "$counted_failed" = 1 ] || failed=$((failed + 1))
  fi
  echo "$passed passed, $failed failed"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

begin() {
  stage="$1"
  stage_start=$SECONDS
  echo
  echo "== [$stage] $2 =="
}

end() {
  timings+=("$(printf '%-11s %5d s' "$stage" $((SECONDS - stage_start)))")
  stage=""
}

# Runs a command, keeping its output in the stage log as well.
logged() {
  "$@" 2>&1 | tee "$logs/$stage.log"
}

# Sums a runner's own summary lines in the stage log into the totals:
#   cargo  "N passed; M failed" (cargo test, wasm-bindgen-test-runner)
#   plain  "N passed, M failed" (the interop scripts)
#   node   "ℹ pass N" / "ℹ fail N" (node --test, spec reporter; the last pair)
count() {
  local log="$logs/$stage.log" p=0 f=0
  case "$1" in
    cargo)
      p=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{s+=$3} END {print s+0}') ;;
    plain)
      p=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | awk '{s+=$3} END {print s+0}') ;;
    node)
      p=$(grep -Eo '(ℹ|#) pass [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true)
      f=$(grep -Eo '(ℹ|#) fail [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true) ;;
  esac
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  echo "[$stage] ${p:-0} passed, ${f:-0} failed"
}

# Runs a test runner (output teed to the stage log), counts its tests, stops the run if it failed.
counted() {
  local kind="$1" rc
  shift
  set +e
  "$@" 2>&1 | tee "$logs/$stage.log"
  rc=${PIPESTATUS[0]}
  set -e
  count "$kind"
  if [ "$rc" -ne 0 ]; then
    [ "$failed" -gt 0 ] || failed=1
    counted_failed=1
    exit "$rc"
  fi
}
counted_failed=0

# --- 1. setup -------------------------------------------------------------------------------------
begin setup "scripts/setup.sh"
bash scripts/setup.sh
passed=$((passed + 1))
end

# --- 2. fmt ---------------------------------------------------------------------------------------
begin fmt "cargo fmt --all -- --check"
logged cargo fmt --all -- --check
passed=$((passed + 1))
end

# --- 3. clippy ------------------------------------------------------------------------------------
begin clippy "cargo clippy --workspace --all-targets -- -D warnings"
logged cargo clippy --quiet --workspace --all-targets -- -D warnings
passed=$((passed + 1))
end

# --- 4. native tests ------------------------------------------------------------------------------
begin cargo-test "cargo test --workspace"
counted cargo cargo test --workspace
end

# --- 4b. differential URL test (FORMAT.md §1.1, §1.6) ---------------------------------------------
begin url-diff "node tests/interop/url_diff.mjs (core vs WHATWG URL on generated labels)"
cargo build --quiet -p txng-core --example url_decide
counted plain node tests/interop/url_diff.mjs --decide "$root/target/debug/examples/url_decide"
end

# --- 4c. fuzz: the harness builds, every target runs briefly, no crash ----------------------------
# fuzz/ is its own workspace (cargo-fuzz settings), so the workspace's cargo commands do not see it:
# this stage keeps it from rotting. `-s none`: the code is safe Rust (no sanitizer needed), and a
# build without AddressSanitizer runs several times more executions in the same time.
begin fuzz "cargo check of fuzz/ + ${TXNG_FUZZ_SECONDS:-10} s of each fuzz target (RUSTC_BOOTSTRAP=1 cargo fuzz run -s none)"
fuzz_secs="${TXNG_FUZZ_SECONDS:-10}"
logged cargo check --quiet --manifest-path fuzz/Cargo.toml --all-targets
python3 scripts/fuzz-seeds.py >/dev/null
(cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -s none 2>&1 | tail -1)
fuzz_targets=$(cd fuzz && cargo fuzz list)
for t in $fuzz_targets; do
  flog="$logs/fuzz-$t.log"
  set +e
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none "$t" "corpus/$t" -- \
     -max_total_time="$fuzz_secs" -print_final_stats=1 -close_fd_mask=1) >"$flog" 2>&1
  rc=$?
  set -e
  execs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$flog" | grep -Eo '[0-9]+$' || true)
  cov=$(grep -E '(DONE|INITED) +cov' "$flog" | tail -1 | grep -Eo 'cov: [0-9]+ ft: [0-9]+' || true)
  line=$(printf '%-17s %9s execs  %s' "$t" "${execs:-?}" "${cov:-cov: ?}")
  if [ "$rc" -ne 0 ]; then
    grep -E 'panicked|SUMMARY|Test unit written' "$flog" || tail -20 "$flog"
    echo "[fuzz] $t FAILED (exit $rc): crash input and log in fuzz/artifacts/$t/ and $flog"
    failed=$((failed + 1))
    counted_failed=1
    exit 1
  fi
  passed=$((passed + 1))
  echo "[fuzz] $line, 0 crashes"
done
end

# --- 5. wasm tests in headless Chromium -----------------------------------------------------------
begin wasm-test "cargo test -p txng-web --target wasm32-unknown-unknown (CHROMEDRIVER=$CHROMEDRIVER)"
counted cargo cargo test -p txng-web --target wasm32-unknown-unknown
end

# --- 6. web build ---------------------------------------------------------------------------------
begin build-web "scripts/build-web.sh"
[ -f scripts/build-web.sh ] || { echo "scripts/build-web.sh is missing"; exit 1; }
logged bash scripts/build-web.sh
[ -f dist/index.html ] || { echo "build-web.sh wrote no dist/index.html"; exit 1; }
passed=$((passed + 1))
end

# --- 7. demo data ---------------------------------------------------------------------------------
begin demo-data "txng demo --out $demo_dir"
cargo build --quiet -p txng-cli
txng="$root/target/debug/txng"
rm -rf "$demo_dir"
logged "$txng" demo --out "$demo_dir"
[ -f "$demo_dir/links.json" ] || { echo "txng demo wrote no links.json"; exit 1; }
passed=$((passed + 1))
end

# --- 8. interop -----------------------------------------------------------------------------------
begin interop "tests/interop (Python cryptography, Node jose, zxing-cpp QR decoding, EPCIS schema + JSON-LD)"
interop() {
  local rc=0
  python3 tests/interop/interop.py --txng "$txng" --demo-data "$demo_dir" || rc=1
  python3 tests/interop/qr_decode.py --demo-data "$demo_dir" || rc=1
  python3 tests/interop/epcis.py --demo-data "$demo_dir" --txng "$txng" || rc=1
  node tests/interop/jose.mjs --txng "$txng" --demo-data "$demo_dir" || rc=1
  return "$rc"
}
counted plain interop
end

# --- 9. end-to-end --------------------------------------------------------------------------------
begin e2e "txng serve + node --test tests/e2e/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export TXNG_BASE="http://127.0.0.1:$port"
export TXNG_DEMO="$demo_dir"
"$txng" serve --dir dist --data "$demo_dir" --addr "127.0.0.1:$port" >"$logs/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "$TXNG_BASE/"; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "txng serve exited:"; cat "$logs/serve.log"; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$TXNG_BASE/" || { echo "txng serve did not answer on $TXNG_BASE"; exit 1; }
rm -rf artifacts/screenshots
counted node node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
echo "[e2e] screenshots in artifacts/screenshots/"
end

# --- 10. budgets ----------------------------------------------------------------------------------
begin budgets "node scripts/budgets.mjs + registry_scale example (figures, not pass/fail)"
# Sharded registry at 10,000 producers (FORMAT.md §2.7): bytes per scan (exact) and load times
# (a debug build here; the README's times are from `cargo run --release … --example registry_scale`),
# and its files for the page: budgets.mjs loads a label of its busiest shard in the browser too.
logged cargo run --quiet -p txng-cli --example registry_scale -- --out target/registry-scale
logged node scripts/budgets.mjs --scale target/registry-scale
passed=$((passed + 1))
end

# --- 10b. kiosk soak: 1,000 wedge scans on the kiosk page, JS heap and wasm memory at start/end --
if [ "${TXNG_SKIP_SOAK:-}" = 1 ]; then
  echo "== [soak] skipped (TXNG_SKIP_SOAK=1) =="
else
  begin soak "node scripts/kiosk-soak.mjs (${TXNG_SOAK_SCANS:-1000} scans; figures)"
  logged node scripts/kiosk-soak.mjs
  passed=$((passed + 1))
  end
fi

# --- 11. scan benchmark ---------------------------------------------------------------------------
if [ "${TXNG_SKIP_SCAN_BENCH:-}" = 1 ]; then
  echo "== [scan-bench] skipped (TXNG_SKIP_SCAN_BENCH=1) =="
elif [ ! -d "$root/../shared/testdata/qr-photos" ]; then
  echo "== [scan-bench] skipped: ../shared/testdata/qr-photos not found =="
else
  begin scan-bench "node scripts/scan-bench/run.mjs (figures)"
  [ -f dist/pkg/scan/txng_scan.js ] && [ ! -f pkg/scan/txng_scan.js ] && { mkdir -p pkg && cp -r dist/pkg/scan pkg/; }
  logged node scripts/scan-bench/run.mjs
  passed=$((passed + 1))
  end
fi

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo
echo "All stages passed."
