import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { choiceField, clip, formOf, headingField, nameIn, textField, toggleField } from './form-fields';
import type { DocumentView, FieldView, FormContext, FormView } from './form.types';
import { LONG, SHORT } from './self-assessment.form';

// The final review (R-FIN-1, R-FIN-2), pay (R-PAY-1) and the headteacher sending work back (R-MOD-1). The
// final review's answers are kept short enough that a full plan (spt allows six objectives) stays one card.

const ABSENCE = [
  { title: 'None to take into account', value: 'none' },
  { title: 'Illness', value: 'illness' },
  { title: 'Maternity or other family leave', value: 'maternity' },
  { title: 'Other', value: 'other' },
];

/** The reviewer's final assessment, on the policy's own scale (R-FIN-1), with absence taken into account (R-FIN-2). */
export function finalAssessmentForm(ctx: FormContext): FormView {
  const scale = ctx.policy.finalRatingScale.map((l) => ({ title: l.label, value: l.id }));
  const before = ctx.state.assessment;
  const fixed: FormView['fixed'] = {};
  const fields: FieldView[] = [];
  activeObjectives(ctx.state).forEach((o, i) => {
    const was = before?.objectives.find((a) => a.objectiveId === o.id);
    fixed[`objectives.${i}.objectiveId`] = o.id;
    fields.push(
      headingField(`h-${o.id}`, `Objective ${i + 1}: ${latest(o).headline}`),
      choiceField(ctx, `objectives.${i}.rating`, 'Assessment', scale, { value: was?.rating }),
      textField(ctx, `objectives.${i}.comment`, 'Comments to support the assessment', { value: was?.comment, required: true, max: SHORT }),
      textField(ctx, `objectives.${i}.outsideFactors`, 'Anything outside their control that affected it (optional)', { value: was?.outsideFactors, max: 300 }),
      toggleField(ctx, `objectives.${i}.continues`, 'This objective carries on into next year', was?.continues ?? latest(o).spansCycles),
    );
  });
  fields.push(
    headingField('h-overall', 'The year as a whole'),
    textField(ctx, 'overall', 'Overall assessment against the standards of the role', { value: before?.overall, required: true, max: LONG }),
    textField(ctx, 'otherAchievements', 'Other achievements this year', { value: before?.otherAchievements, max: SHORT }),
    textField(ctx, 'agreedActions', 'Actions you agreed', { value: before?.agreedActions, max: SHORT }),
    textField(ctx, 'trainingNeeds', 'Training needs for next year', { value: before?.trainingNeeds, max: SHORT }),
    textField(ctx, 'evidenceSummary', 'Summary of the evidence you looked at', { value: before?.evidenceSummary, max: SHORT }),
    textField(ctx, 'reviewerComments', 'Your comments', { value: before?.reviewerComments, max: SHORT }),
    headingField('h-absence', 'Absence'),
    choiceField(ctx, 'absence.kind', 'Absence to take into account', ABSENCE, { value: before?.absence.kind ?? 'none' }),
    textField(ctx, 'absence.note', 'The reason, and how you took it into account (optional)', { value: before?.absence.note, max: SHORT }),
  );
  return formOf(ctx, 'final.assess', {
    title: 'Final review',
    intro: 'Assess each objective on the school’s scale. Good progress on a challenging objective may be assessed favourably, and illness or maternity leave is taken into account.',
    fields, fixed, submitTitle: 'Record the assessment',
  });
}

/** The final ratings so far, for the headteacher and the pay forms to read. */
function assessmentDocument(ctx: FormContext): DocumentView | null {
  const a = ctx.state.assessment;
  if (!a) return null;
  const label = (id: string) => ctx.policy.finalRatingScale.find((l) => l.id === id)?.label ?? id;
  const headline = (id: string) => ctx.state.objectives.find((o) => o.id === id);
  const lines = a.objectives.map((x, i) => {
    const o = headline(x.objectiveId);
    return `${i + 1}. ${o ? clip(latest(o).headline, 120) : 'Objective'}: ${label(x.rating)}`;
  });
  return { heading: 'The final assessment', lines: [...lines, `Overall: ${clip(a.overall)}`] };
}

