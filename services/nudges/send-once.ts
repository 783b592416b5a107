import type { Instant } from '../shared/time';
import type { DeliveredAnswer, Messenger, OutgoingMessage, Recipient } from './messenger.port';
import { sendWithRetries } from './send-with-retries';
import type { DeliveryOutcome, SenderDeps } from './send-with-retries';

// Sending a nudge once (R-CHAT-3: "never twice for the same thing") where the platform can say what it has.
// Neither Teams nor Slack takes an idempotency key for a bot's post, so a send that may already have gone
// (a replica died after the post, or the post timed out) can only be made safe by reading back: Slack can
// (the message carries its key as metadata), Teams cannot, and there the relay keeps to at-least-once.

/** What became of a message: a delivery outcome, or found already delivered (marked sent without sending). */
export type OnceOutcome = DeliveryOutcome | { kind: 'reconciled' };

/** How long to wait before reading back a message whose send was ambiguous, doubling on each "cannot say". */
export const CONFIRM_AFTER_MS = 5000;
const CONFIRM_TRIES = 3;

/**
 * Replicas' clocks and the platform's differ a little: read back from this much before the earliest moment
 * the message could have been sent, so a post stamped by a clock a little behind ours is still found.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The `since` to read back from, for a message that cannot have been sent before `earliest`. */
export const readBackSince = (earliest: Instant): Instant => new Date(Date.parse(earliest) - CLOCK_SKEW_MS).toISOString();

/** Asks the platform whether it already has the message; 'unknown' when it cannot say or cannot be asked (Teams). */
export async function alreadyDelivered(messenger: Messenger, recipient: Recipient, key: string, since: Instant): Promise<DeliveredAnswer> {
  return messenger.delivered ? messenger.delivered(recipient, key, since) : 'unknown';
}

/** When to stop, where to read back from, and how long to let an ambiguous post settle before reading. */
export interface SendOnceOptions {
  since: Instant;
  /** The lease's end less a margin (epoch ms): nothing is sent at or after it. */
  mustFinishBy: number;
  confirmAfterMs: number;
}

/**
 * Sends with pacing and retries. An ambiguous outcome (the post may have gone) is read back after a short wait
 * where the platform allows: there → reconciled; not there → sent again, as safe as a refused connection;
 * still no answer when the lease is near its end → ambiguous, which the caller never re-sends blindly.
 */
export async function sendOnce(deps: SenderDeps, messenger: Messenger, recipient: Recipient, message: OutgoingMessage, o: SendOnceOptions): Promise<OnceOutcome> {
  for (;;) {
    const outcome = await sendWithRetries(deps, messenger, recipient, message, o.mustFinishBy);
    if (outcome.kind !== 'ambiguous' || !messenger.delivered) return outcome;
    const answer = await readBackAfterWait(deps, messenger, recipient, message.key, o);
    if (answer === 'yes') return { kind: 'reconciled' };
    if (answer === 'unknown') return outcome;
    // Not there: send again, unless the lease is ending — then a later sweep asks again before it sends.
    if (deps.clock.now().getTime() >= o.mustFinishBy) return { kind: 'retry-later', code: 'MESSENGER.AMBIGUOUS' };
  }
}

async function readBackAfterWait(deps: SenderDeps, messenger: Messenger, recipient: Recipient, key: string, o: SendOnceOptions): Promise<DeliveredAnswer> {
  for (let i = 0; i < CONFIRM_TRIES; i += 1) {
    const wait = o.confirmAfterMs * 2 ** i;
    if (deps.clock.now().getTime() + wait >= o.mustFinishBy) return 'unknown';
    await deps.sleeper.sleep(wait);
    const answer = await alreadyDelivered(messenger, recipient, key, o.since);
    if (answer !== 'unknown') return answer;
  }
  return 'unknown';
}
