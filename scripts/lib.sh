# Shared by the scripts in this folder: paths, pinned versions, messages.
# Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
STYLANCE_VERSION="0.8.4"
# wasm-split-cli, which splits the app by route for wasm-bindgen 0.2.130 (scripts/build-app.mjs).
WASM_SPLIT_VERSION="0.2.4"
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Playwright must never try to download a browser: we drive Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\n\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
