import { caseSummary, visibleSections, whoHasAccess } from '../../services/case';
import type { CaseRole } from '../../services/case';
import { ACTORS, after, anObjective, must, PEOPLE, policyOf, sptCaseAt } from './case-fixtures';

const spt = policyOf('spt');

describe('who may see what (R-PRV-1)', () => {
  it.each<[CaseRole, boolean, boolean]>([
    ['reviewee', true, true],
    ['reviewer', true, true],
    ['headteacher', true, true],
    ['line-manager', true, false],
    ['pd-manager', true, false],
    ['slt', true, false],
    ['clerk', false, false],
    ['appeal-panel', false, false],
  ])('R-PRV-1: %s sees the objectives: %s; the wellbeing answers: %s', (role, objectives, wellbeing) => {
    const seen = visibleSections(sptCaseAt('in-cycle').state, ACTORS[role]);
    expect([seen.includes('objectives'), seen.includes('wellbeing')]).toEqual([objectives, wellbeing]);
  });

  it('R-PRV-1: senior leaders see only what moderation needs', () => {
    expect(visibleSections(sptCaseAt('pay-approval').state, ACTORS.slt)).toEqual(['summary', 'objectives', 'final-review', 'pay']);
  });

  it('R-PRV-1: someone outside the case sees nothing until the reviewee shares the objectives with them', () => {
    const outsider = { personId: PEOPLE.other, schoolRoles: [] };
    const { state, day } = sptCaseAt('in-cycle');
    expect(visibleSections(state, outsider)).toEqual([]);
    const shared = must(state, { type: 'objectives.share', personIds: [PEOPLE.other] }, spt, day, 'reviewee').next;
    expect(visibleSections(shared, outsider)).toEqual(['summary', 'objectives']);
  });

  it('R-PRV-1: the Clerk and the panel see the appeal once it reaches the governors', () => {
    const at = after(sptCaseAt('appeal').state, spt, [
      ['2026-10-01', 'reviewer', () => ({ type: 'appeal.informal-outcome', outcome: 'No change', resolved: false })],
      ['2026-10-05', 'reviewee', () => ({ type: 'appeal.written', grounds: 'Unfair' })],
      ['2026-10-09', 'reviewer', () => ({ type: 'appeal.reviewer-outcome', outcome: 'No change', resolved: false })],
      ['2026-10-20', 'headteacher', () => ({ type: 'appeal.head-outcome', outcome: 'No change', resolved: false })],
    ]);
    expect(visibleSections(at, ACTORS.clerk)).toEqual([]);
    const atClerk = after(at, spt, [['2026-10-26', 'reviewee', () => ({ type: 'appeal.to-clerk', grounds: 'Please hear it' })]]);
    expect(visibleSections(atClerk, ACTORS.clerk)).toEqual(['summary', 'statements', 'appeal', 'objection']);
    expect(visibleSections(atClerk, ACTORS['appeal-panel'])).toEqual(['summary', 'statements', 'appeal', 'objection']);
    expect(whoHasAccess(atClerk).map((e) => e.role)).toContain('appeal-panel');
  });

  it('R-PRV-1: the reviewee can list everyone with access, by name where the case knows it', () => {
    const { state, day } = sptCaseAt('in-cycle');
    const shared = must(state, { type: 'objectives.share', personIds: [PEOPLE.other] }, spt, day, 'reviewee').next;
    expect(whoHasAccess(shared).map((e) => [e.role, e.personId, e.description])).toEqual([
      ['reviewee', PEOPLE.reviewee, 'You'],
      ['reviewer', PEOPLE.reviewer, 'Priya Lockwood, your reviewer'],
      ['line-manager', PEOPLE.lineManager, 'Sam Patel, your line manager'],
      ['headteacher', PEOPLE.head, 'Jordan Ellis, the headteacher'],
      ['pd-manager', null, 'The professional development manager'],
      ['slt', null, 'Senior leaders, for moderation only'],
      ['shared', PEOPLE.other, `${PEOPLE.other}, with your agreement`],
    ]);
  });
});

describe('the “my appraisal” summary (R-CHAT-1)', () => {
  const proposed = () =>
    after(sptCaseAt('planning').state, spt, [
      ['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
      ['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })],
    ]);

  it('R-OBJ-4: the reviewee is asked, in plain words, to agree their objectives with their reviewer by the step’s date', () => {
    expect(caseSummary(proposed(), PEOPLE.reviewee, spt)).toEqual({
      stage: 'planning',
      stageLabel: 'Planning: self-assessment and objectives',
      progress: { step: 2, of: 12 },
      next: { who: 'reviewee', action: 'Agree your objectives with Priya Lockwood', due: '2025-09-29' },
      myActions: ['self-assessment.submit', 'objective.add', 'objective.update', 'objective.remove', 'objectives.agree', 'objectives.disagree', 'objectives.share', 'development-plan.set', 'evidence.add', 'objection.raise'],
    });
  });

  it('R-OBJ-4: the reviewer sees who acts next in the third person, and no buttons that make no sense yet', () => {
    const summary = caseSummary(proposed(), PEOPLE.reviewer, spt);
    expect(summary.next).toEqual({ who: 'reviewee', action: 'Alex Morgan to reply on the objectives', due: '2025-09-29' });
    expect(summary.myActions).not.toContain('objectives.determine');
    expect(summary.myActions).not.toContain('objectives.propose');
  });

  it('R-PAY-1: without pay progression the cycle has one step fewer', () => {
    expect(caseSummary(sptCaseAt('in-cycle').state, PEOPLE.reviewee, policyOf('propeller')).progress).toEqual({ step: 5, of: 11 });
  });

  it('R-CYC-2: a closed case has nothing more to do', () => {
    const summary = caseSummary(sptCaseAt('closed').state, PEOPLE.reviewee, spt);
    expect([summary.next, summary.progress]).toEqual([null, { step: 12, of: 12 }]);
  });

  it('R-MOD-1: the headteacher sees the moderation as their next step', () => {
    expect(caseSummary(sptCaseAt('planning-moderation').state, PEOPLE.head, spt).next).toEqual({ who: 'headteacher', action: 'Check Alex Morgan’s planning statement', due: '2025-09-30' });
  });
});
