import { InvalidDocumentError } from '../../services/ports/errors';
import type { EqualityRecord } from '../../services/ports/store.port';
import type { EqualityInput } from '../../services/reports/report-input';
import { NOW, type StoreHarness } from './store-fixtures';

/** One invented person's equality answers, as they might give them in chat. */
export const anEquality = (o: Partial<EqualityRecord> = {}): EqualityRecord => ({
  schoolId: 'school-a', personId: 'p-ada',
  answers: { ethnicity: 'mixed', gender: 'woman', disability: 'prefer-not-to-say', ageBand: '35-44', tradeUnionMember: 'yes' },
  source: 'self', updatedAt: NOW, ...o,
});

/** An answer outside the allowed choices, and so never storable; distinctive, so a leak into an error shows. */
const NOT_A_CHOICE = 'Zanzibarian-answer';
const withBadAnswer = (o: Partial<EqualityRecord> = {}): EqualityRecord => anEquality({ answers: { ethnicity: NOT_A_CHOICE } as unknown as EqualityInput, ...o });

/** The same person's answers as the school's HR file gives them. */
const IMPORTED = anEquality({ source: 'import', answers: { gender: 'woman', ageBand: '45-54' }, updatedAt: '2026-11-25T08:00:00.000Z' });

/** Equality answers, one record per person: the same behaviour from every store (R-RPT-1). */
export function equalityContract(h: () => StoreHarness): void {
  describe('equality answers', () => {
    it('R-RPT-1: answers put are given back as they were, every answer or none; a person with none gives null', async () => {
      const { equality } = h().store;
      expect(await equality.get('school-a', 'p-ada')).toBeNull();
      const full = anEquality({ answers: { ethnicity: 'asian', gender: 'non-binary', sexualOrientation: 'bisexual', disability: 'no', religionOrBelief: 'sikh', ageBand: 'under-25', tradeUnionMember: 'prefer-not-to-say' } });
      await equality.put(full);
      await equality.put(anEquality({ personId: 'p-bo', answers: {}, source: 'import' }));
      expect(await equality.get('school-a', 'p-ada')).toEqual(full);
      expect(await equality.get('school-a', 'p-bo')).toEqual(anEquality({ personId: 'p-bo', answers: {}, source: 'import' }));
      expect(await equality.get('school-b', 'p-ada')).toBeNull();
    });

    it('R-RPT-1: a second put replaces the whole record (last writer wins), so an answer taken back is gone', async () => {
      const { equality } = h().store;
      await equality.put(anEquality({ source: 'import' }));
      const changed = anEquality({ answers: { gender: 'prefer-not-to-say' }, updatedAt: '2026-11-26T10:30:00.000Z' });
      await equality.put(changed);
      const stored = await equality.get('school-a', 'p-ada');
      expect(stored).toEqual(changed);
      expect(stored?.answers).not.toHaveProperty('ethnicity');
      expect(await equality.listForSchool('school-a')).toHaveLength(1);
    });

    it('R-RPT-1: remove answers true when there were answers, then false, and only that person’s are gone', async () => {
      const { equality } = h().store;
      await equality.put(anEquality());
      await equality.put(anEquality({ personId: 'p-bo' }));
      await equality.put(anEquality({ schoolId: 'school-b' }));
      expect(await equality.remove('school-a', 'p-ada')).toBe(true);
      expect(await equality.remove('school-a', 'p-ada')).toBe(false);
      expect(await equality.get('school-a', 'p-ada')).toBeNull();
      expect(await equality.get('school-a', 'p-bo')).toEqual(anEquality({ personId: 'p-bo' }));
      expect(await equality.get('school-b', 'p-ada')).toEqual(anEquality({ schoolId: 'school-b' }));
      expect(await equality.remove('school-c', 'p-nobody')).toBe(false);
    });

    it('R-RPT-1: a school’s list holds only its own people’s answers, sorted by person id', async () => {
      const { equality } = h().store;
      await equality.put(anEquality({ personId: 'p-cy' }));
      await equality.put(anEquality({ schoolId: 'school-b', personId: 'p-bo' }));
      await equality.put(anEquality({ personId: 'p-ada' }));
      await equality.put(anEquality({ schoolId: 'school-ab', personId: 'p-dee' }));
      await equality.put(anEquality({ personId: 'p-bo', answers: { gender: 'man' }, source: 'import' }));
      const listed = await equality.listForSchool('school-a');
      expect(listed.map((r) => r.personId)).toEqual(['p-ada', 'p-bo', 'p-cy']);
      expect(listed[1]).toEqual(anEquality({ personId: 'p-bo', answers: { gender: 'man' }, source: 'import' }));
      expect((await equality.listForSchool('school-b')).map((r) => [r.schoolId, r.personId])).toEqual([['school-b', 'p-bo']]);
      expect(await equality.listForSchool('school-z')).toEqual([]);
    });

    it('R-RPT-1: an answer outside the allowed choices is refused, naming school and person only, and nothing is stored', async () => {
      const { equality } = h().store;
      const refused = equality.put(withBadAnswer());
      await expect(refused).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(refused).rejects.toThrow(/school-a\/p-ada.*answers\.ethnicity/);
      await expect(refused).rejects.not.toThrow(new RegExp(NOT_A_CHOICE));
      expect(await equality.get('school-a', 'p-ada')).toBeNull();
      expect(await equality.listForSchool('school-a')).toEqual([]);
    });

    it('R-RPT-1: a refused put leaves the person’s earlier answers as they were', async () => {
      const { equality } = h().store;
      await equality.put(anEquality());
      await expect(equality.put(withBadAnswer({ updatedAt: '2026-11-26T10:30:00.000Z' }))).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(equality.put(anEquality({ source: 'hr' as unknown as EqualityRecord['source'] }))).rejects.toBeInstanceOf(InvalidDocumentError);
      expect(await equality.get('school-a', 'p-ada')).toEqual(anEquality());
    });

    it('R-RPT-1: a stored document that fails its schema fails loudly on read, naming school and person, never the answer', async () => {
      const { store, plantRawEquality } = h();
      await store.equality.put(anEquality({ personId: 'p-bo' }));
      await plantRawEquality('school-a', 'p-ada', { ...withBadAnswer(), schemaVersion: 1 });
      for (const reader of [() => store.equality.get('school-a', 'p-ada'), () => store.equality.listForSchool('school-a')]) {
        const read = reader();
        await expect(read).rejects.toBeInstanceOf(InvalidDocumentError);
        await expect(read).rejects.toThrow(/equality school-a\/p-ada.*answers\.ethnicity/);
        await expect(read).rejects.not.toThrow(new RegExp(NOT_A_CHOICE));
      }
      expect(await store.equality.get('school-a', 'p-bo')).toEqual(anEquality({ personId: 'p-bo' }));
    });

    it('R-RPT-1: an invalid stored document is named by where it was looked up, not by the school and person it claims', async () => {
      const { store, plantRawEquality } = h();
      await plantRawEquality('school-a', 'p-ada', { ...withBadAnswer({ schoolId: 'school-q', personId: 'p-zed' }), schemaVersion: 1 });
      for (const reader of [() => store.equality.get('school-a', 'p-ada'), () => store.equality.listForSchool('school-a')]) {
        const read = reader();
        await expect(read).rejects.toThrow(/equality school-a\/p-ada.*answers\.ethnicity/);
        await expect(read).rejects.not.toThrow(/school-q|p-zed/);
      }
    });

    it('R-RPT-1: an imported record for someone with no answers is stored, and putImported says so', async () => {
      const { equality } = h().store;
      expect(await equality.putImported(IMPORTED)).toBe(true);
      expect(await equality.get('school-a', 'p-ada')).toEqual(IMPORTED);
      expect(await equality.get('school-a', 'p-bo')).toBeNull();
    });

    it('R-RPT-1: an imported record replaces an earlier import whole', async () => {
      const { equality } = h().store;
      await equality.put(IMPORTED);
      const newer = anEquality({ source: 'import', answers: { religionOrBelief: 'no-religion' }, updatedAt: '2026-12-01T08:00:00.000Z' });
      expect(await equality.putImported(newer)).toBe(true);
      expect(await equality.get('school-a', 'p-ada')).toEqual(newer);
    });

    it('R-RPT-1: an imported record never replaces answers the person gave themselves: they are kept as they were, and putImported says so', async () => {
      const { equality } = h().store;
      await equality.put(anEquality());
      expect(await equality.putImported(IMPORTED)).toBe(false);
      expect(await equality.get('school-a', 'p-ada')).toEqual(anEquality());
      expect(await equality.listForSchool('school-a')).toEqual([anEquality()]);
    });

    it('R-RPT-1: putImported takes imported records only, and refuses any other, or an answer outside the choices, writing nothing', async () => {
      const { equality } = h().store;
      await expect(equality.putImported(anEquality({ personId: 'p-bo' }))).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(equality.putImported(anEquality({ personId: 'p-bo' }))).rejects.toThrow(/equality school-a\/p-bo.*source/);
      expect(await equality.get('school-a', 'p-bo')).toBeNull();
      await equality.put(IMPORTED);
      const refused = equality.putImported(withBadAnswer({ source: 'import' }));
      await expect(refused).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(refused).rejects.not.toThrow(new RegExp(NOT_A_CHOICE));
      await expect(equality.putImported(anEquality({ answers: {} }))).rejects.toBeInstanceOf(InvalidDocumentError);
      expect(await equality.get('school-a', 'p-ada')).toEqual(IMPORTED);
    });

    it('R-RPT-1: whether an import may replace a stored record is decided by its source alone, so a damaged record of the person’s own is kept', async () => {
      const { store, plantRawEquality } = h();
      await plantRawEquality('school-a', 'p-ada', { ...withBadAnswer(), schemaVersion: 1 });
      expect(await store.equality.putImported(IMPORTED)).toBe(false);
      await expect(store.equality.get('school-a', 'p-ada')).rejects.toBeInstanceOf(InvalidDocumentError);
      await plantRawEquality('school-a', 'p-bo', { ...withBadAnswer({ personId: 'p-bo', source: 'import' }), schemaVersion: 1 });
      expect(await store.equality.putImported(anEquality({ ...IMPORTED, personId: 'p-bo' }))).toBe(true);
      expect(await store.equality.get('school-a', 'p-bo')).toEqual(anEquality({ ...IMPORTED, personId: 'p-bo' }));
    });

    it('a stored document of an unknown schema version is refused on read rather than guessed at', async () => {
      const { store, plantRawEquality } = h();
      await plantRawEquality('school-a', 'p-ada', { ...anEquality(), schemaVersion: 99 });
      await expect(store.equality.get('school-a', 'p-ada')).rejects.toThrow(/equality school-a\/p-ada.*unknown schema version/);
    });
  });
}

