import { ConcurrencyError, InvalidDocumentError } from '../../services/ports/errors';
import type { PayrollExportRecord } from '../../services/ports/store.port';
import type { StoreHarness } from './store-fixtures';

/** A payroll export as the admin command records it; invented staff ids. */
export const anExport = (o: Partial<PayrollExportRecord> = {}): PayrollExportRecord => ({
  schoolId: 'school-a', cycleId: '2025-09-01', cycleEnd: '2026-08-31', exportedOn: '2026-12-01', effectiveDate: '2027-04-01',
  rows: [
    { staffId: 'OAK-101', currentPoint: 4, recommendation: 'increment', newPoint: 5, effectiveDate: '2027-04-01' },
    { staffId: 'OAK-102', currentPoint: 9, recommendation: 'withhold', newPoint: 9, effectiveDate: '2027-04-01' },
  ],
  exportedBy: 'admin', version: 0, ...o,
});

/** What payroll has, per school and cycle: the same behaviour from every store (R-PAY-1). */
export function payrollExportsContract(h: () => StoreHarness): void {
  describe('payroll exports', () => {
    it('R-PAY-1: an export is recorded once at version 1; a second first export of the cycle is refused, not overwritten', async () => {
      const { payrollExports } = h().store;
      expect(await payrollExports.get('school-a', '2025-09-01')).toBeNull();
      expect(await payrollExports.save(anExport(), null)).toEqual(anExport({ version: 1 }));
      await expect(payrollExports.save(anExport({ exportedOn: '2026-12-09', rows: [] }), null)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await payrollExports.get('school-a', '2025-09-01')).toEqual(anExport({ version: 1 }));
    });

    it('R-PAY-1: a replacement is stored only at the version read, so two replacements cannot both win', async () => {
      const { payrollExports } = h().store;
      await payrollExports.save(anExport(), null);
      const replaced = await payrollExports.save(anExport({ exportedOn: '2026-12-09', rows: anExport().rows.slice(1) }), 1);
      expect(replaced.version).toBe(2);
      await expect(payrollExports.save(anExport({ exportedOn: '2026-12-10', rows: [] }), 1)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(payrollExports.save(anExport({ cycleId: '2024-09-01' }), 1)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await payrollExports.get('school-a', '2025-09-01')).toEqual(anExport({ exportedOn: '2026-12-09', rows: anExport().rows.slice(1), version: 2 }));
    });

    it('R-PAY-1: each school and cycle has its own export', async () => {
      const { payrollExports } = h().store;
      await payrollExports.save(anExport(), null);
      await payrollExports.save(anExport({ cycleId: '2024-09-01', cycleEnd: '2025-08-31', exportedOn: '2025-12-01', effectiveDate: '2026-04-01', rows: [] }), null);
      await payrollExports.save(anExport({ schoolId: 'school-b', rows: [] }), null);
      expect((await payrollExports.get('school-a', '2025-09-01'))?.rows).toHaveLength(2);
      expect((await payrollExports.get('school-a', '2024-09-01'))?.exportedOn).toBe('2025-12-01');
      expect((await payrollExports.get('school-b', '2025-09-01'))?.rows).toEqual([]);
      expect(await payrollExports.get('school-b', '2024-09-01')).toBeNull();
    });

    it('an export that would not read back is refused before anything is stored, naming school and cycle only', async () => {
      const { payrollExports } = h().store;
      const bad = anExport({ rows: [{ staffId: 'OAK-101', currentPoint: 4.5, recommendation: 'increment', newPoint: 5, effectiveDate: '2027-04-01' }] });
      const refused = payrollExports.save(bad, null);
      await expect(refused).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(refused).rejects.toThrow(/school-a\/2025-09-01.*rows\.0\.currentPoint/);
      await expect(refused).rejects.not.toThrow(/OAK-101/);
      expect(await payrollExports.get('school-a', '2025-09-01')).toBeNull();
    });
  });
}
