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

/**
 * Fake Bot Connector (`/v3/conversations/.../activities`) and Slack Web API (`/api/chat.postMessage`) on
 * loopback, recording every post. `answer` scripts each reply (429s with or without Retry-After, 5xx, 403).
 */
export async function startFakeEndpoints(answer: (req: { path: string; body: Record<string, unknown>; n: number }) => Answer | null = () => null) {
  const received: Received[] = [];
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.post(/^\/(v3\/conversations\/.*|api\/chat\.postMessage|[^/]+\/oauth2\/v2\.0\/token)$/, (req, res) => {
    const body = req.body as Record<string, unknown>;
    const slack = req.path.startsWith('/api/');
    const a = answer({ path: req.path, body, n: received.length }) ?? { status: 200, body: slack ? { ok: true, ts: `${received.length}.0001` } : { id: `a-${received.length}` } };
    received.push({ path: req.path, body, status: a.status, authorization: req.header('authorization') ?? null });
    const reply = () => {
      for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
      res.status(a.status).json(a.body ?? {});
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
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
