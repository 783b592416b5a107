// Lead times and the escalation ladder (R-CHAT-3). The policy module does not (yet) expose nudge lead times
// per preset, so they are a table here; a preset that names its own would replace `leadTimesFor`.

/** Working days before a step's due date on which its owner is nudged (0 = on the day). */
export const DEFAULT_LEAD_DAYS: readonly number[] = [5, 1, 0];

/** Rules whose window is short (a few working days): a 5-day lead would come before the trigger. */
const SHORT_RULE_LEADS: Readonly<Record<string, readonly number[]>> = {
  'observation.verbal-feedback': [0],
  'appeal.panel-decision': [1, 0],
  'appeal.reviewer-confirm': [2, 0],
  'meeting.papers': [2, 0],
};

/** The lead times for a rule. */
export function leadTimesFor(rule: string): readonly number[] {
  return SHORT_RULE_LEADS[rule] ?? DEFAULT_LEAD_DAYS;
}

/** Who is told when a step is overdue, after how many working days past its due date. */
export interface EscalationStep {
  afterWorkingDays: number;
  to: 'owner' | 'reviewer' | 'head';
}

/** The ladder: the owner the next working day, then their reviewer, then the head. */
export const ESCALATION_LADDER: readonly EscalationStep[] = [
  { afterWorkingDays: 1, to: 'owner' },
  { afterWorkingDays: 3, to: 'reviewer' },
  { afterWorkingDays: 5, to: 'head' },
];
