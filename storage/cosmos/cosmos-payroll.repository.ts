import type { Container, JSONObject } from '@azure/cosmos';
import type { PayrollExportRecord, PayrollExportRepository } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Clock } from '../../services/shared/time';
import { payrollExportDocSchema } from '../shared/documents.schema';
import { retentionEnd, retentionTtlSeconds } from '../shared/store-rules';
import { checkPayrollExport, payrollExportId, readDocument, unstamped } from '../shared/validate';
import { pointRead } from './cosmos-case.repository';
import { docId, statusOf, unwrap, wrap } from './cosmos-documents';

// A payroll export is a `payroll-export` document in the `cases` container, in the school's partition, with the
// cycle's start as its record id. That container has per-item ttl on, so the export expires with the cycle's
// cases six years after the cycle ends (R-PRV-2); no sweep ever reads these documents (they filter on `type`).

/** The document id of a school's export for a cycle. */
export const payrollExportDocId = (cycleId: string): string => docId('payroll-export', cycleId);

/** Payroll exports in Cosmos DB: created conditionally, replaced with `ifMatch` at the version read (R-PAY-1). */
export function cosmosPayrollExports(container: Container, clock: Clock): PayrollExportRepository {
  const read = async (schoolId: string, cycleId: string) => {
    const found = await pointRead(container, 'payroll-export', cycleId, schoolId);
    if (!found) return null;
    const record: PayrollExportRecord = unstamped(readDocument(payrollExportDocSchema, unwrap(found.doc), payrollExportId(schoolId, cycleId)));
    return { record, etag: found.etag };
  };
  return {
    get: async (schoolId, cycleId) => (await read(schoolId, cycleId))?.record ?? null,
    save: async (record, expectedVersion) => {
      const checked = checkPayrollExport(record, expectedVersion);
      const id = payrollExportId(record.schoolId, record.cycleId);
      const retention = { ttl: retentionTtlSeconds(record.cycleEnd, clock.now()), retainUntil: retentionEnd(record.cycleEnd) };
      const doc = wrap('payroll-export', { ...checked, id: record.cycleId }, retention) as JSONObject;
      try {
        if (expectedVersion === null) {
          await container.items.create(doc);
        } else {
          const current = await read(record.schoolId, record.cycleId);
          if (!current || current.record.version !== expectedVersion) throw new ConcurrencyError(id);
          await container.item(payrollExportDocId(record.cycleId), record.schoolId).replace(doc, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        }
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412 || status === 404) throw new ConcurrencyError(id);
        throw error;
      }
      return unstamped(checked);
    },
  };
}
