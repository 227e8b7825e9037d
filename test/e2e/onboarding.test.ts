/**
 * The first start without a terminal (issue 20 item 3), in Chromium with the built extension: a real
 * relay process on an empty data folder prints a setup code; the popup pairs with it, asks for the
 * admin's address and makes them the admin; the admin adds a person in the People page and makes
 * them a pairing code, which pairs their browser. Takes the README's picture of the People page.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { unlabelledControls } from '../helpers/paired-browser';
import { startRelayProcess, type RelayProcess } from '../helpers/relay-process';

let dataDir: string;
let relay: RelayProcess;
let browser: ExtensionBrowser;
let setupCode: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-onboarding-'));
  relay = await startRelayProcess({ OWNPOST_DATA_DIR: dataDir, OWNPOST_MASTER_KEY: randomBytes(32).toString('base64') });
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await relay?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const field = (page: Page, testId: string) => page.getByTestId(testId);

async function api(method: string, pathName: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(relay.url + pathName, {
    method,
    headers: { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('onboarding without a terminal', () => {
  it('a relay without users prints one setup code, and where to type it', async () => {
    const printed = relay.stdout();
    const match = /Setup code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/m.exec(printed);
    expect(match, printed).not.toBeNull();
    setupCode = match![1]!;
    expect(printed).toContain(`keep the relay address ${relay.url}`);
    expect(printed).toMatch(/pairing code/);
    expect(printed).toMatch(/works once, until .* \(one hour\)/);
    // The CLI way stays documented beside it.
    expect(printed).toContain('npx ownpost user add');
    // A secret belongs on the terminal of the person starting the relay, never in its log.
    expect(relay.log()).not.toContain(setupCode);
  });

  it('pairs in the popup with the setup code, asks for the e-mail address, and makes this browser’s user the admin', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await field(popup, 'relay-url').fill(relay.url);
    await field(popup, 'pairing-code').fill(setupCode.toLowerCase());
    await field(popup, 'connect').click();
    await expect.poll(() => field(popup, 'setup-email').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await field(popup, 'connect').textContent()).toBe('Become admin and connect');
    await field(popup, 'setup-email').fill('anna@firma.se');
    await field(popup, 'setup-name').fill('Anna Berg');
    await field(popup, 'connect').click();
    await expect.poll(() => field(popup, 'connected-as').textContent(), { timeout: 10_000 }).toBe('anna@firma.se');
    await popup.close();
    // The setup code is spent: nobody else becomes admin with it.
    const again = await api('POST', '/v1/pair', { body: { code: setupCode, email: 'mallory@evil.example' } });
    expect(again.status).toBe(401);
  });

  it('adds a person in the People page and makes them a pairing code that pairs their browser', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/people`);
    await expect.poll(() => field(options, 'options-connected-as').textContent(), { timeout: 10_000 }).toContain('Admin');
    await expect.poll(() => field(options, 'people-add-email').isVisible(), { timeout: 10_000 }).toBe(true);

    await field(options, 'people-add-email').fill('bo@firma.se');
    await field(options, 'people-add-name').fill('Bo Ek');
    await field(options, 'people-add-submit').click();
    await expect.poll(() => field(options, 'people-flash').textContent(), { timeout: 10_000 }).toContain('bo@firma.se was added');
    const bo = options.locator('[data-testid="person-item"][data-email="bo@firma.se"]');
    await bo.getByTestId('person-code').click();
    await expect.poll(() => bo.getByTestId('pairing-code-value').isVisible(), { timeout: 10_000 }).toBe(true);
    const code = (await bo.getByTestId('pairing-code-value').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The picture for the README: the people, the new person's code, and this browser among the admin's devices.
    expect(await unlabelledControls(options), 'unlabelled controls on the People page').toEqual([]);
    await expect.poll(() => field(options, 'my-device-list').textContent()).toContain('this browser');
    await takePicture(options, 'options-people', { wholePage: true });

    // Bo's browser pairs with the code; his device then shows in the admin's view of him.
    const paired = await api('POST', '/v1/pair', { body: { code, device: 'Bo’s laptop' } });
    expect(paired.status).toBe(200);
    expect(paired.body.user).toMatchObject({ email: 'bo@firma.se', name: 'Bo Ek', role: 'member' });
    await bo.getByTestId('person-devices').click();
    await expect.poll(() => bo.getByTestId('person-device-list').textContent(), { timeout: 10_000 }).toContain('Bo’s laptop');

    // Revoked from the page, Bo's token stops working at once.
    await bo.getByTestId('device-revoke').click();
    await expect.poll(async () => (await api('GET', '/v1/me', { token: paired.body.token })).status, { timeout: 10_000 }).toBe(401);
    await options.close();
  });
});
