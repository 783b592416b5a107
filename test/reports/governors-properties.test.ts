import fc from 'fast-check';
import { STAGES } from '../../services/case/case-stages';
import { presetById } from '../../services/policy';
import { APPEAL_GROUNDS, APPEAL_LEVELS, APPEAL_OUTCOMES, PAY_OUTCOMES, PREFER_NOT_TO_SAY, buildGovernorsReport, renderGovernorsReportCsv, renderGovernorsReportHtml } from '../../services/reports';
import type { ReportCaseInput } from '../../services/reports';
import { cellsOf, inconsistentLinks, linesForcingZero, linesWithOneUnknown, solvableHiddenCounts } from './disclosure-check';
import { NEEDS, ROSTER, ROSTER_TERMS } from './report-fixtures';
import { readerShapes, tablesOf } from './report-reader';

// Generated schools: random staff, random answers, thresholds 3..15. Fixed seed, so a failure replays.
const SEED = { seed: 20270301 };

/** Mostly the common answer, as in a real school, sometimes any other. */
const mostly = <T>(common: T, all: readonly T[]) => fc.oneof({ arbitrary: fc.constant(common), weight: 3 }, { arbitrary: fc.constantFrom(...all), weight: 2 });
/** Free text naming one of a few colleagues, so the same mention is often shared. */
const mention = fc
  .tuple(fc.constantFrom(...ROSTER.slice(0, 3)), fc.constantFrom('name', 'email', 'staffId') as fc.Arbitrary<'name' | 'email' | 'staffId'>, fc.constantFrom('Shadow ', 'Course run by '))
  .map(([person, field, lead]) => `${lead}${person[field]}`);

const aCase = (ratings: readonly string[]): fc.Arbitrary<ReportCaseInput> =>
  fc.record({
    stage: mostly('closed', STAGES),
    deadlines: fc.array(fc.record({ rule: fc.constantFrom('statement.issue', 'appeal.informal', 'meeting.papers'), due: fc.constant('2026-12-31'), doneOn: fc.constantFrom('2026-12-18', '2027-01-06', null) }), { maxLength: 2 }),
    moderation: fc.record({ approved: fc.integer({ min: 0, max: 2 }), referredBack: fc.integer({ min: 0, max: 1 }) }),
    finalRating: fc.option(mostly('met', ratings), { nil: null, freq: 5 }),
    pay: fc.option(mostly('increment', PAY_OUTCOMES), { nil: null, freq: 5 }),
    trainingNeeds: fc.array(fc.oneof(fc.constantFrom(...NEEDS), mention), { maxLength: 3 }),
    support: fc.array(fc.record({ agreed: fc.oneof(fc.constantFrom('Phonics course', 'Mentoring'), mention), delivered: fc.boolean() }), { maxLength: 2 }),
    appeals: fc.oneof({ arbitrary: fc.constant<ReportCaseInput['appeals']>([]), weight: 8 }, { arbitrary: fc.array(fc.record({ ground: fc.constantFrom(...APPEAL_GROUNDS), stageReached: fc.constantFrom(...APPEAL_LEVELS), outcome: fc.constantFrom(...APPEAL_OUTCOMES) }), { minLength: 1, maxLength: 2 }), weight: 2 }),
    partTime: fc.boolean(),
    equality: fc.option(
      fc.record(
        {
          ethnicity: mostly('white', ['asian', 'black', 'mixed', 'white', 'other', PREFER_NOT_TO_SAY] as const),
          gender: mostly('woman', ['woman', 'man', 'non-binary', 'other', PREFER_NOT_TO_SAY] as const),
          disability: mostly('no', ['yes', 'no', PREFER_NOT_TO_SAY] as const),
          ageBand: fc.constantFrom('under-25', '25-34', '35-44', '45-54', '55-64', '65-and-over', PREFER_NOT_TO_SAY),
          tradeUnionMember: fc.constantFrom('yes', 'no', PREFER_NOT_TO_SAY),
        },
        { requiredKeys: [] },
      ),
      { nil: null, freq: 4 },
    ),
  });

const aSchool = fc
  .record({ preset: fc.constantFrom('test-valley', 'spt') as fc.Arbitrary<'test-valley' | 'spt'>, threshold: fc.integer({ min: 3, max: 15 }) })
  .chain(({ preset, threshold }) => {
    const scale = presetById(preset).finalRatingScale.levels;
    return fc.record({ scale: fc.constant(scale), threshold: fc.constant(threshold), cases: fc.array(aCase(scale.map((l) => l.id)), { maxLength: 140, size: 'max' }) });
  });

function build(school: { scale: ReturnType<typeof presetById>['finalRatingScale']['levels']; threshold: number; cases: ReportCaseInput[] }) {
  const result = buildGovernorsReport(school.cases, { schoolName: 'Oakfield Community School', cycleLabel: '2026 to 2027', threshold: school.threshold, ratingScale: school.scale, redact: ROSTER_TERMS });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("properties of the governors' report over generated schools (R-RPT-1)", () => {
  it('R-RPT-1: no published count is below the threshold, in the data, the HTML or the CSV', () => {
    fc.assert(
      fc.property(aSchool, (school) => {
        const report = build(school);
        const { cells } = cellsOf(readerShapes(report));
        expect(cells.filter((c) => c.shown.type === 'count' && c.shown.value < school.threshold)).toEqual([]);
        const rateTitles = new Set(tablesOf(report).flatMap((t) => (t.rate ? [t.rate.title] : [])));
        const csvCounts = renderGovernorsReportCsv(report)
          .trimEnd()
          .split('\r\n')
          .slice(2)
          .map((line) => line.split(','))
          .filter((f) => !rateTitles.has(f[f.length - 2] ?? '') && /^\d+$/.test(f[f.length - 1] ?? ''));
        expect(csvCounts.filter((f) => Number(f[f.length - 1]) < school.threshold)).toEqual([]);
        const htmlCounts = [...renderGovernorsReportHtml(report).matchAll(/<td(?: class="total")?>(\d+)<\/td>/g)].map((m) => Number(m[1]));
        expect(htmlCounts.filter((n) => n < school.threshold)).toEqual([]);
      }),
      { ...SEED, numRuns: 40 },
    );
  });

  it('R-RPT-1: no hidden count can be worked out from the published totals, within a table or across tables that share a count', () => {
    fc.assert(
      fc.property(aSchool, (school) => {
        const { cells, lines } = cellsOf(readerShapes(build(school)));
        expect(inconsistentLinks(cells)).toEqual([]);
        expect(linesWithOneUnknown(lines)).toEqual([]);
        expect(linesForcingZero(lines)).toEqual([]);
        expect(solvableHiddenCounts(lines)).toEqual([]);
      }),
      { ...SEED, numRuns: 40 },
    );
  });

  it('R-RPT-1: no name, email or id of anyone on the roster appears anywhere in the HTML or the CSV', () => {
    fc.assert(
      fc.property(aSchool, (school) => {
        const report = build(school);
        const documents = [renderGovernorsReportHtml(report), renderGovernorsReportCsv(report)].map((d) => d.toLocaleLowerCase('en-GB'));
        const found = ROSTER_TERMS.filter((term) => documents.some((d) => d.includes(term.toLocaleLowerCase('en-GB'))));
        expect(found).toEqual([]);
      }),
      { ...SEED, numRuns: 40 },
    );
  });
});
