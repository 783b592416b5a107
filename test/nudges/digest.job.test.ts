import { digestJob } from '../../bot/scheduler/digest.job';
import type { DueItem } from '../../services/nudges/digest';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld } from './relay-harness';

const items: DueItem[] = [
  { caseId: 'c1', revieweeName: 'Ada Testperson', reviewerId: 'p-bo', stepTitle: 'objectives', due: '2026-11-20' },
  { caseId: 'c2', revieweeName: 'Tess Termtime', reviewerId: 'p-bo', stepTitle: 'self-assessment', due: '2026-11-30' },
];

async function world(start: string) {
  const w = await aRelayWorld(start);
  await w.store.schools.save({ id: 'school-a', name: 'Oakfield Primary', presetId: 'test-valley', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  const job = digestJob({ store: w.store, source: { dueWork: async () => items }, clock: w.clock, windowFor: async () => windowOf() });
  return { ...w, job };
}

describe('daily digests (R-CHAT-3)', () => {
  it('R-CHAT-3: the reviewer and the head get one round-up a day, however many sweeps and replicas plan it', async () => {
    const w = await world('2026-11-25T07:00:00.000Z');
    expect(await w.job()).toBe(2);
    expect(await w.job()).toBe(0);
    const other = digestJob({ store: w.store, source: { dueWork: async () => items }, clock: w.clock, windowFor: async () => windowOf() });
    expect(await other()).toBe(0);
    w.clock.set('2026-11-25T08:30:00.000Z');
    await w.relay.sweep();
    await w.relay.sweep();
    expect(w.teams.sent.map((s) => s.recipient.personId).sort()).toEqual(['p-bo', 'p-head']);
    expect(w.teams.sent[0]?.message.content.title).toBe('Your appraisal round-up for Wednesday 25 November');
    w.clock.set('2026-11-26T07:00:00.000Z');
    expect(await w.job()).toBe(2);
  });

  it('R-CHAT-3: planned after the day’s window has closed, no digest is carried into tomorrow', async () => {
    const w = await world('2026-11-25T18:00:00.000Z');
    expect(await w.job()).toBe(0);
    w.clock.set('2026-11-26T08:30:00.000Z');
    expect(await w.job()).toBe(2);
    await w.relay.sweep();
    expect(w.teams.sent.map((s) => s.message.content.title)).toEqual(['Your appraisal round-up for Thursday 26 November', 'Your appraisal round-up for Thursday 26 November']);
  });
});
