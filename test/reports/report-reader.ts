import type { GovernorsReport, PublishedCount, ReportTable } from '../../services/reports';
import type { PublishedShape } from './disclosure-check';

// How a reader of the governors' report can link its tables: what they know the numbers mean, written here from
// the report's headings, apart from the report's own code.

/** Which published numbers are the same count, as a reader knows from the headings. */
function readerLink(t: ReportTable): (i: number, j: number) => string | undefined {
  const [rows, columns] = [t.rows.length, t.columns.length];
  const outcome = /^outcomes\.(ratings|pay)\.(.+)$/.exec(t.id);
  return (i, j) => {
    if (t.id === 'operation.stages') return i === rows ? 'everyone' : undefined;
    if (t.id === 'effectiveness.ratings') return i === rows ? 'everyone' : `assessment ${t.rows[i]}`;
    if (t.id === 'effectiveness.pay') return i === rows ? 'everyone' : `pay ${t.rows[i]}`;
    if (outcome) {
      if (i === rows && j === columns) return 'everyone';
      if (i === rows) return `${outcome[1] === 'ratings' ? 'assessment' : 'pay'} ${t.columns[j]}`;
      if (j === columns) return `people in ${outcome[2]} group ${t.rows[i]}`;
    }
    if (t.id.startsWith('appeals.') && i === rows) return j === columns ? 'all appeals' : `appeals ending ${t.columns[j]}`;
    return undefined;
  };
}

/** Every table of a report. */
export const tablesOf = (report: GovernorsReport): ReportTable[] => report.sections.flatMap((s) => s.tables);

/** The report's tables as a reader sees them. */
export const readerShapes = (report: GovernorsReport): PublishedShape[] =>
  tablesOf(report).map((t) => ({ rows: t.rows.length, columns: t.columns.length, link: readerLink(t), published: t }));

/** A table's published number at a row and column label ('Total' for totals), or 'c' when hidden. */
export function shown(report: GovernorsReport, tableId: string, row: string, column: string): number | 'c' {
  const t = tablesOf(report).find((x) => x.id === tableId);
  if (!t) throw new Error(`no table ${tableId}`);
  const i = row === 'Total' ? t.rows.length : t.rows.indexOf(row);
  const j = column === 'Total' ? t.columns.length : t.columns.indexOf(column);
  if (i < 0 || j < 0) throw new Error(`no cell ${row} / ${column} in ${tableId}`);
  const cell: PublishedCount | null | undefined =
    i < t.rows.length && j < t.columns.length ? t.cells[i]?.[j] : i < t.rows.length ? t.rowTotals?.[i] : j < t.columns.length ? t.columnTotals?.[j] : t.grandTotal;
  if (!cell) throw new Error(`cell ${row} / ${column} is not published in ${tableId}`);
  return cell.type === 'count' ? cell.value : 'c';
}
