import type { ReminderRecord } from '../ports/store.port';
import type { CivilDate } from '../shared/time';
import type { DeliveryWindow } from '../policy/delivery-window';
import { nextDeliveryInstant, windowOpening } from '../policy/delivery-window';
import { ESCALATION_LADDER, leadTimesFor } from './lead-times';
import { addCalendarDays, dateInWords, iso } from '../shared/london-time';
import type { NudgeContent } from './messenger.port';

/** The calendar the planner counts working days in (the policy module's `Calendar` fits). */
export interface PlanningCalendar {
  addWorkingDays(from: CivilDate, n: number): CivilDate;
}

/** A person who may be nudged, and when they may be. */
export interface Party {
  personId: string;
  name: string;
  window: DeliveryWindow;
}

/** A step with a deadline, as the case workflow sees it. */
export interface StepToNudge {
  schoolId: string;
  caseId: string;
  /** The case version the card opens at (a stale card is detected by the step). */
  version: number;
  /** The deadline rule, e.g. `appeal.informal`, or a step name. */
  rule: string;
  /** Which occurrence of the rule in this case (e.g. `1`, or an observation id): keeps ids unique and deterministic. */
  occurrence: string;
  due: CivilDate;
  /** What the step is called to a person, e.g. "self-assessment". */
  stepTitle: string;
  /** The card verb that opens the step. */
  verb: string;
  owner: Party;
  reviewer: Party | null;
  head: Party | null;
}

/** The slots a step's reminders may occupy (lead times and escalations), for ids and cancellation. */
function slots(rule: string): string[] {
  return [...leadTimesFor(rule).map((n) => (n === 0 ? 'due' : `before-${n}`)), ...ESCALATION_LADDER.map((e) => `overdue-${e.afterWorkingDays}-${e.to}`)];
}

/** The deterministic id of a reminder: `${caseId}/${rule}/${occurrence}.${slot}`, so planning twice keeps one. */
export const reminderId = (caseId: string, rule: string, occurrence: string, slot: string): string => `${caseId}/${rule}/${occurrence}.${slot}`;

/** Every reminder id a step could have: cancel these when the step is done, the case paused or the owner leaves. */
export function reminderIdsForStep(caseId: string, rule: string, occurrence: string): string[] {
  return slots(rule).map((slot) => reminderId(caseId, rule, occurrence, slot));
}

function previousWorkingDay(day: CivilDate, days: DeliveryWindow['days']): CivilDate {
  let d = day;
  for (let i = 0; i < 60 && !days.isWorkingDay(d); i += 1) d = addCalendarDays(d, -1);
  return days.isWorkingDay(d) ? d : day;
}

const dueLine = (due: CivilDate) => `Due by ${dateInWords(due)} (${due}).`;

function content(step: StepToNudge, kind: NudgeContent['kind'], title: string, lines: string[]): NudgeContent {
  return { kind, title, lines: [...lines, dueLine(step.due)], due: step.due, open: { verb: step.verb, title: `Open ${step.stepTitle}`, caseId: step.caseId, version: step.version } };
}

/**
 * Plans a step's reminders (R-CHAT-3): its owner before the deadline (lead times in working days, each at the
 * opening of the owner's window), then, while it is overdue, the owner, their reviewer and the head. Lead
 * nudges already in the past are dropped, except that a step planned late gets one nudge at the next opening.
 */
export function planStepReminders(step: StepToNudge, calendar: PlanningCalendar, now: Date): ReminderRecord[] {
  const make = (slot: string, party: Party, at: Date, c: NudgeContent): ReminderRecord => ({
    id: reminderId(step.caseId, step.rule, step.occurrence, slot), schoolId: step.schoolId, caseId: step.caseId, rule: step.rule,
    recipientId: party.personId, dueAt: iso(at), state: 'pending', leaseUntil: null, attempts: 0, payload: { content: c },
  });
  const out: ReminderRecord[] = [];
  // A lead day the owner does not work (a term-time-only owner in the holidays) moves back to their last
  // working day before it, so the reminder comes before they break up; leads that then coincide keep the nearer.
  const days = step.owner.window.days;
  const leads = leadTimesFor(step.rule)
    .map((n) => ({ n, day: n === 0 ? step.due : previousWorkingDay(calendar.addWorkingDays(step.due, -n), days) }))
    .filter((l, i, all) => !all.some((o, j) => j !== i && o.day === l.day && o.n < l.n));
  const future = leads.filter((l) => windowOpening(l.day, step.owner.window).getTime() >= now.getTime());
  const dueOpening = windowOpening(step.due, step.owner.window);
  for (const l of future) {
    const title = l.n === 0 ? `Your ${step.stepTitle} is due today` : `Your ${step.stepTitle} is due ${dateInWords(step.due)}`;
    out.push(make(l.n === 0 ? 'due' : `before-${l.n}`, step.owner, windowOpening(l.day, step.owner.window), content(step, 'nudge', title, ['A reminder so it doesn’t creep up on you.'])));
  }
  const missed = leads.filter((l) => !future.includes(l));
  const latest = missed.sort((a, b) => a.n - b.n)[0];
  if (latest && future.length === 0 && dueOpening.getTime() + 86_400_000 > now.getTime()) {
    const title = `Your ${step.stepTitle} is due ${dateInWords(step.due)}`;
    out.push(make(latest.n === 0 ? 'due' : `before-${latest.n}`, step.owner, nextDeliveryInstant(now, step.owner.window), content(step, 'nudge', title, ['A reminder so it doesn’t creep up on you.'])));
  }
  for (const e of ESCALATION_LADDER) {
    const party = e.to === 'owner' ? step.owner : e.to === 'reviewer' ? step.reviewer : step.head;
    if (!party || (e.to !== 'owner' && party.personId === step.owner.personId)) continue;
    const day = calendar.addWorkingDays(step.due, e.afterWorkingDays);
    const at = windowOpening(day, party.window);
    if (at.getTime() < now.getTime()) continue;
    const c =
      e.to === 'owner'
        ? content(step, 'escalation', `Your ${step.stepTitle} is overdue`, ['It was due a working day ago. If something is in the way, your reviewer can help.'])
        : content(step, 'escalation', `${step.owner.name}’s ${step.stepTitle} is overdue`, [`It is ${e.afterWorkingDays} working days late.`]);
    out.push(make(`overdue-${e.afterWorkingDays}-${e.to}`, party, at, c));
  }
  return out;
}
