import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../services/ports/store.port';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { startFakeEndpoints } from './fake-endpoints';
import { aPerson } from './nudge-fixtures';
import { aReminder } from './relay-harness';

// Three scheduler processes on one SQLite file, with random SIGKILLs while they send, against the fake
// (loopback) Bot Connector and Slack Web API. The window a crash leaves is a replica killed after the platform
// accepted a post but before it marked the reminder sent; its lease lapses and another replica takes it.
// Slack: every nudge carries its key as metadata, so that replica reads the DM back and finds it: every
// reminder is in a DM exactly once. Teams: the Bot Connector cannot list a bot's messages and takes no
// idempotency key, so that replica sends it again: at least once, repeats only after a crash.

const root = path.resolve(__dirname, '../..');
const REMINDERS = 240;
const CONCURRENCY = 4;
const KILLS = 6;

function childrenOf(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
    try {
      return fs.readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
    } catch {
      return false;
    }
  }).map(Number);
}

/** SIGKILL the replica (tsx runs the script in a child node process: that one first, then tsx). */
function killHard(child: ChildProcess): void {
  for (const pid of childrenOf(child.pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  child.kill('SIGKILL');
}

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-replicas-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Endpoints = Awaited<ReturnType<typeof startFakeEndpoints>>;

/** What a run needs: how to seed a person and reach them, the lease, and how to count sends at the fake. */
interface Run {
  channel: 'teams' | 'slack';
  people: number;
  leaseMs: number;
  seed(store: Store, p: number, fake: Endpoints, at: string): Promise<void>;
  sends(fake: Endpoints): number;
}

const baseFake = '2026-11-25T10:00:00.000Z';
const idOf = (i: number) => `case-${i}/rule/1.due`;

/**
 * Seeds the file, starts three replicas, and each time a few more posts have arrived SIGKILLs a random one
 * (and starts a fresh one), six times, until every reminder is marked sent. Returns the final reminders.
 */
async function killWhileSending(run: Run, fake: Endpoints, baseReal: number) {
  const file = path.join(dir, 'ipp.sqlite');
  const setup = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw });
  for (let p = 0; p < run.people; p += 1) await run.seed(setup, p, fake, baseFake);
  for (let i = 0; i < REMINDERS; i += 1) {
    const content = { kind: 'nudge', title: `reminder ${i}`, lines: [], due: '2026-12-02', open: null };
    await setup.reminders.create(aReminder({ id: idOf(i), recipientId: `p-${i % run.people}`, dueAt: '2026-11-25T09:00:00.000Z', payload: { content } }));
  }
  await setup.close();

  let reconciled = 0;
  const live = new Set<ChildProcess>();
  const start = () => {
    const args = [path.join(__dirname, 'relay-worker.script.ts'), file, baseFake, String(baseReal), String(run.leaseMs), run.channel, `${fake.url}api/`];
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) reconciled += Number(line.split(' ')[1] ?? 0) || 0;
    });
    live.add(child);
    child.on('exit', () => live.delete(child));
  };
  for (let i = 0; i < 3; i += 1) start();

  const check = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw });
  const states = async () => Promise.all(Array.from({ length: REMINDERS }, (_, i) => check.reminders.get('school-a', idOf(i))));
  let kills = 0;
  try {
    // A generous bound, not a timing claim: nine replica starts through tsx are slow on a busy machine, and the
    // loop ends as soon as every reminder is sent.
    const deadline = Date.now() + 75_000;
    let nextKillAt = 20;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      if (kills < KILLS && run.sends(fake) >= nextKillAt) {
        const victim = [...live][Math.floor(Math.random() * live.size)];
        if (victim) killHard(victim);
        kills += 1;
        nextKillAt += 25;
        start();
      }
      const all = await states();
      if (all.every((r) => r?.state === 'sent')) break;
    }
  } finally {
    for (const child of [...live]) killHard(child);
    await fake.close();
  }
  const final = await states();
  await check.close();
  return { final, kills, reconciled };
}

