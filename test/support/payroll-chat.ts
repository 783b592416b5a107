import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { payrollChangesJob } from '../../bot/scheduler/payroll-changes.job';
import type { ProductStore } from '../../bot/compose';
import { caseIdFor } from '../../services/case';
import type { CaseState } from '../../services/case';
import type { NudgeContent } from '../../services/nudges/messenger.port';
import { personSchema } from '../../services/people/person.schema';
import { payrollRow } from '../../services/reports';
import type { PayRecommendation } from '../../services/reports';
import type { Clock } from '../../services/shared/time';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';

// The demo school with a payroll export for its 2025 to 2026 cycle (March 2025 to February 2026), for the head's
// "Payroll changes" screen in Teams and Slack. Alex Morgan (invented, staff id TV090, in no chat) has an increment
// approved by the head now; what payroll was sent is chosen by each test. Sam Fielding is TV010 on the demo roster.

export const PAY_CYCLE = '2025-03-01';
export const ALEX = personSchema.parse({
  id: 'p-alex', schoolId: DEMO_SCHOOL_ID, staffId: 'TV090', name: 'Alex Morgan', email: 'alex.morgan@example.org', startDate: '2019-09-02', lineManagerIds: ['p-grace'],
});

/** A case whose pay recommendation the head has approved (an increment), played through the case machine. */
const approved = (): CaseState => {
  const state = play(policyOf('spt'), SPT_SCRIPT).map((x) => x.state).find((s) => s.pay.approval !== null);
  if (!state) throw new Error('the fixture script approves no pay');
  return state;
};

/** Alex on the roster, with their approved case in the pay cycle. */
export async function seedApprovedPay(store: ProductStore): Promise<void> {
  await store.people.upsert(ALEX);
  const base = approved();
  const id = caseIdFor(PAY_CYCLE, ALEX.id);
  const state: CaseState = { ...base, id, schoolId: DEMO_SCHOOL_ID, cycleId: PAY_CYCLE, revieweeId: ALEX.id, names: { ...base.names, [ALEX.id]: ALEX.name } };
  await store.cases.save({
    case: { id, schoolId: DEMO_SCHOOL_ID, cycleId: PAY_CYCLE, revieweeId: ALEX.id, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: '2026-02-28', state },
    expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
  });
}

/** Records what payroll was sent for the pay cycle on Monday 16 March 2026: each row a staff id, point and outcome. */
export async function recordExport(store: ProductStore, rows: [string, number, PayRecommendation['recommendation']][]): Promise<void> {
  await store.payrollExports.save({
    schoolId: DEMO_SCHOOL_ID, cycleId: PAY_CYCLE, cycleEnd: '2026-02-28', exportedOn: '2026-03-16', effectiveDate: '2026-04-01',
    rows: rows.map(([staffId, currentPoint, recommendation]) => payrollRow({ staffId, currentPoint, recommendation }, '2026-04-01')), exportedBy: 'admin', version: 0,
  }, null);
}

/** Payroll was sent Alex withheld on point 4 and Sam's increment from point 7; now Alex's increment is approved and Sam has none. */
export const CHANGED_EXPORT: [string, number, PayRecommendation['recommendation']][] = [['TV090', 4, 'withhold'], ['TV010', 7, 'increment']];

/** Runs the daily payroll check over the store, as the scheduler does: the notices it planned, by what they say. */
export async function payrollNotices(store: ProductStore, clock: Clock): Promise<NudgeContent[]> {
  const job = payrollChangesJob({ store, policyFor: async () => policyOf('test-valley'), clock });
  await job();
  const due = await store.reminders.due(new Date(clock.now().getTime() + 60_000).toISOString(), 10);
  return due.filter((r) => r.rule === 'notice.payroll-changes').map((r) => (r.payload as { content: NudgeContent }).content);
}
