import type { ActionView, SectionView } from '../views/view.types';
import type { ErrorView } from '../views/error.view';
import type { HomeView } from '../views/home.view';
import type { NudgeView } from '../views/nudge.view';
import type { WelcomeView } from '../views/welcome.view';

// Slack renders the same view-models as the Teams cards, with Block Kit, so the two chats never drift.

/** A Block Kit block (only the shapes this product uses). */
export type Block = Record<string, unknown> & { type: string };

/** Block Kit's limit on a text object. */
export const SLACK_TEXT_LIMIT = 3000;

const clip = (text: string, limit = SLACK_TEXT_LIMIT): string => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);
/** Slack mrkdwn treats &, < and > specially: escape them in anything that came from a person. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: true } });
const paragraph = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(text)) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text)) }] });
const section = (s: SectionView): Block =>
  ({ type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(s.heading)}*\n${s.items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n')}`) } });

function actions(list: ActionView[]): Block[] {
  if (list.length === 0) return [];
  return [{
    type: 'actions',
    elements: list.slice(0, 25).map((a) => ({
      type: 'button',
      text: { type: 'plain_text', text: clip(a.title, 75) },
      action_id: a.verb,
      value: clip(JSON.stringify(a.data), 2000),
      ...(a.style && a.style !== 'default' ? { style: a.style === 'positive' ? 'primary' : 'danger' } : {}),
    })),
  }];
}

/** The welcome / help message. */
export function welcomeBlocks(view: WelcomeView): Block[] {
  return [header(view.title), paragraph(view.intro), ...view.sections.map(section), ...(view.note ? [context(view.note)] : []), ...actions(view.actions)];
}

/** "My appraisal". */
export function homeBlocks(view: HomeView): Block[] {
  const facts: Block = { type: 'section', fields: view.facts.map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.title)}*\n${escapeMrkdwn(f.value)}`, 2000) })) };
  const blocks: Block[] = [header(view.title), facts];
  if (view.progress) blocks.push(context(`${view.progress.text} · ${'▰'.repeat(Math.round(view.progress.done / 10))}${'▱'.repeat(10 - Math.round(view.progress.done / 10))}`));
  if (view.next) blocks.push(paragraph(`Next: ${view.next}`));
  if (view.note) blocks.push(paragraph(view.note));
  return [...blocks, ...actions(view.actions)];
}

/** An error message saying what to fix. */
export function errorBlocks(view: ErrorView): Block[] {
  return [
    header(view.title),
    paragraph(view.message),
    ...(view.fields.length ? [paragraph(view.fields.map((f) => `• ${f.name}: ${f.problem}`).join('\n'))] : []),
    ...actions(view.actions),
  ];
}

/** A short plain-text summary for notifications (never appraisal content). */
export function fallbackText(view: { title: string }): string {
  return clip(view.title, 150);
}

/** A nudge, digest or notice sent as a direct message (R-CHAT-3). */
export function nudgeBlocks(view: NudgeView): Block[] {
  return [
    header(view.title),
    ...(view.dueText ? [paragraph(view.dueText)] : []),
    ...(view.lines.length ? [paragraph(view.lines.join('\n'))] : []),
    ...actions(view.actions),
  ];
}
