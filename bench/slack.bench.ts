import fs from 'node:fs';
import { ServerResponse } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import express from 'express';
import { createCaseRuntime } from '../bot/case-runtime';
import { loadConfig } from '../bot/config';
import { openProductStore } from '../bot/compose';
import { launchSchoolCycle } from '../bot/cycle-launch';
import { DEMO_SCHOOL_ID, seedDemoSchool } from '../bot/dev/demo-school';
import { createLogger } from '../bot/logger';
import { startServer } from '../bot/server';
import { formModal } from '../cards/slack/case-blocks';
import { formFor } from '../cards/views/forms';
import { formVerb, Verbs } from '../cards/verbs';
import { caseIdFor } from '../services/case';
import { FixedClock } from '../services/shared/time';
import { slackSignature } from '../test/support/slack-requests';
import { counting } from './case-action.bench';

// Slack's 3-second rule: time-to-ack of interactive payloads (a button that opens a form, a button that shows
// the case, a modal with a mistake answered in the ack, a modal sent) against a bare bolt app that only acks,
// in the same run — and a count of payloads where the store or the Web API was touched before the ack.

const N = Number(process.env.BENCH_SLACK_N ?? 200);
const SECRET = 'bench-signing-secret';
const GRACE = 'U0GRACE';
const caseId = caseIdFor('2026-03-01', 'p-sam');

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify({ token: 'x', api_app_id: 'A0001', team: { id: 'T0001' }, user: { id: GRACE, team_id: 'T0001' }, ...payload }) }).toString();
const press = (i: number, actionId: string, value: unknown) =>
  interaction({ type: 'block_actions', trigger_id: `t${i}`, container: { type: 'message', channel_id: 'D0GRACE', message_ts: `1700000000.${i}` }, channel: { id: 'D0GRACE' }, actions: [{ type: 'button', action_id: actionId, value: JSON.stringify(value), action_ts: `1.${i}` }] });

