import { randomUUID } from 'node:crypto';
import { CardFactory, TeamsInfo, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { SchoolTeamsAdapter } from './school-teams.adapter';
import type { Logger } from 'pino';
import { errorCard, homeCard, welcomeCard } from '../../cards/teams/cards';
import type { AdaptiveCardJson } from '../../cards/teams/render';
import { apologyView, errorView } from '../../cards/views/error.view';
import { Verbs } from '../../cards/verbs';
import type { Clock } from '../../services/shared/time';
import { linkTeamsIdentity } from '../../services/roster';
import { resolveActor, withTeamRole } from '../actor';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import type { Config } from '../config';
import { reportLinksFor } from '../report-link';
import type { ReportLinks } from '../report-link';
import { currentCorrelationId } from '../logger';
import { homeScreen, welcomeScreen } from '../screens';
import { LocalIdentitySwitch, registerActAsRoutes } from './act-as.routes';
import { registerAdminRoutes } from './admin.routes';
import { registerCaseRoutes, renderCaseScreen } from './case.routes';
import { registerEqualityRoutes } from './equality.routes';
import { caseScreen, myCase } from '../case-screens';
import { moderationScreen, teamScreen } from '../queue-screens';

/** What the Teams bot needs from the composition root. */
export interface TeamsBotDeps {
  config: Config;
  store: ProductStore;
  logger: Logger;
  clock: Clock;
  runtime: CaseRuntime;
  /** The head's report links (R-RPT-1); made from the configuration when not given. */
  reportLinks?: ReportLinks;
}

const GREETING = /^\s*(hi|hello|hey|help|start|menu)\W*\s*$/i;
const STATUS = /^\s*(status|my appraisal|home|objectives|self[- ]assessment)\W*\s*$/i;
const TEAM = /^\s*(my team|team|reviews)\W*\s*$/i;
const MODERATION = /^\s*(moderation|approvals|queue)\W*\s*$/i;
const PRIVATE_ONLY =
  'I only talk about appraisals in a private chat, so that they stay confidential. Please open a chat with me and say "hi".';

function isPersonal(activity: Activity): boolean {
  return (activity.conversation?.conversationType ?? 'personal') === 'personal';
}

/** The Teams bot: a teams-ai Application on its TeamsAdapter, with one route per command and card verb. */
export function createTeamsBot({ config, store, logger, clock, runtime, reportLinks }: TeamsBotDeps) {
  const adapter = config.teams.authenticationOff
    ? new SchoolTeamsAdapter({})
    : new SchoolTeamsAdapter({
        MicrosoftAppId: config.teams.appId,
        MicrosoftAppPassword: config.teams.appPassword,
        MicrosoftAppType: config.teams.appType,
        MicrosoftAppTenantId: config.teams.tenantId,
      });
  const app = new Application({ adapter, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });

  // Local mode only: the Playground user may act as anyone of their school (never with authentication on).
  const identities = config.teams.authenticationOff ? new LocalIdentitySwitch() : null;
  const actorOf = (context: TurnContext): Promise<Actor> =>
    resolveActor(store, 'teams', identities?.userKeyFor(context) ?? context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '');

  async function rememberConversation(context: TurnContext, actor: Actor): Promise<void> {
    if (!isPersonal(context.activity) || !actor.userKey) return;
    await store.conversations.put({
      schoolId: actor.person?.schoolId ?? 'unassigned',
      personId: actor.person?.id ?? null,
      channel: 'teams',
      userKey: actor.userKey,
      reference: TurnContext.getConversationReference(context.activity),
      updatedAt: clock.now().toISOString(),
    });
  }

  const sendCard = (context: TurnContext, card: AdaptiveCardJson) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

  /** Teams redelivers an activity it thinks was lost: answer each activity id once (for a day). */
  async function firstDelivery(context: TurnContext): Promise<boolean> {
    const id = context.activity.id;
    if (!id) return true;
    return store.idempotency.firstSeen(`teams:${context.activity.conversation?.id}:${id}`, clock.now().toISOString(), 86_400);
  }

  /** "My appraisal": the person's case when the cycle has started for them, else the not-started card. */
  async function homeCardFor(actor: Actor): Promise<AdaptiveCardJson> {
    const mine = await myCase(store, runtime, actor);
    if (mine) return renderCaseScreen(await caseScreen(store, runtime, actor, mine.id));
    const screen = await homeScreen(store, actor);
    return screen.kind === 'home' ? homeCard(screen.view) : welcomeCard(screen.view);
  }

  /**
   * First contact from someone the roster does not know by Teams account yet: ask Teams for their work email
   * and link them if it is on the roster of the school that owns this tenant — never by display name.
   */
  async function linkIfNew(context: TurnContext, actor: Actor): Promise<Actor> {
    const tenantId = context.activity.conversation?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const aadObjectId = context.activity.from?.aadObjectId;
    const actingAsSomeoneElse = identities !== null && identities.userKeyFor(context) !== aadObjectId;
    if (actor.person || actingAsSomeoneElse || !tenantId || !aadObjectId) return actor;
    const member = await TeamsInfo.getMember(context, context.activity.from.id).then(
      (m) => m,
      (error: unknown) => {
        logger.info({ event: 'teams.member-lookup-failed', status: (error as { statusCode?: number }).statusCode ?? null }, 'could not look up a new Teams user');
        return null;
      },
    );
    const email = member?.email ?? member?.userPrincipalName;
    if (!email) return actor;
    const linked = await linkTeamsIdentity(store, { tenantId, aadObjectId, email });
    logger.info({ event: 'teams.identity-link', result: linked.ok ? 'linked' : linked.error.code, personId: linked.ok ? linked.value.id : null }, 'Teams identity link');
    return linked.ok ? actorOf(context) : actor;
  }

  async function greet(context: TurnContext): Promise<void> {
    if (!isPersonal(context.activity)) {
      await context.sendActivity(PRIVATE_ONLY);
      return;
    }
    const actor = await linkIfNew(context, await actorOf(context));
    await rememberConversation(context, actor);
    logger.info({ event: 'teams.welcome', personId: actor.person?.id ?? null }, 'welcome card sent');
    await sendCard(context, welcomeCard(welcomeScreen(await withTeamRole(store, actor))));
  }

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await greet(context);
  });

  app.message(GREETING, async (context) => {
    if (await firstDelivery(context)) await greet(context);
  });

  app.message(STATUS, async (context) => {
    if (!(await firstDelivery(context))) return;
    if (!isPersonal(context.activity)) return void (await context.sendActivity(PRIVATE_ONLY));
    const actor = await actorOf(context);
    await rememberConversation(context, actor);
    await sendCard(context, await homeCardFor(actor));
  });

  app.message(TEAM, async (context) => {
    if (!(await firstDelivery(context))) return;
    if (!isPersonal(context.activity)) return void (await context.sendActivity(PRIVATE_ONLY));
    await sendCard(context, renderCaseScreen(await teamScreen(store, runtime, await actorOf(context))));
  });

  app.message(MODERATION, async (context) => {
    if (!(await firstDelivery(context))) return;
    if (!isPersonal(context.activity)) return void (await context.sendActivity(PRIVATE_ONLY));
    await sendCard(context, renderCaseScreen(await moderationScreen(store, runtime, await actorOf(context))));
  });

  if (identities) registerActAsRoutes(app, store, identities);


  /** Card routes answer with a card even when something unexpected fails: an apology with a reference, never a 500. */
  const cardRoute =
    (handler: (context: TurnContext) => Promise<AdaptiveCardJson>) =>
    async (context: TurnContext): Promise<AdaptiveCardJson> => {
      try {
        return await handler(context);
      } catch (error) {
        const reference = currentCorrelationId() ?? randomUUID();
        const err = error instanceof Error ? error : new Error(String(error));
        logger.error({ event: 'teams.card-error', reference, err: { name: err.name, message: err.message, stack: err.stack } }, 'unhandled error in a card action');
        return errorCard(apologyView(reference));
      }
    };

  app.adaptiveCards.actionExecute(Verbs.homeShow, cardRoute(async (context) => {
    if (!isPersonal(context.activity)) return errorCard(errorView({ code: 'CHAT.NOT_PRIVATE', message: PRIVATE_ONLY }));
    return homeCardFor(await actorOf(context));
  }));

  const caseRouteDeps = {
    store, runtime, actorOf, cardRoute,
    privateOnly: (context: TurnContext) => (isPersonal(context.activity) ? null : errorCard(errorView({ code: 'CHAT.NOT_PRIVATE', message: PRIVATE_ONLY }))),
  };
  registerCaseRoutes(app, caseRouteDeps);
  // A typed command answers with a card, once per activity, in a personal chat only.
  const sayCard = async (context: TurnContext, handler: (actor: Actor) => Promise<AdaptiveCardJson>): Promise<void> => {
    if (!(await firstDelivery(context))) return;
    if (!isPersonal(context.activity)) return void (await context.sendActivity(PRIVATE_ONLY));
    await sendCard(context, await handler(await actorOf(context)));
  };
  registerAdminRoutes(app, {
    ...caseRouteDeps,
    reportLinks: reportLinks ?? reportLinksFor(config, clock, logger),
    say: (context, handler) => sayCard(context, async (actor) => renderCaseScreen(await handler(actor))),
  });
  registerEqualityRoutes(app, { ...caseRouteDeps, sayCard });

  // Anything else typed: say what I understand, kindly.
  app.activity('message', async (context) => {
    if (!(await firstDelivery(context))) return;
    if (!isPersonal(context.activity)) return void (await context.sendActivity(PRIVATE_ONLY));
    await context.sendActivity('Sorry, I didn’t understand that. Here is what I can do.');
    await greet(context);
  });

  app.adaptiveCards.actionExecute(Verbs.helpShow, cardRoute(async (context) => {
    if (!isPersonal(context.activity)) return errorCard(errorView({ code: 'CHAT.NOT_PRIVATE', message: PRIVATE_ONLY }));
    return welcomeCard(welcomeScreen(await withTeamRole(store, await actorOf(context))));
  }));

  // Registered last, so it only sees verbs no route above claimed: a button from an older card.
  app.adaptiveCards.actionExecute(
    async (context) => context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      logger.warn({ event: 'teams.unknown-verb', verb: (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb }, 'unknown card verb');
      return errorCard(
        errorView(
          { code: 'CARD.UNKNOWN_ACTION', message: 'This button belongs to an older card that I no longer understand. Here is your appraisal as it is now.' },
          'That button is out of date',
        ),
      );
    },
  );

  app.error(async (context, error) => {
    const reference = currentCorrelationId() ?? randomUUID();
    logger.error({ event: 'teams.error', reference, err: { name: error.name, message: error.message, stack: error.stack } }, 'unhandled error in a Teams turn');
    if (context.activity.type === 'message') await sendCard(context, errorCard(apologyView(reference)));
  });

  return { adapter, app };
}
