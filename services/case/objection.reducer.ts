import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import { STEP_DAYS } from './case-draft';
import type { Draft } from './case-draft';
import { changeReviewer } from './lifecycle.reducer';

type ObjectionCommand = CommandOf<'objection.raise' | 'objection.decide' | 'objection.appeal' | 'objection.appeal-decide'>;

// Objection to the appointed reviewer (R-DL-2, R-ROLE-2): a written request to the headteacher; an appeal
// against the decision where the policy has one (test-valley: to the Clerk within ten working days);
// elsewhere the headteacher's decision is final (spt). Upholding it changes the reviewer, never the cycle.

/** The objection to the reviewer. */
export function reduceObjection(d: Draft, c: ObjectionCommand): CaseFailure | undefined {
  const { s, ctx } = d;
  const current = s.objections.find((o) => o.status !== 'final') ?? null;
  switch (c.type) {
    case 'objection.raise': {
      if (current) return refuse('CASE.NOTHING_TO_DO', 'Your objection is already with the headteacher.');
      const id = d.nextId('objection');
      s.objections.push({ id, reasons: c.reasons, raisedOn: ctx.today, status: 'raised', upheld: null, appealDue: null, history: [{ step: 'raised', text: c.reasons, ...d.stamp() }] });
      d.notify(s.headteacherId, 'objection.raised');
      d.open({ rule: 'step.objection-decision', key: id, owner: s.headteacherId, stepTitle: 'decision on the objection to a reviewer', due: d.workingDaysAfter(ctx.today, STEP_DAYS.objectionDecision) });
      return undefined;
    }
    case 'objection.decide':
    case 'objection.appeal-decide': {
      const at = c.type === 'objection.decide' ? 'raised' : 'appealed';
      if (!current || current.status !== at) return refuse('CASE.STEP_NOT_READY', at === 'raised' ? 'There is no objection waiting for a decision.' : 'There is no appeal about the reviewer waiting for a decision.');
      if (c.upheld && c.newReviewerId === null) return refuse('CASE.INVALID_INPUT', 'Please choose the new reviewer.', { newReviewerId: 'needed when the objection is upheld' });
      if (c.upheld && c.newReviewerId !== null) {
        const failed = changeReviewer(d, c.newReviewerId, c.newReviewerName, 'objection');
        if (failed) return failed;
      }
      current.upheld = c.upheld;
      current.history.push({ step: c.type === 'objection.decide' ? 'decided' : 'appeal-decided', text: c.reasons, ...d.stamp() });
      d.close(c.type === 'objection.decide' ? 'step.objection-decision' : 'step.objection-appeal', current.id);
      d.notify(s.revieweeId, 'objection.decided');
      const appealDue = c.type === 'objection.decide' && !c.upheld ? d.deadline('reviewer-objection.appeal', ctx.today) : null;
      current.status = appealDue === null ? 'final' : 'decided';
      current.appealDue = appealDue;
      if (appealDue !== null) d.open({ rule: 'reviewer-objection.appeal', key: current.id, owner: s.revieweeId, stepTitle: 'appeal about your reviewer', due: appealDue });
      return undefined;
    }
    case 'objection.appeal': {
      if (!ctx.policy.hasRule('reviewer-objection.appeal')) return refuse('CASE.NOT_APPLICABLE', 'Under your school’s policy the headteacher’s decision on the reviewer is final.');
      if (!current || current.status !== 'decided' || current.appealDue === null) return refuse('CASE.STEP_NOT_READY', 'There is no decision about your reviewer to appeal.');
      if (ctx.today > current.appealDue) return refuse('CASE.DEADLINE_PASSED', `The time to appeal ended on ${dateInWords(current.appealDue)}.`);
      current.status = 'appealed';
      current.history.push({ step: 'appealed', text: c.grounds, ...d.stamp() });
      d.close('reviewer-objection.appeal', current.id);
      const clerk = s.clerkId ?? s.headteacherId;
      d.notify(clerk, 'objection.appealed');
      d.open({ rule: 'step.objection-appeal', key: current.id, owner: clerk, stepTitle: 'appeal about a reviewer', due: d.workingDaysAfter(ctx.today, STEP_DAYS.objectionDecision) });
      return undefined;
    }
    default:
      return assertNever(c);
  }
}
