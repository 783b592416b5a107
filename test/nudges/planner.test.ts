import { digestContent, planDigests } from '../../services/nudges/digest';
import { planStepReminders, reminderIdsForStep } from '../../services/nudges/planner';
import type { StepToNudge } from '../../services/nudges/planner';
import { testCalendar, windowOf } from './nudge-fixtures';
import { aRelayWorld } from './relay-harness';

const aStep = (o: Partial<StepToNudge> = {}): StepToNudge => ({
  schoolId: 'school-a', caseId: 'case-1', version: 4, rule: 'appeal.informal', occurrence: '1', due: '2026-12-04', stepTitle: 'informal appeal',
  verb: 'ipp.step.open', owner: { personId: 'p-ada', name: 'Ada Testperson', window: windowOf() },
  reviewer: { personId: 'p-bo', name: 'Bo Reviewer', window: windowOf() }, head: { personId: 'p-head', name: 'Hal Head', window: windowOf() }, ...o,
});
const summary = (step: StepToNudge, now: string) =>
  planStepReminders(step, testCalendar, new Date(now)).map((r) => `${r.id.split('/').pop()} ${r.recipientId} ${r.dueAt}`);

describe('planning nudges (R-CHAT-3)', () => {
  it('R-CHAT-3: lead times 5 and 1 working days before and on the day, then owner → reviewer → head when overdue', () => {
    // Due Friday 4 December 2026; 27 November is a closure day, so 5 working days before is Thursday 26 November.
    expect(summary(aStep(), '2026-11-20T12:00:00.000Z')).toEqual([
      '1.before-5 p-ada 2026-11-26T08:30:00.000Z',
      '1.before-1 p-ada 2026-12-03T08:30:00.000Z',
      '1.due p-ada 2026-12-04T08:30:00.000Z',
      '1.overdue-1-owner p-ada 2026-12-07T08:30:00.000Z',
      '1.overdue-3-reviewer p-bo 2026-12-09T08:30:00.000Z',
      '1.overdue-5-head p-head 2026-12-11T08:30:00.000Z',
    ]);
  });

  it('R-CHAT-3: ids are deterministic case/rule/occurrence, and cancellation names every one of them', () => {
    const ids = planStepReminders(aStep(), testCalendar, new Date('2026-11-20T12:00:00.000Z')).map((r) => r.id);
    expect(ids[0]).toBe('case-1/appeal.informal/1.before-5');
    expect(reminderIdsForStep('case-1', 'appeal.informal', '1').sort()).toEqual([...ids].sort());
  });

  it('R-CHAT-3: a step planned late gets one nudge at the next opening, not a burst of missed ones', () => {
    expect(summary(aStep(), '2026-12-03T18:00:00.000Z').slice(0, 2)).toEqual([
      '1.due p-ada 2026-12-04T08:30:00.000Z',
      '1.overdue-1-owner p-ada 2026-12-07T08:30:00.000Z',
    ]);
    expect(summary(aStep(), '2026-12-04T10:00:00.000Z')[0]).toBe('1.due p-ada 2026-12-04T10:00:00.000Z');
  });

  it('R-CHAT-3: a term-time-only owner is nudged in term only; a due date in the holidays is nudged before they break up', () => {
    const step = aStep({ due: '2027-01-05', owner: { personId: 'p-tt', name: 'Tess Termtime', window: windowOf({ termTimeOnly: true }) } });
    const plan = summary(step, '2026-12-01T12:00:00.000Z');
    // 5 and 1 working days before (24 December, 4 January) both fall in the Christmas holidays: one nudge on
    // the last day of term, then one on the day.
    expect(plan.slice(0, 2)).toEqual(['1.before-1 p-tt 2026-12-18T08:30:00.000Z', '1.due p-tt 2027-01-05T08:30:00.000Z']);
  });

  it('R-CHAT-3: the card says what is due, by when in words and as a date, and opens the step with caseId and version', () => {
    const [first] = planStepReminders(aStep(), testCalendar, new Date('2026-11-20T12:00:00.000Z'));
    expect(first?.payload).toMatchObject({
      content: { title: 'Your informal appeal is due Friday 4 December', due: '2026-12-04', open: { verb: 'ipp.step.open', caseId: 'case-1', version: 4 } },
    });
    expect(JSON.stringify(first?.payload)).toContain('Due by Friday 4 December (2026-12-04).');
  });

  it('R-CHAT-3: a reviewer gets one digest a day of their own people; the head of everyone', () => {
    const items = [
      { caseId: 'c1', revieweeName: 'Ada Testperson', reviewerId: 'p-bo', stepTitle: 'objectives', due: '2026-11-20' },
      { caseId: 'c2', revieweeName: 'Cy Other', reviewerId: 'p-cy', stepTitle: 'self-assessment', due: '2026-11-30' },
    ];
    const readers = [
      { schoolId: 'school-a', personId: 'p-bo', role: 'reviewer' as const, window: windowOf() },
      { schoolId: 'school-a', personId: 'p-head', role: 'head' as const, window: windowOf() },
    ];
    const plan = planDigests(readers, items, '2026-11-25');
    expect(plan.map((r) => r.id)).toEqual(['digest/p-bo/2026-11-25', 'digest/p-head/2026-11-25']);
    expect(digestContent(items, '2026-11-25')?.lines).toEqual([
      'Overdue (1):', 'Ada Testperson: objectives, due Friday 20 November', 'Due soon (1):', 'Cy Other: self-assessment, due Monday 30 November',
    ]);
    expect(JSON.stringify(plan[0]?.payload)).not.toContain('Cy Other');
  });

  it.each([
    ['spring (Sunday 29 March 2026)', '2026-03-30', '2026-03-16T12:00:00.000Z'],
    ['autumn (Sunday 25 October 2026)', '2026-10-26', '2026-10-12T12:00:00.000Z'],
  ])('R-CAL-1: across the %s clock change every nudge is sent exactly once, each inside working hours', async (_name, due, start) => {
    const w = await aRelayWorld(start);
    const plan = planStepReminders(aStep({ due }), testCalendar, new Date(start));
    for (const r of plan) await w.store.reminders.create(r);
    // Sweep every 10 minutes, through both weekends and the change, to a fortnight after the due date.
    const end = Date.parse(start) + 28 * 86_400_000;
    while (w.clock.now().getTime() < end) {
      await w.relay.sweep();
      w.clock.advanceMs(600_000);
    }
    expect(w.teams.sent.map((s) => s.message.key).sort()).toEqual(plan.map((r) => r.id).sort());
    for (const s of w.teams.sent) expect(windowOf().days.isWorkingDay(s.at.slice(0, 10))).toBe(true);
    const londonTimes = w.teams.sent.map((s) => new Date(s.at).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' }));
    expect(new Set(londonTimes)).toEqual(new Set(['08:30:00']));
  });
});
