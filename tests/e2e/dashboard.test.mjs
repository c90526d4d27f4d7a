// The dashboard, the DSPT evidence map and the annual pack, end to end in the real app on the
// demo practice: the manager's first screen shows the demo's running 72-hour clock and what is
// wrong with the registers, each leading to where it is fixed; the evidence map judges each DSPT
// item; the SIRO signs off the annual DSPT-year pack with their password and the pack validates.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, shown, signIn, signOut, textContaining } from './driver.mjs';

const DEMO_PASSWORD = 'heron lantern quarry 42';

test('the dashboard leads to the fix, the evidence map judges each item, and the SIRO signs off the annual pack', async () => {
  const folder = freshFolder('custodian-dashboard-');
  const vaultPath = join(folder, 'demo.custodian');
  const made = cli(['demo', '--vault', vaultPath]);
  assert.equal(made.status, 0, made.stderr);

  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    // The manager's dashboard: the demo's open reportable incident has its clock running.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    const clocks = await textContaining(browser, '#dashboard-clocks', 'report by', 30000);
    assert.match(clocks, /INC-\d{4}-\d{3}/);
    assert.match(clocks, /\d+ hours? left/);
    const reference = clocks.match(/INC-\d{4}-\d{3}/)[0];
    await click(browser, '[id^="dashboard-clock-open-"]');
    await textContaining(browser, '#incident-reference', reference, 30000);

    // Back home, the registers' state: devices with unknown encryption lead to the register.
    await click(browser, '#nav-home', 30000);
    const practice = await textContaining(browser, '#dashboard-item-devices_encryption_unknown', 'unknown encryption', 30000);
    assert.match(practice, /\d+ devices have unknown encryption/);
    assert.match(practice, /and \d+ more/);
    await textContaining(browser, '#dashboard-item-incidents_open', 'open', 30000);
    await click(browser, '#dashboard-go-devices_encryption_unknown');
    await shown(browser, '#device-add', 30000);

    // The DSPT evidence map for the current DSPT year.
    await click(browser, '#nav-dspt', 30000);
    const map = await textContaining(browser, 'main', '6.1.1', 30000);
    for (const item of ['1.1.5', '1.3.1', '2.1.1', '3.2.1', '4.1.1', '7.1.1']) {
      assert.ok(map.includes(item), `the map lists ${item}`);
    }
    assert.match(map, /\d+ looks? met, \d+ partly met, \d+ missing/);
    await click(browser, '#dspt-go-1-3-1');
    await shown(browser, '#policy-add', 30000);

    // Only the SIRO signs off the annual pack.
    await click(browser, '#nav-packs', 30000);
    await shown(browser, '#annual-pack-siro-only', 30000);
    await signOut(browser);

    await signIn(browser, 'demo.siro', DEMO_PASSWORD);
    await click(browser, '#nav-packs', 30000);
    await click(browser, '#annual-pack-prepare', 30000);
    await textContaining(browser, '#annual-pack-statement', 'I, Dr Helen Marsh, as SIRO of', 30000);
    await click(browser, '#annual-pack-sign');
    await textContaining(browser, '#annual-pack-sign-off', 'Tick to confirm the statement', 30000);
    await click(browser, 'label[for="annual-pack-confirm"]');
    await fill(browser, '#annual-pack-password', DEMO_PASSWORD);
    await click(browser, '#annual-pack-sign');
    const path = (await textContaining(browser, '#pack-path', 'dspt-year', 120000)).trim();

    const verified = cli(['pack', 'verify', path]);
    assert.equal(verified.status, 0, verified.stderr);
    const pdfsig = spawnSync('pdfsig', [path], { encoding: 'utf8' });
    assert.match(pdfsig.stdout, /Signature is Valid/);
    const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    assert.ok(text.includes('SIRO sign-off'), 'the pack has its sign-off page');
    assert.ok(text.includes('Dr Helen Marsh (demo.siro), SIRO'), 'signed by the SIRO');
    assert.ok(text.includes('DSPT evidence map'), 'the pack has the evidence map');
  } finally {
    await stop();
  }
});
