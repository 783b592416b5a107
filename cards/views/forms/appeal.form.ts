import { currentAppeal } from '../../../services/case/appeal.reducer';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { dateInWords } from '../../../services/shared/london-time';
import { clip, dateField, formOf, nameIn, textField, toggleField } from './form-fields';
import type { DocumentView, FormContext, FormView } from './form.types';

// The appeal ladder (R-DL-1): concerns raised informally, written grounds, the reviewer's meeting, the
// headteacher's hearing, the Clerk and the governors' panel. Each step is in writing, and each form shows
// what has been said so far.

const STEP_NAMES: Record<string, string> = {
  raised: 'Concerns raised', informal: 'Informal discussion', written: 'Written grounds', 'reviewer-meeting': 'Reviewer’s meeting', 'head-hearing': 'Headteacher’s hearing',
  clerk: 'Appeal to the Clerk', 'panel-hearing': 'Panel hearing', 'panel-decision': 'Panel decision',
};

/** The appeal so far, step by step, to read before answering it. */
function appealDocument(ctx: FormContext): DocumentView | null {
  const a = currentAppeal(ctx.state.appeals);
  if (!a) return null;
  const lines = [
    `Raised on ${dateInWords(a.raisedOn)} about the ${a.statement} statement: ${clip(a.grounds, 600)}`,
    ...a.history.slice(-6).map((h) => `${STEP_NAMES[h.step] ?? h.step.replace(/-/g, ' ')}: ${clip(h.text, 600)}`),
    ...(a.due ? [`This step is due by ${dateInWords(a.due)}.`] : []),
  ];
  return { heading: 'The appeal so far', lines };
}

const statementOf = (ctx: FormContext): 'planning' | 'review' => (ctx.state.stage === 'appeal-window' ? 'review' : 'planning');

/** Raising concerns about a signed statement: the first, informal step (R-DL-1). */
export function appealRaiseForm(ctx: FormContext): FormView {
  const statement = statementOf(ctx);
  return formOf(ctx, 'appeal.raise', {
    title: 'Raise a concern about your statement',
    intro: `Your concerns about the ${statement} statement go first to ${nameIn(ctx, ctx.state.reviewerId, 'your reviewer')}, to talk through informally. Most concerns are settled that way.`,
    fields: [textField(ctx, 'grounds', 'What worries you about it', { required: true, max: 4000 })],
    fixed: { statement },
    submitTitle: 'Raise my concern',
  });
}

const OUTCOME: Record<'appeal.informal-outcome' | 'appeal.reviewer-outcome' | 'appeal.head-outcome', { title: string; intro: string; date: string }> = {
  'appeal.informal-outcome': { title: 'Outcome of the informal talk', intro: 'Write down what you agreed when you talked the concerns through.', date: 'Date you talked (optional)' },
  'appeal.reviewer-outcome': { title: 'Outcome of the appeal meeting', intro: 'Confirm in writing the outcome of your meeting about the written grounds.', date: 'Date of the meeting (optional)' },
  'appeal.head-outcome': { title: 'Your outcome of the appeal', intro: 'Write the outcome of your hearing. If it does not settle things, the person may appeal to the Clerk to the Governors.', date: 'Date of the hearing (optional)' },
};

/** A written outcome at a step of the ladder, and whether it settles the appeal (R-DL-1). */
export function appealOutcomeForm(type: keyof typeof OUTCOME) {
  return (ctx: FormContext): FormView =>
    formOf(ctx, type, {
      title: OUTCOME[type].title,
      intro: OUTCOME[type].intro,
      document: appealDocument(ctx),
      fields: [
        textField(ctx, 'outcome', 'The outcome, in writing', { required: true, max: 4000 }),
        toggleField(ctx, 'resolved', 'This settles the concerns'),
        dateField(ctx, 'meetingOn', OUTCOME[type].date, { required: false }),
      ],
      submitTitle: 'Send the outcome',
    });
}

const GROUNDS: Record<'appeal.written' | 'appeal.to-clerk' | 'objection.appeal', { title: string; intro: string; submit: string }> = {
  'appeal.written': { title: 'Your written grounds of appeal', intro: 'If talking it through didn’t settle it, set out your grounds in writing. Your reviewer will meet you about them.', submit: 'Send my grounds' },
  'appeal.to-clerk': { title: 'Appeal to the governors', intro: 'Your appeal goes to the Clerk to the Governors, who arranges a panel to hear it. The panel’s decision is final.', submit: 'Send to the Clerk' },
  'objection.appeal': { title: 'Appeal the decision on your reviewer', intro: 'If you think the decision about your reviewer was wrong, say why. It goes to the Clerk to the Governors.', submit: 'Send my appeal' },
};

/** Written grounds: to the reviewer and head, to the Clerk, or against the decision on the reviewer (R-DL-1, R-DL-2). */
export function groundsForm(type: keyof typeof GROUNDS) {
  return (ctx: FormContext): FormView =>
    formOf(ctx, type, {
      title: GROUNDS[type].title,
      intro: GROUNDS[type].intro,
      document: type === 'objection.appeal' ? null : appealDocument(ctx),
      fields: [textField(ctx, 'grounds', 'Your grounds', { required: true, max: 4000 })],
      submitTitle: GROUNDS[type].submit,
    });
}

/** The Clerk sets the date the governors' panel hears the appeal (R-DL-1). */
export const hearingForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'appeal.hearing-scheduled', {
    title: 'Set the hearing date',
    intro: `The governors’ panel hears ${nameIn(ctx, ctx.state.revieweeId, 'the person')}’s appeal on this date. Everyone involved is told.`,
    document: appealDocument(ctx),
    fields: [dateField(ctx, 'hearingOn', 'Hearing date', { value: currentAppeal(ctx.state.appeals)?.hearingOn })],
    submitTitle: 'Set the date',
  });

/** The panel's decision, final and in writing (R-DL-1). */
export const panelDecisionForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'appeal.panel-decision', {
    title: 'The panel’s decision',
    intro: 'The decision is final. Please give it in writing, with the reasons.',
    document: appealDocument(ctx),
    fields: [textField(ctx, 'outcome', 'The decision and the reasons', { required: true, max: 4000 }), toggleField(ctx, 'upheld', 'The appeal is upheld')],
    submitTitle: 'Record the decision',
  });

/** The reviewee withdraws their appeal; the statement stands as it is. */
export const appealWithdrawForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'appeal.withdraw', {
    title: 'Withdraw your appeal',
    intro: 'Your statement stays as it is. You can add a note if you wish.',
    fields: [textField(ctx, 'note', 'A note (optional)')],
    submitTitle: 'Withdraw the appeal',
  });

/** Every appeal form, by command. */
export const APPEAL_FORMS = {
  'appeal.raise': appealRaiseForm,
  'appeal.informal-outcome': appealOutcomeForm('appeal.informal-outcome'),
  'appeal.written': groundsForm('appeal.written'),
  'appeal.reviewer-outcome': appealOutcomeForm('appeal.reviewer-outcome'),
  'appeal.head-outcome': appealOutcomeForm('appeal.head-outcome'),
  'appeal.to-clerk': groundsForm('appeal.to-clerk'),
  'appeal.hearing-scheduled': hearingForm,
  'appeal.panel-decision': panelDecisionForm,
  'appeal.withdraw': appealWithdrawForm,
  'objection.appeal': groundsForm('objection.appeal'),
} satisfies Partial<Record<CommandType, (ctx: FormContext) => FormView>>;
