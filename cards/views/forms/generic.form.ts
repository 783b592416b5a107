import type { z } from 'zod/v4';
import { COMMAND_INPUT_SCHEMAS } from '../../../services/case/case-commands.schema';
import type { CommandType } from '../../../services/case/case-commands.schema';
import { choiceField, dateField, formOf, textField, toggleField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';

// The form of a command that has only plain fields (text, a date, a choice, a yes/no), read from the command's
// own input schema, so the card asks for exactly what the case machine will check. Commands with lists or
// nested parts have a form of their own.

type Def = { type: string; innerType?: z.ZodType; entries?: Record<string, string>; shape?: Record<string, z.ZodType>; in?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (let d = defOf(inner); ['default', 'optional', 'nullable', 'prefault'].includes(d.type) && d.innerType; d = defOf(inner)) {
    optional = true;
    inner = d.innerType;
  }
  return { inner, optional };
}

const LABELS: Record<string, string> = {
  note: 'A note (optional)', reason: 'Why', comment: 'Your comment', date: 'Date', grounds: 'Your grounds', outcome: 'The outcome',
};
const humanise = (key: string) => LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).toLowerCase().replace(/^./, (c) => c.toUpperCase());
const isDateKey = (key: string) => /(^date$|Date$|On$|^from$|^to$)/.test(key);

/** The fields of a flat input schema, or null when it has lists or nested objects (those get their own form). */
export function plainFields(ctx: FormContext, type: CommandType): FieldView[] | null {
  const shape = defOf(COMMAND_INPUT_SCHEMAS[type] as unknown as z.ZodType).shape ?? {};
  const fields: FieldView[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const { inner, optional } = unwrap(schema);
    const d = defOf(inner);
    if (d.type === 'enum' && d.entries) {
      const values = Object.values(d.entries);
      fields.push(choiceField(ctx, key, humanise(key), values.map((v) => ({ title: humanise(v.replace(/-/g, ' ')), value: v })), { required: !optional }));
    } else if (d.type === 'boolean') fields.push(toggleField(ctx, key, humanise(key)));
    else if (d.type === 'string' && isDateKey(key)) fields.push(dateField(ctx, key, humanise(key), { required: !optional }));
    else if (d.type === 'string') fields.push(textField(ctx, key, humanise(key), { required: !optional, multiline: true }));
    else return null;
  }
  return fields;
}

/** The generic form of a plain command, or null. */
export function genericForm(ctx: FormContext, type: CommandType): FormView | null {
  const fields = plainFields(ctx, type);
  return fields ? formOf(ctx, type, { fields }) : null;
}
