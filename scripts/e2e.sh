#!/usr/bin/env bash
# End-to-end tests: the real built app under Xvfb, driven through WebDriver (tauri-driver +
# WebKitWebDriver), plus the command line on the same vault files.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup
build_app
log "end-to-end tests"
cd "$ROOT"
CUSTODIAN_APP="$APP_BIN" CUSTODIAN_CLI="$CLI_BIN" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/
