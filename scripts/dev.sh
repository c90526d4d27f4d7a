#!/usr/bin/env bash
# Development mode: Vite's dev server with hot reload, and the desktop app pointed at it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup
(cd "$ROOT/ui" && npm run dev) &
trap 'kill %1 2>/dev/null' EXIT
cd "$ROOT" && cargo run -p custodian-desktop --no-default-features -- "$@"
