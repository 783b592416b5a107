import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { dateInWords } from '../../../services/shared/london-time';
import { choiceField, dateField, formOf, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// Forms that choose a person, an observation or an objective: always by name from a list, never a typed id.

const colleagues = (ctx: FormContext, exclude: readonly (string | null)[] = []) =>
  ctx.people.filter((p) => !exclude.includes(p.id)).map((p) => ({ title: p.name, value: p.id }));

/** Planning an observation, with notice (R-OBS-1). */
export const observationPlanForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.plan', {
    title: 'Plan an observation',
    intro: 'The person is told in advance, with the date and the focus.',
    fields: [
      choiceField(ctx, 'observerId', 'Observer', colleagues(ctx, [ctx.state.revieweeId]), { value: ctx.viewerId }),
      dateField(ctx, 'date', 'Date'),
      textField(ctx, 'context', 'Class, group or work to be observed', { required: true, max: 300, multiline: false }),
      textField(ctx, 'term', 'Term (optional)', { max: 80, multiline: false }),
      textField(ctx, 'focus', 'Focus of the observation', { required: true, max: 500 }),
    ],
    submitTitle: 'Plan it',
  });

const observationChoice = (ctx: FormContext): FieldView =>
  choiceField(ctx, 'observationId', 'Which observation', ctx.state.observations.map((o) => ({ title: `${o.context} on ${dateInWords(o.date)}`, value: o.id })), { value: ctx.args.observationId });

/** Recording that an observation took place. */
export const observationRecordForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.record', { title: 'Record an observation', fields: [observationChoice(ctx), dateField(ctx, 'heldOn', 'Held on'), textField(ctx, 'notes', 'Notes (optional)')], submitTitle: 'Record it' });

/** Feedback on an observation (R-DL-4: verbal and written, each with its deadline). */
export const observationFeedbackForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.feedback', {
    title: 'Feedback on an observation',
    fields: [
      observationChoice(ctx),
      choiceField(ctx, 'kind', 'Kind of feedback', [{ title: 'Verbal (noted here)', value: 'verbal' }, { title: 'Written', value: 'written' }], { value: 'written' }),
      textField(ctx, 'text', 'Feedback: strengths and areas to develop', { required: true }),
      textField(ctx, 'actions', 'Actions (optional)'),
    ],
    submitTitle: 'Send feedback',
  });

/** Adding a piece of evidence by reference (R-EVD-1): never a portfolio. */
export const evidenceForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'evidence.add', {
    title: 'Add evidence',
    intro: 'A short reference is enough: what it is and where to find it.',
    fields: [
      choiceField(ctx, 'objectiveId', 'For which objective (optional)', activeObjectives(ctx.state).map((o) => ({ title: latest(o).headline, value: o.id })), { required: false }),
      textField(ctx, 'what', 'What it is', { required: true, max: 500, multiline: false }),
      textField(ctx, 'who', 'Who (optional)', { max: 200, multiline: false }),
      textField(ctx, 'when', 'When (optional)', { max: 200, multiline: false }),
      textField(ctx, 'where', 'Where (optional)', { max: 200, multiline: false }),
      textField(ctx, 'questions', 'Questions to ask (optional)'),
      textField(ctx, 'link', 'Link (optional)', { max: 500, multiline: false }),
    ],
    submitTitle: 'Add it',
  });

/** Choosing a new reviewer: by name, from the school's staff (R-ROLE-2). */
export function newReviewerForm(type: Extract<CommandType, 'reviewer.change' | 'objection.decide' | 'objection.appeal-decide'>) {
  return (ctx: FormContext): FormView => {
    const people = colleagues(ctx, [ctx.state.revieweeId, ctx.state.reviewerId]);
    const fields: FieldView[] =
      type === 'reviewer.change'
        ? [
            choiceField(ctx, 'newReviewerId', 'New reviewer', people),
            choiceField(ctx, 'reason', 'Why', [
              { title: 'Absent for most of the cycle', value: 'absent' }, { title: 'Unsuitable', value: 'unsuitable' }, { title: 'After an objection', value: 'objection' },
              { title: 'Transfer to a new post', value: 'transfer' }, { title: 'Other', value: 'other' },
            ]),
            textField(ctx, 'note', 'Note (optional)'),
          ]
        : [
            toggleField(ctx, 'upheld', 'Agree to change the reviewer'),
            choiceField(ctx, 'newReviewerId', 'New reviewer, if changing', people, { required: false }),
            textField(ctx, 'reasons', 'Your reasons, in writing', { required: true, max: 4000 }),
          ];
    return formOf(ctx, type, { fields, submitTitle: 'Send' });
  };
}
