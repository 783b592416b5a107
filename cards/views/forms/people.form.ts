import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { dateInWords } from '../../../services/shared/london-time';
import { choiceField, clip, colleagues, dateField, formOf, nameIn, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// Forms that choose a person, an observation or an objective: always by name from a list, never a typed id.

/** Planning an observation, with notice (R-OBS-1). */
export const observationPlanForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.plan', {
    title: 'Plan an observation',
    intro: `${nameIn(ctx, ctx.state.revieweeId, 'The person')} is told in advance: the date, what will be observed and the focus.`,
    fields: [
      choiceField(ctx, 'observerId', 'Observer', colleagues(ctx, [ctx.state.revieweeId]), { value: ctx.people.some((p) => p.id === ctx.viewerId) ? ctx.viewerId : undefined }),
      dateField(ctx, 'date', 'Date'),
      textField(ctx, 'context', 'Class, group or work to be observed', { required: true, max: 300, multiline: false }),
      textField(ctx, 'term', 'Term (optional)', { max: 80, multiline: false }),
      textField(ctx, 'focus', 'Focus of the observation', { required: true, max: 500 }),
    ],
    submitTitle: 'Plan it',
  });

type Observation = FormContext['state']['observations'][number];

const observationChoice = (ctx: FormContext, which: (o: Observation) => boolean): FieldView => {
  const list = ctx.state.observations.filter(which);
  const only = list.length === 1 ? list[0]?.id : undefined;
  return choiceField(ctx, 'observationId', 'Which observation', list.map((o) => ({ title: `${clip(o.context, 80)}, ${dateInWords(o.heldOn ?? o.date)}`, value: o.id })), { value: ctx.args.observationId ?? only });
};

/** Recording that an observation took place. */
export const observationRecordForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.record', {
    title: 'Record an observation',
    intro: 'Record that the observation happened; feedback comes next.',
    fields: [observationChoice(ctx, (o) => o.heldOn === null), dateField(ctx, 'heldOn', 'Held on'), textField(ctx, 'notes', 'Notes (optional)')],
    submitTitle: 'Record it',
  });

/** Feedback on an observation (R-OBS-1, R-DL-4: verbal and written, each with its deadline). */
export const observationFeedbackForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'observation.feedback', {
    title: 'Feedback on an observation',
    intro: 'Verbal feedback is noted here after you have given it; written feedback is sent as it is.',
    fields: [
      observationChoice(ctx, (o) => o.heldOn !== null && (o.verbal === null || o.written === null)),
      choiceField(ctx, 'kind', 'Kind of feedback', [{ title: 'Verbal (noted here)', value: 'verbal' }, { title: 'Written', value: 'written' }], { value: 'written' }),
      textField(ctx, 'text', 'Strengths and areas to develop', { required: true }),
      textField(ctx, 'actions', 'Actions (optional)'),
    ],
    submitTitle: 'Send feedback',
  });

/** Adding a piece of evidence by reference (R-EVD-1): never a portfolio. */
export const evidenceForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'evidence.add', {
    title: 'Add evidence',
    intro: 'A short note of what it is and where to find it is enough. Nobody needs a portfolio.',
    fields: [
      choiceField(ctx, 'objectiveId', 'For which objective (optional)', activeObjectives(ctx.state).map((o, i) => ({ title: `${i + 1}. ${clip(latest(o).headline, 100)}`, value: o.id })), { value: ctx.args.objectiveId, required: false }),
      textField(ctx, 'what', 'What it is', { required: true, max: 500, multiline: false }),
      textField(ctx, 'who', 'Who (optional)', { max: 200, multiline: false }),
      textField(ctx, 'when', 'When (optional)', { max: 200, multiline: false }),
      textField(ctx, 'where', 'Where to find it (optional)', { max: 200, multiline: false }),
      textField(ctx, 'questions', 'Questions to ask (optional)'),
      textField(ctx, 'link', 'Link (optional)', { max: 1000, multiline: false, placeholder: 'https://' }),
    ],
    submitTitle: 'Add it',
  });

const REASONS = [
  { title: 'Absent for most of the cycle', value: 'absent' }, { title: 'Not suitable', value: 'unsuitable' }, { title: 'After an objection', value: 'objection' },
  { title: 'Transfer to a new post', value: 'transfer' }, { title: 'Another reason', value: 'other' },
];

/** The headteacher changes the reviewer, choosing the new one by name; the cycle carries on (R-ROLE-2, R-CYC-5). */
export const reviewerChangeForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'reviewer.change', {
    title: 'Change the reviewer',
    intro: `${nameIn(ctx, ctx.state.reviewerId, 'Nobody')} reviews ${nameIn(ctx, ctx.state.revieweeId, 'them')} now. The cycle carries on with the new reviewer, and both are told.`,
    fields: [
      choiceField(ctx, 'newReviewerId', 'New reviewer', colleagues(ctx, [ctx.state.revieweeId, ctx.state.reviewerId])),
      choiceField(ctx, 'reason', 'Why', REASONS),
      textField(ctx, 'note', 'Note (optional)'),
    ],
    submitTitle: 'Change the reviewer',
  });

/** The person objects to their reviewer, in writing (R-DL-2, R-ROLE-2). */
export const objectionRaiseForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'objection.raise', {
    title: 'Object to your reviewer',
    intro: `You may object to ${nameIn(ctx, ctx.state.reviewerId, 'your reviewer')} reviewing you. Please give your reasons; the headteacher decides and tells you in writing.`,
    fields: [textField(ctx, 'reasons', 'Your reasons', { required: true, max: 4000 })],
    submitTitle: 'Send my objection',
  });

/** A decision on an objection, naming the new reviewer by name when it is upheld (R-DL-2). */
export function objectionDecideForm(type: Extract<CommandType, 'objection.decide' | 'objection.appeal-decide'>) {
  return (ctx: FormContext): FormView => {
    const open = ctx.state.objections.find((o) => o.status !== 'final') ?? null;
    const lines = open ? [`Raised ${dateInWords(open.raisedOn)}: ${clip(open.reasons, 600)}`, ...open.history.slice(-4).map((h) => `${h.step.replace(/-/g, ' ')}: ${clip(h.text, 600)}`)] : [];
    return formOf(ctx, type, {
      title: type === 'objection.decide' ? 'Decide on the objection' : 'Decide the appeal about the reviewer',
      intro: `${nameIn(ctx, ctx.state.revieweeId, 'The person')} ${type === 'objection.decide' ? 'objects to' : 'has appealed the decision about'} ${nameIn(ctx, ctx.state.reviewerId, 'their reviewer')}${type === 'objection.decide' ? '' : ' as their reviewer'}. If you agree, choose the new reviewer. Either way, give your reasons in writing.`,
      document: lines.length ? { heading: 'The objection', lines } : null,
      fields: [
        toggleField(ctx, 'upheld', 'Agree, and change the reviewer'),
        choiceField(ctx, 'newReviewerId', 'New reviewer, if changing', colleagues(ctx, [ctx.state.revieweeId, ctx.state.reviewerId]), { required: false }),
        textField(ctx, 'reasons', 'Your reasons, in writing', { required: true, max: 4000 }),
      ],
      submitTitle: 'Send the decision',
    });
  };
}
