import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';

/** A school's policy for a preset and raw settings; a failure here is a broken fixture, so it throws. */
export function policyOf(presetId: string, settings: unknown = {}): SchoolPolicy {
  const built = createSchoolPolicy({ presetId, settings });
  if (!built.ok) throw new Error(`${built.error.code}: ${built.error.message}`);
  return built.value;
}

/**
 * England and Wales bank holidays that fall on a weekday, 2026 to 2028, written out by hand from the
 * published list. Substitute days: Monday 28 December 2026 (Boxing Day is a Saturday), Monday 27 and
 * Tuesday 28 December 2027 (Christmas and Boxing Day on the weekend), Monday 3 January 2028.
 */
export const WEEKDAY_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
};

/** The Christmas holidays 2026 and an INSET day after them, as a school would enter them. */
export const CHRISTMAS_2026_CLOSURES = [
  { from: '2026-12-21', to: '2027-01-01', name: 'Christmas holidays' },
  { from: '2027-01-04', to: '2027-01-04', name: 'INSET day' },
] as const;

/** Day of the week of a civil date, 0 = Sunday, worked out with the platform's Date (not the module). */
export const weekday = (day: string): number => new Date(`${day}T12:00:00.000Z`).getUTCDay();

/** The civil date `n` days after 2025-01-01: a way for property tests to draw dates. */
export const dayNumber = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Every bank holiday above as one set. */
export const ALL_WEEKDAY_BANK_HOLIDAYS: ReadonlySet<string> = new Set(Object.values(WEEKDAY_BANK_HOLIDAYS).flat());
