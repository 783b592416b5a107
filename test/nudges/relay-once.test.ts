import { createRelay } from '../../services/nudges/relay';
import { CONFIRM_AFTER_MS } from '../../services/nudges/send-once';
import type { Store } from '../../services/ports/store.port';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld, aReminder, aSlackRelayWorld, OPTIONS } from './relay-harness';

// Sending a reminder once where the platform can read back (Slack), and what stays at-least-once where it
// cannot (Teams). "Killed" is a store whose marking throws: the post went out, the reminder stays claimed.

const ID = 'case-1/appeal.informal/1.before-5';

/** The store as a replica sees it that dies right after the platform took its post (before marking it sent). */
function diesBeforeMarking(store: Store): Store {
  const r = store.reminders;
  return {
    ...store,
    reminders: {
      create: (x) => r.create(x), get: (s, id) => r.get(s, id), due: (b, l) => r.due(b, l), claim: (x, l, n) => r.claim(x, l, n),
      mark: async () => {
        throw new Error('killed');
      },
    },
  };
}

describe('a reminder sent once where the platform can say (R-CHAT-3)', () => {
  it('R-CHAT-3: a replica died after Slack took the post: the next one finds it there, marks it sent and posts nothing', async () => {
    const logs: string[] = [];
    const w = await aSlackRelayWorld();
    await w.store.reminders.create(aReminder());
    await expect(w.relayWith({}, diesBeforeMarking(w.store)).sweep()).rejects.toThrow('killed');
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('claimed');
    w.clock.advanceMs(OPTIONS.leaseMs);
    const next = await w.relayWith({}, w.store, (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`)).sweep();
    expect(next).toMatchObject({ reconciled: 1, sent: 0 });
    expect(w.slack.sent.map((s) => s.message.key)).toEqual([ID]);
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('sent');
    // It looked from the reminder's due time (less a margin for clocks), which every claim comes after.
    expect(w.slack.asked).toEqual([{ key: ID, since: '2026-11-25T08:25:00.000Z', at: '2026-11-25T09:02:00.000Z' }]);
    expect(logs).toEqual([`nudge.reconciled {"reminderId":"${ID}","channel":"slack"}`]);
  });

  it('R-CHAT-3: a replica died after claiming, before its post went out: the next one finds nothing there and sends it, once', async () => {
    const w = await aSlackRelayWorld();
    await w.store.reminders.create(aReminder());
    const stored = await w.store.reminders.get('school-a', ID);
    if (stored) await w.store.reminders.claim(stored, '2026-11-25T09:02:00.000Z', '2026-11-25T09:00:00.000Z');
    w.clock.advanceMs(OPTIONS.leaseMs);
    expect(await w.relay.sweep()).toMatchObject({ sent: 1, reconciled: 0 });
    expect(w.slack.asked.map((a) => a.key)).toEqual([ID]);
    expect(w.slack.sent).toHaveLength(1);
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('sent');
  });

  it('R-CHAT-3: a first claim sends without asking: only a reminder claimed before is read back', async () => {
    const w = await aSlackRelayWorld();
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.slack.asked).toEqual([]);
  });

  it('R-CHAT-3: a post that timed out but reached Slack is read back after a short wait and marked sent, with one post', async () => {
    const w = await aSlackRelayWorld();
    w.slack.failNext('MESSENGER.AMBIGUOUS', null, true);
    await w.store.reminders.create(aReminder());
    const report = await w.relay.sweep();
    expect(report).toMatchObject({ reconciled: 1, sent: 0, failed: 0 });
    expect(w.slack.sent).toHaveLength(1);
    expect(w.slack.attempts).toHaveLength(1);
    expect(w.sleeper.waits).toContain(CONFIRM_AFTER_MS);
    expect(w.slack.asked.map((a) => a.at)).toEqual(['2026-11-25T09:00:05.000Z']);
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('sent');
  });

  it('R-CHAT-3: a post that timed out and never reached Slack is sent once more after the read-back says so: one post', async () => {
    const w = await aSlackRelayWorld();
    w.slack.failNext('MESSENGER.AMBIGUOUS');
    await w.store.reminders.create(aReminder());
    expect(await w.relay.sweep()).toMatchObject({ sent: 1, reconciled: 0, failed: 0 });
    expect(w.slack.attempts).toHaveLength(2);
    expect(w.slack.sent).toHaveLength(1);
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('sent');
  });

  it('R-CHAT-3: a timed-out post that Slack cannot confirm either way is asked about a few times, then marked failed, never re-sent blindly', async () => {
    const w = await aSlackRelayWorld();
    w.slack.failNext('MESSENGER.AMBIGUOUS', null, true).answerNext('unknown', 'unknown', 'unknown');
    await w.store.reminders.create(aReminder());
    expect(await w.relay.sweep()).toMatchObject({ failed: 1, sent: 0, reconciled: 0 });
    expect(w.slack.asked).toHaveLength(3);
    w.clock.advanceMs(3_600_000);
    await w.relay.sweep();
    expect(w.slack.attempts).toHaveLength(1);
    expect((await w.store.reminders.get('school-a', ID))?.state).toBe('failed');
  });

  it('R-CHAT-3: when the read-back cannot say after a crash, the reminder is sent again (at least once, as before)', async () => {
    const w = await aSlackRelayWorld();
    await w.store.reminders.create(aReminder());
    await expect(w.relayWith({}, diesBeforeMarking(w.store)).sweep()).rejects.toThrow('killed');
    w.clock.advanceMs(OPTIONS.leaseMs);
    w.slack.answerNext('unknown');
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.slack.sent).toHaveLength(2);
  });
});

describe('Teams cannot read back: at least once (R-CHAT-3)', () => {
  it('R-CHAT-3: on Teams a replica that died after the post leaves the reminder to be sent again once its lease lapses: two posts', async () => {
    const w = await aRelayWorld();
    const relayOver = (store: Store) =>
      createRelay({ store, messengers: { teams: w.teams }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() });
    await w.store.reminders.create(aReminder());
    await expect(relayOver(diesBeforeMarking(w.store)).sweep()).rejects.toThrow('killed');
    w.clock.advanceMs(OPTIONS.leaseMs);
    expect(await relayOver(w.store).sweep()).toMatchObject({ sent: 1, reconciled: 0 });
    expect(w.teams.sent.map((s) => s.message.key)).toEqual([ID, ID]);
    expect((await w.store.reminders.get('school-a', ID))?.attempts).toBe(2);
  });
});
