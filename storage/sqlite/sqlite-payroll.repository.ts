import type Database from 'better-sqlite3';
import type { PayrollExportRecord, PayrollExportRepository } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import { payrollExportDocSchema } from '../shared/documents.schema';
import { retentionEnd } from '../shared/store-rules';
import { checkPayrollExport, parseJsonText, payrollExportId, readDocument, unstamped } from '../shared/validate';

/** Payroll exports in SQLite, one row per school and cycle, replaced only at the version read (R-PAY-1, R-PRV-2). */
export function sqlitePayrollExports(db: Database.Database): PayrollExportRepository {
  const get = db.prepare<[string, string], { doc: string }>('SELECT doc FROM payroll_exports WHERE school_id = ? AND cycle_id = ?');
  const insert = db.prepare('INSERT INTO payroll_exports (school_id, cycle_id, version, expires_at, doc) VALUES (?, ?, 1, ?, ?) ON CONFLICT (school_id, cycle_id) DO NOTHING');
  const replace = db.prepare('UPDATE payroll_exports SET version = version + 1, expires_at = ?, doc = ? WHERE school_id = ? AND cycle_id = ? AND version = ?');
  return {
    get: async (schoolId, cycleId): Promise<PayrollExportRecord | null> => {
      const row = get.get(schoolId, cycleId);
      const id = payrollExportId(schoolId, cycleId);
      return row ? unstamped(readDocument(payrollExportDocSchema, parseJsonText(row.doc, id), id)) : null;
    },
    save: async (record, expectedVersion) => {
      const doc = checkPayrollExport(record, expectedVersion);
      const text = JSON.stringify(doc);
      const expiresAt = retentionEnd(record.cycleEnd);
      const changes = expectedVersion === null
        ? insert.run(record.schoolId, record.cycleId, expiresAt, text).changes
        : replace.run(expiresAt, text, record.schoolId, record.cycleId, expectedVersion).changes;
      if (changes !== 1) throw new ConcurrencyError(payrollExportId(record.schoolId, record.cycleId));
      return unstamped(doc);
    },
  };
}
