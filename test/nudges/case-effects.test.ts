import { randomUUID } from 'node:crypto';
import { executeCaseCommand, openCaseForPerson } from '../../services/case';
import type { CaseDeps, CaseState } from '../../services/case';
import { createOutboxRelay } from '../../services/nudges/outbox-relay';
import { createRelay } from '../../services/nudges/relay';
import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';
import type { CaseRepository } from '../../services/ports/store.port';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld, OPTIONS } from './relay-harness';

// A decision's effects, stored in the outbox with the case, become notices and reminders (R-CHAT-1/3/4).
const policyOf = (): SchoolPolicy => {
  const p = createSchoolPolicy({ presetId: 'test-valley' });
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const HEAD = { personId: 'p-head', schoolRoles: ['headteacher' as const] };
const BO = { personId: 'p-bo', schoolRoles: [] };

async function world(start = '2026-03-02T09:00:00.000Z') {
  const w = await aRelayWorld(start);
  await w.store.schools.save({ id: 'school-a', name: 'Oakfield Primary', presetId: 'test-valley', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  const policy = policyOf();
  const caseDeps: CaseDeps = { cases: w.store.cases as CaseRepository<CaseState>, policyFor: async () => policy, clock: w.clock, newId: randomUUID };
  const windowFor = async (p: { termTimeOnly: boolean }) => windowOf({ termTimeOnly: p.termTimeOnly });
  const deps = { store: w.store, messengers: { teams: w.teams }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor };
  const outbox = createOutboxRelay({ ...deps, caseEffects: { cases: w.store.cases, people: w.store.people, schools: w.store.schools, policyFor: async () => policy, windowFor } }, createRelay(deps));
  const open = async (personId: string, reviewerId: string) => {
    const reviewee = await w.store.people.get('school-a', personId);
    const reviewer = await w.store.people.get('school-a', reviewerId);
    const head = await w.store.people.get('school-a', 'p-head');
    if (!reviewee) throw new Error('no reviewee');
    const opened = await openCaseForPerson(caseDeps, { schoolId: 'school-a', reviewee: { ...reviewee, lineManagerIds: [reviewerId] }, reviewer, headteacher: head, cycleStart: '2026-03-01', actor: HEAD, channel: 'system' });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  };
  return { ...w, caseDeps, outbox, open };
}

describe('case effects through the outbox (R-CHAT-1, R-CHAT-3, R-CHAT-4)', () => {
  it('R-CHAT-3: opening a case tells the reviewee and asks the reviewer to arrange the meeting, with no appraisal content', async () => {
    const w = await world();
    const opened = await w.open('p-ada', 'p-bo');
    const report = await w.outbox.sweep();
    expect(report.read).toBeGreaterThan(0);
    const byPerson = new Map(w.teams.sent.map((s) => [s.recipient.personId, s.message.content]));
    expect(byPerson.get('p-ada')?.title).toBe('Your appraisal for this year has started');
    expect(byPerson.get('p-bo')?.title).toBe('Please arrange Ada Testperson’s planning meeting');
    for (const c of byPerson.values()) expect(c.open).toEqual({ verb: 'ipp.case.show', title: 'Open the appraisal', caseId: opened.id, version: opened.version });
    // Every outbox message is done: a second sweep sends nothing more.
    await w.outbox.sweep();
    expect(w.teams.sent.length).toBe(byPerson.size);
  });

  it('R-CHAT-3: a step with a deadline is planned as reminders for its owner, escalating to the head; doing the step cancels them', async () => {
    const w = await world();
    const opened = await w.open('p-ada', 'p-bo');
    await w.outbox.sweep();
    const planned = (await w.store.reminders.due(new Date('2027-12-31T00:00:00.000Z').toISOString(), 500)).filter((r) => r.caseId === opened.id);
    expect(planned.length).toBeGreaterThan(0);
    expect(new Set(planned.map((r) => r.recipientId))).toEqual(new Set(['p-bo', 'p-head']));
    for (const r of planned) expect(new Date(r.dueAt).getTime()).toBeGreaterThanOrEqual(new Date('2026-03-02T09:00:00.000Z').getTime());

    const done = await executeCaseCommand(w.caseDeps, { schoolId: 'school-a', caseId: opened.id, expectedVersion: opened.version, command: { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-20' }, actor: BO, channel: 'teams' });
    expect(done.ok).toBe(true);
    for (const r of planned) expect((await w.store.reminders.get('school-a', r.id))?.state).toBe('cancelled');
  });

  it('R-CHAT-4: a new starter gets the briefing on the arrangements instead of a one-line notice', async () => {
    const w = await world('2026-09-14T09:00:00.000Z');
    await w.store.people.upsert({ ...(await w.store.people.get('school-a', 'p-ada'))!, id: 'p-new', name: 'Nell Newstart', startDate: '2026-09-14', teams: { aadObjectId: 'aad-p-new', tenantId: 'tenant-a', unreachable: false } });
    await w.store.conversations.put({ schoolId: 'school-a', personId: 'p-new', channel: 'teams', userKey: 'aad-p-new', reference: { conversation: { id: 'conv-p-new' } }, updatedAt: '2026-09-14T09:00:00.000Z' });
    await w.open('p-new', 'p-bo');
    await w.outbox.sweep();
    const briefing = w.teams.sent.find((s) => s.recipient.personId === 'p-new')?.message.content;
    expect(briefing?.title).toBe('How appraisal works here');
    expect(briefing?.lines.join(' ')).toContain('up to 2 objectives');
  });
});
