// Policies, end to end in the real app on the demo practice: the manager adds a policy and
// imports its text from a file, the SIRO signs it off, the manager publishes it, a member of staff
// reads it to the end and acknowledges it, and the matrix shows it. A new version then asks
// again, the old acknowledgement is kept, and the quick sign-in on a shared PC acknowledges it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, shown, signIn, signOut, textContaining } from './driver.mjs';

const DEMO_PASSWORD = 'heron lantern quarry 42';
const FAX_ROW = "//table[@id='policy-register']//button[normalize-space()='Fax policy']";
const FAX_WAITING = "//ul[@id='policies-waiting']/li[contains(., 'Fax policy')]//button";

/** A policy long enough to need scrolling, as a word processor exports it. */
function faxPolicyText() {
  const lines = ['[bookmark: _Toc1]1.\tINTRODUCTION'];
  for (let n = 1; n <= 40; n += 1) {
    lines.push(`1.${n}\tClause ${n}.  Faxes carrying patient information are sent only to numbers checked the same day.`);
  }
  lines.push('· Confirm the number before sending;', '· Use a cover sheet.');
  return `${lines.join('\n')}\n`;
}

async function openFaxPolicy(browser) {
  await click(browser, '#nav-policies', 30000);
  await click(browser, FAX_ROW, 30000);
  await shown(browser, '#policy-summary');
}

/** Signs the version in review off as the signed-in approver. */
async function signOff(browser, password) {
  await click(browser, '#version-approve');
  await textContaining(browser, '#signoff-statement', 'Fax policy');
  await click(browser, 'label[for="signoff-confirm"]');
  await fill(browser, '#signoff-password', password);
  await click(browser, '#signoff-sign');
}

/** Scrolls the reader to the end: the acknowledge control opens only then. */
async function readToTheEnd(browser) {
  const reader = await shown(browser, '#policy-reader', 30000);
  assert.equal(await (await browser.$('#ack-submit')).isEnabled(), false, 'closed until the end is reached');
  await browser.execute((element) => {
    element.scrollTop = element.scrollHeight;
    element.dispatchEvent(new Event('scroll'));
  }, reader);
  await browser.waitUntil(async () => (await browser.$('#ack-submit')).isEnabled(), {
    timeout: 20000,
    timeoutMsg: 'the acknowledge button never opened',
  });
  await click(browser, 'label[for="ack-confirm"]');
  await click(browser, '#ack-submit');
}

