import { randomUUID } from 'node:crypto';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import { Router } from 'express';
import type { Logger } from 'pino';
import { fallbackText, homeBlocks, welcomeBlocks } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import { Verbs } from '../../cards/verbs';
import type { Clock } from '../../services/shared/time';
import { resolveActor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import type { Config } from '../config';
import { currentCorrelationId } from '../logger';
import { homeScreen, welcomeScreen } from '../screens';
import { caseScreen, myCase } from '../case-screens';
import { moderationScreen, teamScreen } from '../queue-screens';
import { registerSlackCaseRoutes, screenBlocks } from './slack-case.routes';

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
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: config.slack.apiUrl },
  });

  /** Slack redelivers events it thinks were lost: act on each event id once (for a day). */
  const firstDelivery = (key: string | undefined) =>
    key ? store.idempotency.firstSeen(`slack:${key}`, clock.now().toISOString(), 86_400) : Promise.resolve(true);

  async function dm(userId: string, blocks: Block[], text: string): Promise<void> {
    await app.client.chat.postMessage({ channel: userId, blocks, text });
  }

  async function help(userId: string): Promise<void> {
    const view = welcomeScreen(await resolveActor(store, 'slack', userId));
    await dm(userId, welcomeBlocks(view), fallbackText(view));
  }

  async function home(userId: string): Promise<void> {
    const actor = await resolveActor(store, 'slack', userId);
    const mine = await myCase(store, runtime, actor);
    if (mine) {
      const screen = await caseScreen(store, runtime, actor, mine.id);
      return dm(userId, screenBlocks(screen), screen.kind === 'case' ? fallbackText(screen.view) : 'Your appraisal');
    }
    const screen = await homeScreen(store, actor);
    const blocks = screen.kind === 'home' ? homeBlocks(screen.view) : welcomeBlocks(screen.view);
    await dm(userId, blocks, fallbackText(screen.view));
  }

  /** The same words as in Teams: status, objectives, self-assessment, team, moderation, help. */
  async function answer(userId: string, typed: string): Promise<void> {
    const word = typed.trim().toLowerCase();
    if (/^(status|home|my appraisal|objectives|self[- ]assessment)\W*$/.test(word)) return home(userId);
    if (/^(my team|team|reviews)\W*$/.test(word)) {
      const screen = await teamScreen(store, runtime, await resolveActor(store, 'slack', userId));
      return dm(userId, screenBlocks(screen), 'Your team');
    }
    if (/^(moderation|approvals|queue)\W*$/.test(word)) {
      const screen = await moderationScreen(store, runtime, await resolveActor(store, 'slack', userId));
      return dm(userId, screenBlocks(screen), 'Waiting for you');
    }
    return help(userId);
  }

  registerSlackCaseRoutes(app, { store, runtime });

  app.command('/ipp', async ({ ack, command }) => {
    await ack();
    // Whatever channel the command was typed in, the answer goes to the person's DM with the bot (R-PRV-1).
    await answer(command.user_id, command.text);
  });

  app.message(async ({ message }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message) || !message.user) return;
    if (!(await firstDelivery(`${message.channel}:${message.ts}`))) return;
    await answer(message.user, 'text' in message ? (message.text ?? '') : '');
  });

  // The global shortcut "Open my appraisal" (manifest: callback ipp.home.open).
  app.shortcut('ipp.home.open', async ({ ack, body }) => {
    await ack();
    await home(body.user.id);
  });

  app.action(Verbs.homeShow, async ({ ack, body }) => {
    await ack();
    await home(body.user.id);
  });
  app.action(Verbs.helpShow, async ({ ack, body }) => {
    await ack();
    await help(body.user.id);
  });

  app.error(async (error) => {
    const reference = currentCorrelationId() ?? randomUUID();
    logger.error({ event: 'slack.error', reference, err: { name: error.name, message: error.message, code: error.code } }, 'unhandled error in a Slack listener');
  });

  return { app, receiver, router };
}
