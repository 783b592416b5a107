import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import { STEP_DAYS } from './case-draft';
import type { Draft } from './case-draft';
import { activeObjectives, latest } from './case-statements';
import { payApplies, sendReviewDraft } from './statements.reducer';

type FinalCommand = CommandOf<'final.self-review' | 'final.assess' | 'pay.flag-risk' | 'pay.recommend' | 'pay.approve' | 'pay.refer-back'>;

const NO_PAY = 'Pay progression isn’t part of this appraisal.';

/** The final review (R-FIN-1, R-FIN-2) and the pay recommendation with the headteacher's approval (R-PAY-1). */
export function reduceFinal(d: Draft, c: FinalCommand): CaseFailure | undefined {
  const { s, ctx } = d;
  switch (c.type) {
    case 'final.self-review':
      s.selfReview = { overview: c.overview, comments: c.comments, ...d.stamp() };
      d.notify(s.reviewerId, 'final.self-review');
      return undefined;
    case 'final.assess':
      return assess(d, c);
    case 'pay.flag-risk': {
      if (!payApplies(d)) return refuse('CASE.NOT_APPLICABLE', NO_PAY);
      const meeting = s.meetings.final?.date ?? null;
      // R-PAY-1: the risk is raised with the headteacher before the final meeting, not at it.
      if (meeting !== null && ctx.today >= meeting) return refuse('CASE.DEADLINE_PASSED', `A pay risk has to be flagged before the final meeting on ${dateInWords(meeting)}.`);
      s.pay.riskFlag = { reason: c.reason, on: ctx.today, ...d.stamp() };
      d.notify(s.headteacherId, 'pay.risk-flagged');
      return undefined;
    }
    case 'pay.recommend': {
      if (!payApplies(d)) return refuse('CASE.NOT_APPLICABLE', NO_PAY);
      if (s.assessment === null) return refuse('CASE.STEP_NOT_READY', 'Please record the final assessment first.');
      const meeting = s.meetings.final?.date ?? null;
      const flagged = s.pay.riskFlag !== null && (meeting === null || s.pay.riskFlag.on < meeting);
      if (c.recommendation === 'withhold' && !flagged) {
        return refuse('CASE.PAY_RISK_NOT_FLAGGED', 'Pay progression can be withheld only when the risk was flagged to the headteacher before the final meeting.');
      }
      s.pay.recommendation = { recommendation: c.recommendation, rationale: c.rationale, ...d.stamp() };
      s.pay.approval = null;
      s.stage = 'pay-approval';
      d.notify(s.headteacherId, 'pay.approval-requested');
      d.open({ rule: 'step.pay-approval', key: 'head', owner: s.headteacherId, stepTitle: 'pay recommendation approval', due: d.workingDaysAfter(ctx.today, STEP_DAYS.payApproval) });
      return undefined;
    }
    case 'pay.approve':
      // R-PAY-1: approved before the reviewee sees it, and only then does the statement go out.
      if (s.pay.recommendation === null) return refuse('CASE.STEP_NOT_READY', 'There is no recommendation to approve.');
      s.pay.approval = { note: c.note, ...d.stamp() };
      d.close('step.pay-approval');
      d.notify(s.reviewerId, 'pay.approved');
      sendReviewDraft(d);
      return undefined;
    case 'pay.refer-back': {
      const rec = s.pay.recommendation;
      if (rec === null) return refuse('CASE.STEP_NOT_READY', 'There is no recommendation to send back.');
      s.pay.referrals.push({ reason: c.reason, recommendation: rec.recommendation, ...d.stamp() });
      s.pay.recommendation = null;
      s.stage = 'final-review';
      d.close('step.pay-approval');
      d.notify(s.reviewerId, 'pay.referred-back');
      return undefined;
    }
    default:
      return assertNever(c);
  }
}

function assess(d: Draft, c: CommandOf<'final.assess'>): CaseFailure | undefined {
  const { s, ctx } = d;
  const active = activeObjectives(s);
  const scale = ctx.policy.finalRatingScale;
  const fields: Record<string, string> = {};
  c.objectives.forEach((a, i) => {
    if (!active.some((o) => o.id === a.objectiveId)) fields[`objectives.${i}.objectiveId`] = 'no such objective';
    if (!scale.some((l) => l.id === a.rating)) fields[`objectives.${i}.rating`] = `must be one of ${scale.map((l) => l.id).join(', ')}`;
  });
  if (Object.keys(fields).length > 0) return refuse('CASE.INVALID_INPUT', `Please rate each objective on the scale: ${scale.map((l) => l.label).join(', ')}.`, fields);
  const missing = active.filter((o) => !c.objectives.some((a) => a.objectiveId === o.id));
  const twice = active.filter((o) => c.objectives.filter((a) => a.objectiveId === o.id).length > 1);
  if (missing.length + twice.length > 0) {
    const names = [...missing, ...twice].map((o) => `“${latest(o).headline}”`).join(', ');
    return refuse('CASE.INVALID_INPUT', `Please assess each objective once: ${names}.`, { objectives: 'needs each objective once' });
  }
  const { type: _t, ...assessment } = c;
  s.assessment = { ...assessment, ...d.stamp() };
  // A self-assessment still asked for when the assessment is recorded was never sent: set aside, not done.
  d.close('step.self-assessment', 'final', 'set-aside');
  return undefined;
}
