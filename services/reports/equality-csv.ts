import { parse } from 'csv-parse/sync';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { equalityInputSchema } from './report-input';
import type { EqualityInput } from './report-input';
import type { ReportCsvError } from './report-csv-inputs';

// The school's HR file of equality answers (R-RPT-1): a `staffId` column and one column per question, each
// answer optional. A bad file is refused whole, naming the line and the column, and never echoing an answer:
// the file is sensitive even where it is wrong.

/** The file's columns: the staff id, then the questions as `EqualityInput` names them. */
export const EQUALITY_CSV_COLUMNS: readonly string[] = ['staffId', ...Object.keys(equalityInputSchema.shape)];

type Question = keyof EqualityInput;
const QUESTIONS = Object.keys(equalityInputSchema.shape) as Question[];
/** A question's choices, as the answers' own schema lists them. */
const choicesOf = (question: Question): readonly string[] => equalityInputSchema.shape[question].unwrap().options;

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'it has a different number of columns from the first line',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'it has a different number of columns from the first line',
  CSV_INVALID_CLOSING_QUOTE: 'a quotation mark is not closed properly',
  CSV_QUOTE_NOT_CLOSED: 'a quotation mark is never closed',
};

function records(text: string): Result<{ fields: string[]; line: number }[], ReportCsvError> {
  try {
    const rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return ok(rows.map((r) => ({ fields: r.record, line: r.info.lines })));
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const where = typeof e.lines === 'number' ? ` at line ${e.lines}` : '';
    return fail('REPORT.CSV_INVALID', `The equality file cannot be read as CSV${where}: ${CSV_PROBLEMS[e.code ?? ''] ?? 'please save it again as CSV'}.`);
  }
}

/** One answer as written: blank is no answer (`null`); otherwise one of the question's choices, in any case. */
function answerOf(question: Question, raw: string): string | null | undefined {
  if (raw === '') return null;
  return choicesOf(question).find((choice) => choice === raw.toLowerCase());
}

/**
 * Equality answers by staff id, from the school's CSV (R-RPT-1). Column names are matched in any case; a column
 * the file does not use, a missing staff id, an answer that is not one of the choices, or a staff id given twice
 * refuses the whole file, naming the line and the column. A row with every answer blank gives `{}`.
 */
export function parseEqualityCsv(text: string): Result<Map<string, EqualityInput>, ReportCsvError> {
  const read = records(text);
  if (!read.ok) return read;
  const [header, ...rows] = read.value;
  if (!header) return fail('REPORT.CSV_INVALID', 'The equality file is empty: it needs a first line naming its columns.');
  const columns: (string | null)[] = [];
  for (const name of header.fields) {
    const known = EQUALITY_CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? null;
    if (known === null) return fail('REPORT.CSV_INVALID', `Line ${header.line} of the equality file, column ${name || '(blank)'}: this is not a column the file uses. The columns are ${EQUALITY_CSV_COLUMNS.join(', ')}.`);
    if (columns.includes(known)) return fail('REPORT.CSV_INVALID', `Line ${header.line} of the equality file: column ${known} is there twice.`);
    columns.push(known);
  }
  if (!columns.includes('staffId')) return fail('REPORT.CSV_INVALID', `Line ${header.line} of the equality file: there is no staffId column.`);
  const out = new Map<string, EqualityInput>();
  const seen = new Map<string, number>();
  for (const { fields, line } of rows) {
    const cell = (column: string) => fields[columns.indexOf(column)] ?? '';
    const staffId = cell('staffId');
    if (staffId === '') return fail('REPORT.CSV_INVALID', `Line ${line} of the equality file, column staffId: the staff id is missing.`);
    const before = seen.get(staffId.toLowerCase());
    if (before !== undefined) return fail('REPORT.CSV_INVALID', `Staff id ${staffId} is in the equality file twice, on lines ${before} and ${line}.`);
    seen.set(staffId.toLowerCase(), line);
    const answers: Record<string, string> = {};
    for (const question of QUESTIONS.filter((q) => columns.includes(q))) {
      const answer = answerOf(question, cell(question));
      if (answer === undefined) return fail('REPORT.CSV_INVALID', `Line ${line} of the equality file, column ${question}: the answers allowed are ${choicesOf(question).join(', ')}, or a blank.`);
      if (answer !== null) answers[question] = answer;
    }
    out.set(staffId, equalityInputSchema.parse(answers));
  }
  return ok(out);
}
