import { errorBlocks, fallbackText } from '../../cards/slack/blocks';
import type { Actor } from '../actor';
import { launchScreen, setupScreen, unreachableScreen } from '../admin-screens';
import { moderationScreen, teamScreen } from '../queue-screens';
import { londonWallClock } from '../../services/shared/london-time';
import { help, myAppraisal, screenMessage } from './slack-screens';
import type { SlackAnswer, SlackScreenDeps } from './slack-screens';

// `/ipp <words>` and a DM typed to the bot understand the same words as the Teams bot (R-CHAT-1): help,
// status (my appraisal), objectives, self-assessment, my team, moderation, and the head's set-up commands.

/** What a slash command typed outside the DM with the bot is answered with, in the channel: nothing else (R-PRV-1). */
export const PRIVATE_POINTER = 'I’ve answered you in our direct messages, so that appraisals stay private. Open the Appraisals app to see it.';

const WORDS = {
  help: /^(|hi|hello|hey|help|start|menu)$/,
  status: /^(status|my appraisal|appraisal|home|objectives|self[- ]assessment)$/,
  team: /^(my team|team|reviews)$/,
  moderation: /^(moderation|approvals|queue)$/,
  setup: /^(setup|set up|set-up)$/,
  launch: /^launch( the)?( cycle)?$/,
  unreachable: /^(who is unreachable|unreachable)$/,
} as const;

type Message = Extract<SlackAnswer, { kind: 'message' }>;

/** The answer to typed words; anything not understood gets the help, with a kind word first. */
export async function answerText(deps: SlackScreenDeps, actor: Actor, typed: string): Promise<Message> {
  const { store, runtime } = deps;
  const word = typed.trim().toLowerCase().replace(/[^\p{L}\p{N} -]+$/u, '').trim();
  if (WORDS.help.test(word)) return help(actor);
  if (WORDS.status.test(word)) return myAppraisal(deps, actor);
  if (WORDS.team.test(word)) return screenMessage(await teamScreen(store, runtime, actor));
  if (WORDS.moderation.test(word)) return screenMessage(await moderationScreen(store, runtime, actor));
  if (WORDS.setup.test(word)) return screenMessage(await setupScreen(store, runtime, actor));
  if (WORDS.unreachable.test(word)) return screenMessage(await unreachableScreen(store, actor));
  if (WORDS.launch.test(word)) {
    const today = londonWallClock(runtime.deps.clock.now()).day;
    const year = actor.school ? Number((await runtime.policies.forSchool(actor.school.id)).cycleContaining(today).start.slice(0, 4)) : 0;
    return screenMessage(await launchScreen(store, runtime, actor, { cycleYear: year }, true));
  }
  const sorry = { title: 'Sorry, I didn’t understand that', message: 'Here is what I can do.', fields: [], actions: [] };
  const answer = help(actor);
  return { ...answer, blocks: [...errorBlocks(sorry).slice(0, 2), ...answer.blocks], text: fallbackText(sorry) };
}
