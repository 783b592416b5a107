import { z } from 'zod/v4';
import type { DeliveredAnswer } from '../../services/nudges/messenger.port';
import type { Instant } from '../../services/shared/time';

// Reading back what the bot sent a person in Slack, so a nudge whose send may already have gone (a replica
// died after the post, or the post timed out) is looked for before it is sent again (R-CHAT-3). Every nudge
// carries its key as message metadata; conversations.history returns it with include_all_metadata. The DM's
// channel id (D…) comes from chat.postMessage's answer, or from conversations.open (scope im:write).

/** The metadata event type on every nudge; its payload is `{ key }`, the reminder or outbox id (ids only). */
export const NUDGE_EVENT_TYPE = 'ipp_nudge';

/** The metadata a nudge is posted with. */
export const nudgeMetadata = (key: string) => ({ event_type: NUDGE_EVENT_TYPE, event_payload: { key } });

/** Messages read per page, and pages read before giving up ('unknown'): a DM with the bot is short. */
const PAGE = 50;
const MAX_PAGES = 4;

const openAnswerSchema = z.object({ ok: z.boolean(), error: z.string().optional(), channel: z.object({ id: z.string().min(1) }).loose().optional() }).loose();

const historyAnswerSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  messages: z.array(z.object({
    ts: z.string().optional(),
    metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() }).loose().optional(),
  }).loose()).default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).loose().optional(),
}).loose();

/** Calls one Web API read method (form-encoded, as Slack takes every method), or null when it did not answer. */
export type SlackCall = (method: string, params: Record<string, string>) => Promise<unknown>;

/** Slack's `ts` form of an instant: seconds with six decimals. */
export const slackTs = (at: Instant): string => (Date.parse(at) / 1000).toFixed(6);

/** Reads back a person's DM; remembers each person's DM channel id. */
export function slackReadBack(call: SlackCall) {
  const dmOf = new Map<string, string>();

  async function dmChannel(userId: string): Promise<string | null> {
    const known = dmOf.get(userId);
    if (known) return known;
    const answer = openAnswerSchema.safeParse(await call('conversations.open', { users: userId }));
    if (!answer.success || !answer.data.ok || !answer.data.channel) return null;
    dmOf.set(userId, answer.data.channel.id);
    return answer.data.channel.id;
  }

  return {
    /** chat.postMessage said where the DM is: no need to open it to read it back. */
    remember(userId: string, channelId: string): void {
      dmOf.set(userId, channelId);
    },
    /** Whether a message with `key` in its metadata is in the person's DM at or after `since`. */
    async delivered(userId: string, key: string, since: Instant): Promise<DeliveredAnswer> {
      const channel = await dmChannel(userId);
      if (!channel) return 'unknown';
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const params = { channel, oldest: slackTs(since), inclusive: 'true', include_all_metadata: 'true', limit: String(PAGE), ...(cursor ? { cursor } : {}) };
        const answer = historyAnswerSchema.safeParse(await call('conversations.history', params));
        if (!answer.success || !answer.data.ok) return 'unknown';
        if (answer.data.messages.some((m) => m.metadata?.event_type === NUDGE_EVENT_TYPE && m.metadata.event_payload?.key === key)) return 'yes';
        cursor = answer.data.response_metadata?.next_cursor || undefined;
        if (!answer.data.has_more || !cursor) return 'no';
      }
      return 'unknown';
    },
  };
}
