import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** A request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A faithful fake of the Bot Connector service on loopback: it records every
 * `/v3/conversations/...` call (replies, proactive sends, updates) and answers like the real one.
 */
export async function startFakeConnector(options: { status?: (call: ConnectorCall) => number; members?: Record<string, Record<string, unknown>> } = {}) {
  const calls: ConnectorCall[] = [];
  const lookups: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.all(/^\/v3\/conversations\/.*/, (req, res) => {
    const call = { method: req.method, path: req.path, body: req.body as Record<string, unknown> };
    const member = /\/members\/([^/]+)$/.exec(req.path);
    if (req.method === 'GET' && member) {
      lookups.push(decodeURIComponent(member[1] ?? ''));
      const found = options.members?.[decodeURIComponent(member[1] ?? '')];
      return void (found ? res.status(200).json(found) : res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
    }
    // Member lookups are answered, not recorded: `calls` holds what the bot sent.
    calls.push(call);
    for (const w of waiters.filter((x) => calls.length >= x.count)) w.resolve();
    const status = options.status?.(call) ?? 200;
    if (status >= 400) return void res.status(status).json({ error: { code: 'Forbidden', message: 'refused by the fake connector' } });
    res.status(200).json({ id: `activity-${calls.length}` });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    /** Members the bot looked up (GET …/members/{id}). */
    lookups,
    /** Resolves once at least `count` calls have arrived (or rejects after `ms`, so a test fails rather than hangs). */
    waitForCalls(count: number, ms = 5000): Promise<void> {
      if (calls.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} connector calls, got ${calls.length}`)), ms);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
