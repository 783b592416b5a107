import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../services/shared/time';
import { createCaseRuntime } from './case-runtime';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import type { Config } from './config';
import { withCorrelationId } from './logger';
import { reportLinksFor } from './report-link';
import type { ReportLinks } from './report-link';
import { reportLinkRouter } from './report-link.route';
import { createSlackBot } from './slack/slack.bot';
import { runGuardedTurn } from './teams/invoke-guard';
import { createTeamsBot } from './teams/teams.bot';

/** Everything the server is composed from. */
export interface ServerDeps {
  config: Config;
  store: ProductStore;
  logger: Logger;
  clock: Clock;
  /** The case use-cases' wiring; made from the store and clock when not given. */
  runtime?: CaseRuntime;
  /** The head's report links; made from the configuration when not given (R-RPT-1). */
  reportLinks?: ReportLinks;
}

/** A listening server. */
export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

function tenantOf(body: unknown): string | undefined {
  const b = body as { channelData?: { tenant?: { id?: unknown } }; conversation?: { tenantId?: unknown } } | undefined;
  const id = b?.channelData?.tenant?.id ?? b?.conversation?.tenantId;
  return typeof id === 'string' ? id : undefined;
}

/** Builds the one HTTP app: Teams at /api/messages, Slack at /slack/events, health at /healthz and /readyz, the head's report links at /reports. */
export function createHttpApp(deps: ServerDeps): express.Express {
  const { config, store, logger } = deps;
  const http = express();
  http.disable('x-powered-by');

  // One correlation id per request, on every log line written while serving it.
  http.use((req, res, next) => {
    const reqId = (req.header('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.setHeader('x-request-id', reqId);
    withCorrelationId(() => next(), reqId);
  });

  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  http.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready', store: config.store.kind });
    } catch (error) {
      logger.warn({ event: 'readyz.store-unreachable', err: { message: (error as Error).message } }, 'store not reachable');
      res.status(503).json({ status: 'unavailable', store: config.store.kind });
    }
  });

  const runtime = deps.runtime ?? createCaseRuntime({ store, clock: deps.clock, logger });
  const reportLinks = deps.reportLinks ?? reportLinksFor(config, deps.clock, logger);
  const teams = createTeamsBot({ ...deps, runtime, reportLinks });
  http.post('/api/messages', express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    // With authentication on, only the schools' own tenants may talk to the bot.
    if (!config.teams.authenticationOff && config.teams.allowedTenantIds.length > 0) {
      const tenant = tenantOf(req.body);
      if (!tenant || !config.teams.allowedTenantIds.includes(tenant)) {
        logger.warn({ event: 'teams.tenant-refused', tenant: tenant ?? null }, 'activity from a tenant that is not allowed');
        res.status(401).json({ error: 'tenant not allowed' });
        return;
      }
    }
    await teams.adapter.process(req, res, (context) => runGuardedTurn(context, async (c) => void (await teams.app.run(c))));
  });

  // The head's short-lived link to the full governors' report (R-RPT-1, R-PRV-1).
  http.use('/reports', reportLinkRouter({ store, runtime, links: reportLinks, clock: deps.clock, logger }));

  if (config.slack) {
    const slack = createSlackBot({ ...deps, runtime, config: { ...config, slack: config.slack } });
    http.use(slack.router);
  }

  // A malformed JSON body or anything else thrown before a bot sees the request: a short answer, never a stack trace.
  http.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ event: 'http.error', err: { name: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    res.status(status).json({ error: status === 500 ? 'internal error' : 'bad request' });
  });
  return http;
}

/** Starts the server and logs how it is set up. */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const { config, logger } = deps;
  if (config.teams.authenticationOff) {
    logger.warn(
      { event: 'startup.local-mode' },
      'LOCAL MODE: no MICROSOFT_APP_ID is set, so Bot Framework authentication is OFF and anyone who can reach /api/messages can talk to the bot. Never expose this server.',
    );
  }
  if (!config.slack) logger.info({ event: 'startup.slack-off' }, 'Slack is off (no SLACK_SIGNING_SECRET): /slack/events is not served');
  const http = createHttpApp(deps);
  const server: Server = await new Promise((resolve, reject) => {
    const s = http.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  logger.info({ event: 'startup.listening', port, store: config.store.kind }, `listening on ${url}`);
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
