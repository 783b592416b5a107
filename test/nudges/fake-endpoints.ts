import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** A scripted answer: status, headers, and how long to hold it (for timeouts). */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  holdMs?: number;
}

/** A request the fake received. */
export interface Received {
  path: string;
  body: Record<string, unknown>;
  status: number;
  authorization: string | null;
}

/** A message in a Slack DM, as conversations.history returns it. */
export interface SlackMessage {
  type: 'message';
  ts: string;
  text: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** The fake's options: its clock (for Slack's `ts`), so tests on a fake clock read back what they sent. */
export interface FakeOptions {
  nowMs?: () => number;
}

const dmOf = (channel: string) => (channel.startsWith('D-') ? channel : `D-${channel}`);

/**
 * Fake Bot Connector (`/v3/conversations/.../activities`) and Slack Web API on loopback, recording every
 * request. Slack is modelled as Slack behaves for the bot: `chat.postMessage` to a user id posts into their DM
 * (keeping `metadata`) and answers with the DM's id and the message `ts`; `conversations.open` gives that DM's
 * id; `conversations.history` returns its messages newest first from `oldest`, with metadata only when
 * `include_all_metadata` is set, paged by `limit` and `cursor`. `answer` scripts a reply (429s with or without
 * Retry-After, 5xx, 403, errors): a scripted 2xx with no body keeps Slack's own answer and its effect (only
 * held or with headers), anything else replaces it and posts nothing.
 */
export async function startFakeEndpoints(answer: (req: { path: string; body: Record<string, unknown>; n: number }) => Answer | null = () => null, options: FakeOptions = {}) {
  const nowMs = options.nowMs ?? Date.now;
  const received: Received[] = [];
  const dms = new Map<string, SlackMessage[]>();
  let sequence = 0;
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.use(express.urlencoded({ extended: false }));

  /** Slack's own answer to a Web API method (and its effect on the DMs). */
  function slackAnswer(method: string, body: Record<string, unknown>, authorized: boolean): unknown {
    if (!authorized) return { ok: false, error: 'not_authed' };
    switch (method) {
      case 'chat.postMessage': {
        const channel = dmOf(String(body.channel ?? ''));
        // Unique and increasing per channel, as Slack's are: the fake clock's milliseconds, then a sequence.
        const ms = nowMs();
        const ts = `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + (sequence++ % 1000)).padStart(6, '0')}`;
        const metadata = body.metadata as SlackMessage['metadata'] | undefined;
        const message: SlackMessage = { type: 'message', ts, text: String(body.text ?? ''), bot_id: 'B-ipp', ...(metadata ? { metadata } : {}) };
        dms.set(channel, [...(dms.get(channel) ?? []), message]);
        return { ok: true, channel, ts, message: { ...message, metadata: undefined } };
      }
      case 'conversations.open': {
        // Opens the DM (empty until something is posted) or finds the one there is.
        const channel = dmOf(String(body.users ?? ''));
        if (!dms.has(channel)) dms.set(channel, []);
        return { ok: true, channel: { id: channel } };
      }
      case 'conversations.history': {
        const channel = String(body.channel ?? '');
        const all = dms.get(channel);
        if (!all) return { ok: false, error: 'channel_not_found' };
        const oldest = Number(body.oldest ?? 0);
        const inclusive = body.inclusive === 'true';
        const withMetadata = body.include_all_metadata === 'true';
        const limit = Math.min(Number(body.limit ?? 100), 999);
        const from = Number(body.cursor ?? 0);
        const newestFirst = all.filter((m) => (inclusive ? Number(m.ts) >= oldest : Number(m.ts) > oldest)).reverse();
        const page = newestFirst.slice(from, from + limit).map((m) => (withMetadata ? m : { ...m, metadata: undefined }));
        const hasMore = from + limit < newestFirst.length;
        return { ok: true, messages: page, has_more: hasMore, response_metadata: { next_cursor: hasMore ? String(from + limit) : '' } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  app.post(/^\/(v3\/conversations\/.*|api\/[a-zA-Z.]+|[^/]+\/oauth2\/v2\.0\/token)$/, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const slack = req.path.startsWith('/api/');
    const authorization = req.header('authorization') ?? null;
    const scripted = answer({ path: req.path, body, n: received.length });
    const a: Answer = scripted ?? { status: 200 };
    const ownAnswer = a.body === undefined && a.status >= 200 && a.status < 300;
    const replyBody = !ownAnswer ? a.body : slack ? slackAnswer(req.path.slice('/api/'.length), body, authorization !== null) : { id: `a-${received.length}` };
    received.push({ path: req.path, body, status: a.status, authorization });
    const reply = () => {
      for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
      res.status(a.status).json(replyBody ?? {});
    };
    if (a.holdMs) setTimeout(reply, a.holdMs);
    else reply();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    received,
    delivered: () => received.filter((r) => r.status >= 200 && r.status < 300),
    /** The messages in one person's Slack DM (by user id), oldest first. */
    dm: (userId: string) => dms.get(dmOf(userId)) ?? [],
    /** How many messages in all Slack DMs carry each key in their metadata. */
    slackPostsByKey: () => {
      const counts = new Map<string, number>();
      for (const messages of dms.values()) {
        for (const m of messages) {
          const key = String(m.metadata?.event_payload.key ?? '?');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      return counts;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
