import { decide, evidenceInputSchema, isFullySigned, renderStatement } from '../../services/case';
import type { CaseState } from '../../services/case';
import { ACTORS, after, anObjective, cmd, codeOf, ctxOf, firstObjective, must, PEOPLE, policyOf, sign, sptCaseAt, tryAt } from './case-fixtures';

const spt = policyOf('spt');
const inCycle = () => sptCaseAt('in-cycle').state;
const obsId = (s: CaseState): string => s.observations[0]?.id ?? 'none';
const planned = (): CaseState => must(inCycle(), { type: 'observation.plan', observerId: PEOPLE.reviewer, date: '2025-10-01', context: 'Year 4 reading group', term: 'Autumn', focus: 'Questioning' }, spt, '2025-09-26', 'reviewer').next;

describe('observations (R-OBS-1, R-DL-4)', () => {
  it('R-DL-4: an observation is agreed in advance, never for today', () => {
    expect(codeOf(tryAt('in-cycle', 'reviewer', { type: 'observation.plan', observerId: PEOPLE.reviewer, date: '2025-09-25', context: 'Hall', focus: 'Routines' }))).toBe('CASE.NOTICE_TOO_SHORT');
  });

  it('R-OBS-1: the plan records context, term, focus and observer, and tells the reviewee the date', () => {
    const s = planned();
    expect(s.observations[0]).toMatchObject({ observerId: PEOPLE.reviewer, date: '2025-10-01', context: 'Year 4 reading group', term: 'Autumn', focus: 'Questioning', heldOn: null });
    expect(s.steps).toContainEqual(expect.objectContaining({ rule: 'step.observation', owner: PEOPLE.reviewer, due: '2025-10-01' }));
  });

  it.each([
    ['spt', '2025-10-02', '2025-10-03'],
    ['hampshire-model', '2025-10-08', '2025-10-10'],
  ])('R-DL-4: under %s, feedback on an observation held on Wednesday 1 October is due verbally by %s and in writing by %s', (preset, verbal, written) => {
    const r = decide(planned(), cmd({ type: 'observation.record', observationId: obsId(planned()), heldOn: '2025-10-01', notes: 'Calm start' }), ctxOf(policyOf(preset), '2025-10-01', ACTORS.reviewer));
    if (!r.ok) throw new Error(r.error.message);
    const due = (rule: string) => r.value.effects.find((e) => e.type === 'schedule' && e.rule === rule);
    expect([due('observation.verbal-feedback'), due('observation.written-feedback')]).toEqual([
      expect.objectContaining({ due: verbal, owner: PEOPLE.reviewer }),
      expect.objectContaining({ due: written, owner: PEOPLE.reviewer }),
    ]);
  });

  it('R-DL-4: a policy without feedback rules (test-valley) schedules no feedback deadline', () => {
    const r = decide(planned(), cmd({ type: 'observation.record', observationId: obsId(planned()), heldOn: '2025-10-01' }), ctxOf(policyOf('test-valley'), '2025-10-01', ACTORS.reviewer));
    expect(r.ok && r.value.effects.filter((e) => e.type === 'schedule')).toEqual([]);
  });

  it('R-OBS-1: feedback needs the observation recorded first, and closes its deadline', () => {
    const id = obsId(planned());
    expect(codeOf(decide(planned(), cmd({ type: 'observation.feedback', observationId: id, kind: 'verbal', text: 'Good pace' }), ctxOf(spt, '2025-10-01', ACTORS.reviewer)))).toBe('CASE.STEP_NOT_READY');
    const held = must(planned(), { type: 'observation.record', observationId: id, heldOn: '2025-10-01' }, spt, '2025-10-01', 'reviewer').next;
    const r = must(held, { type: 'observation.feedback', observationId: id, kind: 'verbal', text: 'Good pace', actions: 'Try cold calling' }, spt, '2025-10-02', 'reviewer');
    expect(r.next.observations[0]?.verbal).toMatchObject({ text: 'Good pace', actions: 'Try cold calling' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'cancel', rule: 'observation.verbal-feedback' }));
    expect(r.next.steps.map((x) => x.rule)).toContain('observation.written-feedback');
  });

  it('R-OBS-1: an observation that is not in the plan cannot be recorded', () => {
    expect(codeOf(tryAt('in-cycle', 'reviewer', { type: 'observation.record', observationId: 'obs99', heldOn: '2025-09-25' }))).toBe('CASE.INVALID_INPUT');
  });
});

