import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps, CaseState, CaseCommandInput } from '../../services/case';
import { reminderIdsForStep } from '../../services/nudges/planner';
import { personSchema } from '../../services/people/person.schema';
import type { Person } from '../../services/people/person.schema';
import { ConcurrencyError } from '../../services/ports/errors';
import type { CaseRepository, Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { ACTORS, anObjective, policyOf, sptCaseAt } from './case-fixtures';

const person = (id: string, name: string, extra: Partial<Person> = {}): Person =>
  personSchema.parse({ id, schoolId: 'school-1', staffId: id.toUpperCase(), name, email: `${id}@school.example`, startDate: '2020-09-01', ...extra });
const alex = person('p-alex', 'Alex Morgan', { lineManagerIds: ['p-priya'], reviewerId: 'p-priya' });
const priya = person('p-priya', 'Priya Lockwood');
const jordan = person('p-jordan', 'Jordan Ellis', { headteacher: true });
const CASE_ID = caseIdFor('2025-09-01', 'p-alex');

function setUp(wrap: (inner: CaseRepository<CaseState>) => CaseRepository<CaseState> = (x) => x) {
  const clock = new FixedClock('2025-09-08T09:00:00.000Z');
  const store: Store<CaseState> = openMemoryStore({ parseCaseState, clock });
  let n = 0;
  const deps: CaseDeps = { cases: wrap(store.cases), policyFor: async () => policyOf('spt'), clock, newId: () => `id-${(n += 1)}` };
  return { store, deps, clock };
}

const openAlex = (deps: CaseDeps, extra = {}) =>
  openCaseForPerson(deps, { schoolId: 'school-1', reviewee: alex, reviewer: priya, headteacher: jordan, cycleStart: '2025-09-01', actor: ACTORS.headteacher, channel: 'teams', ...extra });
const run = (deps: CaseDeps, raw: CaseCommandInput, role: keyof typeof ACTORS, expectedVersion?: number) =>
  executeCaseCommand(deps, { schoolId: 'school-1', caseId: CASE_ID, command: caseCommandSchema.parse(raw), actor: ACTORS[role], channel: 'slack', ...(expectedVersion === undefined ? {} : { expectedVersion }) });

describe('case use-cases', () => {
  it('R-CYC-1: opening a case stores it at version 1 with its notifications, reminders to plan and an audit record of ids only', async () => {
    const { store, deps } = setUp();
    const r = await openAlex(deps);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.id, r.value.version, r.value.cycleId, r.value.stage, r.value.reviewerId, r.value.cycleEnd]).toEqual([CASE_ID, 1, '2025-09-01', 'preparation', 'p-priya', '2026-08-31']);
    const outbox = await store.outbox.pending(10);
    expect(outbox.map((m) => [m.kind, m.payload])).toEqual([
      ['notify', { type: 'notify', to: 'p-alex', topic: 'case.opened' }],
      ['notify', { type: 'notify', to: 'p-priya', topic: 'meeting.arrange' }],
      ['schedule', { type: 'schedule', rule: 'step.planning-meeting', occurrence: 'reviewer-1', due: '2025-10-31', owner: 'p-priya', stepTitle: 'planning meeting date' }],
    ]);
    expect(await store.audit.listForCase('school-1', CASE_ID)).toEqual([{ id: expect.any(String), schoolId: 'school-1', caseId: CASE_ID, actorId: 'p-jordan', action: 'case.open', at: '2025-09-08T09:00:00.000Z', channel: 'teams' }]);
  });

  it('R-CYC-2: one case per reviewee per cycle: a second launch finds it open', async () => {
    const { deps } = setUp();
    await openAlex(deps);
    const again = await openAlex(deps);
    expect(again.ok ? 'ok' : again.error.code).toBe('CASE.ALREADY_OPEN');
  });

  it('R-ELG-1: someone outside the scheme gets no case', async () => {
    const { store, deps } = setUp();
    const r = await openAlex(deps, { status: 'formal-capability' });
    expect(r.ok ? 'ok' : r.error.code).toBe('CASE.NOT_ELIGIBLE');
    expect(await store.cases.listByCycle('school-1', '2025-09-01')).toEqual([]);
  });

  it('R-CHAT-3: a card rendered at an older version is stale and changes nothing', async () => {
    const { store, deps } = setUp();
    await openAlex(deps);
    const r = await run(deps, { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' }, 'reviewer', 0);
    expect(r.ok ? 'ok' : r.error.code).toBe('CASE.STALE_VERSION');
    expect((await store.cases.get('school-1', CASE_ID))?.version).toBe(1);
  });

  it('R-ROLE-1: a refused command stores nothing and sends nothing', async () => {
    const { store, deps } = setUp();
    await openAlex(deps);
    const before = (await store.outbox.pending(50)).length;
    const r = await run(deps, { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' }, 'reviewee', 1);
    expect(r.ok ? 'ok' : r.error.code).toBe('CASE.NOT_ALLOWED');
    expect([(await store.cases.get('school-1', CASE_ID))?.version, (await store.outbox.pending(50)).length]).toEqual([1, before]);
    const missing = await executeCaseCommand(deps, { schoolId: 'school-1', caseId: 'nope', command: caseCommandSchema.parse({ type: 'objectives.propose' }), actor: ACTORS.reviewer, channel: 'teams' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('CASE.NOT_FOUND');
  });

  it('R-CHAT-3: a step the command closes cancels its reminders in the same write', async () => {
    const { store, deps } = setUp();
    await openAlex(deps);
    const [reminderId] = reminderIdsForStep(CASE_ID, 'step.planning-meeting', 'reviewer-1');
    await store.reminders.create({ id: reminderId!, schoolId: 'school-1', caseId: CASE_ID, rule: 'step.planning-meeting', recipientId: 'p-priya', dueAt: '2025-10-20T08:30:00.000Z', state: 'pending', leaseUntil: null, attempts: 0, payload: {} });
    const r = await run(deps, { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' }, 'reviewer', 1);
    expect(r.ok && r.value.version).toBe(2);
    expect((await store.reminders.get('school-1', reminderId!))?.state).toBe('cancelled');
  });

  it('R-STM-2: when someone else writes first, the command is decided again on the fresh case', async () => {
    let raced = false;
    const { store, deps } = setUp((inner) => ({
      ...inner,
      save: async (write) => {
        if (!raced && write.expectedVersion === 1) {
          raced = true;
          await executeCaseCommand({ ...deps, cases: inner }, { schoolId: 'school-1', caseId: CASE_ID, command: caseCommandSchema.parse({ type: 'objective.add', objective: anObjective('Written first') }), actor: ACTORS.reviewee, channel: 'teams' });
        }
        return inner.save(write);
      },
    }));
    await openAlex(deps);
    const r = await run(deps, { type: 'objective.add', objective: anObjective('Written second') }, 'reviewer', 1);
    expect(r.ok && r.value.version).toBe(3);
    const stored = await store.cases.get('school-1', CASE_ID);
    expect(stored?.state.objectives.map((o) => o.versions[0]?.headline)).toEqual(['Written first', 'Written second']);
  });

  it('R-STM-2: after three lost races the person is asked to try again', async () => {
    let saves = 0;
    const { deps } = setUp((inner) => ({
      ...inner,
      save: async (write) => {
        if (write.expectedVersion === null) return inner.save(write);
        saves += 1;
        throw new ConcurrencyError(write.case.id);
      },
    }));
    await openAlex(deps);
    const r = await run(deps, { type: 'objective.add', objective: anObjective() }, 'reviewer');
    expect([r.ok ? 'ok' : r.error.code, saves]).toEqual(['CASE.STALE_VERSION', 3]);
  });

  it('R-CYC-6: a new cycle’s case carries in the objectives the last final review marked to continue, with their progress', async () => {
    const { store, deps } = setUp();
    const last = structuredClone(sptCaseAt('appeal-window').state);
    const previousId = caseIdFor('2024-09-01', 'p-alex');
    Object.assign(last, { id: previousId, cycleId: '2024-09-01', schoolId: 'school-1' });
    last.assessment!.objectives[0]!.continues = true;
    last.assessment!.objectives[0]!.comment = 'Halfway: the group runs, results next year';
    await store.cases.save({ case: { id: previousId, schoolId: 'school-1', cycleId: '2024-09-01', revieweeId: 'p-alex', reviewerId: 'p-priya', stage: last.stage, version: 0, cycleEnd: '2025-08-31', state: last }, expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [] });
    const r = await openAlex(deps, { previousCycleId: '2024-09-01' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.version, r.value.state.objectives.map((o) => [o.source, o.carriedFrom?.progress, o.versions[0]?.headline])]).toEqual([
      2,
      [['carried', 'Halfway: the group runs, results next year', 'Run the reading catch-up group']],
    ]);
  });
});
