import type { CaseView } from '../views/case.view';
import type { FieldView, FormView } from '../views/forms';
import type { ListView } from '../views/list.view';
import type { ActionView } from '../views/view.types';
import { escapeMrkdwn, SLACK_TEXT_LIMIT } from './blocks';
import type { Block } from './blocks';

// Slack renders the case views from the same view-models as the Teams cards (R-CHAT-1): a case and a list as
// message blocks, a form as a modal. Block Kit's limits are kept here: 50 blocks a message, 100 a modal,
// 3,000 characters a text, 24 a modal title, 255 an id, 25 buttons an actions block.

const clip = (text: string, limit = SLACK_TEXT_LIMIT) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);
const plain = (text: string, limit = 150) => ({ type: 'plain_text', text: clip(text || ' ', limit), emoji: true });
const header = (text: string): Block => ({ type: 'header', text: plain(text) });
const md = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(text)) } });
const mdRaw = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text) } });

/** Buttons: the action id is the verb, the value the data (JSON, at most 2,000 characters). */
export function buttons(list: readonly ActionView[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < list.length; i += 25) {
    out.push({
      type: 'actions',
      elements: list.slice(i, i + 25).map((a, j) => ({
        type: 'button',
        action_id: `${a.verb}${i + j > 0 ? `#${i + j}` : ''}`.slice(0, 255),
        text: plain(a.title, 75),
        value: JSON.stringify(a.data).slice(0, 2000),
        ...(a.style === 'positive' ? { style: 'primary' } : a.style === 'destructive' ? { style: 'danger' } : {}),
      })),
    });
  }
  return out;
}

/** The verb a button's action id stands for (ids carry `#n` so that two buttons of one verb stay distinct). */
export const verbOfActionId = (actionId: string): string => actionId.split('#')[0] ?? actionId;

/** One case, as one person sees it. */
export function caseBlocks(view: CaseView): Block[] {
  const blocks: Block[] = [];
  if (view.banner) blocks.push(md(`${view.banner.style === 'good' ? '✅' : view.banner.style === 'warning' ? 'ℹ️' : '⚠️'} ${view.banner.text}`));
  blocks.push(header(view.title));
  blocks.push({ type: 'section', fields: view.facts.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.title)}*\n${escapeMrkdwn(f.value)}`, 2000) })) });
  const bar = Math.round(view.progress.done / 10);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${view.progress.text} · ${'▰'.repeat(bar)}${'▱'.repeat(10 - bar)}` }] });
  if (view.next) blocks.push(md(`Next: ${view.next}`));
  for (const s of view.sections.slice(0, 20)) blocks.push(mdRaw(`*${escapeMrkdwn(s.heading)}*\n${s.items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n')}`));
  blocks.push(...buttons([...view.actionGroups.flatMap((g) => g.actions), ...view.actions]));
  return blocks.slice(0, 50);
}

/** A list (a reviewer's people, the head's queue, who can see a record). */
export function listBlocks(view: ListView): Block[] {
  const blocks: Block[] = [header(view.title)];
  if (view.intro) blocks.push(md(view.intro));
  for (const item of view.items) {
    if (blocks.length > 44) break;
    blocks.push({ type: 'divider' }, mdRaw(`*${escapeMrkdwn(item.heading)}*${item.lines.length ? `\n${item.lines.map(escapeMrkdwn).join('\n')}` : ''}`), ...buttons(item.actions));
  }
  return [...blocks, ...buttons(view.actions)].slice(0, 50);
}

/** What a modal remembers between opening and submitting (the field kinds, so input is read without I/O). */
export interface FormMetadata {
  command: string;
  caseId: string;
  version: number;
  fixed: FormView['fixed'];
  fields: { id: string; kind: FieldView['kind']; required: boolean; multi: boolean }[];
}

function inputBlock(f: Exclude<FieldView, { kind: 'heading' }>): Block {
  const base = { type: 'input', block_id: f.id.slice(0, 255), label: plain(f.label, 2000), optional: f.kind === 'toggle' || !f.required };
  switch (f.kind) {
    case 'text':
      return { ...base, element: { type: 'plain_text_input', action_id: 'value', multiline: f.multiline, max_length: Math.min(f.maxLength, 3000), ...(f.value ? { initial_value: f.value.slice(0, 3000) } : {}) } };
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: 'value', ...(f.value ? { initial_date: f.value } : {}) } };
    case 'choice': {
      const options = f.choices.slice(0, 100).map((c) => ({ text: plain(c.title, 75), value: c.value.slice(0, 150) }));
      const initial = options.filter((o) => f.value.split(',').includes(o.value));
      return f.multi
        ? { ...base, element: { type: 'multi_static_select', action_id: 'value', options, ...(initial.length ? { initial_options: initial } : {}) } }
        : { ...base, element: { type: 'static_select', action_id: 'value', options, ...(initial[0] ? { initial_option: initial[0] } : {}) } };
    }
    case 'toggle': {
      const option = { text: plain(f.label, 75), value: 'true' };
      return { ...base, label: plain(' '), element: { type: 'checkboxes', action_id: 'value', options: [option], ...(f.value ? { initial_options: [option] } : {}) } };
    }
  }
}

/** A form as a modal: one input per field, headings as text, the errors of the last try at the top. */
export function formModal(view: FormView): Record<string, unknown> {
  const blocks: Block[] = [];
  if (view.intro) blocks.push(md(view.intro));
  if (view.errors.length) blocks.push(md(`Please check: ${view.errors.join(' ')}`));
  if (view.document) blocks.push(mdRaw(`*${escapeMrkdwn(view.document.heading)}*\n${view.document.lines.map(escapeMrkdwn).join('\n')}`));
  for (const f of view.fields) blocks.push(f.kind === 'heading' ? mdRaw(`*${escapeMrkdwn(f.label)}*`) : inputBlock(f));
  const metadata: FormMetadata = {
    command: view.command, caseId: view.caseId, version: view.version, fixed: view.fixed,
    fields: view.fields.filter((f) => f.kind !== 'heading').map((f) => ({ id: f.id, kind: f.kind, required: 'required' in f ? f.required : false, multi: f.kind === 'choice' && f.multi })),
  };
  return {
    type: 'modal',
    callback_id: `ipp.form.${view.command}`.slice(0, 255),
    title: plain(view.title, 24),
    submit: plain(view.submitTitle, 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(metadata),
    blocks: blocks.slice(0, 100),
  };
}
