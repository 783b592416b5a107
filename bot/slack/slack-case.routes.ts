import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { z } from 'zod/v4';
import { buttons, formModal } from '../../cards/slack/case-blocks';
import type { ModalOrigin } from '../../cards/slack/form-modal';
import { context, errorBlocks, verbOfActionId } from '../../cards/slack/blocks';
import type { Block } from '../../cards/slack/blocks';
import { formVerb, Verbs } from '../../cards/verbs';
import type { Clock } from '../../services/shared/time';
import type { CaseRuntime } from '../case-runtime';
import { runCaseCommand } from '../case-screens';
import type { ProductStore } from '../compose';
import { slackActor } from './slack-actor';
import { checkModal, modalValues, readModal } from './slack-modal';
import { firstDelivery, pressKey, viewKey } from './slack-replay';
import { answerButton, changesRecord, screenMessage } from './slack-screens';

// The case in Slack (R-CHAT-1, R-CHAT-2): buttons run or open each command, forms are modals, and a pressed
// message is replaced so its old buttons cannot be pressed twice. Every listener acknowledges first (Slack's
// 3-second rule); the store decides who may act and checks the version, never the payload.

/** What the case listeners need. */
export interface SlackRouteDeps {
  store: ProductStore;
  runtime: CaseRuntime;
  clock: Clock;
  logger: Logger;
  /** Re-publishes a person's App Home after something changed from it. */
  publishHome(userId: string, teamId: string | undefined): Promise<void>;
  /** A Web API client that tries once, for what is only courtesy. */
  bestEffort: WebClient;
}

/** Where a button was pressed: a message (in a DM, we only ever post there) or the App Home. */
const containerSchema = z
  .object({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional(), view_id: z.string().optional() })
  .loose();
const isDirectMessage = (channel: string | undefined): channel is string => typeof channel === 'string' && channel.startsWith('D');

/** The workspace a payload came from. */
const teamOf = (body: { user: { team_id?: string }; team: { id: string } | null }): string | undefined => body.user.team_id ?? body.team?.id;

/** A button's value: JSON data, or nothing usable. */
function dataOf(value: string | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(value ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Registers the button and modal listeners on the bolt app. */
export function registerSlackCaseRoutes(app: App, deps: SlackRouteDeps): void {
  const { store, runtime, clock, logger } = deps;

  async function dm(userId: string, answer: { blocks: Block[]; text: string }): Promise<void> {
    await app.client.chat.postMessage({ channel: userId, blocks: answer.blocks, text: answer.text });
  }

  app.action(/^ipp\./, async ({ ack, body, action }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const container = containerSchema.safeParse(body.container);
    const where = container.success ? (container.data.message_ts ?? container.data.view_id ?? '') : '';
    const verb = verbOfActionId(action.action_id);
    const replay = pressKey({ userId: body.user.id, actionId: action.action_id, value: action.value ?? '', where }, changesRecord(verb));
    if (!(await firstDelivery(store, clock, replay))) return;
    const actor = await slackActor(store, body.user.id, teamOf(body));
    const answer = await answerButton({ store, runtime }, actor, verb, dataOf(action.value));
    const message = container.success && container.data.type === 'message' && isDirectMessage(container.data.channel_id) && container.data.message_ts
      ? { channel: container.data.channel_id, ts: container.data.message_ts }
      : null;
    if (answer.kind === 'form' || answer.kind === 'modal') {
      await app.client.views.open({ trigger_id: body.trigger_id, view: (answer.kind === 'form' ? formModal(answer.view, message) : answer.view) as never });
      return;
    }
    // Replace the pressed message (its buttons are spent); from the App Home, answer in the DM and refresh the Home.
    if (message) await app.client.chat.update({ ...message, blocks: answer.blocks, text: answer.text });
    else await dm(body.user.id, answer);
    if (container.success && container.data.type === 'view' && answer.changed) await deps.publishHome(body.user.id, teamOf(body));
  });

  app.view(/^ipp\.form\./, async ({ ack, body, view }) => {
    const modal = readModal(view.private_metadata);
    if (!modal) {
      await ack({ response_action: 'update', view: { type: 'modal', title: { type: 'plain_text', text: 'Out of date' }, close: { type: 'plain_text', text: 'Close' }, blocks: [context('This form is out of date. Please open it again from your appraisal.')] } as never });
      return;
    }
    const values = modalValues(view.state.values, modal.fields);
    const errors = checkModal(modal, values);
    if (errors) return void (await ack({ response_action: 'errors', errors }));
    await ack();
    if (!(await firstDelivery(store, clock, viewKey(view.id)))) return;
    const actor = await slackActor(store, body.user.id, teamOf(body));
    const data = { ...modal.meta.fixed, caseId: modal.meta.caseId, version: modal.meta.version, ...values };
    const screen = await runCaseCommand(store, runtime, actor, { type: modal.type, data, channel: 'slack' });
    if (screen.kind === 'form') {
      // Well formed, yet refused on a field only the record can check (say, a date before the meeting).
      const problems = screen.view.fields.flatMap((f) => (f.kind !== 'heading' && f.error ? [`${f.label}: ${f.error}`] : [])).concat(screen.view.errors);
      const again = { verb: formVerb(modal.type), title: 'Open the form again', data: { ...modal.meta.fixed, caseId: modal.meta.caseId, version: modal.meta.version } };
      const blocks = [...errorBlocks({ title: 'That wasn’t recorded', message: problems.join(' ') || 'Please check the form and try again.', fields: [], actions: [] }), ...buttons([again, { verb: Verbs.caseShow, title: 'Open the appraisal', data: { caseId: modal.meta.caseId } }])];
      return dm(body.user.id, { blocks, text: 'That wasn’t recorded' });
    }
    await dm(body.user.id, screenMessage(screen));
    if (screen.kind === 'case') await tidy(modal.meta.origin, body.user.id, teamOf(body));
  });

  /** The message the form was opened from loses its spent buttons; a Home it was opened from is refreshed. */
  async function tidy(origin: ModalOrigin | null, userId: string, teamId: string | undefined): Promise<void> {
    if (!origin) return deps.publishHome(userId, teamId);
    if (!isDirectMessage(origin.channel)) return;
    // The record is already stored and the new message sent: an old message that is gone is only logged.
    await deps.bestEffort.chat
      .update({ channel: origin.channel, ts: origin.ts, blocks: [context('This message is out of date: your appraisal as it is now is in the message below.')], text: 'Out of date' })
      .catch((error: unknown) => logger.warn({ event: 'slack.tidy-failed', err: { message: (error as Error).message } }, 'could not tidy the message a form came from'));
  }
}
