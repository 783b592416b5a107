import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import express from 'express';
import { noToken } from '../bot/messenger/bot-token.source';
import { createSlackMessenger } from '../bot/messenger/slack.messenger';
import { createTeamsMessenger } from '../bot/messenger/teams.messenger';
import type { Messenger } from '../services/nudges/messenger.port';
import { createRelay } from '../services/nudges/relay';
import type { RelayOptions } from '../services/nudges/relay';
import type { Person } from '../services/people/person.schema';
import type { ReminderRecord, Store } from '../services/ports/store.port';
import { FixedClock, systemClock } from '../services/shared/time';
import type { Clock } from '../services/shared/time';
import { openSqliteStore } from '../storage/sqlite/sqlite.store';

// The nudge scheduler's costs (R-CHAT-3). (1) A sweep over 1,000, 100,000 and 1,000,000 stored reminders with
// the same 100 due: reminders read and time should stay flat. (2) Delivery against fake endpoints that enforce
// the platforms' limits with 429 + Retry-After: sends per second as a fraction of the allowed rate.

const DUE = 100;
const SWEEP_AT = '2026-11-25T10:00:00.000Z';
const SIZES = (process.env.BENCH_NUDGES_SIZES ?? '1000,100000,1000000').split(',').map(Number);
const out = (text: string) => process.stdout.write(`${text}\n`);
const allDay = { days: { isWorkingDay: () => true }, from: '00:00', to: '24:00' };
const OPTIONS: RelayOptions = { batchSize: DUE, leaseMs: 120_000, maxAttempts: 10, maxRetries: 8, concurrency: 8 };

const person = (i: number, channel: 'teams' | 'slack'): Person => ({
  id: `p-${i}`, schoolId: 'school-a', staffId: `S${i}`, name: `Person ${i}`, email: `p${i}@example.org`, jobTitle: '', roleFamily: 'support',
  lineManagerIds: [], contractType: 'permanent', startDate: '2020-09-01', endDate: null, termTimeOnly: false, partTime: false, headteacher: false,
  slt: false, pdManager: false, reviewerTrained: false, leftOn: null,
  ...(channel === 'teams' ? { teams: { aadObjectId: `aad-${i}`, tenantId: 'tenant-a', unreachable: false } } : { slack: { userId: `U${i}`, unreachable: false } }),
});
const reminder = (id: string, recipientId: string, dueAt: string): ReminderRecord => ({
  id, schoolId: 'school-a', caseId: id.split('/')[0] ?? id, rule: 'bench', recipientId, dueAt, state: 'pending', leaseUntil: null, attempts: 0,
  payload: { content: { kind: 'nudge', title: 'Your objectives are due soon', lines: [], due: '2026-12-02', open: null } },
});
const instant: Messenger = { channel: 'teams', send: async () => ({ ok: true, value: { id: null } }), limits: () => [] };

async function seedPeople(store: Store, n: number, channel: 'teams' | 'slack', serviceUrl: string): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const p = person(i, channel);
    await store.people.upsert(p);
    if (channel === 'teams') {
      await store.conversations.put({ schoolId: 'school-a', personId: p.id, channel: 'teams', userKey: `aad-${i}`, updatedAt: SWEEP_AT, reference: { serviceUrl, conversation: { id: `a:conv-${i}`, tenantId: 'tenant-a' } } });
    }
  }
}

