import { z } from 'zod/v4';

/** A civil date in Europe/London, `YYYY-MM-DD`. */
export type CivilDate = string;

/** An instant in time, ISO 8601 in UTC (`2026-11-25T09:30:00.000Z`). */
export type Instant = string;

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCivilDate(value: string): boolean {
  const m = CIVIL.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** zod schema for a civil date. */
export const civilDateSchema = z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' });

/** zod schema for an instant. */
export const instantSchema = z.iso.datetime({ offset: false });

/** The source of "now": injected everywhere, so tests use a fixed clock and never sleep. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests, benchmarks, the CLI's `--today`). */
export class FixedClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advanceMs(ms: number): void {
    this.current += ms;
  }
}