/**
 * Imports racing the person's own answer (R-RPT-1), for stores whose conditional write is one step (memory, SQLite):
 * many putImported calls and one put of the person's own answers, all started before any has finished. However
 * they interleave, the person's own answers are what is left. (Cosmos DB's etag retries are shown on their own.)
 */
export function equalityRaceContract(open: () => Promise<StoreHarness>): void {
  const own = anEquality({ answers: { gender: 'prefer-not-to-say' }, updatedAt: '2026-11-25T09:30:00.000Z' });
  const imports = Array.from({ length: 12 }, (_, i) => anEquality({ source: 'import', answers: { ageBand: '45-54' }, updatedAt: `2026-11-25T09:00:${String(i).padStart(2, '0')}.000Z` }));
  it.each([
    ['before every import', 0],
    ['amid the imports', 6],
    ['after every import', 12],
  ])('R-RPT-1: answers a person gives %s, while an import runs, are kept', async (_when, at) => {
    const harness = await open();
    const { equality } = harness.store;
    await equality.put(anEquality({ source: 'import', answers: { gender: 'man' } }));
    // Started in this order, none awaited before the next starts.
    const calls: (() => Promise<unknown>)[] = imports.map((r) => () => equality.putImported(r));
    calls.splice(at, 0, () => equality.put(own));
    const results = await Promise.all(calls.map((call) => call()));
    expect(results.filter((r) => typeof r === 'boolean')).toHaveLength(imports.length);
    expect(await equality.get('school-a', 'p-ada')).toEqual(own);
    expect(await equality.putImported(imports[0]!)).toBe(false);
    expect(await equality.listForSchool('school-a')).toEqual([own]);
    await harness.dispose();
  });
}
