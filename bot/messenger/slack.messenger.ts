import { nudgeBlocks } from '../../cards/slack/blocks';
import { nudgeView } from '../../cards/views/nudge.view';
import type { Messenger, OutgoingMessage, PaceLimit, Recipient, SendResult } from '../../services/nudges/messenger.port';
import type { Clock } from '../../services/shared/time';
import { failure, postJson, retryAfterMs } from './http-outcome';

// Slack direct messages for the scheduler: `chat.postMessage` to the user id (Slack opens the DM in the app's
// Messages tab) with a button that opens the step. Its own HTTP client, apart from bolt's, so a 429 on bulk
// traffic never holds up an interactive reply; bolt's client would also retry on real timers.

/** Slack limit (R-CHAT-3 pacing): about one message a second per channel; and our own ceiling per workspace. */
export const SLACK_PER_CHANNEL = 1;
export const SLACK_PER_WORKSPACE = 20;

/** Errors meaning this person cannot be messaged by the app (until something changes). */
const UNREACHABLE = new Set(['channel_not_found', 'user_not_found', 'account_inactive', 'user_disabled', 'cannot_dm_bot', 'not_in_channel', 'is_archived', 'messages_tab_disabled', 'restricted_action']);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'team_added_to_org']);

/** Options of the Slack messenger. */
export interface SlackMessengerOptions {
  botToken: string;
  /** The Web API base, ending in `/`. */
  apiUrl: string;
  clock: Clock;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Creates the Slack messenger. */
export function createSlackMessenger(options: SlackMessengerOptions): Messenger {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    channel: 'slack',
    limits(recipient: Recipient): PaceLimit[] {
      return [{ key: `slack:channel:${recipient.userKey}`, perSecond: SLACK_PER_CHANNEL }, { key: `slack:team:${recipient.tenantId ?? 'default'}`, perSecond: SLACK_PER_WORKSPACE }];
    },
    async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
      const view = nudgeView(message.content);
      const body = { channel: recipient.userKey, text: view.summary, blocks: nudgeBlocks(view), unfurl_links: false };
      const res = await postJson(fetchFn, `${options.apiUrl.replace(/\/?$/, '/')}chat.postMessage`, body, { authorization: `Bearer ${options.botToken}` }, timeoutMs);
      if (!(res instanceof Response)) return res;
      if (res.status === 429) {
        await res.body?.cancel();
        return failure('MESSENGER.RATE_LIMITED', 'rate limited', retryAfterMs(res.headers.get('retry-after'), options.clock.now().getTime()));
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        return failure('MESSENGER.TRANSIENT', `Slack answered ${res.status}`);
      }
      const answer = (await res.json().catch(() => ({ ok: false, error: 'unreadable_answer' }))) as { ok?: boolean; error?: string; ts?: string };
      if (answer.ok) return { ok: true, value: { id: answer.ts ?? null } };
      const error = answer.error ?? 'unknown';
      if (error === 'ratelimited') return failure('MESSENGER.RATE_LIMITED', error, retryAfterMs(res.headers.get('retry-after'), options.clock.now().getTime()));
      if (UNREACHABLE.has(error)) return failure('MESSENGER.UNREACHABLE', error);
      if (TRANSIENT.has(error)) return failure('MESSENGER.TRANSIENT', error);
      // request_timeout: Slack may have posted it; anything else is a refusal of this message.
      if (error === 'request_timeout') return failure('MESSENGER.AMBIGUOUS', error);
      return failure('MESSENGER.REJECTED', error);
    },
  };
}
