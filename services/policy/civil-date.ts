import type { CivilDate } from '../shared/time';

// Calendar arithmetic on civil dates (`YYYY-MM-DD`), done in UTC so no local time zone can shift a day.

const toUtc = (day: CivilDate) => Date.parse(`${day}T00:00:00.000Z`);
const fromUtc = (ms: number): CivilDate => new Date(ms).toISOString().slice(0, 10);

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: CivilDate, n: number): CivilDate {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: CivilDate): number {
  return new Date(toUtc(day)).getUTCDay();
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** The first day of the month `months` months after the month of `day`. */
export function firstOfMonth(day: CivilDate, months = 0): CivilDate {
  const d = new Date(toUtc(day));
  return fromUtc(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The last day of the month `months` months after the month of `day`. */
export function lastOfMonth(day: CivilDate, months = 0): CivilDate {
  const d = new Date(toUtc(day));
  return fromUtc(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0));
}

/** The same day `months` months later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(day: CivilDate, months: number): CivilDate {
  const d = new Date(toUtc(day));
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return fromUtc(target + (Math.min(d.getUTCDate(), last) - 1) * 86_400_000);
}

/** Whole months from the month of `a` to the month of `b`. */
export function monthsBetween(a: CivilDate, b: CivilDate): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** The first `MM-DD` on or after `day` (29 February falls back to 28 February in other years). */
export function nextMonthDay(day: CivilDate, monthDay: string, strictlyAfter = false): CivilDate {
  const year = Number(day.slice(0, 4));
  for (const y of [year, year + 1, year + 2]) {
    const candidate = `${y}-${monthDay}`;
    const real = lastOfMonth(`${y}-${monthDay.slice(0, 2)}-01`) < candidate ? lastOfMonth(`${y}-${monthDay.slice(0, 2)}-01`) : candidate;
    if (strictlyAfter ? real > day : real >= day) return real;
  }
  throw new Error(`no ${monthDay} after ${day}`);
}
