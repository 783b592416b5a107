import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { caseCard, errorCard, formCard, listCard } from '../../cards/teams/cards';
import type { AdaptiveCardJson } from '../../cards/teams/render';
import { errorView } from '../../cards/views/error.view';
import { commandOfVerb, Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import { caseScreen, formScreen, runCaseCommand } from '../case-screens';
import type { CaseScreen } from '../case-screens';
import type { ProductStore } from '../compose';
import { accessScreen, approveAll, moderationScreen, teamScreen } from '../queue-screens';
import type { ListScreen } from '../queue-screens';

/** What the case routes need from the Teams bot. */
export interface CaseRouteDeps {
  store: ProductStore;
  runtime: CaseRuntime;
  actorOf(context: TurnContext): Promise<Actor>;
  /** Wraps a handler so an unexpected failure is an apology card, never a 500. */
  cardRoute(handler: (context: TurnContext) => Promise<AdaptiveCardJson>): (context: TurnContext) => Promise<AdaptiveCardJson>;
  /** Case content only in a personal chat (R-PRV-1): the card to show anywhere else. */
  privateOnly(context: TurnContext): AdaptiveCardJson | null;
}

/** Renders a case screen as a Teams card. */
export function renderCaseScreen(screen: CaseScreen | ListScreen): AdaptiveCardJson {
  switch (screen.kind) {
    case 'case':
      return caseCard(screen.view);
    case 'form':
      return formCard(screen.view);
    case 'list':
      return listCard(screen.view);
    case 'error':
      return errorCard(screen.view);
  }
}

/** The action's data: Action.Execute merges the card's inputs into it, all as strings. */
export const dataOf = (context: TurnContext): Record<string, unknown> => {
  const value = context.activity.value as { action?: { data?: unknown } } | undefined;
  const data = value?.action?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
};
const verbOf = (context: TurnContext): string => String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '');

/** One route per case verb: show a case, open a command's form, run a command; the queues (R-CHAT-1, R-CHAT-2). */
export function registerCaseRoutes(app: Application, deps: CaseRouteDeps): void {
  const { store, runtime } = deps;
  const route = (handler: (context: TurnContext, actor: Actor) => Promise<AdaptiveCardJson>) =>
    deps.cardRoute(async (context) => deps.privateOnly(context) ?? handler(context, await deps.actorOf(context)));

  app.adaptiveCards.actionExecute(Verbs.caseShow, route(async (context, actor) => {
    const caseId = dataOf(context).caseId;
    return renderCaseScreen(await caseScreen(store, runtime, actor, typeof caseId === 'string' ? caseId : '', null, true));
  }));
  app.adaptiveCards.actionExecute(Verbs.accessShow, route(async (context, actor) => renderCaseScreen(await accessScreen(store, actor, dataOf(context)))));
  app.adaptiveCards.actionExecute(Verbs.teamShow, route(async (context, actor) => renderCaseScreen(await teamScreen(store, runtime, actor, dataOf(context)))));
  app.adaptiveCards.actionExecute(Verbs.moderationShow, route(async (context, actor) => renderCaseScreen(await moderationScreen(store, runtime, actor, dataOf(context)))));
  app.adaptiveCards.actionExecute(Verbs.moderationApproveAll, route(async (context, actor) => {
    const done = await approveAll(store, runtime, actor, dataOf(context));
    const queue = await moderationScreen(store, runtime, actor, dataOf(context));
    if (queue.kind === 'list') queue.view.intro = `Approved ${done.approved}${done.skipped ? `; ${done.skipped} had changed since you looked, so they are still here` : ''}. ${queue.view.intro ?? ''}`.trim();
    return renderCaseScreen(queue);
  }));

  // Every case command: `ipp.form.<type>` opens its form, `ipp.do.<type>` runs it.
  app.adaptiveCards.actionExecute(
    async (context) => context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action' && commandOfVerb(verbOf(context)) !== null,
    route(async (context, actor) => {
      const command = commandOfVerb(verbOf(context));
      if (!command) return errorCard(errorView({ code: 'CARD.UNKNOWN_ACTION', message: 'That button is out of date.' }));
      const data = dataOf(context);
      const screen = command.form ? await formScreen(store, runtime, actor, command.type, data) : await runCaseCommand(store, runtime, actor, { type: command.type, data, channel: 'teams' });
      return renderCaseScreen(screen);
    }),
  );
}
