#!/usr/bin/env bash
# The demo (README command 1): installs what is needed, builds the web widget, writes the demo data
# set and serves both on http://127.0.0.1:8080 (Ctrl-C to stop). `txng serve` prints the demo links;
# the labels' QR codes are PNG files in demo-data/qr/, to scan from the screen with a phone or to
# upload in the widget.
#
# Env: TXNG_ADDR (default 127.0.0.1:8080).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
addr="${TXNG_ADDR:-127.0.0.1:8080}"

bash scripts/setup.sh
echo "demo: building the web widget (scripts/build-web.sh)"
bash scripts/build-web.sh
echo "demo: writing demo data (txng demo --out demo-data)"
rm -rf demo-data
cargo run --quiet --release -p txng-cli -- demo --out demo-data
echo "demo: QR code images: $root/demo-data/qr/"
echo "demo: serving on http://$addr/ (Ctrl-C to stop)"
exec cargo run --quiet --release -p txng-cli -- serve --dir dist --data demo-data --addr "$addr"
