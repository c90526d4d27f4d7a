// The walking skeleton, end to end, in the real desktop app: create a vault, keep the recovery
// key, sign out, fail and succeed to sign in — and the same vault files work from the CLI.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, click, fill, freshFolder, launchApp, shown, textContaining } from './driver.mjs';

const PASSWORD = 'pebble violin harbour 7';

test('a practice vault is created, signed out of, refused with a wrong password and opened with the right one', async () => {
  const dataDir = freshFolder();
  const { browser, stop } = await launchApp({ dataDir });
  let vaultPath;
  try {
    await click(browser, '#create-vault-start');
    await fill(browser, '#practice-name', 'Riverside Surgery');
    await fill(browser, '#ods-code', 'B86001');
    await fill(browser, '#full-name', "Siobhán O'Brien");
    await fill(browser, '#login', 'sobrien');
    await fill(browser, '#password', PASSWORD);
    await fill(browser, '#confirm-password', PASSWORD);
    // The strength check answers after a pause and the page grows; click only once it has settled.
    await textContaining(browser, '#password-strength', 'Strong enough');
    await click(browser, '#create-vault-submit');

    const key = (await (await shown(browser, '#recovery-key-display', 30000)).getText()).trim();
    assert.match(key, /^([A-Z2-7]{4}-){9}[A-Z2-7]{4}$/);
    await fill(browser, '#last-group', 'ZZZZ' === key.slice(-4) ? 'AAAA' : 'ZZZZ');
    await click(browser, '#confirm-recovery-key');
    await textContaining(browser, '#error-summary', 'not the last group');
    await fill(browser, '#last-group', key.slice(-4).toLowerCase());
    await click(browser, '#confirm-recovery-key');

    assert.equal(await (await shown(browser, '#home-practice-name', 30000)).getText(), 'Riverside Surgery');
    await textContaining(browser, '#signed-in-as', "Siobhán O'Brien");

    await click(browser, '#sign-out');
    await fill(browser, '#login', 'sobrien');
    await fill(browser, '#password', 'not the password at all');
    await click(browser, '#sign-in-submit');
    await textContaining(browser, '#error-summary', 'Wrong login name or password', 30000);

    await fill(browser, '#password', PASSWORD);
    await click(browser, '#sign-in-submit');
    assert.equal(await (await shown(browser, '#home-practice-name', 30000)).getText(), 'Riverside Surgery');
    await click(browser, '#sign-out');
    await shown(browser, '#sign-in-submit');

    vaultPath = join(dataDir, 'riverside-surgery.custodian');
    assert.ok(existsSync(vaultPath), `the vault was saved in the data folder (${vaultPath})`);
    const remembered = JSON.parse(readFileSync(join(dataDir, 'last-vault.json'), 'utf8'));
    assert.equal(remembered.path, vaultPath);
  } finally {
    await stop();
  }

  // The vault made by the app opens from the command line.
  const checked = cli(['vault', 'check', '--vault', vaultPath, '--login', 'sobrien', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(checked.stderr, '');
  assert.equal(checked.status, 0);
  const [summary, chain] = checked.stdout.split('\n');
  assert.equal(summary, 'Riverside Surgery (B86001): 1 person, vault format 1, schema 7');
  assert.match(chain, /^Audit trail: 2 entries, chain intact, head [0-9a-f]{64}$/);
});

test('a vault made by the command line opens in the app, which remembers it next time', async () => {
  const folder = freshFolder('custodian-cli-');
  const vaultPath = join(folder, 'greenfield.custodian');
  const created = cli(
    ['vault', 'create', '--vault', vaultPath, '--practice', 'Greenfield Medical Centre', '--ods', 'Y01234',
      '--name', 'Anna Kowalczyk', '--login', 'akowalczyk', '--password-stdin'],
    `${PASSWORD}\n`,
  );
  assert.equal(created.status, 0, created.stderr);

  const dataDir = freshFolder();
  const first = await launchApp({ dataDir, args: [vaultPath] });
  try {
    await fill(first.browser, '#login', 'akowalczyk');
    await fill(first.browser, '#password', PASSWORD);
    await click(first.browser, '#sign-in-submit');
    assert.equal(await (await shown(first.browser, '#home-practice-name', 30000)).getText(), 'Greenfield Medical Centre');
    await click(first.browser, '#sign-out');
    await shown(first.browser, '#sign-in-submit');
  } finally {
    await first.stop();
  }

  // Reopened with no arguments, the app finds the last vault and greets the practice by name.
  const second = await launchApp({ dataDir });
  try {
    await shown(second.browser, '#sign-in-submit');
    await textContaining(second.browser, 'h1', 'Greenfield Medical Centre');
  } finally {
    await second.stop();
  }
});
