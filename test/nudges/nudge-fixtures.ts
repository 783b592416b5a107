import type { DeliveryWindow, WorkingDays } from '../../services/policy/delivery-window';
import { personWorkingDays } from '../../services/policy/delivery-window';
import { addCalendarDays } from '../../services/shared/london-time';
import type { PlanningCalendar } from '../../services/nudges/planner';
import type { Person } from '../../services/people/person.schema';
import type { CivilDate } from '../../services/shared/time';

// A hand-written school calendar for the nudge tests (the policy module's calendar has the same shape):
// weekends, England and Wales bank holidays of 2026–27, and one school's closure and holiday days.

export const BANK_HOLIDAYS = new Set(['2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03']);
/** An INSET (closure) day: nobody works. */
export const CLOSURES = new Set(['2026-11-27']);
/** The Christmas and Easter holidays (not bank holidays): only term-time-only staff are off. */
export const HOLIDAY_RANGES: [CivilDate, CivilDate][] = [['2026-12-21', '2027-01-04'], ['2027-03-22', '2027-04-02']];

const weekend = (day: CivilDate) => [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
export const schoolHoliday = (day: CivilDate) => HOLIDAY_RANGES.some(([a, b]) => day >= a && day <= b);

/** The school's working days: weekdays that are not bank holidays or closures. */
export const schoolDays: WorkingDays = { isWorkingDay: (d) => !weekend(d) && !BANK_HOLIDAYS.has(d) && !CLOSURES.has(d) };

/** A calendar counting the school's working days (from itself not counted, like the policy's). */
export const testCalendar: PlanningCalendar & WorkingDays = {
  isWorkingDay: schoolDays.isWorkingDay,
  addWorkingDays(from, n) {
    let day = from;
    let left = Math.abs(n);
    while (left > 0) {
      day = addCalendarDays(day, n < 0 ? -1 : 1);
      if (schoolDays.isWorkingDay(day)) left -= 1;
    }
    return day;
  },
};

/** A delivery window for a person on this calendar. */
export function windowOf(o: { termTimeOnly?: boolean; from?: string; to?: string } = {}): DeliveryWindow {
  return { days: personWorkingDays({ school: schoolDays, termTimeOnly: o.termTimeOnly ?? false, schoolHoliday }), from: o.from ?? '08:30', to: o.to ?? '16:30' };
}

/** A roster entry with overrides. */
export const aPerson = (o: Partial<Person> = {}): Person => ({
  id: 'p-ada', schoolId: 'school-a', staffId: 'S001', name: 'Ada Testperson', email: 'ada@example.org', jobTitle: 'Teaching assistant',
  roleFamily: 'support', lineManagerIds: [], contractType: 'permanent', startDate: '2020-09-01', endDate: null, termTimeOnly: false,
  partTime: false, headteacher: false, slt: false, pdManager: false, reviewerTrained: false, leftOn: null,
  teams: { aadObjectId: `aad-${o.id ?? 'p-ada'}`, tenantId: 'tenant-a', unreachable: false }, ...o,
});
