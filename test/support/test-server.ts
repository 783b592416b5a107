import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProductStore } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { DEMO_SCHOOL_ID, seedDemoSchool } from '../../bot/dev/demo-school';
import { createCaseRuntime } from '../../bot/case-runtime';
import { launchSchoolCycle } from '../../bot/cycle-launch';
import { createLogger } from '../../bot/logger';
import { startServer } from '../../bot/server';
import type { RunningServer } from '../../bot/server';
import type { ProductStore } from '../../bot/compose';
import { FixedClock } from '../../services/shared/time';

/** A real server on loopback over a real embedded store in a temporary folder, with the demo school seeded. */
export interface TestServer {
  server: RunningServer;
  store: ProductStore;
  clock: FixedClock;
  dataDir: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  stop(): Promise<void>;
}

/** Starts a test server with extra environment (e.g. Slack settings) over the defaults. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const store = await openProductStore(config);
  await seedDemoSchool(store);
  const clock = new FixedClock('2026-11-25T10:00:00.000Z');
  const server = await startServer({ config, store, logger: createLogger('silent'), clock });
  return {
    server,
    store,
    clock,
    dataDir,
    base: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON and returns the status and parsed body (if any). */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Launches the demo school's 2026 cycle (March to February) on a test server, as the school's administrator would. */
export async function launchDemoCycle(t: TestServer, today = '2026-03-02'): Promise<void> {
  t.clock.set(`${today}T10:00:00.000Z`);
  const runtime = createCaseRuntime({ store: t.store, clock: t.clock, logger: createLogger('silent') });
  const launched = await launchSchoolCycle(t.store, runtime, { schoolId: DEMO_SCHOOL_ID, cycleYear: 2026, actor: { kind: 'admin' }, dryRun: false, channel: 'cli' });
  if (!launched.ok) throw new Error(launched.error.message);
}
