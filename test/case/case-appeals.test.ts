import { decide } from '../../services/case';
import type { CaseCommandInput, CaseRole, CaseState } from '../../services/case';
import { ACTORS, after, cmd, codeOf, ctxOf, must, NOT_RESOLVED, openCommand, PEOPLE, policyOf, SPT_APPEAL_LADDER, SPT_SCRIPT, play, sptCaseAt } from './case-fixtures';
import type { Step } from './case-fixtures';

const spt = policyOf('spt');
const windowOpen = () => sptCaseAt('appeal-window').state;
const raised = () => sptCaseAt('appeal').state;
const attempt = (s: CaseState, raw: CaseCommandInput, role: CaseRole, day: string, policy = spt) => decide(s, cmd(raw), ctxOf(policy, day, ACTORS[role]));
const appealOf = (s: CaseState) => s.appeals[s.appeals.length - 1];
const notOk = NOT_RESOLVED;

// The spt cycle's review statement is signed on Friday 25 September 2026; every date below follows from
// the policy's working-day rules (R-DL-1).
const LADDER = SPT_APPEAL_LADDER;

describe('the appeal ladder (R-DL-1)', () => {
  it('R-DL-1: concerns are raised within 10 working days of receiving the statement; the reviewer and head are told', () => {
    const s = raised();
    expect([s.stage, appealOf(s)?.step, appealOf(s)?.due]).toEqual(['appeal', 'informal', '2026-10-09']);
    const r = must(windowOpen(), { type: 'appeal.raise', statement: 'review', grounds: 'Unfair' }, spt, '2026-09-28', 'reviewee');
    expect(r.effects.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && e.to)).toEqual([PEOPLE.reviewer, PEOPLE.head]);
  });

  it('R-DL-1: after the window has closed, concerns are refused with the date it closed', () => {
    const r = attempt(windowOpen(), { type: 'appeal.raise', statement: 'review', grounds: 'Unfair' }, 'reviewee', '2026-10-12');
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['CASE.DEADLINE_PASSED', 'The time to raise concerns about this statement ended on Friday 9 October.']);
  });

  it('R-DL-1: each step of the ladder has its own deadline from the policy and names who acts next', () => {
    const seen: [string, string | null | undefined, string | undefined][] = [];
    let s = raised();
    for (const [day, role, make] of LADDER) {
      const r = must(s, make(s), spt, day, role);
      s = r.next;
      const owner = r.effects.find((e) => e.type === 'schedule');
      seen.push([appealOf(s)?.step ?? '', appealOf(s)?.due, owner?.type === 'schedule' ? owner.owner : undefined]);
    }
    expect(seen).toEqual([
      ['written', '2026-10-15', PEOPLE.reviewee],
      ['reviewer-meeting', '2026-10-12', PEOPLE.reviewer],
      ['head-hearing', '2026-10-23', PEOPLE.head],
      ['clerk', '2026-11-03', PEOPLE.reviewee],
      ['panel-hearing', '2026-11-23', PEOPLE.clerk],
      ['panel-decision', '2026-11-18', PEOPLE.clerk],
      ['finished', null, undefined],
    ]);
    expect([s.stage, appealOf(s)?.result, s.steps]).toEqual(['closed', 'dismissed', []]);
    expect(appealOf(s)?.history.map((h) => h.step)).toEqual(['informal', 'written', 'reviewer-meeting', 'head-hearing', 'clerk', 'panel-hearing', 'panel-decision']);
  });

  it('R-DL-1: written grounds after their deadline are refused', () => {
    const s = after(raised(), spt, LADDER.slice(0, 1));
    expect(codeOf(attempt(s, { type: 'appeal.written', grounds: 'Late' }, 'reviewee', '2026-10-16'))).toBe('CASE.DEADLINE_PASSED');
  });

  it('R-DL-1: a command for another step of the ladder is refused', () => {
    expect(codeOf(attempt(raised(), { type: 'appeal.to-clerk', grounds: 'Skip ahead' }, 'reviewee', '2026-09-29'))).toBe('CASE.STEP_NOT_READY');
  });

  it('R-DL-1: an appeal resolved informally ends there, and the case closes', () => {
    const s = must(raised(), { type: 'appeal.informal-outcome', outcome: 'Rating corrected to met', resolved: true }, spt, '2026-09-30', 'reviewer').next;
    expect([s.stage, appealOf(s)?.result, appealOf(s)?.history[0]?.text]).toEqual(['closed', 'resolved', 'Rating corrected to met']);
  });

  it('R-DL-1: when the headteacher is the reviewer, the next step after the reviewer’s outcome is the Clerk', () => {
    const policy = spt;
    const script = SPT_SCRIPT.map(([day, role, make]): Step => [day, role === 'reviewer' ? 'headteacher' : role, make]);
    const states = play(policy, script, openCommand({ reviewerId: PEOPLE.head }));
    const signed = states[states.length - 1]!.state;
    const s = after(signed, policy, [
      ['2026-09-28', 'reviewee', () => ({ type: 'appeal.raise', statement: 'review', grounds: 'Unfair' })],
      ['2026-10-01', 'headteacher', () => ({ type: 'appeal.informal-outcome', ...notOk })],
      ['2026-10-05', 'reviewee', () => ({ type: 'appeal.written', grounds: 'As before' })],
      ['2026-10-09', 'headteacher', () => ({ type: 'appeal.reviewer-outcome', ...notOk })],
    ]);
    expect(appealOf(s)?.step).toBe('clerk');
  });

  it('R-DL-1: concerns about the planning statement go back to the cycle when settled', () => {
    const s = after(sptCaseAt('in-cycle').state, spt, [
      ['2025-09-29', 'reviewee', () => ({ type: 'appeal.raise', statement: 'planning', grounds: 'Objective 1 is too much' })],
      ['2025-10-01', 'reviewer', () => ({ type: 'appeal.informal-outcome', outcome: 'Timescale eased', resolved: true })],
    ]);
    expect([s.stage, appealOf(s)?.statement, appealOf(s)?.result]).toEqual(['in-cycle', 'planning', 'resolved']);
  });

  it('R-DL-1: the reviewee may withdraw an appeal at any step', () => {
    const s = must(raised(), { type: 'appeal.withdraw' }, spt, '2026-09-29', 'reviewee').next;
    expect([s.stage, appealOf(s)?.result]).toEqual(['closed', 'withdrawn']);
  });
});

