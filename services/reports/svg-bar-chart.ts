import { HIDDEN_MARKER, escapeHtml } from './html-escape';
import type { PublishedCount } from './suppression';

// A plain horizontal bar chart as inline SVG, so the printed report needs nothing from outside (R-RPT-1).
// Hidden counts get no bar, only the marker: a bar's length would give the count away.

const LABEL_WIDTH = 300;
const BAR_WIDTH = 260;
const ROW_HEIGHT = 22;

/** One bar per row; `title` names the chart for screen readers. */
export function barChartSvg(title: string, rows: readonly { label: string; count: PublishedCount }[]): string {
  const max = Math.max(1, ...rows.map((r) => (r.count.type === 'count' ? r.count.value : 0)));
  const height = rows.length * ROW_HEIGHT + 4;
  const bars = rows.map((row, i) => {
    const y = i * ROW_HEIGHT + 2;
    const label = `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(row.label)}</text>`;
    if (row.count.type === 'hidden') return `${label}<text x="${LABEL_WIDTH + 4}" y="${y + 15}" class="hidden">${HIDDEN_MARKER}</text>`;
    const width = Math.round((BAR_WIDTH * row.count.value) / max);
    return `${label}<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${ROW_HEIGHT - 6}" class="bar"/><text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${row.count.value}</text>`;
  });
  return `<svg role="img" width="${LABEL_WIDTH + BAR_WIDTH + 60}" height="${height}" viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}"><title>${escapeHtml(title)}</title>${bars.join('')}</svg>`;
}
