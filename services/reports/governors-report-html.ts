import type { GovernorsReport, ReportTable } from './governors-report';
import { HIDDEN_MARKER, escapeHtml } from './html-escape';
import type { PublishedCount } from './suppression';
import { barChartSvg } from './svg-bar-chart';

// The governors' report as one printable HTML document (R-RPT-1): styles inline, charts as inline SVG, no
// scripts and nothing loaded from elsewhere, every piece of text escaped.

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1d4f91; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; } .about { background: #f2f5fa; border-left: 4px solid #1d4f91; padding: 0.6rem 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; page-break-inside: avoid; }
th, td { border: 1px solid #b8c2cc; padding: 0.25rem 0.5rem; } td { text-align: right; } th { background: #eef1f5; text-align: left; }
tr.total th, tr.total td, td.total { font-weight: bold; } .note { font-size: 0.85rem; color: #444; }
svg text { font: 12px Arial, Helvetica, sans-serif; fill: #1b1b1b; } svg .bar { fill: #1d4f91; } svg .hidden { fill: #666; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } section { page-break-inside: avoid; } }
@page { margin: 18mm; }`;

const show = (c: PublishedCount | null | undefined) => (c === null || c === undefined ? '' : c.type === 'count' ? String(c.value) : HIDDEN_MARKER);
const showRate = (r: number | null) => (r === null ? HIDDEN_MARKER : `${r}%`);

function tableHtml(t: ReportTable): string {
  const head = [t.rowHeading, ...t.columns, ...(t.rowTotals ? ['Total'] : []), ...(t.rate ? [t.rate.title] : [])].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = t.rows.map((label, i) => {
    const cells = (t.cells[i] ?? []).map((c) => `<td>${show(c)}</td>`).join('');
    const total = t.rowTotals ? `<td class="total">${show(t.rowTotals[i])}</td>` : '';
    const rate = t.rate ? `<td>${showRate(t.rate.rows[i] ?? null)}</td>` : '';
    return `<tr><th scope="row">${escapeHtml(label)}</th>${cells}${total}${rate}</tr>`;
  });
  if (t.columnTotals) {
    const rate = t.rate ? `<td>${showRate(t.rate.total)}</td>` : '';
    body.push(`<tr class="total"><th scope="row">Total</th>${t.columnTotals.map((c) => `<td>${show(c)}</td>`).join('')}${t.rowTotals ? `<td>${show(t.grandTotal)}</td>` : ''}${rate}</tr>`);
  }
  const chart = t.chart ? barChartSvg(t.title, t.rows.map((label, i) => ({ label, count: t.cells[i]?.[0] ?? { type: 'hidden' } }))) : '';
  const note = t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '';
  return `<h3>${escapeHtml(t.title)}</h3>${chart}<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${note}`;
}

/** The report as a printable, self-contained HTML document in UK English. */
export function renderGovernorsReportHtml(report: GovernorsReport): string {
  const title = `Appraisal report to governors: ${report.cycleLabel}`;
  const about = [
    `This report is about how staff appraisal worked at ${report.schoolName} in ${report.cycleLabel}. It names no one.`,
    `${HIDDEN_MARKER} marks a number that is not shown: it is below ${report.threshold} (0 included), or it is hidden so that a small number cannot be worked out from the totals or from another table.`,
  ];
  const sections = report.sections.map((s) => `<section><h2>${escapeHtml(s.title)}</h2><p>${escapeHtml(s.intro)}</p>${s.tables.map(tableHtml).join('')}</section>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(report.schoolName)}</p>`,
    `<div class="about">${about.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`,
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
