import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { Draft } from './case-draft';
import { activeObjectives, latest } from './case-statements';

type InCycleCommand = CommandOf<'observation.plan' | 'observation.record' | 'observation.feedback' | 'evidence.add' | 'interim.record' | 'concern.raise'>;

/** Observations (R-OBS-1, R-DL-4), evidence (R-EVD-1), the interim review (R-INT-1) and concerns (R-CON-1). */
export function reduceInCycle(d: Draft, c: InCycleCommand): CaseFailure | undefined {
  const { s, ctx } = d;
  switch (c.type) {
    case 'observation.plan': {
      // R-DL-4: observations are notified in advance.
      if (c.date <= ctx.today) return refuse('CASE.NOTICE_TOO_SHORT', 'Observations are agreed in advance: please choose a date after today.', { date: 'must be after today' });
      if (c.observerId === s.revieweeId) return refuse('CASE.INVALID_INPUT', 'Someone else needs to do the observation.', { observerId: 'must not be the person observed' });
      const { type: _t, ...plan } = c;
      const id = d.nextId('obs');
      s.observations.push({ ...plan, id, ...d.stamp(), heldOn: null, notes: '', verbal: null, written: null });
      d.notify(s.revieweeId, 'observation.planned', c.date);
      d.notify(c.observerId, 'observation.planned', c.date);
      d.open({ rule: 'step.observation', key: id, owner: c.observerId, stepTitle: 'observation', due: c.date });
      return undefined;
    }
    case 'observation.record': {
      const o = s.observations.find((x) => x.id === c.observationId);
      if (!o) return refuse('CASE.INVALID_INPUT', 'That observation isn’t in the plan.', { observationId: 'no such observation' });
      if (o.heldOn !== null) return refuse('CASE.NOTHING_TO_DO', 'This observation is already recorded.');
      if (c.heldOn > ctx.today) return refuse('CASE.INVALID_INPUT', 'An observation can be recorded once it has happened.', { heldOn: 'must be today or earlier' });
      o.heldOn = c.heldOn;
      o.notes = c.notes;
      d.close('step.observation', o.id);
      for (const rule of ['observation.verbal-feedback', 'observation.written-feedback'] as const) {
        const due = d.deadline(rule, c.heldOn);
        if (due) d.open({ rule, key: o.id, owner: o.observerId, stepTitle: rule === 'observation.verbal-feedback' ? 'verbal feedback on the observation' : 'written feedback on the observation', due: due < ctx.today ? ctx.today : due });
      }
      return undefined;
    }
    case 'observation.feedback': {
      const o = s.observations.find((x) => x.id === c.observationId);
      if (!o) return refuse('CASE.INVALID_INPUT', 'That observation isn’t in the plan.', { observationId: 'no such observation' });
      if (o.heldOn === null) return refuse('CASE.STEP_NOT_READY', 'Please record the observation first.');
      o[c.kind] = { text: c.text, actions: c.actions, ...d.stamp() };
      d.close(`observation.${c.kind}-feedback`, o.id);
      d.notify(s.revieweeId, 'observation.feedback');
      return undefined;
    }
    case 'evidence.add': {
      if (c.objectiveId !== null && !activeObjectives(s).some((o) => o.id === c.objectiveId)) {
        return refuse('CASE.INVALID_INPUT', 'That objective isn’t in the plan.', { objectiveId: 'no such objective' });
      }
      const { type: _t, ...evidence } = c;
      s.evidence.push({ ...evidence, id: d.nextId('ev'), ...d.stamp() });
      return undefined;
    }
    case 'interim.record':
      return recordInterim(d, c);
    case 'concern.raise': {
      const { type: _t, ...concern } = c;
      s.concerns.push({ ...concern, id: d.nextId('con'), ...d.stamp() });
      // R-CON-1: raised when they arise, and the headteacher is told.
      d.notify(s.headteacherId, 'concern.raised');
      d.notify(s.reviewerId, 'concern.raised');
      d.notify(s.revieweeId, 'concern.raised');
      return undefined;
    }
    default:
      return assertNever(c);
  }
}

function recordInterim(d: Draft, c: CommandOf<'interim.record'>): CaseFailure | undefined {
  const { s, ctx } = d;
  const active = activeObjectives(s);
  const unknown = c.progress.findIndex((p) => !active.some((o) => o.id === p.objectiveId));
  if (unknown >= 0) return refuse('CASE.INVALID_INPUT', 'That objective isn’t in the plan.', { [`progress.${unknown}.objectiveId`]: 'no such objective' });
  const missing = active.filter((o) => !c.progress.some((p) => p.objectiveId === o.id));
  if (missing.length > 0) {
    return refuse('CASE.INVALID_INPUT', `Please add progress for every objective: ${missing.map((o) => `“${latest(o).headline}”`).join(', ')}.`, { progress: 'needs every objective' });
  }
  if (c.finalReviewDate <= ctx.today) return refuse('CASE.INVALID_INPUT', 'The final review date needs to be in the future.', { finalReviewDate: 'must be after today' });
  const { type: _t, ...interim } = c;
  s.interim = { ...interim, ...d.stamp() };
  s.stage = 'in-cycle';
  // A self-assessment still asked for when the review is recorded was never sent: set aside, not done.
  d.close('step.self-assessment', 'interim', 'set-aside');
  d.notify(s.revieweeId, 'interim.recorded', c.finalReviewDate);
  // R-INT-1: the final review date is agreed here; the papers for it go the policy's notice before.
  const papers = d.deadline('meeting.papers', c.finalReviewDate) ?? c.finalReviewDate;
  d.open({ rule: 'step.final-meeting', key: 'reviewer', owner: s.reviewerId, stepTitle: 'final review meeting papers', due: papers < ctx.today ? ctx.today : papers });
  return undefined;
}
