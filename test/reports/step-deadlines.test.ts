import { decide } from '../../services/case';
import type { CaseState } from '../../services/case';
import type { DeadlineRuleId } from '../../services/policy';
import { caseDeadlineRules, caseDeadlines } from '../../services/reports';
import { after, cmd, ctxOf, must, NOT_RESOLVED, PEOPLE, play, policyOf, SPT_APPEAL_LADDER, sptCaseAt } from '../case/case-fixtures';
import { cycleSteps } from '../case/case-scenario-harness';
import type { CycleDays } from '../case/case-scenario-harness';

// The deadlines only a case's steps can show, read from cases played through decide(). The spt appeal is raised
// on Monday 28 September 2026 against the review statement signed on Friday 25 September; the due dates are the
// ones R-DL-1 gives, worked out by hand in the appeal tests.

const spt = policyOf('spt');
const notOk = NOT_RESOLVED;
const raised = () => sptCaseAt('appeal').state;
const of = (s: CaseState, rule: DeadlineRuleId, asOf: string, policy = spt) => caseDeadlines(s, policy, asOf).filter((d) => d.rule === rule).map((d) => [d.due, d.doneOn]);

/** The ladder as far as the Clerk (the headteacher's outcome given, the appeal sent on). */
const TO_THE_CLERK = SPT_APPEAL_LADDER.slice(0, 5);

