import type { DeadlineRuleId } from '../policy';
import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { Draft, StepClosing } from './case-draft';
import type { AppealRecord } from './case-records.schema';

type AppealCommand = CommandOf<
  | 'appeal.raise' | 'appeal.informal-outcome' | 'appeal.written' | 'appeal.reviewer-outcome' | 'appeal.head-outcome'
  | 'appeal.to-clerk' | 'appeal.hearing-scheduled' | 'appeal.panel-decision' | 'appeal.withdraw'
>;

// The appeal ladder (R-DL-1): informal discussion with the reviewer, written grounds, the reviewer's written
// outcome, the headteacher's hearing (unless the head is the reviewer), the Clerk, the governors' panel.
// Each step's deadline comes from the policy; each outcome is recorded in writing.

/** The step a command acts on. */
const STEP_OF: Partial<Record<AppealCommand['type'], AppealRecord['step']>> = {
  'appeal.informal-outcome': 'informal',
  'appeal.written': 'written',
  'appeal.reviewer-outcome': 'reviewer-meeting',
  'appeal.head-outcome': 'head-hearing',
  'appeal.to-clerk': 'clerk',
  'appeal.hearing-scheduled': 'panel-hearing',
  'appeal.panel-decision': 'panel-decision',
};

/** The appeal under way, if any. */
export const currentAppeal = (appeals: readonly AppealRecord[]): AppealRecord | null => appeals.find((a) => a.result === null) ?? null;

/** The appeal ladder's steps. */
export function reduceAppeal(d: Draft, c: AppealCommand): CaseFailure | undefined {
  if (c.type === 'appeal.raise') return raise(d, c);
  const a = currentAppeal(d.s.appeals);
  if (!a) return refuse('CASE.STEP_NOT_READY', 'There is no appeal under way.');
  const expected = STEP_OF[c.type];
  if (expected && a.step !== expected) return refuse('CASE.STEP_NOT_READY', 'The appeal is at a different step.');
  const { s, ctx } = d;
  const note = (text: string) => a.history.push({ step: a.step, text, ...d.stamp() });
  switch (c.type) {
    case 'appeal.informal-outcome':
    case 'appeal.reviewer-outcome':
    case 'appeal.head-outcome':
      note(c.outcome);
      if (c.resolved) return finish(d, a, 'resolved');
      if (c.type === 'appeal.informal-outcome') return moveTo(d, a, 'written', 'appeal.written', s.revieweeId, 'written grounds of appeal');
      // The headteacher hears it unless the head is the reviewer; then the next step is the Clerk.
      if (c.type === 'appeal.reviewer-outcome' && s.headteacherId !== null && s.headteacherId !== s.reviewerId) {
        return moveTo(d, a, 'head-hearing', 'appeal.headteacher-outcome', s.headteacherId, 'headteacher’s appeal hearing and written outcome');
      }
      return moveTo(d, a, 'clerk', 'appeal.to-clerk', s.revieweeId, 'appeal to the Clerk to the Governors');
    case 'appeal.written':
    case 'appeal.to-clerk': {
      if (a.due !== null && ctx.today > a.due) return refuse('CASE.DEADLINE_PASSED', `The time for this step ended on ${dateInWords(a.due)}.`);
      note(c.grounds);
      if (c.type === 'appeal.written') {
        d.notify(s.headteacherId, 'appeal.written');
        return moveTo(d, a, 'reviewer-meeting', 'appeal.reviewer-confirm', s.reviewerId, 'appeal meeting and written outcome');
      }
      return moveTo(d, a, 'panel-hearing', 'appeal.panel-hearing', s.clerkId ?? s.headteacherId, 'appeal panel hearing');
    }
    case 'appeal.hearing-scheduled': {
      if (c.hearingOn < ctx.today) return refuse('CASE.INVALID_INPUT', 'The hearing date has already passed.', { hearingOn: 'must be today or later' });
      a.hearingOn = c.hearingOn;
      note(`hearing on ${c.hearingOn}`);
      d.notify(s.revieweeId, 'appeal.hearing-scheduled', c.hearingOn);
      d.notify(s.reviewerId, 'appeal.hearing-scheduled', c.hearingOn);
      return moveTo(d, a, 'panel-decision', 'appeal.panel-decision', s.clerkId ?? s.headteacherId, 'appeal panel’s written decision', c.hearingOn);
    }
    case 'appeal.panel-decision':
      note(c.outcome);
      return finish(d, a, c.upheld ? 'upheld' : 'dismissed');
    case 'appeal.withdraw':
      note(c.note || 'withdrawn');
      return finish(d, a, 'withdrawn');
    default:
      return assertNever(c);
  }
}

function raise(d: Draft, c: CommandOf<'appeal.raise'>): CaseFailure | undefined {
  const { s, ctx } = d;
  const fits = (c.statement === 'review' && s.stage === 'appeal-window') || (c.statement === 'planning' && s.stage === 'in-cycle');
  const received = s.statements[c.statement].signedOn;
  if (!fits || received === null) return refuse('CASE.STEP_NOT_READY', `Concerns about the ${c.statement} statement can be raised once it is signed.`);
  const window = d.deadline('appeal.informal', received);
  if (window !== null && ctx.today > window) return refuse('CASE.DEADLINE_PASSED', `The time to raise concerns about this statement ended on ${dateInWords(window)}.`);
  const a: AppealRecord = {
    id: d.nextId('appeal'), statement: c.statement, grounds: c.grounds, raisedOn: ctx.today, step: 'informal', due: window,
    returnTo: c.statement === 'review' ? 'closed' : 'in-cycle', hearingOn: null, result: null, history: [],
  };
  s.appeals.push(a);
  s.stage = 'appeal';
  d.close('appeal.informal', 'window');
  d.notify(s.reviewerId, 'appeal.raised', window ?? undefined);
  d.notify(s.headteacherId, 'appeal.raised');
  if (window !== null) d.open({ rule: 'appeal.informal', key: a.id, owner: s.reviewerId, stepTitle: 'informal discussion of the appeal', due: window });
  return undefined;
}

function moveTo(d: Draft, a: AppealRecord, step: AppealRecord['step'], rule: DeadlineRuleId, owner: string | null, stepTitle: string, from = d.ctx.today): undefined {
  closeSteps(d, a, 'done');
  a.step = step;
  a.due = d.deadline(rule, from);
  d.notify(owner, `appeal.${step}`, a.due ?? undefined);
  if (a.due !== null) d.open({ rule, key: a.id, owner, stepTitle, due: a.due });
  return undefined;
}

/** Closes the appeal's open step: done when its outcome is recorded, set aside when the appeal is withdrawn (R-RPT-1). */
function closeSteps(d: Draft, a: AppealRecord, how: StepClosing): void {
  for (const st of d.s.steps.filter((x) => x.key === a.id)) d.close(st.rule, st.key, how);
}

function finish(d: Draft, a: AppealRecord, result: NonNullable<AppealRecord['result']>): undefined {
  const { s, ctx } = d;
  closeSteps(d, a, result === 'withdrawn' ? 'set-aside' : 'done');
  a.step = 'finished';
  a.due = null;
  a.result = result;
  s.stage = a.returnTo;
  if (s.stage === 'closed') {
    s.endedOn = ctx.today;
    d.closeAll();
  }
  d.notify(s.revieweeId, 'appeal.decided');
  d.notify(s.reviewerId, 'appeal.decided');
  d.notify(s.headteacherId, 'appeal.decided');
  return undefined;
}
