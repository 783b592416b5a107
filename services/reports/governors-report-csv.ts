import { csvText } from './csv-text';
import type { GovernorsReport } from './governors-report';
import { HIDDEN_MARKER } from './html-escape';
import type { PublishedCount } from './suppression';

// The governors' report as one CSV (R-RPT-1): a row per published number — section, table, row, column, value —
// hidden numbers as the marker, explained in the first rows.

const value = (c: PublishedCount | null | undefined) => (c === null || c === undefined || c.type === 'hidden' ? HIDDEN_MARKER : c.value);

/** The report as CSV. */
export function renderGovernorsReportCsv(report: GovernorsReport): string {
  const rows: (string | number)[][] = [['Section', 'Table', 'Row', 'Column', 'Value']];
  const about = `Appraisal report to governors: ${report.cycleLabel}, ${report.schoolName}`;
  rows.push(['About this report', about, HIDDEN_MARKER, '', `Not shown: below ${report.threshold} (0 included), or hidden so that a small number cannot be worked out from the totals or from another table`]);
  for (const section of report.sections) {
    for (const t of section.tables) {
      const line = (label: string, cells: readonly PublishedCount[], total: PublishedCount | null, rate: number | null | undefined) => {
        cells.forEach((c, j) => rows.push([section.title, t.title, label, t.columns[j] ?? '', value(c)]));
        if (t.rowTotals) rows.push([section.title, t.title, label, 'Total', value(total)]);
        if (t.rate) rows.push([section.title, t.title, label, t.rate.title, rate === null || rate === undefined ? HIDDEN_MARKER : rate]);
      };
      t.rows.forEach((label, i) => line(label, t.cells[i] ?? [], t.rowTotals?.[i] ?? null, t.rate?.rows[i]));
      if (t.columnTotals) line('Total', t.columnTotals, t.grandTotal, t.rate?.total);
    }
  }
  return csvText(rows);
}
