import { decide, renderStatement } from '../../services/case';
import type { SchoolPolicy } from '../../services/policy';
import type { CaseState } from '../../services/case';
import { ACTORS, after, cmd, codeOf, ctxOf, must, PEOPLE, policyOf, sign, sptCaseAt, tryAt } from './case-fixtures';

const spt = policyOf('spt');
const finalReview = () => sptCaseAt('final-review').state;
const assessAll = (s: CaseState, rating: string) => ({
  type: 'final.assess' as const,
  objectives: s.objectives.map((o) => ({ objectiveId: o.id, rating, comment: 'Steady progress', outsideFactors: 'Staff shortage in spring' })),
  overall: 'Meets the role’s standards',
  trainingNeeds: 'Makaton level 2',
  otherAchievements: 'Ran the book fair',
  absence: { kind: 'maternity' as const, note: 'Away for the summer term' },
});
const assessed = () => must(finalReview(), assessAll(finalReview(), 'met'), spt, '2026-09-21', 'reviewer').next;
const attempt = (s: CaseState, raw: Parameters<typeof cmd>[0], role: keyof typeof ACTORS, day: string, policy: SchoolPolicy = spt) => decide(s, cmd(raw), ctxOf(policy, day, ACTORS[role]));

describe('the final review (R-FIN-1, R-FIN-2)', () => {
  it.each([
    ['spt', 'partly-met', 'CASE.INVALID_INPUT'],
    ['spt', 'exceeds', 'ok'],
    ['test-valley', 'partly-met', 'ok'],
    ['test-valley', 'exceeds', 'CASE.INVALID_INPUT'],
  ])('R-FIN-1: under %s a rating of %s gives %s', (preset, rating, code) => {
    expect(codeOf(attempt(finalReview(), assessAll(finalReview(), rating), 'reviewer', '2026-09-21', policyOf(preset)))).toBe(code);
  });

  it('R-FIN-1: each objective is assessed once, named when missing', () => {
    const s = finalReview();
    const one = { ...assessAll(s, 'met'), objectives: assessAll(s, 'met').objectives.slice(0, 1) };
    const r = attempt(s, one, 'reviewer', '2026-09-21');
    expect(r.ok ? null : r.error.message).toBe('Please assess each objective once: “Learn Makaton”.');
  });

  it('R-FIN-1, R-FIN-2: the review statement carries the ratings, outside factors, achievements, training needs and the absence taken into account', () => {
    const canonical = renderStatement(assessed(), 'review').canonical;
    for (const text of ['Staff shortage in spring', 'Ran the book fair', 'Makaton level 2', '"kind":"maternity"', 'Away for the summer term']) expect(canonical).toContain(text);
  });

  it('R-FIN-1: the reviewee’s overview of the year is recorded and goes on the statement', () => {
    const r = tryAt('final-review', 'reviewee', { type: 'final.self-review', overview: 'My best year yet', comments: 'Thank you for the support' });
    expect(r.ok && renderStatement(r.value.next, 'review').canonical).toContain('My best year yet');
  });
});

