import { doVerb, formVerb } from '../verbs';
import type { FieldView, FormView } from '../views/forms';
import { clip, escapeMrkdwn, paragraph, plain, sections, SLACK_LIMITS } from './blocks';
import type { Block } from './blocks';

// A form is a Slack modal (R-CHAT-1): one input block per field, whose block id is the field id, so Slack's
// `response_action: "errors"` can point at the very field; headings and the document to sign as text.

/** Where the button that opened the modal was, so its message can be tidied once the form is sent. */
export interface ModalOrigin {
  channel: string;
  ts: string;
}

/**
 * What a modal carries between opening and submitting, in its `private_metadata`: enough to read and check
 * the input without any I/O (inside Slack's 3 seconds). `fields` are `kind[!]:id` (`!` = required), short so
 * that a long form stays inside the 3,000 characters. Who may act and the version are checked again against
 * the store when the command runs — this is only a hint, never trusted.
 */
export interface FormMetadata {
  command: string;
  caseId: string;
  version: number;
  fixed: FormView['fixed'];
  fields: string[];
  origin: ModalOrigin | null;
}

/** The field kinds a modal's metadata names. */
export type ModalFieldKind = 'text' | 'date' | 'choice' | 'multi' | 'toggle';

/** A metadata field entry read back. */
export function metadataField(entry: string): { id: string; kind: ModalFieldKind; required: boolean } | null {
  const m = /^(text|date|choice|multi|toggle)(!?):(.+)$/.exec(entry);
  return m ? { kind: m[1] as ModalFieldKind, required: m[2] === '!', id: m[3] ?? '' } : null;
}

const entryOf = (f: Exclude<FieldView, { kind: 'heading' }>): string => {
  const kind: ModalFieldKind = f.kind === 'choice' && f.multi ? 'multi' : f.kind;
  const required = f.kind !== 'toggle' && f.required;
  return `${kind}${required ? '!' : ''}:${f.id}`;
};

function inputBlock(f: Exclude<FieldView, { kind: 'heading' }>): Block | null {
  const base = {
    type: 'input', block_id: f.id.slice(0, SLACK_LIMITS.id), label: plain(f.label, SLACK_LIMITS.fieldText), optional: f.kind === 'toggle' || !f.required,
    ...(f.error ? { hint: plain(f.error, SLACK_LIMITS.fieldText) } : {}),
  };
  switch (f.kind) {
    case 'text': {
      const max = Math.min(f.maxLength > 0 ? f.maxLength : SLACK_LIMITS.text, SLACK_LIMITS.text);
      return { ...base, element: { type: 'plain_text_input', action_id: 'value', multiline: f.multiline, max_length: max, ...(f.value ? { initial_value: f.value.slice(0, max) } : {}), ...(f.placeholder ? { placeholder: plain(f.placeholder) } : {}) } };
    }
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: 'value', ...(/^\d{4}-\d{2}-\d{2}$/.test(f.value) ? { initial_date: f.value } : {}) } };
    case 'choice': {
      if (f.choices.length === 0) return null;
      const options = f.choices.slice(0, SLACK_LIMITS.options).map((c) => ({ text: plain(c.title, SLACK_LIMITS.optionText), value: c.value.slice(0, SLACK_LIMITS.optionValue) }));
      const initial = options.filter((o) => f.value.split(',').includes(o.value));
      return f.multi
        ? { ...base, element: { type: 'multi_static_select', action_id: 'value', options, ...(initial.length ? { initial_options: initial } : {}) } }
        : { ...base, element: { type: 'static_select', action_id: 'value', options, ...(initial[0] ? { initial_option: initial[0] } : {}) } };
    }
    case 'toggle': {
      const option = { text: plain('Yes', SLACK_LIMITS.optionText), value: 'true' };
      return { ...base, element: { type: 'checkboxes', action_id: 'value', options: [option], ...(f.value ? { initial_options: [option] } : {}) } };
    }
  }
}

/** A form as a modal: the errors of the last try at the top, the document in full, one input per field. */
export function formModal(view: FormView, origin: ModalOrigin | null = null): Record<string, unknown> {
  const blocks: Block[] = [];
  if (view.intro) blocks.push(paragraph(view.intro));
  if (view.errors.length) blocks.push(paragraph(`Please check: ${view.errors.join(' ')}`));
  if (view.document) blocks.push(...sections({ heading: view.document.heading, items: view.document.lines }, ''));
  const fields: string[] = [];
  for (const f of view.fields) {
    const input = f.kind === 'heading' ? null : inputBlock(f);
    if (f.kind !== 'heading' && input) fields.push(entryOf(f));
    blocks.push(input ?? { type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.label)}*`) } });
  }
  // A form with nothing to send (a full plan, no support plan yet) is read and closed: no button that sends.
  const sends = view.actions.some((a) => a.verb === doVerb(view.command) || a.verb === formVerb(view.command));
  if (blocks.length === 0) blocks.push(paragraph(sends ? 'Press the button below to send this.' : 'There is nothing to send here.'));
  const metadata: FormMetadata = { command: view.command, caseId: view.caseId, version: view.version, fixed: view.fixed, fields, origin };
  return {
    type: 'modal',
    callback_id: `ipp.form.${view.command}`.slice(0, SLACK_LIMITS.id),
    title: plain(view.title, SLACK_LIMITS.modalTitle),
    ...(sends ? { submit: plain(view.submitTitle, SLACK_LIMITS.modalTitle) } : {}),
    close: plain(sends ? 'Cancel' : 'Close', SLACK_LIMITS.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}
