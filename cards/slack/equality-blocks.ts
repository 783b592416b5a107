import { Verbs } from '../verbs';
import type { EqualityFormView } from '../views/equality.view';
import { buttons, context, header, paragraph, plain, SLACK_LIMITS } from './blocks';
import type { Block } from './blocks';

// The equality questions in Slack (R-RPT-1), from the same view-model as the Teams card: a message in the DM
// that opens them, and the modal itself, one select per question whose block id is the question's id, so that
// `response_action: "errors"` points at the very question. The modal carries no ids: whose answers they are
// is always who submits it.

/** The DM message that offers the questions: what they are for, and buttons to open them (or remove the answers). */
export function equalityMessageBlocks(view: EqualityFormView): Block[] {
  const remove = view.actions.filter((a) => a.verb === Verbs.equalityRemove);
  return [header(view.title), paragraph(view.intro), ...(view.status ? [context(view.status)] : []), ...buttons([{ ...view.open, style: 'positive' }, ...remove])];
}

/** The questions as a modal: the explanation first, then one optional select each, prefilled. */
export function equalityModal(view: EqualityFormView): Record<string, unknown> {
  const blocks: Block[] = [paragraph(view.intro)];
  if (view.status) blocks.push(context(view.status));
  if (view.errors.length) blocks.push(paragraph(`Please check: ${view.errors.join(' ')}`));
  for (const f of view.fields) {
    const options = f.choices.map((c) => ({ text: plain(c.title, SLACK_LIMITS.optionText), value: c.value }));
    const initial = options.find((o) => o.value === f.value);
    blocks.push({
      type: 'input', block_id: f.id, label: plain(f.label, SLACK_LIMITS.fieldText), optional: true,
      ...(f.error ? { hint: plain(f.error, SLACK_LIMITS.fieldText) } : {}),
      element: { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) },
    });
  }
  return {
    type: 'modal',
    callback_id: Verbs.equalitySave,
    title: plain('Equality questions', SLACK_LIMITS.modalTitle),
    submit: plain(view.submitTitle, SLACK_LIMITS.modalTitle),
    close: plain('Cancel', SLACK_LIMITS.modalTitle),
    blocks,
  };
}
