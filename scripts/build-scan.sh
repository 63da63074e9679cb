#!/usr/bin/env bash
# Builds crates/txng-scan, the lazily loaded QR decoding module of the widget,
# for the web: release wasm -> wasm-bindgen (--target web) -> wasm-opt -Oz.
# Output: pkg/scan/txng_scan.js (ES module, default export = init) and
# pkg/scan/txng_scan_bg.wasm. Prints the raw and gzip sizes of the module.
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen CLI 0.2.130
# (cargo install wasm-bindgen-cli --version 0.2.130), and wasm-opt from npm's
# binaryen (node_modules/.bin/wasm-opt, or on PATH; Debian's is too old).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target-scan}"
out="$root/pkg/scan"

# The workspace profile strips the wasm, which drops the target_features
# section wasm-bindgen reads; keep it here (names and producers are removed by
# wasm-bindgen and wasm-opt below anyway).
CARGO_PROFILE_RELEASE_STRIP=false \
  cargo build -p txng-scan --release --target wasm32-unknown-unknown

wasm_bindgen="$(command -v wasm-bindgen || echo "$HOME/.cargo/bin/wasm-bindgen")"
if [ ! -x "$wasm_bindgen" ]; then
  echo "build-scan: wasm-bindgen CLI not found (cargo install wasm-bindgen-cli --version 0.2.130)" >&2
  exit 1
fi
want="0.2.130"
have="$("$wasm_bindgen" --version | awk '{print $2}')"
if [ "$have" != "$want" ]; then
  echo "build-scan: wasm-bindgen CLI is $have, the crate pins $want" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
"$wasm_bindgen" --target web --remove-name-section --remove-producers-section \
  --out-dir "$out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/txng_scan.wasm"

if [ -x "$root/node_modules/.bin/wasm-opt" ]; then
  wasm_opt="$root/node_modules/.bin/wasm-opt"
elif command -v wasm-opt >/dev/null && [ "$(command -v wasm-opt)" != /usr/bin/wasm-opt ]; then
  wasm_opt="$(command -v wasm-opt)"
else
  echo "build-scan: wasm-opt from npm binaryen not found (npm install --no-save binaryen)" >&2
  exit 1
fi
wasm="$out/txng_scan_bg.wasm"
# Rust >= 1.82 emits bulk-memory / sign-ext / nontrapping-fptoint / multivalue.
"$wasm_opt" -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-mutable-globals --enable-multivalue --enable-reference-types \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js_gz=$(gzip -9 -c "$out/txng_scan.js" | wc -c)
echo "build-scan: $wasm: $raw bytes, gzip -9 $gz bytes (glue txng_scan.js gzip $js_gz bytes)"
