import { buttons, SLACK_LIMITS } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import type { ActionView } from '../../cards/views/view.types';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import { moderationScreen, teamScreen } from '../queue-screens';
import { myAppraisal, screenMessage } from './slack-screens';
import type { SlackScreenDeps } from './slack-screens';

// The App Home (R-CHAT-2): my appraisal with its progress and next deadline, and a button for my own equality
// questions (R-RPT-1); for a reviewer, their team; for the head, the moderation and pay-approval queue with
// approve and send back. One view of at most 100 blocks, shared out so that every part a person is entitled to
// gets room.

const DIVIDER: Block = { type: 'divider' };
/** The person's own equality questions, after their appraisal (R-RPT-1): the answers themselves open only in a modal. */
const EQUALITY: ActionView = { verb: Verbs.equalityShow, title: 'Equality questions (optional)', data: {} };

/** The blocks of a person's App Home. */
export async function homeTabBlocks(deps: SlackScreenDeps, actor: Actor): Promise<Block[]> {
  const reviewer = actor.roles.has('reviewer');
  const head = actor.roles.has('headteacher');
  const parts = 1 + (reviewer ? 1 : 0) + (head ? 1 : 0);
  // The case first, then the equality button; the queues share what is left (each part keeps a divider's room).
  const equality = actor.person ? [DIVIDER, ...buttons([EQUALITY])] : [];
  const mineBudget = (parts === 1 ? SLACK_LIMITS.viewBlocks : 40) - equality.length;
  const blocks: Block[] = [...(await myAppraisal(deps, actor, mineBudget)).blocks, ...equality];
  if (reviewer) {
    const room = (SLACK_LIMITS.viewBlocks - blocks.length - 1) / (head ? 2 : 1);
    blocks.push(DIVIDER, ...screenMessage(await teamScreen(deps.store, deps.runtime, actor), Math.floor(room)).blocks);
  }
  if (head) blocks.push(DIVIDER, ...screenMessage(await moderationScreen(deps.store, deps.runtime, actor), SLACK_LIMITS.viewBlocks - blocks.length - 1).blocks);
  return blocks.slice(0, SLACK_LIMITS.viewBlocks);
}
