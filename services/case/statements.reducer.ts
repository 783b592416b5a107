import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import { STEP_DAYS } from './case-draft';
import type { Draft } from './case-draft';
import type { Stage } from './case-stages';
import { isFullySigned, renderStatement } from './case-statements';
import type { StatementKind } from './input-fields.schema';

type StatementCommand = CommandOf<'statement.comment' | 'statement.sign' | 'review.send-draft' | 'review.finalise'>;

/** The stages each statement may be signed in. */
export const SIGNABLE: Readonly<Record<StatementKind, readonly Stage[]>> = { planning: ['planning-signatures', 'in-cycle', 'interim'], review: ['review-signatures'] };
const COMMENTABLE: Record<StatementKind, Stage[]> = { planning: ['planning-signatures', 'interim'], review: ['review-draft', 'review-signatures'] };

/** Comments, signatures and the review statement's draft (R-STM-1, R-STM-2). */
export function reduceStatements(d: Draft, c: StatementCommand): CaseFailure | undefined {
  const { s } = d;
  switch (c.type) {
    case 'statement.comment':
      if (!COMMENTABLE[c.statement].includes(s.stage)) return refuse('CASE.STEP_NOT_READY', `The ${c.statement} statement isn’t open for comments now.`);
      s.statements[c.statement].comments.push({ text: c.text, ...d.stamp() });
      d.notify(s.reviewerId, 'statement.commented');
      return undefined;
    case 'statement.sign':
      return sign(d, c);
    case 'review.send-draft':
      if (s.assessment === null) return refuse('CASE.STEP_NOT_READY', 'Please record the final assessment first.');
      if (payApplies(d)) return refuse('CASE.STEP_NOT_READY', 'Please make the pay recommendation first: the headteacher approves it before the statement goes out.');
      sendReviewDraft(d);
      return undefined;
    case 'review.finalise':
      // The time for comments ends here; it was used only if the reviewee commented.
      d.close('step.draft-comments', undefined, s.statements.review.comments.some((x) => x.by === s.revieweeId) ? 'done' : 'set-aside');
      s.stage = 'review-signatures';
      openSigning(d, 'review');
      return undefined;
    default:
      return assertNever(c);
  }
}

/** Whether pay progression is part of this appraisal (R-PAY-1). */
export const payApplies = (d: Draft): boolean => d.ctx.policy.payProgression && d.s.payEligible;

/** Asks both to sign: notifies them and opens a signing step each. */
export function openSigning(d: Draft, kind: StatementKind, roles: readonly ('reviewee' | 'reviewer')[] = ['reviewee', 'reviewer']): void {
  const due = d.workingDaysAfter(d.ctx.today, STEP_DAYS.sign);
  for (const role of roles) {
    const who = role === 'reviewee' ? d.s.revieweeId : d.s.reviewerId;
    d.notify(who, 'statement.ready-to-sign', due);
    d.open({ rule: `step.sign-${kind}`, key: role, owner: who, stepTitle: `signing the ${kind} statement`, due });
  }
}

/** Sends the review statement: as a draft for comments where the policy says so, else straight to signing (R-STM-1). */
export function sendReviewDraft(d: Draft): void {
  const { s, ctx } = d;
  const issue = d.deadline('statement.issue', ctx.today);
  if (issue) d.open({ rule: 'statement.issue', key: 'reviewer', owner: s.reviewerId, stepTitle: 'review statement', due: issue });
  if (ctx.policy.draftStatementForComment) {
    s.stage = 'review-draft';
    s.reviewDraftSentOn = ctx.today;
    const due = d.workingDaysAfter(ctx.today, STEP_DAYS.comments);
    d.notify(s.revieweeId, 'review.draft-ready', due);
    d.open({ rule: 'step.draft-comments', key: 'reviewee', owner: s.revieweeId, stepTitle: 'comments on your draft review statement', due });
    return;
  }
  s.stage = 'review-signatures';
  openSigning(d, 'review');
}

function sign(d: Draft, c: CommandOf<'statement.sign'>): CaseFailure | undefined {
  const { s, ctx } = d;
  if (!SIGNABLE[c.statement].includes(s.stage)) return refuse('CASE.STEP_NOT_READY', `The ${c.statement} statement isn’t ready to sign now.`);
  const { hash } = renderStatement(s, c.statement);
  if (c.hash !== hash) return refuse('CASE.SIGNATURE_STALE', 'The statement has changed since you opened it. Please read the new version and sign again.');
  const role = ctx.actor.personId === s.revieweeId ? 'reviewee' : 'reviewer';
  const record = s.statements[c.statement];
  if (record.signatures.some((g) => g.voidedAt === null && g.role === role && g.hash === hash)) return refuse('CASE.NOTHING_TO_DO', 'You have already signed this statement.');
  if (isFullySigned(s, c.statement)) return refuse('CASE.NOTHING_TO_DO', 'This statement is already signed by both of you.');
  record.signatures.push({ by: ctx.actor.personId, role, at: ctx.now, hash, voidedAt: null });
  d.close(`step.sign-${c.statement}`, role);
  if (!isFullySigned(s, c.statement)) return undefined;
  record.signedOn = ctx.today;
  d.notify(s.revieweeId, 'statement.signed');
  d.notify(s.reviewerId, 'statement.signed');
  if (c.statement === 'planning' && s.stage === 'planning-signatures') {
    s.stage = 'in-cycle';
    const interim = s.cycle.phases.find((p) => p.name === 'interim');
    const due = interim && interim.to > ctx.today ? interim.to : d.workingDaysAfter(ctx.today, STEP_DAYS.respond);
    d.open({ rule: 'step.interim-meeting', key: 'reviewer', owner: s.reviewerId, stepTitle: 'interim review meeting date', due });
  }
  if (c.statement === 'review') {
    s.stage = 'appeal-window';
    d.close('statement.issue');
    // R-DL-1: concerns are raised with the reviewer within the policy's days of receiving the statement.
    const window = d.deadline('appeal.informal', ctx.today);
    if (window) d.open({ rule: 'appeal.informal', key: 'window', owner: s.revieweeId, stepTitle: 'time to raise concerns about your review statement', due: window });
  }
  return undefined;
}
