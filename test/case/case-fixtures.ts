import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';
import { caseCommandSchema, decide, renderStatement } from '../../services/case';
import type { CaseActor, CaseCommand, CaseCommandInput, CaseContext, CaseRole, CaseState, CommandType, Decision, Stage } from '../../services/case';

// Invented people and fixed dates only. The reviewee is Alex Morgan; Priya Lockwood reviews; Sam Patel is
// another line manager; Jordan Ellis is the headteacher.

export const PEOPLE = {
  reviewee: 'p-alex',
  reviewer: 'p-priya',
  lineManager: 'p-sam',
  head: 'p-jordan',
  slt: 'p-casey',
  pd: 'p-robin',
  clerk: 'p-morgan',
  panel: 'p-taylor',
  other: 'p-quinn',
} as const;

export const NAMES = { 'p-alex': 'Alex Morgan', 'p-priya': 'Priya Lockwood', 'p-sam': 'Sam Patel', 'p-jordan': 'Jordan Ellis' };

/** An actor holding exactly one case role. */
export const ACTORS: Record<CaseRole, CaseActor> = {
  reviewee: { personId: PEOPLE.reviewee, schoolRoles: [] },
  reviewer: { personId: PEOPLE.reviewer, schoolRoles: [] },
  'line-manager': { personId: PEOPLE.lineManager, schoolRoles: [] },
  headteacher: { personId: PEOPLE.head, schoolRoles: ['headteacher'] },
  slt: { personId: PEOPLE.slt, schoolRoles: ['slt'] },
  'pd-manager': { personId: PEOPLE.pd, schoolRoles: ['pd-manager'] },
  clerk: { personId: PEOPLE.clerk, schoolRoles: ['clerk'] },
  'appeal-panel': { personId: PEOPLE.panel, schoolRoles: ['appeal-panel'] },
  system: { personId: 'system', schoolRoles: ['system'] },
};

const policies = new Map<string, SchoolPolicy>();
/** A preset's policy with no school settings. */
export function policyOf(presetId: string, settings?: unknown): SchoolPolicy {
  const key = `${presetId}:${JSON.stringify(settings ?? {})}`;
  const cached = policies.get(key);
  if (cached) return cached;
  const made = createSchoolPolicy({ presetId, settings });
  if (!made.ok) throw new Error(made.error.message);
  policies.set(key, made.value);
  return made.value;
}

/** Parses a command as the chat edge would. */
export const cmd = (raw: CaseCommandInput): CaseCommand => caseCommandSchema.parse(raw);

export function ctxOf(policy: SchoolPolicy, today: string, actor: CaseActor): CaseContext {
  return { policy, today, now: `${today}T10:00:00.000Z`, actor };
}

