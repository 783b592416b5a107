import { decide, parseCaseState } from '../../services/case';
import type { CaseState, ClosedStep } from '../../services/case';
import { CLOSED_STEPS_KEPT, createDraft } from '../../services/case/case-draft';
import { ACTORS, after, cmd, ctxOf, must, NOT_RESOLVED, PEOPLE, policyOf, SPT_APPEAL_LADDER, sptCaseAt } from './case-fixtures';
import type { Step } from './case-fixtures';

// A case keeps the steps that closed and how: done when the step's work was recorded, set aside when something
// else closed it. The spt review statement is signed on Friday 25 September 2026 and the appeal raised on Monday
// 28 September; the due dates below are the ones the appeal tests work out from R-DL-1.

const spt = policyOf('spt');
const notOk = NOT_RESOLVED;
const appealId = (s: CaseState): string => s.appeals[s.appeals.length - 1]?.id ?? 'none';
const closed = (s: CaseState, from: CaseState): ClosedStep[] => s.closedSteps.slice(from.closedSteps.length);
const brief = (xs: readonly ClosedStep[]) => xs.map((x) => [x.rule, x.due, x.closedOn, x.how]);

const LADDER = SPT_APPEAL_LADDER;

describe('steps that closed (R-RPT-1, R-DL-1)', () => {
  it('R-DL-1: raising concerns uses the time to raise them: that step is done on the day', () => {
    const { state } = sptCaseAt('appeal');
    expect(brief(state.closedSteps.filter((x) => x.key === 'window'))).toEqual([['appeal.informal', '2026-10-09', '2026-09-28', 'done']]);
  });

  it('R-DL-1, R-RPT-1: each step of the appeal ladder is kept once as done, with its due date and the day its outcome was recorded', () => {
    const raised = sptCaseAt('appeal').state;
    const s = after(raised, spt, LADDER);
    const id = appealId(s);
    expect(closed(s, raised).filter((x) => x.key === id).map((x) => [x.rule, x.due, x.closedOn, x.how])).toEqual([
      ['appeal.informal', '2026-10-09', '2026-10-01', 'done'],
      ['appeal.written', '2026-10-15', '2026-10-05', 'done'],
      ['appeal.reviewer-confirm', '2026-10-12', '2026-10-09', 'done'],
      ['appeal.headteacher-outcome', '2026-10-23', '2026-10-20', 'done'],
      ['appeal.to-clerk', '2026-11-03', '2026-10-26', 'done'],
      ['appeal.panel-hearing', '2026-11-23', '2026-11-02', 'done'],
      ['appeal.panel-decision', '2026-11-18', '2026-11-16', 'done'],
    ]);
    expect(new Set(s.closedSteps.map((x) => x.occurrence)).size).toBe(s.closedSteps.length);
  });

  it('R-DL-1: a late outcome is kept as done on the day it was recorded, after its due date', () => {
    const raised = sptCaseAt('appeal').state;
    const s = must(raised, { type: 'appeal.informal-outcome', ...notOk }, spt, '2026-10-14', 'reviewer').next;
    expect(brief(closed(s, raised))).toEqual([['appeal.informal', '2026-10-09', '2026-10-14', 'done']]);
  });

  it('R-DL-1: a withdrawn appeal sets its open step aside; the steps done before it stay done', () => {
    const raised = sptCaseAt('appeal').state;
    const s = after(raised, spt, [
      ['2026-10-01', 'reviewer', () => ({ type: 'appeal.informal-outcome', ...notOk })],
      ['2026-10-07', 'reviewee', () => ({ type: 'appeal.withdraw', note: 'I have talked it through with my reviewer' })],
    ]);
    expect(brief(closed(s, raised).filter((x) => x.key === appealId(s)))).toEqual([
      ['appeal.informal', '2026-10-09', '2026-10-01', 'done'],
      ['appeal.written', '2026-10-15', '2026-10-07', 'set-aside'],
    ]);
    expect([s.stage, s.steps]).toEqual(['closed', []]);
  });

  it('R-ROLE-2: a step opened again under the same key (a new reviewer takes it over) sets the old one aside; the new one is open', () => {
    const { state, day } = sptCaseAt('in-cycle');
    const before = state.steps.filter((x) => x.owner === PEOPLE.reviewer);
    expect(before.length).toBeGreaterThan(0);
    const s = must(state, { type: 'reviewer.change', newReviewerId: PEOPLE.other, newReviewerName: 'Quinn Harper', reason: 'absent' }, spt, day, 'headteacher').next;
    expect(closed(s, state).map((x) => [x.rule, x.key, x.occurrence, x.due, x.closedOn, x.how])).toEqual(before.map((x) => [x.rule, x.key, x.occurrence, x.due, day, 'set-aside']));
    const reopened = s.steps.filter((x) => before.some((b) => b.rule === x.rule && b.key === x.key));
    expect(reopened.map((x) => [x.rule, x.due, x.owner])).toEqual(before.map((x) => [x.rule, x.due, PEOPLE.other]));
    expect(reopened.some((x) => before.some((b) => b.occurrence === x.occurrence))).toBe(false);
  });

  it.each([
    ['R-FIN-2: a pause', { type: 'case.pause', reason: 'maternity' }],
    ['R-ELG-1: a suspension', { type: 'case.suspend', reason: 'formal-capability' }],
    ['R-RPT-1: the reviewee leaving the school', { type: 'case.withdraw', leftOn: '2025-10-31' }],
  ] as const)('%s sets every open step aside on its day', (_what, command) => {
    const { state } = sptCaseAt('in-cycle');
    const s = must(state, command, spt, '2025-11-03', 'headteacher').next;
    expect(state.steps.length).toBeGreaterThan(0);
    expect(closed(s, state).map((x) => [x.occurrence, x.closedOn, x.how])).toEqual(state.steps.map((x) => [x.occurrence, '2025-11-03', 'set-aside']));
    expect(s.steps).toEqual([]);
  });

  it.each([
    ['review.finalise with no comment from the reviewee sets the time for comments aside', [] as Step[], 'set-aside'],
    ['review.finalise after the reviewee commented counts the time for comments as used', [['2026-09-23', 'reviewee', () => ({ type: 'statement.comment', statement: 'review', text: 'Please note the staffing gap' })]] as Step[], 'done'],
  ])('R-STM-1: %s', (_what, first, how) => {
    const { state } = sptCaseAt('review-draft');
    const s = after(state, spt, [...first, ['2026-09-24', 'reviewer', () => ({ type: 'review.finalise' })]]);
    expect(brief(closed(s, state).filter((x) => x.rule === 'step.draft-comments')).map((x) => x[3])).toEqual([how]);
  });

  it('R-SA-1: a self-assessment never sent is set aside when the interim review is recorded, not done', () => {
    const { state } = sptCaseAt('interim');
    expect(state.steps.some((x) => x.rule === 'step.self-assessment' && x.key === 'interim')).toBe(true);
    const s = must(state, { type: 'interim.record', progress: state.objectives.map((o) => ({ objectiveId: o.id, comment: 'On track' })), finalReviewDate: '2026-09-21' }, spt, '2026-02-23', 'reviewer').next;
    expect(closed(s, state).filter((x) => x.rule === 'step.self-assessment').map((x) => [x.key, x.how])).toEqual([['interim', 'set-aside']]);
  });

  it('R-RPT-1: the day a step closed is the London day of the decision, from its context, not the clock', () => {
    const raised = sptCaseAt('appeal').state;
    // 23:30 UTC on 1 October is 00:30 on Friday 2 October in London.
    const r = decide(raised, cmd({ type: 'appeal.informal-outcome', ...notOk }), { ...ctxOf(spt, '2026-10-02', ACTORS.reviewer), now: '2026-10-01T23:30:00.000Z' });
    if (!r.ok) throw new Error(r.error.message);
    expect(closed(r.value.next, raised).map((x) => x.closedOn)).toEqual(['2026-10-02']);
  });

  it('R-CYC-2: a case stored before closed steps were kept still parses, with none', () => {
    const { state } = sptCaseAt('appeal');
    const { closedSteps: _kept, ...older } = JSON.parse(JSON.stringify(state)) as CaseState;
    expect(parseCaseState(older)).toEqual({ ...state, closedSteps: [] });
    expect(parseCaseState(JSON.parse(JSON.stringify(state))).closedSteps).toEqual(state.closedSteps);
  });

  it(`R-RPT-1: a case keeps at most ${CLOSED_STEPS_KEPT} closed steps, dropping one set aside before any done`, () => {
    const { state, day } = sptCaseAt('appeal');
    const step = (n: number, how: ClosedStep['how']): ClosedStep => ({ rule: 'step.sign-planning', key: 'reviewer', occurrence: `old-${n}`, due: '2025-10-01', closedOn: '2025-09-25', how });
    const full = Array.from({ length: CLOSED_STEPS_KEPT }, (_, n) => step(n, n === 40 ? 'set-aside' : 'done'));
    const closeOne = (closedSteps: ClosedStep[]) => {
      const d = createDraft({ ...state, closedSteps }, ctxOf(spt, day, ACTORS.reviewer));
      d.close('appeal.informal');
      return d.s.closedSteps;
    };
    const kept = closeOne(full);
    expect(kept).toHaveLength(CLOSED_STEPS_KEPT);
    expect(kept.some((x) => x.occurrence === 'old-40')).toBe(false);
    expect(kept[kept.length - 1]?.rule).toBe('appeal.informal');
    const allDone = closeOne(full.map((x) => ({ ...x, how: 'done' as const })));
    expect(allDone.map((x) => x.occurrence).slice(0, 2)).toEqual(['old-1', 'old-2']);
  });
});
