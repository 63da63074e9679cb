#!/usr/bin/env bash
# Measures the split issue 10 describes, without building it: a verify-first module (txng-core,
# the config block, the registry fetch, the verdict written with plain DOM calls; no Yew) in
# scripts/perf/verify-first/, built with the same flags as scripts/build-web.sh. Prints its sizes
# and assembles target/dist-verify-first (dist/ with this module instead of the widget), which
# `TXNG_DIST=target/dist-verify-first node scripts/budgets.mjs` measures like the widget.
# Not part of the test suite; a measurement for planning (figures in README "Figures").
#
# Needs: dist/ from scripts/build-web.sh (for the page, css and scanner), the wasm tools of
# scripts/setup.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[ -f dist/index.html ] || { echo "verify-first: run scripts/build-web.sh first" >&2; exit 1; }
crate="$root/scripts/perf/verify-first"
target_dir="${CARGO_TARGET_DIR:-$root/target}/verify-first"
# Its own Cargo.lock (not committed): the workspace's, pruned by cargo to what the module uses.
[ -f "$crate/Cargo.lock" ] || cp Cargo.lock "$crate/Cargo.lock"
(cd "$crate" && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  cargo build --release --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --config 'profile.release.package.curve25519-dalek.opt-level="z"' \
    --config 'profile.release.package.sha2.opt-level="z"')
tool=verify-first
. "$root/scripts/lib/wasm-tools.sh"
out="$target_dir/pkg"
rm -rf "$out" && mkdir -p "$out"
bindgen_and_opt "$target_dir/wasm32-unknown-unknown/release/txng_vf.wasm" "$out" txng_vf
d=target/dist-verify-first
rm -rf "$d" && cp -r dist "$d"
rm -rf "$d"/pkg/txng_web* "$d"/pkg/snippets
cp "$out/txng_vf.js" "$out/txng_vf_bg.wasm" "$d/pkg/"
printf "import init from '../pkg/txng_vf.js';\ninit();\n" > "$d/assets/boot.js"
sed -i 's|/pkg/txng_web.js|/pkg/txng_vf.js|; s|/pkg/txng_web_bg.wasm|/pkg/txng_vf_bg.wasm|; /pkg\/snippets/d' "$d/index.html"
for f in "$d/pkg/txng_vf_bg.wasm" "$d/pkg/txng_vf.js"; do
  br=$(node -e "const z=require('zlib');process.stdout.write(String(z.brotliCompressSync(require('fs').readFileSync('$f'),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))")
  printf 'verify-first: %-40s %8d raw %8d gzip -9 %8d brotli q11\n' "${f#"$d"/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)" "$br"
done
echo "verify-first: measure with TXNG_DIST=$d node scripts/budgets.mjs"
