import { Writable } from 'node:stream';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { loadSchedulerConfig } from '../../bot/scheduler/scheduler.config';
import { startScheduler } from '../../bot/scheduler/scheduler';
import type { Store } from '../../services/ports/store.port';
import { aCaseWorld, ALEX, JORDAN, PRIYA, SCHOOL } from './case-world';
import type { CaseWorld } from './case-world';
import { FakeSleeper } from './relay-harness';

// The scheduler as the server and the worker run it, over stored cases: the digests read what is due from
// the cases themselves, and records past their retention are destroyed once a London day (R-CHAT-3, R-PRV-2).

/** A logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

function start(w: CaseWorld, store: Store = w.store) {
  const { logger, lines } = capturedLogger();
  const running = startScheduler({
    config: loadConfig({ NODE_ENV: 'test' }), scheduler: loadSchedulerConfig({}), store, logger, clock: w.clock,
    messengers: { teams: w.teams }, sleeper: new FakeSleeper(w.clock),
  });
  return { running, lines };
}

describe('the scheduler over stored cases', () => {
  let w: CaseWorld;
  afterEach(async () => w.close());

  it('R-CHAT-3: the reviewer and the head get a round-up of the overdue self-assessment, read from the stored case', async () => {
    w = await aCaseWorld('memory', '2026-03-16T10:00:00.000Z');
    await w.open();
    await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-31' });
    // Wednesday 1 April, 07:00 London: the self-assessment was due on Monday.
    w.clock.set('2026-04-01T06:00:00.000Z');
    const { running } = start(w);
    await running.sweepOnce();
    await running.stop();
    for (const reader of [PRIYA, JORDAN]) {
      const digest = await w.store.reminders.get(SCHOOL, `digest/${reader}/2026-04-01`);
      expect(digest?.dueAt).toBe('2026-04-01T07:30:00.000Z');
      expect(digest?.payload).toEqual({
        content: {
          kind: 'digest', title: 'Your appraisal round-up for Wednesday 1 April', due: null, open: null,
          lines: ['Overdue (1):', 'Alex Morgan: self-assessment, due Monday 30 March'],
        },
      });
    }
  });

  it('R-PRV-2: records past their six years are destroyed once a London day, and the log has counts only', async () => {
    w = await aCaseWorld('memory', '2026-03-16T10:00:00.000Z');
    await w.open();
    const calls: string[] = [];
    const purgeExpired = w.store.purgeExpired?.bind(w.store);
    if (!purgeExpired) throw new Error('the memory store purges');
    const store: Store = { ...w.store, purgeExpired: async (now) => (calls.push(now), purgeExpired(now)) };
    // The cycle ends on 28 February 2027: its records are kept until 1 March 2033.
    w.clock.set('2033-03-01T09:00:00.000Z');
    const { running, lines } = start(w, store);
    await running.sweepOnce();
    await running.sweepOnce();
    expect(calls.length).toBe(1);
    expect(await w.store.cases.get(SCHOOL, w.caseId)).toBeNull();
    w.clock.set('2033-03-02T09:00:00.000Z');
    await running.sweepOnce();
    await running.stop();
    expect(calls.length).toBe(2);
    const purged = lines.filter((l) => l.event === 'retention.purged');
    expect(purged.map((l) => typeof l.purged)).toEqual(['number', 'number']);
    expect(purged[0]?.purged).toBeGreaterThan(0);
    for (const l of purged) expect(Object.keys(l).sort()).toEqual(['event', 'level', 'msg', 'purged', 'service', 'time']);
  });
  it('R-PRV-2: a leaver’s equality answers go the day after their six years, on a store that purges by itself too, with counts only in the log', async () => {
    w = await aCaseWorld('memory', '2026-03-16T10:00:00.000Z');
    const alex = await w.store.people.get(SCHOOL, ALEX);
    if (!alex) throw new Error('Alex is on the roster');
    await w.store.people.upsert({ ...alex, leftOn: '2026-08-31' });
    for (const personId of [ALEX, PRIYA]) await w.store.equality.put({ schoolId: SCHOOL, personId, answers: { gender: 'woman' }, source: 'self', updatedAt: '2026-03-16T10:00:00.000Z' });
    // Like Cosmos DB, this store has no purge of its own: the answers still go.
    const store: Store = { ...w.store, purgeExpired: undefined };
    const held = async () => (await w.store.equality.listForSchool(SCHOOL)).map((r) => r.personId);
    // Alex left on 31 August 2026: the answers are kept until 31 August 2032 (London), and go on 1 September.
    w.clock.set('2032-08-31T22:30:00.000Z');
    const { running, lines } = start(w, store);
    await running.sweepOnce();
    expect(await held()).toEqual([ALEX, PRIYA]);
    w.clock.set('2032-08-31T23:30:00.000Z');
    await running.sweepOnce();
    await running.sweepOnce();
    await running.stop();
    expect(await held()).toEqual([PRIYA]);
    const destroyed = lines.filter((l) => l.event === 'retention.equality-destroyed');
    expect(destroyed.map((l) => [l.schoolId, l.people])).toEqual([[SCHOOL, 1]]);
    for (const l of destroyed) expect(Object.keys(l).sort()).toEqual(['event', 'level', 'msg', 'people', 'schoolId', 'service', 'time']);
    expect(lines.filter((l) => l.event === 'retention.purged')).toEqual([]);
  });
});
