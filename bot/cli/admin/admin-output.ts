// Output for the admin command: JSON with --json, otherwise a plain table a person can read.

/** A usage or input problem: the command prints one line on stderr and exits with code 2. */
export class UsageError extends Error {}

/** Renders rows as a fixed-width text table with a header line. */
export function table(rows: Record<string, unknown>[], columns?: string[]): string {
  if (rows.length === 0) return '(none)';
  const cols = columns ?? Object.keys(rows[0]!);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

/** What a command hands back for printing: the data (for --json) and its readable form. */
export interface Output {
  data: unknown;
  text: string;
}
