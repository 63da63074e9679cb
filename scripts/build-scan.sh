#!/usr/bin/env bash
# Builds crates/txng-scan, the lazily loaded QR decoding module of the widget,
# for the web: release wasm -> wasm-bindgen (--target web) -> wasm-opt -Oz.
# Output: pkg/scan/txng_scan.js (ES module, default export = init) and
# pkg/scan/txng_scan_bg.wasm. Prints the raw and gzip sizes of the module.
#
# Needs: rustup target wasm32-unknown-unknown, the wasm-bindgen CLI at the
# version in Cargo.lock, and wasm-opt from npm's binaryen (scripts/setup.sh
# installs both; see scripts/lib/wasm-tools.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
tool=build-scan
. "$root/scripts/lib/wasm-tools.sh"
out="$root/pkg/scan"

# The workspace profile strips the wasm, which drops the target_features
# section wasm-bindgen reads; keep it here (names and producers are removed by
# wasm-bindgen and wasm-opt below anyway).
CARGO_PROFILE_RELEASE_STRIP=false \
  cargo build -p txng-scan --release --target wasm32-unknown-unknown

rm -rf "$out"
mkdir -p "$out"
bindgen_and_opt "$target_dir/wasm32-unknown-unknown/release/txng_scan.wasm" "$out" txng_scan
wasm="$out/txng_scan_bg.wasm"

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js_gz=$(gzip -9 -c "$out/txng_scan.js" | wc -c)
echo "build-scan: $wasm: $raw bytes, gzip -9 $gz bytes (glue txng_scan.js gzip $js_gz bytes)"