/** One sweep over `total` stored reminders, 100 of them due: reminders read, time of the due query and of the whole sweep. */
async function sweepCost(total: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-nudges-bench-'));
  const file = path.join(dir, 'ipp.sqlite');
  try {
    const clock = new FixedClock(SWEEP_AT);
    const store = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw, clock });
    await seedPeople(store, 50, 'teams', 'http://127.0.0.1:9/');
    for (let i = 0; i < DUE; i += 1) await store.reminders.create(reminder(`case-${i}/bench/due`, `p-${i % 50}`, new Date(Date.parse(SWEEP_AT) - (i + 1) * 60_000).toISOString()));
    await store.reminders.create(reminder('template/bench/later', 'p-0', '2027-01-01T09:00:00.000Z'));
    await store.close();
    // The rest are not due (spread over the next year): copied from one stored document in a single transaction.
    const seeded = performance.now();
    const db = new Database(file);
    db.prepare(
      `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?)
       INSERT INTO reminders (school_id, id, state, due_at, lease_until, attempts, expires_at, doc)
       SELECT school_id, 'bulk-' || n || '/bench/later', state, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-25T11:00:00', '+' || (n % 525600) || ' minutes'),
              NULL, 0, NULL, json_set(doc, '$.id', 'bulk-' || n || '/bench/later')
       FROM k, reminders WHERE reminders.id = 'template/bench/later'`,
    ).run(total - DUE - 1);
    db.close();
    const seedSeconds = (performance.now() - seeded) / 1000;
    const reopened = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw, clock });
    const t0 = performance.now();
    for (let i = 0; i < 20; i += 1) await reopened.reminders.due(SWEEP_AT, DUE);
    const dueMs = (performance.now() - t0) / 20;
    const relay = createRelay({ store: reopened, messengers: { teams: instant }, clock, sleeper: { sleep: async () => undefined }, random: Math.random, windowFor: async () => allDay, options: OPTIONS });
    const t1 = performance.now();
    const report = await relay.sweep();
    const sweepMs = performance.now() - t1;
    await reopened.close();
    return { total, read: report.read, sent: report.sent, dueMs, sweepMs, seedSeconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fake platform enforcing `perSecond` per key (conversation or channel) and per tenant, answering 429 + Retry-After beyond it. */
async function rateLimitedFake(perKey: number, perTenant: number) {
  const seen = new Map<string, number[]>();
  let ok = 0;
  let throttled = 0;
  const over = (key: string, limit: number, now: number) => {
    const recent = (seen.get(key) ?? []).filter((t) => t > now - 1000);
    seen.set(key, recent);
    return recent.length >= limit;
  };
  const app = express();
  app.use(express.json());
  app.post(/.*/, (req, res) => {
    const now = Date.now();
    const key = /conversations\/([^/]+)/.exec(req.path)?.[1] ?? String((req.body as { channel?: string }).channel);
    if (over(key, perKey, now) || over('tenant', perTenant, now)) {
      throttled += 1;
      return void res.status(429).setHeader('retry-after', '1').json({});
    }
    for (const k of [key, 'tenant']) seen.set(k, [...(seen.get(k) ?? []), now]);
    ok += 1;
    res.json(req.path.includes('chat.postMessage') ? { ok: true, ts: '1.1' } : { id: 'a' });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, counts: () => ({ ok, throttled }), close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Sends `perPerson` nudges to each of `people` people through the real messenger against the limiting fake. */
async function throughput(channel: 'teams' | 'slack', people: number, perPerson: number, allowedPerSecond: number, limits: [number, number]) {
  const fake = await rateLimitedFake(...limits);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-nudges-rate-'));
  try {
    const clock: Clock = systemClock;
    const store = openSqliteStore({ file: path.join(dir, 'ipp.sqlite'), parseCaseState: (raw: unknown) => raw });
    await seedPeople(store, people, channel, fake.url);
    for (let i = 0; i < people * perPerson; i += 1) await store.reminders.create(reminder(`case-${i}/bench/due`, `p-${i % people}`, '2026-01-01T09:00:00.000Z'));
    const messenger = channel === 'teams' ? createTeamsMessenger({ tokens: noToken, clock }) : createSlackMessenger({ botToken: 'xoxb-bench', apiUrl: `${fake.url}api/`, clock });
    const sleeper = { sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    const relay = createRelay({ store, messengers: { [channel]: messenger }, clock, sleeper, random: Math.random, windowFor: async () => allDay, options: { ...OPTIONS, batchSize: 1000, concurrency: 16 } });
    const t0 = performance.now();
    let sent = 0;
    while (sent < people * perPerson) sent += (await relay.sweep()).sent;
    const seconds = (performance.now() - t0) / 1000;
    await store.close();
    const rate = sent / seconds;
    out(`${channel} delivery   ${sent} sent in ${seconds.toFixed(2)} s = ${rate.toFixed(1)}/s; allowed ${allowedPerSecond}/s -> ${(rate / allowedPerSecond).toFixed(2)} of the allowed rate; 429s met ${fake.counts().throttled}`);
  } finally {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the nudge bench's lines. */
export async function run(): Promise<void> {
  const results = [];
  for (const total of SIZES) {
    const r = await sweepCost(total);
    results.push(r);
    out(`nudge sweep  stored ${String(total).padStart(8)}  due ${DUE}  read ${r.read}  sent ${r.sent}  due query ${r.dueMs.toFixed(2)} ms  whole sweep ${r.sweepMs.toFixed(1)} ms  (seeded in ${r.seedSeconds.toFixed(1)} s)`);
  }
  const [first, last] = [results[0], results[results.length - 1]];
  if (first && last) out(`nudge sweep  read ratio ${last.total}/${first.total} = ${(last.read / first.read).toFixed(2)}; due-query time ratio ${(last.dueMs / first.dueMs).toFixed(2)} (1.00 = flat)`);
  // Teams: 7/s per conversation, 30/s per tenant; 6 conversations in one tenant are allowed 30/s (the tenant cap).
  await throughput('teams', 6, 15, 30, [7, 30]);
  // Slack: 1/s per channel; 8 DMs are allowed 8/s.
  await throughput('slack', 8, 3, 8, [1, 1000]);
}
