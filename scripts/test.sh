#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust tests, the wire-type drift check, the UI's
# component tests, lint and build, and the end-to-end tests of the real app.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup
cd "$ROOT"

log "library crates must not depend on tauri"
for crate in custodian-vault custodian-pdf custodian-document custodian-core custodian-cli; do
  if cargo tree -p "$crate" -e normal,build --prefix none | grep -qE '^tauri'; then
    echo "$crate depends on tauri; only src-tauri may" >&2
    exit 1
  fi
done

log "rustfmt"
cargo fmt --all --check

log "web front end: lint and component tests"
(cd ui && npm run lint && npm test)

build_app

log "clippy"
cargo clippy --workspace --all-targets -- -D warnings

log "Rust tests"
cargo test --workspace

log "generated TypeScript wire types match the Rust ones"
if [ -n "$(git status --porcelain -- ui/src/ipc/bindings)" ]; then
  git status --porcelain -- ui/src/ipc/bindings
  git --no-pager diff -- ui/src/ipc/bindings
  echo "ui/src/ipc/bindings is out of date: run 'cargo test -p custodian-desktop' and commit the result" >&2
  exit 1
fi

log "FORMAT.md, checked by an independent reader"
CUSTODIAN_CLI="$CLI_BIN" python3 -m unittest tests/format/test_format.py

log "evidence packs, checked by pdfsig, pyHanko, qpdf and poppler"
CUSTODIAN_CLI="$CLI_BIN" python3 -m unittest tests/packs/test_packs.py

log "end-to-end tests"
CUSTODIAN_APP="$APP_BIN" CUSTODIAN_CLI="$CLI_BIN" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/
