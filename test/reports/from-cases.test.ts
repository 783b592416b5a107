import { personSchema } from '../../services/people/person.schema';
import { anonymisedSample, appealGround, buildGovernorsReport, caseDeadlineRules, cycleLabel, redactTerms, reportInputsFromCases } from '../../services/reports';
import { after, play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';

// The mapping on cases played through the case workflow; every count is worked out here from the script.
const policy = policyOf('spt');
const states = play(policy, SPT_SCRIPT);
const signed = states[states.length - 1]!.state;
const appealed = after(signed, policy, [['2026-09-28', 'reviewee', () => ({ type: 'appeal.raise', statement: 'review', grounds: 'The rating on my second objective is unfair' })]]);
const PEOPLE = [personSchema.parse({ id: 'p-alex', schoolId: 'school-1', staffId: 'OAK-1', name: 'Alex Morgan', email: 'alex.morgan@oakfield.example', startDate: '2019-09-02', partTime: true })];

describe('report inputs from cases (R-RPT-1, R-RPT-3)', () => {
  it('R-RPT-1: a signed spt case maps to its stage, approved moderation, rating, approved pay and part-time', () => {
    const [input] = reportInputsFromCases([signed], { policy, asOf: '2026-10-01', people: PEOPLE });
    expect(input).toMatchObject({ stage: 'appeal-window', moderation: { approved: 1, referredBack: 0 }, finalRating: 'met', pay: 'increment', partTime: true, equality: null, appeals: [] });
    // Both objectives carry the fixture's "Phonics training" support, and none was recorded as delivered.
    expect(input!.support).toEqual([{ agreed: 'Phonics training', delivered: false }, { agreed: 'Phonics training', delivered: false }]);
  });

  it('R-DL-3: the three meetings each had papers due, met by the self-assessment on its day', () => {
    const [input] = reportInputsFromCases([signed], { policy, asOf: '2026-10-01', people: PEOPLE });
    const papers = input!.deadlines.filter((d) => d.rule === 'meeting.papers');
    expect(papers.map((d) => d.doneOn)).toEqual(['2025-09-15', '2026-02-16', '2026-09-14']);
    expect(papers.every((d) => d.doneOn !== null && d.doneOn <= d.due)).toBe(true);
  });

  it('R-PAY-1: before the head approves, the pay outcome is not counted', () => {
    const before = states.find((x) => x.state.pay.recommendation !== null && x.state.pay.approval === null)!.state;
    expect(reportInputsFromCases([before], { policy, asOf: '2026-09-21', people: PEOPLE })[0]!.pay).toBeNull();
  });

  it('R-DL-1: an appeal is counted open at the reviewer, by its ground; equality joins by person id', () => {
    const equality = new Map([['p-alex', { gender: 'woman' as const }]]);
    const [input] = reportInputsFromCases([appealed], { policy, asOf: '2026-09-28', people: PEOPLE, equality });
    expect(input!.appeals).toEqual([{ ground: 'assessment', stageReached: 'reviewer', outcome: 'open' }]);
    expect(input!.equality).toEqual({ gender: 'woman' });
  });

  it.each([
    ['My increment was withheld unfairly', 'pay'],
    ['The mentoring we agreed was never provided', 'support-not-provided'],
    ['The objectives were set without asking me', 'objectives'],
    ['The meeting was held without notice', 'process'],
    ['There is a conflict of interest with my reviewer', 'reviewer-choice'],
    ['I disagree', 'other'],
  ])('R-RPT-1: the ground "%s" counts as %s', (text, ground) => {
    expect(appealGround(text)).toBe(ground);
  });

  it('R-RPT-1: the mapped cases make a governors report that holds no name or id', () => {
    const inputs = reportInputsFromCases([signed, appealed], { policy, asOf: '2026-10-01', people: PEOPLE });
    const report = buildGovernorsReport(inputs, { schoolName: 'Oakfield', cycleLabel: '2025 to 2026', ratingScale: policy.finalRatingScale, deadlineRules: caseDeadlineRules(policy, '2025-09-01'), redact: redactTerms(PEOPLE, [signed]), threshold: 2 });
    expect(report.ok).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/Alex|Morgan|p-alex|OAK-1|Priya/);
  });

  it('R-RPT-2: the sample has both statements with ids, names and name-like words removed', () => {
    const withComment = structuredClone(signed);
    withComment.statements.review.comments.push({ text: 'Thanks to Priya Lockwood and to Tom Okafor for help', by: 'p-alex', at: '2026-09-25T10:00:00.000Z' });
    const sample = anonymisedSample([withComment], { size: 5, redact: redactTerms(PEOPLE, [withComment]) });
    expect(sample.map((s) => s.kind)).toEqual(['planning', 'review']);
    const text = JSON.stringify(sample);
    expect(text).not.toMatch(/Priya|Lockwood|Okafor|p-alex|p-priya|case-1/);
    expect(text).toMatch(/"by":"reviewee"/);
    expect(text).toMatch(/Run the reading catch-up group/);
  });
});

describe('cycle names (R-RPT-1)', () => {
  it.each([
    ['an academic-year cycle', '2025-09-01', '2026-08-31', '2025 to 2026'],
    ['a calendar-year cycle', '2026-01-01', '2026-12-31', '2026'],
  ])('R-RPT-1: %s is named as its years', (_name, start, end, expected) => {
    expect(cycleLabel({ start, end })).toBe(expected);
  });
});
