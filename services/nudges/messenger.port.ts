import type { Failure } from '../shared/result';
import type { CivilDate, Instant } from '../shared/time';

// The delivery side's ports: how a nudge reaches a person (Teams or Slack, R-CHAT-3) and how the relay
// waits. Implementations live in bot/messenger; tests use hand-written fakes.

/** Why a send failed: each code has one handling in the relay. */
export type MessengerErrorCode =
  /** 403/404 from the platform, or an account that no longer exists: do not try again. */
  | 'MESSENGER.UNREACHABLE'
  /** 429: try again after `retryAfterMs` (the platform's Retry-After) or a backoff. */
  | 'MESSENGER.RATE_LIMITED'
  /** 5xx or a connection refused before the request was sent: safe to send again. */
  | 'MESSENGER.TRANSIENT'
  /** The request may have reached the platform (timeout after sending): never re-sent blindly. */
  | 'MESSENGER.AMBIGUOUS'
  /** The platform refused this message (400 and the like): not retried, and the person is not blamed. */
  | 'MESSENGER.REJECTED';

/** Where a message goes: a person, over one chat, through a stored conversation reference or user id. */
export interface Recipient {
  schoolId: string;
  personId: string;
  channel: 'teams' | 'slack';
  /** Teams: the AAD object id; Slack: the user id. */
  userKey: string;
  /** Teams: the stored conversation reference; Slack: null (a DM goes to the user id). */
  reference: unknown;
  /** Teams tenant (for the per-tenant pace), when known. */
  tenantId: string | null;
}

/** What a nudge says: plain data, rendered as a card by the chat's messenger. */
export interface NudgeContent {
  kind: 'nudge' | 'escalation' | 'digest' | 'notice';
  /** Short heading, e.g. "Your self-assessment is due soon". */
  title: string;
  /** A few short lines of plain text; never appraisal content beyond what the step is called. */
  lines: string[];
  /** The civil date the step is due, when there is one. */
  due: CivilDate | null;
  /** The step to open in one click (verb is a card verb; data carries `{ caseId, version }`). */
  open: { verb: string; title: string; caseId: string; version: number } | null;
}

/** One message to send, with a key that names it (the reminder or outbox id) for logs and platforms that dedupe. */
export interface OutgoingMessage {
  key: string;
  content: NudgeContent;
}

/** A send that failed, with how long the platform asked us to wait (429 Retry-After), if it said. */
export interface SendFailure {
  ok: false;
  error: Failure<MessengerErrorCode>;
  retryAfterMs: number | null;
}

/** The outcome of one send. */
export type SendResult = { ok: true; value: { id: string | null } } | SendFailure;

/** A pacing bucket: at most `perSecond` sends for `key` (Teams: per conversation and per tenant; Slack: per channel). */
export interface PaceLimit {
  key: string;
  perSecond: number;
}

/** Whether the platform has a message: 'unknown' when it could not say (an error, no answer, too much to read). */
export type DeliveredAnswer = 'yes' | 'no' | 'unknown';

/** Sends proactive messages over one chat. */
export interface Messenger {
  readonly channel: 'teams' | 'slack';
  send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult>;
  /** The platform limits this send counts against (R-CHAT-3 nudges stay within them). */
  limits(recipient: Recipient): PaceLimit[];
  /**
   * Where the platform lets a bot read back what it sent (Slack does; Teams does not): whether a message with
   * this key reached the person at or after `since`. Lets the relay send a nudge once across crashes (R-CHAT-3).
   */
  delivered?(recipient: Recipient, key: string, since: Instant): Promise<DeliveredAnswer>;
}

/** Waits: real timers in production, a fake that advances a fake clock in tests (so tests never sleep). */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
}

/** A source of randomness for jitter (injected so tests are repeatable). */
export type RandomSource = () => number;
