import type { PhaseName, SchoolPolicy, Timeline } from '../../../services/policy';
import { assertNever } from '../../../services/shared/result';
import { dateInWords } from '../../../services/shared/london-time';

// The timeline as a person reads it: phases and fixed dates, every date in words (R-CYC-1, R-DL-5, R-CAL-2).

const inWords = (day: string) => `${dateInWords(day)} ${day.slice(0, 4)}`;

function phaseTitle(name: PhaseName): string {
  switch (name) {
    case 'planning':
      return 'Planning (objectives)';
    case 'interim':
      return 'Interim review';
    case 'final':
      return 'Final review';
    default:
      return assertNever(name);
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2))).join(''));
}

/** A readable table of one cycle year: its phases, then its fixed dates in date order. */
export function timelineTable(policy: SchoolPolicy, timeline: Timeline): string {
  const closures = policy.settings.closures.length;
  const lines = [
    `${policy.preset.name}`,
    `Cycle ${timeline.cycleYear}: ${inWords(timeline.start)} to ${inWords(timeline.end)}`,
    ...(closures > 0
      ? [`Closures: ${closures}, ${policy.settings.closuresCountForDeadlines ? 'counted as non-working days for deadlines' : 'not counted for deadlines'}`]
      : []),
    '',
    ...table([['Phase', 'From', 'To'], ...timeline.phases.map((p) => [phaseTitle(p.name), inWords(p.from), inWords(p.to)])]),
    '',
  ];
  const dates = [...timeline.dates].sort((a, b) => a.due.localeCompare(b.due));
  if (dates.length === 0) lines.push('No fixed dates: this policy sets none, and the school has set no statement date.');
  else lines.push(...table([['Fixed date', 'When', 'Rule'], ...dates.map((d) => [capitalised(d.label), inWords(d.due), d.rule])]));
  return lines.join('\n');
}
