import { z } from 'zod/v4';
import { civilDateSchema, instantSchema } from '../shared/time';
import { appealRaiseInputSchema } from './appeal-inputs.schema';
import { hashSchema, idSchema, meetingSchema } from './input-fields.schema';
import { developmentPlanInputSchema, objectiveInputSchema, selfAssessmentInputSchema, selfAssessmentReviewInputSchema } from './planning-inputs.schema';
import {
  concernInputSchema, evidenceInputSchema, finalAssessmentInputSchema, finalSelfReviewInputSchema, interimInputSchema, observationPlanInputSchema,
  payRecommendInputSchema, supportDeliveredInputSchema,
} from './review-inputs.schema';
import { stageSchema } from './case-stages';

// The records a case keeps: each is its input plus who and when. Nothing here is ever deleted: a change
// adds a version, a removal marks, a voided signature keeps its fingerprint (R-OBJ-5, R-STM-2).

const stamp = { by: idSchema, at: instantSchema };

/** One version of an objective (R-OBJ-1, R-OBJ-5). */
export const objectiveVersionSchema = objectiveInputSchema.extend({ version: z.number().int().min(1), reason: z.string(), ...stamp });
/** An objective with every version it has had. */
export const objectiveRecordSchema = z.object({
  id: idSchema,
  status: z.enum(['active', 'removed']),
  source: z.enum(['individual', 'group', 'carried']),
  groupId: idSchema.nullable(),
  carriedFrom: z.object({ cycleId: idSchema, objectiveId: idSchema, progress: z.string() }).nullable(),
  versions: z.array(objectiveVersionSchema).min(1),
});
/** A stored objective. */
export type ObjectiveRecord = z.infer<typeof objectiveRecordSchema>;

/** Where agreement on the objectives stands (R-OBJ-4). */
export const agreementSchema = z.object({
  status: z.enum(['drafting', 'proposed', 'agreed', 'disagreed', 'determined']),
  at: instantSchema.nullable(),
  disagreement: z.object({ reason: z.string(), at: instantSchema }).nullable(),
  note: z.string(),
});

/** A signature: who, when, in which role, over which fingerprint; voided when the statement changes (R-STM-2). */
export const signatureSchema = z.object({ by: idSchema, role: z.enum(['reviewee', 'reviewer']), at: instantSchema, hash: hashSchema, voidedAt: instantSchema.nullable() });
/** A signature. */
export type Signature = z.infer<typeof signatureSchema>;
/** A statement's comments and signatures; `signedOn` is the day both valid signatures were in place. */
export const statementRecordSchema = z.object({
  comments: z.array(z.object({ text: z.string(), ...stamp })),
  signatures: z.array(signatureSchema),
  signedOn: civilDateSchema.nullable(),
});

/** A self-assessment for one meeting: the reviewee's side and the manager's (R-SA-1). */
export const selfAssessmentRecordSchema = z.object({
  meeting: meetingSchema,
  employee: selfAssessmentInputSchema.omit({ meeting: true }).extend(stamp),
  manager: selfAssessmentReviewInputSchema.omit({ meeting: true }).extend(stamp).nullable(),
});

/** A meeting's date and when its papers had to go (R-DL-3). */
export const meetingRecordSchema = z.object({ date: civilDateSchema, papersDue: civilDateSchema, ...stamp });

/** An observation: plan, record, feedback (R-OBS-1, R-DL-4). */
export const observationRecordSchema = observationPlanInputSchema.extend({
  id: idSchema,
  ...stamp,
  heldOn: civilDateSchema.nullable(),
  notes: z.string(),
  verbal: z.object({ text: z.string(), actions: z.string(), ...stamp }).nullable(),
  written: z.object({ text: z.string(), actions: z.string(), ...stamp }).nullable(),
});

