import { z } from 'zod/v4';

/** Every stage a case can be in (R-CYC-2): the main line, then the holds and the two ends. */
export const STAGES = [
  'preparation',
  'planning',
  'planning-moderation',
  'planning-signatures',
  'in-cycle',
  'interim',
  'final-review',
  'pay-approval',
  'review-draft',
  'review-signatures',
  'appeal-window',
  'appeal',
  'closed',
  'suspended',
  'paused',
  'withdrawn',
] as const;
/** A stage of a case. */
export type Stage = (typeof STAGES)[number];
/** zod schema for a stage. */
export const stageSchema = z.enum(STAGES);

/** Stages a case may be held in and later return from. */
export const HOLD_STAGES = ['suspended', 'paused'] as const satisfies readonly Stage[];
/** Stages nothing more happens in. */
export const END_STAGES = ['closed', 'withdrawn'] as const satisfies readonly Stage[];
/** Stages where the appraisal itself is under way (not held, not ended). */
export const ACTIVE_STAGES = STAGES.filter((s) => !(HOLD_STAGES as readonly Stage[]).includes(s) && !(END_STAGES as readonly Stage[]).includes(s));
/** Every stage but closed and withdrawn: the case can still change. */
export const OPEN_STAGES = STAGES.filter((s) => !(END_STAGES as readonly Stage[]).includes(s));

/** What each stage is called to a person. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  preparation: 'Getting ready for the planning meeting',
  planning: 'Planning: self-assessment and objectives',
  'planning-moderation': 'Planning statement with the headteacher',
  'planning-signatures': 'Signing the planning statement',
  'in-cycle': 'Working on the objectives',
  interim: 'Interim review',
  'final-review': 'Final review',
  'pay-approval': 'Pay recommendation with the headteacher',
  'review-draft': 'Draft review statement out for comments',
  'review-signatures': 'Signing the review statement',
  'appeal-window': 'Review signed: time to raise any concerns',
  appeal: 'Appeal under way',
  closed: 'Closed',
  suspended: 'On hold: formal capability',
  paused: 'On hold: protected absence',
  withdrawn: 'Withdrawn: left the school',
};

/** The main line of the cycle, for "step n of m" (pay approval drops out where pay does not apply). */
export const MAIN_LINE = [
  'preparation',
  'planning',
  'planning-moderation',
  'planning-signatures',
  'in-cycle',
  'interim',
  'final-review',
  'pay-approval',
  'review-draft',
  'review-signatures',
  'appeal-window',
  'closed',
] as const satisfies readonly Stage[];