describe('evidence (R-EVD-1)', () => {
  it('R-EVD-1: evidence is referenced against an objective, with what, who, when and where', () => {
    const r = tryAt('in-cycle', 'reviewee', (s) => ({ type: 'evidence.add', objectiveId: firstObjective(s), what: 'Reading ages', who: 'English lead', when: 'Each half term', link: 'https://example.org/reading' }));
    expect(r.ok && r.value.next.evidence[0]).toMatchObject({ what: 'Reading ages', who: 'English lead', when: 'Each half term', link: 'https://example.org/reading', by: PEOPLE.reviewee });
  });

  it('R-EVD-1: a link must be a web address, and the objective must exist', () => {
    expect(evidenceInputSchema.safeParse({ what: 'Notes', link: 'not a link' }).success).toBe(false);
    expect(codeOf(tryAt('in-cycle', 'reviewee', { type: 'evidence.add', objectiveId: 'obj99', what: 'Notes' }))).toBe('CASE.INVALID_INPUT');
  });
});

describe('the interim review (R-INT-1, R-OBJ-5)', () => {
  const interim = () => sptCaseAt('interim').state;
  const record = (s: CaseState, objectiveIds: string[], finalReviewDate = '2026-09-21') =>
    decide(s, cmd({ type: 'interim.record', progress: objectiveIds.map((objectiveId) => ({ objectiveId, comment: 'On track', update: 'Two sessions added' })), supportSoFar: 'Phonics course done', changesNeeded: 'None', finalReviewDate }), ctxOf(spt, '2026-02-23', ACTORS.reviewer));

  it('R-INT-1: progress is needed on every objective', () => {
    const r = record(interim(), [firstObjective(interim())]);
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['CASE.INVALID_INPUT', 'Please add progress for every objective: “Learn Makaton”.']);
  });

  it('R-INT-1: the interim review records progress, support so far and the final review date, and asks for its papers in time', () => {
    const r = record(interim(), interim().objectives.map((o) => o.id));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.next.stage).toBe('in-cycle');
    expect(r.value.next.interim).toMatchObject({ supportSoFar: 'Phonics course done', finalReviewDate: '2026-09-21' });
    expect(r.value.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.final-meeting', due: '2026-09-14' }));
  });

  it('R-INT-1: the final review date has to be ahead', () => {
    expect(codeOf(record(interim(), interim().objectives.map((o) => o.id), '2026-02-20'))).toBe('CASE.INVALID_INPUT');
  });

  it('R-CYC-2: the final review cannot be arranged before the interim review is recorded', () => {
    expect(codeOf(tryAt('in-cycle', 'reviewer', { type: 'meeting.schedule', meeting: 'final', date: '2025-10-20' }))).toBe('CASE.STEP_NOT_READY');
  });

  it('R-OBJ-5, R-STM-2: revising an objective keeps the old version, voids the planning signatures and asks both to sign again', () => {
    const s = interim();
    expect(isFullySigned(s, 'planning')).toBe(true);
    const id = firstObjective(s);
    const r = must(s, { type: 'objective.revise', objectiveId: id, objective: anObjective('Run two reading groups'), reason: 'A second group started' }, spt, '2026-02-23', 'reviewer');
    const o = r.next.objectives.find((x) => x.id === id);
    expect(o?.versions.map((v) => v.headline)).toEqual(['Run the reading catch-up group', 'Run two reading groups']);
    expect(o?.versions[1]?.reason).toBe('revised at the interim review: A second group started');
    expect(isFullySigned(r.next, 'planning')).toBe(false);
    expect(r.next.statements.planning.signatures.every((g) => g.voidedAt !== null)).toBe(true);
    expect(r.effects.filter((e) => e.type === 'schedule' && e.rule === 'step.sign-planning').map((e) => e.type === 'schedule' && e.owner)).toEqual([PEOPLE.reviewee, PEOPLE.reviewer]);
    const resigned = after(r.next, spt, [['2026-02-24', 'reviewee', sign('planning')], ['2026-02-24', 'reviewer', sign('planning')]]);
    expect([isFullySigned(resigned, 'planning'), resigned.stage]).toEqual([true, 'interim']);
  });
});

