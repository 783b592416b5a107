import type { DeadlineRuleId } from '../policy';
import type { CivilDate, Instant } from '../shared/time';
import type { CaseContext, CaseEffect } from './case-decision';
import type { ClosedStep, OpenStep } from './case-records.schema';
import type { CaseState } from './case-state.schema';

/**
 * House lead times, in the school's working days, for steps the policies leave open: a school would expect
 * a response within a working week, and a fortnight for a decision on an objection (R-DL-2).
 */
export const STEP_DAYS = {
  respond: 5,
  moderation: 5,
  sign: 5,
  payApproval: 5,
  comments: 5,
  objectionDecision: 10,
} as const;

/** How many closed steps a case keeps: enough for every step of a year's appraisal and its appeal. */
export const CLOSED_STEPS_KEPT = 100;

/** How a step closed: `done` when its work was recorded, `set-aside` when something else closed it. */
export type StepClosing = ClosedStep['how'];

/** A step to open: its rule (policy rule id or `step.*`), a key within the rule, due date, owner and title. */
export interface StepSpec {
  rule: string;
  key: string;
  due: CivilDate;
  owner: string | null;
  stepTitle: string;
}

/** A decision in the making: a private copy of the state that reducers change, and the effects they collect. */
export interface Draft {
  readonly s: CaseState;
  readonly ctx: CaseContext;
  readonly effects: CaseEffect[];
  /** A new record id, deterministic from the case's counter. */
  nextId(prefix: string): string;
  /** Who and when, for a record. */
  stamp(): { by: string; at: Instant };
  /** Tells a person about a step (never the actor about their own action). */
  notify(to: string | null | undefined, topic: string, due?: CivilDate): void;
  /** Opens a step with a deadline: schedules its reminders (a step already open under the same key is replaced, set aside). */
  open(step: StepSpec): void;
  /**
   * Closes the open steps of a rule (and key): cancels their reminders and keeps them in the case's closed steps,
   * done unless `how` says they were set aside with their work not done (R-RPT-1).
   */
  close(rule: string, key?: string, how?: StepClosing): void;
  /** Closes every open step, set aside (a hold or an ending); returns them (to re-open after a hold). */
  closeAll(): OpenStep[];
  /** A policy deadline's due date, or null when the school's policy has no such rule. */
  deadline(rule: DeadlineRuleId, from: CivilDate): CivilDate | null;
  /** `n` working days after `from` in the school's calendar. */
  workingDaysAfter(from: CivilDate, n: number): CivilDate;
}

/** Starts a draft over a deep copy of the state, so the caller's state is never changed. */
export function createDraft(state: CaseState, ctx: CaseContext): Draft {
  const s = structuredClone(state);
  const effects: CaseEffect[] = [];
  const cancel = (st: OpenStep) => effects.push({ type: 'cancel', rule: st.rule, occurrence: st.occurrence });
  // Past the bound, a step set aside goes before one done: the done ones are what the governors' report counts.
  const remember = (st: OpenStep, how: StepClosing) => {
    s.closedSteps.push({ rule: st.rule, key: st.key, occurrence: st.occurrence, due: st.due, closedOn: ctx.today, how });
    if (s.closedSteps.length <= CLOSED_STEPS_KEPT) return;
    const setAside = s.closedSteps.findIndex((x) => x.how === 'set-aside');
    s.closedSteps.splice(setAside < 0 ? 0 : setAside, 1);
  };
  const closeSteps = (closing: OpenStep[], how: StepClosing) => {
    for (const st of closing) {
      cancel(st);
      remember(st, how);
    }
    s.steps = s.steps.filter((st) => !closing.includes(st));
  };
  const draft: Draft = {
    s,
    ctx,
    effects,
    nextId(prefix) {
      s.seq += 1;
      return `${prefix}${s.seq}`;
    },
    stamp: () => ({ by: ctx.actor.personId, at: ctx.now }),
    notify(to, topic, due) {
      if (!to || to === ctx.actor.personId) return;
      if (effects.some((e) => e.type === 'notify' && e.to === to && e.topic === topic)) return;
      effects.push(due ? { type: 'notify', to, topic, due } : { type: 'notify', to, topic });
    },
    open(step) {
      draft.close(step.rule, step.key, 'set-aside');
      const owner = step.owner ?? s.headteacherId;
      if (!owner) return;
      const occurrence = draft.nextId(`${step.key}-`);
      const open: OpenStep = { rule: step.rule, key: step.key, occurrence, due: step.due, owner, stepTitle: step.stepTitle };
      s.steps.push(open);
      effects.push({ type: 'schedule', rule: open.rule, occurrence, due: open.due, owner, stepTitle: open.stepTitle });
    },
    close(rule, key, how = 'done') {
      closeSteps(s.steps.filter((st) => st.rule === rule && (key === undefined || st.key === key)), how);
    },
    closeAll() {
      const closing = s.steps;
      closeSteps(closing, 'set-aside');
      return closing;
    },
    deadline(rule, from) {
      const d = ctx.policy.deadline(rule, from);
      return d.ok ? d.value.due : null;
    },
    workingDaysAfter: (from, n) => ctx.policy.calendar.addWorkingDays(from, n),
  };
  return draft;
}
