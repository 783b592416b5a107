import type { DeadlineRuleId, RatingLevel } from '../policy/preset.schema';
import { groupTexts, redactor } from './free-text';
import { APPEAL_GROUNDS, APPEAL_LEVELS, APPEAL_OUTCOMES } from './report-input';
import type { ReportCaseInput } from './report-input';
import { APPEAL_GROUND_LABELS, APPEAL_LEVEL_LABELS, APPEAL_OUTCOME_LABELS, CHARACTERISTICS, PAY_COLUMNS, RULE_LABELS, STAGE_ROWS } from './report-labels';
import type { CountTable } from './suppression';

// The tables of the governors' report before suppression (R-RPT-1). Counts shared between tables are linked
// by name ("people", "rating:2", "headcount:gender:1") so suppression treats them as one count.

/** The sections of the governors' report, in the order of R-RPT-1. */
export type ReportSectionId = 'operation' | 'effectiveness' | 'training' | 'appeals' | 'outcomes';

/** A table before suppression: its counts, labels and where it goes. */
export interface TableSpec extends CountTable {
  readonly id: string;
  readonly section: ReportSectionId;
  readonly title: string;
  readonly rowHeading: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly chart: boolean;
  /** The on-time rate: column `numerator` over it plus `alsoDecided`, from published counts only. */
  readonly rate?: { readonly title: string; readonly numerator: number; readonly alsoDecided: number };
  readonly note?: string;
}

/** What the tables need besides the cases. */
export interface TableContext {
  readonly threshold: number;
  readonly ratingScale: readonly RatingLevel[];
  readonly deadlineRules: readonly DeadlineRuleId[];
  readonly redact: readonly string[];
}

function tally<T>(items: readonly T[], rows: number, columns: number, at: (item: T) => [number, number] | null): number[][] {
  const cells = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (const item of items) {
    const place = at(item);
    const row = place ? cells[place[0]] : undefined;
    if (place && row) row[place[1]] = (row[place[1]] ?? 0) + 1;
  }
  return cells;
}