describe('concerns and support (R-CON-1, R-SUP-1, R-DL-6)', () => {
  it('R-CON-1: a concern raised by a line manager is recorded and the headteacher and reviewer are told', () => {
    const r = tryAt('in-cycle', 'line-manager', { type: 'concern.raise', level: 'coaching-mentoring', summary: 'Needs help with behaviour routines' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.next.concerns[0]).toMatchObject({ level: 'coaching-mentoring', by: PEOPLE.lineManager });
    expect(r.value.effects.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && e.to)).toEqual([PEOPLE.head, PEOPLE.reviewer, PEOPLE.reviewee]);
  });

  const plan = { type: 'support-plan.set' as const, items: [{ area: 'Behaviour routines', actions: 'Shadow the pastoral lead', actionDate: '2025-10-20', measures: 'Calm transitions' }] };

  it.each([
    ['hampshire-model', 'support.review', '2025-10-23'],
    ['spt', 'step.support-review', '2025-10-20'],
  ])('R-SUP-1, R-DL-6: under %s the support plan’s review point is %s due %s', (preset, rule, due) => {
    const r = decide(inCycle(), cmd(plan), ctxOf(policyOf(preset), '2025-09-25', ACTORS.reviewer));
    expect(r.ok && r.value.next.steps.find((x) => x.key === 'plan')).toMatchObject({ rule, due, owner: PEOPLE.reviewer });
  });

  it('R-SUP-1: each review is signed by employee and manager; completion is recorded once both have signed', () => {
    const s = must(inCycle(), plan, spt, '2025-09-25', 'reviewer').next;
    const itemId = s.supportPlan?.items[0]?.id ?? '';
    const review = { type: 'support-plan.review' as const, reviewOn: '2025-10-20', progress: [{ itemId, progress: 'Much calmer' }], completed: true };
    const one = must(s, review, spt, '2025-10-20', 'reviewer');
    expect(one.effects).toContainEqual({ type: 'notify', to: PEOPLE.reviewee, topic: 'support-plan.review-to-sign' });
    expect(one.next.supportPlan?.completedOn).toBeNull();
    expect(codeOf(decide(one.next, cmd(review), ctxOf(spt, '2025-10-20', ACTORS.reviewer)))).toBe('CASE.NOTHING_TO_DO');
    const both = must(one.next, { ...review, completed: false }, spt, '2025-10-21', 'reviewee').next;
    expect(both.supportPlan?.reviews[0]).toMatchObject({ employeeSignedAt: '2025-10-21T10:00:00.000Z', managerSignedAt: '2025-10-20T10:00:00.000Z' });
    expect(both.supportPlan?.items[0]?.progress).toBe('Much calmer');
  });

  it('R-SUP-1: support that was given is recorded against what was agreed, and shows on the review statement', () => {
    const r = tryAt('in-cycle', 'pd-manager', (s) => ({ type: 'support.delivered', ref: { kind: 'objective', id: firstObjective(s) }, deliveredOn: '2025-09-25', note: 'Phonics course' }));
    if (!r.ok) throw new Error(r.error.message);
    expect(renderStatement(r.value.next, 'review').canonical).toContain('Phonics course');
    expect(codeOf(tryAt('in-cycle', 'pd-manager', { type: 'support.delivered', ref: { kind: 'support-item', id: 'sup99' }, deliveredOn: '2025-09-25' }))).toBe('CASE.INVALID_INPUT');
  });
});
