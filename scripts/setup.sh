#!/usr/bin/env bash
# Installs everything txng's build, demo and tests need, on a fresh Debian machine with the Rust
# toolchain, Node.js and Python (as CI has). Idempotent: quiet when everything is already there,
# one line per thing it installs otherwise.
#
#   Rust target wasm32-unknown-unknown        (rustup)
#   Rust component rust-src                   (rustup; the widget's std is rebuilt for size)
#   wasm-bindgen CLI = the version in Cargo.lock (cargo install, ~3 min once)
#   Chromium + ChromeDriver                   (Debian: chromium, chromium-driver; headless tests)
#   playwright-core, jsqr, binaryen, pngjs, jose, axe-core, esbuild (npm ci, exact versions from package-lock.json)
#   Python cryptography                       (pip; interop tests)
#   Python zxing-cpp (module zxingcpp)        (pip; decodes the demo QR codes, reports symbology)
#   Python jsonschema, rfc3986-validator, rfc3339-validator, pyld (pip; EPCIS schema and JSON-LD
#                                             checks of the demo traces, tests/interop/epcis.py)
#   cargo-fuzz 0.13.2                         (cargo install; the fuzz stage of test.sh, ~4 min once)
#
# Never downloads a browser through Playwright (that fails on this network): tests launch
# /usr/bin/chromium. wasm-opt is node_modules/.bin/wasm-opt (npm binaryen); Debian's binaryen is
# too old for Rust's wasm features, so it is not installed here.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "setup: $*"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found (install Rust with rustup)"
command -v node >/dev/null || die "node not found (Node.js 20+ is needed for the browser tests)"
command -v python3 >/dev/null || die "python3 not found (needed for the interop tests)"

# rustfmt and clippy come with the toolchain; add them if this one lacks them.
for comp in rustfmt clippy; do
  if ! cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "installing Rust component $comp"
    rustup component add "$comp" >/dev/null
  fi
done

# --- Rust standard library sources (scripts/build-web.sh rebuilds std for size) ---------------
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing Rust component rust-src"
  rustup component add rust-src >/dev/null
fi

# --- Rust target -------------------------------------------------------------------------------
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >/dev/null
fi

# --- wasm-bindgen CLI, exactly the library's version -------------------------------------------
wb_want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_want" ] || die "could not read the wasm-bindgen version from Cargo.lock"
wb_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$wb_have" != "$wb_want" ]; then
  say "installing wasm-bindgen-cli $wb_want (was: ${wb_have:-none}; takes a few minutes)"
  # Not --locked: the CLI's own lock file pins crates that need a newer rustc than some machines have.
  cargo install --quiet wasm-bindgen-cli --version "$wb_want" --force
  wb_have="$(wasm-bindgen --version | awk '{print $2}')"
  [ "$wb_have" = "$wb_want" ] || die "wasm-bindgen is $wb_have after install, wanted $wb_want"
fi

# --- Chromium and ChromeDriver (Debian) ---------------------------------------------------------
apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
# A font with Vietnamese diacritics for screenshots: checked with fc-list when it exists; on a
# machine without fontconfig yet, installed alongside Chromium.
fonts="$(fc-list 2>/dev/null || true)"
if ! grep -qi 'DejaVuSans\|Noto Sans\|Liberation Sans' <<<"$fonts"; then
  apt_pkgs+=(fonts-dejavu-core)
fi
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  say "installing Debian packages: ${apt_pkgs[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  # With recommends, as the machine's own probe installed and checked Chromium (fonts included).
  $sudo apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "chromium/chromedriver not installed"
fi

# --- npm dev tools (exact versions, from package-lock.json) -------------------------------------
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.txng-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ]; then
  say "installing npm dev tools (npm ci: playwright-core, jsqr, binaryen, pngjs, jose, axe-core, esbuild)"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing, but be explicit.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sum" >"$stamp"
fi
if [ -x /usr/bin/wasm-opt ]; then
  say "note: Debian's /usr/bin/wasm-opt is installed; the build uses node_modules/.bin/wasm-opt instead"
fi

# --- Python cryptography (interop tests) --------------------------------------------------------
if ! python3 -c 'import cryptography.hazmat.primitives.asymmetric.ed25519' 2>/dev/null; then
  say "installing Python cryptography 48.0.0"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'cryptography==48.0.0'
fi

# --- Python zxing-cpp (an independent QR decoder that reports ]Q1 / ]Q3) ---------------------------
if ! python3 -c 'import zxingcpp, sys; sys.exit(0 if hasattr(zxingcpp, "create_barcode") else 1)' 2>/dev/null; then
  say "installing Python zxing-cpp 3.1.1"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'zxing-cpp==3.1.1'
fi

# --- Python EPCIS checks: GS1's JSON schema (with its uri/date-time formats) and JSON-LD expansion --
epcis_py='jsonschema==4.26.0 rfc3986-validator==0.1.1 rfc3339-validator==0.1.4 pyld==2.0.4'
if ! python3 - "$epcis_py" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
for spec in sys.argv[1].split():
    name, want = spec.split("==")
    if version(name) != want:
        sys.exit(1)
PY
then
  say "installing Python $epcis_py"
  # shellcheck disable=SC2086 # one word per package
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore $epcis_py
fi

# --- cargo-fuzz (the fuzz stage of scripts/test.sh; stable toolchain with RUSTC_BOOTSTRAP=1) ----
fuzz_want="0.13.2"
fuzz_have="$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$fuzz_have" != "$fuzz_want" ]; then
  say "installing cargo-fuzz $fuzz_want (was: ${fuzz_have:-none}; takes a few minutes)"
  cargo install --quiet cargo-fuzz --version "$fuzz_want" --locked --force
  fuzz_have="$(cargo fuzz --version | awk '{print $2}')"
  [ "$fuzz_have" = "$fuzz_want" ] || die "cargo-fuzz is $fuzz_have after install, wanted $fuzz_want"
fi
