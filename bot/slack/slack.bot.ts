import { randomUUID } from 'node:crypto';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import { Router } from 'express';
import type { Logger } from 'pino';
import { errorBlocks, fallbackText } from '../../cards/slack/blocks';
import { apologyView } from '../../cards/views/error.view';
import type { Clock } from '../../services/shared/time';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import type { Config } from '../config';
import { currentCorrelationId } from '../logger';
import { withTeamRole } from '../actor';
import { slackActor } from './slack-actor';
import { registerSlackCaseRoutes } from './slack-case.routes';
import { answerText, OPEN_MY_APPRAISAL, PRIVATE_POINTER, SLACK_COMMAND } from './slack-commands';
import { registerSlackEqualityRoutes } from './slack-equality';
import { homeTabBlocks } from './slack-home';
import { eventKey, firstDelivery, messageKey } from './slack-replay';
import { myAppraisal } from './slack-screens';

/** What the Slack bot needs from the composition root. */
export interface SlackBotDeps {
  config: Config & { slack: NonNullable<Config['slack']> };
  store: ProductStore;
  logger: Logger;
  clock: Clock;
  runtime: CaseRuntime;
}

/** bolt logs through the product's logger. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => child.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => child.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => child.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** The Slack user an incoming body is about, if any (for the apology after an unexpected failure). */
function userOf(body: unknown): string | null {
  const b = body as { user?: { id?: unknown } | string; user_id?: unknown; event?: { user?: unknown } } | undefined;
  const id = typeof b?.user === 'object' ? b.user.id : (b?.user ?? b?.user_id ?? b?.event?.user);
  return typeof id === 'string' && /^[UW][A-Z0-9]{1,30}$/.test(id) ? id : null;
}

/**
 * The Slack bot: a bolt App whose receiver is mounted on the product's one HTTP server at /slack/events
 * (events, slash commands and interactivity). Signature verification is always on. Every listener
 * acknowledges first (Slack's 3-second rule) and only then touches the store or the Web API.
 */
export function createSlackBot({ config, store, logger, clock, runtime }: SlackBotDeps) {
  const router = Router();
  const receiver = new ExpressReceiver({
    signingSecret: config.slack.signingSecret,
    endpoints: '/slack/events',
    router,
    logger: boltLogger(logger),
    signatureVerification: true,
  });
  const app = new App({
    receiver,
    token: config.slack.botToken,
    botId: config.slack.botId,
    botUserId: config.slack.botUserId,
    tokenVerificationEnabled: false,
    extendedErrorHandler: true,
    logger: boltLogger(logger),
    // A Web API call that fails is retried twice, quickly; Slack's own rate-limit pauses are still honoured.
    clientOptions: { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 2, minTimeout: 100, maxTimeout: 1000 } },
  });
  // For what is only courtesy (tidying an old message, an apology): tried once, never retried for long.
  const bestEffort = new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 0 } });
  const deps = { store, runtime };
  const actorOf = (userId: string, teamId: string | undefined) => slackActor(store, userId, teamId);

  async function publishHome(userId: string, teamId: string | undefined): Promise<void> {
    const blocks = await homeTabBlocks(deps, await withTeamRole(store, await actorOf(userId, teamId)));
    await app.client.views.publish({ user_id: userId, view: { type: 'home', blocks } as never });
  }

  async function answerInDm(userId: string, teamId: string | undefined, typed: string): Promise<void> {
    const answer = await answerText(deps, await actorOf(userId, teamId), typed);
    await app.client.chat.postMessage({ channel: userId, blocks: answer.blocks, text: answer.text });
  }

  registerSlackCaseRoutes(app, { store, runtime, clock, logger, publishHome, bestEffort });
  registerSlackEqualityRoutes(app, { store, runtime, clock });

  app.command(SLACK_COMMAND, async ({ ack, command }) => {
    // Typed anywhere but a DM, the channel gets only a pointer; the answer goes to the DM with the bot (R-PRV-1).
    await ack(command.channel_id.startsWith('D') ? undefined : { response_type: 'ephemeral', text: PRIVATE_POINTER });
    await answerInDm(command.user_id, command.team_id, command.text);
  });

  app.message(async ({ message, body }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message) || !message.user) return;
    if (!(await firstDelivery(store, clock, messageKey(message.channel, message.ts)))) return;
    await answerInDm(message.user, body.team_id, 'text' in message ? (message.text ?? '') : '');
  });

  // The global shortcut "Open my appraisal".
  app.shortcut(OPEN_MY_APPRAISAL, async ({ ack, body }) => {
    await ack();
    const answer = await myAppraisal(deps, await actorOf(body.user.id, body.user.team_id ?? body.team?.id));
    await app.client.chat.postMessage({ channel: body.user.id, blocks: answer.blocks, text: answer.text });
  });

  // App Home: my appraisal, and for reviewers and the head their queues (R-CHAT-2).
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    if (!(await firstDelivery(store, clock, eventKey(body.event_id)))) return;
    await publishHome(event.user, body.team_id);
  });

  // An unexpected failure: logged with a reference, and the person told so kindly in their DM.
  app.error(async ({ error, body }: ExtendedErrorHandlerArgs) => {
    const reference = currentCorrelationId() ?? randomUUID();
    logger.error({ event: 'slack.error', reference, err: { name: error.name, message: error.message, code: error.code } }, 'unhandled error in a Slack listener');
    const userId = userOf(body);
    if (!userId) return;
    const view = apologyView(reference);
    // If even the apology cannot be sent there is nobody left to tell: the log line above is the record.
    await bestEffort.chat.postMessage({ channel: userId, blocks: errorBlocks(view), text: fallbackText(view) }).catch(() => undefined);
  });

  return { app, receiver, router };
}
