import { assertNever, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { reduceAgreement } from './agreement.reducer';
import { reduceAppeal } from './appeal.reducer';
import { isCommandOf } from './case-commands.schema';
import type { CaseCommand } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseContext, CaseErrorCode, CaseFailure, Decision } from './case-decision';
import { createDraft } from './case-draft';
import type { Draft } from './case-draft';
import { openCase } from './case-open.reducer';
import { checkPermission } from './case-permissions.table';
import { rolesOf } from './case-roles';
import type { CaseEvent, CaseState } from './case-state.schema';
import { voidStaleSignatures } from './case-statements';
import { reduceFinal } from './final-pay.reducer';
import { reduceInCycle } from './in-cycle.reducer';
import { reduceLifecycle } from './lifecycle.reducer';
import { reduceMeetings } from './meetings.reducer';
import { reduceObjection } from './objection.reducer';
import { reduceObjectives } from './objectives.reducer';
import { openSigning, reduceStatements, SIGNABLE } from './statements.reducer';
import { reduceSupport } from './support.reducer';

const MEETINGS = ['meeting.schedule', 'self-assessment.submit', 'self-assessment.review'] as const;
const OBJECTIVES = ['objective.add', 'objective.update', 'objective.remove', 'objective.revise', 'objectives.use-group', 'objectives.carry-forward', 'objectives.share', 'development-plan.set'] as const;
const AGREEMENT = ['objectives.propose', 'objectives.agree', 'objectives.disagree', 'objectives.determine', 'planning.submit', 'moderation.approve', 'moderation.refer-back'] as const;
const STATEMENTS = ['statement.comment', 'statement.sign', 'review.send-draft', 'review.finalise'] as const;
const IN_CYCLE = ['observation.plan', 'observation.record', 'observation.feedback', 'evidence.add', 'interim.record', 'concern.raise'] as const;
const SUPPORT = ['support-plan.set', 'support-plan.review', 'support.delivered'] as const;
const FINAL = ['final.self-review', 'final.assess', 'pay.flag-risk', 'pay.recommend', 'pay.approve', 'pay.refer-back'] as const;
const APPEAL = ['appeal.raise', 'appeal.informal-outcome', 'appeal.written', 'appeal.reviewer-outcome', 'appeal.head-outcome', 'appeal.to-clerk', 'appeal.hearing-scheduled', 'appeal.panel-decision', 'appeal.withdraw'] as const;
const OBJECTION = ['objection.raise', 'objection.decide', 'objection.appeal', 'objection.appeal-decide'] as const;
const LIFECYCLE = ['reviewer.change', 'case.transfer', 'case.suspend', 'case.resume', 'case.pause', 'case.unpause', 'case.withdraw', 'case.close'] as const;

function reduce(d: Draft, c: Exclude<CaseCommand, { type: 'case.open' }>): CaseFailure | undefined {
  if (isCommandOf(MEETINGS, c)) return reduceMeetings(d, c);
  if (isCommandOf(OBJECTIVES, c)) return reduceObjectives(d, c);
  if (isCommandOf(AGREEMENT, c)) return reduceAgreement(d, c);
  if (isCommandOf(STATEMENTS, c)) return reduceStatements(d, c);
  if (isCommandOf(IN_CYCLE, c)) return reduceInCycle(d, c);
  if (isCommandOf(SUPPORT, c)) return reduceSupport(d, c);
  if (isCommandOf(FINAL, c)) return reduceFinal(d, c);
  if (isCommandOf(APPEAL, c)) return reduceAppeal(d, c);
  if (isCommandOf(OBJECTION, c)) return reduceObjection(d, c);
  if (isCommandOf(LIFECYCLE, c)) return reduceLifecycle(d, c);
  return assertNever(c);
}

/**
 * Decides one command: the next state, the effects to carry out and the event for the log, or a coded
 * refusal that changes nothing. Pure: no clock, no I/O; the caller's state is never mutated.
 */
export function decide(state: CaseState | null, command: CaseCommand, ctx: CaseContext): Result<Decision, CaseErrorCode> {
  if (command.type === 'case.open') return state ? refuse('CASE.ALREADY_OPEN', 'This appraisal is already open.') : openCase(command, ctx);
  if (state === null) return refuse('CASE.NOT_FOUND', 'There is no appraisal here. It may have been closed or moved.');
  const gate = checkPermission(state, state.stage, command.type, ctx.actor);
  if (gate) return gate;
  const d = createDraft(state, ctx);
  const refused = reduce(d, command);
  if (refused) return refused;
  // R-STM-2: a change to what a statement says voids older signatures and, while it can be signed, asks again.
  for (const { kind, signature } of voidStaleSignatures(d.s, ctx.now)) {
    if (!SIGNABLE[kind].includes(d.s.stage)) continue;
    d.notify(signature.by, 'statement.changed');
    openSigning(d, kind, [signature.role]);
  }
  const event: CaseEvent = {
    seq: d.s.log.length + 1, type: command.type, by: ctx.actor.personId, roles: rolesOf(state, ctx.actor), at: ctx.now, from: state.stage, to: d.s.stage,
  };
  d.s.log.push(event);
  d.effects.push({ type: 'audit', action: command.type });
  return ok({ next: d.s, effects: d.effects, event });
}