/** Decides and insists on success (for building states). */
export function must(state: CaseState | null, raw: CaseCommandInput, policy: SchoolPolicy, today: string, role: CaseRole): Decision {
  const result = decide(state, cmd(raw), ctxOf(policy, today, ACTORS[role]));
  if (!result.ok) throw new Error(`${raw.type} by ${role} on ${today} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const anObjective = (headline = 'Run the reading catch-up group') => ({
  headline,
  tasks: 'Plan and run three sessions a week',
  timescales: 'By the end of the spring term',
  successMeasures: 'Reading ages up by six months',
  evidenceHow: 'Termly reading tests',
  support: 'Phonics training',
  kind: 'school' as const,
});

export const openCommand = (overrides: Partial<CaseCommandInput & { type: 'case.open' }> = {}): CaseCommandInput => ({
  type: 'case.open',
  caseId: 'case-1',
  schoolId: 'school-1',
  revieweeId: PEOPLE.reviewee,
  reviewerId: PEOPLE.reviewer,
  lineManagerIds: [PEOPLE.lineManager],
  headteacherId: PEOPLE.head,
  clerkId: PEOPLE.clerk,
  start: '2025-09-01',
  names: NAMES,
  ...overrides,
});

/** One step of a scripted cycle: on a day, a role issues a command. */
export type Step = [day: string, role: CaseRole, command: (s: CaseState) => CaseCommandInput];

export const sign = (kind: 'planning' | 'review') => (s: CaseState): CaseCommandInput => ({ type: 'statement.sign', statement: kind, hash: renderStatement(s, kind).hash });
export const firstObjective = (s: CaseState): string => s.objectives.find((o) => o.status === 'active')?.id ?? 'obj-none';

/** The spt cycle 2025/26, every stage of the main line, with the dates the policy allows. */
export const SPT_SCRIPT: Step[] = [
  ['2025-09-08', 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' })],
  ['2025-09-15', 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'planning', items: [{ area: 'standard', title: 'Communication', rating: 'met', comment: 'Going well' }] })],
  ['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
  ['2025-09-22', 'reviewee', () => ({ type: 'objective.add', objective: { ...anObjective('Learn Makaton'), kind: 'employee' } })],
  ['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })],
  ['2025-09-23', 'reviewee', () => ({ type: 'objectives.agree' })],
  ['2025-09-23', 'reviewer', () => ({ type: 'planning.submit' })],
  ['2025-09-24', 'headteacher', () => ({ type: 'moderation.approve' })],
  ['2025-09-25', 'reviewee', sign('planning')],
  ['2025-09-25', 'reviewer', sign('planning')],
  ['2026-02-02', 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'interim', date: '2026-02-23' })],
  ['2026-02-16', 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'interim' })],
  ['2026-02-23', 'reviewer', (s) => ({ type: 'interim.record', progress: s.objectives.map((o) => ({ objectiveId: o.id, comment: 'On track' })), finalReviewDate: '2026-09-21' })],
  ['2026-09-01', 'reviewer', () => ({ type: 'meeting.schedule', meeting: 'final', date: '2026-09-21' })],
  ['2026-09-14', 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'final' })],
  ['2026-09-21', 'reviewer', (s) => ({ type: 'final.assess', objectives: s.objectives.map((o) => ({ objectiveId: o.id, rating: 'met', comment: 'Done well' })), overall: 'A good year' })],
  ['2026-09-21', 'reviewer', () => ({ type: 'pay.recommend', recommendation: 'increment', rationale: 'Targets met' })],
  ['2026-09-22', 'headteacher', () => ({ type: 'pay.approve' })],
  ['2026-09-24', 'reviewer', () => ({ type: 'review.finalise' })],
  ['2026-09-25', 'reviewee', sign('review')],
  ['2026-09-25', 'reviewer', sign('review')],
];

/** Runs a script from a fresh case; returns every state with the day it was reached. */
export function play(policy: SchoolPolicy, script: Step[], open: CaseCommandInput = openCommand(), openedOn = '2025-09-08'): { state: CaseState; day: string }[] {
  let state = must(null, open, policy, openedOn, 'headteacher').next;
  const states = [{ state, day: openedOn }];
  for (const [day, role, make] of script) {
    state = must(state, make(state), policy, day, role).next;
    states.push({ state, day });
  }
  return states;
}

/** Holds and endings reached from the main line. */
const SIDE: Partial<Record<Stage, { from: Stage; day: string; role: CaseRole; command: CaseCommandInput }>> = {
  suspended: { from: 'in-cycle', day: '2025-11-03', role: 'headteacher', command: { type: 'case.suspend', reason: 'formal-capability' } },
  paused: { from: 'in-cycle', day: '2025-11-03', role: 'headteacher', command: { type: 'case.pause', reason: 'maternity' } },
  withdrawn: { from: 'in-cycle', day: '2025-11-03', role: 'headteacher', command: { type: 'case.withdraw', leftOn: '2025-10-31' } },
  appeal: { from: 'appeal-window', day: '2026-09-28', role: 'reviewee', command: { type: 'appeal.raise', statement: 'review', grounds: 'The rating on my second objective is unfair' } },
  closed: { from: 'appeal-window', day: '2026-10-19', role: 'headteacher', command: { type: 'case.close' } },
};

let cachedStages: Map<Stage, { state: CaseState; day: string }> | null = null;
/** The spt case in each stage, with a day that fits it. */
export function sptCaseAt(stage: Stage): { state: CaseState; day: string; policy: SchoolPolicy } {
  const policy = policyOf('spt');
  if (!cachedStages) {
    cachedStages = new Map();
    for (const x of play(policy, SPT_SCRIPT)) if (!cachedStages.has(x.state.stage)) cachedStages.set(x.state.stage, x);
    for (const [stage, side] of Object.entries(SIDE) as [Stage, NonNullable<(typeof SIDE)[Stage]>][]) {
      const from = cachedStages.get(side.from);
      if (!from) throw new Error(`no ${side.from} state`);
      cachedStages.set(stage, { state: must(from.state, side.command, policy, side.day, side.role).next, day: side.day });
    }
  }
  const found = cachedStages.get(stage);
  if (!found) throw new Error(`no state in stage ${stage}`);
  return { ...found, policy };
}

export type { CommandType };

/** Decides a command against the spt case in a stage (on that stage's day unless told). */
export function tryAt(stage: Stage, role: CaseRole, raw: CaseCommandInput | ((s: CaseState) => CaseCommandInput), day?: string) {
  const at = sptCaseAt(stage);
  const command = typeof raw === 'function' ? raw(at.state) : raw;
  return decide(at.state, cmd(command), ctxOf(at.policy, day ?? at.day, ACTORS[role]));
}

/** The failure code of a result, or 'ok'. */
export const codeOf = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'ok' : (r.error?.code ?? '?'));

/** Builds on a state with more commands (each must succeed). */
export function after(state: CaseState, policy: SchoolPolicy, steps: Step[]): CaseState {
  return steps.reduce((s, [day, role, make]) => must(s, make(s), policy, day, role).next, state);
}

/** An appeal outcome that does not resolve it, so the appeal goes on up the ladder. */
export const NOT_RESOLVED = { outcome: 'We could not agree', resolved: false };

/**
 * The whole appeal ladder for the spt case whose review statement was signed on Friday 25 September 2026 and whose
 * concerns were raised on 28 September (`sptCaseAt('appeal')`): every date follows the policy's working days (R-DL-1).
 */
export const SPT_APPEAL_LADDER: Step[] = [
  ['2026-10-01', 'reviewer', () => ({ type: 'appeal.informal-outcome', ...NOT_RESOLVED })],
  ['2026-10-05', 'reviewee', () => ({ type: 'appeal.written', grounds: 'The rating ignores the spring staffing gap' })],
  ['2026-10-09', 'reviewer', () => ({ type: 'appeal.reviewer-outcome', ...NOT_RESOLVED, meetingOn: '2026-10-07' })],
  ['2026-10-20', 'headteacher', () => ({ type: 'appeal.head-outcome', ...NOT_RESOLVED, meetingOn: '2026-10-15' })],
  ['2026-10-26', 'reviewee', () => ({ type: 'appeal.to-clerk', grounds: 'I ask the governors to review the rating' })],
  ['2026-11-02', 'clerk', () => ({ type: 'appeal.hearing-scheduled', hearingOn: '2026-11-16' })],
  ['2026-11-16', 'appeal-panel', () => ({ type: 'appeal.panel-decision', outcome: 'The rating stands', upheld: false })],
];
