import { decide, renderStatement } from '../../services/case';
import type { CaseState } from '../../services/case';
import { ACTORS, anObjective, cmd, codeOf, ctxOf, must, PEOPLE, policyOf, sptCaseAt, tryAt } from './case-fixtures';

const spt = policyOf('spt');
const inCycle = () => sptCaseAt('in-cycle').state;

describe('changing the reviewer (R-ROLE-2, R-CYC-5)', () => {
  it('R-ROLE-2: the headteacher hands the case to another manager; the stage and cycle stay, the open steps move', () => {
    const r = tryAt('in-cycle', 'headteacher', { type: 'reviewer.change', newReviewerId: PEOPLE.lineManager, newReviewerName: 'Sam Patel', reason: 'absent' });
    if (!r.ok) throw new Error(r.error.message);
    const before = inCycle();
    expect([r.value.next.stage, r.value.next.cycle, r.value.next.reviewerId, r.value.next.names[PEOPLE.lineManager]]).toEqual(['in-cycle', before.cycle, PEOPLE.lineManager, 'Sam Patel']);
    expect(r.value.next.reviewerHistory).toEqual([expect.objectContaining({ from: PEOPLE.reviewer, to: PEOPLE.lineManager, reason: 'absent' })]);
    const moved = before.steps.find((x) => x.rule === 'step.interim-meeting');
    expect(r.value.effects).toContainEqual({ type: 'cancel', rule: 'step.interim-meeting', occurrence: moved?.occurrence });
    expect(r.value.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.interim-meeting', owner: PEOPLE.lineManager, due: moved?.due }));
    expect(r.value.effects).toContainEqual({ type: 'notify', to: PEOPLE.reviewee, topic: 'reviewer.changed' });
  });

  it.each([
    [PEOPLE.reviewer, 'CASE.NOTHING_TO_DO'],
    [PEOPLE.reviewee, 'CASE.INVALID_INPUT'],
  ])('R-ROLE-1: making %s the reviewer gives %s', (newReviewerId, code) => {
    expect(codeOf(tryAt('in-cycle', 'headteacher', { type: 'reviewer.change', newReviewerId, reason: 'other' }))).toBe(code);
  });

  it('R-STM-2: a change of reviewer leaves signed statements signed', () => {
    const r = tryAt('in-cycle', 'headteacher', { type: 'reviewer.change', newReviewerId: PEOPLE.lineManager, reason: 'unsuitable' });
    expect(r.ok && r.value.next.statements.planning.signatures.every((g) => g.voidedAt === null)).toBe(true);
  });
});

describe('transfers (R-CYC-5)', () => {
  it('R-CYC-5: a transfer the headteacher does not restart keeps the cycle and objectives', () => {
    const r = tryAt('in-cycle', 'headteacher', { type: 'case.transfer', newPost: 'Office manager', restart: false, newLineManagerIds: [PEOPLE.head] });
    expect(r.ok && [r.value.next.stage, r.value.next.objectives.every((o) => o.status === 'active'), r.value.next.lineManagerIds]).toEqual(['in-cycle', true, [PEOPLE.head]]);
  });

  it('R-CYC-5: a restart begins a new cycle from the transfer, keeping every earlier objective version in the record', () => {
    const r = tryAt('in-cycle', 'headteacher', { type: 'case.transfer', newPost: 'Office manager', restart: true }, '2025-11-03');
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.next;
    expect([s.stage, s.cycle.start, s.agreement.status, s.transfers[0]?.restart]).toEqual(['preparation', '2025-11-03', 'drafting', true]);
    expect(s.objectives.every((o) => o.status === 'removed' && o.versions[0]?.reason === 'drafted')).toBe(true);
    expect(s.steps.map((x) => x.rule)).toEqual(['step.planning-meeting']);
    expect(s.statements.planning.signatures.every((g) => g.voidedAt !== null)).toBe(true);
  });
});

describe('holds and endings (R-ELG-1, R-CON-1, R-FIN-2)', () => {
  it('R-ELG-1, R-CON-1: formal capability suspends the case, cancels its reminders and keeps its steps to reopen', () => {
    const before = inCycle();
    const r = must(before, { type: 'case.suspend', reason: 'formal-capability', note: 'Stage 1 meeting held' }, spt, '2025-11-03', 'headteacher');
    expect([r.next.stage, r.next.hold?.from, r.next.steps]).toEqual(['suspended', 'in-cycle', []]);
    expect(r.effects.filter((e) => e.type === 'cancel')).toHaveLength(before.steps.length);
    const resumed = must(r.next, { type: 'case.resume' }, spt, '2026-03-02', 'headteacher').next;
    expect([resumed.stage, resumed.hold]).toEqual(['in-cycle', null]);
    expect(resumed.steps.map((x) => [x.rule, x.due])).toEqual([['step.interim-meeting', '2026-03-31']]);
  });

  it('R-FIN-2: a protected absence pauses the case; steps whose dates passed come back a working week ahead', () => {
    const paused = must(inCycle(), { type: 'case.pause', reason: 'maternity' }, spt, '2025-11-03', 'headteacher').next;
    const back = must(paused, { type: 'case.unpause' }, spt, '2026-06-01', 'headteacher').next;
    expect(back.steps.map((x) => [x.rule, x.due])).toEqual([['step.interim-meeting', '2026-06-08']]);
  });

  it('R-ELG-1: a suspension may end the case instead of resuming it', () => {
    const s = must(sptCaseAt('suspended').state, { type: 'case.close', note: 'Capability concluded' }, spt, '2026-01-05', 'headteacher').next;
    expect([s.stage, s.endedOn, s.hold]).toEqual(['closed', '2026-01-05', null]);
  });

  it('R-ROLE-1: a reviewee who leaves has their case withdrawn; nothing more can happen in it', () => {
    const { state, day } = sptCaseAt('withdrawn');
    expect([state.endedOn, state.steps]).toEqual([day, []]);
    expect(codeOf(decide(state, cmd({ type: 'evidence.add', what: 'Notes' }), ctxOf(spt, day, ACTORS.reviewee)))).toBe('CASE.WRONG_STAGE');
  });

  it('R-DL-1: the case closes only after the time to raise concerns has run', () => {
    const { state } = sptCaseAt('appeal-window');
    const early = decide(state, cmd({ type: 'case.close' }), ctxOf(spt, '2026-10-09', ACTORS.system));
    expect(early.ok ? null : [early.error.code, early.error.message]).toEqual(['CASE.STEP_NOT_READY', 'The time to raise concerns runs until Friday 9 October: the appraisal closes after that.']);
    expect(codeOf(decide(state, cmd({ type: 'case.close' }), ctxOf(spt, '2026-10-12', ACTORS.system)))).toBe('ok');
  });
});

describe('objectives over more than one cycle (R-CYC-6)', () => {
  const carry = { type: 'objectives.carry-forward' as const, fromCycleId: '2024-09-01', objectives: [{ fromObjectiveId: 'obj7', objective: anObjective('Lead the nurture group'), progress: 'Group set up; outcomes next year' }] };

  it('R-CYC-6: an objective carried in keeps where it came from and the progress assessed, on the planning statement', () => {
    const r = tryAt('planning', 'system', carry);
    if (!r.ok) throw new Error(r.error.message);
    const o = r.value.next.objectives[0];
    expect([o?.source, o?.carriedFrom]).toEqual(['carried', { cycleId: '2024-09-01', objectiveId: 'obj7', progress: 'Group set up; outcomes next year' }]);
    expect(renderStatement(r.value.next, 'planning').canonical).toContain('Group set up; outcomes next year');
  });

  it('R-CYC-6: carrying the same objective twice does nothing', () => {
    const s: CaseState = must(sptCaseAt('planning').state, carry, spt, '2025-09-15', 'system').next;
    expect(codeOf(decide(s, cmd(carry), ctxOf(spt, '2025-09-15', ACTORS.system)))).toBe('CASE.NOTHING_TO_DO');
  });
});
