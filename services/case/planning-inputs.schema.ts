import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';
import { idSchema, meetingSchema, optionalText, requiredText, yesNoSchema } from './input-fields.schema';

/** Objective kinds (R-OBJ-2): employer objectives linked to trust, school or individual priorities, or the employee's own. */
export const OBJECTIVE_KINDS = ['trust', 'school', 'individual', 'employee'] as const;

/** One objective's six aspects (R-OBJ-1), its kind and priorities (R-OBJ-2), and whether it spans cycles (R-CYC-6). */
export const objectiveInputSchema = z.object({
  headline: requiredText(300),
  tasks: requiredText(),
  timescales: requiredText(500),
  successMeasures: requiredText(),
  evidenceHow: requiredText(),
  support: optionalText(),
  kind: z.enum(OBJECTIVE_KINDS).default('individual'),
  priorityIds: z.array(idSchema).max(10).default([]),
  targetDate: civilDateSchema.nullable().default(null),
  spansCycles: z.boolean().default(false),
});
/** An objective as entered. */
export type ObjectiveInput = z.infer<typeof objectiveInputSchema>;

/** Opening a case for one reviewee in one cycle (R-CYC-1..5, R-ELG-1): people by id, dates for the policy. */
export const caseOpenInputSchema = z.object({
  caseId: idSchema,
  schoolId: idSchema,
  revieweeId: idSchema,
  reviewerId: idSchema.nullable(),
  lineManagerIds: z.array(idSchema).max(10).default([]),
  headteacherId: idSchema.nullable(),
  clerkId: idSchema.nullable().default(null),
  start: civilDateSchema,
  contractEnd: civilDateSchema.nullable().default(null),
  status: z.enum(['none', 'induction', 'informal-capability', 'formal-capability']).default('none'),
  roleFamily: z.string().trim().min(1).max(80).default('support'),
  payEligible: z.boolean().default(true),
  names: z.record(idSchema, z.string().trim().min(1).max(120)).default({}),
  priorities: z.array(z.object({ id: idSchema, title: requiredText(200) })).max(30).default([]),
});

/** Confirming a meeting date, which sends the papers and asks for the self-assessment (R-DL-3). */
export const meetingScheduleInputSchema = z.object({ meeting: meetingSchema, date: civilDateSchema });

const ratedItem = z.object({
  area: z.enum(['standard', 'conduct']),
  title: requiredText(300),
  rating: idSchema,
  comment: optionalText(),
});

/** The spt self-assessment form, the reviewee's side (R-SA-1); the wellbeing answers are sensitive (R-PRV-1). */
export const selfAssessmentInputSchema = z.object({
  meeting: meetingSchema,
  items: z.array(ratedItem).max(40).default([]),
  wentWell: optionalText(),
  couldImprove: optionalText(),
  roleChanges: optionalText(),
  wellbeing: z
    .object({
      disability: yesNoSchema,
      circumstancesChanged: yesNoSchema,
      adjustmentsNeeded: yesNoSchema,
      details: optionalText(),
      supportWanted: optionalText(),
    })
    .default({ disability: 'prefer-not-to-say', circumstancesChanged: 'prefer-not-to-say', adjustmentsNeeded: 'prefer-not-to-say', details: '', supportWanted: '' }),
  cpdReceived: optionalText(),
  aspirations: optionalText(),
  trainingWanted: optionalText(),
  feedbackToSchool: optionalText(),
});
/** A self-assessment as entered. */
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInputSchema>;

/** The manager's side of the form: rating and comment per item, the agreed rating, and their view (R-SA-1). */
export const selfAssessmentReviewInputSchema = z.object({
  meeting: meetingSchema,
  items: z.array(z.object({ index: z.number().int().min(0), rating: idSchema, comment: optionalText(), agreedRating: idSchema.nullable().default(null), general: optionalText() })).max(40).default([]),
  wentWell: optionalText(),
  couldImprove: optionalText(),
});

/** Adding an objective. */
export const objectiveAddInputSchema = z.object({ objective: objectiveInputSchema });
/** Changing an objective before it is agreed (every version is kept). */
export const objectiveUpdateInputSchema = z.object({ objectiveId: idSchema, objective: objectiveInputSchema });
/** Revising an objective at the interim review, saying why (R-OBJ-5). */
export const objectiveReviseInputSchema = z.object({ objectiveId: idSchema, objective: objectiveInputSchema, reason: requiredText(1000) });
/** Removing an objective from the plan (its versions stay in the record). */
export const objectiveRemoveInputSchema = z.object({ objectiveId: idSchema, reason: optionalText(1000) });
/** The reviewee disagrees with the proposed objectives (R-OBJ-4). */
export const objectivesDisagreeInputSchema = z.object({ reason: requiredText() });
/** The reviewer determines the objectives after a disagreement (R-OBJ-4). */
export const objectivesDetermineInputSchema = z.object({ note: optionalText() });
/** A group objective set shared by a role family (R-OBJ-3): replaces that group's objectives in this case. */
export const groupObjectivesInputSchema = z.object({ groupId: idSchema, roleFamily: z.string().trim().min(1).max(80), objectives: z.array(objectiveInputSchema).min(1).max(10) });
/** Objectives carried in from the previous cycle, with the progress assessed there (R-CYC-6). */
export const carryForwardInputSchema = z.object({
  fromCycleId: idSchema,
  objectives: z.array(z.object({ fromObjectiveId: idSchema, objective: objectiveInputSchema, progress: optionalText() })).min(1).max(10),
});
/** Who else may see the objectives, with the reviewee's agreement (R-PRV-1). */
export const objectivesShareInputSchema = z.object({ personIds: z.array(idSchema).max(30) });

/** The personal development plan (R-PDP-1). */
export const developmentPlanInputSchema = z.object({
  goals: z.array(z.object({ goal: requiredText(500), timescale: requiredText(200), support: optionalText() })).max(10),
  supportForObjectives: optionalText(),
});
/** A development plan as entered. */
export type DevelopmentPlanInput = z.infer<typeof developmentPlanInputSchema>;

/** The headteacher sends the planning statement back to the reviewer, with a reason (R-MOD-1). */
export const moderationReferBackInputSchema = z.object({ reason: requiredText() });
