import { ConcurrencyError, InvalidDocumentError } from '../../services/ports/errors';
import { aCase, anAudit, anOutbox, aReminder, aWrite, NOW, outcomes, type StoreHarness } from './store-fixtures';

const outboxOf = async (h: StoreHarness, caseId: string) => (await h.store.outbox.pending(1000)).filter((m) => m.caseId === caseId);

/** Cases with their outbox, reminders and audit: the same behaviour from every store. */
export function casesContract(h: () => StoreHarness): void {
  describe('cases', () => {
    it('creates a case at version 1 with its effects, and reads it back validated', async () => {
      const { store } = h();
      const saved = await store.cases.save(aWrite({ outbox: [anOutbox()], reminders: [aReminder()], audit: [anAudit()] }));
      expect(saved).toEqual(aCase({ version: 1 }));
      expect(await store.cases.get('school-a', 'case-1')).toEqual(aCase({ version: 1 }));
      expect(await outboxOf(h(), 'case-1')).toEqual([anOutbox()]);
      expect(await store.reminders.get('school-a', aReminder().id)).toEqual(aReminder());
      expect(await store.audit.listForCase('school-a', 'case-1')).toEqual([anAudit()]);
    });

    it('refuses to create a case that exists, and returns null for one that does not', async () => {
      const { store } = h();
      await store.cases.save(aWrite());
      await expect(store.cases.save(aWrite())).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.cases.get('school-a', 'case-2')).toBeNull();
      expect(await store.cases.get('school-b', 'case-1')).toBeNull();
    });

    it('saves at the version read, and refuses a stale version without writing any of its effects', async () => {
      const { store } = h();
      await store.cases.save(aWrite());
      const v2 = await store.cases.save(aWrite({ case: aCase({ stage: 'interim' }), expectedVersion: 1 }));
      expect(v2.version).toBe(2);
      const stale = aWrite({ case: aCase({ stage: 'final' }), expectedVersion: 1, outbox: [anOutbox({ id: 'late' })], reminders: [aReminder({ id: 'late' })], audit: [anAudit({ id: 'late' })] });
      await expect(store.cases.save(stale)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.cases.save(aWrite({ case: aCase({ id: 'case-9' }), expectedVersion: 1 }))).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.cases.get('school-a', 'case-1'))?.stage).toBe('interim');
      expect(await outboxOf(h(), 'case-1')).toEqual([]);
      expect(await store.reminders.get('school-a', 'late')).toBeNull();
      expect(await store.audit.listForCase('school-a', 'case-1')).toEqual([]);
    });

    it('lists cases by reviewer, by cycle and by stage within one school', async () => {
      const { store } = h();
      await store.cases.save(aWrite());
      await store.cases.save(aWrite({ case: aCase({ id: 'case-2', reviewerId: 'p-cy', stage: 'interim' }) }));
      await store.cases.save(aWrite({ case: aCase({ id: 'case-3', cycleId: '2025-26', reviewerId: null }) }));
      await store.cases.save(aWrite({ case: aCase({ id: 'case-4', schoolId: 'school-b' }) }));
      const ids = (cases: { id: string }[]) => cases.map((c) => c.id);
      expect(ids(await store.cases.listByReviewer('school-a', 'p-bo'))).toEqual(['case-1']);
      expect(ids(await store.cases.listByCycle('school-a', '2026-27'))).toEqual(['case-1', 'case-2']);
      expect(ids(await store.cases.listByStage('school-a', 'planning'))).toEqual(['case-1', 'case-3']);
      expect(ids(await store.cases.listByStage('school-b', 'planning'))).toEqual(['case-4']);
    });

    it('keeps an existing reminder as it is when a write creates it again, and cancels the ones named', async () => {
      const { store } = h();
      await store.cases.save(aWrite({ reminders: [aReminder(), aReminder({ id: 'r-2' })] }));
      await store.reminders.mark('school-a', aReminder().id, 'sent');
      await store.cases.save(aWrite({ expectedVersion: 1, reminders: [aReminder()], cancelReminderIds: ['r-2', 'r-missing'] }));
      expect((await store.reminders.get('school-a', aReminder().id))?.state).toBe('sent');
      expect((await store.reminders.get('school-a', 'r-2'))?.state).toBe('cancelled');
      expect(await store.reminders.get('school-a', 'r-missing')).toBeNull();
    });

    it('refuses a write whose effects belong to another school (one partition, one batch)', async () => {
      const { store } = h();
      await expect(store.cases.save(aWrite({ outbox: [anOutbox({ schoolId: 'school-b' })] }))).rejects.toThrow(/another school/);
      expect(await store.cases.get('school-a', 'case-1')).toBeNull();
    });

    it('of 50 concurrent saves at one version exactly one wins, the rest get ConcurrencyError', async () => {
      const { store } = h();
      await store.cases.save(aWrite());
      const writes = Array.from({ length: 50 }, (_, i) =>
        store.cases.save(aWrite({ case: aCase({ state: { title: `writer ${i}`, notes: [] } }), expectedVersion: 1, outbox: [anOutbox({ id: `out-${i}` })] })),
      );
      const { ok, errors } = await outcomes(writes);
      expect(ok).toBe(1);
      expect(errors).toHaveLength(49);
      expect(errors.every((e) => e instanceof ConcurrencyError)).toBe(true);
      const stored = await store.cases.get('school-a', 'case-1');
      expect(stored?.version).toBe(2);
      const outbox = await outboxOf(h(), 'case-1');
      expect(outbox).toHaveLength(1);
      expect(outbox[0]?.id).toBe(`out-${stored?.state.title.replace('writer ', '')}`);
    });
  });

  describe('outbox', () => {
    it('returns pending messages in creation order up to the limit, and forgets delivered ones', async () => {
      const { store } = h();
      const later = anOutbox({ id: 'o-late', createdAt: '2026-11-25T10:00:00.000Z' });
      await store.cases.save(aWrite({ outbox: [later, anOutbox({ id: 'o-early' })] }));
      await store.cases.save(aWrite({ case: aCase({ id: 'case-2' }), outbox: [anOutbox({ id: 'o-mid', caseId: 'case-2', createdAt: '2026-11-25T09:30:00.000Z' })] }));
      expect((await store.outbox.pending(2)).map((m) => m.id)).toEqual(['o-early', 'o-mid']);
      await store.outbox.markDone('school-a', 'o-early');
      await store.outbox.markDone('school-a', 'o-unknown');
      expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['o-mid', 'o-late']);
    });
  });

  describe('documents are checked on write', () => {
    it('refuses a case whose state the case module rejects, or with an impossible cycle end, storing nothing', async () => {
      const { store } = h();
      const badState = aWrite({ case: aCase({ state: { title: 'x', notes: 'not a list' } as never }), outbox: [anOutbox()] });
      await expect(store.cases.save(badState)).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(store.cases.save(aWrite({ case: aCase({ cycleEnd: '2027-02-30' }) }))).rejects.toThrow(/case-1.*cycleEnd/);
      expect(await store.cases.get('school-a', 'case-1')).toBeNull();
      expect(await store.outbox.pending(10)).toEqual([]);
    });
  });

  describe('stored documents are checked on read', () => {
    it('an unknown schema version is an InvalidDocumentError naming the id, never the content', async () => {
      const harness = h();
      await harness.plantRawCase('school-a', 'case-x', { ...aCase({ id: 'case-x', version: 1 }), schemaVersion: 99, state: { title: 'Private words', notes: [] } });
      const error = await harness.store.cases.get('school-a', 'case-x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDocumentError);
      expect((error as InvalidDocumentError).documentId).toBe('case-x');
      expect(String((error as Error).message)).not.toContain('Private words');
    });

    it('case state the case module rejects is an InvalidDocumentError, also in lists', async () => {
      const harness = h();
      await harness.plantRawCase('school-a', 'case-y', { ...aCase({ id: 'case-y', version: 1 }), schemaVersion: 1, state: { title: 42, notes: 'Private words' } });
      await expect(harness.store.cases.get('school-a', 'case-y')).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(harness.store.cases.listByStage('school-a', 'planning')).rejects.toThrow(/case-y/);
      const error = await harness.store.cases.get('school-a', 'case-y').catch((e: unknown) => e);
      expect(String((error as Error).message)).not.toContain('Private words');
    });
  });

  it('normalises instants, so a reminder written without milliseconds sorts with the others', async () => {
    const { store } = h();
    await store.reminders.create(aReminder({ id: 'r-a', dueAt: '2026-11-25T08:00:00Z' }));
    await store.reminders.create(aReminder({ id: 'r-b', dueAt: '2026-11-25T08:00:00.500Z' }));
    expect((await store.reminders.due(NOW, 10)).map((r) => r.id)).toEqual(['r-a', 'r-b']);
  });
}

/** Rolling back a whole write when a later part of it fails. Needs real transactions (not the Cosmos test server). */
export function atomicityContract(open: () => Promise<StoreHarness>): void {
  it('a write whose outbox message was already stored rolls back entirely: the case is not changed', async () => {
    const harness = await open();
    const { store } = harness;
    await store.cases.save(aWrite({ outbox: [anOutbox()] }));
    const replay = aWrite({ case: aCase({ stage: 'interim' }), expectedVersion: 1, outbox: [anOutbox({ id: 'fresh' }), anOutbox()], reminders: [aReminder()] });
    await expect(store.cases.save(replay)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.cases.get('school-a', 'case-1')).toEqual(aCase({ version: 1 }));
    expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['out-1']);
    expect(await store.reminders.get('school-a', aReminder().id)).toBeNull();
    await harness.dispose();
  });
}