/** The support plan with reviews signed by both, and completion (R-SUP-1). */
export const supportPlanRecordSchema = z.object({
  items: z.array(z.object({ id: idSchema, area: z.string(), actions: z.string(), actionDate: civilDateSchema, measures: z.string(), progress: z.string() })),
  reviews: z.array(z.object({ reviewOn: civilDateSchema, notes: z.string(), employeeSignedAt: instantSchema.nullable(), managerSignedAt: instantSchema.nullable() })),
  completedOn: civilDateSchema.nullable(),
  ...stamp,
});

/** Pay: the risk flag, the recommendation and the headteacher's approval (R-PAY-1). */
export const payRecordSchema = z.object({
  riskFlag: z.object({ reason: z.string(), on: civilDateSchema, ...stamp }).nullable(),
  recommendation: payRecommendInputSchema.extend(stamp).nullable(),
  approval: z.object({ note: z.string(), ...stamp }).nullable(),
  referrals: z.array(z.object({ reason: z.string(), recommendation: z.string(), ...stamp })),
});

/** The steps of the appeal ladder (R-DL-1). */
export const APPEAL_STEPS = ['informal', 'written', 'reviewer-meeting', 'head-hearing', 'clerk', 'panel-hearing', 'panel-decision', 'finished'] as const;
/** An appeal: its step, the step's due date, and every outcome in writing (R-DL-1). */
export const appealRecordSchema = appealRaiseInputSchema.extend({
  id: idSchema,
  raisedOn: civilDateSchema,
  step: z.enum(APPEAL_STEPS),
  due: civilDateSchema.nullable(),
  returnTo: stageSchema,
  hearingOn: civilDateSchema.nullable(),
  result: z.enum(['resolved', 'upheld', 'dismissed', 'withdrawn']).nullable(),
  history: z.array(z.object({ step: z.string(), text: z.string(), ...stamp })),
});
/** An appeal. */
export type AppealRecord = z.infer<typeof appealRecordSchema>;

/** An objection to the reviewer and its decisions (R-DL-2). */
export const objectionRecordSchema = z.object({
  id: idSchema,
  reasons: z.string(),
  raisedOn: civilDateSchema,
  status: z.enum(['raised', 'decided', 'appealed', 'final']),
  upheld: z.boolean().nullable(),
  appealDue: civilDateSchema.nullable(),
  history: z.array(z.object({ step: z.string(), text: z.string(), ...stamp })),
});

/** An open step with a deadline, so it can be cancelled when done, held or ended (R-CHAT-3). */
export const openStepSchema = z.object({ rule: z.string().min(1), key: z.string().min(1), occurrence: z.string().min(1), due: civilDateSchema, owner: idSchema, stepTitle: z.string().min(1) });
/** An open step. */
export type OpenStep = z.infer<typeof openStepSchema>;

/**
 * A step that has closed, and how: `done` when its work was recorded, `set-aside` when something else closed it (a
 * hold, an ending, a withdrawn appeal, the step opened again in its place). The governors' report counts a
 * deadline met from it, on the London day it closed (R-DL-1, R-RPT-1).
 */
export const closedStepSchema = z.object({
  rule: z.string().min(1),
  key: z.string().min(1),
  occurrence: z.string().min(1),
  due: civilDateSchema,
  closedOn: civilDateSchema,
  how: z.enum(['done', 'set-aside']),
});
/** A closed step. */
export type ClosedStep = z.infer<typeof closedStepSchema>;

/** Records built straight from inputs. */
export const recordSchemas = {
  developmentPlan: developmentPlanInputSchema.extend(stamp),
  evidence: evidenceInputSchema.extend({ id: idSchema, ...stamp }),
  interim: interimInputSchema.extend(stamp),
  concern: concernInputSchema.extend({ id: idSchema, ...stamp }),
  supportDelivered: supportDeliveredInputSchema.extend(stamp),
  selfReview: finalSelfReviewInputSchema.extend(stamp),
  assessment: finalAssessmentInputSchema.extend(stamp),
};
