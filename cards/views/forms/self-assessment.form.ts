import type { Meeting } from '../../../services/case/input-fields.schema';
import type { CaseState } from '../../../services/case/case-state.schema';
import { choiceField, clip, formOf, headingField, nameIn, textField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// The spt self-assessment form (R-SA-1): the reviewee rates each standard and conduct expectation, then the
// manager adds their rating, comment and the agreed rating for the same items, matched by position. Answers
// are kept shorter than the record allows, so a whole form shown again with what was typed stays one card.

/** The standards and conduct expectations of the self-assessment, until a school sets its own (spt Appendix 1). */
export const DEFAULT_STANDARDS: readonly { area: 'standard' | 'conduct'; title: string }[] = [
  { area: 'standard', title: 'Working with pupils' },
  { area: 'standard', title: 'Working with colleagues' },
  { area: 'standard', title: 'Communication' },
  { area: 'standard', title: 'Organisation and use of time' },
  { area: 'conduct', title: 'Professional conduct and confidentiality' },
];

const MEETING_OF_STAGE: Partial<Record<CaseState['stage'], Meeting>> = { preparation: 'planning', planning: 'planning', interim: 'interim', 'final-review': 'final' };

/** Which meeting a self-assessment is for, from where the case is (or what the button said). */
export function meetingOf(ctx: FormContext): Meeting {
  if (ctx.args.meeting === 'planning' || ctx.args.meeting === 'interim' || ctx.args.meeting === 'final') return ctx.args.meeting;
  return MEETING_OF_STAGE[ctx.state.stage] ?? (ctx.state.interim ? 'final' : 'interim');
}

/** How long an answer may be in these forms: short for a comment beside a rating, long for a question. */
export const SHORT = 500;
export const LONG = 1000;

const yesNo = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
  { title: 'I’d rather not say', value: 'prefer-not-to-say' },
];

type Employee = CaseState['selfAssessments'][number]['employee'];

/** The items to rate: last time's answers for this meeting, else the items of an earlier meeting, else the defaults. */
function itemsOf(state: CaseState, meeting: Meeting): { area: 'standard' | 'conduct'; title: string }[] {
  const here = state.selfAssessments.find((a) => a.meeting === meeting)?.employee.items ?? [];
  const earlier = [...state.selfAssessments].reverse().find((a) => a.employee.items.length > 0)?.employee.items ?? [];
  const from = here.length ? here : earlier.length ? earlier : DEFAULT_STANDARDS;
  return from.slice(0, 8).map((i) => ({ area: i.area, title: i.title }));
}

/** The reviewee's self-assessment before a meeting (R-SA-1). */
export function selfAssessmentForm(ctx: FormContext): FormView {
  const meeting = meetingOf(ctx);
  const sent: Employee | null = ctx.state.selfAssessments.find((a) => a.meeting === meeting)?.employee ?? null;
  const scale = ctx.policy.selfAssessmentScale.map((l) => ({ title: l.label, value: l.id }));
  const fixed: FormView['fixed'] = { meeting };
  const fields: FieldView[] = [headingField('h-standards', 'How do you think it is going? Rate each one and add a comment if you like.')];
  itemsOf(ctx.state, meeting).forEach((item, i) => {
    const before = sent?.items.find((x) => x.title === item.title);
    fixed[`items.${i}.area`] = item.area;
    fixed[`items.${i}.title`] = item.title;
    fields.push(
      choiceField(ctx, `items.${i}.rating`, `${item.area === 'conduct' ? 'Conduct: ' : ''}${item.title}`, scale, { value: before?.rating }),
      textField(ctx, `items.${i}.comment`, 'Comment (optional)', { value: before?.comment, multiline: false, max: SHORT }),
    );
  });
  const w = sent?.wellbeing;
  fields.push(
    headingField('h-summary', 'Since the last meeting'),
    textField(ctx, 'wentWell', 'What has gone well?', { value: sent?.wentWell, max: LONG }),
    textField(ctx, 'couldImprove', 'What could have gone better?', { value: sent?.couldImprove, max: LONG }),
    textField(ctx, 'roleChanges', 'Has any part of your job changed, compared with your job description?', { value: sent?.roleChanges, max: LONG }),
    headingField('h-wellbeing', 'Wellbeing and adjustments. Only you, your reviewer and the headteacher see these answers.'),
    choiceField(ctx, 'wellbeing.disability', 'Do you have a disability we should take into account?', yesNo, { value: w?.disability ?? 'prefer-not-to-say' }),
    choiceField(ctx, 'wellbeing.circumstancesChanged', 'Have your circumstances changed so that you need more adjustments?', yesNo, { value: w?.circumstancesChanged ?? 'prefer-not-to-say' }),
    choiceField(ctx, 'wellbeing.adjustmentsNeeded', 'Do you need any further adjustments?', yesNo, { value: w?.adjustmentsNeeded ?? 'prefer-not-to-say' }),
    textField(ctx, 'wellbeing.details', 'Details (optional)', { value: w?.details, max: SHORT }),
    textField(ctx, 'wellbeing.supportWanted', 'Is there anything more the school could do for your health and wellbeing?', { value: w?.supportWanted, max: SHORT }),
    headingField('h-development', 'Training and the future'),
    textField(ctx, 'cpdReceived', 'Training you have had or been offered', { value: sent?.cpdReceived, max: SHORT }),
    textField(ctx, 'aspirations', 'Your career hopes', { value: sent?.aspirations, max: SHORT }),
    textField(ctx, 'trainingWanted', 'Training or development you would like', { value: sent?.trainingWanted, max: SHORT }),
    textField(ctx, 'feedbackToSchool', 'Anything you would like to tell the school', { value: sent?.feedbackToSchool, max: SHORT }),
  );
  return formOf(ctx, 'self-assessment.submit', {
    title: 'Your self-assessment',
    intro: `Your side of the conversation at the ${meeting} meeting. Take your time; you don’t need to attach any evidence.`,
    fields, fixed, submitTitle: sent ? 'Send my changes' : 'Send my self-assessment',
  });
}

