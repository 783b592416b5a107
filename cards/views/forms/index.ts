import { COMMAND_PHRASES } from '../../../services/case/command-phrases';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { carryForwardForm, groupObjectivesForm, moderationApproveForm, objectivesDetermineForm, objectivesDisagreeForm, objectivesShareForm } from './agreement.form';
import { APPEAL_FORMS } from './appeal.form';
import { finalAssessmentForm, payApproveForm, payFlagRiskForm, payRecommendForm, sendBackForm } from './final.form';
import { formOf, sentence } from './form-fields';
import type { FormBuilder, FormContext, FormView } from './form.types';
import { genericForm, plainFields } from './generic.form';
import { LIFECYCLE_FORMS } from './lifecycle.form';
import { developmentPlanForm, finalSelfReviewForm, interimForm, meetingScheduleForm } from './meetings.form';
import { objectiveAddForm, objectiveChangeForm, objectiveRemoveForm } from './objectives.form';
import { evidenceForm, objectionDecideForm, objectionRaiseForm, observationFeedbackForm, observationPlanForm, observationRecordForm, reviewerChangeForm } from './people.form';
import { selfAssessmentForm, selfAssessmentReviewForm } from './self-assessment.form';
import { statementCommentForm, statementSignForm } from './statement.form';
import { concernForm, supportDeliveredForm, supportPlanForm, supportReviewForm } from './support.form';

export type { DocumentView, FieldView, FormBuilder, FormContext, FormView } from './form.types';
export { checkFormInput, formInput, fieldErrorsOf, plainInputError } from './form-input';
export { DEFAULT_STANDARDS } from './self-assessment.form';

/**
 * Every command a person fills in has a form of its own: plain words, ids chosen by name or fixed, field ids
 * equal to the input schema's paths. The rest (agree, propose, approve) run from a button or read a note.
 */
export const BESPOKE_FORMS: Partial<Record<CommandType, FormBuilder>> = {
  'meeting.schedule': meetingScheduleForm,
  'self-assessment.submit': selfAssessmentForm,
  'self-assessment.review': selfAssessmentReviewForm,
  'objective.add': objectiveAddForm,
  'objective.update': objectiveChangeForm('objective.update'),
  'objective.revise': objectiveChangeForm('objective.revise'),
  'objective.remove': objectiveRemoveForm,
  'objectives.disagree': objectivesDisagreeForm,
  'objectives.determine': objectivesDetermineForm,
  'objectives.use-group': groupObjectivesForm,
  'objectives.carry-forward': carryForwardForm,
  'objectives.share': objectivesShareForm,
  'development-plan.set': developmentPlanForm,
  'moderation.approve': moderationApproveForm,
  'moderation.refer-back': sendBackForm('moderation.refer-back'),
  'statement.sign': statementSignForm,
  'statement.comment': statementCommentForm,
  'observation.plan': observationPlanForm,
  'observation.record': observationRecordForm,
  'observation.feedback': observationFeedbackForm,
  'evidence.add': evidenceForm,
  'interim.record': interimForm,
  'concern.raise': concernForm,
  'support-plan.set': supportPlanForm,
  'support-plan.review': supportReviewForm,
  'support.delivered': supportDeliveredForm,
  'final.self-review': finalSelfReviewForm,
  'final.assess': finalAssessmentForm,
  'pay.flag-risk': payFlagRiskForm,
  'pay.recommend': payRecommendForm,
  'pay.approve': payApproveForm,
  'pay.refer-back': sendBackForm('pay.refer-back'),
  ...APPEAL_FORMS,
  'objection.raise': objectionRaiseForm,
  'objection.decide': objectionDecideForm('objection.decide'),
  'objection.appeal-decide': objectionDecideForm('objection.appeal-decide'),
  'reviewer.change': reviewerChangeForm,
  ...LIFECYCLE_FORMS,
};

const NO_FIELDS = { values: {}, fieldErrors: {}, args: {}, people: [] } as unknown as FormContext;

/** True when the command needs a form; false when a button press says it all ("Agree", "Send to the head"). */
export function needsForm(type: CommandType): boolean {
  if (BESPOKE_FORMS[type]) return true;
  const fields = plainFields(NO_FIELDS, type);
  return fields === null || fields.length > 0;
}

/** The form for a command: its own, else one read from its input schema, else a note that chat cannot take it. */
export function formFor(type: CommandType, ctx: FormContext): FormView {
  const bespoke = BESPOKE_FORMS[type];
  if (bespoke) return bespoke(ctx);
  return (
    genericForm(ctx, type) ??
    formOf(ctx, type, { title: sentence(COMMAND_PHRASES[type]), intro: 'This step is recorded by the school office for now: please ask them.', fields: [], submitTitle: 'Close' })
  );
}
