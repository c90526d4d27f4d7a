// Evidence packs, end to end in the real app: explore the demo practice from the first-run
// screen, make a signed pack, and check it with the command line's verifier.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, shown, signIn, textContaining } from './driver.mjs';

test('the demo practice makes a signed evidence pack that verifies', async () => {
  const { browser, stop } = await launchApp({ dataDir: freshFolder() });
  let packPath;
  try {
    await click(browser, '#explore-demo', 30000);
    await shown(browser, '#sign-in-submit', 60000);
    await textContaining(browser, 'h1', 'Riverside Surgery (demo)');
    await signIn(browser, 'demo.siro', 'heron lantern quarry 42');
    await click(browser, '#nav-packs', 30000);
    await shown(browser, '#packs-screen');
    await click(browser, 'label[for="pack-scope-all"]'); // NHS radios hide the input itself
    await fill(browser, '#pack-from', '2016-01-01');
    await fill(browser, '#pack-to', '2030-12-31');
    await click(browser, '#pack-submit');
    packPath = (await (await shown(browser, '#pack-path', 60000)).getText()).trim();
    await textContaining(browser, '#pack-created', 'SHA-256');
  } finally {
    await stop();
  }
  assert.ok(existsSync(packPath), `the pack was saved at ${packPath}`);
  assert.match(packPath, /packs\/riverside-surgery-demo-evidence-all-2016-01-01-to-2030-12-31\.pdf$/);
  const verified = cli(['pack', 'verify', packPath]);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /Signer: CN=Riverside Surgery \(demo\)/);
  assert.match(verified.stdout, /Signature: valid; the file has not changed since it was signed/);
});
