// Devices, BYOD checks and disposals, end to end in the real app on the demo practice: the
// manager checks a new starter's own phone and records a risk, the SIRO accepts it by signing;
// the manager registers a laptop, allocates it, takes it back and disposes of it with a
// certificate, which the IG lead checks and signs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { choose, chooseContaining, cli, click, fill, freshFolder, launchApp, shown, signIn, signOut, textContaining } from './driver.mjs';

const DEMO_PASSWORD = 'heron lantern quarry 42';

/** Adds a device from the register and waits for its page. */
async function addDevice(browser, { tag, kind, ownership, serial }) {
  await click(browser, '#nav-devices', 30000);
  await click(browser, '#device-add', 30000);
  await fill(browser, '#device-asset-tag', tag);
  await choose(browser, '#device-kind', kind);
  await fill(browser, '#device-make', 'Dell');
  await fill(browser, '#device-model', 'Latitude 5440');
  await fill(browser, '#device-serial', serial);
  await click(browser, `label[for="device-ownership-${ownership}"]`);
  await click(browser, 'label[for="device-encryption-yes"]');
  await click(browser, '#device-save');
  await textContaining(browser, 'h1', tag, 30000);
}

test('a phone check with an accepted risk, and a laptop allocated, returned and disposed of with a certificate', async () => {
  const folder = freshFolder('custodian-devices-');
  const vaultPath = join(folder, 'demo.custodian');
  const made = cli(['demo', '--vault', vaultPath]);
  assert.equal(made.status, 0, made.stderr);
  const certificate = join(folder, 'COD-9001.pdf');
  writeFileSync(certificate, '%PDF-1.4\n% certificate of destruction COD-9001\n%%EOF\n');

  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    // The manager registers Jordan's own phone and checks it; two-factor is not available.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await addDevice(browser, { tag: 'PH-E2E-1', kind: 'Mobile phone', ownership: 'personal', serial: 'E2E-PHONE-1' });
    await click(browser, '#nav-byod', 30000);
    await click(browser, '#byod-new', 30000);
    await choose(browser, '#byod-person', 'Jordan Ellis');
    await chooseContaining(browser, '#byod-device', 'PH-E2E-1');
    await click(browser, 'label[for="byod-checklist-byod-phone"]');
    const items = await browser.execute(() =>
      [...document.querySelectorAll('[id^="byod-item-"][id$="-pass"]')].map((input) => input.id.replace(/-pass$/, '')),
    );
    assert.ok(items.length >= 7, `the phone checklist has its items (${items.length})`);
    for (const item of items) {
      const answer = item === 'byod-item-two-factor' ? 'fail' : 'pass';
      await click(browser, `label[for="${item}-${answer}"]`);
    }
    await fill(browser, '#byod-item-two-factor-note', 'The rota app has no two-factor sign-in');
    await click(browser, 'label[for="byod-outcome-approved_with_risk"]');
    await fill(browser, '#byod-risk', 'The rota app holds no patient data; accepted until it offers two-factor');
    await click(browser, '#byod-save');
    await textContaining(browser, '#byod-message', 'SIRO', 30000);
    await signOut(browser);

    // The SIRO is told on their home screen and accepts the risk by signing.
    await signIn(browser, 'demo.siro', DEMO_PASSWORD);
    await textContaining(browser, '#notifications', 'PH-E2E-1', 30000);
    await click(browser, '#nav-byod', 30000);
    await click(browser, "//table[@id='byod-checks']//tr[contains(., 'PH-E2E-1')]//button[contains(., 'Accept the risk')]", 30000);
    await textContaining(browser, '#byod-risk-statement', 'Jordan Ellis', 30000);
    await click(browser, 'label[for="byod-risk-confirm"]');
    await fill(browser, '#byod-risk-password', DEMO_PASSWORD);
    await click(browser, '#byod-risk-sign');
    await textContaining(browser, "//table[@id='byod-checks']//tr[contains(., 'PH-E2E-1')]", 'Dr Helen Marsh', 30000);
    await signOut(browser);

    // The manager registers a laptop, allocates it to Jordan, takes it back and disposes of it.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await addDevice(browser, { tag: 'LT-E2E-1', kind: 'Laptop', ownership: 'practice', serial: 'E2E-LAPTOP-1' });
    await click(browser, '#device-allocate');
    await choose(browser, '#allocate-person', 'Jordan Ellis');
    await click(browser, '#allocate-save');
    await textContaining(browser, '#device-allocations', 'Jordan Ellis', 30000);
    await click(browser, '#device-return', 30000);
    await click(browser, '#return-save');
    await shown(browser, '#device-allocate', 30000);
    await click(browser, '#nav-disposals', 30000);
    await click(browser, '#disposal-record-device', 30000);
    await chooseContaining(browser, '#disposal-device', 'LT-E2E-1');
    await fill(browser, '#disposal-reason', 'End of life');
    await click(browser, 'label[for="disposal-method-physical_destruction"]');
    await fill(browser, '#disposal-performed-by', 'ShredSafe Ltd');
    await fill(browser, '#disposal-certificate-number', 'COD-9001');
    await fill(browser, '#disposal-certificate-path', certificate);
    await click(browser, '#disposal-save');
    await textContaining(browser, '#disposal-message', 'LT-E2E-1', 30000);
    await textContaining(browser, "//table[@id='disposal-log']//tr[contains(., 'LT-E2E-1')]", 'COD-9001', 30000);
    await signOut(browser);

    // The IG lead checks the disposal and signs it.
    await signIn(browser, 'demo.iglead', DEMO_PASSWORD);
    await click(browser, '#nav-disposals', 30000);
    await click(browser, "//table[@id='disposal-log']//tr[contains(., 'LT-E2E-1')]//button[contains(., 'Check and sign')]", 30000);
    await textContaining(browser, '#disposal-check-statement', 'LT-E2E-1', 30000);
    await click(browser, 'label[for="disposal-check-confirm"]');
    await fill(browser, '#disposal-check-password', DEMO_PASSWORD);
    await click(browser, '#disposal-check-sign');
    await textContaining(browser, "//table[@id='disposal-log']//tr[contains(., 'LT-E2E-1')]", 'Priya Raman', 30000);
  } finally {
    await stop();
  }

  // The command line sees the same records.
  const asManager = (args) =>
    cli([...args, '--vault', vaultPath, '--login', 'demo.manager', '--password-stdin'], `${DEMO_PASSWORD}\n`);
  const devices = asManager(['devices', 'list']);
  assert.match(devices.stdout, /LT-E2E-1\tLaptop\tDell Latitude 5440\tDisposed/);
  const byod = asManager(['byod', 'list']);
  assert.match(byod.stdout, /Jordan Ellis\tPH-E2E-1\t.*approved with risk accepted by Dr Helen Marsh\t1 failed/);
  const disposals = asManager(['disposals', 'list']);
  assert.match(disposals.stdout, /LT-E2E-1\tPhysically destroyed\tShredSafe Ltd\tcertificate COD-9001 SHA-256 [0-9a-f]{64}\tchecked by Priya Raman/);
});
