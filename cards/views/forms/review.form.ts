import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { Meeting } from '../../../services/case/input-fields.schema';
import { choiceField, dateField, formOf, headingField, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// The forms of the cycle's meetings: self-assessment (R-SA-1), development plan (R-PDP-1), the interim review
// (R-INT-1) and the final assessment (R-FIN-1, R-FIN-2). Ids of records are fixed values, never typed.

/** The standards and conduct expectations of the self-assessment, until a school sets its own (spt Appendix 1). */
export const DEFAULT_STANDARDS: readonly { area: 'standard' | 'conduct'; title: string }[] = [
  { area: 'standard', title: 'Working with pupils' },
  { area: 'standard', title: 'Working with colleagues' },
  { area: 'standard', title: 'Communication' },
  { area: 'standard', title: 'Organisation and use of time' },
  { area: 'conduct', title: 'Professional conduct and confidentiality' },
];

/** Which meeting the self-assessment is for, from where the case is. */
export function meetingOf(ctx: FormContext): Meeting {
  if (ctx.args.meeting === 'planning' || ctx.args.meeting === 'interim' || ctx.args.meeting === 'final') return ctx.args.meeting;
  return ctx.state.stage === 'final-review' ? 'final' : ctx.state.stage === 'interim' || ctx.state.stage === 'in-cycle' ? 'interim' : 'planning';
}

const yesNo = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
  { title: 'I’d rather not say', value: 'prefer-not-to-say' },
];

/** The reviewee's self-assessment (the spt form). */
export function selfAssessmentForm(ctx: FormContext): FormView {
  const scale = ctx.policy.selfAssessmentScale.map((l) => ({ title: l.label, value: l.id }));
  const fixed: FormView['fixed'] = { meeting: meetingOf(ctx) };
  const fields: FieldView[] = [headingField('h-standards', 'How do you think it is going?')];
  DEFAULT_STANDARDS.forEach((s, i) => {
    fixed[`items.${i}.area`] = s.area;
    fixed[`items.${i}.title`] = s.title;
    fields.push(choiceField(ctx, `items.${i}.rating`, s.title, scale), textField(ctx, `items.${i}.comment`, 'Comment (optional)', { max: 2000, multiline: false }));
  });
  fields.push(
    headingField('h-summary', 'The past period'),
    textField(ctx, 'wentWell', 'What has gone well?'),
    textField(ctx, 'couldImprove', 'What could have been better?'),
    textField(ctx, 'roleChanges', 'Has your job changed compared with your job description?'),
    headingField('h-wellbeing', 'Wellbeing and adjustments — only you, your reviewer and the headteacher see these answers'),
    choiceField(ctx, 'wellbeing.disability', 'Do you have a disability we should take into account?', yesNo, { value: 'prefer-not-to-say' }),
    choiceField(ctx, 'wellbeing.circumstancesChanged', 'Have your circumstances changed so that you need more adjustments?', yesNo, { value: 'prefer-not-to-say' }),
    choiceField(ctx, 'wellbeing.adjustmentsNeeded', 'Do you need any further adjustments?', yesNo, { value: 'prefer-not-to-say' }),
    textField(ctx, 'wellbeing.details', 'Details (optional)'),
    textField(ctx, 'wellbeing.supportWanted', 'Anything more the school could do for your health and wellbeing?'),
    headingField('h-development', 'Training and the future'),
    textField(ctx, 'cpdReceived', 'Training received or offered'),
    textField(ctx, 'aspirations', 'Your career aspirations'),
    textField(ctx, 'trainingWanted', 'Training or development you would like'),
    textField(ctx, 'feedbackToSchool', 'Feedback for the school'),
  );
  return formOf(ctx, 'self-assessment.submit', {
    title: 'Your self-assessment',
    intro: 'Take your time: this is your side of the conversation at the meeting. You don’t need to attach evidence.',
    fields, fixed, submitTitle: 'Send my self-assessment',
  });
}

