import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { Draft } from './case-draft';
import { activeObjectives } from './case-statements';

type SupportCommand = CommandOf<'support-plan.set' | 'support-plan.review' | 'support.delivered'>;

/** The support plan, its reviews signed by both, and the support actually given (R-SUP-1, R-DL-6). */
export function reduceSupport(d: Draft, c: SupportCommand): CaseFailure | undefined {
  const { s, ctx } = d;
  switch (c.type) {
    case 'support-plan.set': {
      const items = c.items.map((i) => ({ ...i, id: d.nextId('sup'), progress: '' }));
      s.supportPlan = { items, reviews: s.supportPlan?.reviews ?? [], completedOn: null, ...d.stamp() };
      d.notify(s.revieweeId, 'support-plan.set');
      openReview(d, ctx.today);
      return undefined;
    }
    case 'support-plan.review': {
      const plan = s.supportPlan;
      if (!plan) return refuse('CASE.STEP_NOT_READY', 'There is no support plan to review yet.');
      if (plan.completedOn !== null) return refuse('CASE.NOTHING_TO_DO', 'This support plan is complete.');
      const unknown = c.progress.findIndex((p) => !plan.items.some((i) => i.id === p.itemId));
      if (unknown >= 0) return refuse('CASE.INVALID_INPUT', 'That item isn’t in the support plan.', { [`progress.${unknown}.itemId`]: 'no such item' });
      if (c.reviewOn > ctx.today) return refuse('CASE.INVALID_INPUT', 'A review is signed once it has happened.', { reviewOn: 'must be today or earlier' });
      let review = plan.reviews.find((r) => r.reviewOn === c.reviewOn);
      if (!review) {
        review = { reviewOn: c.reviewOn, notes: c.notes, employeeSignedAt: null, managerSignedAt: null };
        plan.reviews.push(review);
      }
      const byEmployee = ctx.actor.personId === s.revieweeId;
      if ((byEmployee ? review.employeeSignedAt : review.managerSignedAt) !== null) return refuse('CASE.NOTHING_TO_DO', 'You have already signed this review.');
      if (byEmployee) review.employeeSignedAt = ctx.now;
      else review.managerSignedAt = ctx.now;
      if (c.notes) review.notes = c.notes;
      for (const p of c.progress) for (const item of plan.items) if (item.id === p.itemId) item.progress = p.progress;
      if (review.employeeSignedAt === null || review.managerSignedAt === null) {
        d.notify(byEmployee ? s.reviewerId : s.revieweeId, 'support-plan.review-to-sign');
        return undefined;
      }
      if (c.completed) plan.completedOn = c.reviewOn;
      d.close('support.review');
      d.close('step.support-review');
      if (plan.completedOn === null) openReview(d, c.reviewOn);
      return undefined;
    }
    case 'support.delivered': {
      const known =
        c.ref.kind === 'objective'
          ? activeObjectives(s).some((o) => o.id === c.ref.id)
          : c.ref.kind === 'support-item'
            ? (s.supportPlan?.items ?? []).some((i) => i.id === c.ref.id)
            : /^\d+$/.test(c.ref.id) && Number(c.ref.id) >= 1 && Number(c.ref.id) <= (s.developmentPlan?.goals.length ?? 0);
      if (!known) return refuse('CASE.INVALID_INPUT', 'That support isn’t in the plan.', { 'ref.id': 'no such item' });
      if (c.deliveredOn > ctx.today) return refuse('CASE.INVALID_INPUT', 'Support is recorded once it has been given.', { deliveredOn: 'must be today or earlier' });
      const { type: _t, ...delivered } = c;
      s.supportDelivered.push({ ...delivered, ...d.stamp() });
      return undefined;
    }
    default:
      return assertNever(c);
  }
}

/** The next review point: the policy's rule where it has one (R-DL-6), else the earliest action date still ahead. */
function openReview(d: Draft, from: string): void {
  const { s, ctx } = d;
  const byRule = d.deadline('support.review', from);
  const ahead = (s.supportPlan?.items ?? []).map((i) => i.actionDate).filter((x) => x >= ctx.today).sort()[0];
  const due = byRule ?? ahead;
  if (!due) return;
  d.open({ rule: byRule ? 'support.review' : 'step.support-review', key: 'plan', owner: s.reviewerId, stepTitle: 'support plan review', due: due < ctx.today ? ctx.today : due });
}