/** A one-column list of counts with a total: its cells linked by `name`, its total by `total`. */
function list(spec: Omit<TableSpec, 'cells' | 'rowTotals' | 'columnTotals' | 'link' | 'chart'>, counts: number[], name: string | null, total: string | null): TableSpec {
  const n = counts.length;
  return { ...spec, cells: counts.map((c) => [c]), rowTotals: false, columnTotals: true, chart: true, link: (i) => (i === n ? (total ?? undefined) : name === null ? undefined : `${name}:${i}`) };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Every table of the report, in section order. */
export function reportTables(cases: readonly ReportCaseInput[], ctx: TableContext): TableSpec[] {
  const ratingColumns = [...ctx.ratingScale.map((l) => ({ id: l.id as string | null, label: l.label })), { id: null, label: 'Not assessed yet' }];
  const ratingIndex = (c: ReportCaseInput) => ratingColumns.findIndex((r) => r.id === c.finalRating);
  const payIndex = (c: ReportCaseInput) => PAY_COLUMNS.findIndex((p) => p.id === c.pay);
  const deadlines = cases.flatMap((c) => c.deadlines);
  const support = cases.flatMap((c) => c.support);
  const appeals = cases.flatMap((c) => c.appeals);
  const outcomeColumns = APPEAL_OUTCOMES.map((o) => APPEAL_OUTCOME_LABELS[o]);
  const appealLink = (rows: number) => (i: number, j: number) => (i === rows ? (j === APPEAL_OUTCOMES.length ? 'appeals' : `appeal-outcome:${j}`) : undefined);
  return [
    list({ id: 'operation.stages', section: 'operation', title: 'Appraisals by stage', rowHeading: 'Stage', rows: STAGE_ROWS.map((s) => s.label), columns: ['Staff'] }, STAGE_ROWS.map((s) => cases.filter((c) => c.stage === s.id).length), null, 'people'),
    {
      id: 'operation.deadlines',
      section: 'operation',
      title: 'Deadlines met',
      rowHeading: 'Deadline',
      rows: ctx.deadlineRules.map((r) => RULE_LABELS[r]),
      columns: ['On time', 'Late', 'Not done'],
      cells: tally(deadlines, ctx.deadlineRules.length, 3, (d) => {
        const row = ctx.deadlineRules.indexOf(d.rule);
        return row < 0 ? null : [row, d.doneOn === null ? 2 : d.doneOn <= d.due ? 0 : 1];
      }),
      rowTotals: true,
      columnTotals: true,
      chart: false,
      rate: { title: 'On time (%)', numerator: 0, alsoDecided: 1 },
      note: 'The on-time rate counts deadlines met on time out of those met, and is shown only where both counts are.',
    },
    list({ id: 'operation.moderation', section: 'operation', title: "Headteacher's moderation of statements", rowHeading: 'Decision', rows: ['Approved', 'Sent back to the reviewer'], columns: ['Decisions'] }, [sum(cases.map((c) => c.moderation.approved)), sum(cases.map((c) => c.moderation.referredBack))], null, null),
    list({ id: 'effectiveness.ratings', section: 'effectiveness', title: 'Final assessments', rowHeading: 'Assessment', rows: ratingColumns.map((r) => r.label), columns: ['Staff'] }, ratingColumns.map((_, i) => cases.filter((c) => ratingIndex(c) === i).length), 'rating', 'people'),
    list({ id: 'effectiveness.pay', section: 'effectiveness', title: 'Pay progression', rowHeading: 'Recommendation', rows: PAY_COLUMNS.map((p) => p.label), columns: ['Staff'] }, PAY_COLUMNS.map((_, i) => cases.filter((c) => payIndex(c) === i).length), 'pay', 'people'),
    list({ id: 'training.support', section: 'training', title: 'Agreed support and training', rowHeading: 'Support', rows: ['Provided', 'Not provided'], columns: ['Agreed items'] }, [support.filter((s) => s.delivered).length, support.filter((s) => !s.delivered).length], null, null),
    trainingNeeds(cases, ctx),
    { id: 'appeals.grounds', section: 'appeals', title: 'Appeals and representations by ground', rowHeading: 'Ground', rows: APPEAL_GROUNDS.map((g) => APPEAL_GROUND_LABELS[g]), columns: outcomeColumns, cells: tally(appeals, APPEAL_GROUNDS.length, APPEAL_OUTCOMES.length, (a) => [APPEAL_GROUNDS.indexOf(a.ground), APPEAL_OUTCOMES.indexOf(a.outcome)]), rowTotals: true, columnTotals: true, chart: false, link: appealLink(APPEAL_GROUNDS.length) },
    { id: 'appeals.levels', section: 'appeals', title: 'How far appeals went', rowHeading: 'Furthest stage', rows: APPEAL_LEVELS.map((l) => APPEAL_LEVEL_LABELS[l]), columns: outcomeColumns, cells: tally(appeals, APPEAL_LEVELS.length, APPEAL_OUTCOMES.length, (a) => [APPEAL_LEVELS.indexOf(a.stageReached), APPEAL_OUTCOMES.indexOf(a.outcome)]), rowTotals: true, columnTotals: true, chart: false, link: appealLink(APPEAL_LEVELS.length) },
    ...CHARACTERISTICS.flatMap((ch) =>
      (
        [
          ['ratings', 'rating', 'Final assessment', ratingColumns.map((r) => r.label), ratingIndex],
          ['pay', 'pay', 'Pay progression', PAY_COLUMNS.map((p) => p.label), payIndex],
        ] as const
      ).map(([kind, link, what, columns, columnOf]): TableSpec => {
        const rows = ch.categories.length;
        return {
          id: `outcomes.${kind}.${ch.id}`,
          section: 'outcomes',
          title: `${what} by ${ch.by}`,
          rowHeading: ch.title,
          rows: ch.categories.map((c) => c.label),
          columns,
          cells: tally(cases, rows, columns.length, (c) => [ch.categories.findIndex((cat) => cat.id === ch.of(c)), columnOf(c)]),
          rowTotals: true,
          columnTotals: true,
          chart: false,
          link: (i, j) => (i === rows ? (j === columns.length ? 'people' : `${link}:${j}`) : j === columns.length ? `headcount:${ch.id}:${i}` : undefined),
        };
      }),
    ),
  ];
}

/** Needs shared by at least the threshold of staff are named; the rest are counted together, never listed. */
function trainingNeeds(cases: readonly ReportCaseInput[], ctx: TableContext): TableSpec {
  const scrub = redactor(ctx.redact);
  const perPerson = cases.map((c) => c.trainingNeeds.map(scrub));
  const groups = groupTexts(perPerson);
  const named = groups.filter((g) => g.count >= ctx.threshold);
  const namedKeys = new Set(named.map((g) => g.text.toLocaleLowerCase('en-GB')));
  const others = perPerson.filter((needs) => groupTexts([needs]).some((g) => !namedKeys.has(g.text.toLocaleLowerCase('en-GB')))).length;
  const anyNeed = perPerson.filter((needs) => groupTexts([needs]).length > 0).length;
  return {
    id: 'training.needs',
    section: 'training',
    title: 'Training and development needs',
    rowHeading: 'Need',
    rows: ['Staff with at least one need', ...named.map((g) => g.text), 'Staff with other needs'],
    columns: ['Staff'],
    cells: [[anyNeed], ...named.map((g) => [g.count]), [others]],
    rowTotals: false,
    columnTotals: false,
    chart: true,
    note: 'A need is named when at least the smallest number this report shows share it. One person can have several needs, so the rows do not add up.',
  };
}