/** The personal development plan: up to three goals (Annex 1b). */
export function developmentPlanForm(ctx: FormContext): FormView {
  const current = ctx.state.developmentPlan;
  const fields: FieldView[] = [];
  for (let i = 0; i < 3; i += 1) {
    const g = current?.goals[i];
    fields.push(
      headingField(`h-goal-${i}`, `Goal ${i + 1}${i > 0 ? ' (optional)' : ''}`),
      textField(ctx, `goals.${i}.goal`, 'Development goal', { value: g?.goal, required: i === 0, max: 500, multiline: false }),
      textField(ctx, `goals.${i}.timescale`, 'By when', { value: g?.timescale, required: i === 0, max: 200, multiline: false }),
      textField(ctx, `goals.${i}.support`, 'Support needed', { value: g?.support }),
    );
  }
  fields.push(textField(ctx, 'supportForObjectives', 'Support needed to meet the objectives', { value: current?.supportForObjectives }));
  return formOf(ctx, 'development-plan.set', { title: 'Personal development plan', fields, submitTitle: 'Save the plan' });
}

/** The interim review: progress per objective, support so far, changes, the final review date (R-INT-1). */
export function interimForm(ctx: FormContext): FormView {
  const fixed: FormView['fixed'] = {};
  const fields: FieldView[] = [];
  activeObjectives(ctx.state).forEach((o, i) => {
    fixed[`progress.${i}.objectiveId`] = o.id;
    fields.push(
      headingField(`h-${o.id}`, `Objective ${i + 1}: ${latest(o).headline}`),
      textField(ctx, `progress.${i}.comment`, 'Progress so far', { required: true }),
      textField(ctx, `progress.${i}.update`, 'Update or next steps (optional)'),
    );
  });
  fields.push(
    headingField('h-rest', 'Support and changes'),
    textField(ctx, 'supportSoFar', 'Support and training given so far'),
    textField(ctx, 'changesNeeded', 'Changes needed (to objectives or the role)'),
    dateField(ctx, 'finalReviewDate', 'Date agreed for the final review'),
  );
  return formOf(ctx, 'interim.record', { title: 'Interim review', intro: 'Record what you discussed at the interim meeting.', fields, fixed, submitTitle: 'Record the interim review' });
}

/** The reviewer's final assessment, on the policy's scale (R-FIN-1), with absence taken into account (R-FIN-2). */
export function finalAssessmentForm(ctx: FormContext): FormView {
  const scale = ctx.policy.finalRatingScale.map((l) => ({ title: l.label, value: l.id }));
  const fixed: FormView['fixed'] = {};
  const fields: FieldView[] = [];
  activeObjectives(ctx.state).forEach((o, i) => {
    fixed[`objectives.${i}.objectiveId`] = o.id;
    fields.push(
      headingField(`h-${o.id}`, `Objective ${i + 1}: ${latest(o).headline}`),
      choiceField(ctx, `objectives.${i}.rating`, 'Assessment', scale),
      textField(ctx, `objectives.${i}.comment`, 'Comments to support the assessment', { required: true }),
      textField(ctx, `objectives.${i}.outsideFactors`, 'Factors outside their control (optional)'),
      toggleField(ctx, `objectives.${i}.continues`, 'This objective carries on into next year'),
    );
  });
  fields.push(
    headingField('h-overall', 'Overall'),
    textField(ctx, 'overall', 'Overall assessment against the role’s standards', { required: true }),
    textField(ctx, 'otherAchievements', 'Other achievements this year'),
    textField(ctx, 'agreedActions', 'Agreed actions'),
    textField(ctx, 'trainingNeeds', 'Training needs for next year'),
    textField(ctx, 'evidenceSummary', 'Summary of the evidence considered'),
    textField(ctx, 'reviewerComments', 'Your comments'),
    choiceField(ctx, 'absence.kind', 'Absence to take into account', [
      { title: 'None', value: 'none' }, { title: 'Illness', value: 'illness' }, { title: 'Maternity or family leave', value: 'maternity' }, { title: 'Other', value: 'other' },
    ], { value: 'none' }),
    textField(ctx, 'absence.note', 'How it was taken into account (optional)'),
  );
  return formOf(ctx, 'final.assess', { title: 'Final review', intro: 'Good progress on a challenging objective may be assessed favourably.', fields, fixed, submitTitle: 'Record the assessment' });
}
