import { ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseContext, CaseErrorCode, Decision } from './case-decision';
import { createDraft, STEP_DAYS } from './case-draft';
import { OPEN_ROLES } from './case-permissions.table';
import { rolesOf } from './case-roles';
import type { CaseState } from './case-state.schema';

/** A case before anything has happened in it. */
function freshState(c: CommandOf<'case.open'>, ctx: CaseContext, cycle: CaseState['cycle'], cycleId: string): CaseState {
  return {
    schemaVersion: 1, id: c.caseId, schoolId: c.schoolId, cycleId, presetId: ctx.policy.preset.id, stage: 'preparation',
    revieweeId: c.revieweeId, reviewerId: c.reviewerId, lineManagerIds: c.lineManagerIds, headteacherId: c.headteacherId, clerkId: c.clerkId,
    names: c.names, roleFamily: c.roleFamily, payEligible: c.payEligible, cycle, priorities: c.priorities,
    meetings: { planning: null, interim: null, final: null }, selfAssessments: [], objectives: [],
    agreement: { status: 'drafting', at: null, disagreement: null, note: '' }, sharedWith: [], developmentPlan: null,
    moderation: { status: 'none', history: [] },
    statements: { planning: { comments: [], signatures: [], signedOn: null }, review: { comments: [], signatures: [], signedOn: null } },
    observations: [], evidence: [], interim: null, concerns: [], supportPlan: null, supportDelivered: [], selfReview: null, assessment: null,
    pay: { riskFlag: null, recommendation: null, approval: null, referrals: [] }, reviewDraftSentOn: null,
    appeals: [], objections: [], reviewerHistory: [], transfers: [], hold: null, endedOn: null, steps: [], closedSteps: [], seq: 0, log: [],
  };
}

/** Opens the case for one reviewee in one cycle, placed by the policy (R-CYC-1..5, R-ELG-1). */
export function openCase(c: CommandOf<'case.open'>, ctx: CaseContext): Result<Decision, CaseErrorCode> {
  const roles = rolesOf(null, ctx.actor);
  if (!roles.some((r) => OPEN_ROLES.includes(r))) return refuse('CASE.NOT_ALLOWED', 'Only the headteacher can open an appraisal.');
  if (c.reviewerId === c.revieweeId) return refuse('CASE.INVALID_INPUT', 'Nobody can be their own reviewer.', { reviewerId: 'must be someone else' });
  const answer = ctx.policy.cycleFor({ start: c.start, contractEnd: c.contractEnd, status: c.status, roleFamily: c.roleFamily });
  if (!answer.eligible) return refuse('CASE.NOT_ELIGIBLE', answer.reason ?? 'This person is not in the scheme this cycle.');
  const cycle: CaseState['cycle'] = {
    start: answer.start, end: answer.end, objectiveLimit: answer.objectiveLimit, reducedObjectives: answer.reducedObjectives,
    placement: answer.placement, phases: answer.phases.map((p) => ({ name: p.name, from: p.from, to: p.to })),
  };
  const d = createDraft(freshState(c, ctx, cycle, answer.cycleStart), ctx);
  const planning = cycle.phases.find((p) => p.name === 'planning');
  d.notify(c.revieweeId, 'case.opened');
  d.notify(c.reviewerId, 'meeting.arrange');
  d.open({
    rule: 'step.planning-meeting', key: 'reviewer', owner: c.reviewerId, stepTitle: 'planning meeting date',
    due: planning && planning.to >= ctx.today ? planning.to : d.workingDaysAfter(ctx.today, STEP_DAYS.respond),
  });
  d.effects.push({ type: 'audit', action: 'case.open' });
  const event = { seq: 1, type: 'case.open', by: ctx.actor.personId, roles, at: ctx.now, from: null, to: d.s.stage } as const;
  d.s.log.push({ ...event, roles: [...roles] });
  return ok({ next: d.s, effects: d.effects, event: { ...event, roles: [...roles] } });
}
