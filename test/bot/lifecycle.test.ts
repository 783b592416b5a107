import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/browser';

// The real entry point as a process: it starts on embedded defaults in local mode (saying so loudly),
// answers health checks, and on SIGTERM finishes and exits cleanly.

const root = path.resolve(__dirname, '../..');
jest.setTimeout(60_000);

async function untilHealthy(url: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} never answered`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  it('starts in local mode on the embedded store, creates its file, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-main-'));
    const port = await freePort();
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['bot/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-must-not-be-logged' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await untilHealthy(`http://127.0.0.1:${port}/healthz`);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(fs.existsSync(path.join(dataDir, 'ipp.sqlite'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { event?: string; level: number; msg: string });
    expect(lines.find((l) => l.event === 'startup.local-mode')?.msg).toMatch(/authentication is OFF/);
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['startup.listening', 'shutdown.start', 'shutdown.done']));
    expect(out).not.toContain('xoxb-must-not-be-logged');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
