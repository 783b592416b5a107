import { STAGE_LABELS } from '../../services/case/case-stages';
import { presetById } from '../../services/policy';
import { buildGovernorsReport, renderGovernorsReportCsv, renderGovernorsReportHtml } from '../../services/reports';
import type { GovernorsReport, ReportCaseInput } from '../../services/reports';
import { cellsOf, linesWithOneUnknown, solvableHiddenCounts } from './disclosure-check';
import { NEEDS, ROSTER, aCase, times } from './report-fixtures';
import { readerShapes, shown, tablesOf } from './report-reader';

const scale = presetById('test-valley').finalRatingScale.levels;
const THRESHOLD = 5;

// A seeded school of 52: most closed with Met, a few still in review, six in an appeal.
const woman = { gender: 'woman', ethnicity: 'white', ageBand: '35-44', tradeUnionMember: 'yes' } as const;
const man = { gender: 'man', ethnicity: 'asian', ageBand: '45-54', tradeUnionMember: 'no' } as const;
const onTime = { rule: 'appeal.informal', due: '2026-03-13', doneOn: '2026-03-12' } as const;
const late = { rule: 'appeal.informal', due: '2026-03-13', doneOn: '2026-03-20' } as const;
const SCHOOL: ReportCaseInput[] = [
  ...times(18, aCase({ equality: woman, trainingNeeds: ['Safeguarding level 2'], support: [{ agreed: 'Phonics course', delivered: true }] })),
  ...times(12, aCase({ equality: man, partTime: true, trainingNeeds: ['safeguarding  level 2.', 'First aid at work'] })),
  ...times(8, aCase({ finalRating: 'exceeded', equality: woman, deadlines: [onTime] })),
  ...times(2, aCase({ finalRating: 'not-met', pay: 'withheld', equality: { gender: 'prefer-not-to-say' }, support: [{ agreed: 'Mentoring', delivered: false }] })),
  ...times(6, aCase({ stage: 'final-review', finalRating: null, pay: null, moderation: { approved: 0, referredBack: 1 }, deadlines: [onTime, late] })),
  ...times(4, aCase({ stage: 'appeal', finalRating: 'partly-met', pay: 'withheld', appeals: [{ ground: 'assessment', stageReached: 'headteacher', outcome: 'open' }], trainingNeeds: [`Shadowing ${ROSTER[0]?.name}`] })),
  ...times(2, aCase({ stage: 'appeal', finalRating: 'partly-met', pay: 'withheld', appeals: [{ ground: 'assessment', stageReached: 'headteacher', outcome: 'open' }] })),
];