/** Telling the headteacher early that pay progression is at risk, before the final meeting (R-PAY-1). */
export const payFlagRiskForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'pay.flag-risk', {
    title: 'Pay progression at risk',
    intro: 'Tell the headteacher now, before the final meeting, so there are no surprises later.',
    fields: [textField(ctx, 'reason', 'Why it is at risk', { value: ctx.state.pay.riskFlag?.reason, required: true })],
    submitTitle: 'Tell the headteacher',
  });

/** The reviewer's pay recommendation (R-PAY-1): the headteacher approves it before anyone else sees it. */
export function payRecommendForm(ctx: FormContext): FormView {
  const before = ctx.state.pay.recommendation;
  const referred = ctx.state.pay.referrals[ctx.state.pay.referrals.length - 1];
  return formOf(ctx, 'pay.recommend', {
    title: 'Pay recommendation',
    intro: `${referred ? `The headteacher sent the last one back: “${clip(referred.reason, 200)}”. ` : ''}One increment when the objectives are met, until the top of the grade. The headteacher approves it first.`,
    document: assessmentDocument(ctx),
    fields: [
      choiceField(ctx, 'recommendation', 'Your recommendation', [
        { title: 'One increment', value: 'increment' }, { title: 'Already at the top of the grade', value: 'top-of-grade' }, { title: 'Withhold the increment', value: 'withhold' },
      ], { value: before?.recommendation }),
      textField(ctx, 'rationale', 'Why', { value: before?.rationale, required: true }),
    ],
    submitTitle: 'Send to the headteacher',
  });
}

/** The headteacher approves the pay recommendation before the person sees it (R-PAY-1). */
export function payApproveForm(ctx: FormContext): FormView {
  const rec = ctx.state.pay.recommendation;
  return formOf(ctx, 'pay.approve', {
    title: 'Approve the pay recommendation',
    intro: `Once you approve it, ${nameIn(ctx, ctx.state.revieweeId, 'the person')} can see the recommendation and it can go to the pay committee.`,
    document: rec ? { heading: 'The recommendation', lines: [`${rec.recommendation.replace(/-/g, ' ')}: ${clip(rec.rationale)}`, ...(assessmentDocument(ctx)?.lines ?? [])] } : assessmentDocument(ctx),
    fields: [textField(ctx, 'note', 'A note for the record (optional)')],
    submitTitle: 'Approve',
  });
}

/** The headteacher sends a planning statement or a pay recommendation back, saying why (R-MOD-1, R-PAY-1). */
export function sendBackForm(type: Extract<CommandType, 'moderation.refer-back' | 'pay.refer-back'>) {
  return (ctx: FormContext): FormView => {
    const reviewer = nameIn(ctx, ctx.state.reviewerId, 'the reviewer');
    const rec = ctx.state.pay.recommendation;
    const pay = type === 'pay.refer-back';
    return formOf(ctx, type, {
      title: pay ? 'Send the pay recommendation back' : 'Send the planning statement back',
      intro: `${reviewer} sees your reason and ${pay ? 'makes a new recommendation' : 'redoes the statement'}. ${pay ? 'Nothing is shown to the person until you approve.' : 'Consistency between similar roles is a good reason.'}`,
      document: pay && rec ? { heading: 'The recommendation', lines: [`${rec.recommendation.replace(/-/g, ' ')}: ${clip(rec.rationale)}`, ...(assessmentDocument(ctx)?.lines ?? [])] } : null,
      fields: [textField(ctx, 'reason', 'What needs to change, and why', { required: true })],
      submitTitle: 'Send it back',
    });
  };
}
