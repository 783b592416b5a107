import type { Clock } from '../shared/time';
import type { Messenger, OutgoingMessage, RandomSource, Recipient, Sleeper } from './messenger.port';
import { backoffMs } from './pacer';
import type { Pacer } from './pacer';

/** What became of one message after paced, retried sending. */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'unreachable' }
  /** The platform may have it (timeout after sending): not re-sent blindly, because neither Teams nor Slack dedupes a bot's post. */
  | { kind: 'ambiguous' }
  /** Refused by the platform as malformed: a bug of ours, not retried. */
  | { kind: 'rejected' }
  /** Still rate-limited or failing when the lease would run out: left for a later sweep. */
  | { kind: 'retry-later'; code: string };

/** What paced sending needs. */
export interface SenderDeps {
  clock: Clock;
  sleeper: Sleeper;
  random: RandomSource;
  pacer: Pacer;
  /** In-process retries of a 429 / 5xx before leaving the message for a later sweep. */
  maxRetries: number;
}

/**
 * Sends within the platform's limits; on 429 waits the platform's Retry-After (else backoff with jitter)
 * and holds off every send under the same limits; on 5xx backs off; never sends at or after `mustFinishBy` (the lease).
 */
export async function sendWithRetries(deps: SenderDeps, messenger: Messenger, recipient: Recipient, message: OutgoingMessage, mustFinishBy: number): Promise<DeliveryOutcome> {
  const limits = messenger.limits(recipient);
  for (let attempt = 0; ; attempt += 1) {
    await deps.pacer.acquire(limits);
    // A long wait for a slot may have used up the lease: past it another replica may hold the message, so not now.
    if (deps.clock.now().getTime() >= mustFinishBy) return { kind: 'retry-later', code: 'LEASE.ENDING' };
    const result = await messenger.send(recipient, message);
    if (result.ok) return { kind: 'sent' };
    const code = result.error.code;
    switch (code) {
      case 'MESSENGER.UNREACHABLE':
        return { kind: 'unreachable' };
      case 'MESSENGER.AMBIGUOUS':
        return { kind: 'ambiguous' };
      case 'MESSENGER.REJECTED':
        return { kind: 'rejected' };
      case 'MESSENGER.RATE_LIMITED':
      case 'MESSENGER.TRANSIENT': {
        const wait = code === 'MESSENGER.RATE_LIMITED' && result.retryAfterMs !== null ? result.retryAfterMs : backoffMs(attempt, deps.random);
        const resumeAt = deps.clock.now().getTime() + wait;
        if (code === 'MESSENGER.RATE_LIMITED') for (const l of limits) deps.pacer.holdOff(l.key, resumeAt);
        if (attempt + 1 >= deps.maxRetries || resumeAt >= mustFinishBy) return { kind: 'retry-later', code };
        await deps.sleeper.sleep(wait);
        break;
      }
      default: {
        const never: never = code;
        throw new Error(`unknown messenger code ${String(never)}`);
      }
    }
  }
}
