import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { startFakeEndpoints } from './fake-endpoints';
import { aPerson } from './nudge-fixtures';
import { aReminder } from './relay-harness';

// Three scheduler processes on one SQLite file, with random SIGKILLs while they send. Every reminder must
// reach the (fake, loopback) Bot Connector, and no reminder may be sent by two live replicas. The one
// window a crash leaves is a replica killed after the connector accepted a post but before it marked the
// reminder sent: its lease lapses and another replica sends it again (neither Teams nor Slack dedupes a
// bot's post). Such repeats are counted, must follow a lapsed lease (attempts > 1), and are bounded by the
// sends in flight at the kills.

const root = path.resolve(__dirname, '../..');
const REMINDERS = 240;
const PEOPLE = 24;
const LEASE_MS = 1500;
const CONCURRENCY = 4;

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

it('R-CHAT-3: three replicas with random SIGKILLs: every due reminder reaches the connector, none lost, no two live replicas send one', async () => {
  // Each post is held a few milliseconds, so kills land while sends are in flight.
  const fake = await startFakeEndpoints(() => ({ status: 200, body: { id: 'ok' }, holdMs: 5 }));
  const file = path.join(dir, 'ipp.sqlite');
  const baseFake = '2026-11-25T10:00:00.000Z';
  const baseReal = Date.now();
  const setup = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw });
  for (let p = 0; p < PEOPLE; p += 1) {
    const person = aPerson({ id: `p-${p}`, teams: { aadObjectId: `aad-${p}`, tenantId: `tenant-${p % 4}`, unreachable: false } });
    await setup.people.upsert(person);
    await setup.conversations.put({
      schoolId: 'school-a', personId: person.id, channel: 'teams', userKey: `aad-${p}`, updatedAt: baseFake,
      reference: { serviceUrl: fake.url, conversation: { id: `a:conv-${p}`, tenantId: `tenant-${p % 4}` } },
    });
  }
  for (let i = 0; i < REMINDERS; i += 1) {
    const content = { kind: 'nudge', title: `reminder ${i}`, lines: [], due: '2026-12-02', open: null };
    await setup.reminders.create(aReminder({ id: `case-${i}/rule/1.due`, recipientId: `p-${i % PEOPLE}`, dueAt: '2026-11-25T09:00:00.000Z', payload: { content } }));
  }
  await setup.close();

  const live = new Set<ChildProcess>();
  const start = () => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(__dirname, 'relay-worker.script.ts'), file, baseFake, String(baseReal), String(LEASE_MS)], {
      cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
    });
    live.add(child);
    child.on('exit', () => live.delete(child));
  };
  for (let i = 0; i < 3; i += 1) start();

  const check = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw });
  const states = async () => Promise.all(Array.from({ length: REMINDERS }, (_, i) => check.reminders.get('school-a', `case-${i}/rule/1.due`)));
  let kills = 0;
  try {
    // Kill a random replica (and start a fresh one) each time a few more posts have arrived, six times.
    // A generous bound, not a timing claim: nine replica starts through tsx are slow on a busy machine, and the
    // loop ends as soon as every reminder is sent.
    const deadline = Date.now() + 75_000;
    let nextKillAt = 20;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      if (kills < 6 && fake.received.length >= nextKillAt) {
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

  expect(kills).toBe(6);
  expect(final.filter((r) => r?.state !== 'sent')).toEqual([]);
  const posts = new Map<string, number>();
  for (const r of fake.received) {
    const title = /reminder \d+/.exec(JSON.stringify(r.body))?.[0] ?? '?';
    posts.set(title, (posts.get(title) ?? 0) + 1);
  }
  // None lost: every reminder reached the connector.
  expect(Array.from({ length: REMINDERS }, (_, i) => posts.get(`reminder ${i}`) ?? 0).filter((n) => n === 0)).toEqual([]);
  // A repeat only ever follows a crash: the reminder was claimed again after its lease lapsed.
  const repeats = final.filter((r, i) => (posts.get(`reminder ${i}`) ?? 0) > 1);
  for (const r of repeats) expect(r?.attempts).toBeGreaterThan(1);
  expect(repeats.length).toBeLessThanOrEqual(kills * CONCURRENCY);
  process.stdout.write(`replicas: ${REMINDERS} reminders, ${kills} kills, ${fake.received.length} posts, ${repeats.length} repeated after a crash\n`);
}, 90_000);
