import { COMMAND_PHRASES } from '../../../services/case/command-phrases';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { formOf, sentence } from './form-fields';
import type { FormBuilder, FormContext, FormView } from './form.types';
import { genericForm, plainFields } from './generic.form';
import { objectiveAddForm, objectiveChangeForm, objectiveRemoveForm } from './objectives.form';
import { evidenceForm, newReviewerForm, observationFeedbackForm, observationPlanForm, observationRecordForm } from './people.form';
import { developmentPlanForm, finalAssessmentForm, interimForm, selfAssessmentForm } from './review.form';
import { statementCommentForm, statementSignForm } from './statement.form';

export type { DocumentView, FieldView, FormBuilder, FormContext, FormView } from './form.types';
export { formInput, fieldErrorsOf } from './form-input';

/** Commands whose input is more than plain fields: each has a form of its own. */
export const BESPOKE_FORMS: Partial<Record<CommandType, FormBuilder>> = {
  'objective.add': objectiveAddForm,
  'objective.update': objectiveChangeForm('objective.update'),
  'objective.revise': objectiveChangeForm('objective.revise'),
  'objective.remove': objectiveRemoveForm,
  'statement.sign': statementSignForm,
  'statement.comment': statementCommentForm,
  'self-assessment.submit': selfAssessmentForm,
  'development-plan.set': developmentPlanForm,
  'interim.record': interimForm,
  'final.assess': finalAssessmentForm,
  'observation.plan': observationPlanForm,
  'observation.record': observationRecordForm,
  'observation.feedback': observationFeedbackForm,
  'evidence.add': evidenceForm,
  'reviewer.change': newReviewerForm('reviewer.change'),
  'objection.decide': newReviewerForm('objection.decide'),
  'objection.appeal-decide': newReviewerForm('objection.appeal-decide'),
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
