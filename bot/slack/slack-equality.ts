import type { App } from '@slack/bolt';
import { z } from 'zod/v4';
import { errorBlocks, fallbackText } from '../../cards/slack/blocks';
import { listBlocks } from '../../cards/slack/case-blocks';
import { equalityMessageBlocks, equalityModal } from '../../cards/slack/equality-blocks';
import { checkEqualityInput } from '../../cards/views/equality-input';
import { EQUALITY_QUESTIONS } from '../../cards/views/equality.view';
import { Verbs } from '../../cards/verbs';
import type { Clock } from '../../services/shared/time';
import type { Actor } from '../actor';
import type { CaseRuntime } from '../case-runtime';
import type { ProductStore } from '../compose';
import { equalityFormScreen, removeEqualityAnswers, saveEqualityAnswers } from '../equality-screens';
import type { EqualityScreen } from '../equality-screens';
import { slackActor } from './slack-actor';
import { firstDelivery, viewKey } from './slack-replay';
import type { SlackAnswer, SlackScreenDeps } from './slack-screens';

// A person's own equality answers in Slack (R-RPT-1): "equality" typed to the bot (or `/ipp equality`) and the
// Home's and help's button answer in the DM with a message that opens the questions as a modal; the modal's
// submit saves them, and the message's other button removes them. Buttons and modals only ever reach the person
// who pressed them, and whose answers they are comes from that person's Slack id, never the payload.

type Message = Extract<SlackAnswer, { kind: 'message' }>;

/** An equality screen as a message in the DM: the form's message opens the questions as a modal. */
function equalityMessageOf(screen: EqualityScreen): Message {
  switch (screen.kind) {
    case 'equality':
      return { kind: 'message', blocks: equalityMessageBlocks(screen.view), text: fallbackText(screen.view), changed: false };
    case 'list':
      return { kind: 'message', blocks: listBlocks(screen.view), text: fallbackText(screen.view), changed: false };
    case 'error':
      return { kind: 'message', blocks: errorBlocks(screen.view), text: fallbackText(screen.view), changed: false };
  }
}

/** An equality screen as a Slack answer: with `asModal`, the form opens as a modal; everything else is a message. */
export function equalityAnswer(screen: EqualityScreen, asModal: boolean): SlackAnswer {
  return asModal && screen.kind === 'equality' ? { kind: 'modal', view: equalityModal(screen.view) } : equalityMessageOf(screen);
}

/** What "equality" typed to the bot answers: the message that opens the questions. */
export async function equalityMessage(deps: SlackScreenDeps, actor: Actor): Promise<Message> {
  return equalityMessageOf(await equalityFormScreen(deps.store, actor));
}

/** The answer to one of the equality buttons, or null when the verb is not one of them. */
export async function equalityButton(deps: SlackScreenDeps, actor: Actor, verb: string, data: Record<string, unknown>): Promise<SlackAnswer | null> {
  switch (verb) {
    case Verbs.equalityShow:
      return equalityAnswer(await equalityFormScreen(deps.store, actor), true);
    case Verbs.equalitySave:
      return equalityAnswer(await saveEqualityAnswers(deps.store, deps.runtime, actor, data), true);
    case Verbs.equalityRemove:
      return equalityAnswer(await removeEqualityAnswers(deps.store, deps.runtime, actor), false);
    default:
      return null;
  }
}

/** One select's state in `view.state.values`. */
const stateSchema = z.record(z.string(), z.record(z.string(), z.object({ selected_option: z.object({ value: z.string() }).nullish() }).loose()));

/** The modal's answers as flat values by question id, the way a card's inputs arrive. */
export function equalityModalValues(values: unknown): Record<string, string> {
  const parsed = stateSchema.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const out: Record<string, string> = {};
  for (const q of EQUALITY_QUESTIONS) {
    const chosen = state[q.id]?.value?.selected_option?.value;
    if (typeof chosen === 'string') out[q.id] = chosen;
  }
  return out;
}

/** Registers the modal's submit: checked inside Slack's 3 seconds, refused inline by question, saved after the ack. */
export function registerSlackEqualityRoutes(app: App, deps: { store: ProductStore; runtime: CaseRuntime; clock: Clock }): void {
  const { store, runtime, clock } = deps;
  app.view(Verbs.equalitySave, async ({ ack, body, view }) => {
    const values = equalityModalValues(view.state.values);
    const checked = checkEqualityInput(values);
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: checked.fieldErrors }));
    await ack();
    if (!(await firstDelivery(store, clock, viewKey(view.id)))) return;
    const actor = await slackActor(store, body.user.id, body.user.team_id ?? body.team?.id);
    const answer = equalityMessageOf(await saveEqualityAnswers(store, runtime, actor, values));
    await app.client.chat.postMessage({ channel: body.user.id, blocks: answer.blocks, text: answer.text });
  });
}
