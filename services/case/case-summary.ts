import type { SchoolPolicy } from '../policy';
import { assertNever } from '../shared/result';
import type { CivilDate } from '../shared/time';
import { currentAppeal } from './appeal.reducer';
import { COMMAND_TYPES } from './case-commands.schema';
import type { CommandType } from './case-commands.schema';
import { mayIssue } from './case-permissions.table';
import { rolesOf } from './case-roles';
import type { CaseRole } from './case-roles';
import { MAIN_LINE, STAGE_LABELS } from './case-stages';
import type { Stage } from './case-stages';
import type { AppealRecord } from './case-records.schema';
import type { CaseState } from './case-state.schema';
import { isFullySigned, validSignatures } from './case-statements';
import { isReady } from './command-readiness';

/** What a "my appraisal" card shows one person. */
export interface CaseSummary {
  stage: Stage;
  stageLabel: string;
  progress: { step: number; of: number };
  next: { who: CaseRole; action: string; due?: CivilDate } | null;
  myActions: CommandType[];
}

type Next = { who: CaseRole; mine: string; theirs: string; rule?: string } | null;

function nextStep(s: CaseState, policy: SchoolPolicy): Next {
  const ee = s.names[s.revieweeId] ?? 'your reviewee';
  const er = s.reviewerId ? (s.names[s.reviewerId] ?? 'your reviewer') : 'your reviewer';
  const by = (who: CaseRole, mine: string, theirs: string, rule?: string): Next => ({ who, mine, theirs, rule });
  const signing = (kind: 'planning' | 'review'): Next => {
    const signed = validSignatures(s, kind);
    if (!signed.some((g) => g.role === 'reviewee')) return by('reviewee', `Sign your ${kind} statement`, `${ee} to sign the ${kind} statement`, `step.sign-${kind}`);
    return by('reviewer', `Sign ${ee}’s ${kind} statement`, `${er} to sign the ${kind} statement`, `step.sign-${kind}`);
  };
  const selfAssessed = (meeting: 'interim' | 'final') => s.selfAssessments.some((a) => a.meeting === meeting);
  switch (s.stage) {
    case 'preparation':
      return by('reviewer', `Set the planning meeting date with ${ee}`, `${er} to set the planning meeting date`, 'step.planning-meeting');
    case 'planning': {
      const status = s.agreement.status;
      if (status === 'proposed') return by('reviewee', `Agree your objectives with ${er}`, `${ee} to reply on the objectives`, 'step.objectives-response');
      if (status === 'disagreed') return by('reviewer', `Talk the objectives through with ${ee}, or determine them`, `${er} to settle the objectives`);
      if (status === 'agreed' || status === 'determined') return by('reviewer', 'Send the planning statement to the headteacher', `${er} to send the planning statement to the headteacher`);
      return by('reviewer', `Draft and propose objectives with ${ee}`, `${er} to propose the objectives`);
    }
    case 'planning-moderation':
      return by('headteacher', `Check ${ee}’s planning statement`, 'The headteacher to check the planning statement', 'step.moderation');
    case 'planning-signatures':
      return signing('planning');
    case 'in-cycle':
      if (!isFullySigned(s, 'planning')) return signing('planning');
      if (s.interim === null) return by('reviewer', `Arrange the interim review with ${ee}`, `${er} to arrange the interim review`, 'step.interim-meeting');
      return by('reviewer', `Arrange the final review with ${ee}`, `${er} to arrange the final review`, 'step.final-meeting');
    case 'interim':
      if (!selfAssessed('interim')) return by('reviewee', 'Complete your self-assessment before the interim review', `${ee} to complete the self-assessment`, 'step.self-assessment');
      return by('reviewer', `Record ${ee}’s interim review`, `${er} to record the interim review`);
    case 'final-review':
      if (!selfAssessed('final')) return by('reviewee', 'Complete your self-assessment before the final review', `${ee} to complete the self-assessment`, 'step.self-assessment');
      if (s.assessment === null) return by('reviewer', `Record ${ee}’s final assessment`, `${er} to record the final assessment`);
      if (policy.payProgression && s.payEligible) return by('reviewer', 'Make the pay recommendation', `${er} to make the pay recommendation`);
      return by('reviewer', 'Send the draft review statement', `${er} to send the draft review statement`);
    case 'pay-approval':
      return by('headteacher', `Approve the pay recommendation for ${ee}`, 'The headteacher to approve the pay recommendation', 'step.pay-approval');
    case 'review-draft':
      return by('reviewee', 'Read your draft review statement and add any comments', `${ee} to comment on the draft review statement`, 'step.draft-comments');
    case 'review-signatures':
      return signing('review');
    case 'appeal-window':
      return by('reviewee', 'If anything in your review statement worries you, raise it with your reviewer', `${ee} may raise concerns about the statement`, 'appeal.informal');
    case 'appeal':
      return appealNext(s, ee, er);
    case 'suspended':
    case 'paused':
      return by('headteacher', 'Restart the appraisal when the time is right', 'The headteacher to restart the appraisal');
    case 'closed':
    case 'withdrawn':
      return null;
    default:
      return assertNever(s.stage);
  }
}

