// Starts the real Custodian app under tauri-driver (WebKitWebDriver) and hands back a
// WebdriverIO browser for it. Each app gets its own data folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

export const APP = process.env.CUSTODIAN_APP;
export const CLI = process.env.CUSTODIAN_CLI;
if (!APP || !CLI) throw new Error('set CUSTODIAN_APP and CUSTODIAN_CLI (scripts/e2e.sh does)');

const PORT = 4444;

/** A fresh, empty folder. */
export function freshFolder(prefix = 'custodian-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Launches the app with `args` and data folder `dataDir`; returns { browser, stop }. */
export async function launchApp({ dataDir, args = [] }) {
  const driver = spawn('tauri-driver', ['--port', String(PORT), '--native-driver', '/usr/bin/WebKitWebDriver'], {
    env: { ...process.env, CUSTODIAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort();
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'error',
    capabilities: {
      'tauri:options': { application: APP, args },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  browser.setTimeout({ implicit: 0 });
  const stop = async () => {
    try {
      await browser.deleteSession();
    } finally {
      driver.kill();
      await new Promise((resolve) => driver.once('exit', resolve));
    }
  };
  return { browser, stop };
}

async function waitForPort() {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not start');
}

/** Runs the `custodian` command line with `input` on standard input. */
export function cli(args, input = '') {
  return spawnSync(CLI, args, { input, encoding: 'utf8' });
}

/** Waits for `selector` to be displayed and returns the element. On a time-out the error says
 * what the window showed instead, so a failure can be understood from the log alone. */
export async function shown(browser, selector, timeout = 20000) {
  const element = await browser.$(selector);
  try {
    await element.waitForDisplayed({ timeout, timeoutMsg: `${selector} was not shown within ${timeout} ms` });
  } catch (error) {
    const seen = await browser.execute(() => document.body.innerText).catch(() => '(the window could not be read)');
    throw new Error(`${error.message}; the window showed: ${String(seen).replace(/\s+/g, ' ').slice(0, 600)}`);
  }
  return element;
}

/** Types `value` into the input `selector` (clearing it first), waiting up to `timeout` ms for it. */
export async function fill(browser, selector, value, timeout) {
  const input = await shown(browser, selector, timeout);
  await input.clearValue();
  await input.setValue(value);
}

/** Clicks `selector` once it is displayed (waiting up to `timeout` ms). */
export async function click(browser, selector, timeout) {
  await (await shown(browser, selector, timeout)).click();
}

/** Waits until the text of `selector` contains `text`; returns the text. */
export async function textContaining(browser, selector, text, timeout = 20000) {
  const element = await shown(browser, selector, timeout);
  await browser.waitUntil(async () => (await element.getText()).includes(text), {
    timeout,
    timeoutMsg: `${selector} never contained "${text}"`,
  });
  return element.getText();
}

/** Sets a form input's value the way typing would (works for date inputs too) and tells React. */
export async function setInputValue(browser, selector, value) {
  const input = await shown(browser, selector);
  await browser.execute(
    (element, text) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(element, text);
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    },
    input,
    value,
  );
}

/** Signs in on the sign-in screen and waits for the home screen. */
export async function signIn(browser, login, password) {
  await fill(browser, '#login', login);
  await fill(browser, '#password', password);
  await click(browser, '#sign-in-submit');
}

/** Signs out and waits for the sign-in screen. */
export async function signOut(browser) {
  await click(browser, '#sign-out');
  await shown(browser, '#sign-in-submit', 30000);
}

/** Chooses the option of the select `selector` whose text is `text`. */
export async function choose(browser, selector, text) {
  const select = await shown(browser, selector);
  await select.selectByVisibleText(text);
}

/** Chooses the first option of the select `selector` whose text contains `text`. */
export async function chooseContaining(browser, selector, text) {
  const select = await shown(browser, selector);
  const value = await browser.execute(
    (element, wanted) => [...element.options].find((o) => o.text.includes(wanted))?.value ?? '',
    select,
    text,
  );
  if (!value) throw new Error(`${selector} does not offer ${text}`);
  await select.selectByAttribute('value', value);
}