/** The manager's side of the self-assessment: their rating and comment per item, and the rating agreed (R-SA-1). */
export function selfAssessmentReviewForm(ctx: FormContext): FormView {
  const meeting = meetingOf(ctx);
  const record = ctx.state.selfAssessments.find((a) => a.meeting === meeting) ?? null;
  const who = nameIn(ctx, ctx.state.revieweeId, 'your reviewee');
  if (!record) {
    return formOf(ctx, 'self-assessment.review', {
      title: 'Add your ratings',
      intro: `${who} hasn’t sent the self-assessment for the ${meeting} meeting yet. You can add your ratings once it arrives.`,
      fields: [], readOnly: true, submitTitle: 'Back',
    });
  }
  const scale = ctx.policy.selfAssessmentScale;
  const choices = scale.map((l) => ({ title: l.label, value: l.id }));
  const label = (id: string) => scale.find((l) => l.id === id)?.label ?? id;
  const fixed: FormView['fixed'] = { meeting };
  const fields: FieldView[] = [];
  const mine = record.manager;
  record.employee.items.slice(0, 8).forEach((item, i) => {
    const before = mine?.items.find((x) => x.index === i);
    fixed[`items.${i}.index`] = i;
    fields.push(
      headingField(`h-item-${i}`, `${item.title}: ${who} said “${label(item.rating)}”${item.comment ? ` — ${clip(item.comment, 200)}` : ''}`),
      choiceField(ctx, `items.${i}.rating`, 'Your rating', choices, { value: before?.rating }),
      textField(ctx, `items.${i}.comment`, 'Your comment (optional)', { value: before?.comment, multiline: false, max: SHORT }),
      choiceField(ctx, `items.${i}.agreedRating`, 'Rating agreed together (optional)', choices, { value: before?.agreedRating ?? undefined, required: false }),
      textField(ctx, `items.${i}.general`, 'General comments (optional)', { value: before?.general, multiline: false, max: SHORT }),
    );
  });
  fields.push(
    headingField('h-yours', 'Your view of the period'),
    textField(ctx, 'wentWell', 'What has gone well?', { value: mine?.wentWell, max: LONG }),
    textField(ctx, 'couldImprove', 'What could have gone better?', { value: mine?.couldImprove, max: LONG }),
  );
  const e = record.employee;
  const lines = [
    ['Gone well', e.wentWell], ['Could have gone better', e.couldImprove], ['Changes to the job', e.roleChanges], ['Training wanted', e.trainingWanted], ['Career hopes', e.aspirations],
  ].filter(([, text]) => text).map(([title, text]) => `${title}: ${clip(text ?? '')}`);
  return formOf(ctx, 'self-assessment.review', {
    title: 'Add your ratings',
    intro: `Add your rating next to ${who}’s for each item, and the rating you agree at the ${meeting} meeting.`,
    document: lines.length ? { heading: `What ${who} wrote`, lines } : null,
    fields, fixed, submitTitle: 'Save my ratings',
  });
}