describe('objection to the reviewer (R-DL-2, R-ROLE-2)', () => {
  const objected = (policy = spt) => must(sptCaseAt('in-cycle').state, { type: 'objection.raise', reasons: 'We share a household' }, policy, '2025-10-01', 'reviewee');

  it('R-DL-2: a written objection goes to the headteacher with a step to decide it', () => {
    const r = objected();
    expect(r.effects).toContainEqual({ type: 'notify', to: PEOPLE.head, topic: 'objection.raised' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.objection-decision', owner: PEOPLE.head, due: '2025-10-15' }));
    expect(codeOf(attempt(r.next, { type: 'objection.raise', reasons: 'Again' }, 'reviewee', '2025-10-02'))).toBe('CASE.NOTHING_TO_DO');
  });

  it('R-DL-2, R-ROLE-2, R-CYC-5: an upheld objection names a new reviewer, who takes over the open steps; the cycle carries on', () => {
    const s = objected().next;
    expect(codeOf(attempt(s, { type: 'objection.decide', upheld: true, reasons: 'Conflict' }, 'headteacher', '2025-10-03'))).toBe('CASE.INVALID_INPUT');
    const r = must(s, { type: 'objection.decide', upheld: true, newReviewerId: PEOPLE.lineManager, reasons: 'Conflict of interest' }, spt, '2025-10-03', 'headteacher');
    expect([r.next.stage, r.next.reviewerId, r.next.cycle.start]).toEqual(['in-cycle', PEOPLE.lineManager, s.cycle.start]);
    expect(r.next.steps.find((x) => x.rule === 'step.interim-meeting')?.owner).toBe(PEOPLE.lineManager);
  });

  it('R-DL-2: under test-valley a refusal can be appealed to the Clerk within 10 working days', () => {
    const tv = policyOf('test-valley');
    const s = must(objected(tv).next, { type: 'objection.decide', upheld: false, reasons: 'No conflict found' }, tv, '2025-10-03', 'headteacher');
    expect(s.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'reviewer-objection.appeal', due: '2025-10-17', owner: PEOPLE.reviewee }));
    expect(codeOf(attempt(s.next, { type: 'objection.appeal', grounds: 'Late' }, 'reviewee', '2025-10-20', tv))).toBe('CASE.DEADLINE_PASSED');
    const appealed = must(s.next, { type: 'objection.appeal', grounds: 'Please look again' }, tv, '2025-10-10', 'reviewee');
    expect(appealed.effects).toContainEqual({ type: 'notify', to: PEOPLE.clerk, topic: 'objection.appealed' });
    const done = must(appealed.next, { type: 'objection.appeal-decide', upheld: true, newReviewerId: PEOPLE.lineManager, reasons: 'Better to change' }, tv, '2025-10-15', 'clerk').next;
    expect([done.reviewerId, done.objections[0]?.status]).toEqual([PEOPLE.lineManager, 'final']);
  });

  it('R-DL-2: under spt the headteacher’s decision on the reviewer is final', () => {
    const s = must(objected().next, { type: 'objection.decide', upheld: false, reasons: 'No conflict found' }, spt, '2025-10-03', 'headteacher').next;
    expect(s.objections[0]?.status).toBe('final');
    const r = attempt(s, { type: 'objection.appeal', grounds: 'Please' }, 'reviewee', '2025-10-06');
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['CASE.NOT_APPLICABLE', 'Under your school’s policy the headteacher’s decision on the reviewer is final.']);
  });
});
