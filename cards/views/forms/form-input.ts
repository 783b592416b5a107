import type { z } from 'zod/v4';
import { COMMAND_INPUT_SCHEMAS } from '../../../services/case';
import type { CommandType } from '../../../services/case';
import type { FieldView, FormView } from './form.types';

// Card and modal inputs arrive as flat strings keyed by field id (`objective.headline`, `items.0.rating`).
// These turn them back into the command's input shape, coercing on purpose by each field's kind.

function coerce(field: FieldView | undefined, raw: unknown): unknown {
  if (!field || field.kind === 'heading') return raw;
  if (field.kind === 'toggle') return raw === true || raw === 'true';
  if (field.kind === 'choice' && field.multi) return typeof raw === 'string' ? raw.split(',').filter((x) => x !== '') : Array.isArray(raw) ? raw : [];
  if (typeof raw === 'string' && raw.trim() === '' && !field.required) return undefined;
  return raw;
}

function put(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(path[i + 1] ?? '');
    const slot = Array.isArray(node) ? Number(key) : key;
    const holder = node as Record<string | number, unknown>;
    if (last) holder[slot] = value;
    else {
      if (holder[slot] === undefined) holder[slot] = nextIsIndex ? [] : {};
      node = holder[slot] as Record<string, unknown>;
    }
  });
}

/** The command input a form's submitted values make: the fixed values plus each field, nested by its id. */
export function formInput(form: FormView, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(form.fixed)) put(out, id.split('.'), value);
  for (const field of form.fields) {
    if (field.kind === 'heading') continue;
    const value = coerce(field, values[field.id] ?? (field.kind === 'toggle' ? false : undefined));
    if (value !== undefined) put(out, field.id.split('.'), value);
  }
  // Lists with gaps (a row left empty in the middle) close up, so "row 3" is never an undefined hole.
  const compact = (v: unknown): unknown =>
    Array.isArray(v) ? v.filter((x) => x !== undefined).map(compact) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)])) : v;
  return compact(out) as Record<string, unknown>;
}

/** zod issue paths as field ids (`['objective','headline']` → `objective.headline`), with the message. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const id = issue.path.map(String).join('.');
    if (!(id in out)) out[id] = issue.message;
  }
  return out;
}

type Issue = Parameters<z.core.$ZodErrorMap>[0];
const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Plain words for what a person got wrong in a form, where the schema has no message of its own: zod's own
 * texts ("Invalid option: expected one of …") are for developers, never for a card (R-CHAT-1). A message
 * written on the schema (e.g. "Please fill this in.") always wins over these.
 */
export const plainInputError = (issue: Issue): string => {
  switch (issue.code) {
    case 'invalid_value': {
      // A short list is named (“Please choose planning, interim or final.”); a long one is on the form already.
      const words = issue.values.filter((v): v is string => typeof v === 'string').map((v) => v.replace(/-/g, ' '));
      if (words.length < 2 || words.length > 5 || words.length !== issue.values.length) return 'Please choose one of the options.';
      return `Please choose ${words.slice(0, -1).join(', ')} or ${words.at(-1)}.`;
    }
    case 'invalid_type':
      if (empty(issue.input)) return 'Please fill this in.';
      return issue.expected === 'number' ? 'Please enter a number.' : 'Please check this answer.';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Please fill this in.' : `Please write at least ${plural(min, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'Please add at least one.' : `Please add at least ${min}.`;
      return `Please enter ${min} or more.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Please keep this under ${plural(max, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Please add no more than ${max}.`;
      return `Please enter ${max} or less.`;
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'Please enter a web address, starting with https://.';
      if (issue.format === 'email') return 'Please enter an email address.';
      if (issue.format === 'date') return 'Please choose a date.';
      return 'Please check the format of this answer.';
    default:
      return 'Please check this answer.';
  }
};

/** A form's input checked against its command's schema: the command input, or plain-English errors by field id. */
export function checkFormInput(type: CommandType, raw: unknown): { ok: true; data: object } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = (COMMAND_INPUT_SCHEMAS[type] as unknown as z.ZodType).safeParse(raw, { error: plainInputError });
  return parsed.success ? { ok: true, data: parsed.data as object } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
}
