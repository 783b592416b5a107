import { COMMAND_PHRASES } from '../../../services/case/command-phrases';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { doVerb, formVerb, Verbs } from '../../verbs';
import type { DocumentView, FieldView, FormContext, FormView } from './form.types';

// Small builders for form fields: each keeps what the person typed last time and shows its problem.

const typed = (ctx: FormContext, id: string): unknown => ctx.values[id];
const asText = (v: unknown, fallback: string) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback);

/** A text input (multiline for anything longer than a line). */
export function textField(ctx: FormContext, id: string, label: string, opts: { value?: string; required?: boolean; multiline?: boolean; max?: number; placeholder?: string } = {}): FieldView {
  return {
    kind: 'text', id, label, value: asText(typed(ctx, id), opts.value ?? ''), required: opts.required ?? false,
    multiline: opts.multiline ?? (opts.max ?? 2000) > 300, maxLength: opts.max ?? 2000, placeholder: opts.placeholder ?? '', error: ctx.fieldErrors[id] ?? null,
  };
}

/** A date input (`YYYY-MM-DD`). */
export function dateField(ctx: FormContext, id: string, label: string, opts: { value?: string | null; required?: boolean } = {}): FieldView {
  return { kind: 'date', id, label, value: asText(typed(ctx, id), opts.value ?? ''), required: opts.required ?? true, error: ctx.fieldErrors[id] ?? null };
}

/** A choice of one (or several) of a few options. */
export function choiceField(ctx: FormContext, id: string, label: string, choices: { title: string; value: string }[], opts: { value?: string; required?: boolean; multi?: boolean } = {}): FieldView {
  const v = typed(ctx, id);
  return {
    kind: 'choice', id, label, choices, multi: opts.multi ?? false, required: opts.required ?? true,
    value: Array.isArray(v) ? v.join(',') : asText(v, opts.value ?? ''), error: ctx.fieldErrors[id] ?? null,
  };
}

/** A yes/no switch. */
export function toggleField(ctx: FormContext, id: string, label: string, value = false): FieldView {
  const v = typed(ctx, id);
  return { kind: 'toggle', id, label, value: v === undefined ? value : v === true || v === 'true', error: ctx.fieldErrors[id] ?? null };
}

/** A heading between groups of fields. */
export const headingField = (id: string, label: string): FieldView => ({ kind: 'heading', id, label });

/** Colleagues to choose from by name (never a typed id), leaving out the people given. */
export const colleagues = (ctx: FormContext, exclude: readonly (string | null)[] = []): { title: string; value: string }[] =>
  ctx.people.filter((p) => !exclude.includes(p.id)).map((p) => ({ title: p.name, value: p.id }));

/** A person's name as the case knows it. */
export const nameIn = (ctx: FormContext, id: string | null, fallback = 'someone'): string => (id ? (ctx.state.names[id] ?? ctx.people.find((p) => p.id === id)?.name ?? fallback) : fallback);

/** A long text cut to a line a card can show. */
export const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "Record the interim review" from "record the interim review". */
export const sentence = (phrase: string): string => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/** The form of a command, with the common parts filled in. */
export function formOf(
  ctx: FormContext,
  command: CommandType,
  parts: { title?: string; intro?: string | null; document?: DocumentView | null; fields: FieldView[]; fixed?: FormView['fixed']; submitTitle?: string; readOnly?: boolean; opensForm?: boolean },
): FormView {
  const shown = (id: string) => parts.fields.some((f) => f.id === id && f.kind !== 'heading' && !(f.kind === 'choice' && f.choices.length === 0));
  const errors = Object.entries(ctx.fieldErrors).filter(([id]) => !shown(id)).map(([id, problem]) => (/^[a-z]/i.test(id) ? `${id.split('.').pop() ?? id}: ${problem}` : problem));
  return {
    command,
    title: parts.title ?? sentence(COMMAND_PHRASES[command]),
    intro: parts.intro ?? null,
    document: parts.document ?? null,
    // A list with nothing in it yet cannot be a choice: say so instead of showing an empty picker (or leave
    // it out when it was optional anyway).
    fields: parts.fields
      .filter((f) => !(f.kind === 'choice' && f.choices.length === 0 && !f.required))
      .map((f) => (f.kind === 'choice' && f.choices.length === 0 ? headingField(f.id, `${f.label}: there is nothing to choose yet.`) : f)),
    fixed: parts.fixed ?? {},
    submitTitle: parts.submitTitle ?? 'Send',
    errors,
    caseId: ctx.state.id,
    version: ctx.version,
    // A step chat cannot take (it is done by the system) shows what happens, with no button to send.
    actions: [
      // A first step that only chooses (which objective to change) opens the full form rather than sending.
      ...(parts.readOnly ? [] : [{ verb: parts.opensForm ? formVerb(command) : doVerb(command), title: parts.submitTitle ?? 'Send', data: { ...(parts.fixed ?? {}), caseId: ctx.state.id, version: ctx.version }, style: 'positive' as const }]),
      { verb: Verbs.caseShow, title: 'Back', data: { caseId: ctx.state.id } },
    ],
  };
}