const APPEAL_RULES: Record<Exclude<AppealRecord['step'], 'finished'>, string> = {
  informal: 'appeal.informal',
  written: 'appeal.written',
  'reviewer-meeting': 'appeal.reviewer-confirm',
  'head-hearing': 'appeal.headteacher-outcome',
  clerk: 'appeal.to-clerk',
  'panel-hearing': 'appeal.panel-hearing',
  'panel-decision': 'appeal.panel-decision',
};

function appealNext(s: CaseState, ee: string, er: string): Next {
  const a = currentAppeal(s.appeals);
  const by = (who: CaseRole, mine: string, theirs: string): Next => ({ who, mine, theirs, rule: step === 'finished' ? undefined : APPEAL_RULES[step] });
  const step = a?.step ?? 'finished';
  switch (step) {
    case 'informal':
      return by('reviewer', `Talk ${ee}’s concerns through and record the outcome`, `${er} to talk the concerns through`);
    case 'written':
      return by('reviewee', 'Send your written grounds of appeal, if you wish to go on', `${ee} may send written grounds of appeal`);
    case 'reviewer-meeting':
      return by('reviewer', `Meet ${ee} and confirm the outcome in writing`, `${er} to confirm the outcome in writing`);
    case 'head-hearing':
      return by('headteacher', `Hear ${ee}’s appeal and write the outcome`, 'The headteacher to hear the appeal');
    case 'clerk':
      return by('reviewee', 'Appeal to the Clerk to the Governors, if you wish to go on', `${ee} may appeal to the Clerk`);
    case 'panel-hearing':
      return by('clerk', 'Set the date for the appeal panel', 'The Clerk to set the hearing date');
    case 'panel-decision':
      return by('appeal-panel', 'Record the panel’s decision', 'The panel to decide the appeal');
    case 'finished':
      return null;
    default:
      return assertNever(step);
  }
}

/**
 * The "my appraisal" card for one person: stage, step n of m, who acts next and what they may do (R-CHAT-1).
 * With today's London date, steps whose time has passed (or not yet come) are not offered.
 */
export function caseSummary(state: CaseState, personId: string, policy: SchoolPolicy, today: CivilDate | null = null): CaseSummary {
  const line = MAIN_LINE.filter((x) => x !== 'pay-approval' || (policy.payProgression && state.payEligible)) as Stage[];
  const placed: Stage = state.stage === 'appeal' ? 'appeal-window' : state.hold ? state.hold.from : state.stage === 'withdrawn' ? 'closed' : state.stage;
  const step = Math.max(1, line.indexOf(placed) + 1);
  const roles = rolesOf(state, { personId, schoolRoles: [] });
  const next = nextStep(state, policy);
  const due = next?.rule === undefined ? undefined : state.steps.filter((x) => x.rule === next.rule).map((x) => x.due).sort()[0];
  return {
    stage: state.stage,
    stageLabel: STAGE_LABELS[state.stage],
    progress: { step, of: line.length },
    next: next === null ? null : { who: next.who, action: roles.includes(next.who) ? next.mine : next.theirs, ...(due ? { due } : {}) },
    myActions: COMMAND_TYPES.filter((t) => t !== 'case.open' && roles.some((r) => mayIssue(r, t, state.stage)) && isReady(state, t, personId, policy, today)),
  };
}
