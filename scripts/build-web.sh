#!/usr/bin/env bash
# Builds the txng widget for the web and assembles dist/:
#   cargo (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -Oz -> pkg/
#   scripts/build-scan.sh (the lazily loaded QR decoder) -> pkg/scan/
#   dist/ = index.html + assets/ + pkg/ (incl. pkg/scan/)
# Two wasm modules (issue 10): txng-first, the verify-first module that shows a label link's verdict
# (txng-web without its Yew interface; built three times: pkg/txng_first* with Vietnamese texts
# only for a single-file registry, pkg/txng_first_sharded* for a sharded one too, pkg/txng_first_en*
# with English too), and txng-web, the interface loaded after that verdict.
# Prints the gzip and brotli size of what loads before the verdict (html, css, boot js, the
# verify-first module) against issue 10's goal of 150 KB, and of the interface; fails above a
# ceiling for each (170 KB / 280 KB gzip) that catches regressions. The decoder module is loaded
# only when the camera or photo view opens.
#
# Usage: scripts/build-web.sh [--anchors FILE]
#   --anchors FILE  JSON [{"kid": "...", "public_key": "..."}] (e.g. demo-data/anchors.json, or the
#                   real authority's keys): replaces the trust anchors in dist/index.html.
#   --skip-scan     do not rebuild the decoder module (reuse pkg/scan/ if present).
#
# Needs: rustup target wasm32-unknown-unknown, the wasm-bindgen CLI at the version in Cargo.lock and
# wasm-opt from npm binaryen (scripts/setup.sh installs both; scripts/lib/wasm-tools.sh), python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
anchors=""
skip_scan=0
while [ $# -gt 0 ]; do
  case "$1" in
    --anchors) anchors="${2:?--anchors needs a file}"; shift 2 ;;
    --skip-scan) skip_scan=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "build-web: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -n "$anchors" ]; then
  anchors="$(cd "$(dirname "$anchors")" && pwd)/$(basename "$anchors")"
  [ -f "$anchors" ] || { echo "build-web: no such file $anchors" >&2; exit 2; }
fi

target_dir="${CARGO_TARGET_DIR:-$root/target}"
# Keep the target_features section wasm-bindgen reads (see build-scan.sh); names are removed below.
# The workspace profile gives curve25519-dalek and sha2 opt-level 3 (hot paths of the CLI). In the
# widget they verify a few signatures per scan; at "z" they are ~6 KB gzip smaller (measured:
# 245.7 -> 239.4 KB) and still verify a registry in milliseconds. Only this build is affected.
#
# The standard library is rebuilt for size with panics as immediate traps (no formatting of panic
# messages, no unwinding tables): `-Zbuild-std` with `optimize_for_size` and
# `-Cpanic=immediate-abort`, on the stable toolchain through RUSTC_BOOTSTRAP=1 (rust-src comes from
# scripts/setup.sh). Measured 2026-11-29 on the same sources: wasm 234,693 -> 213,652 bytes gzip.
# A panic in the widget was already an abort (profile panic = "abort"); it now traps without a
# message. Its own target directory, so the flags never invalidate the other wasm builds.
# `-Zlocation-detail=none`: no file/line strings for panics that trap without a message anyway
# (measured −1,358 bytes gzip). Not `-Zfmt-debug=none`: it would empty the `{:?}` details the core
# writes into its checks (shown to inspectors).
#
# Two modules, two cargo runs (one run would unify txng-web's features and put Yew into both):
# txng-first (txng-web without `ui`: the verify-first module that shows a label link's verdict) and
# txng-web (the Yew interface, loaded after that verdict; assets/boot.js).
#
# The verify-first module is built three times (issue 10: bytes before the verdict), and
# index.html's preload script and assets/boot.js pick one by the reader's language and the
# configuration's "registry_format": pkg/txng_first* without txng-core's English texts (feature `en`
# off) and without the sharded registry's code (feature `sharded` off; crates/txng-first's
# Cargo.toml says what each saves), the module of a Vietnamese reader of a single-file deployment;
# pkg/txng_first_sharded* with `sharded`; pkg/txng_first_en* with both (English readers, either
# format).
web_target="$target_dir/web-size"
build_wasm() { # CRATE OUT_NAME [CARGO_ARGS...]
  local crate="$1" out="$2"; shift 2
  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$web_target" CARGO_PROFILE_RELEASE_STRIP=false \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo build -p "$crate" --release --target wasm32-unknown-unknown \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --config 'profile.release.package.curve25519-dalek.opt-level="z"' \
      --config 'profile.release.package.sha2.opt-level="z"' "$@"
  # The builds share a target directory (and the standard library built for size).
  mkdir -p "$web_target/built"
  cp "$web_target/wasm32-unknown-unknown/release/${crate//-/_}.wasm" "$web_target/built/$out.wasm"
}
build_wasm txng-first txng_first
build_wasm txng-first txng_first_sharded --features sharded
build_wasm txng-first txng_first_en --features en,sharded
build_wasm txng-web txng_web

