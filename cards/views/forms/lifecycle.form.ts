import type { CommandType } from '../../../services/case/case-commands.schema';
import { STAGE_LABELS } from '../../../services/case/case-stages';
import { choiceField, colleagues, dateField, formOf, nameIn, textField, toggleField } from './form-fields';
import type { FormContext, FormView } from './form.types';

// The headteacher's decisions about the case itself: a transfer to a new post (R-CYC-5), formal capability
// (R-CON-1, R-ELG-1), a protected absence (R-FIN-2), leaving, restarting and closing.

/** A transfer to a new post: whether the cycle starts again, and who reviews now, chosen by name (R-CYC-5). */
export function caseTransferForm(ctx: FormContext): FormView {
  const s = ctx.state;
  const everyone = colleagues(ctx, [s.revieweeId]);
  return formOf(ctx, 'case.transfer', {
    title: 'Record a transfer',
    intro: `${nameIn(ctx, s.revieweeId, 'The person')} moves to a new post. Decide whether the cycle starts again, and who reviews them from now on.`,
    fields: [
      textField(ctx, 'newPost', 'The new post', { required: true, max: 200, multiline: false }),
      toggleField(ctx, 'restart', 'Start a new cycle in the new post'),
      choiceField(ctx, 'newReviewerId', 'New reviewer (leave empty to keep the same)', colleagues(ctx, [s.revieweeId, s.reviewerId]), { required: false }),
      // Prefilled with today's line managers, so leaving it alone keeps them.
      choiceField(ctx, 'newLineManagerIds', 'Line managers in the new post', everyone, { value: s.lineManagerIds.join(','), multi: true, required: false }),
    ],
    submitTitle: 'Record the transfer',
  });
}

/** Formal capability suspends the appraisal until the headteacher restarts it (R-CON-1, R-ELG-1). */
export const caseSuspendForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'case.suspend', {
    title: 'Suspend the appraisal',
    intro: `Formal capability procedures replace the appraisal while they last. ${nameIn(ctx, ctx.state.revieweeId, 'The person')}’s appraisal is held until you restart it; no reminders are sent meanwhile.`,
    fields: [textField(ctx, 'note', 'A note for the record (optional)')],
    fixed: { reason: 'formal-capability' },
    submitTitle: 'Suspend',
  });

/** A protected absence pauses the cycle, so the absence is taken into account (R-FIN-2). */
export const casePauseForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'case.pause', {
    title: 'Pause the appraisal',
    intro: 'The appraisal waits while the person is away, and no reminders are sent. Restart it when they are back.',
    fields: [
      choiceField(ctx, 'reason', 'Reason', [
        { title: 'Maternity leave', value: 'maternity' }, { title: 'Adoption leave', value: 'adoption' }, { title: 'Long-term sickness', value: 'long-term-sickness' },
        { title: 'Another protected absence', value: 'other-protected-absence' },
      ]),
      textField(ctx, 'note', 'A note for the record (optional)'),
    ],
    submitTitle: 'Pause',
  });

/** The person has left the school: the appraisal ends and is kept on record. */
export const caseWithdrawForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'case.withdraw', {
    title: 'Withdraw the appraisal',
    intro: `For when ${nameIn(ctx, ctx.state.revieweeId, 'the person')} has left the school. The appraisal ends and stays on record.`,
    fields: [dateField(ctx, 'leftOn', 'Date they left'), textField(ctx, 'note', 'A note for the record (optional)')],
    submitTitle: 'Withdraw',
  });

const NOTE_ONLY: Record<'case.resume' | 'case.unpause' | 'case.close', { title: string; intro: (ctx: FormContext) => string; submit: string }> = {
  'case.resume': { title: 'Restart the appraisal', intro: (ctx) => `The appraisal carries on from “${STAGE_LABELS[ctx.state.hold?.from ?? 'in-cycle']}”, with fresh dates where any have passed.`, submit: 'Restart' },
  'case.unpause': { title: 'Restart the paused appraisal', intro: (ctx) => `Welcome back: the appraisal carries on from “${STAGE_LABELS[ctx.state.hold?.from ?? 'in-cycle']}”.`, submit: 'Restart' },
  'case.close': { title: 'Close the appraisal', intro: () => 'Closing ends this cycle’s appraisal. Everything stays on record.', submit: 'Close' },
};

/** Restarting or closing: a note is all it takes. */
export function noteOnlyForm(type: keyof typeof NOTE_ONLY) {
  return (ctx: FormContext): FormView =>
    formOf(ctx, type, { title: NOTE_ONLY[type].title, intro: NOTE_ONLY[type].intro(ctx), fields: [textField(ctx, 'note', 'A note for the record (optional)')], submitTitle: NOTE_ONLY[type].submit });
}

/** Every lifecycle form, by command. */
export const LIFECYCLE_FORMS = {
  'case.transfer': caseTransferForm,
  'case.suspend': caseSuspendForm,
  'case.pause': casePauseForm,
  'case.withdraw': caseWithdrawForm,
  'case.resume': noteOnlyForm('case.resume'),
  'case.unpause': noteOnlyForm('case.unpause'),
  'case.close': noteOnlyForm('case.close'),
} satisfies Partial<Record<CommandType, (ctx: FormContext) => FormView>>;
