import type { CaseState } from '../../services/case';
import { policyOf } from './case-fixtures';
import type { Step } from './case-fixtures';
import { appealSteps, cycleSteps, runCycle, scheduled } from './case-scenario-harness';
import type { CycleDays } from './case-scenario-harness';

// One whole cycle per preset, through the use-cases on the in-memory store, with the dates each policy
// gives, ending in an appeal heard by the governors' panel (R-CYC-1, R-CYC-2, R-DL-1).

const MAIN_LINE = ['preparation', 'planning', 'planning-moderation', 'planning-signatures', 'in-cycle', 'interim', 'in-cycle', 'final-review'];
const lastAppeal = (s: CaseState) => s.appeals[s.appeals.length - 1];

/** The appeal deadlines each ladder step must have had, computed from the policy and the days it was taken. */
function ladderDue(preset: string, signed: string): [string, string][] {
  const policy = policyOf(preset);
  const day = (n: number) => policy.calendar.addWorkingDays(signed, n);
  const due = (rule: Parameters<typeof policy.deadline>[0], from: string) => {
    const d = policy.deadline(rule, from);
    if (!d.ok) throw new Error(d.error.message);
    return d.value.due;
  };
  return [
    ['appeal.informal', due('appeal.informal', signed)],
    ['appeal.informal', due('appeal.informal', signed)],
    ['appeal.written', due('appeal.written', day(3))],
    ['appeal.reviewer-confirm', due('appeal.reviewer-confirm', day(5))],
    ['appeal.headteacher-outcome', due('appeal.headteacher-outcome', day(8))],
    ['appeal.to-clerk', due('appeal.to-clerk', day(13))],
    ['appeal.panel-hearing', due('appeal.panel-hearing', day(16))],
    ['appeal.panel-decision', due('appeal.panel-decision', day(26))],
  ];
}

const SCENARIOS: { preset: string; days: CycleDays; pay: boolean; withhold?: boolean; riskOn?: string; inCycle?: Step[]; upheld: boolean; expect: { cycle: [string, string]; dates: [string, string][] } }[] = [
  {
    preset: 'test-valley',
    days: { cycleStart: '2025-03-01', open: '2025-03-03', planningMeeting: '2025-03-17', agree: '2025-03-18', moderate: '2025-03-19', signPlanning: '2025-03-20', interimSchedule: '2025-09-01', interimMeeting: '2025-09-15', finalSchedule: '2026-02-02', finalMeeting: '2026-02-16', signReview: '2026-02-20' },
    pay: true, withhold: true, riskOn: '2025-11-03', upheld: true,
    // R-CYC-1: March to February; R-DL-1: the informal window is 10 working days from Friday 20 February.
    expect: { cycle: ['2025-03-01', '2026-02-28'], dates: [['step.planning-meeting', '2025-04-30'], ['appeal.informal', '2026-03-06']] },
  },
  {
    preset: 'propeller',
    days: { cycleStart: '2026-01-01', open: '2026-01-05', planningMeeting: '2026-01-19', agree: '2026-01-20', moderate: '2026-01-21', signPlanning: '2026-01-22', interimSchedule: '2026-06-01', interimMeeting: '2026-06-15', finalSchedule: '2026-11-02', finalMeeting: '2026-11-16', signReview: '2026-11-20' },
    pay: false, upheld: false,
    // R-CYC-1: January to December; the informal window skips no holiday in late November.
    expect: { cycle: ['2026-01-01', '2026-12-31'], dates: [['step.interim-meeting', '2026-07-31'], ['appeal.informal', '2026-12-04']] },
  },
  {
    preset: 'spt',
    days: { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-01', finalMeeting: '2026-09-21', signReview: '2026-09-25' },
    pay: true, upheld: false,
    // R-DL-3: the final meeting's papers go 5 working days before Monday 21 September.
    expect: { cycle: ['2025-09-01', '2026-08-31'], dates: [['step.final-meeting', '2026-09-14'], ['appeal.panel-hearing', '2026-11-16']] },
  },
  {
    preset: 'hampshire-model',
    days: { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' },
    pay: true, upheld: true,
    inCycle: [
      ['2025-10-06', 'reviewer', () => ({ type: 'observation.plan', observerId: 'p-priya', date: '2025-10-08', context: 'Lunchtime club', focus: 'Inclusion' })],
      ['2025-10-08', 'reviewer', (s) => ({ type: 'observation.record', observationId: s.observations[0]?.id ?? '', heldOn: '2025-10-08' })],
      ['2025-10-10', 'reviewer', (s) => ({ type: 'observation.feedback', observationId: s.observations[0]?.id ?? '', kind: 'written', text: 'Warm and well organised' })],
    ],
    // R-DL-4: verbal feedback by 15 October, written by 17 October; R-DL-5: the statement by 31 December.
    expect: { cycle: ['2025-09-01', '2026-08-31'], dates: [['observation.verbal-feedback', '2025-10-15'], ['observation.written-feedback', '2025-10-17'], ['statement.issue', '2026-12-31']] },
  },
];

describe('a whole cycle per preset, through the use-cases', () => {
  it.each(SCENARIOS.map((s) => [s.preset, s]))('R-CYC-2, R-DL-1: %s runs planning to a signed review, then an appeal to the governors’ panel', async (_name, sc) => {
    const steps = [...cycleSteps(sc.preset, sc.days, { pay: sc.pay, withhold: sc.withhold, riskOn: sc.riskOn, inCycle: sc.inCycle }), ...appealSteps(sc.preset, sc.days.signReview, sc.upheld)];
    const { env, store, trail } = await runCycle(sc.preset, sc.days, steps);
    const state = env.state;
    const payLine = sc.pay ? ['pay-approval'] : [];
    expect(trail).toEqual([...MAIN_LINE, ...payLine, 'review-draft', 'review-signatures', 'appeal-window', 'appeal', 'closed']);
    expect([state.cycle.start, state.cycle.end]).toEqual(sc.expect.cycle);
    expect([lastAppeal(state)?.result, lastAppeal(state)?.history.length]).toEqual([sc.upheld ? 'upheld' : 'dismissed', 7]);
    expect([env.version, state.log.length, state.steps]).toEqual([steps.length + 1, steps.length + 1, []]);
    expect((await store.audit.listForCase('school-1', env.id)).length).toBe(steps.length + 1);
    const asked = await scheduled(store);
    for (const date of sc.expect.dates) expect(asked).toContainEqual(date);
    expect(asked.filter(([rule]) => rule.startsWith('appeal.'))).toEqual(ladderDue(sc.preset, sc.days.signReview));
    if (sc.withhold) expect([state.pay.riskFlag?.on, state.pay.recommendation?.recommendation, state.pay.approval?.by]).toEqual([sc.riskOn, 'withhold', 'p-jordan']);
  });
});
