import { aRelayWorld, aReminder } from './relay-harness';

describe('the reminder relay (R-CHAT-3)', () => {
  it('R-CHAT-3: sends a due reminder once and marks it sent; a second sweep sends nothing', async () => {
    const w = await aRelayWorld();
    await w.store.reminders.create(aReminder());
    await w.store.reminders.create(aReminder({ id: 'later', dueAt: '2026-11-26T08:30:00.000Z' }));
    expect((await w.relay.sweep()).sent).toBe(1);
    expect((await w.relay.sweep()).sent).toBe(0);
    expect(w.teams.sent.map((s) => s.message.key)).toEqual(['case-1/appeal.informal/1.before-5']);
    expect((await w.store.reminders.get('school-a', 'case-1/appeal.informal/1.before-5'))?.state).toBe('sent');
  });

  it('R-CHAT-3: two replicas sweeping the same store at once send each reminder exactly once', async () => {
    const w = await aRelayWorld();
    for (let i = 0; i < 20; i += 1) await w.store.reminders.create(aReminder({ id: `r-${i}` }));
    const other = w.relayWith();
    const [a, b] = await Promise.all([w.relay.sweep(), other.sweep()]);
    expect(a.sent + b.sent).toBe(20);
    expect(a.lostRace + b.lostRace).toBe(20);
    expect(new Set(w.teams.sent.map((s) => s.message.key)).size).toBe(20);
    expect(w.teams.sent).toHaveLength(20);
  });

  it('R-CHAT-3: a 429 with Retry-After waits exactly that long (fake clock), then sends', async () => {
    const w = await aRelayWorld();
    w.teams.failNext('MESSENGER.RATE_LIMITED', 7000);
    await w.store.reminders.create(aReminder());
    const report = await w.relay.sweep();
    expect(report.sent).toBe(1);
    expect(w.sleeper.waits).toContain(7000);
    expect(w.teams.sent[0]?.at).toBe('2026-11-25T09:00:07.000Z');
  });

  it('R-CHAT-3: a 429 without Retry-After and 5xx back off with jitter, growing, and nothing is lost', async () => {
    const w = await aRelayWorld();
    w.teams.failNext('MESSENGER.RATE_LIMITED').failNext('MESSENGER.TRANSIENT').failNext('MESSENGER.TRANSIENT');
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    // random() = 0.5: three-quarters of 1 s, 2 s, 4 s.
    expect(w.sleeper.waits.filter((ms) => ms >= 500)).toEqual([750, 1500, 3000]);
    expect(w.teams.attempts).toHaveLength(4);
  });

  it('R-CHAT-3: still failing when retries run out, the claim is left to lapse and a later sweep sends it', async () => {
    const w = await aRelayWorld();
    for (let i = 0; i < 5; i += 1) w.teams.failNext('MESSENGER.TRANSIENT');
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).retryLater).toBe(1);
    expect((await w.relay.sweep()).read).toBe(0);
    w.clock.advanceMs(120_000);
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.teams.sent).toHaveLength(1);
  });

  it('R-CHAT-3: a 403/404 marks the person unreachable in Teams and tells the head once', async () => {
    const w = await aRelayWorld();
    w.teams.failNext('MESSENGER.UNREACHABLE');
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).unreachable).toBe(1);
    expect((await w.store.people.get('school-a', 'p-ada'))?.teams?.unreachable).toBe(true);
    await w.store.reminders.create(aReminder({ id: 'second' }));
    const next = await w.relay.sweep();
    expect(next.unreachable).toBe(1);
    expect(next.sent).toBe(1);
    await w.relay.sweep();
    const toHead = w.teams.sent.filter((s) => s.recipient.personId === 'p-head');
    expect(toHead).toHaveLength(1);
    expect(toHead[0]?.message.content.title).toBe('I can’t reach Ada Testperson in Teams');
    expect(w.teams.sent.filter((s) => s.recipient.personId === 'p-ada')).toHaveLength(0);
  });

  it('R-CHAT-3: someone with no chat linked at all is not nudged; the head is told once, however many reminders', async () => {
    const w = await aRelayWorld();
    const ada = await w.store.people.get('school-a', 'p-ada');
    if (ada) await w.store.people.upsert({ ...ada, teams: undefined });
    await w.store.reminders.create(aReminder({ id: 'one' }));
    await w.store.reminders.create(aReminder({ id: 'two' }));
    expect((await w.relay.sweep()).unreachable).toBe(2);
    await w.relay.sweep();
    expect(w.teams.sent.map((s) => `${s.recipient.personId}: ${s.message.content.title}`)).toEqual(['p-head: I can’t reach Ada Testperson in Teams or Slack']);
  });

  it('R-CHAT-3: an ambiguous failure (timeout after sending) is marked failed and never re-sent', async () => {
    const w = await aRelayWorld();
    w.teams.failNext('MESSENGER.AMBIGUOUS');
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).failed).toBe(1);
    w.clock.advanceMs(3_600_000);
    await w.relay.sweep();
    expect(w.teams.attempts).toHaveLength(1);
    expect((await w.store.reminders.get('school-a', 'case-1/appeal.informal/1.before-5'))?.state).toBe('failed');
  });

  it('R-CHAT-3: a reminder found due in the evening is deferred to the next opening, then sent once', async () => {
    const w = await aRelayWorld('2026-11-25T19:00:00.000Z');
    await w.store.reminders.create(aReminder({ dueAt: '2026-11-25T15:00:00.000Z' }));
    expect((await w.relay.sweep()).deferred).toBe(1);
    expect(w.teams.sent).toHaveLength(0);
    w.clock.set('2026-11-26T08:29:00.000Z');
    expect((await w.relay.sweep()).read).toBe(0);
    w.clock.set('2026-11-26T08:30:00.000Z');
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.teams.sent[0]?.at).toBe('2026-11-26T08:30:00.000Z');
  });

  it('R-CHAT-3: a deferred reminder can still be cancelled by its case (same id)', async () => {
    const w = await aRelayWorld('2026-11-25T19:00:00.000Z');
    await w.store.reminders.create(aReminder({ dueAt: '2026-11-25T15:00:00.000Z' }));
    await w.relay.sweep();
    await w.store.reminders.mark('school-a', 'case-1/appeal.informal/1.before-5', 'cancelled');
    w.clock.set('2026-11-26T09:00:00.000Z');
    await w.relay.sweep();
    expect(w.teams.sent).toHaveLength(0);
  });

  it('R-CHAT-3: nothing goes to someone who has left; their reminder is cancelled', async () => {
    const w = await aRelayWorld();
    const ada = await w.store.people.get('school-a', 'p-ada');
    if (ada) await w.store.people.upsert({ ...ada, leftOn: '2026-11-20' });
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).cancelled).toBe(1);
    expect(w.teams.sent).toHaveLength(0);
  });

  it('R-CHAT-3: sends stay within 7 a second to one conversation (paced on the fake clock)', async () => {
    const w = await aRelayWorld();
    for (let i = 0; i < 14; i += 1) await w.store.reminders.create(aReminder({ id: `r-${String(i).padStart(2, '0')}` }));
    await w.relay.sweep();
    const times = w.teams.sent.map((s) => Date.parse(s.at));
    for (let i = 7; i < times.length; i += 1) expect((times[i] as number) - (times[i - 7] as number)).toBeGreaterThanOrEqual(1000);
    expect(times).toHaveLength(14);
  });
});
