import type { CivilDate } from '../shared/time';
import type { Calendar } from './calendar';
import { addDays, nextMonthDay } from './civil-date';
import type { Citation, DeadlineRuleId, DeadlineRuleSpec } from './preset.schema';

/** A computed deadline: the rule, its trigger date, the due date and how it was counted. */
export interface Deadline {
  readonly rule: DeadlineRuleId;
  readonly from: CivilDate;
  readonly due: CivilDate;
  /** Working days from `from` to `due` (negative for "before" rules). */
  readonly workingDays: number;
  /** `deadline`: always a working day; `effective-date`: a date something takes effect, kept as it is. */
  readonly nature: 'deadline' | 'effective-date';
  /** What must happen by then, in plain words ("send your written grounds of appeal"). */
  readonly label: string;
  readonly source: Citation;
}

/** The calendars a rule may count in: working days as the school set them, or school days (closures always off). */
export interface DeadlineCalendars {
  readonly working: Calendar;
  readonly school: Calendar;
}

/** Applies one rule to a trigger date (R-CAL-1 conventions; R-DL-*). Pure. */
export function computeDeadline(rule: DeadlineRuleId, spec: DeadlineRuleSpec, from: CivilDate, calendars: DeadlineCalendars): Deadline {
  const base = { rule, from, label: spec.label, source: spec.source };
  switch (spec.kind) {
    case 'working-days-after':
    case 'working-days-before': {
      const calendar = spec.schoolDays ? calendars.school : calendars.working;
      const n = spec.kind === 'working-days-after' ? spec.days : -spec.days;
      return { ...base, due: calendar.addWorkingDays(from, n), workingDays: n, nature: 'deadline' };
    }
    case 'fixed-date': {
      const step = spec.roll === 'back' ? -1 : 1;
      const onWorkingDay = (day: CivilDate) => {
        let d = day;
        while (!calendars.working.isWorkingDay(d)) d = addDays(d, step);
        return d;
      };
      let due = onWorkingDay(nextMonthDay(from, spec.date));
      // Moving back must not land before the trigger: then the date is next year's.
      if (due < from) due = onWorkingDay(nextMonthDay(addDays(nextMonthDay(from, spec.date), 1), spec.date));
      return { ...base, due, workingDays: calendars.working.workingDaysBetween(from, due), nature: 'deadline' };
    }
    case 'effective-date': {
      const due = nextMonthDay(from, spec.date, true);
      return { ...base, due, workingDays: calendars.working.workingDaysBetween(from, due), nature: 'effective-date' };
    }
  }
}
