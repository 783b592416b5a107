import { parse } from 'csv-parse/sync';
import { z } from 'zod/v4';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';

// Files a school hands the reports: current pay points for payroll (the roster holds none, R-PAY-1), keyed by
// staff id and checked row by row. The equality file has its own reader (equality-csv.ts).

/** Codes of the CSV inputs' expected failures. */
export type ReportCsvError = 'REPORT.CSV_INVALID';

const pointRowSchema = z.object({ staffId: z.string().trim().min(1), currentPoint: z.coerce.number().int().min(1).max(99) });

function rows<T>(text: string, schema: z.ZodType<T>, what: string): Result<T[], ReportCsvError> {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    return fail('REPORT.CSV_INVALID', `The ${what} file is not valid CSV: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const out: T[] = [];
  for (const [i, record] of records.entries()) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) return fail('REPORT.CSV_INVALID', `Row ${i + 2} of the ${what} file: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    out.push(parsed.data);
  }
  const ids = out.map((r) => (r as { staffId: string }).staffId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) return fail('REPORT.CSV_INVALID', `Staff id ${twice} is in the ${what} file twice.`);
  return ok(out);
}

/** Current pay points by staff id, from a CSV with `staffId` and `currentPoint` columns (R-PAY-1). */
export function parsePayPointsCsv(text: string): Result<Map<string, number>, ReportCsvError> {
  const parsed = rows(text, pointRowSchema, 'pay points');
  return parsed.ok ? ok(new Map(parsed.value.map((r) => [r.staffId, r.currentPoint]))) : parsed;
}
