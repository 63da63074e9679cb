# Shared by build-web.sh and build-scan.sh (sourced): the wasm-bindgen CLI at exactly the version
# Cargo.lock pins, wasm-opt from npm's binaryen (Debian's binaryen 108 cannot read current
# wasm-bindgen output), and the one post-processing step both modules get.
# Expects $root (the repo) and a caller name in $tool for messages.

# The wasm-bindgen version in Cargo.lock (setup.sh installs this one).
wasm_bindgen_locked() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock"
}

want_wb="$(wasm_bindgen_locked)"
wasm_bindgen="$(command -v wasm-bindgen || echo "$HOME/.cargo/bin/wasm-bindgen")"
[ -x "$wasm_bindgen" ] || { echo "$tool: wasm-bindgen CLI not found (bash scripts/setup.sh, or cargo install wasm-bindgen-cli --version $want_wb)" >&2; exit 1; }
have_wb="$("$wasm_bindgen" --version | awk '{print $2}')"
[ "$have_wb" = "$want_wb" ] || { echo "$tool: wasm-bindgen CLI is $have_wb, Cargo.lock pins $want_wb (bash scripts/setup.sh)" >&2; exit 1; }

if [ -x "$root/node_modules/.bin/wasm-opt" ]; then
  wasm_opt="$root/node_modules/.bin/wasm-opt"
elif command -v wasm-opt >/dev/null && [ "$(command -v wasm-opt)" != /usr/bin/wasm-opt ]; then
  wasm_opt="$(command -v wasm-opt)"
else
  echo "$tool: wasm-opt from npm binaryen not found (bash scripts/setup.sh)" >&2
  exit 1
fi

# wasm-bindgen --target web into OUT_DIR, then wasm-opt -Oz in place, then short import and export
# names in the module and its glue. Rust >= 1.82 emits bulk-memory, sign-ext, nontrapping-fptoint
# and multivalue, so wasm-opt must allow them. `-ocimfs 0` (--one-caller-inline-max-function-size):
# plain -Oz inlines every function that has one caller, which duplicates little but makes gzip
# compress worse; with `--converge`, measured 2026-11-29: widget 242,664 -> 231,500 bytes gzip,
# scanner 250,105 -> 246,033.
#
# `-aimfs 6` (--always-inline-max-function-size, default 2): functions of up to 6 instructions are
# inlined wherever they are called. Fewer functions for V8 to compile: it compiles each function of
# a module lazily, on its first call, on the main thread, at a fixed cost per function besides its
# size (a traced 4x load compiled 565 of the verify-first module's 712 functions before the verdict:
# ~50 of its ~95 ms of compilation were that fixed cost). Measured 2026-11-30: verify-first module
# 712 -> 603 functions, 74,181 -> 74,159 bytes brotli (larger sizes cost bytes: 8 -> 74,507, 16 ->
# 75,961); interface 3,822 -> 3,150 functions, 184,055 -> 183,779. Traced 4x loads, median of 6: 565
# -> 471 functions compiled before the verdict, their compilation 74 -> 65 ms of the main thread.
bindgen_and_opt() { # WASM_IN OUT_DIR NAME
  "$wasm_bindgen" --target web --remove-name-section --remove-producers-section --out-dir "$2" "$1"
  local wasm="$2/$3_bg.wasm"
  "$wasm_opt" -Oz -ocimfs 0 -aimfs 6 --converge --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  # Short names for the calls between the module and its glue (scripts/lib/short-names.mjs).
  node "$root/scripts/lib/short-names.mjs" "$2" "$3"
}
