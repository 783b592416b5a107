import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState, renderStatement } from '../../services/case';
import type { CaseCommandInput, CaseDeps, CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { CaseEnvelope, Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { ACTORS, anObjective, policyOf } from './case-fixtures';
import type { Step } from './case-fixtures';

// Runs a whole cycle through the use-cases on the in-memory store, each command on its own day from a
// card at the version the person last saw.

/** The days of one cycle's meetings and signatures. */
export interface CycleDays {
  cycleStart: string;
  open: string;
  planningMeeting: string;
  agree: string;
  moderate: string;
  signPlanning: string;
  interimSchedule: string;
  interimMeeting: string;
  finalSchedule: string;
  finalMeeting: string;
  signReview: string;
}

const person = (id: string, name: string, extra: object = {}) =>
  personSchema.parse({ id, schoolId: 'school-1', staffId: id, name, email: `${id}@school.example`, startDate: '2019-09-02', ...extra });
export const REVIEWEE = person('p-alex', 'Alex Morgan', { lineManagerIds: ['p-priya'], reviewerId: 'p-priya' });
const REVIEWER = person('p-priya', 'Priya Lockwood');
const HEAD = person('p-jordan', 'Jordan Ellis', { headteacher: true });

/** The main line of a cycle, planning to signed review (R-CYC-2). */
export function cycleSteps(preset: string, d: CycleDays, extra: { pay: boolean; withhold?: boolean; riskOn?: string; inCycle?: Step[] }): Step[] {
  const policy = policyOf(preset);
  const rating = (i: number) => policy.finalRatingScale[i]?.id ?? 'met';
  const selfRating = policy.selfAssessmentScale[1]?.id ?? 'met';
  const allObjectives = (s: CaseState) => s.objectives.filter((o) => o.status === 'active');
  return [
    [d.open, 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'planning', date: d.planningMeeting })],
    [d.open, 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'planning', items: [{ area: 'standard', title: 'Working with pupils', rating: selfRating }] })],
    [d.planningMeeting, 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
    [d.planningMeeting, 'reviewer', () => ({ type: 'objective.add', objective: anObjective('Keep the library records up to date') })],
    [d.planningMeeting, 'reviewee', () => ({ type: 'development-plan.set', goals: [{ goal: 'First aid certificate', timescale: 'This year' }] })],
    [d.planningMeeting, 'reviewer', () => ({ type: 'objectives.propose' })],
    [d.agree, 'reviewee', () => ({ type: 'objectives.agree' })],
    [d.agree, 'reviewer', () => ({ type: 'planning.submit' })],
    [d.moderate, 'headteacher', () => ({ type: 'moderation.approve' })],
    [d.signPlanning, 'reviewee', (s) => ({ type: 'statement.sign', statement: 'planning', hash: renderStatement(s, 'planning').hash })],
    [d.signPlanning, 'reviewer', (s) => ({ type: 'statement.sign', statement: 'planning', hash: renderStatement(s, 'planning').hash })],
    ...(extra.inCycle ?? []),
    ...(extra.riskOn ? [[extra.riskOn, 'reviewer', () => ({ type: 'pay.flag-risk', reason: 'Behind on the library records' })] as Step] : []),
    [d.interimSchedule, 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'interim', date: d.interimMeeting })],
    [d.interimMeeting, 'reviewer', (s) => ({ type: 'interim.record', progress: allObjectives(s).map((o) => ({ objectiveId: o.id, comment: 'Progressing' })), finalReviewDate: d.finalMeeting })],
    [d.finalSchedule, 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'final', date: d.finalMeeting })],
    [d.finalMeeting, 'reviewee', () => ({ type: 'final.self-review', overview: 'A year of steady work' })],
    [d.finalMeeting, 'reviewer', (s) => ({ type: 'final.assess', objectives: allObjectives(s).map((o, i) => ({ objectiveId: o.id, rating: rating(extra.withhold ? 2 + i : i), comment: 'Evidence seen' })), overall: 'Seen in the round' })],
    ...(extra.pay
      ? ([
          [d.finalMeeting, 'reviewer', () => ({ type: 'pay.recommend', recommendation: extra.withhold ? 'withhold' : 'increment', rationale: 'Per the final assessment' })],
          [d.finalMeeting, 'headteacher', () => ({ type: 'pay.approve' })],
        ] as Step[])
      : ([[d.finalMeeting, 'reviewer', () => ({ type: 'review.send-draft' })]] as Step[])),
    [d.signReview, 'reviewee', () => ({ type: 'statement.comment', statement: 'review', text: 'I would like the staffing gap noted' })],
    [d.signReview, 'reviewer', () => ({ type: 'review.finalise' })],
    [d.signReview, 'reviewee', (s) => ({ type: 'statement.sign', statement: 'review', hash: renderStatement(s, 'review').hash })],
    [d.signReview, 'reviewer', (s) => ({ type: 'statement.sign', statement: 'review', hash: renderStatement(s, 'review').hash })],
  ];
}

