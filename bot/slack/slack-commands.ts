import { errorBlocks, fallbackText } from '../../cards/slack/blocks';
import type { Actor } from '../actor';
import { launchScreen, setupScreen, unreachableScreen } from '../admin-screens';
import { cpdScreen } from '../cpd-screens';
import { payrollChangesScreen } from '../payroll-screens';
import { moderationScreen, teamScreen } from '../queue-screens';
import { londonWallClock } from '../../services/shared/london-time';
import { assertNever } from '../../services/shared/result';
import { equalityMessage } from './slack-equality';
import { help, myAppraisal, screenMessage } from './slack-screens';
import type { SlackAnswer, SlackScreenDeps } from './slack-screens';

// `/ipp <words>` and a DM typed to the bot understand the same words as the Teams bot (R-CHAT-1): help,
// status (my appraisal), objectives, self-assessment, my team, moderation, the head's set-up commands and payroll
// changes, training needs (for the professional-development manager and the head), and the person's own equality
// questions.

/** The slash command, the global shortcut and the events the bot answers: the manifest declares the same. */
export const SLACK_COMMAND = '/ipp';
export const OPEN_MY_APPRAISAL = 'ipp.home.open';
export const SLACK_EVENTS = ['app_home_opened', 'message.im'] as const;

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
  equality: /^(equality|equality questions|my equality answers)$/,
  payroll: /^(payroll|payroll changes|pay changes)$/,
  training: /^(training|training needs|cpd|cpd summary)$/,
} as const;

type Message = Extract<SlackAnswer, { kind: 'message' }>;

/** Which command typed words are, or null when they are none of them. */
export function commandOf(typed: string): keyof typeof WORDS | null {
  const word = typed.trim().toLowerCase().replace(/[^\p{L}\p{N} -]+$/u, '').trim();
  return (Object.keys(WORDS) as (keyof typeof WORDS)[]).find((k) => WORDS[k].test(word)) ?? null;
}

/** The answer to typed words; anything not understood gets the help, with a kind word first. */
export async function answerText(deps: SlackScreenDeps, actor: Actor, typed: string): Promise<Message> {
  const { store, runtime } = deps;
  const command = commandOf(typed);
  switch (command) {
    case 'help':
      return help(store, actor);
    case 'status':
      return myAppraisal(deps, actor);
    case 'team':
      return screenMessage(await teamScreen(store, runtime, actor));
    case 'moderation':
      return screenMessage(await moderationScreen(store, runtime, actor));
    case 'setup':
      return screenMessage(await setupScreen(store, runtime, actor));
    case 'unreachable':
      return screenMessage(await unreachableScreen(store, actor));
    case 'equality':
      return equalityMessage(deps, actor);
    case 'payroll':
      return screenMessage(await payrollChangesScreen(store, runtime, actor));
    case 'training':
      return screenMessage(await cpdScreen(store, runtime, actor));
    case 'launch': {
      const today = londonWallClock(runtime.deps.clock.now()).day;
      const year = actor.school ? Number((await runtime.policies.forSchool(actor.school.id)).cycleContaining(today).start.slice(0, 4)) : 0;
      return screenMessage(await launchScreen(store, runtime, actor, { cycleYear: year }, true));
    }
    case null: {
      const sorry = { title: 'Sorry, I didn’t understand that', message: 'Here is what I can do.', fields: [], actions: [] };
      const answer = await help(store, actor);
      return { ...answer, blocks: [...errorBlocks(sorry).slice(0, 2), ...answer.blocks], text: fallbackText(sorry) };
    }
    default:
      return assertNever(command);
  }
}
