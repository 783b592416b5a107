import { caseBlocks, listBlocks } from '../../cards/slack/case-blocks';
import { errorBlocks, fallbackText, homeBlocks, SLACK_LIMITS, welcomeBlocks } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import type { FormView } from '../../cards/views/forms';
import { errorView } from '../../cards/views/error.view';
import { commandOfVerb, Verbs } from '../../cards/verbs';
import { withTeamRole } from '../actor';
import type { Actor } from '../actor';
import { launchScreen, setupScreen, unreachableScreen } from '../admin-screens';
import type { CaseRuntime } from '../case-runtime';
import { caseScreen, formScreen, myCase, runCaseCommand } from '../case-screens';
import type { CaseScreen } from '../case-screens';
import type { ProductStore } from '../compose';
import { cpdScreen } from '../cpd-screens';
import { payrollChangesScreen } from '../payroll-screens';
import { accessScreen, approveAll, moderationScreen, teamScreen } from '../queue-screens';
import type { ListScreen } from '../queue-screens';
import { homeScreen, welcomeScreen } from '../screens';
import { equalityButton } from './slack-equality';

// What a Slack button or typed command answers with: the shared use-cases' screens, rendered as Block Kit
// from the same view-models as the Teams cards (R-CHAT-1). Who may act is decided there, from the store.

/** A message to show, or a form to open as a modal. */
export type SlackAnswer =
  | { kind: 'message'; blocks: Block[]; text: string; changed: boolean }
  | { kind: 'form'; view: FormView }
  /** A modal of its own, ready to open (the equality questions). */
  | { kind: 'modal'; view: Record<string, unknown> };

/** What the use-cases need. */
export interface SlackScreenDeps {
  store: ProductStore;
  runtime: CaseRuntime;
}

/** A screen as a message of at most `budget` blocks. */
export function screenMessage(screen: CaseScreen | ListScreen, budget: number = SLACK_LIMITS.messageBlocks): Extract<SlackAnswer, { kind: 'message' }> {
  if (screen.kind === 'case') return { kind: 'message', blocks: caseBlocks(screen.view, budget), text: fallbackText(screen.view), changed: false };
  if (screen.kind === 'list') return { kind: 'message', blocks: listBlocks(screen.view, budget), text: fallbackText(screen.view), changed: false };
  if (screen.kind === 'error') return { kind: 'message', blocks: errorBlocks(screen.view), text: fallbackText(screen.view), changed: false };
  // A form cannot be a message: the caller opens it as a modal instead.
  return { kind: 'message', blocks: [], text: '', changed: false };
}

const answerOf = (screen: CaseScreen | ListScreen, changed = false): SlackAnswer =>
  screen.kind === 'form' ? { kind: 'form', view: screen.view } : { ...screenMessage(screen), changed };

/** "My appraisal": the person's case once the cycle has started for them, else where things stand. */
export async function myAppraisal(deps: SlackScreenDeps, actor: Actor, budget: number = SLACK_LIMITS.messageBlocks): Promise<Extract<SlackAnswer, { kind: 'message' }>> {
  const mine = await myCase(deps.store, deps.runtime, actor);
  if (mine) return screenMessage(await caseScreen(deps.store, deps.runtime, actor, mine.id), budget);
  const screen = await homeScreen(deps.store, actor);
  const blocks = screen.kind === 'home' ? homeBlocks(screen.view) : welcomeBlocks(screen.view);
  return { kind: 'message', blocks, text: fallbackText(screen.view), changed: false };
}

/** The help message (with "my team" for someone who reviews anyone). */
export async function help(store: ProductStore, actor: Actor): Promise<Extract<SlackAnswer, { kind: 'message' }>> {
  const view = welcomeScreen(await withTeamRole(store, actor));
  return { kind: 'message', blocks: welcomeBlocks(view), text: fallbackText(view), changed: false };
}

/** True when pressing this verb changes the record (so a second press of the same button is a replay). */
export const changesRecord = (verb: string): boolean =>
  commandOfVerb(verb)?.form === false || verb === Verbs.moderationApproveAll || verb === Verbs.cycleLaunch || verb === Verbs.equalitySave || verb === Verbs.equalityRemove;

/** The answer to a button: `ipp.form.*` opens a form, `ipp.do.*` runs the command, the rest show something. */
export async function answerButton(deps: SlackScreenDeps, actor: Actor, verb: string, data: Record<string, unknown>): Promise<SlackAnswer> {
  const { store, runtime } = deps;
  const command = commandOfVerb(verb);
  if (command?.form) return answerOf(await formScreen(store, runtime, actor, command.type, data));
  if (command) return answerOf(await runCaseCommand(store, runtime, actor, { type: command.type, data, channel: 'slack' }), true);
  const equality = await equalityButton(deps, actor, verb, data);
  if (equality) return equality;
  switch (verb) {
    case Verbs.homeShow:
      return myAppraisal(deps, actor);
    case Verbs.helpShow:
      return help(store, actor);
    case Verbs.caseShow:
      return answerOf(await caseScreen(store, runtime, actor, typeof data.caseId === 'string' ? data.caseId : '', null, true));
    case Verbs.accessShow:
      return answerOf(await accessScreen(store, actor, data));
    case Verbs.teamShow:
      return answerOf(await teamScreen(store, runtime, actor, data));
    case Verbs.moderationShow:
      return answerOf(await moderationScreen(store, runtime, actor, data));
    case Verbs.moderationApproveAll: {
      const done = await approveAll(store, runtime, actor, data);
      const queue = await moderationScreen(store, runtime, actor, data);
      if (queue.kind === 'list') queue.view.intro = `Approved ${done.approved}${done.skipped ? `; ${done.skipped} had changed since you looked, so they are still here` : ''}. ${queue.view.intro ?? ''}`.trim();
      return answerOf(queue, done.approved > 0);
    }
    case Verbs.setupShow:
      return answerOf(await setupScreen(store, runtime, actor));
    case Verbs.cycleLaunchPreview:
      return answerOf(await launchScreen(store, runtime, actor, data, true));
    case Verbs.cycleLaunch:
      return answerOf(await launchScreen(store, runtime, actor, data, false), true);
    case Verbs.unreachableShow:
      return answerOf(await unreachableScreen(store, actor));
    case Verbs.payrollChangesShow:
      return answerOf(await payrollChangesScreen(store, runtime, actor, data));
    case Verbs.cpdShow:
      return answerOf(await cpdScreen(store, runtime, actor, data));
    default: {
      const view = errorView({ code: 'CARD.UNKNOWN_ACTION', message: 'This button belongs to an older message that I no longer understand. Press below to see your appraisal as it is now.' }, 'That button is out of date');
      return { kind: 'message', blocks: errorBlocks(view), text: view.title, changed: false };
    }
  }
}
