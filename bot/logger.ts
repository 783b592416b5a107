import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Logger } from 'pino';

// Logs are JSON, one correlation id per request (carried by AsyncLocalStorage so that every
// line logged while serving a request has it), secrets redacted. Appraisal content is never
// logged: handlers log ids only.

const requestScope = new AsyncLocalStorage<{ reqId: string }>();

/** Runs `fn` with a fresh correlation id (or the given one) attached to every log line inside it. */
export function withCorrelationId<T>(fn: () => T, reqId: string = randomUUID()): T {
  return requestScope.run({ reqId }, fn);
}

/** The correlation id of the request being served, if any. */
export function currentCorrelationId(): string | undefined {
  return requestScope.getStore()?.reqId;
}

const REDACT = [
  'password', '*.password', 'key', '*.key', 'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'req.headers.authorization', 'appPassword', '*.appPassword',
  'signingSecret', '*.signingSecret', 'botToken', '*.botToken',
];

/** Creates the process logger. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ipp-bot' },
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => {
        const reqId = currentCorrelationId();
        return reqId ? { reqId } : {};
      },
    },
    destination,
  );
}