/** The appeal ladder to the governors' panel, a working day or so per step after the review is signed (R-DL-1). */
export function appealSteps(preset: string, signed: string, upheld: boolean): Step[] {
  const cal = policyOf(preset).calendar;
  const day = (n: number) => cal.addWorkingDays(signed, n);
  const notResolved = { outcome: 'We could not agree', resolved: false };
  return [
    [day(1), 'reviewee', () => ({ type: 'appeal.raise', statement: 'review', grounds: 'The rating does not reflect the staffing gap' })],
    [day(3), 'reviewer', () => ({ type: 'appeal.informal-outcome', ...notResolved })],
    [day(5), 'reviewee', () => ({ type: 'appeal.written', grounds: 'Written grounds, as discussed' })],
    [day(8), 'reviewer', () => ({ type: 'appeal.reviewer-outcome', ...notResolved, meetingOn: day(7) })],
    [day(13), 'headteacher', () => ({ type: 'appeal.head-outcome', ...notResolved, meetingOn: day(12) })],
    [day(16), 'reviewee', () => ({ type: 'appeal.to-clerk', grounds: 'I ask the governors to hear my appeal' })],
    [day(17), 'clerk', () => ({ type: 'appeal.hearing-scheduled', hearingOn: day(26) })],
    [day(26), 'appeal-panel', () => ({ type: 'appeal.panel-decision', outcome: upheld ? 'The rating is changed to met' : 'The rating stands', upheld })],
  ];
}

/** A school with one reviewee, on the in-memory store. */
export function school(preset: string) {
  const clock = new FixedClock('2020-01-01T10:00:00.000Z');
  const store: Store<CaseState> = openMemoryStore({ parseCaseState, clock });
  let n = 0;
  const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf(preset), clock, newId: () => `id-${(n += 1)}` };
  return { store, deps, clock };
}

/** Opens the case and plays the steps through `executeCaseCommand`, each from a card at the last version. */
export async function runCycle(preset: string, days: CycleDays, steps: Step[]): Promise<{ env: CaseEnvelope<CaseState>; store: Store<CaseState>; trail: string[] }> {
  const { store, deps, clock } = school(preset);
  clock.set(`${days.open}T10:00:00.000Z`);
  const opened = await openCaseForPerson(deps, { schoolId: 'school-1', reviewee: REVIEWEE, reviewer: REVIEWER, headteacher: HEAD, clerkId: 'p-morgan', cycleStart: days.cycleStart, actor: ACTORS.headteacher, channel: 'teams' });
  if (!opened.ok) throw new Error(opened.error.message);
  let env = opened.value;
  const trail: string[] = [env.stage];
  for (const [day, role, make] of steps) {
    clock.set(`${day}T10:00:00.000Z`);
    const raw: CaseCommandInput = make(env.state);
    const r = await executeCaseCommand(deps, { schoolId: 'school-1', caseId: caseIdFor(days.cycleStart, REVIEWEE.id), expectedVersion: env.version, command: caseCommandSchema.parse(raw), actor: ACTORS[role], channel: role === 'system' ? 'system' : 'teams' });
    if (!r.ok) throw new Error(`${preset}: ${raw.type} by ${role} on ${day} refused: ${r.error.code} ${r.error.message}`);
    env = r.value;
    if (trail[trail.length - 1] !== env.stage) trail.push(env.stage);
  }
  return { env, store, trail };
}

/** The reminders the cycle asked for, as [rule, due], from the outbox. */
export async function scheduled(store: Store<CaseState>): Promise<[string, string][]> {
  const all = await store.outbox.pending(1000);
  return all.filter((m) => m.kind === 'schedule').map((m) => {
    const p = m.payload as { rule: string; due: string };
    return [p.rule, p.due];
  });
}
