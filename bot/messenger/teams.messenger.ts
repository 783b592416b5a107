import { z } from 'zod/v4';
import { nudgeCard } from '../../cards/teams/cards';
import { nudgeView } from '../../cards/views/nudge.view';
import type { Messenger, OutgoingMessage, PaceLimit, Recipient, SendResult } from '../../services/nudges/messenger.port';
import type { Clock } from '../../services/shared/time';
import { failure, postJson, retryAfterMs } from './http-outcome';

// Proactive Teams messages for the scheduler: a card posted to the stored conversation
// (`POST {serviceUrl}/v3/conversations/{id}/activities`). Bulk traffic has its own client, not the bot's
// adapter: botbuilder's connector client retries a 429 itself, sleeping on real timers inside the call
// (Retry-After: 3 held a send for 3.1 s), which would neither honour our pacing nor let tests use a fake
// clock — and interactive replies keep the adapter to themselves, so a 429 here never stalls them.

/** The parts of a stored conversation reference a proactive send needs. */
export const teamsReferenceSchema = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }).loose(),
  bot: z.object({ id: z.string(), name: z.string().optional() }).loose().optional(),
  user: z.object({ id: z.string(), aadObjectId: z.string().optional() }).loose().optional(),
}).loose();

/** Where a bearer token for the Bot Connector comes from (null in local mode, where authentication is off). */
export interface TokenSource {
  token(): Promise<string | null>;
}

/** Options of the Teams messenger. */
export interface TeamsMessengerOptions {
  tokens: TokenSource;
  clock: Clock;
  fetch?: typeof fetch;
  /** How long to wait for the connector before the send is ambiguous. */
  timeoutMs?: number;
}

/** Teams limits (R-CHAT-3 pacing): 7 messages a second per conversation, 30 requests a second per tenant. */
export const TEAMS_PER_CONVERSATION = 7;
export const TEAMS_PER_TENANT = 30;

/** Creates the Teams messenger. */
export function createTeamsMessenger(options: TeamsMessengerOptions): Messenger {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const refOf = (r: Recipient) => teamsReferenceSchema.safeParse(r.reference);
  return {
    channel: 'teams',
    limits(recipient: Recipient): PaceLimit[] {
      const ref = refOf(recipient);
      const conversation = ref.success ? ref.data.conversation.id : recipient.userKey;
      const tenant = (ref.success ? ref.data.conversation.tenantId : undefined) ?? recipient.tenantId ?? 'unknown';
      return [{ key: `teams:conv:${conversation}`, perSecond: TEAMS_PER_CONVERSATION }, { key: `teams:tenant:${tenant}`, perSecond: TEAMS_PER_TENANT }];
    },
    async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
      const ref = refOf(recipient);
      if (!ref.success) return failure('MESSENGER.UNREACHABLE', 'no usable conversation reference');
      const { serviceUrl, conversation, bot, user } = ref.data;
      const view = nudgeView(message.content);
      const activity = {
        type: 'message',
        from: bot,
        recipient: user,
        conversation: { id: conversation.id, ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}) },
        summary: view.summary,
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: nudgeCard(view) }],
        channelData: { notification: { alert: true } },
      };
      let token: string | null;
      try {
        token = await options.tokens.token();
      } catch {
        return failure('MESSENGER.TRANSIENT', 'no token for the connector yet');
      }
      const url = `${serviceUrl.replace(/\/?$/, '/')}v3/conversations/${encodeURIComponent(conversation.id)}/activities`;
      const res = await postJson(fetchFn, url, activity, token ? { authorization: `Bearer ${token}` } : {}, timeoutMs);
      if (!(res instanceof Response)) return res;
      const status = res.status;
      if (status >= 200 && status < 300) {
        const body = (await res.json().catch(() => ({}))) as { id?: unknown };
        return { ok: true, value: { id: typeof body.id === 'string' ? body.id : null } };
      }
      await res.body?.cancel();
      if (status === 429) return failure('MESSENGER.RATE_LIMITED', 'throttled', retryAfterMs(res.headers.get('retry-after'), options.clock.now().getTime()));
      // 403: the app was removed or blocked; 404: the conversation is gone. Either way, not this way again.
      if (status === 403 || status === 404) return failure('MESSENGER.UNREACHABLE', `connector answered ${status}`);
      if (status >= 500 || status === 408 || status === 412 || status === 401) return failure('MESSENGER.TRANSIENT', `connector answered ${status}`);
      return failure('MESSENGER.REJECTED', `connector answered ${status}`);
    },
  };
}
