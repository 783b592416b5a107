import { buttons, SLACK_LIMITS } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import type { ActionView } from '../../cards/views/view.types';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import { moderationScreen, teamScreen } from '../queue-screens';
import { myAppraisal, screenMessage } from './slack-screens';
import type { SlackScreenDeps } from './slack-screens';

// The App Home (R-CHAT-2): my appraisal with its progress and next deadline, and a button for my own equality
// questions (R-RPT-1) — beside it, for the head, school set-up and payroll changes, and for the head and the
// professional-development manager, training needs (R-PAY-1, R-RPT-3); for a reviewer, their team; for the head,
// the moderation and pay-approval queue with approve and send back. One view of at most 100 blocks, shared out
// so that every part a person is entitled to gets room.

const DIVIDER: Block = { type: 'divider' };
/** The person's own equality questions, after their appraisal (R-RPT-1): the answers themselves open only in a modal. */
const EQUALITY: ActionView = { verb: Verbs.equalityShow, title: 'Equality questions (optional)', data: {} };
/** What the head and the professional-development manager open from the Home; each answers in the DM. */
const SETUP: ActionView = { verb: Verbs.setupShow, title: 'School set-up', data: {} };
const PAYROLL: ActionView = { verb: Verbs.payrollChangesShow, title: 'Payroll changes', data: {} };
const TRAINING: ActionView = { verb: Verbs.cpdShow, title: 'Training needs', data: {} };

/** The Home's own buttons: the equality questions for everyone on the roster, and the screens a role opens. */
function ownButtons(actor: Actor): ActionView[] {
  if (!actor.person) return [];
  const head = actor.roles.has('headteacher');
  return [EQUALITY, ...(head ? [SETUP, PAYROLL] : []), ...(head || actor.roles.has('pd-manager') ? [TRAINING] : [])];
}

/** The blocks of a person's App Home. */
export async function homeTabBlocks(deps: SlackScreenDeps, actor: Actor): Promise<Block[]> {
  const reviewer = actor.roles.has('reviewer');
  const head = actor.roles.has('headteacher');
  const parts = 1 + (reviewer ? 1 : 0) + (head ? 1 : 0);
  // The case first, then the row of the Home's own buttons; the queues share what is left (each part keeps a divider's room).
  const own = ownButtons(actor);
  const ownRow = own.length > 0 ? [DIVIDER, ...buttons(own)] : [];
  const mineBudget = (parts === 1 ? SLACK_LIMITS.viewBlocks : 40) - ownRow.length;
  const blocks: Block[] = [...(await myAppraisal(deps, actor, mineBudget)).blocks, ...ownRow];
  if (reviewer) {
    const room = (SLACK_LIMITS.viewBlocks - blocks.length - 1) / (head ? 2 : 1);
    blocks.push(DIVIDER, ...screenMessage(await teamScreen(deps.store, deps.runtime, actor), Math.floor(room)).blocks);
  }
  if (head) blocks.push(DIVIDER, ...screenMessage(await moderationScreen(deps.store, deps.runtime, actor), SLACK_LIMITS.viewBlocks - blocks.length - 1).blocks);
  return blocks.slice(0, SLACK_LIMITS.viewBlocks);
}
