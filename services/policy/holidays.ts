import Holidays from 'date-holidays';
import type { CivilDate } from '../shared/time';

/** The port for bank holidays: the civil dates that are public holidays in a year. */
export interface HolidaySource {
  bankHolidays(year: number): readonly CivilDate[];
}

const englandAndWales = new Holidays('GB', 'ENG');
// A year's list never changes, and working it out is the slow part of every calendar: keep each one.
const byYear = new Map<number, readonly CivilDate[]>();

/**
 * England and Wales bank holidays from `date-holidays` (R-CAL-1): public days only, so substitute days
 * (e.g. Monday 28 December 2026 for Boxing Day) count and observances (e.g. Mother's Day) do not.
 */
export const englandAndWalesHolidays: HolidaySource = {
  bankHolidays: (year) => {
    let days = byYear.get(year);
    if (!days) {
      days = Object.freeze(englandAndWales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      byYear.set(year, days);
    }
    return days;
  },
};

/** A fixed list of holidays (tests, and a school that wants to pin the list it was given). */
export function fixedHolidays(days: readonly CivilDate[]): HolidaySource {
  return { bankHolidays: (year) => days.filter((d) => d.startsWith(`${year}-`)) };
}
