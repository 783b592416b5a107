import fs from 'node:fs';
import { ServerResponse } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import express from 'express';
import { loadConfig } from '../bot/config';
import { openProductStore } from '../bot/compose';
import { DEMO_SCHOOL_ID, seedDemoSchool } from '../bot/dev/demo-school';
import { createLogger } from '../bot/logger';
import { startServer } from '../bot/server';
import { formVerb } from '../cards/verbs';
import { caseIdFor } from '../services/case';
import { FixedClock } from '../services/shared/time';
import { aButtonPress } from '../test/support/slack-payloads';
import { postToSlack } from '../test/support/slack-requests';
import { counting } from './case-action.bench';
import { line, measure } from './measure';

// Slack's 3-second rule: time-to-ack of an interactive payload (a button that opens a form) against a bare bolt
// app that only acks, in the same run — and a check that no storage or Web API call happens before the ack.

const N = Number(process.env.BENCH_SLACK_N ?? 300);
const SECRET = 'bench-signing-secret';

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Runs the Slack benchmark and prints its figures. */
export async function run(): Promise<void> {
  // A fake Slack Web API on loopback, recording when each call arrives.
  const webApiCalls: number[] = [];
  const webApi = express();
  webApi.post(/.*/, (_req, res) => {
    webApiCalls.push(performance.now());
    res.json({ ok: true, channel: 'D0', ts: '1', view: { id: 'V1' } });
  });
  const api = await listen(webApi);

  const bareReceiver = new ExpressReceiver({ signingSecret: SECRET, endpoints: '/slack/events' });
  const bare = new App({ receiver: bareReceiver, token: 'xoxb-bench', botId: 'B0', botUserId: 'U0BOT', tokenVerificationEnabled: false, logLevel: LogLevel.ERROR });
  bare.action(/.*/, async ({ ack }) => ack());
  const bareServer = await listen(bareReceiver.app as unknown as express.Express);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-bench-slack-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_BOT_ID: 'B0', SLACK_BOT_USER_ID: 'U0BOT', SLACK_API_URL: `${api.url}/api/` });
  const raw = await openProductStore(config);
  await seedDemoSchool(raw);
  const grace = await raw.people.get(DEMO_SCHOOL_ID, 'p-grace');
  if (grace) await raw.people.upsert({ ...grace, slack: { userId: 'U0GRACE', unreachable: false } });
  const { store, counts } = counting(raw);
  const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
  // When the server answers (the ack is the HTTP response): the first end() of a response after a press is sent.
  let answeredAt = 0;
  const end = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function patched(this: ServerResponse, ...args: unknown[]) {
    if (answeredAt === 0) answeredAt = performance.now();
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof end;
  // When the store is first touched after a press is sent.
  let firstStoreCallAt = 0;
  const wrappedCounts = counts.set.bind(counts);
  counts.set = (k, v) => {
    if (firstStoreCallAt === 0) firstStoreCallAt = performance.now();
    return wrappedCounts(k, v);
  };
  const server = await startServer({ config, store, logger: createLogger('silent'), clock: new FixedClock('2026-03-02T10:00:00.000Z') });
  const body = aButtonPress('U0GRACE', formVerb('meeting.schedule'), { caseId: caseIdFor('2026-03-01', 'p-sam'), version: 1 });
  try {
    let beforeAck = 0;
    const press = (base: string, watch: boolean) => async () => {
      firstStoreCallAt = 0;
      answeredAt = 0;
      const apiCalls = webApiCalls.length;
      const res = await postToSlack(`${base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`answered ${res.status}`);
      // Let the work after the ack finish before the next press, so each press is measured on its own.
      await new Promise((r) => setTimeout(r, 5));
      const firstApiCallAt = webApiCalls[apiCalls] ?? Infinity;
      if (watch && ((firstStoreCallAt !== 0 && firstStoreCallAt < answeredAt) || firstApiCallAt < answeredAt)) beforeAck += 1;
    };
    for (let i = 0; i < 20; i++) await press(bareServer.url, false)();
    const bareFigures = await measure(N, 1, press(bareServer.url, false));
    const ours = await measure(N, 1, press(server.url.replace('localhost', '127.0.0.1'), true));
    process.stdout.write(
      [
        line('bare bolt app: button → ack', bareFigures),
        line('ipp bot: button → ack (then form)', ours),
        `  ratio (ipp / bare) p50 ${(ours.p50ms / bareFigures.p50ms).toFixed(2)}x, p99 ${(ours.p99ms / bareFigures.p99ms).toFixed(2)}x (Slack allows 3,000 ms)`,
        `  presses with a store or Web API call before the ack: ${beforeAck} of ${N} (store and Web API calls per press after it: ${(total() / N).toFixed(1)}, ${(webApiCalls.length / N).toFixed(1)})`,
      ].join('\n') + '\n',
    );
  } finally {
    ServerResponse.prototype.end = end;
    await server.close();
    await raw.close();
    await new Promise((r) => bareServer.server.close(r));
    await new Promise((r) => api.server.close(r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
