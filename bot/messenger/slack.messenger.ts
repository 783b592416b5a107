import { z } from 'zod/v4';
import { nudgeBlocks } from '../../cards/slack/blocks';
import { nudgeView } from '../../cards/views/nudge.view';
import type { DeliveredAnswer, Messenger, OutgoingMessage, PaceLimit, Recipient, SendResult } from '../../services/nudges/messenger.port';
import type { Clock, Instant } from '../../services/shared/time';
import { failure, postJson, retryAfterMs } from './http-outcome';
import { nudgeMetadata, slackReadBack } from './slack-read-back';

// Slack direct messages for the scheduler: `chat.postMessage` to the user id (Slack opens the DM in the app's
// Messages tab) with a button that opens the step. Its own HTTP client, apart from bolt's, so a 429 on bulk
// traffic never holds up an interactive reply; bolt's client would also retry on real timers. Each nudge carries
// its key as message metadata, so a send that may have gone can be read back before it is sent again.

/** Slack limit (R-CHAT-3 pacing): about one message a second per channel; and our own ceiling per workspace. */
export const SLACK_PER_CHANNEL = 1;
export const SLACK_PER_WORKSPACE = 20;

/** Errors meaning this person cannot be messaged by the app (until something changes). */
const UNREACHABLE = new Set(['channel_not_found', 'user_not_found', 'account_inactive', 'user_disabled', 'cannot_dm_bot', 'not_in_channel', 'is_archived', 'messages_tab_disabled', 'restricted_action']);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'team_added_to_org']);

const postAnswerSchema = z.object({ ok: z.boolean(), error: z.string().optional(), ts: z.string().optional(), channel: z.string().optional() }).loose();

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
  const api = options.apiUrl.replace(/\/?$/, '/');
  const auth = { authorization: `Bearer ${options.botToken}` };
  // Reads answer or they do not: any failure to read is "cannot say", never an error of the send.
  const readBack = slackReadBack(async (method, params) => {
    try {
      const res = await fetchFn(`${api}${method}`, { method: 'POST', headers: auth, body: new URLSearchParams(params), signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      return await res.json().catch(() => null);
    } catch {
      return null;
    }
  });
  return {
    channel: 'slack',
    limits(recipient: Recipient): PaceLimit[] {
      return [{ key: `slack:channel:${recipient.userKey}`, perSecond: SLACK_PER_CHANNEL }, { key: `slack:team:${recipient.tenantId ?? 'default'}`, perSecond: SLACK_PER_WORKSPACE }];
    },
    async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
      const view = nudgeView(message.content);
      const body = { channel: recipient.userKey, text: view.summary, blocks: nudgeBlocks(view), unfurl_links: false, metadata: nudgeMetadata(message.key) };
      const res = await postJson(fetchFn, `${api}chat.postMessage`, body, auth, timeoutMs);
      if (!(res instanceof Response)) return res;
      if (res.status === 429) {
        await res.body?.cancel();
        return failure('MESSENGER.RATE_LIMITED', 'rate limited', retryAfterMs(res.headers.get('retry-after'), options.clock.now().getTime()));
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        return failure('MESSENGER.TRANSIENT', `Slack answered ${res.status}`);
      }
      const parsed = postAnswerSchema.safeParse(await res.json().catch(() => null));
      const answer = parsed.success ? parsed.data : { ok: false, error: 'unreadable_answer', ts: undefined, channel: undefined };
      if (answer.ok) {
        if (answer.channel) readBack.remember(recipient.userKey, answer.channel);
        return { ok: true, value: { id: answer.ts ?? null } };
      }
      const error = answer.error ?? 'unknown';
      if (error === 'ratelimited') return failure('MESSENGER.RATE_LIMITED', error, retryAfterMs(res.headers.get('retry-after'), options.clock.now().getTime()));
      if (UNREACHABLE.has(error)) return failure('MESSENGER.UNREACHABLE', error);
      if (TRANSIENT.has(error)) return failure('MESSENGER.TRANSIENT', error);
      // request_timeout: Slack may have posted it; anything else is a refusal of this message.
      if (error === 'request_timeout') return failure('MESSENGER.AMBIGUOUS', error);
      return failure('MESSENGER.REJECTED', error);
    },
    delivered(recipient: Recipient, key: string, since: Instant): Promise<DeliveredAnswer> {
      return readBack.delivered(recipient.userKey, key, since);
    },
  };
}
