import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import { STEP_DAYS } from './case-draft';
import type { Draft } from './case-draft';

type LifecycleCommand = CommandOf<
  'reviewer.change' | 'case.transfer' | 'case.suspend' | 'case.resume' | 'case.pause' | 'case.unpause' | 'case.withdraw' | 'case.close'
>;

/** A new reviewer takes over; the cycle carries on and their open steps move with them (R-ROLE-2, R-CYC-5). */
export function changeReviewer(d: Draft, to: string, name: string, reason: string): CaseFailure | undefined {
  const { s } = d;
  if (to === s.revieweeId) return refuse('CASE.INVALID_INPUT', 'Nobody can be their own reviewer.', { newReviewerId: 'must be someone else' });
  if (to === s.reviewerId) return refuse('CASE.NOTHING_TO_DO', 'That person is already the reviewer.');
  const from = s.reviewerId;
  s.reviewerHistory.push({ from, to, reason, ...d.stamp() });
  s.reviewerId = to;
  if (name) s.names[to] = name;
  for (const st of s.steps.filter((x) => from !== null && x.owner === from)) d.open({ ...st, owner: to });
  d.notify(to, 'reviewer.assigned');
  d.notify(from, 'reviewer.removed');
  d.notify(s.revieweeId, 'reviewer.changed');
  return undefined;
}

/** Changes of reviewer or post, holds and endings. */
export function reduceLifecycle(d: Draft, c: LifecycleCommand): CaseFailure | undefined {
  const { s, ctx } = d;
  switch (c.type) {
    case 'reviewer.change':
      return changeReviewer(d, c.newReviewerId, c.newReviewerName, c.reason);
    case 'case.transfer':
      return transfer(d, c);
    case 'case.suspend':
    case 'case.pause': {
      // R-ELG-1, R-CON-1: formal capability suspends performance management; a protected absence pauses it.
      s.hold = { from: s.stage, reason: c.reason, note: c.note, since: ctx.today, steps: d.closeAll() };
      s.stage = c.type === 'case.suspend' ? 'suspended' : 'paused';
      d.notify(s.revieweeId, `case.${s.stage}`);
      d.notify(s.reviewerId, `case.${s.stage}`);
      return undefined;
    }
    case 'case.resume':
    case 'case.unpause': {
      const hold = s.hold;
      if (!hold) return refuse('CASE.STEP_NOT_READY', 'This appraisal is not on hold.');
      s.stage = hold.from;
      s.hold = null;
      const soonest = d.workingDaysAfter(ctx.today, STEP_DAYS.respond);
      for (const st of hold.steps) d.open({ ...st, due: st.due < soonest ? soonest : st.due });
      d.notify(s.revieweeId, 'case.resumed');
      d.notify(s.reviewerId, 'case.resumed');
      return undefined;
    }
    case 'case.withdraw':
      end(d, 'withdrawn');
      d.notify(s.reviewerId, 'case.withdrawn');
      return undefined;
    case 'case.close': {
      const received = s.statements.review.signedOn;
      const window = s.stage === 'appeal-window' && received !== null ? d.deadline('appeal.informal', received) : null;
      if (window !== null && ctx.today <= window) return refuse('CASE.STEP_NOT_READY', `The time to raise concerns runs until ${dateInWords(window)}: the appraisal closes after that.`);
      end(d, 'closed');
      d.notify(s.revieweeId, 'case.closed');
      return undefined;
    }
    default:
      return assertNever(c);
  }
}

function end(d: Draft, stage: 'closed' | 'withdrawn'): void {
  d.closeAll();
  d.s.stage = stage;
  d.s.hold = null;
  d.s.endedOn = d.ctx.today;
}

/** R-CYC-5: the headteacher decides whether a transfer restarts the cycle and whether the reviewer changes. */
function transfer(d: Draft, c: CommandOf<'case.transfer'>): CaseFailure | undefined {
  const { s, ctx } = d;
  if (c.newReviewerId !== null && c.newReviewerId !== s.reviewerId) {
    const failed = changeReviewer(d, c.newReviewerId, c.newReviewerName, 'transfer');
    if (failed) return failed;
  }
  if (c.newLineManagerIds !== null) s.lineManagerIds = c.newLineManagerIds.filter((id) => id !== s.revieweeId);
  s.transfers.push({ newPost: c.newPost, restart: c.restart, ...d.stamp() });
  if (!c.restart) return undefined;
  const answer = ctx.policy.cycleFor({ start: ctx.today, roleFamily: s.roleFamily, contractEnd: null });
  if (!answer.eligible) return refuse('CASE.NOT_ELIGIBLE', answer.reason ?? 'The new post is not in the scheme.');
  d.closeAll();
  for (const o of s.objectives.filter((x) => x.status === 'active')) {
    o.status = 'removed';
    const last = o.versions[o.versions.length - 1];
    if (last) o.versions.push({ ...last, version: last.version + 1, reason: `removed: transfer to ${c.newPost}`, ...d.stamp() });
  }
  s.cycle = {
    start: answer.start, end: answer.end, objectiveLimit: answer.objectiveLimit, reducedObjectives: answer.reducedObjectives,
    placement: answer.placement, phases: answer.phases.map((p) => ({ name: p.name, from: p.from, to: p.to })),
  };
  // A restart keeps everything recorded so far; only what belongs to the new cycle's steps starts again.
  s.stage = 'preparation';
  s.meetings = { planning: null, interim: null, final: null };
  s.interim = null;
  s.assessment = null;
  s.selfReview = null;
  s.developmentPlan = null;
  s.agreement = { status: 'drafting', at: ctx.now, disagreement: null, note: '' };
  s.moderation = { status: 'none', history: s.moderation.history };
  s.pay = { riskFlag: null, recommendation: null, approval: null, referrals: s.pay.referrals };
  s.reviewDraftSentOn = null;
  s.statements.planning.signedOn = null;
  s.statements.review.signedOn = null;
  const planning = s.cycle.phases.find((p) => p.name === 'planning');
  d.open({ rule: 'step.planning-meeting', key: 'reviewer', owner: s.reviewerId, stepTitle: 'planning meeting date', due: planning && planning.to >= ctx.today ? planning.to : d.workingDaysAfter(ctx.today, STEP_DAYS.respond) });
  d.notify(s.revieweeId, 'case.restarted');
  return undefined;
}
