import { OBJECTIVE_KINDS } from '../../../services/case/planning-inputs.schema';
import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { ObjectiveRecord } from '../../../services/case/case-records.schema';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { choiceField, dateField, formOf, headingField, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// The objectives editor (R-OBJ-1, R-OBJ-2, R-CYC-6): the six aspects, the kind, the school's priorities.

const KIND_TITLES: Record<(typeof OBJECTIVE_KINDS)[number], string> = {
  trust: 'Employer objective: trust priority',
  school: 'Employer objective: school priority',
  individual: 'Employer objective: individual',
  employee: 'My own objective',
};

/**
 * The six aspects of an objective under `prefix` (`objective.`, `objectives.2.`), prefilled from a version.
 * An optional row (a spare one in a list) asks only for words, so a row left blank adds nothing. Answers are
 * kept shorter than the record allows, so a plan of several objectives stays one card.
 */
export function objectiveFields(ctx: FormContext, current: ObjectiveRecord['versions'][number] | null, prefix = 'objective', optional = false): FieldView[] {
  const f = (id: string) => `${prefix}.${id}`;
  const need = !optional;
  const words: FieldView[] = [
    textField(ctx, f('headline'), 'Headline: the outcome you want', { value: current?.headline, required: need, max: 300, multiline: false }),
    textField(ctx, f('tasks'), 'Tasks and action steps', { value: current?.tasks, required: need, max: 1000 }),
    textField(ctx, f('timescales'), 'Timescales', { value: current?.timescales, required: need, max: 300 }),
    textField(ctx, f('successMeasures'), 'How we will know it is achieved', { value: current?.successMeasures, required: need, max: 1000 }),
    textField(ctx, f('evidenceHow'), 'How that information is gathered', { value: current?.evidenceHow, required: need, max: 1000 }),
    textField(ctx, f('support'), 'Support, training and development agreed', { value: current?.support, max: 1000 }),
  ];
  if (optional) return [...words, dateField(ctx, f('targetDate'), 'Target date (optional)', { value: current?.targetDate, required: false })];
  return [
    ...words,
    choiceField(ctx, f('kind'), 'Kind', OBJECTIVE_KINDS.map((k) => ({ title: KIND_TITLES[k], value: k })), { value: current?.kind ?? 'individual' }),
    ...(ctx.state.priorities.length
      ? [choiceField(ctx, f('priorityIds'), 'Links to the school’s priorities', ctx.state.priorities.map((p) => ({ title: p.title, value: p.id })), { value: current?.priorityIds.join(','), multi: true, required: false })]
      : []),
    dateField(ctx, f('targetDate'), 'Target date (optional)', { value: current?.targetDate, required: false }),
    toggleField(ctx, f('spansCycles'), 'This objective runs into next year’s cycle', current?.spansCycles ?? false),
  ];
}

// Group objectives are changed for the whole role family at once (R-OBJ-3), never one case at a time.
const ownObjectives = (ctx: FormContext): ObjectiveRecord[] => activeObjectives(ctx.state).filter((o) => o.source !== 'group');

const chosen = (ctx: FormContext): ObjectiveRecord | null => ownObjectives(ctx).find((o) => o.id === ctx.args.objectiveId) ?? null;

function limitNote(ctx: FormContext): string {
  const left = ctx.state.cycle.objectiveLimit - activeObjectives(ctx.state).length;
  return `${ctx.state.cycle.reducedObjectives ? 'As you joined part-way through the year, the' : 'The'} policy allows up to ${ctx.state.cycle.objectiveLimit} objectives; ${left > 0 ? `${left} more can be added` : 'the plan is full'}.`;
}

/** Adding an objective. */
export function objectiveAddForm(ctx: FormContext): FormView {
  // A full plan takes no more (R-OBJ-1): say so, and offer nothing to send.
  const full = activeObjectives(ctx.state).length >= ctx.state.cycle.objectiveLimit;
  return formOf(ctx, 'objective.add', {
    title: 'Add an objective',
    intro: full ? `${limitNote(ctx)} To add another, remove or change one first.` : limitNote(ctx),
    fields: full ? [] : objectiveFields(ctx, null),
    readOnly: full,
    submitTitle: full ? 'Back' : 'Add objective',
  });
}

/** Changing, or (at the interim review) revising, an objective: the old version stays in the record (R-OBJ-5). */
export function objectiveChangeForm(type: Extract<CommandType, 'objective.update' | 'objective.revise'>) {
  return (ctx: FormContext): FormView => {
    const objective = chosen(ctx);
    const fields = [...objectiveFields(ctx, objective ? latest(objective) : null)];
    if (type === 'objective.revise') fields.push(headingField('why', 'Why it changes'), textField(ctx, 'reason', 'What changed, so the objective needs revising', { required: true, max: 1000 }));
    return formOf(ctx, type, {
      title: type === 'objective.revise' ? 'Revise an objective' : 'Change an objective',
      intro: objective ? (type === 'objective.revise' ? 'The earlier version stays in the record.' : null) : 'Choose the objective to change, then press Next.',
      fields: objective ? fields : [objectivePicker(ctx)],
      fixed: objective ? { objectiveId: objective.id } : {},
      submitTitle: objective ? 'Save' : 'Next',
      opensForm: objective === null,
    });
  };
}

/** Removing an objective (its versions stay in the record). */
export const objectiveRemoveForm = (ctx: FormContext): FormView =>
  formOf(ctx, 'objective.remove', { title: 'Remove an objective', fields: [objectivePicker(ctx), textField(ctx, 'reason', 'Why (optional)', { max: 1000 })], submitTitle: 'Remove' });

/** A choice of one of the case's current objectives that can be changed one case at a time. */
export function objectivePicker(ctx: FormContext, id = 'objectiveId'): FieldView {
  return choiceField(ctx, id, 'Which objective', ownObjectives(ctx).map((o) => ({ title: latest(o).headline, value: o.id })), { value: ctx.args.objectiveId });
}
