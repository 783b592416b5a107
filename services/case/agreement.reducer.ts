import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import { STEP_DAYS } from './case-draft';
import type { Draft } from './case-draft';
import { countedObjectives } from './objectives.reducer';
import { openSigning } from './statements.reducer';

type AgreementCommand = CommandOf<
  'objectives.propose' | 'objectives.agree' | 'objectives.disagree' | 'objectives.determine' | 'planning.submit' | 'moderation.approve' | 'moderation.refer-back'
>;

/** Agreeing the objectives (R-OBJ-4) and the headteacher's moderation of the planning statement (R-MOD-1). */
export function reduceAgreement(d: Draft, c: AgreementCommand): CaseFailure | undefined {
  const { s } = d;
  const status = s.agreement.status;
  switch (c.type) {
    case 'objectives.propose': {
      if (!s.objectives.some((o) => o.status === 'active')) return refuse('CASE.STEP_NOT_READY', 'Please add at least one objective first.');
      if (status === 'proposed') return refuse('CASE.NOTHING_TO_DO', 'These objectives are already with your reviewee.');
      if (status === 'agreed' || status === 'determined') return refuse('CASE.NOTHING_TO_DO', 'The objectives are already settled.');
      if (countedObjectives(d).length > s.cycle.objectiveLimit) return refuse('CASE.OBJECTIVE_LIMIT', `This cycle has at most ${s.cycle.objectiveLimit} objectives. Please remove one first.`);
      s.agreement = { ...s.agreement, status: 'proposed', at: d.ctx.now };
      d.notify(s.revieweeId, 'objectives.proposed');
      d.open({ rule: 'step.objectives-response', key: 'reviewee', owner: s.revieweeId, stepTitle: 'reply on your objectives', due: d.workingDaysAfter(d.ctx.today, STEP_DAYS.respond) });
      return undefined;
    }
    case 'objectives.agree':
    case 'objectives.disagree': {
      if (status !== 'proposed') return refuse('CASE.STEP_NOT_READY', 'There are no proposed objectives to reply to yet.');
      const agreed = c.type === 'objectives.agree';
      s.agreement = agreed
        ? { ...s.agreement, status: 'agreed', at: d.ctx.now, disagreement: null }
        : { ...s.agreement, status: 'disagreed', at: d.ctx.now, disagreement: { reason: c.reason, at: d.ctx.now } };
      d.close('step.objectives-response');
      d.notify(s.reviewerId, agreed ? 'objectives.agreed' : 'objectives.disagreed');
      return undefined;
    }
    case 'objectives.determine':
      // R-OBJ-4: only after a recorded disagreement; the record shows "determined", not "agreed".
      if (status !== 'disagreed') return refuse('CASE.STEP_NOT_READY', 'Objectives can be determined only after your reviewee has said they disagree.');
      s.agreement = { ...s.agreement, status: 'determined', at: d.ctx.now, note: c.note };
      d.notify(s.revieweeId, 'objectives.determined');
      return undefined;
    case 'planning.submit':
      if (status !== 'agreed' && status !== 'determined') return refuse('CASE.STEP_NOT_READY', 'The objectives need to be agreed (or determined) first.');
      if (countedObjectives(d).length > s.cycle.objectiveLimit) return refuse('CASE.OBJECTIVE_LIMIT', `This cycle has at most ${s.cycle.objectiveLimit} objectives. Please remove one first.`);
      s.stage = 'planning-moderation';
      s.moderation.status = 'requested';
      d.notify(s.headteacherId, 'moderation.requested');
      d.open({ rule: 'step.moderation', key: 'head', owner: s.headteacherId, stepTitle: 'planning statement check', due: d.workingDaysAfter(d.ctx.today, STEP_DAYS.moderation) });
      return undefined;
    case 'moderation.approve':
      s.moderation = { status: 'approved', history: [...s.moderation.history, { outcome: 'approved', note: c.note, ...d.stamp() }] };
      d.close('step.moderation');
      s.stage = 'planning-signatures';
      openSigning(d, 'planning');
      return undefined;
    case 'moderation.refer-back':
      // R-MOD-1: back to the reviewer to redo; the objectives must be agreed again.
      s.moderation = { status: 'referred-back', history: [...s.moderation.history, { outcome: 'referred-back', note: c.reason, ...d.stamp() }] };
      d.close('step.moderation');
      s.stage = 'planning';
      s.agreement = { ...s.agreement, status: 'drafting', at: d.ctx.now };
      d.notify(s.reviewerId, 'moderation.referred-back');
      return undefined;
    default:
      return assertNever(c);
  }
}
