import { activeObjectives, latest } from '../../../services/case/case-statements';
import { choiceField, clip, colleagues, formOf, headingField, nameIn, textField } from './form-fields';
import type { DocumentView, FieldView, FormContext, FormView } from './form.types';
import { objectiveFields } from './objectives.form';

// Agreeing the objectives (R-OBJ-4), sharing them (R-PRV-1), group objectives (R-OBJ-3) and objectives
// carried on from last year (R-CYC-6).

/** The objectives as they stand, to read before saying yes or no. */
function objectivesDocument(ctx: FormContext): DocumentView | null {
  const list = activeObjectives(ctx.state);
  return list.length ? { heading: 'The objectives proposed', lines: list.map((o, i) => `${i + 1}. ${clip(latest(o).headline)}`) } : null;
}

/** The reviewee says they disagree with the proposed objectives, and why (R-OBJ-4). */
export const objectivesDisagreeForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'objectives.disagree', {
    title: 'Not happy with the objectives?',
    intro: `Say what you would change. ${nameIn(ctx, ctx.state.reviewerId, 'Your reviewer')} will talk it through with you; if you still can’t agree, they decide, and the record says so.`,
    document: objectivesDocument(ctx),
    fields: [textField(ctx, 'reason', 'What you would change, and why', { required: true })],
    submitTitle: 'Send',
  });

/** The reviewer settles the objectives after a disagreement; the record shows they were determined (R-OBJ-4). */
export const objectivesDetermineForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'objectives.determine', {
    title: 'Decide the objectives',
    intro: `${ctx.state.agreement.disagreement ? `${nameIn(ctx, ctx.state.revieweeId, 'They')} didn’t agree: “${clip(ctx.state.agreement.disagreement.reason, 300)}”. ` : ''}If talking it through hasn’t helped, you can decide; the record will say the objectives were determined, not agreed.`,
    document: objectivesDocument(ctx),
    fields: [textField(ctx, 'note', 'A note for the record (optional)')],
    submitTitle: 'Decide the objectives',
  });

/** The headteacher approves a planning statement after checking it against similar roles (R-MOD-1). */
export const moderationApproveForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'moderation.approve', {
    title: 'Approve the planning statement',
    intro: `Check ${nameIn(ctx, ctx.state.revieweeId, 'the person')}’s objectives for consistency with similar roles. Once approved, the statement goes for signing.`,
    document: objectivesDocument(ctx),
    fields: [textField(ctx, 'note', 'A note for the record (optional)')],
    submitTitle: 'Approve',
  });

/** The reviewee chooses who else may see their objectives, by name (R-PRV-1: wider sharing only with agreement). */
export function objectivesShareForm(ctx: FormContext): FormView {
  const s = ctx.state;
  const already = [s.revieweeId, s.reviewerId, s.headteacherId, ...s.lineManagerIds];
  return formOf(ctx, 'objectives.share', {
    title: 'Share your objectives',
    intro: 'Your reviewer, line managers and the headteacher can already see them. Choose anyone else who may see your objectives (and only those); clear a name to stop sharing.',
    fields: [choiceField(ctx, 'personIds', 'Colleagues who may see my objectives', colleagues(ctx, already), { value: s.sharedWith.join(','), multi: true, required: false })],
    submitTitle: 'Save',
  });
}

/** The group's id: the one the case already uses, or one made from the role family (never typed). */
const groupIdOf = (ctx: FormContext): string =>
  ctx.state.objectives.find((o) => o.status === 'active' && o.source === 'group')?.groupId ?? `group-${ctx.state.roleFamily.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** Group objectives shared by everyone in a role family (R-OBJ-3): the current set, plus a spare row. */
export function groupObjectivesForm(ctx: FormContext): FormView {
  const groupId = groupIdOf(ctx);
  const current = activeObjectives(ctx.state).filter((o) => o.groupId === groupId);
  const rows = Math.min(10, Math.max(2, current.length + 1));
  const fields: FieldView[] = [];
  for (let i = 0; i < rows; i += 1) {
    const o = current[i];
    fields.push(headingField(`h-group-${i}`, `Group objective ${i + 1}${i >= Math.max(1, current.length) ? ' (optional)' : ''}`), ...objectiveFields(ctx, o ? latest(o) : null, `objectives.${i}`, i >= Math.max(1, current.length)));
  }
  return formOf(ctx, 'objectives.use-group', {
    title: 'Group objectives',
    intro: `Standards shared by everyone in the ${ctx.state.roleFamily} role family, in place of individual objectives. Leave the spare one blank if you don’t need it.`,
    fields, fixed: { groupId, roleFamily: ctx.state.roleFamily }, submitTitle: 'Use these objectives',
  });
}

/** Carrying objectives on from last year is done by the system when the cycle opens (R-CYC-6): nothing to fill in. */
export function carryForwardForm(ctx: FormContext): FormView {
  const carried = activeObjectives(ctx.state).filter((o) => o.carriedFrom);
  return formOf(ctx, 'objectives.carry-forward', {
    title: 'Objectives carried on',
    intro: 'Objectives marked as carrying on at last year’s final review come into this plan by themselves when the new cycle opens, with the progress made so far. There is nothing to fill in here.',
    document: carried.length ? { heading: 'Carried on from last year', lines: carried.map((o) => `${clip(latest(o).headline, 200)}${o.carriedFrom?.progress ? ` (progress: ${clip(o.carriedFrom.progress, 200)})` : ''}`) } : null,
    fields: [],
    readOnly: true,
    submitTitle: 'Back',
  });
}
