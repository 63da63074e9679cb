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
#
# Size (issue 10: the module <= 100 KB gzip, >= 190/209 corpus photos). As for
# the widget (build-web.sh), std is rebuilt for size with panics as immediate
# traps (-Zbuild-std, optimize_for_size, -Cpanic=immediate-abort; stable
# toolchain through RUSTC_BOOTSTRAP=1, rust-src from setup.sh), and further
# `-Zfmt-debug=none` (Debug formatting prints nothing: rxing's float Debug code
# and error texts go; the decoder never reads a Debug string, and our code
# drops rxing's errors) and `-Zlocation-detail=none` (no source paths). The
# encoding_rs tables are gone through crates/encoding-min (workspace
# [patch]). Measured 2026-11-29, wasm gzip -9 / corpus (see
# crates/txng-scan/src/lib.rs for the full table):
#   before                                            246,144  190/209
#   + encoding-min                                    136,817  190/209
#   + build-std, optimize_for_size, immediate-abort   107,894  190/209
#   + packed Shift_JIS table, fmt-debug, location     103,650  190/209
#   + vendor/rxing without Micro QR / rMQR detection   99,807  190/209
#   + ... nor their version tables; fewer labels        96,087  190/209 (+ glue 2,852)
# Its own target directory, so the flags never invalidate the other builds.
scan_target="$target_dir/scan-size"
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$scan_target" CARGO_PROFILE_RELEASE_STRIP=false \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
  cargo build -p txng-scan -p txng-qr --release --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size

rm -rf "$out"
mkdir -p "$out"
bindgen_and_opt "$scan_target/wasm32-unknown-unknown/release/txng_scan.wasm" "$out" txng_scan
bindgen_and_opt "$scan_target/wasm32-unknown-unknown/release/txng_qr.wasm" "$out" txng_qr
wasm="$out/txng_scan_bg.wasm"

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js_gz=$(gzip -9 -c "$out/txng_scan.js" | wc -c)
echo "build-scan: $wasm: $raw bytes, gzip -9 $gz bytes (glue txng_scan.js gzip $js_gz bytes)"
qr_gz=$(( $(gzip -9 -c "$out/txng_qr_bg.wasm" | wc -c) + $(gzip -9 -c "$out/txng_qr.js" | wc -c) ))
echo "build-scan: kiosk QR encoder $out/txng_qr_bg.wasm + glue: gzip -9 $qr_gz bytes (loaded on a kiosk's first link QR only)"
