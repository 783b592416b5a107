import { decide } from '../../services/case';
import { ACTORS, after, cmd, codeOf, ctxOf, must, openCommand, PEOPLE, policyOf, sptCaseAt, tryAt } from './case-fixtures';

const spt = policyOf('spt');
const open = (over = {}, preset = 'spt', day = '2025-09-08') => decide(null, cmd(openCommand(over)), ctxOf(policyOf(preset), day, ACTORS.headteacher));

describe('opening a case', () => {
  it('R-CYC-1, R-CYC-2: a case opens in preparation, in the policy’s cycle, and asks the reviewer to set the planning meeting', () => {
    const r = open();
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.next;
    expect([s.stage, s.cycleId, s.cycle.start, s.cycle.end, s.cycle.objectiveLimit]).toEqual(['preparation', '2025-09-01', '2025-09-01', '2026-08-31', 6]);
    expect(s.cycle.phases.map((p) => p.name)).toEqual(['planning', 'interim', 'final']);
    expect(r.value.effects).toEqual([
      { type: 'notify', to: PEOPLE.reviewee, topic: 'case.opened' },
      { type: 'notify', to: PEOPLE.reviewer, topic: 'meeting.arrange' },
      { type: 'schedule', rule: 'step.planning-meeting', occurrence: 'reviewer-1', due: '2025-10-31', owner: PEOPLE.reviewer, stepTitle: 'planning meeting date' },
      { type: 'audit', action: 'case.open' },
    ]);
    expect(r.value.event).toMatchObject({ seq: 1, type: 'case.open', by: PEOPLE.head, from: null, to: 'preparation' });
  });

  it.each([
    ['formal capability', { status: 'formal-capability' }],
    ['a contract shorter than a term', { contractEnd: '2025-10-10' }],
  ])('R-ELG-1: a person under %s is not put in the scheme', (_why, over) => {
    expect(codeOf(open(over))).toBe('CASE.NOT_ELIGIBLE');
  });

  it('R-CYC-4, R-OBJ-1: a test-valley joiner in September gets the reduced number of objectives', () => {
    const r = open({ start: '2025-09-15' }, 'test-valley', '2025-09-15');
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.next.cycle.reducedObjectives, r.value.next.cycle.objectiveLimit]).toEqual([true, policyOf('test-valley').reducedObjectiveLimit]);
  });

  it('R-CYC-2: a second open of the same case is refused, and a command on no case is not found', () => {
    const { state } = sptCaseAt('preparation');
    expect(codeOf(decide(state, cmd(openCommand()), ctxOf(spt, '2025-09-08', ACTORS.headteacher)))).toBe('CASE.ALREADY_OPEN');
    expect(codeOf(decide(null, cmd({ type: 'objectives.propose' }), ctxOf(spt, '2025-09-08', ACTORS.reviewer)))).toBe('CASE.NOT_FOUND');
  });

  it('R-ROLE-1: nobody is opened as their own reviewer', () => {
    expect(codeOf(open({ reviewerId: PEOPLE.reviewee }))).toBe('CASE.INVALID_INPUT');
  });
});

