import { parse } from 'csv-parse/sync';
import { canonicalColumn, ROSTER_COLUMNS, rosterRowSchema } from './roster-row.schema';
import type { RosterColumn, RosterRow } from './roster-row.schema';

/** A problem in a roster file, on the CSV line it was found (the header is line 1). */
export interface RosterIssue {
  line: number;
  message: string;
}

/** A validated row and the CSV line it came from. */
export interface NumberedRow {
  line: number;
  row: RosterRow;
}

/** Parses and validates every row of a roster CSV; returns rows or every issue found (never half of each). */
export function readRosterCsv(csvText: string): { rows: NumberedRow[]; issues: RosterIssue[]; staffIds: Set<string> } {
  const staffIds = new Set<string>();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    // A malformed file (e.g. an unclosed quote) is an expected input problem, so it becomes an issue.
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { rows: [], staffIds, issues: [{ line, message: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], staffIds, issues: [{ line: 1, message: 'the file is empty' }] };
  const issues: RosterIssue[] = [];
  const columns: (RosterColumn | null)[] = header.record.map((h) => canonicalColumn(h));
  header.record.forEach((h, i) => {
    if (columns[i] === null && h.trim() !== '') issues.push({ line: 1, message: `unknown column "${h}"` });
    if (columns[i] !== null && columns.indexOf(columns[i]!) !== i) issues.push({ line: 1, message: `column "${h}" appears twice` });
  });
  for (const [name, required] of ROSTER_COLUMNS) {
    if (required && !columns.includes(name)) issues.push({ line: 1, message: `required column "${name}" is missing` });
  }
  if (issues.length > 0) return { rows: [], issues, staffIds };
  const rows: NumberedRow[] = [];
  for (const { record, info } of body) {
    const raw: Record<string, string> = Object.fromEntries(ROSTER_COLUMNS.map(([name]) => [name, '']));
    columns.forEach((c, i) => {
      if (c) raw[c] = record[i] ?? '';
    });
    // Staff ids of invalid rows still count, so their reports do not add "unknown line manager" noise.
    if (raw['staff id']?.trim()) staffIds.add(raw['staff id'].trim().toLowerCase());
    const parsed = rosterRowSchema.safeParse(raw);
    if (parsed.success) rows.push({ line: info.lines, row: parsed.data });
    else for (const issue of parsed.error.issues) issues.push({ line: info.lines, message: `${String(issue.path[0] ?? 'row')}: ${issue.message}` });
  }
  return { rows, issues, staffIds };
}