tool=build-web
. "$root/scripts/lib/wasm-tools.sh"

# pkg/ holds the widget's output and pkg/scan/ the decoder's: replace only ours.
mkdir -p pkg
rm -rf pkg/snippets pkg/txng_web* pkg/txng_first*
bindgen_and_opt "$web_target/built/txng_first.wasm" pkg txng_first
bindgen_and_opt "$web_target/built/txng_first_sharded.wasm" pkg txng_first_sharded
bindgen_and_opt "$web_target/built/txng_first_en.wasm" pkg txng_first_en
bindgen_and_opt "$web_target/built/txng_web.wasm" pkg txng_web

if [ "$skip_scan" = 1 ] && [ -f pkg/scan/txng_scan.js ]; then
  echo "build-web: reusing pkg/scan/"
else
  bash "$root/scripts/build-scan.sh"
fi

rm -rf dist
mkdir -p dist
cp index.html dist/
cp -r assets dist/assets
cp -r pkg dist/pkg
rm -f dist/pkg/*.d.ts dist/pkg/scan/*.d.ts dist/pkg/package.json dist/pkg/.gitignore

# dist/index.html: the trust anchors (--anchors) and the registry preload's href from the configured
# registry_url (issue 10); checks the modules' preload script is there.
python3 - "${anchors:-}" dist/index.html dist <<'PY'
import base64, html as htmlmod, json, os, re, sys
sys.path.insert(0, "scripts/lib")
import page_config
anchors_file, path, dist = sys.argv[1], sys.argv[2], sys.argv[3]
html = open(path, encoding="utf-8").read()
m = page_config.find(html)
if not m:
    sys.exit("build-web: no txng-config block in index.html")
cfg = json.loads(m.group(2))
if anchors_file:
    anchors = json.load(open(anchors_file, encoding="utf-8"))
    if isinstance(anchors, dict):
        anchors = anchors.get("anchors", [])
    if not anchors or not all(isinstance(a, dict) and a.get("kid") and a.get("public_key") for a in anchors):
        sys.exit("build-web: the anchors file must be [{\"kid\": ..., \"public_key\": ...}, ...]")
    cfg["anchors"] = [{"kid": a["kid"], "public_key": a["public_key"]} for a in anchors]
    block = json.dumps(cfg, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    html = html[:m.start(2)] + block + html[m.end(2):]
    print(f"build-web: {len(anchors)} trust anchor(s) from {anchors_file} written to {path}")
pre = re.compile(r'<link rel="preload" href="[^"]*" as="fetch" crossorigin data-txng-registry>\n?')
if not pre.search(html):
    sys.exit("build-web: no registry preload (<link ... data-txng-registry>) in index.html")
url = cfg.get("registry_url")
if isinstance(url, str) and url:
    tag = f'<link rel="preload" href="{htmlmod.escape(url)}" as="fetch" crossorigin data-txng-registry>\n'
    html = pre.sub(lambda _: tag, html, count=1)
else:
    html = pre.sub("", html, count=1)
# The modules are preloaded by the page's inline script (<script id="txng-preload">, allowed by its
# hash in the CSP; crates/txng-cli/src/serve.rs tests it): the verify-first module on a label link,
# the interface elsewhere. Neither module's own imports are more than its glue (the interface's
# snippets, pkg/snippets/…, are one small module it imports itself).
if '<script id="txng-preload">' not in html:
    sys.exit("build-web: no <script id=\"txng-preload\"> in index.html")
for name in ("txng_first", "txng_first_sharded", "txng_first_en"):
    first_js = open(os.path.join(dist, "pkg", name + ".js"), encoding="utf-8").read()
    if re.search(r"""from\s*['"]\./snippets/""", first_js):
        sys.exit(f"build-web: the verify-first module {name} imports snippets, which the page does not preload")
# The Vietnamese-only modules hold no English text, the other one does (a message of txng-core's
# table and one of the interface's own, src/i18n.rs, each way); the single-file deployments' module
# holds no code of the sharded registry, the others do (the index's JWS type, FORMAT.md §2.7.2,
# and the shard's format, §2.7.3, which only that code reads; its other texts share a constant
# with the single-file reader's). The shard's format is the one an awaited shard step left in the
# module when only a constant, not a `cfg`, skipped it (src/pipeline.rs `run`).
sharded_texts = (b"txng-registry-index+jws", b"txng-registry-shard/1")
for name, english, sharded in (("txng_first", False, False), ("txng_first_sharded", False, True),
                               ("txng_first_en", True, True)):
    wasm = open(os.path.join(dist, "pkg", name + "_bg.wasm"), "rb").read()
    for text in (b"The code holds product data and a digital signature.", b"Check a product's origin",
                 "Mã chứa thông tin sản phẩm và chữ ký số.".encode()) + sharded_texts:
        want = sharded if text in sharded_texts else english or not text.isascii()
        if (text in wasm) != want:
            sys.exit(f"build-web: {name}_bg.wasm {'lacks' if want else 'holds'} the text {text.decode()!r}")
# Bytes before the verdict (issue 10), each measured 2026-11-30 on the slow profile's 50 KB/s:
# - the favicon as a data: URI (img-src allows data:): its request was ~720 bytes on the wire, of
#   which ~560 response headers, and started before the verdict; inline it adds ~590 (brotli; the
#   SVG it replaced ~150);
# - no HTML comments (the deployer's notes stay in the source index.html). With the icon inline,
#   index.html went from 1,857 to 1,259 bytes brotli (1,663 with the PNG icon). Scripts are left
#   as they are (the preload script's CSP hash is of its exact text).
# The favicon is a PNG, not assets/icon.svg (which the manifest keeps): the browser asks the page
# for its favicon while the module verifies (Chromium's ImageDownloader, on the main thread), and
# an SVG favicon is drawn by a whole SVG document of its own: 20-24 ms of the main thread at 4x
# (traced 2026-11-30), landing between the label check and the trace document, against ~1-2 ms to
# decode a PNG (traced 4x loads, median of 6: that task 19.1 -> 2.5 ms). assets/icon-32.png is
# icon.svg rendered by Chromium at 32x32, stored as a palette PNG (74 colours, lossless, 541 bytes).
icon = open(os.path.join(dist, "assets", "icon-32.png"), "rb").read()
uri = "data:image/png;base64," + base64.b64encode(icon).decode()
before = html
html = html.replace('<link rel="icon" href="/assets/icon-32.png" type="image/png" sizes="32x32">',
                    f'<link rel="icon" href="{uri}" type="image/png" sizes="32x32">', 1)
if html == before:
    sys.exit("build-web: no <link rel=\"icon\" href=\"/assets/icon-32.png\"> in index.html to inline")
# The first screen's stylesheet (scripts/lib/first-css.py writes it below; assets/boot.js adds the
# whole app.css before it mounts the interface).
before = html
html = html.replace('<link rel="stylesheet" href="/assets/app.css">', '<link rel="stylesheet" href="/assets/first.css">', 1)
if html == before:
    sys.exit("build-web: no <link rel=\"stylesheet\" href=\"/assets/app.css\"> in index.html")
scripts = lambda h: re.findall(r'<script id="txng-[a-z]+".*?</script>', h, re.S)
kept = scripts(html)
html = re.sub(r"[ \t]*<!--.*?-->[ \t]*\n?", "", html, flags=re.S)
if len(kept) != 2 or scripts(html) != kept:
    sys.exit("build-web: removing HTML comments changed the preload or config script")
open(path, "w", encoding="utf-8").write(html)
PY

# The rules of app.css the placeholder and the verify-first module's banner need (issue 10: 3.7 ->
# 1.4 KB brotli before the verdict; the script says why the cascade is unchanged).
python3 "$root/scripts/lib/first-css.py" dist/assets/app.css dist/index.html dist/assets/first.css

# Minified copies of the page's JavaScript and CSS (esbuild, pinned in package.json; the sources
# in assets/ and wasm-bindgen's glue stay readable). Measured 2026-11-30, brotli: the verify-first
# glue 4,918 -> 3,617 bytes, boot.js 4,014 -> 1,910, app.css 4,933 -> 3,741: ~4.6 KB less before the
# verdict, ~90 ms on the slow profile's 50 KB/s. Every file is an ES module (`--format=esm` lets
# esbuild rename its top-level names; exports keep theirs). The service worker's version and the
# Subresource Integrity hashes below are of the minified files.
esbuild="$root/node_modules/.bin/esbuild"
[ -x "$esbuild" ] || { echo "build-web: esbuild not found (bash scripts/setup.sh)" >&2; exit 1; }
while IFS= read -r f; do
  "$esbuild" "$f" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$f"
done < <(find dist/assets dist/pkg -name '*.js' ! -name sw.js | sort)
for f in dist/assets/app.css dist/assets/first.css; do
  "$esbuild" "$f" --minify --log-level=warning --allow-overwrite --outfile="$f"
done
# V8's explicit compile hint (Chrome 136+; other engines read a comment): `//# allFunctionsCalledOnLoad`
# on a script's first line has every function in it compiled when the script loads, on a
# background thread while the page still waits for the wasm, instead of on the main thread when
# first called, i.e. after the wasm's last byte, on the way to the verdict. For the scripts whose
# functions nearly all run before the verdict: boot.js and the verify-first module's glue (not the
# interface's glue, much of which a label link's page never calls). Measured 2026-11-30 in traces
# of the slow profile (3 each): the main thread's JS compilation between the wasm's last byte and
# the verdict 14-20 ms -> 0 at 4x; the medians of 12 slow and 16 4x loads moved less than this
# machine's noise (3,117 -> 3,112 ms, 809 -> 785 ms). Added after esbuild, which drops the comment.
for f in dist/assets/boot.js dist/pkg/txng_first.js dist/pkg/txng_first_sharded.js dist/pkg/txng_first_en.js; do
  { echo '//# allFunctionsCalledOnLoad'; cat "$f"; } > "$f.hinted" && mv "$f.hinted" "$f"
done

# The service worker at the root (its scope is the whole deployment), stamped with this build:
# VERSION = a hash of every file it precaches, SHELL = their URLs, REGISTRY = the configured
# registry URL, which the worker never answers (assets/sw.js explains). Not precached: the decoder
# (pkg/scan/, cached once used), the verify-first module with English texts (pkg/txng_first_en*,
# ~96 KB that every visitor's phone would download in the background for the few who read
# English; offline, an English reader's page falls back to the interface, which is precached),
# and of the two Vietnamese-only ones the one for the other registry format than the configured
# one (the page never picks it).
# The verify-first module a Vietnamese reader's page loads for the configured registry format
# (precached here, counted before the verdict below).
first_mod="$(python3 scripts/lib/page_config.py dist/index.html first-module)"
FIRST_MOD="$first_mod" python3 - <<'PY'
import hashlib, json, os, pathlib, re, sys
sys.path.insert(0, "scripts/lib")
import page_config
dist = pathlib.Path("dist")
registry = page_config.read((dist / "index.html").read_text(encoding="utf-8")).get("registry_url", "")
# Verify-first modules not precached, by name (pkg/NAME.js, pkg/NAME_bg.wasm).
skip = {"txng_first_en", "txng_first", "txng_first_sharded"} - {os.environ["FIRST_MOD"]}
module = lambda p: re.sub(r"(_bg)?\.(js|wasm)$", "", p.name)
files = sorted(p for p in dist.rglob("*") if p.is_file() and p.name != "sw.js" and p != dist / "index.html"
               and p.suffix != ".map" and p.parts[1] in ("assets", "pkg")
               and p.parts[1:3] != ("pkg", "scan") and module(p) not in skip)
h = hashlib.sha256((dist / "index.html").read_bytes())
for p in files:
    h.update(p.relative_to(dist).as_posix().encode() + b"\0" + p.read_bytes())
version = h.hexdigest()[:16]
shell = ["/"] + ["/" + p.relative_to(dist).as_posix() for p in files]
src = (dist / "assets" / "sw.js").read_text(encoding="utf-8")
src = src.replace("'__TXNG_VERSION__'", json.dumps(version)).replace("['__TXNG_SHELL__']", json.dumps(shell))
src = src.replace("'__TXNG_REGISTRY__'", json.dumps(registry if isinstance(registry, str) else ""))
(dist / "sw.js").write_text(src, encoding="utf-8")
(dist / "assets" / "sw.js").unlink()
print(f"build-web: dist/sw.js version {version}, {len(shell)} files precached")
PY

gz() { gzip -9 -c "$1" | wc -c; }
br() { node -e "const z=require('zlib');process.stdout.write(String(z.brotliCompressSync(require('fs').readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))" "$1"; }
# Two sums: what a label link's page loads before its verdict shows (the goal of issue 10 is for
# this, on the wire as `txng serve` sends it: brotli), and the interface loaded after the verdict.
sum_parts() { # LABEL CEILING_GZIP FILE...
  local label="$1" ceiling="$2" total=0 total_br=0 n b f; shift 2
  for f in "$@"; do
    n=$(gz "$f"); b=$(br "$f"); total=$((total + n)); total_br=$((total_br + b))
    printf '  %-60s %8d raw %8d gzip %8d br\n' "${f#dist/}" "$(wc -c <"$f")" "$n" "$b"
  done
  printf '  %-60s %17d gzip %8d br (gzip ceiling %d)\n' "TOTAL $label" "$total" "$total_br" "$ceiling"
  if [ "$total" -gt "$ceiling" ]; then
    echo "build-web: $label $total bytes gzip is over its ceiling $ceiling" >&2
    return 1
  fi
}
echo "build-web: before the verdict (html, css, boot js, the verify-first module; goal 150,000 bytes on the wire):"
sum_parts "before the verdict" 170000 dist/index.html dist/assets/first.css dist/assets/boot.js \
  "dist/pkg/$first_mod.js" "dist/pkg/${first_mod}_bg.wasm"
echo "build-web: the interface, loaded after the verdict (and at once on other pages):"
ui=(dist/pkg/txng_web.js)
while IFS= read -r f; do ui+=("$f"); done < <(find dist/pkg/snippets -name '*.js' | sort)
ui+=(dist/pkg/txng_web_bg.wasm)
sum_parts "interface" 280000 "${ui[@]}"
if [ -f dist/pkg/scan/txng_scan_bg.wasm ]; then
  printf '  %-60s %17d gzip (lazy, not first load)\n' "pkg/scan/ (decoder wasm + js)" \
    "$(( $(gz dist/pkg/scan/txng_scan_bg.wasm) + $(gz dist/pkg/scan/txng_scan.js) ))"
fi

# Subresource Integrity of every file a department website loads for <txng-verifier> or the iframe
# (README "Embedding"): `integrity="sha384-…"` on the module script, and the "integrity" map of an
# import map for the modules it imports. Printed for each build (they change with every build).
echo "build-web: Subresource Integrity (sha384, base64):"
python3 - <<'PY'
import base64, hashlib, pathlib
files = sorted(p for p in pathlib.Path("dist").rglob("*") if p.suffix in (".js", ".css", ".wasm") and p.is_file())
for p in files:
    h = base64.b64encode(hashlib.sha384(p.read_bytes()).digest()).decode()
    print(f"  {p.relative_to('dist').as_posix():<60} sha384-{h}")
PY