it('R-CHAT-3: Slack, three replicas with random SIGKILLs: every due reminder is in its DM exactly once, none lost', async () => {
  const baseReal = Date.now();
  // Posts take effect when they arrive and are answered a little later, so kills land between the two; the
  // fake stamps messages with the replicas' clock, so reading back from a reminder's due time finds them.
  const fake = await startFakeEndpoints(({ path: p }) => (p === '/api/chat.postMessage' ? { status: 200, holdMs: 10 } : null), {
    nowMs: () => Date.parse(baseFake) + (Date.now() - baseReal),
  });
  const run: Run = {
    channel: 'slack', people: 120, leaseMs: 2000,
    seed: async (store, p) => {
      await store.people.upsert(aPerson({ id: `p-${p}`, teams: undefined, slack: { userId: `U-${p}`, teamId: `T-${p % 4}`, unreachable: false } }));
    },
    sends: (f) => f.received.filter((r) => r.path === '/api/chat.postMessage').length,
  };
  const { final, kills, reconciled } = await killWhileSending(run, fake, baseReal);

  expect(kills).toBe(KILLS);
  expect(final.filter((r) => r?.state !== 'sent')).toEqual([]);
  const posts = fake.slackPostsByKey();
  // Exactly once: no reminder missing from its DM, none there twice.
  expect(Array.from({ length: REMINDERS }, (_, i) => [idOf(i), posts.get(idOf(i)) ?? 0]).filter(([, n]) => n !== 1)).toEqual([]);
  expect([...posts.values()].reduce((a, b) => a + b, 0)).toBe(REMINDERS);
  process.stdout.write(`replicas (Slack): ${REMINDERS} reminders, ${kills} kills, ${run.sends(fake)} posts, ${reconciled} found already delivered after a crash\n`);
}, 90_000);

it('R-CHAT-3: Teams, three replicas with random SIGKILLs: every due reminder reaches the connector, none lost, repeats only after a crash', async () => {
  const baseReal = Date.now();
  // Each post is held a few milliseconds, so kills land while sends are in flight.
  const fake = await startFakeEndpoints(() => ({ status: 200, body: { id: 'ok' }, holdMs: 5 }));
  const run: Run = {
    channel: 'teams', people: 24, leaseMs: 1500,
    seed: async (store, p, f, at) => {
      const person = aPerson({ id: `p-${p}`, teams: { aadObjectId: `aad-${p}`, tenantId: `tenant-${p % 4}`, unreachable: false } });
      await store.people.upsert(person);
      await store.conversations.put({
        schoolId: 'school-a', personId: person.id, channel: 'teams', userKey: `aad-${p}`, updatedAt: at,
        reference: { serviceUrl: f.url, conversation: { id: `a:conv-${p}`, tenantId: `tenant-${p % 4}` } },
      });
    },
    sends: (f) => f.received.length,
  };
  const { final, kills } = await killWhileSending(run, fake, baseReal);

  expect(kills).toBe(KILLS);
  expect(final.filter((r) => r?.state !== 'sent')).toEqual([]);
  const posts = new Map<string, number>();
  for (const r of fake.received) {
    const title = /reminder \d+/.exec(JSON.stringify(r.body))?.[0] ?? '?';
    posts.set(title, (posts.get(title) ?? 0) + 1);
  }
  // None lost: every reminder reached the connector.
  expect(Array.from({ length: REMINDERS }, (_, i) => posts.get(`reminder ${i}`) ?? 0).filter((n) => n === 0)).toEqual([]);
  // With no read-back, a post accepted just before a kill is sent again by the next replica (at least once).
  // Such a repeat only ever follows a crash (claimed again after its lease lapsed) and is bounded by the sends
  // in flight at the kills.
  const repeats = final.filter((r, i) => (posts.get(`reminder ${i}`) ?? 0) > 1);
  for (const r of repeats) expect(r?.attempts).toBeGreaterThan(1);
  expect(repeats.length).toBeLessThanOrEqual(kills * CONCURRENCY);
  process.stdout.write(`replicas (Teams): ${REMINDERS} reminders, ${kills} kills, ${fake.received.length} posts, ${repeats.length} repeated after a crash\n`);
}, 90_000);
