import { activeObjectives, latest } from '../../../services/case/case-statements';
import { dateInWords } from '../../../services/shared/london-time';
import { choiceField, clip, dateField, formOf, headingField, nameIn, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// Concerns raised when they arise (R-CON-1), the support plan with its reviews signed by both, and the support
// actually given, so nobody is held to account for support that never came (R-SUP-1).

/** Raising a performance concern when it arises, not at the next meeting (R-CON-1). */
export const concernForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'concern.raise', {
    title: 'Raise a concern',
    intro: 'Raise a concern when it comes up rather than saving it for the next meeting. The headteacher is told. Formal capability is for the headteacher to start.',
    fields: [
      choiceField(ctx, 'level', 'What kind of support fits', [
        { title: 'An early conversation', value: 'early-conversation' }, { title: 'Coaching or mentoring', value: 'coaching-mentoring' }, { title: 'Informal support from the manager', value: 'informal-support' },
      ], { value: 'early-conversation' }),
      textField(ctx, 'summary', 'What the concern is, in a few words', { required: true }),
    ],
    submitTitle: 'Raise the concern',
  });

/** The support plan: areas to improve, actions, a date for each and how success is measured (R-SUP-1, spt Appendix 2). */
export function supportPlanForm(ctx: FormContext): FormView {
  const items = ctx.state.supportPlan?.items ?? [];
  const rows = Math.min(10, Math.max(2, items.length + 1));
  const fields: FieldView[] = [];
  for (let i = 0; i < rows; i += 1) {
    const it = items[i];
    const need = i === 0 || it !== undefined;
    fields.push(
      headingField(`h-area-${i}`, `Area ${i + 1}${need ? '' : ' (optional)'}`),
      textField(ctx, `items.${i}.area`, 'Area for improvement', { value: it?.area, required: need, max: 500, multiline: false }),
      textField(ctx, `items.${i}.actions`, 'Actions to take', { value: it?.actions, required: need, max: 1000 }),
      dateField(ctx, `items.${i}.actionDate`, 'By when', { value: it?.actionDate, required: need }),
      textField(ctx, `items.${i}.measures`, 'How we will know it has worked', { value: it?.measures, required: need, max: 500 }),
    );
  }
  return formOf(ctx, 'support-plan.set', {
    title: 'Support plan',
    intro: `The help ${nameIn(ctx, ctx.state.revieweeId, 'they')} will get, and how you will both know it is working. Leave a spare area blank.`,
    fields, submitTitle: 'Save the support plan',
  });
}

/** A support plan review: progress on each area; sending it is your signature, and both of you sign (R-SUP-1). */
export function supportReviewForm(ctx: FormContext): FormView {
  const plan = ctx.state.supportPlan;
  if (!plan) {
    return formOf(ctx, 'support-plan.review', { title: 'Support plan review', intro: 'There is no support plan to review yet.', fields: [], readOnly: true, submitTitle: 'Back' });
  }
  const waiting = plan.reviews.find((r) => r.employeeSignedAt === null || r.managerSignedAt === null);
  const fixed: FormView['fixed'] = {};
  const fields: FieldView[] = [dateField(ctx, 'reviewOn', 'Date of the review', { value: waiting?.reviewOn })];
  plan.items.forEach((it, i) => {
    fixed[`progress.${i}.itemId`] = it.id;
    fields.push(headingField(`h-${it.id}`, `${i + 1}. ${clip(it.area, 200)} (by ${dateInWords(it.actionDate)})`), textField(ctx, `progress.${i}.progress`, 'Progress', { value: it.progress, required: true, max: 1000 }));
  });
  fields.push(textField(ctx, 'notes', 'Notes (optional)', { value: waiting?.notes }), toggleField(ctx, 'completed', 'Every area is met: the plan is complete'));
  return formOf(ctx, 'support-plan.review', {
    title: 'Support plan review',
    intro: `${waiting ? `The review of ${dateInWords(waiting.reviewOn)} is waiting for a signature. ` : ''}Sending this signs the review; you both sign each one.`,
    fields, fixed, submitTitle: 'Sign the review',
  });
}

/** What support can be recorded as given: an objective's agreed support, a development goal, a support plan area. */
function supportChoices(ctx: FormContext): { kinds: { title: string; value: string }[]; items: { title: string; value: string }[] } {
  const s = ctx.state;
  const objectives = activeObjectives(s).map((o, i) => ({ title: `Objective ${i + 1}: ${clip(latest(o).support || latest(o).headline, 100)}`, value: o.id }));
  // Development goals are named by their place in the plan (1, 2, …): the case machine reads them that way.
  const goals = (s.developmentPlan?.goals ?? []).map((g, i) => ({ title: `Development goal ${i + 1}: ${clip(g.support || g.goal, 100)}`, value: String(i + 1) }));
  const areas = (s.supportPlan?.items ?? []).map((it) => ({ title: `Support plan: ${clip(it.area, 100)}`, value: it.id }));
  const kinds = [
    ...(objectives.length ? [{ title: 'An objective', value: 'objective' }] : []),
    ...(goals.length ? [{ title: 'A development goal', value: 'development-goal' }] : []),
    ...(areas.length ? [{ title: 'The support plan', value: 'support-item' }] : []),
  ];
  return { kinds, items: [...objectives, ...goals, ...areas] };
}

/** Recording support that was given, against what it was agreed for (R-SUP-1). */
export function supportDeliveredForm(ctx: FormContext): FormView {
  const { kinds, items } = supportChoices(ctx);
  return formOf(ctx, 'support.delivered', {
    title: 'Record support given',
    intro: 'Agreed support that was given goes on the record, so nobody is held to account for help that never came.',
    fields: [
      choiceField(ctx, 'ref.kind', 'It was agreed for', kinds, { value: kinds.length === 1 ? kinds[0]?.value : undefined }),
      choiceField(ctx, 'ref.id', 'Which one', items, { value: items.length === 1 ? items[0]?.value : undefined }),
      dateField(ctx, 'deliveredOn', 'Date it was given'),
      textField(ctx, 'note', 'What was given (optional)'),
    ],
    submitTitle: 'Record it',
  });
}
