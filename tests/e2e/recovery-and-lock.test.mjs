// Getting back in: the recovery key replaces a forgotten password, and an idle screen locks and
// asks for the password again — in the real desktop app.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, shown, textContaining } from './driver.mjs';

const PASSWORD = 'pebble violin harbour 7';
const NEW_PASSWORD = 'marble tunnel gecko 19';

function createWithCli(folder) {
  const vaultPath = join(folder, 'hillside.custodian');
  const created = cli(
    ['vault', 'create', '--vault', vaultPath, '--practice', 'Hillside Practice', '--ods', 'C82001',
      '--name', 'Priya Shah', '--login', 'pshah', '--password-stdin'],
    `${PASSWORD}\n`,
  );
  assert.equal(created.status, 0, created.stderr);
  const recoveryKey = created.stdout.match(/([A-Z2-7]{4}-){9}[A-Z2-7]{4}/)[0];
  return { vaultPath, recoveryKey };
}

test('the recovery key opens the vault and a new password must then be set', async () => {
  const { vaultPath, recoveryKey } = createWithCli(freshFolder('custodian-cli-'));
  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    await click(browser, '#recover-start');
    await fill(browser, '#login', 'pshah');
    await fill(browser, '#recovery-key', 'AAAA-BBBB');
    await click(browser, '#recover-submit');
    await textContaining(browser, '#error-summary', 'mistyped');

    await fill(browser, '#recovery-key', recoveryKey.toLowerCase());
    await click(browser, '#recover-submit');
    await fill(browser, '#password', 'password1', 30000);
    await fill(browser, '#confirm-password', 'password1');
    await click(browser, '#new-password-submit');
    await textContaining(browser, '#error-summary', 'too', 30000);
    await (await browser.$('#new-password-submit')).waitForEnabled({ timeout: 30000 });

    await fill(browser, '#password', NEW_PASSWORD);
    await fill(browser, '#confirm-password', NEW_PASSWORD);
    // The strength check answers after a pause and the page grows; click only once it has settled.
    await textContaining(browser, '#password-strength', 'Strong enough');
    await click(browser, '#new-password-submit');
    assert.equal(await (await shown(browser, '#home-practice-name', 60000)).getText(), 'Hillside Practice');
    await click(browser, '#sign-out');
    await shown(browser, '#sign-in-submit');
  } finally {
    await stop();
  }
  const old = cli(['vault', 'check', '--vault', vaultPath, '--login', 'pshah', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(old.stderr, 'error: wrong password\n');
  const renewed = cli(['vault', 'check', '--vault', vaultPath, '--login', 'pshah', '--password-stdin'], `${NEW_PASSWORD}\n`);
  assert.equal(renewed.status, 0, renewed.stderr);
});

test('after the chosen idle time the screen locks and only the password unlocks it', async () => {
  const { vaultPath } = createWithCli(freshFolder('custodian-cli-'));
  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  try {
    await fill(browser, '#login', 'pshah');
    await fill(browser, '#password', PASSWORD);
    await click(browser, '#sign-in-submit');
    await click(browser, '#nav-settings', 30000);
    await fill(browser, '#idle-minutes', '1');
    await click(browser, '#save-idle-minutes');
    await textContaining(browser, '#settings-screen', 'locks after 1 minute of inactivity');

    // No input for a minute: the lock screen replaces the signed-in screens.
    await shown(browser, '#lock-screen', 90000);
    assert.equal(await (await browser.$('#settings-screen')).isExisting(), false);

    await fill(browser, '#password', 'not the password');
    await click(browser, '#unlock-submit');
    await textContaining(browser, '#error-summary', 'Wrong login name or password', 30000);
    await fill(browser, '#password', PASSWORD);
    await click(browser, '#unlock-submit');
    // Unlocking carries on where the person left off.
    await textContaining(browser, '#settings-screen', 'locks after 1 minute of inactivity', 30000);
  } finally {
    await stop();
  }
});
