import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import { payrollChangesScreen } from '../payroll-screens';
import type { ListScreen } from '../queue-screens';
import type { CaseRouteDeps } from './case.routes';
import { renderCaseScreen } from './case.routes';

// The head's payroll changes in Teams (R-PAY-1, R-CHAT-2): typed "payroll", or the button on the daily notice. Both
// answer in a one-to-one chat only; a group chat or channel gets the pointer to the private chat.

export const PAYROLL = /^\s*(payroll|payroll changes|pay changes)\W*\s*$/i;

const dataOf = (context: TurnContext): Record<string, unknown> => {
  const data = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
};

/** Registers "payroll" and the payroll-changes button. */
export function registerPayrollRoutes(
  app: Application,
  deps: CaseRouteDeps & { store: ProductStore; runtime: CaseRuntime; say(context: TurnContext, handler: (actor: Actor) => Promise<ListScreen>): Promise<void> },
): void {
  const { store, runtime } = deps;
  app.message(PAYROLL, (context) => deps.say(context, (actor) => payrollChangesScreen(store, runtime, actor)));
  app.adaptiveCards.actionExecute(
    Verbs.payrollChangesShow,
    deps.cardRoute(async (context) => deps.privateOnly(context) ?? renderCaseScreen(await payrollChangesScreen(store, runtime, await deps.actorOf(context), dataOf(context)))),
  );
}
