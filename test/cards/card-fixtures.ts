import type { CaseRole, CaseState } from '../../services/case';
import type { SchoolPolicy } from '../../services/policy';
import { after, anObjective, openCommand, play, policyOf } from '../case/case-fixtures';
import type { Step } from '../case/case-fixtures';
import { appealSteps, cycleSteps } from '../case/case-scenario-harness';
import type { CycleDays } from '../case/case-scenario-harness';

// Realistic cases at every stage, for every preset, built by running commands through `decide`: the main line
// from opening to a signed review and an appeal heard by the governors' panel, plus the side roads a case can
// take (a disagreement, group objectives, observations, a support plan, an objection, holds and endings).

/** A case as it stands at one moment, named for the test titles. */
export interface CaseFixture {
  name: string;
  preset: string;
  policy: SchoolPolicy;
  state: CaseState;
  /** A day that fits the state (the day its last command ran). */
  day: string;
}

/** The presets every card is checked against. */
export const PRESETS = ['test-valley', 'propeller', 'spt', 'hampshire-model'] as const;

/** Every case role, each held by one invented person (see ACTORS). */
export const ROLES: CaseRole[] = ['reviewee', 'reviewer', 'line-manager', 'headteacher', 'slt', 'pd-manager', 'clerk', 'appeal-panel'];

/** Colleagues to choose from by name, as the roster gives them. */
export const PEOPLE_AT_SCHOOL = [
  { id: 'p-priya', name: 'Priya Lockwood' }, { id: 'p-sam', name: 'Sam Patel' }, { id: 'p-jordan', name: 'Jordan Ellis' },
  { id: 'p-quinn', name: 'Quinn Harper' }, { id: 'p-robin', name: 'Robin Adeyemi' }, { id: 'p-alex', name: 'Alex Morgan' },
];

/** Each preset's year, with the days of each meeting and signature (the same as the whole-cycle scenarios). */
const YEARS: Record<(typeof PRESETS)[number], { days: CycleDays; pay: boolean }> = {
  'test-valley': {
    days: { cycleStart: '2025-03-01', open: '2025-03-03', planningMeeting: '2025-03-17', agree: '2025-03-18', moderate: '2025-03-19', signPlanning: '2025-03-20', interimSchedule: '2025-09-01', interimMeeting: '2025-09-15', finalSchedule: '2026-02-02', finalMeeting: '2026-02-16', signReview: '2026-02-20' },
    pay: true,
  },
  propeller: {
    days: { cycleStart: '2026-01-01', open: '2026-01-05', planningMeeting: '2026-01-19', agree: '2026-01-20', moderate: '2026-01-21', signPlanning: '2026-01-22', interimSchedule: '2026-06-01', interimMeeting: '2026-06-15', finalSchedule: '2026-11-02', finalMeeting: '2026-11-16', signReview: '2026-11-20' },
    pay: false,
  },
  spt: {
    days: { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-01', finalMeeting: '2026-09-21', signReview: '2026-09-25' },
    pay: true,
  },
  'hampshire-model': {
    days: { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' },
    pay: true,
  },
};

/** The side roads, each from the first main-line state that matches, as steps a working day or so apart. */
function sideRoads(policy: SchoolPolicy): { name: string; from: (s: CaseState) => boolean; steps: (day: string) => Step[] }[] {
  const later = (day: string, n: number) => policy.calendar.addWorkingDays(day, n);
  const selfRating = policy.selfAssessmentScale[0]?.id ?? 'met';
  const inCycle = (s: CaseState) => s.stage === 'in-cycle';
  const observationId = (s: CaseState) => s.observations[0]?.id ?? 'obs-none';
  return [
    { name: 'planning, objectives disagreed', from: (s) => s.agreement.status === 'proposed', steps: (d) => [[d, 'reviewee', () => ({ type: 'objectives.disagree', reason: 'Three objectives is too many with my new timetable' })]] },
    {
      name: 'planning, self-assessment rated by the manager',
      from: (s) => s.stage === 'planning' && s.selfAssessments.length > 0,
      steps: (d) => [[d, 'reviewer', () => ({ type: 'self-assessment.review', meeting: 'planning', items: [{ index: 0, rating: selfRating, agreedRating: selfRating, comment: 'Agreed' }], wentWell: 'Reliable and calm' })]],
    },
    {
      name: 'planning, group objectives in use',
      from: (s) => s.stage === 'planning' && s.agreement.status === 'drafting',
      steps: (d) => [[d, 'headteacher', (s) => ({ type: 'objectives.use-group', groupId: 'group-support', roleFamily: s.roleFamily, objectives: [anObjective('Keep every child safe at lunchtime')] })]],
    },
    {
      name: 'in the cycle, an observation planned',
      from: inCycle,
      steps: (d) => [[d, 'reviewer', () => ({ type: 'observation.plan', observerId: 'p-priya', date: later(d, 3), context: 'Year 4 reading group', focus: 'Questioning' })]],
    },
    {
      name: 'in the cycle, observed, evidence, a concern and a support plan half signed',
      from: inCycle,
      steps: (d) => [
        [d, 'reviewer', () => ({ type: 'observation.plan', observerId: 'p-priya', date: later(d, 3), context: 'Year 4 reading group', focus: 'Questioning' })],
        [later(d, 3), 'reviewer', (s) => ({ type: 'observation.record', observationId: observationId(s), heldOn: later(d, 3) })],
        [later(d, 4), 'reviewer', (s) => ({ type: 'observation.feedback', observationId: observationId(s), kind: 'verbal', text: 'Clear instructions' })],
        [later(d, 4), 'reviewee', (s) => ({ type: 'evidence.add', objectiveId: s.objectives[0]?.id ?? null, what: 'Reading test results', link: 'https://example.org/results' })],
        [later(d, 5), 'reviewer', () => ({ type: 'concern.raise', level: 'early-conversation', summary: 'Late to two sessions' })],
        [later(d, 5), 'reviewer', () => ({ type: 'support-plan.set', items: [{ area: 'Punctuality', actions: 'Weekly check-in', actionDate: later(d, 15), measures: 'On time every session' }] })],
        [later(d, 6), 'reviewee', (s) => ({ type: 'support-plan.review', reviewOn: later(d, 6), progress: (s.supportPlan?.items ?? []).map((i) => ({ itemId: i.id, progress: 'Better' })) })],
        ...(policy.payProgression ? ([[later(d, 6), 'reviewer', () => ({ type: 'pay.flag-risk', reason: 'Two objectives behind' })]] as Step[]) : []),
      ],
    },
    { name: 'in the cycle, an objection raised', from: inCycle, steps: (d) => [[d, 'reviewee', () => ({ type: 'objection.raise', reasons: 'We have a conflict of interest' })]] },
    {
      name: 'in the cycle, an objection decided and appealed',
      from: inCycle,
      steps: (d) => [
        [d, 'reviewee', () => ({ type: 'objection.raise', reasons: 'We have a conflict of interest' })],
        [later(d, 2), 'headteacher', () => ({ type: 'objection.decide', upheld: false, reasons: 'No conflict found' })],
        ...(policy.hasRule('reviewer-objection.appeal') ? ([[later(d, 3), 'reviewee', () => ({ type: 'objection.appeal', grounds: 'The conflict is real' })]] as Step[]) : []),
      ],
    },
    { name: 'interim, self-assessment sent', from: (s) => s.stage === 'interim', steps: (d) => [[d, 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'interim', items: [{ area: 'standard', title: 'Communication', rating: selfRating }] })]] },
    { name: 'suspended', from: inCycle, steps: (d) => [[d, 'headteacher', () => ({ type: 'case.suspend', reason: 'formal-capability' })]] },
    { name: 'paused', from: inCycle, steps: (d) => [[d, 'headteacher', () => ({ type: 'case.pause', reason: 'maternity' })]] },
    { name: 'withdrawn', from: inCycle, steps: (d) => [[d, 'headteacher', () => ({ type: 'case.withdraw', leftOn: d })]] },
  ];
}

