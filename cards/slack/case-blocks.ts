import type { CaseView } from '../views/case.view';
import type { ListView } from '../views/list.view';
import { buttons, context, escapeMrkdwn, facts, header, paragraph, progress, sections, SLACK_LIMITS } from './blocks';
import type { Block } from './blocks';

export { buttons, verbOfActionId } from './blocks';
export { formModal } from './form-modal';
export type { FormMetadata } from './form-modal';

// Slack renders the case views from the same view-models as the Teams cards (R-CHAT-1): a case and a list as
// message blocks (a form is a modal: form-modal.ts). Block Kit's limits are kept: 50 blocks a message, 100 a
// view, 3,000 characters a text, 255 an id, 25 buttons an actions block.

const BANNER_ICON = { good: '✅', warning: 'ℹ️', attention: '⚠️' } as const;

/** One case, as one person sees it: at most `budget` blocks, the buttons always kept. */
export function caseBlocks(view: CaseView, budget: number = SLACK_LIMITS.messageBlocks): Block[] {
  const top: Block[] = [];
  if (view.banner) top.push(paragraph(`${BANNER_ICON[view.banner.style]} ${view.banner.text}`));
  top.push(header(view.title), ...facts(view.facts), progress(view.progress));
  if (view.next?.trim()) top.push(paragraph(`Next: ${view.next}`));
  const actions = buttons([...view.actionGroups.flatMap((g) => g.actions), ...view.actions]);
  const body = view.sections.flatMap((s) => sections(s));
  const room = Math.max(0, budget - top.length - actions.length - 1);
  const shown = body.length > room ? [...body.slice(0, room), context('There is more in the full record: ask your reviewer or your school office.')] : body;
  return [...top, ...shown, ...actions].slice(0, budget);
}

/**
 * A list (a reviewer's people, the head's queue, who can see a record) in at most `budget` blocks. When the
 * list is longer than a message can hold it says how many more there are, never dropping them silently.
 */
export function listBlocks(view: ListView, budget: number = SLACK_LIMITS.messageBlocks): Block[] {
  const top: Block[] = [header(view.title), ...(view.intro?.trim() ? [paragraph(view.intro)] : [])];
  const tail = buttons(view.actions);
  const items: Block[] = [];
  let shown = 0;
  for (const item of view.items) {
    const lines = { heading: item.heading, items: item.lines };
    const blocks: Block[] = [{ type: 'divider' }, ...(item.lines.length ? sections(lines, '') : [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(item.heading)}*` } }]), ...buttons(item.actions)];
    // Keep one block spare for "and N more".
    if (top.length + items.length + blocks.length + tail.length + 1 > budget) break;
    items.push(...blocks);
    shown += 1;
  }
  const more = view.items.length - shown;
  const note = more > 0 ? [context(`…and ${more} more. Once you have dealt with these, open this list again to see the rest.`)] : [];
  return [...top, ...items, ...note, ...tail].slice(0, budget);
}