describe('pay (R-PAY-1)', () => {
  it('R-PAY-1: a pay risk is flagged to the headteacher before the final meeting, not on the day', () => {
    const ok = tryAt('in-cycle', 'reviewer', { type: 'pay.flag-risk', reason: 'Behind on both objectives' });
    expect(ok.ok && ok.value.effects).toContainEqual({ type: 'notify', to: PEOPLE.head, topic: 'pay.risk-flagged' });
    const late = tryAt('final-review', 'reviewer', { type: 'pay.flag-risk', reason: 'Too late' }, '2026-09-21');
    expect(late.ok ? null : [late.error.code, late.error.message]).toEqual(['CASE.DEADLINE_PASSED', 'A pay risk has to be flagged before the final meeting on Monday 21 September.']);
  });

  it('R-PAY-1: progression is withheld only when the risk was flagged before the final meeting', () => {
    const withhold = { type: 'pay.recommend' as const, recommendation: 'withhold' as const, rationale: 'Targets not met' };
    expect(codeOf(attempt(assessed(), withhold, 'reviewer', '2026-09-21'))).toBe('CASE.PAY_RISK_NOT_FLAGGED');
    const flagged = must(finalReview(), { type: 'pay.flag-risk', reason: 'Behind' }, spt, '2026-09-14', 'reviewer').next;
    const s = must(flagged, assessAll(flagged, 'not-met'), spt, '2026-09-21', 'reviewer').next;
    expect(codeOf(attempt(s, withhold, 'reviewer', '2026-09-21'))).toBe('ok');
  });

  it('R-PAY-1: the recommendation needs the final assessment, then goes to the headteacher', () => {
    expect(codeOf(tryAt('final-review', 'reviewer', { type: 'pay.recommend', recommendation: 'increment', rationale: 'Met' }))).toBe('CASE.STEP_NOT_READY');
    const r = must(assessed(), { type: 'pay.recommend', recommendation: 'increment', rationale: 'Met' }, spt, '2026-09-21', 'reviewer');
    expect(r.next.stage).toBe('pay-approval');
    expect(r.effects).toContainEqual({ type: 'notify', to: PEOPLE.head, topic: 'pay.approval-requested' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.pay-approval', owner: PEOPLE.head, due: '2026-09-28' }));
  });

  it('R-PAY-1, R-MOD-1: the reviewee sees the recommendation only once the headteacher has approved it', () => {
    const { state, day } = sptCaseAt('pay-approval');
    expect(renderStatement(state, 'review').canonical).toContain('"pay":null');
    const r = must(state, { type: 'pay.approve' }, spt, day, 'headteacher');
    expect(r.next.stage).toBe('review-draft');
    expect(renderStatement(r.next, 'review').canonical).toContain('"pay":{"rationale":"Targets met","recommendation":"increment"}');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: PEOPLE.reviewee, topic: 'review.draft-ready' }));
  });

  it('R-PAY-1: the headteacher can send the recommendation back; the reviewer makes it again', () => {
    const r = tryAt('pay-approval', 'headteacher', { type: 'pay.refer-back', reason: 'Check the top of grade' });
    expect(r.ok && [r.value.next.stage, r.value.next.pay.recommendation, r.value.next.pay.referrals.map((x) => x.reason)]).toEqual(['final-review', null, ['Check the top of grade']]);
  });

  it('R-PAY-1: where the policy has no pay progression (propeller), pay steps do not apply and the draft goes straight out', () => {
    const propeller = policyOf('propeller');
    expect(codeOf(attempt(assessed(), { type: 'pay.recommend', recommendation: 'increment', rationale: 'Met' }, 'reviewer', '2026-09-21', propeller))).toBe('CASE.NOT_APPLICABLE');
    const r = attempt(assessed(), { type: 'review.send-draft' }, 'reviewer', '2026-09-21', propeller);
    expect(r.ok && r.value.next.stage).toBe('review-draft');
    expect(codeOf(attempt(assessed(), { type: 'review.send-draft' }, 'reviewer', '2026-09-21'))).toBe('CASE.STEP_NOT_READY');
  });
});

describe('the review statement (R-STM-1, R-STM-2, R-DL-5)', () => {
  it('R-STM-1: the reviewee comments on the draft; the reviewer finalises it and both are asked to sign', () => {
    const { state, day } = sptCaseAt('review-draft');
    const s = after(state, spt, [[day, 'reviewee', () => ({ type: 'statement.comment', statement: 'review', text: 'Please mention the book fair' })]]);
    expect(renderStatement(s, 'review').canonical).toContain('Please mention the book fair');
    const r = must(s, { type: 'review.finalise' }, spt, day, 'reviewer');
    expect(r.next.stage).toBe('review-signatures');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'cancel', rule: 'step.draft-comments' }));
  });

  it('R-STM-1: where a policy has no draft for comment the statement goes straight to signing', () => {
    const noDraft = { ...spt, draftStatementForComment: false, payProgression: false };
    const r = attempt(assessed(), { type: 'review.send-draft' }, 'reviewer', '2026-09-21', noDraft);
    expect(r.ok && r.value.next.stage).toBe('review-signatures');
  });

  it('R-DL-5: under hampshire-model the written statement is due by the school’s date (31 December by default)', () => {
    const r = attempt(assessed(), { type: 'review.send-draft' }, 'reviewer', '2026-09-21', { ...policyOf('hampshire-model'), payProgression: false });
    expect(r.ok && r.value.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'statement.issue', due: '2026-12-31', owner: PEOPLE.reviewer }));
  });

  it('R-STM-2, R-DL-1: once both sign, the appeal window opens for the policy’s 10 working days', () => {
    const { state } = sptCaseAt('review-signatures');
    const s = after(state, spt, [['2026-09-25', 'reviewee', sign('review')]]);
    const r = must(s, sign('review')(s), spt, '2026-09-25', 'reviewer');
    expect([r.next.stage, r.next.statements.review.signedOn]).toEqual(['appeal-window', '2026-09-25']);
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'appeal.informal', due: '2026-10-09', owner: PEOPLE.reviewee }));
  });
});
