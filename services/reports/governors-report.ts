import { DEADLINE_RULE_IDS } from '../policy/preset.schema';
import type { DeadlineRuleId, RatingLevel } from '../policy/preset.schema';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { reportTables } from './governors-tables';
import type { ReportSectionId, TableSpec } from './governors-tables';
import { reportCaseInputSchema } from './report-input';
import type { ReportCaseInput } from './report-input';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressTables, suppressionThresholdSchema } from './suppression';
import type { PublishedCount } from './suppression';

export type { ReportSectionId } from './governors-tables';

/** A published table of the governors' report: labels, counts after suppression, and an optional rate column. */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[] | null;
  readonly columnTotals: readonly PublishedCount[] | null;
  readonly grandTotal: PublishedCount | null;
  /** Drawn as a bar chart too (one-column tables). */
  readonly chart: boolean;
  /** A percentage per row (and for the totals row), `null` where it would need a hidden count. */
  readonly rate: { readonly title: string; readonly rows: readonly (number | null)[]; readonly total: number | null } | null;
  readonly note: string | null;
}

/** A section of the report. */
export interface ReportSection {
  readonly id: ReportSectionId;
  readonly title: string;
  readonly intro: string;
  readonly tables: readonly ReportTable[];
}

/** The headteacher's annual report to governors (R-RPT-1): nothing in it identifies a person. */
export interface GovernorsReport {
  readonly schoolName: string;
  readonly cycleLabel: string;
  readonly threshold: number;
  readonly sections: readonly ReportSection[];
}

/** What the report needs besides the cases. */
export interface GovernorsReportOptions {
  readonly schoolName: string;
  readonly cycleLabel: string;
  /** The smallest count shown; the school's setting, 10 by default. */
  readonly threshold?: number;
  /** The school's final rating scale (R-FIN-1). */
  readonly ratingScale: readonly RatingLevel[];
  /** The deadline rules of the school's policy, as rows; every rule by default. */
  readonly deadlineRules?: readonly DeadlineRuleId[];
  /**
   * Names, emails and ids of the school's staff, removed from free text before it is counted: a need shared by
   * enough staff is named in the report, and a statement can mention a colleague.
   */
  readonly redact: readonly string[];
}

/** Codes of the report's expected failures. */
export type ReportErrorCode = 'REPORT.INVALID_INPUT' | 'REPORT.INVALID_THRESHOLD' | 'REPORT.UNKNOWN_RATING' | 'REPORT.UNKNOWN_RULE';

const SECTIONS: readonly { id: ReportSectionId; title: string; intro: string }[] = [
  { id: 'operation', title: 'How the process ran', intro: 'Where each appraisal has reached, whether deadlines were met, and the headteacher’s moderation.' },
  { id: 'effectiveness', title: 'How well it worked', intro: 'The final assessments and pay progression across the school.' },
  { id: 'training', title: 'Training and development', intro: 'Needs recorded in statements, and agreed support or training that was not provided.' },
  { id: 'appeals', title: 'Appeals and representations', intro: 'Appeals and objections by their grounds, how far they went and how they ended.' },
  { id: 'outcomes', title: 'Outcomes by group', intro: 'Assessments and pay progression by each characteristic staff chose to share. Answers are optional, so some are not recorded.' },
];

/** Builds the governors' report from anonymous cases, every table through small-number suppression (R-RPT-1). */
export function buildGovernorsReport(inputs: readonly ReportCaseInput[], options: GovernorsReportOptions): Result<GovernorsReport, ReportErrorCode> {
  const threshold = suppressionThresholdSchema.safeParse(options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  if (!threshold.success) return fail('REPORT.INVALID_THRESHOLD', 'The smallest number to show must be a whole number from 2 to 100.');
  const cases: ReportCaseInput[] = [];
  for (const [i, input] of inputs.entries()) {
    const parsed = reportCaseInputSchema.safeParse(input);
    if (!parsed.success) return fail('REPORT.INVALID_INPUT', `Case ${i + 1} of the report data is not valid: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    cases.push(parsed.data);
  }
  const ratings = new Set(options.ratingScale.map((l) => l.id));
  if (cases.some((c) => c.finalRating !== null && !ratings.has(c.finalRating))) return fail('REPORT.UNKNOWN_RATING', 'Some assessments use a rating that is not on the school’s scale.');
  const deadlineRules = options.deadlineRules ?? DEADLINE_RULE_IDS;
  if (cases.some((c) => c.deadlines.some((d) => !deadlineRules.includes(d.rule)))) return fail('REPORT.UNKNOWN_RULE', 'Some deadlines follow a rule that is not in the school’s policy.');
  const specs = reportTables(cases, { threshold: threshold.data, ratingScale: options.ratingScale, deadlineRules, redact: options.redact });
  const published = suppressTables(specs, { threshold: threshold.data });
  const tables = specs.map((spec, k) => ({ spec, table: toReportTable(spec, published[k] as ReturnType<typeof suppressTables>[number]) }));
  return ok({
    schoolName: options.schoolName,
    cycleLabel: options.cycleLabel,
    threshold: threshold.data,
    sections: SECTIONS.map((s) => ({ ...s, tables: tables.filter((t) => t.spec.section === s.id).map((t) => t.table) })),
  });
}

function toReportTable(spec: TableSpec, out: ReturnType<typeof suppressTables>[number]): ReportTable {
  const rateOf = (line: readonly PublishedCount[] | undefined): number | null => {
    const [on, late] = [line?.[spec.rate?.numerator ?? 0], line?.[spec.rate?.alsoDecided ?? 1]];
    if (on?.type !== 'count' || late?.type !== 'count' || on.value + late.value === 0) return null;
    return Math.round((100 * on.value) / (on.value + late.value));
  };
  return {
    id: spec.id,
    title: spec.title,
    rowHeading: spec.rowHeading,
    rows: spec.rows,
    columns: spec.columns,
    cells: out.cells,
    rowTotals: out.rowTotals,
    columnTotals: out.columnTotals,
    grandTotal: out.grandTotal,
    chart: spec.chart,
    rate: spec.rate ? { title: spec.rate.title, rows: out.cells.map(rateOf), total: out.columnTotals ? rateOf(out.columnTotals) : null } : null,
    note: spec.note ?? null,
  };
}
