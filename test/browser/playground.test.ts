import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, launchChromium } from '../support/browser';

// The local experience end to end: the dev start (embedded store, demo school, Agents Playground),
// the Playground in headless chromium, "help" typed, the welcome card seen, its button clicked,
// the refreshed card seen.

const root = path.resolve(__dirname, '../..');
jest.setTimeout(120_000);

function startDev(env: Record<string, string>): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['bot/dev.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', MICROSOFT_APP_ID: '', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`dev server exited (${code}): ${out}`)));
  });
  return { child, ready };
}

describe('npm run dev in a browser', () => {
  let dataDir: string;
  let dev: ReturnType<typeof startDev>;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-dev-'));
    dev = startDev({ DATA_DIR: dataDir, PORT: String(await freePort()), PLAYGROUND_PORT: String(await freePort()) });
  });
  afterAll(async () => {
    await browser?.close();
    if (dev.child.pid) {
      const exited = new Promise((r) => dev.child.once('exit', r));
      process.kill(-dev.child.pid, 'SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the welcome card for "help" in the Playground, and its button returns the refreshed card', async () => {
    const url = await dev.ready;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(url);

    // Installing the app greets the signed-in demo headteacher once.
    const welcome = page.getByText('Hello Priya', { exact: true });
    await welcome.first().waitFor({ timeout: 30_000 });
    const before = await welcome.count();

    const box = page.getByRole('textbox').first();
    await box.click();
    await box.pressSequentially('help');
    await page.keyboard.press('Enter');
    await welcome.nth(before).waitFor({ timeout: 30_000 });
    await page.getByText('launch the cycle', { exact: false }).last().waitFor({ state: 'visible' });

    await page.getByRole('button', { name: 'Show my appraisal' }).last().click();
    await page.getByText('Priya, your appraisal', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Test Valley School (demo)', { exact: true }).count()).toBeGreaterThan(0);

    // The demo starts with this year's cycle launched: the head reviews her two senior staff (R-CYC-1).
    await box.click();
    await box.pressSequentially('my team');
    await page.keyboard.press('Enter');
    await page.getByText('Your team’s appraisals', { exact: true }).last().waitFor({ timeout: 30_000 });
    expect(await page.getByText('Tom Ashdown', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Grace Okafor', { exact: true }).count()).toBeGreaterThan(0);
  });
});
