import { z } from 'zod/v4';
import { civilDateSchema, instantSchema } from '../shared/time';
import {
  agreementSchema, appealRecordSchema, closedStepSchema, meetingRecordSchema, objectionRecordSchema, objectiveRecordSchema, observationRecordSchema, openStepSchema,
  payRecordSchema, recordSchemas, selfAssessmentRecordSchema, statementRecordSchema, supportPlanRecordSchema,
} from './case-records.schema';
import { caseRoleSchema } from './case-roles';
import { stageSchema } from './case-stages';
import { idSchema } from './input-fields.schema';

const stamp = { by: idSchema, at: instantSchema };

/** One entry of the case's append-only event log: what happened, by whom, when; ids only, never content. */
export const caseEventSchema = z.object({
  seq: z.number().int().min(1),
  type: z.string().min(1),
  by: idSchema,
  roles: z.array(caseRoleSchema),
  at: instantSchema,
  from: stageSchema.nullable(),
  to: stageSchema,
});
/** An event of the case log. */
export type CaseEvent = z.infer<typeof caseEventSchema>;

/** The whole case for one reviewee in one cycle (schema version 1). Storage parses it on every read. */
export const caseStateSchema = z.object({
  schemaVersion: z.literal(1),
  id: idSchema,
  schoolId: idSchema,
  cycleId: civilDateSchema,
  presetId: z.string().min(1),
  stage: stageSchema,
  revieweeId: idSchema,
  reviewerId: idSchema.nullable(),
  lineManagerIds: z.array(idSchema),
  headteacherId: idSchema.nullable(),
  clerkId: idSchema.nullable(),
  names: z.record(idSchema, z.string()),
  roleFamily: z.string(),
  payEligible: z.boolean(),
  cycle: z.object({
    start: civilDateSchema,
    end: civilDateSchema,
    objectiveLimit: z.number().int().min(1),
    reducedObjectives: z.boolean(),
    placement: z.string(),
    phases: z.array(z.object({ name: z.enum(['planning', 'interim', 'final']), from: civilDateSchema, to: civilDateSchema })),
  }),
  priorities: z.array(z.object({ id: idSchema, title: z.string() })),
  meetings: z.object({ planning: meetingRecordSchema.nullable(), interim: meetingRecordSchema.nullable(), final: meetingRecordSchema.nullable() }),
  selfAssessments: z.array(selfAssessmentRecordSchema),
  objectives: z.array(objectiveRecordSchema),
  agreement: agreementSchema,
  sharedWith: z.array(idSchema),
  developmentPlan: recordSchemas.developmentPlan.nullable(),
  moderation: z.object({ status: z.enum(['none', 'requested', 'approved', 'referred-back']), history: z.array(z.object({ outcome: z.string(), note: z.string(), ...stamp })) }),
  statements: z.object({ planning: statementRecordSchema, review: statementRecordSchema }),
  observations: z.array(observationRecordSchema),
  evidence: z.array(recordSchemas.evidence),
  interim: recordSchemas.interim.nullable(),
  concerns: z.array(recordSchemas.concern),
  supportPlan: supportPlanRecordSchema.nullable(),
  supportDelivered: z.array(recordSchemas.supportDelivered),
  selfReview: recordSchemas.selfReview.nullable(),
  assessment: recordSchemas.assessment.nullable(),
  pay: payRecordSchema,
  reviewDraftSentOn: civilDateSchema.nullable(),
  appeals: z.array(appealRecordSchema),
  objections: z.array(objectionRecordSchema),
  reviewerHistory: z.array(z.object({ from: idSchema.nullable(), to: idSchema, reason: z.string(), ...stamp })),
  transfers: z.array(z.object({ newPost: z.string(), restart: z.boolean(), ...stamp })),
  hold: z.object({ from: stageSchema, reason: z.string(), note: z.string(), since: civilDateSchema, steps: z.array(openStepSchema) }).nullable(),
  endedOn: civilDateSchema.nullable(),
  steps: z.array(openStepSchema),
  /** The latest steps that closed, oldest first (at most CLOSED_STEPS_KEPT); cases stored before it start with none. */
  closedSteps: z.array(closedStepSchema).default(() => []),
  seq: z.number().int().min(0),
  log: z.array(caseEventSchema),
});
/** The state of a case. */
export type CaseState = z.infer<typeof caseStateSchema>;

/** Parses stored case state; throws an error naming the case id (never its content) when it is not valid. */
export function parseCaseState(raw: unknown): CaseState {
  const parsed = caseStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '(no id)';
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 5).join(', ');
  throw new Error(`Case ${id} has invalid state (fields: ${fields})`);
}
