// Incidents, end to end in the real app on the demo practice: Jordan (staff) records that the
// laptop allocated to him was lost on the way home; the IG lead grades it reportable on the grid,
// sees the 72-hour deadline, records the DSPT report reference within it, logs an action and the
// lessons, and signs the closure review; the SIRO and the Caldicott Guardian (health data, a
// confidentiality breach) sign it too, and it is closed. The laptop shows as lost, with its incident.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { choose, chooseContaining, cli, click, fill, freshFolder, launchApp, setInputValue, shown, signIn, signOut, textContaining } from './driver.mjs';

const DEMO_PASSWORD = 'heron lantern quarry 42';
const TAG = 'LT-E2E-INC';

/** This computer's time now, as a date-and-time input holds it. */
function localNow() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Opens an incident from the list of the incidents section. */
async function openIncident(browser, reference) {
  await click(browser, '#nav-incidents', 30000);
  await click(browser, `//table[@id='incident-list']//tr[@data-reference='${reference}']//button`, 30000);
  await textContaining(browser, '#incident-reference', reference, 30000);
}

/** Signs the closure review as whoever is signed in, for the role they sign next. */
async function signClosure(browser, name, role) {
  await click(browser, '#incident-close-start', 30000);
  await textContaining(browser, '#incident-close-statement', `I, ${name}, as ${role}`, 30000);
  await click(browser, 'label[for="incident-close-confirm"]');
  await fill(browser, '#incident-close-password', DEMO_PASSWORD);
  await click(browser, '#incident-close-sign');
}

