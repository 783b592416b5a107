import { z } from 'zod/v4';
import { metadataField } from '../../cards/slack/form-modal';
import type { FormMetadata } from '../../cards/slack/form-modal';
import { checkFormInput, formInput } from '../../cards/views/forms';
import type { FieldView, FormView } from '../../cards/views/forms';
import { commandOfVerb } from '../../cards/verbs';
import type { CommandType } from '../../services/case';

// A submitted modal, read and checked without any I/O, so that what is wrong goes back to Slack inside its
// 3 seconds as `response_action: "errors"` keyed by block id (R-CHAT-1). Everything here is pure.

/** A modal's `private_metadata`, checked: Slack hands it back as we set it, but it is parsed like any input. */
export const formMetadataSchema = z.object({
  command: z.string().max(100),
  caseId: z.string().min(1).max(200),
  version: z.number().int().min(0),
  fixed: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  fields: z.array(z.string().max(300)).max(100),
  origin: z.object({ channel: z.string().max(50), ts: z.string().max(50) }).nullable(),
});

/** A modal whose metadata was read: the command it runs and its fields. */
export interface ReadModal {
  type: CommandType;
  meta: FormMetadata;
  fields: Exclude<FieldView, { kind: 'heading' }>[];
}

/** Reads a modal's metadata; null when it is not one of ours or its command no longer exists. */
export function readModal(privateMetadata: string): ReadModal | null {
  let raw: unknown;
  try {
    raw = JSON.parse(privateMetadata);
  } catch {
    return null;
  }
  const parsed = formMetadataSchema.safeParse(raw);
  const type = parsed.success ? commandOfVerb(`ipp.do.${parsed.data.command}`)?.type : undefined;
  if (!parsed.success || !type) return null;
  const fields: ReadModal['fields'] = [];
  for (const entry of parsed.data.fields) {
    const f = metadataField(entry);
    if (!f) return null;
    // Only what formInput reads: the kind, whether it is required, and whether a choice takes several.
    if (f.kind === 'toggle') fields.push({ kind: 'toggle', id: f.id, label: '', value: false, error: null });
    else if (f.kind === 'date') fields.push({ kind: 'date', id: f.id, label: '', value: '', required: f.required, error: null });
    else if (f.kind === 'text') fields.push({ kind: 'text', id: f.id, label: '', value: '', required: f.required, multiline: false, maxLength: 0, placeholder: '', error: null });
    else fields.push({ kind: 'choice', id: f.id, label: '', value: '', required: f.required, multi: f.kind === 'multi', choices: [], error: null });
  }
  return { type, meta: parsed.data, fields };
}

const optionSchema = z.object({ value: z.string() });
/** One element's state in `view.state.values`, by the element types a modal of ours holds. */
const stateValueSchema = z.object({
  type: z.string().optional(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: optionSchema.nullish(),
  selected_options: z.array(optionSchema).nullish(),
});
const stateValuesSchema = z.record(z.string(), z.record(z.string(), stateValueSchema));

/** A modal's inputs as flat values by field id, the way a card's inputs arrive (all strings). */
export function modalValues(values: unknown, fields: ReadModal['fields']): Record<string, string> {
  const parsed = stateValuesSchema.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = state[f.id]?.value;
    if (!v) continue;
    if (f.kind === 'toggle') out[f.id] = (v.selected_options ?? []).length > 0 ? 'true' : 'false';
    else if (f.kind === 'date') out[f.id] = v.selected_date ?? '';
    else if (f.kind === 'choice') out[f.id] = f.multi ? (v.selected_options ?? []).map((o) => o.value).join(',') : (v.selected_option?.value ?? '');
    else out[f.id] = v.value ?? '';
  }
  return out;
}

/**
 * Checks a modal's input against its command's own schema. Returns Slack's errors by block id, or null when
 * the input is well formed. A problem with no field of its own is shown on the first field.
 */
export function checkModal(modal: ReadModal, values: Record<string, string>): Record<string, string> | null {
  const form = { fixed: modal.meta.fixed, fields: modal.fields } as Pick<FormView, 'fixed' | 'fields'> as FormView;
  const parsed = checkFormInput(modal.type, formInput(form, values));
  if (parsed.ok) return null;
  const errors = parsed.fieldErrors;
  const byBlock: Record<string, string> = {};
  for (const [id, problem] of Object.entries(errors)) {
    const block = modal.fields.find((f) => f.id === id)?.id ?? modal.fields.find((f) => f.id.startsWith(`${id}.`))?.id;
    if (block && !(block in byBlock)) byBlock[block] = problem;
  }
  if (Object.keys(byBlock).length) return byBlock;
  const first = modal.fields[0]?.id;
  // No input to point at (a form of fixed values only): the problem cannot be fixed in this modal.
  return first ? { [first]: Object.values(errors)[0] ?? 'Please check this.' } : null;
}