test('a policy is imported, signed off, published, read to the end and acknowledged, and a new version asks again', async () => {
  const folder = freshFolder('custodian-policies-');
  const vaultPath = join(folder, 'demo.custodian');
  const made = cli(['demo', '--vault', vaultPath]);
  assert.equal(made.status, 0, made.stderr);
  const document = join(folder, 'Fax policy.txt');
  writeFileSync(document, faxPolicyText());

  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    // The practice manager adds the policy and imports its first version from a file.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await click(browser, '#nav-policies', 30000);
    await click(browser, '#policy-add', 30000);
    await fill(browser, '#policy-title', 'Fax policy');
    await click(browser, 'label[for="policy-approver-siro"]');
    await click(browser, '#policy-save');
    await textContaining(browser, '#policy-message', 'Fax policy', 30000);
    await click(browser, '#policy-new-version');
    await click(browser, 'label[for="version-source-file"]');
    await fill(browser, '#version-file-path', document);
    await click(browser, '#version-save');
    await textContaining(browser, '#policy-pending', 'Version 1.0', 30000);
    await click(browser, '#version-submit');
    await textContaining(browser, '#policy-pending', 'In review', 30000);
    await signOut(browser);

    // The SIRO signs it off with their password.
    await signIn(browser, 'demo.siro', DEMO_PASSWORD);
    await openFaxPolicy(browser);
    await signOff(browser, DEMO_PASSWORD);
    await textContaining(browser, '#policy-pending', 'Approved', 30000);
    await signOut(browser);

    // The manager publishes it.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await openFaxPolicy(browser);
    await click(browser, '#version-publish');
    await textContaining(browser, '#policy-standing', 'Current', 30000);
    await signOut(browser);

    // Jordan reads it to the end and acknowledges it.
    await signIn(browser, 'demo.staff', DEMO_PASSWORD);
    await click(browser, FAX_WAITING, 30000);
    await textContaining(browser, '#policy-reader', '1. INTRODUCTION');
    const text = await (await browser.$('#policy-reader')).getText();
    assert.ok(!text.includes('[bookmark'), 'word-processor debris is cleaned away');
    await readToTheEnd(browser);
    await textContaining(browser, '#ack-done', 'Fax policy', 30000);
    await signOut(browser);

    // The matrix shows it; then a new version is written, signed off and published.
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await click(browser, '#nav-acknowledgements', 30000);
    await shown(browser, '#ack-practice-figure', 30000);
    const jordanFax = "//table[@id='ack-matrix']//tr[contains(., 'Jordan Ellis')]";
    await shown(browser, jordanFax);
    const faxColumn = await browser.execute(() =>
      [...document.querySelectorAll('#ack-matrix thead th')].findIndex((th) => th.textContent.includes('Fax policy')),
    );
    assert.ok(faxColumn > 0, 'the Fax policy has a column');
    const cellState = (row) =>
      browser.execute(
        (xpath, column) => {
          const tr = document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
          return tr.children[column].getAttribute('data-state');
        },
        row,
        faxColumn,
      );
    assert.equal(await cellState(jordanFax), 'acknowledged');

    await openFaxPolicy(browser);
    await click(browser, '#policy-new-version');
    await click(browser, 'label[for="version-source-text"]');
    await fill(browser, '#version-text', '# Fax policy\n\nWe no longer send faxes. Use NHSmail.\n\n- Never fax patient information.');
    await click(browser, 'label[for="version-change-minor"]');
    await fill(browser, '#version-change-summary', 'Faxes withdrawn');
    await click(browser, '#version-save');
    await textContaining(browser, '#policy-pending', 'Version 1.1', 30000);
    await click(browser, '#version-submit');
    await textContaining(browser, '#policy-pending', 'In review', 30000);
    await signOut(browser);
    await signIn(browser, 'demo.siro', DEMO_PASSWORD);
    await openFaxPolicy(browser);
    await signOff(browser, DEMO_PASSWORD);
    await textContaining(browser, '#policy-pending', 'Approved', 30000);
    await signOut(browser);
    await signIn(browser, 'demo.manager', DEMO_PASSWORD);
    await openFaxPolicy(browser);
    await click(browser, '#version-publish');
    await textContaining(browser, '#policy-versions', 'Superseded', 30000);
    await textContaining(browser, '#policy-acknowledgements', 'Jordan Ellis');
    await click(browser, '#nav-acknowledgements');
    await shown(browser, jordanFax, 30000);
    assert.equal(await cellState(jordanFax), 'outstanding', 'the new version needs a new acknowledgement');
    await signOut(browser);

    // At the reception PC, Jordan uses the quick sign-in, acknowledges, and is signed out.
    await click(browser, '#quick-acknowledge');
    await fill(browser, '#quick-login', 'demo.staff');
    await fill(browser, '#quick-password', DEMO_PASSWORD);
    await click(browser, '#quick-sign-in');
    await shown(browser, '#quick-acknowledge-page', 30000);
    assert.equal(await (await browser.$('#nav-policies')).isExisting(), false, 'only the policies, no menu');
    await click(browser, FAX_WAITING, 30000);
    await textContaining(browser, '#policy-reader', 'We no longer send faxes');
    await readToTheEnd(browser);
    await textContaining(browser, '#ack-done', 'Fax policy', 30000);
    await click(browser, '#quick-finish');
    await shown(browser, '#quick-finished', 30000);
  } finally {
    await stop();
  }

  // From the command line, the matrix shows Jordan's acknowledgement of the new version.
  const status = cli(
    ['ack', 'status', '--vault', vaultPath, '--login', 'demo.manager', '--password-stdin'],
    `${DEMO_PASSWORD}\n`,
  );
  assert.equal(status.status, 0, status.stderr);
  const [header, ...rows] = status.stdout.trim().split('\n');
  const column = header.split(',').findIndex((name) => name.startsWith('Fax policy'));
  assert.ok(column > 0, header);
  const jordan = rows.find((row) => row.startsWith('Jordan Ellis,'));
  assert.match(jordan.split(',')[column], /^acknowledged \d{4}-\d{2}-\d{2}$/);
});
