import { z } from 'zod/v4';
import {
  appealGroundsInputSchema, appealHearingInputSchema, appealOutcomeInputSchema, appealPanelDecisionInputSchema, appealRaiseInputSchema,
  casePauseInputSchema, caseSuspendInputSchema, caseTransferInputSchema, caseWithdrawInputSchema, objectionDecideInputSchema, objectionRaiseInputSchema, reviewerChangeInputSchema,
} from './appeal-inputs.schema';
import {
  carryForwardInputSchema, caseOpenInputSchema, developmentPlanInputSchema, groupObjectivesInputSchema, meetingScheduleInputSchema, moderationReferBackInputSchema,
  objectiveAddInputSchema, objectiveRemoveInputSchema, objectiveReviseInputSchema, objectivesDetermineInputSchema, objectivesDisagreeInputSchema,
  objectivesShareInputSchema, objectiveUpdateInputSchema, selfAssessmentInputSchema, selfAssessmentReviewInputSchema,
} from './planning-inputs.schema';
import {
  concernInputSchema, emptyInputSchema, evidenceInputSchema, finalAssessmentInputSchema, finalSelfReviewInputSchema, interimInputSchema, noteInputSchema,
  observationFeedbackInputSchema, observationPlanInputSchema, observationRecordInputSchema, payFlagRiskInputSchema, payRecommendInputSchema,
  payReferBackInputSchema, statementCommentInputSchema, statementSignInputSchema, supportDeliveredInputSchema, supportPlanInputSchema,
  supportPlanReviewInputSchema,
} from './review-inputs.schema';

/** Every command's input schema by command type: the chat edge validates card and modal input with these. */
export const COMMAND_INPUT_SCHEMAS = {
  'case.open': caseOpenInputSchema,
  'meeting.schedule': meetingScheduleInputSchema,
  'self-assessment.submit': selfAssessmentInputSchema,
  'self-assessment.review': selfAssessmentReviewInputSchema,
  'objective.add': objectiveAddInputSchema,
  'objective.update': objectiveUpdateInputSchema,
  'objective.remove': objectiveRemoveInputSchema,
  'objective.revise': objectiveReviseInputSchema,
  'objectives.propose': emptyInputSchema,
  'objectives.agree': emptyInputSchema,
  'objectives.disagree': objectivesDisagreeInputSchema,
  'objectives.determine': objectivesDetermineInputSchema,
  'objectives.use-group': groupObjectivesInputSchema,
  'objectives.carry-forward': carryForwardInputSchema,
  'objectives.share': objectivesShareInputSchema,
  'development-plan.set': developmentPlanInputSchema,
  'planning.submit': emptyInputSchema,
  'moderation.approve': noteInputSchema,
  'moderation.refer-back': moderationReferBackInputSchema,
  'statement.comment': statementCommentInputSchema,
  'statement.sign': statementSignInputSchema,
  'observation.plan': observationPlanInputSchema,
  'observation.record': observationRecordInputSchema,
  'observation.feedback': observationFeedbackInputSchema,
  'evidence.add': evidenceInputSchema,
  'interim.record': interimInputSchema,
  'concern.raise': concernInputSchema,
  'support-plan.set': supportPlanInputSchema,
  'support-plan.review': supportPlanReviewInputSchema,
  'support.delivered': supportDeliveredInputSchema,
  'final.self-review': finalSelfReviewInputSchema,
  'final.assess': finalAssessmentInputSchema,
  'pay.flag-risk': payFlagRiskInputSchema,
  'pay.recommend': payRecommendInputSchema,
  'pay.approve': noteInputSchema,
  'pay.refer-back': payReferBackInputSchema,
  'review.send-draft': emptyInputSchema,
  'review.finalise': emptyInputSchema,
  'appeal.raise': appealRaiseInputSchema,
  'appeal.informal-outcome': appealOutcomeInputSchema,
  'appeal.written': appealGroundsInputSchema,
  'appeal.reviewer-outcome': appealOutcomeInputSchema,
  'appeal.head-outcome': appealOutcomeInputSchema,
  'appeal.to-clerk': appealGroundsInputSchema,
  'appeal.hearing-scheduled': appealHearingInputSchema,
  'appeal.panel-decision': appealPanelDecisionInputSchema,
  'appeal.withdraw': noteInputSchema,
  'objection.raise': objectionRaiseInputSchema,
  'objection.decide': objectionDecideInputSchema,
  'objection.appeal': appealGroundsInputSchema,
  'objection.appeal-decide': objectionDecideInputSchema,
  'reviewer.change': reviewerChangeInputSchema,
  'case.transfer': caseTransferInputSchema,
  'case.suspend': caseSuspendInputSchema,
  'case.resume': noteInputSchema,
  'case.pause': casePauseInputSchema,
  'case.unpause': noteInputSchema,
  'case.withdraw': caseWithdrawInputSchema,
  'case.close': noteInputSchema,
} as const;

type Inputs = typeof COMMAND_INPUT_SCHEMAS;
/** A command's type, dotted and kebab-case. */
export type CommandType = keyof Inputs;
/** Every command type, in table order. */
export const COMMAND_TYPES = Object.keys(COMMAND_INPUT_SCHEMAS) as CommandType[];

/** A command: its type plus its parsed input. */
export type CaseCommand = { [K in CommandType]: { type: K } & z.output<Inputs[K]> }[CommandType];
/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;
type Fields<T> = string extends keyof T ? unknown : T;
/** What a command looks like before parsing (defaults may be left out). */
export type CaseCommandInput = { [K in CommandType]: { type: K } & Fields<z.input<Inputs[K]>> }[CommandType];

const variants = COMMAND_TYPES.map((type) => (COMMAND_INPUT_SCHEMAS[type] as z.ZodObject).extend({ type: z.literal(type) }));

/** zod schema for any command, discriminated on `type`. */
export const caseCommandSchema = z.discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<CaseCommand, CaseCommandInput>;

/** True when `command` is one of `types` (narrows it for the reducers). */
export function isCommandOf<T extends CommandType>(types: readonly T[], command: CaseCommand): command is CommandOf<T> {
  return (types as readonly CommandType[]).includes(command.type);
}
