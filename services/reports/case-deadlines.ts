import type { CaseState } from '../case/case-state.schema';
import { DEADLINE_RULE_IDS } from '../policy/preset.schema';
import type { DeadlineRuleId } from '../policy/preset.schema';
import type { SchoolPolicy } from '../policy/school-policy';
import { londonWallClock } from '../shared/london-time';
import type { CivilDate, Instant } from '../shared/time';
import type { ReportCaseInput } from './report-input';

// A case keeps only its open steps, so a deadline already met is read back from the record that met it:
// the papers for a meeting, feedback on an observation, the signed review statement (R-DL-3, R-DL-4, R-RPT-1).

type Deadline = ReportCaseInput['deadlines'][number];

/** The school-level dates (payroll) are not a case's deadlines. */
const SCHOOL_LEVEL: readonly DeadlineRuleId[] = ['payroll.data-ready', 'pay.effective'];

/** The deadline rules of the school's policy that a case can meet or miss: the rows of the governors' table. */
export function caseDeadlineRules(policy: SchoolPolicy, someDay: CivilDate): DeadlineRuleId[] {
  return DEADLINE_RULE_IDS.filter((r) => !SCHOOL_LEVEL.includes(r) && policy.deadline(r, someDay).ok);
}

/** The London day of a moment. */
export const londonDay = (at: Instant): CivilDate => londonWallClock(new Date(at)).day;

const FROM_OPEN_STEPS = (rule: string, key: string): boolean =>
  rule === 'support.review' || rule === 'reviewer-objection.appeal' || (rule.startsWith('appeal.') && key !== 'window');

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
  for (const st of s.steps) if (FROM_OPEN_STEPS(st.rule, st.key)) out.push({ rule: st.rule as DeadlineRuleId, due: st.due, doneOn: null });
  const rules = caseDeadlineRules(policy, s.cycle.start);
  return out.filter((d) => rules.includes(d.rule) && (d.doneOn !== null || d.due < asOf));
}
