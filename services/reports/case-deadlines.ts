import type { CaseState } from '../case/case-state.schema';
import { DEADLINE_RULE_IDS } from '../policy/preset.schema';
import type { DeadlineRuleId } from '../policy/preset.schema';
import type { SchoolPolicy } from '../policy/school-policy';
import { londonWallClock } from '../shared/london-time';
import type { CivilDate, Instant } from '../shared/time';
import type { ReportCaseInput } from './report-input';

// A deadline met is read back from the record that met it where there is one: the papers for a meeting, feedback
// on an observation, the signed review statement (R-DL-3, R-DL-4). The appeal ladder, an appeal about the reviewer
// and reviews of support leave no such record, so they are read from the case's steps: each step done, once, on the
// day it closed, and each still open past its due date; a step set aside (a hold, an ending, a withdrawn appeal, a
// step opened again in its place) is not counted (R-DL-1, R-DL-2, R-DL-6, R-RPT-1).

type Deadline = ReportCaseInput['deadlines'][number];

/**
 * The reviewee's own rights to go on (written grounds, appealing to the Clerk, appealing a decision about their
 * reviewer) have time limits, but not using one is a choice, not a missed deadline, and one used late is refused:
 * they are not the school's deadlines to report on (R-RPT-1, R-DL-1, R-DL-2).
 */
const RIGHTS: readonly DeadlineRuleId[] = ['appeal.written', 'appeal.to-clerk', 'reviewer-objection.appeal'];

/** The school-level dates (payroll) are not a case's deadlines. */
const SCHOOL_LEVEL: readonly DeadlineRuleId[] = ['payroll.data-ready', 'pay.effective'];

/** The deadline rules of the school's policy that a case can meet or miss: the rows of the governors' table. */
export function caseDeadlineRules(policy: SchoolPolicy, someDay: CivilDate): DeadlineRuleId[] {
  return DEADLINE_RULE_IDS.filter((r) => !SCHOOL_LEVEL.includes(r) && !RIGHTS.includes(r) && policy.deadline(r, someDay).ok);
}

/** The London day of a moment. */
export const londonDay = (at: Instant): CivilDate => londonWallClock(new Date(at)).day;

const isDeadlineRule = (rule: string): rule is DeadlineRuleId => (DEADLINE_RULE_IDS as readonly string[]).includes(rule);

/** The rules only steps can show; the time to raise concerns (`window`) is a right, not a deadline to meet. */
const FROM_STEPS = (rule: string, key: string): rule is DeadlineRuleId =>
  isDeadlineRule(rule) && !RIGHTS.includes(rule) && (rule === 'support.review' || (rule.startsWith('appeal.') && key !== 'window'));

/**
 * The day a step's deadline was met: the day it closed, except the panel hearing, met on the day the panel hears
 * the appeal (R-DL-1) — `null` while that day is still to come.
 */
function metOn(s: CaseState, step: CaseState['closedSteps'][number], asOf: CivilDate): CivilDate | null {
  if (step.rule !== 'appeal.panel-hearing') return step.closedOn;
  const hearingOn = s.appeals.find((a) => a.id === step.key)?.hearingOn ?? step.closedOn;
  return hearingOn <= asOf ? hearingOn : null;
}

/** Deadlines from the case's steps: each done once, then each still open (R-DL-1, R-DL-2, R-DL-6). */
function stepDeadlines(s: CaseState, asOf: CivilDate): Deadline[] {
  const out: Deadline[] = [];
  const counted = new Set<string>();
  for (const step of s.closedSteps) {
    if (step.how !== 'done' || !FROM_STEPS(step.rule, step.key) || counted.has(step.occurrence)) continue;
    counted.add(step.occurrence);
    out.push({ rule: step.rule, due: step.due, doneOn: metOn(s, step, asOf) });
  }
  for (const step of s.steps) if (FROM_STEPS(step.rule, step.key) && !counted.has(step.occurrence)) out.push({ rule: step.rule, due: step.due, doneOn: null });
  return out;
}

/**
 * Each deadline of a case with its due date and the day it was met, `null` if not yet; one not met and not yet
 * due on `asOf` is left out, as it can still be met.
 */
export function caseDeadlines(s: CaseState, policy: SchoolPolicy, asOf: CivilDate): Deadline[] {
  const due = (rule: DeadlineRuleId, from: CivilDate): CivilDate | null => {
    const d = policy.deadline(rule, from);
    return d.ok ? d.value.due : null;
  };
  const out: Deadline[] = [];
  for (const meeting of ['planning', 'interim', 'final'] as const) {
    const record = s.meetings[meeting];
    if (!record) continue;
    const papers = s.selfAssessments.find((x) => x.meeting === meeting)?.employee.at ?? (meeting === 'final' ? s.selfReview?.at : undefined);
    out.push({ rule: 'meeting.papers', due: record.papersDue, doneOn: papers ? londonDay(papers) : null });
  }
  for (const o of s.observations) {
    if (o.heldOn === null) continue;
    const verbal = due('observation.verbal-feedback', o.heldOn);
    if (verbal) out.push({ rule: 'observation.verbal-feedback', due: verbal, doneOn: o.verbal ? londonDay(o.verbal.at) : null });
    const written = due('observation.written-feedback', o.heldOn);
    if (written) out.push({ rule: 'observation.written-feedback', due: written, doneOn: o.written ? londonDay(o.written.at) : null });
  }
  const sent = s.reviewDraftSentOn ?? s.log.find((e) => e.to === 'review-draft' || e.to === 'review-signatures')?.at;
  const issue = sent ? due('statement.issue', sent.length > 10 ? londonDay(sent) : sent) : null;
  if (issue) out.push({ rule: 'statement.issue', due: issue, doneOn: s.statements.review.signedOn });
  out.push(...stepDeadlines(s, asOf));
  const rules = caseDeadlineRules(policy, s.cycle.start);
  return out.filter((d) => rules.includes(d.rule) && (d.doneOn !== null || d.due < asOf));
}
