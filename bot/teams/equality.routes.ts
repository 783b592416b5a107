import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { equalityCard, errorCard, listCard } from '../../cards/teams/cards';
import type { AdaptiveCardJson } from '../../cards/teams/render';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import { equalityFormScreen, removeEqualityAnswers, saveEqualityAnswers } from '../equality-screens';
import type { EqualityScreen } from '../equality-screens';
import { dataOf } from './case.routes';
import type { CaseRouteDeps } from './case.routes';

// A person's own equality answers in their personal chat with the bot (R-RPT-1): say "equality" or press the
// help card's button for the form; save and remove are its buttons. Anywhere but a personal chat these answer
// as every personal screen does there, with no content.

const EQUALITY = /^\s*(equality|equality questions|my equality answers)\W*\s*$/i;

/** Renders an equality screen as a Teams card. */
export function renderEqualityScreen(screen: EqualityScreen): AdaptiveCardJson {
  switch (screen.kind) {
    case 'equality':
      return equalityCard(screen.view);
    case 'list':
      return listCard(screen.view);
    case 'error':
      return errorCard(screen.view);
  }
}


/** The typed command and the three card verbs of the equality questions. */
export function registerEqualityRoutes(
  app: Application,
  deps: CaseRouteDeps & { sayCard(context: TurnContext, handler: (actor: Actor) => Promise<AdaptiveCardJson>): Promise<void> },
): void {
  const { store, runtime } = deps;
  const route = (handler: (context: TurnContext, actor: Actor) => Promise<EqualityScreen>) =>
    deps.cardRoute(async (context) => deps.privateOnly(context) ?? renderEqualityScreen(await handler(context, await deps.actorOf(context))));

  app.message(EQUALITY, (context) => deps.sayCard(context, async (actor) => renderEqualityScreen(await equalityFormScreen(store, actor))));
  app.adaptiveCards.actionExecute(Verbs.equalityShow, route((_c, actor) => equalityFormScreen(store, actor)));
  app.adaptiveCards.actionExecute(Verbs.equalitySave, route((c, actor) => saveEqualityAnswers(store, runtime, actor, dataOf(c))));
  app.adaptiveCards.actionExecute(Verbs.equalityRemove, route((_c, actor) => removeEqualityAnswers(store, runtime, actor)));
}
