import type { CivilDate } from '../shared/time';
import { addDays, dayOfWeek } from './civil-date';
import type { HolidaySource } from './holidays';

/** A named run of days the school is closed (holidays, INSET days), `from`..`to` inclusive. */
export interface ClosureRange {
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly name: string;
}

/** Working days of one school (or of one person in it). Pure: no clock, no I/O (R-CAL-1). */
export interface Calendar {
  /** Not a Saturday or Sunday, not a bank holiday (substitute days included), not a closure this calendar counts. */
  isWorkingDay(day: CivilDate): boolean;
  /**
   * `n > 0`: the n-th working day after `from` ("within n working days of X", X not counted).
   * `n < 0`: the |n|-th working day before `from` ("at least n working days before X"). `n = 0`: `from`.
   */
  addWorkingDays(from: CivilDate, n: number): CivilDate;
  /** Working days in (from, to] when `to` is later, minus those in [to, from) when earlier: inverts `addWorkingDays`. */
  workingDaysBetween(from: CivilDate, to: CivilDate): number;
  /** The closure covering `day`, if this calendar counts one there. */
  closureOn(day: CivilDate): ClosureRange | null;
}

/** How far a count may walk before the calendar is taken to be misconfigured (everything closed). */
const MAX_WALK_DAYS = 3660;

/** A calendar from bank holidays and the closures that count as non-working for its purpose. */
export function createCalendar(input: { holidays: HolidaySource; closures?: readonly ClosureRange[] }): Calendar {
  const closures = [...(input.closures ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const byYear = new Map<number, ReadonlySet<CivilDate>>();
  const bankHolidays = (year: number) => {
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = new Set(input.holidays.bankHolidays(year))));
    return days;
  };
  const closureOn = (day: CivilDate) => closures.find((c) => c.from <= day && day <= c.to) ?? null;
  const isWorkingDay = (day: CivilDate) => {
    const dow = dayOfWeek(day);
    if (dow === 0 || dow === 6) return false;
    if (bankHolidays(Number(day.slice(0, 4))).has(day)) return false;
    return closureOn(day) === null;
  };
  const addWorkingDays = (from: CivilDate, n: number) => {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = from;
    for (let left = Math.abs(n), walked = 0; left > 0; walked += 1) {
      if (walked > MAX_WALK_DAYS) throw new RangeError(`no ${Math.abs(n)} working days within ten years of ${from}: is every day closed?`);
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  };
  const workingDaysBetween = (from: CivilDate, to: CivilDate) => {
    if (from === to) return 0;
    const [lo, hi, sign] = from < to ? [addDays(from, 1), to, 1] : [to, addDays(from, -1), -1];
    let count = 0;
    for (let day = lo; day <= hi; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
    return sign * count;
  };
  return { isWorkingDay, addWorkingDays, workingDaysBetween, closureOn };
}
