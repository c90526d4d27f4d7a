// People, end to end in the real app: a practice manager adds a person, who signs in with the
// one-time password and must choose their own; once recorded as a leaver they cannot sign in.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, setInputValue, shown, signIn, textContaining } from './driver.mjs';

const PASSWORD = 'pebble violin harbour 7';
const JORDAN_PASSWORD = 'otter violet marble 3';

function yesterday() {
  const day = new Date(Date.now() - 24 * 60 * 60 * 1000);
  return day.toISOString().slice(0, 10);
}

test('a new person signs in with a one-time password, chooses their own, and is shut out after leaving', async () => {
  const folder = freshFolder('custodian-cli-');
  const vaultPath = join(folder, 'hillside.custodian');
  const created = cli(
    ['vault', 'create', '--vault', vaultPath, '--practice', 'Hillside Practice', '--ods', 'C82001',
      '--name', 'Priya Shah', '--login', 'pshah', '--password-stdin'],
    `${PASSWORD}\n`,
  );
  assert.equal(created.status, 0, created.stderr);

  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    // The practice manager adds Jordan.
    await signIn(browser, 'pshah', PASSWORD);
    await click(browser, '#nav-staff', 30000);
    await click(browser, '#add-person-start');
    await fill(browser, '#full-name', 'Jordan Ellis');
    await fill(browser, '#login', 'jellis');
    await fill(browser, '#job-title', 'Receptionist');
    await setInputValue(browser, '#start-date', '2024-04-01');
    await click(browser, '#person-submit');
    const oneTime = (await (await shown(browser, '#one-time-password', 30000)).getText()).trim();
    assert.match(oneTime, /^[A-Z2-7]{4}(-[A-Z2-7]{4})+$/);
    await click(browser, '#one-time-password-done');
    await shown(browser, '[data-login="jellis"]');
    await click(browser, '#sign-out');

    // Jordan's first sign-in: the one-time password, then their own.
    await signIn(browser, 'jellis', oneTime);
    await shown(browser, '#choose-password-screen', 30000);
    await fill(browser, '#password', JORDAN_PASSWORD);
    await fill(browser, '#confirm-password', JORDAN_PASSWORD);
    // The strength check answers after a pause and the page grows; click only once it has settled.
    await textContaining(browser, '#password-strength', 'Strong enough');
    await click(browser, '#choose-password-submit');
    await textContaining(browser, '#signed-in-as', 'Jordan Ellis', 30000);
    // Staff do not get the register's management actions.
    await click(browser, '#nav-staff');
    await shown(browser, '#staff-screen');
    assert.equal(await (await browser.$('#add-person-start')).isExisting(), false);
    await click(browser, '#sign-out');

    // The one-time password no longer works.
    await signIn(browser, 'jellis', oneTime);
    await textContaining(browser, '#error-summary', 'Wrong login name or password', 30000);

    // The manager records that Jordan left yesterday: access is removed at once.
    await signIn(browser, 'pshah', PASSWORD);
    await click(browser, '#nav-staff', 30000);
    await click(browser, '#edit-person-jellis');
    await setInputValue(browser, '#leaving-date', yesterday());
    await click(browser, '#person-submit');
    await textContaining(browser, '[data-login="jellis"]', 'Left', 30000);
    await click(browser, '#sign-out');

    await signIn(browser, 'jellis', JORDAN_PASSWORD);
    await textContaining(browser, '#error-summary', 'Wrong login name or password', 30000);
  } finally {
    await stop();
  }

  // The audit trail, checked from the command line, records all of it and is intact.
  const checked = cli(['vault', 'check', '--vault', vaultPath, '--login', 'pshah', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(checked.status, 0, checked.stderr);
  assert.match(checked.stdout, /^Hillside Practice \(C82001\): 2 people, vault format 1, schema 7\n/);
  assert.match(checked.stdout, /Audit trail: 6 entries, chain intact/);
});
