import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import { cpdScreen } from '../cpd-screens';
import type { ListScreen } from '../queue-screens';
import type { CaseRouteDeps } from './case.routes';
import { renderCaseScreen } from './case.routes';

// Training needs in Teams (R-RPT-3, R-SUP-1, R-PRV-1): typed "training needs" (or "cpd"), or a page or cycle button.
// Both answer in a one-to-one chat only; a group chat or channel gets the pointer to the private chat.

export const TRAINING_NEEDS = /^\s*(training|training needs|cpd|cpd summary)\W*\s*$/i;

const dataOf = (context: TurnContext): Record<string, unknown> => {
  const data = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
};

/** Registers "training needs" and its buttons. */
export function registerCpdRoutes(
  app: Application,
  deps: CaseRouteDeps & { store: ProductStore; runtime: CaseRuntime; say(context: TurnContext, handler: (actor: Actor) => Promise<ListScreen>): Promise<void> },
): void {
  const { store, runtime } = deps;
  app.message(TRAINING_NEEDS, (context) => deps.say(context, (actor) => cpdScreen(store, runtime, actor)));
  app.adaptiveCards.actionExecute(
    Verbs.cpdShow,
    deps.cardRoute(async (context) => deps.privateOnly(context) ?? renderCaseScreen(await cpdScreen(store, runtime, await deps.actorOf(context), dataOf(context)))),
  );
}
