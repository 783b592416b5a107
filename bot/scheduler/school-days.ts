import Holidays from 'date-holidays';
import { z } from 'zod/v4';
import type { DeliveryWindow, WorkingDays } from '../../services/policy/delivery-window';
import { personWorkingDays } from '../../services/policy/delivery-window';
import type { Person } from '../../services/people/person.schema';
import type { SchoolRecord, Store } from '../../services/ports/store.port';
import { civilDateSchema } from '../../services/shared/time';
import type { CivilDate } from '../../services/shared/time';

// The delivery window of a person: weekends, England and Wales bank holidays (date-holidays, public days
// only) and the school's closure days are not working days; term-time-only staff are also off in the school
// holidays (R-CAL-1, R-CHAT-3). When the policy module's calendar is wired into the composition root, its
// `isWorkingDay` replaces `schoolCalendar` here; the settings read below are the same school settings.

const dayRange = z.object({ from: civilDateSchema, to: civilDateSchema });
const settingsSchema = z
  .object({
    closures: z.array(z.union([civilDateSchema, dayRange])).default([]),
    holidays: z.array(dayRange).default([]),
    messageHours: z.object({ from: z.string(), to: z.string() }).optional(),
  })
  .loose();

/** Bank holidays by year (the policy module's `HolidaySource` has this shape, so its adapter fits). */
export interface BankHolidays {
  bankHolidays(year: number): CivilDate[];
}

const hd = new Holidays('GB', 'ENG');
/** England and Wales bank holidays (public days only, substitute days included). */
export const englandAndWalesBankHolidays: BankHolidays = {
  bankHolidays: (year) => hd.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)),
};

const inRanges = (day: CivilDate, ranges: { from: CivilDate; to: CivilDate }[]) => ranges.some((r) => day >= r.from && day <= r.to);

/** A school's working days from its settings (closure days and ranges); holidays are for term-time staff. */
export function schoolCalendar(school: SchoolRecord | null, holidays: BankHolidays = englandAndWalesBankHolidays) {
  const byYear = new Map<number, Set<CivilDate>>();
  const bankHolidays = (year: number) => {
    let set = byYear.get(year);
    if (!set) byYear.set(year, (set = new Set(holidays.bankHolidays(year))));
    return set;
  };
  const parsed = settingsSchema.safeParse(school?.settings ?? {});
  const settings = parsed.success ? parsed.data : { closures: [], holidays: [], messageHours: undefined };
  const closureDays = new Set(settings.closures.filter((c): c is string => typeof c === 'string'));
  const closureRanges = settings.closures.filter((c): c is { from: string; to: string } => typeof c !== 'string');
  const days: WorkingDays = {
    isWorkingDay(day) {
      const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) return false;
      if (bankHolidays(Number(day.slice(0, 4))).has(day)) return false;
      return !closureDays.has(day) && !inRanges(day, closureRanges);
    },
  };
  return { days, holiday: (day: CivilDate) => inRanges(day, settings.holidays), messageHours: settings.messageHours };
}

/**
 * Looks up each person's window (schools cached for a minute, since settings change rarely). `holidays` may be
 * the policy module's England and Wales source, so deadlines and nudges share one list of bank holidays.
 */
export function deliveryWindows(store: Pick<Store, 'schools'>, defaultHours: { from: string; to: string }, nowMs: () => number, holidays?: BankHolidays) {
  const cache = new Map<string, { at: number; calendar: ReturnType<typeof schoolCalendar> }>();
  return async (person: Person): Promise<DeliveryWindow> => {
    let hit = cache.get(person.schoolId);
    if (!hit || nowMs() - hit.at > 60_000) {
      hit = { at: nowMs(), calendar: schoolCalendar(await store.schools.get(person.schoolId), holidays) };
      cache.set(person.schoolId, hit);
    }
    const { days, holiday, messageHours } = hit.calendar;
    const hours = person.workingHours ?? messageHours ?? defaultHours;
    return { days: personWorkingDays({ school: days, termTimeOnly: person.termTimeOnly, schoolHoliday: holiday }), from: hours.from, to: hours.to };
  };
}
