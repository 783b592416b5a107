import { payrollChangesJob } from '../../bot/scheduler/payroll-changes.job';
import { Verbs } from '../../cards/verbs';
import { parseCaseState } from '../../services/case';
import type { CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { NudgeContent } from '../../services/nudges/messenger.port';
import type { Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';

// The daily payroll check where it cannot tell the head: no headteacher on the roster, or a case whose reviewee is
// not on it. Nothing is planned, the log says why with ids and counts only, and other schools are still checked.

const policy = policyOf('spt');
const approved = play(policy, SPT_SCRIPT).map((x) => x.state).find((s) => s.pay.approval !== null)!;
const person = (schoolId: string, id: string, name: string, staffId: string, extra: object = {}) =>
  personSchema.parse({ id, schoolId, staffId, name, email: `${id}@oakfield.example`, startDate: '2019-09-02', ...extra });

async function schoolWith(store: Store<CaseState>, schoolId: string, people: ReturnType<typeof person>[]) {
  await store.schools.save({ id: schoolId, name: `School ${schoolId}`, presetId: 'spt', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  for (const p of people) await store.people.upsert(p);
  const state = { ...approved, schoolId };
  await store.cases.save({
    case: { id: state.id, schoolId, cycleId: state.cycleId, revieweeId: state.revieweeId, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: state.cycle.end, state },
    expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
  });
  // Payroll has nobody: the approved increment is a change.
  await store.payrollExports.save({ schoolId, cycleId: state.cycleId, cycleEnd: state.cycle.end, exportedOn: '2026-12-01', effectiveDate: '2027-04-01', rows: [], exportedBy: 'admin', version: 0 }, null);
}

describe('the daily payroll check when the head cannot be told (R-PAY-1)', () => {
  it('R-PAY-1: no headteacher, or a reviewee missing from the roster: nothing planned, logged by id, the other schools still checked', async () => {
    const clock = new FixedClock('2026-12-04T10:00:00.000Z');
    const store = openMemoryStore<CaseState>({ parseCaseState, clock });
    await schoolWith(store, 'school-a', [person('school-a', approved.revieweeId, 'Alex Morgan', 'OAK-1')]);
    await schoolWith(store, 'school-b', [person('school-b', 'p-jordan', 'Jordan Ellis', 'OAK-9', { headteacher: true })]);
    await schoolWith(store, 'school-c', [person('school-c', approved.revieweeId, 'Alex Morgan', 'OAK-1'), person('school-c', 'p-jordan', 'Jordan Ellis', 'OAK-9', { headteacher: true })]);
    const log: [string, Record<string, string | number>][] = [];
    const job = payrollChangesJob({ store, policyFor: async () => policy, clock, log: (event, fields) => log.push([event, fields]) });
    expect(await job()).toBe(1);
    expect(log.map(([event, fields]) => [event, fields.schoolId])).toEqual([
      ['payroll.changes-no-head', 'school-a'],
      ['payroll.changes-unchecked', 'school-b'],
      ['payroll.changes-flagged', 'school-c'],
    ]);
    expect(log[1]?.[1]).toEqual({ schoolId: 'school-b', cycleId: approved.cycleId, code: 'PAYROLL.NO_STAFF_ID' });
    expect(JSON.stringify(log)).not.toMatch(/Alex|Jordan|OAK-/);
    const planned = await store.reminders.due('2026-12-05T00:00:00.000Z', 10);
    expect(planned.map((r) => [r.schoolId, r.recipientId, r.rule])).toEqual([['school-c', 'p-jordan', 'notice.payroll-changes']]);
    // R-CHAT-2: the notice opens the head's screen for its cycle; it may wait in a queue, so it names nobody.
    const { content } = planned[0]?.payload as { content: NudgeContent };
    expect(content.open).toEqual({ verb: Verbs.payrollChangesShow, title: 'See the changes', caseId: `payroll:${approved.cycleId}`, version: 1 });
    expect(JSON.stringify(content)).not.toMatch(/Alex|Jordan|OAK-|npm|admin|--school/);
    expect(await job()).toBe(0);
  });
});
