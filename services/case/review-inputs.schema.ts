import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';
import { hashSchema, idSchema, optionalText, requiredText, statementKindSchema } from './input-fields.schema';

/** A comment on a statement by the reviewee, before they sign (R-STM-1, R-STM-2). */
export const statementCommentInputSchema = z.object({ statement: statementKindSchema, text: requiredText() });
/** A signature carries the fingerprint of the statement the signer saw (R-STM-2). */
export const statementSignInputSchema = z.object({ statement: statementKindSchema, hash: hashSchema });

/** Planning an observation, notified in advance (R-OBS-1, R-DL-4). */
export const observationPlanInputSchema = z.object({
  observerId: idSchema,
  date: civilDateSchema,
  context: requiredText(300),
  term: optionalText(80),
  focus: requiredText(500),
});
/** Recording that an observation took place. */
export const observationRecordInputSchema = z.object({ observationId: idSchema, heldOn: civilDateSchema, notes: optionalText() });
/** Verbal or written feedback on an observation, with actions (R-OBS-1, R-DL-4). */
export const observationFeedbackInputSchema = z.object({
  observationId: idSchema,
  kind: z.enum(['verbal', 'written']),
  text: requiredText(),
  actions: optionalText(),
});

/** An evidence source or item, referenced, never a portfolio (R-EVD-1). */
export const evidenceInputSchema = z.object({
  objectiveId: idSchema.nullable().default(null),
  what: requiredText(500),
  who: optionalText(200),
  when: optionalText(200),
  where: optionalText(200),
  questions: optionalText(),
  link: z.url().max(1000).nullable().default(null),
});

/** The interim review (R-INT-1): progress per objective, support so far, changes, the final review date. */
export const interimInputSchema = z.object({
  progress: z.array(z.object({ objectiveId: idSchema, comment: requiredText(), update: optionalText() })).max(20),
  supportSoFar: optionalText(),
  changesNeeded: optionalText(),
  finalReviewDate: civilDateSchema,
});

/** Raising a performance concern when it arises (R-CON-1); formal capability is the headteacher's suspension. */
export const concernInputSchema = z.object({
  level: z.enum(['early-conversation', 'coaching-mentoring', 'informal-support']),
  summary: requiredText(),
});

/** A support plan (R-SUP-1, spt Appendix 2). */
export const supportPlanInputSchema = z.object({
  items: z.array(z.object({ area: requiredText(500), actions: requiredText(), actionDate: civilDateSchema, measures: requiredText() })).min(1).max(10),
});
/** A support plan review, signed by whoever sends it; both employee and manager sign each review (R-SUP-1). */
export const supportPlanReviewInputSchema = z.object({
  reviewOn: civilDateSchema,
  progress: z.array(z.object({ itemId: idSchema, progress: requiredText() })).max(10).default([]),
  notes: optionalText(),
  completed: z.boolean().default(false),
});
/** Agreed support that was given (R-SUP-1: nobody is held to account for support that never came). */
export const supportDeliveredInputSchema = z.object({
  ref: z.object({ kind: z.enum(['objective', 'development-goal', 'support-item']), id: idSchema }),
  deliveredOn: civilDateSchema,
  note: optionalText(),
});

/** The reviewee's overview of the year (R-FIN-1). */
export const finalSelfReviewInputSchema = z.object({ overview: requiredText(4000), comments: optionalText() });

/** The reviewer's final assessment (R-FIN-1, R-FIN-2), ratings on the policy's scale. */
export const finalAssessmentInputSchema = z.object({
  objectives: z
    .array(z.object({ objectiveId: idSchema, rating: idSchema, comment: requiredText(), outsideFactors: optionalText(), continues: z.boolean().default(false) }))
    .min(1)
    .max(20),
  otherAchievements: optionalText(),
  agreedActions: optionalText(),
  reviewerComments: optionalText(),
  overall: requiredText(),
  trainingNeeds: optionalText(),
  evidenceSummary: optionalText(),
  absence: z.object({ kind: z.enum(['none', 'illness', 'maternity', 'other']), note: optionalText() }).default({ kind: 'none', note: '' }),
});
/** A final assessment as entered. */
export type FinalAssessmentInput = z.infer<typeof finalAssessmentInputSchema>;

/** Flagging to the headteacher, before the final meeting, that pay progression is at risk (R-PAY-1). */
export const payFlagRiskInputSchema = z.object({ reason: requiredText() });
/** The reviewer's pay recommendation (R-PAY-1). */
export const payRecommendInputSchema = z.object({ recommendation: z.enum(['increment', 'top-of-grade', 'withhold']), rationale: requiredText() });
/** The headteacher sends a recommendation back (R-PAY-1, R-MOD-1). */
export const payReferBackInputSchema = z.object({ reason: requiredText() });

/** A no-input command. */
export const emptyInputSchema = z.object({});
/** A note-only command. */
export const noteInputSchema = z.object({ note: optionalText() });
