import { createHash } from 'node:crypto';
import type { Clock } from '../../services/shared/time';
import type { ProductStore } from '../compose';

// Slack redelivers an event it thinks was lost (with `x-slack-retry-num`), and people double-click: each is
// acted on once, by a key kept in the store's idempotency records (the store is the record, never Slack).

const DAY = 86_400;
/** Long enough to swallow a double-click on a button that only opens or shows something, short enough to press it again. */
const DOUBLE_CLICK = 5;

/** How long a key is remembered, and the key, for one delivery. */
export interface ReplayKey {
  key: string;
  ttlSeconds: number;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** An Events API delivery: its event id (the same on every retry). */
export const eventKey = (eventId: string): ReplayKey => ({ key: `slack:event:${eventId}`, ttlSeconds: DAY });

/** A DM typed to the bot: its channel and timestamp (Slack may wrap one message in several event ids). */
export const messageKey = (channel: string, ts: string): ReplayKey => ({ key: `slack:message:${channel}:${ts}`, ttlSeconds: DAY });

/**
 * A button press. A press that changes something (`ipp.do.*`, approve all, launch) is one intent per button:
 * the same button of the same message pressed again is the same press for a day. A press that only opens or
 * shows something is the same press within a few seconds (a double-click), and then may be pressed again.
 */
export function pressKey(press: { userId: string; actionId: string; value: string; where: string }, changes: boolean): ReplayKey {
  return { key: `slack:press:${hash(`${press.userId}\n${press.where}\n${press.actionId}\n${press.value}`)}`, ttlSeconds: changes ? DAY : DOUBLE_CLICK };
}

/** A submitted modal: once its input is well formed, the modal closes, so any further delivery of it is a replay. */
export const viewKey = (viewId: string): ReplayKey => ({ key: `slack:view:${viewId}`, ttlSeconds: DAY });

/** True the first time a key is seen within its time to live. */
export function firstDelivery(store: ProductStore, clock: Clock, replay: ReplayKey): Promise<boolean> {
  return store.idempotency.firstSeen(replay.key, clock.now().toISOString(), replay.ttlSeconds);
}
