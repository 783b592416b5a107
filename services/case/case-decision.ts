import type { SchoolPolicy } from '../policy';
import { fail } from '../shared/result';
import type { Failure } from '../shared/result';
import type { CivilDate, Instant } from '../shared/time';
import type { CaseActor } from './case-roles';
import type { CaseEvent, CaseState } from './case-state.schema';

/** The codes of a case's expected failures; each failure also carries a plain-English message. */
export const CASE_ERROR_CODES = [
  'CASE.NOT_ALLOWED',
  'CASE.WRONG_STAGE',
  'CASE.STALE_VERSION',
  'CASE.OBJECTIVE_LIMIT',
  'CASE.SIGNATURE_STALE',
  'CASE.DEADLINE_PASSED',
  'CASE.INVALID_INPUT',
  'CASE.NOT_FOUND',
  'CASE.NOTICE_TOO_SHORT',
  'CASE.STEP_NOT_READY',
  'CASE.NOT_APPLICABLE',
  'CASE.NOTHING_TO_DO',
  'CASE.NOT_ELIGIBLE',
  'CASE.ALREADY_OPEN',
  'CASE.PAY_RISK_NOT_FLAGGED',
] as const;
/** A case error code. */
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];
/** A refusal from the case workflow. */
export type CaseFailure = { readonly ok: false; readonly error: Failure<CaseErrorCode> };

/** Builds a refusal. */
export const refuse = (code: CaseErrorCode, message: string, fields?: Record<string, string>): CaseFailure => fail(code, message, fields);

/** What a decision asks the outside world to do, never done by the machine itself. */
export type CaseEffect =
  | { type: 'notify'; to: string; topic: string; due?: CivilDate }
  /** A deadline the step opens: `rule` is a policy rule id or a `step.*` id; reminders are planned from it. */
  | { type: 'schedule'; rule: string; occurrence: string; due: CivilDate; owner: string; stepTitle: string }
  /** A step the decision closes: its reminders are cancelled. */
  | { type: 'cancel'; rule: string; occurrence: string }
  /** An audit record: the action only, never content. */
  | { type: 'audit'; action: string };

/** What `decide` needs besides the state and the command. */
export interface CaseContext {
  readonly policy: SchoolPolicy;
  readonly now: Instant;
  readonly today: CivilDate;
  readonly actor: CaseActor;
}

/** The outcome of a command: the next state, the effects to carry out, and the event for the log. */
export interface Decision {
  readonly next: CaseState;
  readonly effects: CaseEffect[];
  readonly event: CaseEvent;
}