test('a lost laptop reported by staff is graded reportable, reported within 72 hours and closed by a signed review', async () => {
  const folder = freshFolder('custodian-incidents-');
  const vaultPath = join(folder, 'demo.custodian');
  const made = cli(['demo', '--vault', vaultPath]);
  assert.equal(made.status, 0, made.stderr);

  const { browser, stop } = await launchApp({ dataDir: freshFolder(), args: [vaultPath] });
  let reference;
  try {
    // The IG lead registers a laptop and allocates it to Jordan.
    await signIn(browser, 'demo.iglead', DEMO_PASSWORD);
    await click(browser, '#nav-devices', 30000);
    await click(browser, '#device-add', 30000);
    await fill(browser, '#device-asset-tag', TAG);
    await choose(browser, '#device-kind', 'Laptop');
    await fill(browser, '#device-make', 'Dell');
    await fill(browser, '#device-model', 'Latitude 5440');
    await fill(browser, '#device-serial', 'E2E-INC-1');
    await click(browser, 'label[for="device-ownership-practice"]');
    await click(browser, 'label[for="device-encryption-yes"]');
    await click(browser, '#device-save');
    await textContaining(browser, 'h1', TAG, 30000);
    await click(browser, '#device-allocate');
    await choose(browser, '#allocate-person', 'Jordan Ellis');
    await click(browser, '#allocate-save');
    await textContaining(browser, '#device-allocations', 'Jordan Ellis', 30000);
    await signOut(browser);

    // Jordan records that it was lost, naming his laptop; health data were on it.
    await signIn(browser, 'demo.staff', DEMO_PASSWORD);
    await click(browser, '#nav-incidents', 30000);
    await click(browser, '#incident-record', 30000);
    await click(browser, 'label[for="incident-kind-ig"]');
    const category = await shown(browser, '#incident-category');
    await category.selectByAttribute('value', 'lost_or_stolen_device');
    await click(browser, 'label[for="incident-breach-confidentiality"]');
    await fill(browser, '#incident-description', 'Laptop left on the train home; it held clinic letters');
    await fill(browser, '#incident-data-categories', 'names, NHS numbers, clinic letters');
    await click(browser, 'label[for="incident-special-category"]');
    await chooseContaining(browser, '#incident-device-choice', TAG);
    await click(browser, '#incident-device-add');
    await textContaining(browser, '#incident-device-chosen', TAG);
    await click(browser, '#incident-save');
    await textContaining(browser, '#incident-message', 'is recorded', 30000);
    reference = (await (await shown(browser, '#incident-reference')).getText()).trim();
    assert.match(reference, /^INC-\d{4}-\d{3}$/);
    await shown(browser, '#incident-read-only');
    assert.equal(await (await browser.$('#incident-grade-grid')).isExisting(), false, 'staff cannot grade');
    await signOut(browser);

    // The IG lead grades it on the grid: likelihood 3 × severity 2 is reportable; the clock runs.
    await signIn(browser, 'demo.iglead', DEMO_PASSWORD);
    await click(browser, '#nav-incidents', 30000);
    await textContaining(browser, `//table[@id='incident-list']//tr[@data-reference='${reference}']`, 'Not graded', 30000);
    await openIncident(browser, reference);
    await click(browser, '#grade-cell-2-5');
    await textContaining(browser, '#incident-grade-outcome', 'Not reportable');
    await click(browser, '#grade-cell-3-2');
    await textContaining(browser, '#incident-grade-outcome', 'Reportable to the ICO through the DSPT incident reporting tool');
    await click(browser, '#incident-grade-save');
    const badge = await textContaining(browser, '#incident-clock-tag', 'Report by', 30000);
    assert.match(badge, /^Report by \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    await textContaining(browser, '#incident-deadline', 'Report it by');
    assert.match(await (await shown(browser, '#incident-time-left')).getText(), /^7[12] hours left$/);
    await click(browser, '#nav-incidents');
    await textContaining(browser, `//table[@id='incident-list']//tr[@data-reference='${reference}']`, 'Report by', 30000);

    // The report through the DSPT tool, within the clock; an action; the assessment and lessons.
    await openIncident(browser, reference);
    await fill(browser, '#incident-dspt-reference', 'DSPT-E2E-1');
    await setInputValue(browser, '#incident-dspt-reported-at', localNow());
    await click(browser, 'label[for="incident-dpo-consulted"]');
    await click(browser, '#incident-report-save');
    await textContaining(browser, '#incident-message', 'DSPT-E2E-1', 30000);
    await textContaining(browser, '#incident-deadline', 'within the 72 hours', 30000);
    assert.equal(await (await browser.$('#incident-clock-tag')).isExisting(), false, 'reported: the clock stops');
    await fill(browser, '#incident-action-text', 'Laptop remotely wiped; BitLocker recovery key rotated');
    await click(browser, '#incident-action-add');
    await textContaining(browser, '#incident-action-log', 'Laptop remotely wiped', 30000);
    await fill(browser, '#incident-assess-lessons', 'Laptops travel in a locked bag, never on a seat');
    await click(browser, '#incident-assess-save');
    await textContaining(browser, '#incident-message', 'assessment', 30000);
    await textContaining(browser, '#incident-summary', 'Laptops travel in a locked bag');

    // Nothing is left before closing: the IG lead signs first.
    assert.equal(await (await browser.$('#incident-closure-gaps')).isExisting(), false);
    await textContaining(browser, '#incident-closure-roles', 'IG lead, SIRO and Caldicott Guardian');
    await signClosure(browser, 'Priya Raman', 'IG lead');
    await textContaining(browser, '#incident-awaiting', 'SIRO and Caldicott Guardian', 30000);

    // The laptop is lost, with its incident on its page, and may be the subject of another.
    await click(browser, '#nav-devices', 30000);
    await fill(browser, '#device-search', TAG, 30000);
    await click(browser, `//table[@id='device-register']//button[normalize-space()='${TAG}']`, 30000);
    await textContaining(browser, '#device-status-shown', 'Lost', 30000);
    await textContaining(browser, '#device-incidents', reference, 30000);
    await click(browser, '#device-record-incident');
    await textContaining(browser, 'h1', 'Record an incident', 30000);
    assert.equal(await (await shown(browser, '#incident-category')).getValue(), 'lost_or_stolen_device');
    await textContaining(browser, '#incident-device-chosen', TAG);
    await click(browser, '#incident-cancel');
    await shown(browser, '#incident-list', 30000);

    // The audit trail has each step.
    await click(browser, '#nav-audit', 30000);
    await textContaining(browser, '#audit-entries', `${reference}: reported through the DSPT tool, reference DSPT-E2E-1`, 30000);
    await textContaining(browser, '#audit-entries', `graded ${reference}: likelihood 3, severity 2`);
    await signOut(browser);

    // The SIRO, then the Caldicott Guardian, sign; the last signature closes it.
    await signIn(browser, 'demo.siro', DEMO_PASSWORD);
    await openIncident(browser, reference);
    await signClosure(browser, 'Dr Helen Marsh', 'SIRO');
    await textContaining(browser, '#incident-awaiting', 'Caldicott Guardian', 30000);
    await signOut(browser);
    await signIn(browser, 'demo.caldicott', DEMO_PASSWORD);
    await openIncident(browser, reference);
    await signClosure(browser, 'Dr Tom Okafor', 'Caldicott Guardian');
    await textContaining(browser, '#incident-message', `${reference} is closed.`, 30000);
    await textContaining(browser, '#incident-status-shown', 'Closed');
    await textContaining(browser, '#incident-sign-offs', 'Caldicott Guardian: Dr Tom Okafor');
    await click(browser, '#nav-incidents');
    await textContaining(browser, `//table[@id='incident-list']//tr[@data-reference='${reference}']`, 'Closed', 30000);
  } finally {
    await stop();
  }

  // The command line sees the same records.
  const asManager = (args) =>
    cli([...args, '--vault', vaultPath, '--login', 'demo.manager', '--password-stdin'], `${DEMO_PASSWORD}\n`);
  const devices = asManager(['devices', 'list']);
  assert.match(devices.stdout, new RegExp(`${TAG}\\tLaptop\\tDell Latitude 5440\\tLost`));
  const incidents = asManager(['incidents', 'list']);
  assert.equal(incidents.status, 0, incidents.stderr);
  assert.match(incidents.stdout, new RegExp(`${reference}\\t.*Lost or stolen device\\t.*3.2.*closed`));
});
