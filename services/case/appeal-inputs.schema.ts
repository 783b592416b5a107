import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';
import { idSchema, optionalText, requiredText, statementKindSchema } from './input-fields.schema';

/** Raising concerns about a statement: the first, informal step of the appeal ladder (R-DL-1). */
export const appealRaiseInputSchema = z.object({ statement: statementKindSchema, grounds: requiredText(4000) });
/** A written outcome at a step of the ladder; `resolved` says whether it ends there (R-DL-1). */
export const appealOutcomeInputSchema = z.object({ outcome: requiredText(4000), resolved: z.boolean(), meetingOn: civilDateSchema.nullable().default(null) });
/** Written grounds, to the reviewer and head or to the Clerk (R-DL-1). */
export const appealGroundsInputSchema = z.object({ grounds: requiredText(4000) });
/** The date the governors' panel hears the appeal (R-DL-1). */
export const appealHearingInputSchema = z.object({ hearingOn: civilDateSchema });
/** The panel's decision, final and in writing (R-DL-1). */
export const appealPanelDecisionInputSchema = z.object({ outcome: requiredText(4000), upheld: z.boolean() });

/** A written objection to the appointed reviewer, with reasons (R-DL-2, R-ROLE-2). */
export const objectionRaiseInputSchema = z.object({ reasons: requiredText(4000) });
/** A decision on an objection: upheld names the new reviewer (R-DL-2). */
export const objectionDecideInputSchema = z.object({ upheld: z.boolean(), newReviewerId: idSchema.nullable().default(null), newReviewerName: optionalText(120), reasons: requiredText(4000) });

/** The headteacher changes the reviewer; the cycle carries on (R-ROLE-2, R-CYC-5). */
export const reviewerChangeInputSchema = z.object({
  newReviewerId: idSchema,
  newReviewerName: optionalText(120),
  reason: z.enum(['absent', 'unsuitable', 'objection', 'transfer', 'other']),
  note: optionalText(),
});
/** A transfer to a new post: the headteacher decides on the cycle and the reviewer (R-CYC-5). */
export const caseTransferInputSchema = z.object({
  newPost: requiredText(200),
  restart: z.boolean(),
  newReviewerId: idSchema.nullable().default(null),
  newReviewerName: optionalText(120),
  newLineManagerIds: z.array(idSchema).max(10).nullable().default(null),
});
/** Formal capability suspends performance management (R-ELG-1, R-CON-1). */
export const caseSuspendInputSchema = z.object({ reason: z.literal('formal-capability'), note: optionalText() });
/** A protected absence pauses the cycle (R-FIN-2). */
export const casePauseInputSchema = z.object({ reason: z.enum(['maternity', 'adoption', 'long-term-sickness', 'other-protected-absence']), note: optionalText() });
/** The reviewee left the school. */
export const caseWithdrawInputSchema = z.object({ leftOn: civilDateSchema, note: optionalText() });
