import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { aRelayWorld, aReminder } from './relay-harness';

// The relay's store-facing moves on the embedded store: claim, deferral (re-claim until the window opens,
// keeping the id so the case can still cancel it), and marking.

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-relay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const onSqlite = (start: string) => aRelayWorld(start, (clock) => openSqliteStore({ file: path.join(dir, 'ipp.sqlite'), parseCaseState: (raw: unknown) => raw, clock }));

it('R-CHAT-3: on SQLite, an evening reminder is deferred under the same id to 08:30 the next working day, then sent once', async () => {
  const w = await onSqlite('2026-11-27T19:00:00.000Z');
  await w.store.reminders.create(aReminder({ dueAt: '2026-11-27T15:00:00.000Z' }));
  expect((await w.relay.sweep()).deferred).toBe(1);
  const held = await w.store.reminders.get('school-a', 'case-1/appeal.informal/1.before-5');
  // Friday 27 November 2026 is a closure day in the test calendar, then the weekend: Monday 30 November.
  expect(held).toMatchObject({ state: 'claimed', leaseUntil: '2026-11-30T08:30:00.000Z' });
  w.clock.set('2026-11-30T08:30:00.000Z');
  expect((await w.relay.sweep()).sent).toBe(1);
  expect((await w.relay.sweep()).read).toBe(0);
  expect(w.teams.sent).toHaveLength(1);
  await w.store.close();
});

it('R-CHAT-3: on SQLite, two relays racing for the same reminders send each once', async () => {
  const w = await onSqlite('2026-11-25T09:00:00.000Z');
  for (let i = 0; i < 30; i += 1) await w.store.reminders.create(aReminder({ id: `r-${i}`, recipientId: i % 2 ? 'p-ada' : 'p-bo' }));
  const [a, b] = await Promise.all([w.relay.sweep(), w.relayWith().sweep()]);
  expect(a.sent + b.sent).toBe(30);
  expect(new Set(w.teams.sent.map((s) => s.message.key)).size).toBe(30);
  expect(w.teams.sent).toHaveLength(30);
  await w.store.close();
});
