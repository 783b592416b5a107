import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../actor';
import { governorsSummaryScreen, launchScreen, setupScreen, unreachableScreen } from '../admin-screens';
import type { CaseRuntime } from '../case-runtime';
import { cpdScreen } from '../cpd-screens';
import { payrollChangesScreen } from '../payroll-screens';
import type { ProductStore } from '../compose';
import type { ReportLinks } from '../report-link';
import type { CaseRouteDeps } from './case.routes';
import { dataOf, renderCaseScreen } from './case.routes';

const SETUP = /^\s*(setup|set up|set-up)\W*\s*$/i;
const LAUNCH = /^\s*launch( the)?( cycle)?\W*\s*$/i;
const UNREACHABLE = /^\s*(who is unreachable|unreachable)\W*\s*$/i;
const GOVERNORS = /^\s*(governors|governors'? report|report)\W*\s*$/i;
/** The head's payroll changes (R-PAY-1, R-CHAT-2). */
export const PAYROLL = /^\s*(payroll|payroll changes|pay changes)\W*\s*$/i;
/** Training needs for the PD manager and the head (R-RPT-3, R-SUP-1). */
export const TRAINING_NEEDS = /^\s*(training|training needs|cpd|cpd summary)\W*\s*$/i;


/** The head's set-up commands in chat: setup, launch cycle (with a preview), who is unreachable, the governors' report; and payroll changes and training needs. */
export function registerAdminRoutes(
  app: Application,
  deps: CaseRouteDeps & { store: ProductStore; runtime: CaseRuntime; reportLinks: ReportLinks; say(context: TurnContext, handler: (actor: Actor) => Promise<Parameters<typeof renderCaseScreen>[0]>): Promise<void> },
): void {
  const { store, runtime } = deps;
  const route = (handler: (context: TurnContext, actor: Actor) => Promise<Parameters<typeof renderCaseScreen>[0]>) =>
    deps.cardRoute(async (context) => deps.privateOnly(context) ?? renderCaseScreen(await handler(context, await deps.actorOf(context))));

  app.message(SETUP, (context) => deps.say(context, (actor) => setupScreen(store, runtime, actor)));
  app.message(LAUNCH, (context) =>
    deps.say(context, async (actor) => {
      const year = Number(runtime.policies && actor.school ? (await runtime.policies.forSchool(actor.school.id)).cycleContaining(runtime.deps.clock.now().toISOString().slice(0, 10)).start.slice(0, 4) : 0);
      return launchScreen(store, runtime, actor, { cycleYear: year }, true);
    }),
  );
  app.message(UNREACHABLE, (context) => deps.say(context, (actor) => unreachableScreen(store, actor)));
  // The summary carries a fresh link to the full report; `say` answers in a one-to-one chat only (R-PRV-1).
  app.message(GOVERNORS, (context) => deps.say(context, (actor) => governorsSummaryScreen(store, runtime, actor, deps.reportLinks)));

  app.adaptiveCards.actionExecute(Verbs.setupShow, route((_c, actor) => setupScreen(store, runtime, actor)));
  app.adaptiveCards.actionExecute(Verbs.cycleLaunchPreview, route((c, actor) => launchScreen(store, runtime, actor, dataOf(c), true)));
  app.adaptiveCards.actionExecute(Verbs.cycleLaunch, route((c, actor) => launchScreen(store, runtime, actor, dataOf(c), false)));
  app.adaptiveCards.actionExecute(Verbs.unreachableShow, route((_c, actor) => unreachableScreen(store, actor)));

  // Payroll changes (typed, or the daily notice's button) and training needs (typed, or a page or cycle button).
  app.message(PAYROLL, (context) => deps.say(context, (actor) => payrollChangesScreen(store, runtime, actor)));
  app.message(TRAINING_NEEDS, (context) => deps.say(context, (actor) => cpdScreen(store, runtime, actor)));
  app.adaptiveCards.actionExecute(Verbs.payrollChangesShow, route((c, actor) => payrollChangesScreen(store, runtime, actor, dataOf(c))));
  app.adaptiveCards.actionExecute(Verbs.cpdShow, route((c, actor) => cpdScreen(store, runtime, actor, dataOf(c))));
}
