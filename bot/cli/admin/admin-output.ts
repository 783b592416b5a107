import { readFileSync } from 'node:fs';
import type { SchoolRecord, Store } from '../../../services/ports/store.port';

// Input and output for the admin command: options read the same way by every command; JSON with --json,
// otherwise a plain table a person can read.

/** A usage or input problem: the command prints one line on stderr and exits with code 2. */
export class UsageError extends Error {}

/** The parsed command-line options every command may read. */
export type Options = Record<string, string | boolean | string[] | undefined>;

/** A required option's value, or a usage error naming it. */
export const need = (o: Options, name: string): string => {
  const v = o[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v;
};

/** A file named on the command line, or a usage error saying it cannot be read. */
/** The school with this id, or a usage error saying there is none. */
export async function knownSchool(store: Pick<Store, 'schools'>, id: string): Promise<SchoolRecord> {
  const found = await store.schools.get(id);
  if (!found) throw new UsageError(`there is no school with id ${id}`);
  return found;
}

export const readInput = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read file ${file}`);
  }
};

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
