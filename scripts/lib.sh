# Shared by the scripts in this folder: paths and one idempotent set-up step.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target directory outside the clone, so repeated runs (and CI) build incrementally.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/custodian-target}"
APP_BIN="$CARGO_TARGET_DIR/debug/custodian-desktop"
CLI_BIN="$CARGO_TARGET_DIR/debug/custodian"

log() { printf '\n== %s\n' "$*"; }

# Debian packages the desktop build and its end-to-end tests need.
DEBIAN_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config webkit2gtk-driver xvfb xauth libssl-dev librsvg2-dev
  poppler-utils qpdf python3-venv)
# pyHanko, the independent PDF-signature validator the pack tests use, lives in its own venv.
PYHANKO_VENV="${PYHANKO_VENV:-/var/tmp/custodian-venv}"
export CUSTODIAN_PYHANKO="$PYHANKO_VENV/bin/pyhanko"
TAURI_DRIVER_VERSION=2.1.0

# Installs whatever is missing: Debian packages, tauri-driver, npm packages. Safe to re-run.
setup() {
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    log "installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
  fi
  export PATH="$HOME/.cargo/bin:$PATH"
  if [ ! -x "$CUSTODIAN_PYHANKO" ]; then
    log "installing pyHanko in $PYHANKO_VENV"
    python3 -m venv "$PYHANKO_VENV"
    "$PYHANKO_VENV/bin/pip" install --quiet --disable-pip-version-check pyhanko-cli
  fi
  if ! python3 -c "import argon2, nacl" 2>/dev/null; then
    log "installing the Python packages of the independent format reader (tests/format)"
    python3 -m pip install --quiet --disable-pip-version-check argon2-cffi pynacl
  fi
  npm_install "$ROOT"
  npm_install "$ROOT/ui"
}

# `npm ci` when node_modules is missing or older than the lock file.
npm_install() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing npm packages in ${dir}"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

# Builds the web front end, then the desktop app (with the front end embedded) and the CLI.
build_app() {
  log "building the web front end"
  (cd "$ROOT/ui" && npm run build)
  log "building the desktop app and the command line"
  (cd "$ROOT" && cargo build -p custodian-desktop -p custodian-cli)
}
