import { createOutboxRelay } from '../../services/nudges/outbox-relay';
import { createRelay } from '../../services/nudges/relay';
import type { OutboxMessage, Store } from '../../services/ports/store.port';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld, aSlackRelayWorld, OPTIONS } from './relay-harness';

const content = { kind: 'notice', title: 'Your reviewer signed your statement', lines: [], due: null, open: { verb: 'ipp.home.show', title: 'Open', caseId: 'case-1', version: 5 } };

async function world() {
  const w = await aRelayWorld();
  const deps = { store: w.store, messengers: { teams: w.teams }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() };
  const relay = createRelay(deps);
  const outboxRelay = () => createOutboxRelay(deps, relay);
  return { ...w, outboxRelay, enqueue: enqueueOn(w.store) };
}

/** An outbox message is stored with its case's write; here a case carries it in. */
function enqueueOn(store: Store) {
  return async (messages: OutboxMessage[]) =>
    store.cases.save({
      case: { id: 'case-1', schoolId: 'school-a', cycleId: '2026-27', revieweeId: 'p-ada', reviewerId: 'p-bo', stage: 'planning', version: 0, cycleEnd: '2027-08-31', state: {} },
      expectedVersion: null, outbox: messages, reminders: [], cancelReminderIds: [], audit: [],
    });
}

/** The same over Slack, whose messenger reads back; `relayOver` a store (one that dies, say). */
async function slackWorld() {
  const w = await aSlackRelayWorld();
  const depsOver = (store: Store) => ({ store, messengers: { slack: w.slack }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() });
  const relayOver = (store: Store = w.store) => createOutboxRelay(depsOver(store), createRelay(depsOver(store)));
  return { ...w, relayOver, enqueue: enqueueOn(w.store) };
}

const aMessage = (o: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: 'out-1', schoolId: 'school-a', caseId: 'case-1', kind: 'notify', payload: { recipientId: 'p-ada', content }, createdAt: '2026-11-25T08:59:00.000Z', ...o,
});

describe('the outbox relay (R-CHAT-3)', () => {
  it('R-CHAT-3: sends a stored notification once and marks it done', async () => {
    const w = await world();
    await w.enqueue([aMessage()]);
    expect((await w.outboxRelay().sweep()).sent).toBe(1);
    expect((await w.outboxRelay().sweep()).read).toBe(0);
    expect(w.teams.sent.map((s) => s.message.key)).toEqual(['out-1']);
  });

  it('R-CHAT-3: two replicas relaying the outbox at once send each message once', async () => {
    const w = await world();
    await w.enqueue([aMessage({ id: 'out-1' }), aMessage({ id: 'out-2' }), aMessage({ id: 'out-3' })]);
    const [a, b] = await Promise.all([w.outboxRelay().sweep(), w.outboxRelay().sweep()]);
    expect(a.sent + b.sent).toBe(3);
    expect(w.teams.sent.map((s) => s.message.key).sort()).toEqual(['out-1', 'out-2', 'out-3']);
  });

  it('R-CHAT-3: still rate-limited after its retries, a message stays pending and is sent by a later pass', async () => {
    const w = await world();
    for (let i = 0; i < 5; i += 1) w.teams.failNext('MESSENGER.RATE_LIMITED', 1000);
    await w.enqueue([aMessage()]);
    expect((await w.outboxRelay().sweep()).sent).toBe(0);
    w.clock.advanceMs(OPTIONS.leaseMs);
    expect((await w.outboxRelay().sweep()).sent).toBe(1);
    expect(w.teams.sent).toHaveLength(1);
  });

  it('an outbox entry that is not a notification for a person is set aside, never blocking the queue', async () => {
    const w = await world();
    await w.enqueue([aMessage({ id: 'other', kind: 'webhook', payload: { url: 'x' } }), aMessage({ id: 'out-2' })]);
    const report = await w.outboxRelay().sweep();
    expect(report).toMatchObject({ read: 2, sent: 1, done: 2 });
  });
});

describe('the outbox relay where the platform reads back (R-CHAT-3)', () => {
  it('R-CHAT-3: a notification whose replica died after Slack took it is found there by the next one: done, one post', async () => {
    const w = await slackWorld();
    await w.enqueue([aMessage()]);
    const dies: Store = { ...w.store, outbox: { pending: (n) => w.store.outbox.pending(n), markDone: async () => Promise.reject(new Error('killed')) } };
    await expect(w.relayOver(dies).sweep()).rejects.toThrow('killed');
    w.clock.advanceMs(OPTIONS.leaseMs);
    expect(await w.relayOver().sweep()).toMatchObject({ reconciled: 1, sent: 0, done: 1 });
    expect(w.slack.sent.map((s) => s.message.key)).toEqual(['out-1']);
    expect(await w.store.outbox.pending(10)).toEqual([]);
  });

  it('R-CHAT-3: a notification taken for the first time is sent without asking', async () => {
    const w = await slackWorld();
    await w.enqueue([aMessage()]);
    expect((await w.relayOver().sweep()).sent).toBe(1);
    expect(w.slack.asked).toEqual([]);
  });

  it('R-CHAT-3: a notification whose post timed out but reached Slack is read back and done, with one post', async () => {
    const w = await slackWorld();
    w.slack.failNext('MESSENGER.AMBIGUOUS', null, true);
    await w.enqueue([aMessage()]);
    expect(await w.relayOver().sweep()).toMatchObject({ reconciled: 1, sent: 0, done: 1 });
    expect(w.slack.sent).toHaveLength(1);
  });
});