describe('deadlines read from steps (R-RPT-1)', () => {
  it('R-DL-1: the panel hearing is met on the day the panel hears the appeal, not the day it was arranged; until then it is not met', () => {
    // Reaching the Clerk on 26 October, the hearing is due by 23 November; it is arranged in time for 30 November.
    const s = after(raised(), spt, [...TO_THE_CLERK, ['2026-11-02', 'clerk', () => ({ type: 'appeal.hearing-scheduled', hearingOn: '2026-11-30' })]]);
    expect(of(s, 'appeal.panel-hearing', '2026-11-20')).toEqual([]);
    expect(of(s, 'appeal.panel-hearing', '2026-11-25')).toEqual([['2026-11-23', null]]);
    expect(of(s, 'appeal.panel-hearing', '2026-12-01')).toEqual([['2026-11-23', '2026-11-30']]);
  });

  it('R-DL-1: every step of a finished appeal is counted once, each done on its day', () => {
    const s = after(raised(), spt, [
      ...TO_THE_CLERK,
      ['2026-11-02', 'clerk', () => ({ type: 'appeal.hearing-scheduled', hearingOn: '2026-11-16' })],
      ['2026-11-16', 'appeal-panel', () => ({ type: 'appeal.panel-decision', outcome: 'The rating stands', upheld: false })],
    ]);
    const appeal = caseDeadlines(s, spt, '2026-12-01').filter((d) => d.rule.startsWith('appeal.')).map((d) => [d.rule, d.due, d.doneOn]);
    expect(appeal).toEqual([
      ['appeal.informal', '2026-10-09', '2026-10-01'],
      ['appeal.reviewer-confirm', '2026-10-12', '2026-10-09'],
      ['appeal.headteacher-outcome', '2026-10-23', '2026-10-20'],
      ['appeal.panel-hearing', '2026-11-23', '2026-11-16'],
      ['appeal.panel-decision', '2026-11-18', '2026-11-16'],
    ]);
  });

  it('R-RPT-1, R-ROLE-2: a step handed to a new reviewer counts once, open or done, never with the step it replaced', () => {
    const waiting = after(raised(), spt, TO_THE_CLERK.slice(0, 2));
    const handed = must(waiting, { type: 'reviewer.change', newReviewerId: PEOPLE.other, newReviewerName: 'Quinn Harper', reason: 'absent' }, spt, '2026-10-07', 'headteacher').next;
    expect(of(handed, 'appeal.reviewer-confirm', '2026-10-14')).toEqual([['2026-10-12', null]]);
    const r = decide(handed, cmd({ type: 'appeal.reviewer-outcome', ...notOk }), ctxOf(spt, '2026-10-14', { personId: PEOPLE.other, schoolRoles: [] }));
    if (!r.ok) throw new Error(r.error.message);
    expect(of(r.value.next, 'appeal.reviewer-confirm', '2026-10-20')).toEqual([['2026-10-12', '2026-10-14']]);
  });

  it('R-FIN-2, R-RPT-1: a step set aside by a pause is not counted; the step opened again on resuming counts against its new date', () => {
    const paused = must(raised(), { type: 'case.pause', reason: 'long-term-sickness' }, spt, '2026-10-12', 'headteacher').next;
    expect(of(paused, 'appeal.informal', '2026-10-20')).toEqual([]);
    // Resumed on Monday 2 November: the talk is due five working days on, Monday 9 November.
    const resumed = after(paused, spt, [
      ['2026-11-02', 'headteacher', () => ({ type: 'case.unpause' })],
      ['2026-11-05', 'reviewer', () => ({ type: 'appeal.informal-outcome', outcome: 'We agreed the rating', resolved: true })],
    ]);
    expect(of(resumed, 'appeal.informal', '2026-11-10')).toEqual([['2026-11-09', '2026-11-05']]);
  });

  it('R-DL-1: the time to raise concerns is a right, not a deadline: using it or not is never counted', () => {
    expect(of(raised(), 'appeal.informal', '2026-10-05')).toEqual([]);
    expect(of(sptCaseAt('appeal-window').state, 'appeal.informal', '2026-10-20')).toEqual([]);
  });

  const DAYS: CycleDays = { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' };
  const inCycle = (preset: string) => {
    const planned = play(policyOf(preset), cycleSteps(preset, DAYS, { pay: true }).slice(0, 11));
    const last = planned[planned.length - 1]!.state;
    expect(last.stage).toBe('in-cycle');
    return last;
  };

  it('R-DL-6: a support review signed by both counts as met on the day the second signs, against the review point it closed', () => {
    const hampshire = policyOf('hampshire-model');
    const planned = after(inCycle('hampshire-model'), hampshire, [
      ['2025-10-06', 'reviewer', () => ({ type: 'support-plan.set', items: [{ area: 'Behaviour routines', actions: 'Weekly coaching', actionDate: '2025-11-03', measures: 'Calm starts to lessons' }] })],
    ]);
    const point = planned.steps.find((x) => x.rule === 'support.review')?.due;
    const reviewed = after(planned, hampshire, [
      ['2025-10-20', 'reviewee', () => ({ type: 'support-plan.review', reviewOn: '2025-10-20', notes: 'Going better' })],
      ['2025-10-21', 'reviewer', () => ({ type: 'support-plan.review', reviewOn: '2025-10-20' })],
    ]);
    expect(of(reviewed, 'support.review', '2025-10-22', hampshire)).toEqual([[point, '2025-10-21']]);
  });

  it('R-DL-1, R-DL-2: the reviewee\'s own rights to go on (written grounds, the Clerk, an appeal about the reviewer) are not the school\'s deadlines: not counted, used or not', () => {
    const valley = policyOf('test-valley');
    // Decided on Monday 6 October 2025: ten working days to appeal, to Monday 20 October.
    const s = after(inCycle('test-valley'), valley, [
      ['2025-10-01', 'reviewee', () => ({ type: 'objection.raise', reasons: 'We work in the same small team' })],
      ['2025-10-06', 'headteacher', () => ({ type: 'objection.decide', upheld: false, reasons: 'No conflict found' })],
      ['2025-10-13', 'reviewee', () => ({ type: 'objection.appeal', grounds: 'Please look again' })],
    ]);
    expect(of(s, 'reviewer-objection.appeal', '2025-10-21', valley)).toEqual([]);
    const unused = after(inCycle('test-valley'), valley, [
      ['2025-10-01', 'reviewee', () => ({ type: 'objection.raise', reasons: 'We work in the same small team' })],
      ['2025-10-06', 'headteacher', () => ({ type: 'objection.decide', upheld: false, reasons: 'No conflict found' })],
    ]);
    expect(of(unused, 'reviewer-objection.appeal', '2025-12-01', valley)).toEqual([]);
    expect(caseDeadlineRules(valley, '2025-09-01')).toEqual(expect.arrayContaining(['appeal.informal', 'appeal.panel-decision']));
    expect(caseDeadlineRules(valley, '2025-09-01').filter((r) => ['appeal.written', 'appeal.to-clerk', 'reviewer-objection.appeal'].includes(r))).toEqual([]);
  });
});