function report(cases: readonly ReportCaseInput[] = SCHOOL, threshold = THRESHOLD): GovernorsReport {
  // No staff list to remove: the threshold alone keeps a need that names someone out of this report.
  const result = buildGovernorsReport(cases, { schoolName: 'Oakfield Community School', cycleLabel: '2025 to 2026', threshold, ratingScale: scale, redact: [] });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// The true counts, worked out here from the cases, for the tables checked cell by cell.
const GENDER_LABELS: Record<string, string> = { woman: 'Woman', man: 'Man', 'prefer-not-to-say': 'Prefer not to say' };
const PAY_LABELS: Record<string, string> = { increment: 'One increment', withheld: 'Increment withheld' };
const ratingOf = (c: ReportCaseInput) => scale.find((l) => l.id === c.finalRating)?.label ?? 'Not assessed yet';
const TRUE_COUNTS: Record<string, (row: string, column: string) => number> = {
  'operation.stages': (row) => SCHOOL.filter((c) => row === 'Total' || STAGE_LABELS[c.stage] === row).length,
  'effectiveness.ratings': (row) => SCHOOL.filter((c) => row === 'Total' || ratingOf(c) === row).length,
  'outcomes.ratings.gender': (row, column) =>
    SCHOOL.filter((c) => (row === 'Total' || (GENDER_LABELS[c.equality?.gender ?? ''] ?? 'Not recorded') === row) && (column === 'Total' || ratingOf(c) === column)).length,
  'outcomes.pay.contract': (row, column) =>
    SCHOOL.filter((c) => (row === 'Total' || (c.partTime ? 'Part-time' : 'Full-time') === row) && (column === 'Total' || (PAY_LABELS[c.pay ?? ''] ?? 'Not decided yet') === column)).length,
  'operation.deadlines': (row, column) =>
    SCHOOL.flatMap((c) => c.deadlines).filter((d) => (row === 'Total' || (d.rule === 'appeal.informal') === (row === 'Appeal: informal talk with the reviewer')) && (column === 'Total' || (d.doneOn === null ? 'Not done' : d.doneOn <= d.due ? 'On time' : 'Late') === column)).length,
  'appeals.grounds': (row, column) => SCHOOL.flatMap((c) => c.appeals).filter((a) => (row === 'Total' || (a.ground === 'assessment') === (row === 'The assessment')) && (column === 'Total' || (a.outcome === 'open') === (column === 'Still open'))).length,
};

describe("the governors' report for a seeded school (R-RPT-1)", () => {
  it.each(Object.keys(TRUE_COUNTS))('R-RPT-1: %s shows each true count when it may, and hides every count below the threshold', (id) => {
    const r = report();
    const t = tablesOf(r).find((x) => x.id === id);
    if (!t) throw new Error(id);
    const truth = TRUE_COUNTS[id] as (row: string, column: string) => number;
    const labels = (xs: readonly string[], total: boolean) => [...xs, ...(total ? ['Total'] : [])];
    let published = 0;
    for (const row of labels(t.rows, t.columnTotals !== null)) {
      for (const column of labels(t.columns, t.rowTotals !== null)) {
        const expected = truth(row, column);
        const got = shown(r, id, row, column);
        if (expected < THRESHOLD) expect([row, column, got]).toEqual([row, column, 'c']);
        if (got !== 'c') {
          expect([row, column, got]).toEqual([row, column, expected]);
          published += 1;
        }
      }
    }
    expect(published).toBeGreaterThan(0);
  });

  it('R-RPT-1: the headline numbers of the seeded school', () => {
    const r = report();
    expect(shown(r, 'effectiveness.ratings', 'Met', 'Staff')).toBe(30);
    expect(shown(r, 'effectiveness.ratings', 'Exceeded', 'Staff')).toBe(8);
    expect(shown(r, 'effectiveness.ratings', 'Not met', 'Staff')).toBe('c');
    expect(shown(r, 'effectiveness.ratings', 'Total', 'Staff')).toBe(52);
    expect(shown(r, 'operation.stages', 'Closed', 'Staff')).toBe(40);
    expect(shown(r, 'outcomes.ratings.gender', 'Woman', 'Met')).toBe(18);
    // All 12 men were rated Met: showing 12 beside their total of 12 would tell anyone each man's rating.
    expect(shown(r, 'outcomes.ratings.gender', 'Man', 'Met')).toBe('c');
    expect(shown(r, 'outcomes.ratings.gender', 'Man', 'Total')).toBe(12);
    expect(shown(r, 'outcomes.ratings.gender', 'Prefer not to say', 'Not met')).toBe('c');
    expect(shown(r, 'training.needs', 'Safeguarding level 2', 'Staff')).toBe(30);
    expect(shown(r, 'training.needs', 'First aid at work', 'Staff')).toBe(12);
    expect(shown(r, 'training.needs', 'Staff with other needs', 'Staff')).toBe('c');
    // 18 provided and 2 not: the 18 goes too, or the total would give the 2 away.
    expect(shown(r, 'training.support', 'Not provided', 'Agreed items')).toBe('c');
    expect(shown(r, 'training.support', 'Provided', 'Agreed items')).toBe('c');
    expect(shown(r, 'training.support', 'Total', 'Agreed items')).toBe(20);
  });

  it.each([
    ['30 on time and 8 late: 79%', 8, 79],
    ['30 on time and 3 late: not shown, as it would give the 3 away', 3, null],
  ])('R-RPT-1: the on-time rate is worked out from published counts only: %s', (_name, lateCount, rate) => {
    const statement = (doneOn: string | null) => aCase({ deadlines: [{ rule: 'statement.issue', due: '2026-12-31', doneOn }] });
    const cases = [...times(30, statement('2026-12-18')), ...times(lateCount, statement('2027-01-06')), ...times(6, statement(null))];
    const result = buildGovernorsReport(cases, { schoolName: 'Oakfield', cycleLabel: '2026', ratingScale: scale, threshold: 5, deadlineRules: ['statement.issue'], redact: [] });
    if (!result.ok) throw new Error(result.error.message);
    const deadlines = tablesOf(result.value).find((t) => t.id === 'operation.deadlines');
    expect(deadlines?.rate?.rows).toEqual([rate]);
    expect(deadlines?.rate?.total).toBe(rate);
  });

  it('R-RPT-1: no hidden count can be worked out from the totals or from another table', () => {
    const { lines } = cellsOf(readerShapes(report()));
    expect(linesWithOneUnknown(lines)).toEqual([]);
    expect(solvableHiddenCounts(lines)).toEqual([]);
  });

  it('R-RPT-1: a need written by fewer than the threshold is never named, so a colleague it mentions is not either', () => {
    const html = renderGovernorsReportHtml(report());
    const csv = renderGovernorsReportCsv(report());
    expect(html).not.toContain(ROSTER[0]?.name);
    expect(csv).not.toContain(ROSTER[0]?.name);
    expect(html).toContain('Safeguarding level 2');
  });

  it('R-RPT-1: a name, email or id shared by many is removed from the needs when the school passes its staff list', () => {
    const person = ROSTER[1] as (typeof ROSTER)[number];
    const cases = times(12, aCase({ trainingNeeds: [`Shadow ${person.name} (${person.email}, ${person.staffId})`, NEEDS[0] as string] }));
    const result = buildGovernorsReport(cases, { schoolName: 'Oakfield Community School', cycleLabel: '2025 to 2026', ratingScale: scale, redact: [person.name, person.email, person.staffId] });
    if (!result.ok) throw new Error(result.error.message);
    const csv = renderGovernorsReportCsv(result.value);
    expect(csv).toContain('Shadow [name removed] ([email removed]');
    for (const term of [person.name, person.email, person.staffId]) expect(csv).not.toContain(term);
  });

  it.each([
    ['a rating off the scale', [aCase({ finalRating: 'outstanding' })], {}, 'REPORT.UNKNOWN_RATING'],
    ['a deadline rule not in the policy', [aCase({ deadlines: [onTime] })], { deadlineRules: ['statement.issue'] as const }, 'REPORT.UNKNOWN_RULE'],
    ['a threshold of 1', [aCase()], { threshold: 1 }, 'REPORT.INVALID_THRESHOLD'],
    ['a case with a name in it', [{ ...aCase(), name: 'Alex Morgan' } as ReportCaseInput], {}, 'REPORT.INVALID_INPUT'],
  ] as const)('R-RPT-1: %s is refused with a clear reason', (_name, cases, extra, code) => {
    const result = buildGovernorsReport(cases, { schoolName: 'Oakfield', cycleLabel: '2025 to 2026', ratingScale: scale, redact: [], ...extra });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe("the governors' report documents (R-RPT-1)", () => {
  it('R-RPT-1: the HTML is one printable document in UK English with inline charts and nothing from elsewhere', () => {
    const html = renderGovernorsReportHtml(report());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(|https?:/i);
  });

  it('R-RPT-1: text is escaped in the HTML and defused in the CSV', () => {
    const cases = times(10, aCase({ trainingNeeds: ['=HYPERLINK("x") <b>bold</b>'] }));
    const result = buildGovernorsReport(cases, { schoolName: 'St Mary & St John <Federation>', cycleLabel: '2025 to 2026', ratingScale: scale, redact: [] });
    if (!result.ok) throw new Error(result.error.message);
    const html = renderGovernorsReportHtml(result.value);
    expect(html).toContain('St Mary &amp; St John &lt;Federation&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(renderGovernorsReportCsv(result.value)).toContain(`"'=HYPERLINK(""x"") <b>bold</b>"`);
  });

  it('R-RPT-1: the CSV has one row per number, hidden numbers marked and explained', () => {
    const csv = renderGovernorsReportCsv(report());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Section,Table,Row,Column,Value');
    expect(lines[1]).toContain('[c]');
    expect(lines[1]).toContain('below 5');
    expect(lines).toContain('How well it worked,Final assessments,Met,Staff,30');
    expect(lines).toContain('How well it worked,Final assessments,Not met,Staff,[c]');
    expect(lines).toContain('Outcomes by group,Final assessment by gender,Woman,Met,18');
    expect(lines).toContain('How the process ran,Appraisals by stage,Total,Staff,52');
  });
});