const cache = new Map<string, CaseFixture[]>();

/** Every fixture of one preset: each main-line state (named by stage and step), then each side road. */
export function fixturesFor(preset: (typeof PRESETS)[number]): CaseFixture[] {
  const cached = cache.get(preset);
  if (cached) return cached;
  const policy = policyOf(preset);
  const { days, pay } = YEARS[preset];
  // The plan is full: as many objectives as the policy allows, so every per-objective form is at its largest.
  const main = cycleSteps(preset, days, { pay });
  // Before the reviewee's first step at the planning meeting (the development plan), after the reviewer's two adds.
  const firstAdds = main.findIndex(([day, role]) => day === days.planningMeeting && role === 'reviewee');
  const extra: Step[] = Array.from({ length: Math.max(0, policy.objectiveLimit - 2) }, (_, k) => [days.planningMeeting, 'reviewer', () => ({ type: 'objective.add', objective: anObjective(`Objective ${k + 3} of the plan`) })]);
  const steps = [...main.slice(0, firstAdds), ...extra, ...main.slice(firstAdds), ...appealSteps(preset, days.signReview, false)];
  const line = play(policy, steps, openCommand({ start: days.cycleStart }), days.open);
  const out: CaseFixture[] = line.map((x, i) => ({ name: `${preset} · ${x.state.stage} · step ${i}: ${x.state.log.at(-1)?.type ?? 'opened'}`, preset, policy, ...x }));
  for (const road of sideRoads(policy)) {
    const base = line.find((x) => road.from(x.state));
    if (!base) throw new Error(`${preset}: no state for “${road.name}”`);
    out.push({ name: `${preset} · ${road.name}`, preset, policy, state: after(base.state, policy, road.steps(base.day)), day: road.steps(base.day).at(-1)?.[0] ?? base.day });
  }
  const closeDay = policy.calendar.addWorkingDays(days.signReview, 30);
  const signed = line.find((x) => x.state.stage === 'appeal-window');
  if (signed) out.push({ name: `${preset} · closed`, preset, policy, state: after(signed.state, policy, [[closeDay, 'headteacher', () => ({ type: 'case.close' })]]), day: closeDay });
  cache.set(preset, out);
  return out;
}

/** Every fixture of every preset. */
export const allFixtures = (): CaseFixture[] => PRESETS.flatMap(fixturesFor);
