import type { z } from 'zod/v4';
import { InvalidDocumentError } from '../../services/ports/errors';
import type { CaseWrite, EqualityRecord, PayrollExportRecord, SchoolRecord } from '../../services/ports/store.port';
import { auditDocSchema, caseDocSchema, equalityDocSchema, outboxDocSchema, payrollExportDocSchema, reminderDocSchema, schoolDocSchema, SCHEMA_VERSION } from './documents.schema';

/**
 * Parses a stored document, or throws InvalidDocumentError naming its id. The detail lists the failing
 * field paths of our own schemas only (field names, never values), so no appraisal content reaches a log.
 */
export function readDocument<T extends z.ZodType>(schema: T, raw: unknown, documentId: string): z.output<T> {
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== SCHEMA_VERSION) {
    throw new InvalidDocumentError(documentId, `unknown schema version (expected ${SCHEMA_VERSION})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)');
    throw new InvalidDocumentError(documentId, `invalid fields: ${[...new Set(paths)].join(', ')}`);
  }
  return parsed.data;
}

/** Runs the case module's parser over stored case state; any failure becomes InvalidDocumentError without content. */
export function readCaseState<S>(parse: (raw: unknown) => S, raw: unknown, documentId: string): S {
  try {
    return parse(raw);
  } catch {
    throw new InvalidDocumentError(documentId, 'case state failed validation');
  }
}

/** Parses JSON text from a row; unreadable text is an invalid document, not a SyntaxError from deep inside. */
export function parseJsonText(text: string, documentId: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidDocumentError(documentId, 'not valid JSON');
  }
}

/** The record without its storage stamp (`schemaVersion`), as the ports return it. */
export function unstamped<T extends { schemaVersion: number }>(doc: T): Omit<T, 'schemaVersion'> {
  const { schemaVersion: _v, ...rest } = doc;
  return rest;
}

/** Checks a whole case write before storing it, so no store ever writes what it could not read back. */
export function checkCaseWrite<S>(write: CaseWrite<S>, parseCaseState: (raw: unknown) => S): void {
  const c = write.case;
  readDocument(caseDocSchema, { ...c, version: (write.expectedVersion ?? 0) + 1, schemaVersion: SCHEMA_VERSION }, c.id);
  readCaseState(parseCaseState, c.state, c.id);
  for (const o of write.outbox) readDocument(outboxDocSchema, { ...o, schemaVersion: SCHEMA_VERSION }, o.id);
  for (const r of write.reminders) readDocument(reminderDocSchema, { ...r, schemaVersion: SCHEMA_VERSION }, r.id);
  for (const a of write.audit) readDocument(auditDocSchema, { ...a, schemaVersion: SCHEMA_VERSION }, a.id);
}

/** Checks a school before storing it. */
export function checkSchool(school: SchoolRecord): void {
  readDocument(schoolDocSchema, { ...school, version: Math.max(1, school.version), schemaVersion: SCHEMA_VERSION }, school.id);
}

/** The id a payroll export is known by in errors: its school and cycle, never its content. */
export const payrollExportId = (schoolId: string, cycleId: string): string => `payroll-export ${schoolId}/${cycleId}`;

/** Checks a payroll export before storing it and returns it as stored: at its new version, stamped (R-PAY-1). */
export function checkPayrollExport(record: PayrollExportRecord, expectedVersion: number | null): PayrollExportRecord & { schemaVersion: typeof SCHEMA_VERSION } {
  const stored = { ...record, version: (expectedVersion ?? 0) + 1, schemaVersion: SCHEMA_VERSION };
  return readDocument(payrollExportDocSchema, stored, payrollExportId(record.schoolId, record.cycleId));
}

/** The id a person's equality answers are known by in errors: school and person, never an answer. */
export const equalityId = (schoolId: string, personId: string): string => `equality ${schoolId}/${personId}`;

/** Checks a person's equality answers before storing them and returns them as stored, stamped (R-RPT-1). */
export function checkEquality(record: EqualityRecord): EqualityRecord & { schemaVersion: typeof SCHEMA_VERSION } {
  return readDocument(equalityDocSchema, { ...record, schemaVersion: SCHEMA_VERSION }, equalityId(record.schoolId, record.personId));
}

/** Checks a record for a conditional import write: its answers as `checkEquality` does, and its source 'import'. */
export function checkImportedEquality(record: EqualityRecord): EqualityRecord & { schemaVersion: typeof SCHEMA_VERSION } {
  const doc = checkEquality(record);
  if (doc.source !== 'import') throw new InvalidDocumentError(equalityId(record.schoolId, record.personId), "source: only imported answers (source 'import') are stored this way");
  return doc;
}

/**
 * Whether a stored equality document holds the person's own answers (source 'self'). Decided on the source alone,
 * without the rest of the schema, so an import keeps even a damaged record of theirs and may replace its own.
 */
export const isOwnEquality = (doc: unknown): boolean => typeof doc === 'object' && doc !== null && (doc as { source?: unknown }).source === 'self';