/** Runs the Slack benchmark and prints its figures. */
export async function run(): Promise<void> {
  // A fake Slack Web API on loopback, recording when each call arrives.
  const webApiCalls: number[] = [];
  const webApi = express();
  webApi.post(/.*/, (_req, res) => {
    webApiCalls.push(performance.now());
    res.json({ ok: true, channel: 'D0GRACE', ts: '1', view: { id: 'V1' } });
  });
  const api = await listen(webApi);

  const bareReceiver = new ExpressReceiver({ signingSecret: SECRET, endpoints: '/slack/events' });
  const bare = new App({ receiver: bareReceiver, token: 'xoxb-bench', botId: 'B0', botUserId: 'U0BOT', tokenVerificationEnabled: false, logLevel: LogLevel.ERROR });
  bare.action(/.*/, async ({ ack }) => ack());
  bare.view(/.*/, async ({ ack }) => ack());
  const bareServer = await listen(bareReceiver.app as unknown as express.Express);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-bench-slack-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NUDGES_IN_SERVER: 'false', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_BOT_ID: 'B0', SLACK_BOT_USER_ID: 'U0BOT', SLACK_API_URL: `${api.url}/api/` });
  const raw = await openProductStore(config);
  await seedDemoSchool(raw);
  const grace = await raw.people.get(DEMO_SCHOOL_ID, 'p-grace');
  if (grace) await raw.people.upsert({ ...grace, slack: { userId: GRACE, unreachable: false } });
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const runtime = createCaseRuntime({ store: raw, clock, logger: createLogger('silent') });
  await launchSchoolCycle(raw, runtime, { schoolId: DEMO_SCHOOL_ID, cycleYear: 2026, actor: { kind: 'admin' }, dryRun: false, channel: 'cli' });
  const found = await raw.cases.get(DEMO_SCHOOL_ID, caseId);
  if (!found) throw new Error('the demo cycle did not open Sam’s case');
  const modal = formModal(formFor('meeting.schedule', { state: found.state, version: found.version, policy: await runtime.policies.forSchool(DEMO_SCHOOL_ID), viewerId: 'p-grace', values: {}, fieldErrors: {}, args: {}, people: [] })) as { callback_id: string; private_metadata: string };
  const submission = (i: number, date: string | null) =>
    interaction({ type: 'view_submission', trigger_id: `t${i}`, view: { id: `V${i}`, type: 'modal', callback_id: modal.callback_id, private_metadata: modal.private_metadata, hash: 'h', state: { values: { meeting: { value: { type: 'static_select', selected_option: { value: 'planning' } } }, date: { value: { type: 'datepicker', selected_date: date } } } } } });

  const { store, counts } = counting(raw);
  let firstStoreCallAt = 0;
  const setCount = counts.set.bind(counts);
  counts.set = (k, v) => {
    if (firstStoreCallAt === 0) firstStoreCallAt = performance.now();
    return setCount(k, v);
  };
  // The ack is the HTTP answer: when the server finishes writing it.
  let answeredAt = 0;
  const end = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function patched(this: ServerResponse, ...args: unknown[]) {
    if (answeredAt === 0 && this.req?.url?.startsWith('/slack/events')) answeredAt = performance.now();
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof end;
  const server = await startServer({ config, store, logger: createLogger('silent'), clock });
  const ours = server.url.replace('localhost', '127.0.0.1');

  /** Sends each body once, in turn: time to the ack, and whether anything was touched before it. */
  async function series(base: string, body: (i: number) => string, webCallsEach: number) {
    const acks: number[] = [];
    let early = 0;
    for (let i = 0; i < N; i++) {
      firstStoreCallAt = 0;
      answeredAt = 0;
      const calls = webApiCalls.length;
      const text = body(i);
      const ts = Math.floor(Date.now() / 1000);
      const t0 = performance.now();
      const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, text) }, body: text });
      // The bench is in the same process as the server, so the reply is read only once the work after the ack
      // yields: time-to-ack is taken when the server wrote its answer, not when this loop got to read it.
      acks.push((answeredAt || performance.now()) - t0);
      if (res.status !== 200) throw new Error(`answered ${res.status}`);
      await res.text();
      // Let the work after the ack finish (its Web API call arrives) before the next payload.
      const until = performance.now() + 2000;
      while (webApiCalls.length < calls + webCallsEach && performance.now() < until) await new Promise((r) => setImmediate(r));
      const firstApiCallAt = webApiCalls[calls] ?? Infinity;
      if ((firstStoreCallAt !== 0 && firstStoreCallAt < answeredAt) || firstApiCallAt < answeredAt) early += 1;
    }
    acks.sort((a, b) => a - b);
    return { p50: pct(acks, 50), p99: pct(acks, 99), early };
  }

  const kinds: { name: string; body: (i: number) => string; calls: number }[] = [
    { name: 'button → form (views.open)', body: (i) => press(i, formVerb('meeting.schedule'), { caseId, version: found.version }), calls: 1 },
    { name: 'button → case (chat.update)', body: (i) => press(i, Verbs.caseShow, { caseId }), calls: 1 },
    { name: 'modal with a mistake (errors)', body: (i) => submission(i, null), calls: 0 },
    { name: 'modal sent (then the DM, the Home)', body: (i) => submission(i, '2026-03-16'), calls: 2 },
  ];
  try {
    const lines: string[] = [];
    for (const kind of kinds) {
      await series(bareServer.url, kind.body, 0);
      const b = await series(bareServer.url, kind.body, 0);
      const o = await series(ours, kind.body, kind.calls);
      lines.push(
        `  ${kind.name.padEnd(36)} bare p50 ${b.p50.toFixed(2).padStart(6)} ms p99 ${b.p99.toFixed(2).padStart(6)} ms | ipp p50 ${o.p50.toFixed(2).padStart(6)} ms p99 ${o.p99.toFixed(2).padStart(6)} ms | ratio p50 ${(o.p50 / b.p50).toFixed(2)}x p99 ${(o.p99 / b.p99).toFixed(2)}x | touched before ack: ${o.early} of ${N}`,
      );
    }
    process.stdout.write(`Slack time-to-ack, ${N} payloads each, one at a time (Slack allows 3,000 ms):\n${lines.join('\n')}\n  store calls after the acks: ${[...counts.values()].reduce((a, v) => a + v, 0)}, Web API calls: ${webApiCalls.length}\n`);
  } finally {
    ServerResponse.prototype.end = end;
    await server.close();
    await raw.close();
    await new Promise((r) => bareServer.server.close(r));
    await new Promise((r) => api.server.close(r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
