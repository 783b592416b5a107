import type { ErrorView } from '../views/error.view';
import type { HomeView } from '../views/home.view';
import type { NudgeView } from '../views/nudge.view';
import type { ActionView, SectionView } from '../views/view.types';
import type { WelcomeView } from '../views/welcome.view';

// Slack renders the same view-models as the Teams cards, with Block Kit, so the two chats never drift
// (R-CHAT-1). Block Kit's limits are kept here, once: see SLACK_LIMITS.

/** A Block Kit block (only the shapes this product uses). */
export type Block = Record<string, unknown> & { type: string };

/** Block Kit's published limits that the product's views can reach. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  modalTitle: 24,
  id: 255,
  actionsElements: 25,
  sectionFields: 10,
  fieldText: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  privateMetadata: 3000,
} as const;

/** Block Kit's limit on a text object. */
export const SLACK_TEXT_LIMIT = SLACK_LIMITS.text;

/** Cuts a text to a limit, marking the cut. */
export const clip = (text: string, limit: number = SLACK_LIMITS.text): string => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);
/** Slack mrkdwn treats &, < and > specially: escape them in anything that came from a person. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A plain-text object; Slack refuses an empty one. */
export const plain = (text: string, limit: number = SLACK_LIMITS.headerText) => ({ type: 'plain_text', text: clip(text.trim() || '–', limit), emoji: true });

export const header = (text: string): Block => ({ type: 'header', text: plain(text) });
/** Person-supplied text as a section, escaped. */
export const paragraph = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(text.trim() || '–')) } });
export const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text.trim() || '–')) }] });

/** Escapes a line and cuts it into pieces of at most `limit` characters, never inside an escape. */
function escapedPieces(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of line) {
    const e = escapeMrkdwn(ch);
    if (piece.length + e.length > limit) {
      pieces.push(piece);
      piece = '';
    }
    piece += e;
  }
  return [...pieces, piece];
}

/**
 * A heading and its lines as as many sections as it takes to show every line in full: a statement to sign is
 * never cut short by the 3,000-character limit (R-STM-2); a line longer than that runs on into the next section.
 */
export function sections(s: SectionView, bullet = '• '): Block[] {
  const out: Block[] = [];
  let text = `*${escapeMrkdwn(s.heading)}*`;
  for (const item of s.items) {
    for (const [i, piece] of escapedPieces(item, SLACK_LIMITS.text - 10).entries()) {
      const line = `${i === 0 ? bullet : ''}${piece}`;
      if (text.length + 1 + line.length > SLACK_LIMITS.text) {
        out.push({ type: 'section', text: { type: 'mrkdwn', text } });
        text = line;
      } else text = `${text}\n${line}`;
    }
  }
  out.push({ type: 'section', text: { type: 'mrkdwn', text } });
  return out;
}

/** Facts as a section's two-column fields (at most ten); none at all makes no block. */
export function facts(list: readonly { title: string; value: string }[]): Block[] {
  if (list.length === 0) return [];
  return [{ type: 'section', fields: list.slice(0, SLACK_LIMITS.sectionFields).map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.title)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText) })) }];
}

/** A progress line: the words and a bar of ten. */
export function progress(p: { text: string; done: number }): Block {
  const bar = Math.max(0, Math.min(10, Math.round(p.done / 10)));
  return context(`${p.text} · ${'▰'.repeat(bar)}${'▱'.repeat(10 - bar)}`);
}

/**
 * The buttons a view offers, as Block Kit allows them: a value of at most 2,000 characters. "Approve all" over
 * a long queue is split into parts that each fit; any other button whose data cannot fit is left out rather
 * than sent with its data cut (a cut button could only fail).
 */
export function fitActions(list: readonly ActionView[]): ActionView[] {
  const out: ActionView[] = [];
  for (const a of list) {
    if (JSON.stringify(a.data).length <= SLACK_LIMITS.buttonValue) out.push(a);
    else if (typeof a.data.cases === 'string') {
      const parts: string[][] = [[]];
      for (const entry of a.data.cases.split(',')) {
        const current = parts[parts.length - 1] ?? [];
        if (JSON.stringify({ ...a.data, cases: [...current, entry].join(',') }).length > SLACK_LIMITS.buttonValue) parts.push([entry]);
        else current.push(entry);
      }
      parts.forEach((p, i) => out.push({ ...a, title: `Approve ${p.length} (part ${i + 1} of ${parts.length})`, data: { ...a.data, cases: p.join(',') } }));
    }
  }
  return out;
}

/** Buttons: the action id is the verb (with `#n` after the first, so each stays unique), the value the data as JSON. */
export function buttons(list: readonly ActionView[]): Block[] {
  const fitted = fitActions(list);
  const out: Block[] = [];
  for (let i = 0; i < fitted.length; i += SLACK_LIMITS.actionsElements) {
    out.push({
      type: 'actions',
      elements: fitted.slice(i, i + SLACK_LIMITS.actionsElements).map((a, j) => ({
        type: 'button',
        action_id: `${a.verb}${i + j > 0 ? `#${i + j}` : ''}`.slice(0, SLACK_LIMITS.id),
        text: plain(a.title, SLACK_LIMITS.buttonText),
        value: JSON.stringify(a.data),
        ...(a.style === 'positive' ? { style: 'primary' } : a.style === 'destructive' ? { style: 'danger' } : {}),
      })),
    });
  }
  return out;
}

/** The verb a button's action id stands for. */
export const verbOfActionId = (actionId: string): string => actionId.split('#')[0] ?? actionId;

/** The welcome / help message. */
export function welcomeBlocks(view: WelcomeView): Block[] {
  return [header(view.title), paragraph(view.intro), ...view.sections.flatMap((s) => sections(s)), ...(view.note ? [context(view.note)] : []), ...buttons(view.actions)];
}

/** "My appraisal" before a case exists. */
export function homeBlocks(view: HomeView): Block[] {
  const blocks: Block[] = [header(view.title), ...facts(view.facts)];
  if (view.progress) blocks.push(progress(view.progress));
  if (view.next) blocks.push(paragraph(`Next: ${view.next}`));
  if (view.note) blocks.push(paragraph(view.note));
  return [...blocks, ...buttons(view.actions)];
}

/** An error message saying what to fix. */
export function errorBlocks(view: ErrorView): Block[] {
  return [
    header(view.title),
    paragraph(view.message),
    ...(view.fields.length ? [paragraph(view.fields.map((f) => `• ${f.name}: ${f.problem}`).join('\n'))] : []),
    ...buttons(view.actions),
  ];
}

/** A short plain-text summary for notifications (never appraisal content). */
export function fallbackText(view: { title: string }): string {
  return clip(view.title, SLACK_LIMITS.headerText);
}

/** A nudge, digest or notice sent as a direct message (R-CHAT-3). */
export function nudgeBlocks(view: NudgeView): Block[] {
  return [
    header(view.title),
    ...(view.dueText ? [paragraph(view.dueText)] : []),
    ...(view.lines.length ? [paragraph(view.lines.join('\n'))] : []),
    ...buttons(view.actions),
  ];
}