describe('preparation: the meeting and its papers (R-DL-3)', () => {
  it('R-DL-3: spt papers go 5 working days before the meeting, so a meeting 4 working days away is refused with the earliest date', () => {
    const r = tryAt('preparation', 'reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-12' });
    expect(r).toEqual({ ok: false, error: { code: 'CASE.NOTICE_TOO_SHORT', message: 'The papers must go 5 working days before the meeting. The earliest date you can choose is Monday 15 September.', fields: { date: 'must be on or after 2025-09-15' } } });
  });

  it('R-DL-3, R-SA-1: setting the meeting moves to planning, tells the reviewee and asks for the self-assessment the working day before', () => {
    const r = tryAt('preparation', 'reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-15' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.next.stage).toBe('planning');
    expect(r.value.next.meetings.planning).toMatchObject({ date: '2025-09-15', papersDue: '2025-09-08' });
    expect(r.value.effects.filter((e) => e.type !== 'audit')).toEqual([
      { type: 'cancel', rule: 'step.planning-meeting', occurrence: 'reviewer-1' },
      { type: 'notify', to: PEOPLE.reviewee, topic: 'meeting.scheduled', due: '2025-09-15' },
      { type: 'schedule', rule: 'step.self-assessment', occurrence: 'planning-2', due: '2025-09-12', owner: PEOPLE.reviewee, stepTitle: 'self-assessment' },
    ]);
  });

  it('R-SA-1: moving the meeting after the self-assessment is in does not ask for it again', () => {
    const s = after(sptCaseAt('planning').state, policyOf('spt'), [['2025-09-15', 'reviewee', () => ({ type: 'self-assessment.submit', meeting: 'planning' })]]);
    const r = must(s, { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-29' }, policyOf('spt'), '2025-09-16', 'reviewer');
    expect([r.next.meetings.planning?.date, r.effects.filter((e) => e.type === 'schedule')]).toEqual(['2025-09-29', []]);
  });

  it('R-DL-3: a policy without a notice rule (test-valley) accepts a meeting tomorrow', () => {
    const tv = policyOf('test-valley');
    const s = must(null, openCommand({ start: '2025-03-03' }), tv, '2025-03-03', 'headteacher').next;
    expect(must(s, { type: 'meeting.schedule', meeting: 'planning', date: '2025-03-04' }, tv, '2025-03-03', 'reviewer').next.stage).toBe('planning');
  });

  it('R-CYC-2: a meeting date in the past is refused with the field', () => {
    const r = tryAt('preparation', 'reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2025-09-01' });
    expect(r.ok ? null : r.error.fields).toEqual({ date: 'must be today or later' });
  });

  it('R-CYC-2: the final meeting cannot be set at the planning stage', () => {
    expect(codeOf(tryAt('planning', 'reviewer', { type: 'meeting.schedule', meeting: 'final', date: '2025-10-20' }))).toBe('CASE.STEP_NOT_READY');
  });
});

describe('self-assessment (R-SA-1)', () => {
  const form = { type: 'self-assessment.submit' as const, meeting: 'planning' as const, items: [{ area: 'conduct' as const, title: 'Respect', rating: 'met', comment: 'Yes' }], wellbeing: { disability: 'no' as const, adjustmentsNeeded: 'yes' as const, details: 'Chair' } };

  it('R-SA-1: a rating outside the policy’s scale is refused with the field named', () => {
    const r = tryAt('planning', 'reviewee', { ...form, items: [{ ...form.items[0]!, rating: 'brilliant' }] });
    expect(r.ok ? null : [r.error.code, r.error.fields]).toEqual(['CASE.INVALID_INPUT', { 'items.0.rating': 'must be one of exceeds, met, not-met' }]);
  });

  it('R-SA-1: the reviewee’s form is kept with its wellbeing answers, closes the step and tells the reviewer', () => {
    const r = tryAt('planning', 'reviewee', form);
    if (!r.ok) throw new Error(r.error.message);
    const sa = r.value.next.selfAssessments.find((a) => a.meeting === 'planning');
    expect(sa?.employee.wellbeing).toEqual({ disability: 'no', circumstancesChanged: 'prefer-not-to-say', adjustmentsNeeded: 'yes', details: 'Chair', supportWanted: '' });
    expect(r.value.effects).toContainEqual({ type: 'notify', to: PEOPLE.reviewer, topic: 'self-assessment.submitted' });
  });

  const withForm = () => after(sptCaseAt('planning').state, spt, [['2025-09-15', 'reviewee', () => form]]);
  const review = (items: { index: number; rating: string; agreedRating?: string; comment?: string }[]) =>
    decide(withForm(), cmd({ type: 'self-assessment.review', meeting: 'planning', items }), ctxOf(spt, '2025-09-15', ACTORS.reviewer));

  it('R-SA-1: the manager adds their rating and the agreed rating per item', () => {
    const r = review([{ index: 0, rating: 'exceeds', agreedRating: 'met', comment: 'Strong' }]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.next.selfAssessments[0]?.manager?.items).toEqual([{ index: 0, rating: 'exceeds', agreedRating: 'met', comment: 'Strong', general: '' }]);
  });

  it('R-SA-1: the manager’s side needs the reviewee’s form first, and items that exist', () => {
    expect(codeOf(tryAt('planning', 'reviewer', { type: 'self-assessment.review', meeting: 'planning', items: [] }))).toBe('CASE.STEP_NOT_READY');
    expect(codeOf(review([{ index: 4, rating: 'met' }]))).toBe('CASE.INVALID_INPUT');
    expect(codeOf(review([{ index: 0, rating: 'met', agreedRating: 'superb' }]))).toBe('CASE.INVALID_INPUT');
  });

  it('R-SA-1: the form belongs to the meeting of the stage', () => {
    expect(codeOf(tryAt('planning', 'reviewee', { ...form, meeting: 'final' }))).toBe('CASE.STEP_NOT_READY');
  });
});
