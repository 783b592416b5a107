import { anEquality } from './store-equality.contract';
import { anExport } from './store-payroll.contract';
import { aCase, anAudit, anOutbox, aReminder, aWrite, NOW, type StoreHarness } from './store-fixtures';

/**
 * Retention by purge, for stores that destroy expired documents themselves (memory, SQLite). Cosmos DB destroys
 * them by `ttl`, which its test server does not run: the Cosmos adapter's ttl values are unit-tested instead.
 */
export function retentionContract(open: () => Promise<StoreHarness>): void {
  it('R-PRV-2: a case and its audit and reminders are destroyed six years after the cycle ends, not before', async () => {
    const { store, dispose } = await open();
    const purge = store.purgeExpired?.bind(store);
    if (!purge) throw new Error('this store must purge');
    await store.cases.save(aWrite({ case: aCase({ cycleEnd: '2020-08-31' }), reminders: [aReminder()], audit: [anAudit()] }));
    await store.cases.save(aWrite({ case: aCase({ id: 'case-2', cycleEnd: '2021-08-31' }), audit: [anAudit({ id: 'audit-2', caseId: 'case-2' })] }));
    expect(await purge('2026-08-31T23:59:59.999Z')).toBe(0);
    expect(await store.cases.get('school-a', 'case-1')).not.toBeNull();
    expect(await purge('2026-09-01T00:00:00.000Z')).toBe(3);
    expect(await store.cases.get('school-a', 'case-1')).toBeNull();
    expect(await store.audit.listForCase('school-a', 'case-1')).toEqual([]);
    expect(await store.reminders.get('school-a', aReminder().id)).toBeNull();
    expect((await store.cases.get('school-a', 'case-2'))?.id).toBe('case-2');
    await dispose();
  });

  it('R-PRV-2: an audit event or reminder added later about a case shares its retention; one about no case is kept', async () => {
    const { store, dispose } = await open();
    const purge = store.purgeExpired?.bind(store);
    if (!purge) throw new Error('this store must purge');
    await store.cases.save(aWrite({ case: aCase({ cycleEnd: '2020-08-31' }) }));
    await store.audit.append(anAudit({ id: 'later' }));
    await store.audit.append(anAudit({ id: 'school-wide', caseId: null }));
    await store.reminders.create(aReminder({ id: 'later' }));
    expect(await purge('2026-09-01T00:00:00.000Z')).toBe(3);
    expect(await store.reminders.get('school-a', 'later')).toBeNull();
    await store.cases.save(aWrite({ case: aCase({ cycleEnd: '2020-08-31' }) }));
    expect(await store.audit.listForCase('school-a', 'case-1')).toEqual([]);
    await dispose();
  });

  it('R-PRV-2: a payroll export is destroyed six years after its cycle ends, with the cycle’s cases, not before', async () => {
    const { store, dispose } = await open();
    const purge = store.purgeExpired?.bind(store);
    if (!purge) throw new Error('this store must purge');
    await store.payrollExports.save(anExport({ cycleId: '2019-09-01', cycleEnd: '2020-08-31' }), null);
    await store.payrollExports.save(anExport(), null);
    expect(await purge('2026-08-31T23:59:59.999Z')).toBe(0);
    expect(await store.payrollExports.get('school-a', '2019-09-01')).not.toBeNull();
    expect(await purge('2026-09-01T00:00:00.000Z')).toBe(1);
    expect(await store.payrollExports.get('school-a', '2019-09-01')).toBeNull();
    expect((await store.payrollExports.get('school-a', '2025-09-01'))?.version).toBe(1);
    await dispose();
  });

  it('idempotency keys are purged after their day, and delivered outbox messages after thirty days', async () => {
    const { store, dispose } = await open();
    const purge = store.purgeExpired?.bind(store);
    if (!purge) throw new Error('this store must purge');
    await store.idempotency.firstSeen('teams:a1', NOW, 86_400);
    await store.cases.save(aWrite({ outbox: [anOutbox(), anOutbox({ id: 'out-2' })] }));
    await store.outbox.markDone('school-a', 'out-1');
    expect(await purge('2026-11-26T08:59:59.000Z')).toBe(0);
    expect(await purge('2026-11-26T09:00:00.000Z')).toBe(1);
    expect(await purge('2026-12-25T09:00:00.000Z')).toBe(1);
    expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['out-2']);
    await dispose();
  });

  it('R-RPT-1: equality answers have no expiry of their own: a purge, however late, leaves them', async () => {
    const { store, dispose } = await open();
    const purge = store.purgeExpired?.bind(store);
    if (!purge) throw new Error('this store must purge');
    await store.equality.put(anEquality());
    expect(await purge('2099-01-01T00:00:00.000Z')).toBe(0);
    expect(await store.equality.get('school-a', 'p-ada')).toEqual(anEquality());
    await dispose();
  });
}
