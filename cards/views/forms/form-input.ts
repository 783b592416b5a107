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
