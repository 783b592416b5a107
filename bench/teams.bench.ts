import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import { loadConfig } from '../bot/config';
import { openProductStore } from '../bot/compose';
import { DEMO_TENANT_ID, demoPeople, seedDemoSchool } from '../bot/dev/demo-school';
import { createLogger } from '../bot/logger';
import { startServer } from '../bot/server';
import { Verbs } from '../cards/verbs';
import { systemClock } from '../services/shared/time';
import { startFakeConnector } from '../test/support/fake-connector';
import { aMessage, anActionExecute } from '../test/support/teams-activities';
import { line, measure } from './measure';

// The product's Teams path (HTTP → adapter → routing → store → card render → reply) against a bare
// botbuilder echo bot on the same machine in the same run, so the ratio says what our work costs.

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = 8;

export async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`unexpected ${res.status}`);
}

export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'echo' }] };
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } });
      } else {
        await context.sendActivity(`echo: ${context.activity.text}`);
      }
    });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Runs the Teams benchmark and prints its figures. */
export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-bench-'));
  const connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = await openProductStore(config);
  await seedDemoSchool(store);
  const server = await startServer({ config, store, logger: createLogger('silent'), clock: systemClock });
  const echo = await startEchoBot();
  const user = { aadObjectId: demoPeople()[3]?.teams?.aadObjectId ?? '', name: 'Demo person', tenantId: DEMO_TENANT_ID };
  const ours = `${server.url.replace('localhost', '127.0.0.1')}/api/messages`;
  try {
    // Warm both up so the first-request costs of either do not count.
    for (let i = 0; i < 50; i++) {
      await post(ours, aMessage(user, connector.url, 'status'));
      await post(echo.url, aMessage(user, connector.url, 'status'));
    }
    const echoMessages = await measure(N, CONCURRENCY, () => post(echo.url, aMessage(user, connector.url, 'status')));
    const ourMessages = await measure(N, CONCURRENCY, () => post(ours, aMessage(user, connector.url, 'status')));
    const echoActions = await measure(N, CONCURRENCY, () => post(echo.url, anActionExecute(user, connector.url, Verbs.homeShow)));
    const ourActions = await measure(N, CONCURRENCY, () => post(ours, anActionExecute(user, connector.url, Verbs.homeShow)));
    const out = [
      line('bare echo bot: message → reply', echoMessages),
      line('ipp bot: "status" → home card', ourMessages),
      `  ratio (ipp / echo) throughput ${(ourMessages.perSecond / echoMessages.perSecond).toFixed(2)}, p50 ${(ourMessages.p50ms / echoMessages.p50ms).toFixed(2)}x, p99 ${(ourMessages.p99ms / echoMessages.p99ms).toFixed(2)}x`,
      line('bare echo bot: invoke → card', echoActions),
      line('ipp bot: Action.Execute → card', ourActions),
      `  ratio (ipp / echo) throughput ${(ourActions.perSecond / echoActions.perSecond).toFixed(2)}, p50 ${(ourActions.p50ms / echoActions.p50ms).toFixed(2)}x, p99 ${(ourActions.p99ms / echoActions.p99ms).toFixed(2)}x`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await echo.close();
    await server.close();
    await store.close();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
