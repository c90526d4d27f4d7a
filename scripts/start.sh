#!/usr/bin/env bash
# Starts Custodian. On first use (no vault known yet) it creates the demo practice and opens it;
# its sign-in is in the README.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup
build_app

DATA_DIR="${CUSTODIAN_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/org.custodian.desktop}"
mkdir -p "$DATA_DIR"
args=()
if [ ! -f "$DATA_DIR/last-vault.json" ]; then
  demo="$DATA_DIR/riverside-surgery-demo.custodian"
  if [ ! -f "$demo" ]; then
    log "no vault yet: creating the demo practice"
    "$CLI_BIN" demo --vault "$demo"
  fi
  args+=("$demo")
fi

log "starting Custodian"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found; running under Xvfb (nothing will be visible)." >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" env CUSTODIAN_DATA_DIR="$DATA_DIR" "$APP_BIN" "${args[@]}"
fi
CUSTODIAN_DATA_DIR="$DATA_DIR" exec "$APP_BIN" "${args[@]}"
