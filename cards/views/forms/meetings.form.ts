import { activeObjectives, latest } from '../../../services/case/case-statements';
import type { Meeting } from '../../../services/case/input-fields.schema';
import { dateInWords } from '../../../services/shared/london-time';
import { choiceField, dateField, formOf, headingField, nameIn, sentence, textField } from './form-fields';
import type { FieldView, FormContext, FormView } from './form.types';
import { LONG, meetingOf, SHORT } from './self-assessment.form';

// The meetings of the cycle: setting a date (R-DL-3), the development plan (R-PDP-1), the interim review
// (R-INT-1) and the reviewee's overview of the year (R-FIN-1). Ids of records are fixed values, never typed.

/** Which meeting a date is being set for: the planning meeting first, then the interim, then the final review. */
export function meetingToSchedule(ctx: FormContext): Meeting {
  const s = ctx.state;
  if (s.stage === 'preparation' || s.stage === 'planning') return 'planning';
  return meetingOf(ctx);
}

/** Setting (or moving) a meeting's date: the papers and the self-assessment go out in good time (R-DL-3). */
export function meetingScheduleForm(ctx: FormContext): FormView {
  const meeting = meetingToSchedule(ctx);
  const current = ctx.state.meetings[meeting];
  const notice = ctx.policy.deadline('meeting.papers', ctx.state.cycle.start);
  const days = notice.ok ? Math.abs(notice.value.workingDays) : 0;
  const name = meeting === 'final' ? 'final review' : `${meeting} meeting`;
  return formOf(ctx, 'meeting.schedule', {
    title: `Set the ${name} date`,
    intro: `${current ? `It is set for ${dateInWords(current.date)}; choose a new date to move it. ` : ''}The papers and the self-assessment form go to ${nameIn(ctx, ctx.state.revieweeId, 'them')}${days ? ` at least ${days} working days before` : ' before the meeting'}.`,
    // Only the meeting that can be arranged now is offered, already chosen, so the wrong one cannot be picked.
    fields: [choiceField(ctx, 'meeting', 'Meeting', [{ title: sentence(name), value: meeting }], { value: meeting }), dateField(ctx, 'date', current ? 'New date' : 'Meeting date')],
    submitTitle: current ? 'Move the meeting' : 'Set the date',
  });
}

/** The personal development plan: goals with timescales and the support they need (R-PDP-1, propeller Annex 1b). */
export function developmentPlanForm(ctx: FormContext): FormView {
  const current = ctx.state.developmentPlan;
  const rows = Math.min(10, Math.max(3, (current?.goals.length ?? 0) + 1));
  const fields: FieldView[] = [];
  for (let i = 0; i < rows; i += 1) {
    const g = current?.goals[i];
    fields.push(
      headingField(`h-goal-${i}`, `Goal ${i + 1}${i > 0 ? ' (optional)' : ''}`),
      textField(ctx, `goals.${i}.goal`, 'Development goal', { value: g?.goal, required: i === 0, max: 500, multiline: false }),
      textField(ctx, `goals.${i}.timescale`, 'By when', { value: g?.timescale, required: i === 0, max: 200, multiline: false }),
      textField(ctx, `goals.${i}.support`, 'Support needed for this goal', { value: g?.support, max: SHORT }),
    );
  }
  fields.push(headingField('h-objectives', 'Your objectives'), textField(ctx, 'supportForObjectives', 'Support needed to meet the objectives', { value: current?.supportForObjectives, max: LONG }));
  return formOf(ctx, 'development-plan.set', {
    title: 'Personal development plan',
    intro: 'What you would like to learn or develop this year, by when, and the help you need. Leave a spare goal blank.',
    fields, submitTitle: 'Save the plan',
  });
}

/** The interim review: progress per objective, support so far, changes, the final review date (R-INT-1). */
export function interimForm(ctx: FormContext): FormView {
  const fixed: FormView['fixed'] = {};
  const fields: FieldView[] = [];
  const before = ctx.state.interim;
  activeObjectives(ctx.state).forEach((o, i) => {
    const was = before?.progress.find((p) => p.objectiveId === o.id);
    fixed[`progress.${i}.objectiveId`] = o.id;
    fields.push(
      headingField(`h-${o.id}`, `Objective ${i + 1}: ${latest(o).headline}`),
      textField(ctx, `progress.${i}.comment`, 'Progress so far', { value: was?.comment, required: true, max: LONG }),
      textField(ctx, `progress.${i}.update`, 'Update or next steps (optional)', { value: was?.update, max: LONG }),
    );
  });
  fields.push(
    headingField('h-rest', 'Support and changes'),
    textField(ctx, 'supportSoFar', 'Support and training given so far', { value: before?.supportSoFar, max: LONG }),
    textField(ctx, 'changesNeeded', 'Changes needed, to the objectives or the role', { value: before?.changesNeeded, max: LONG }),
    dateField(ctx, 'finalReviewDate', 'Date agreed for the final review', { value: before?.finalReviewDate ?? ctx.state.meetings.final?.date }),
  );
  return formOf(ctx, 'interim.record', {
    title: 'Interim review',
    intro: 'Record what you talked about at the interim meeting: how each objective is going and what help is needed.',
    fields, fixed, submitTitle: 'Record the interim review',
  });
}

/** The reviewee's overview of the year before the final review (R-FIN-1). */
export function finalSelfReviewForm(ctx: FormContext): FormView {
  const before = ctx.state.selfReview;
  return formOf(ctx, 'final.self-review', {
    title: 'Your year in your words',
    intro: 'A short overview of your year for the final review: what you achieved and anything that got in the way.',
    fields: [
      textField(ctx, 'overview', 'Your overview of the year', { value: before?.overview, required: true, max: 4000 }),
      textField(ctx, 'comments', 'Anything else to add (optional)', { value: before?.comments }),
    ],
    submitTitle: 'Send my overview',
  });
}
