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

    it('a stored document of an unknown schema version is refused on read rather than guessed at', async () => {
      const { store, plantRawEquality } = h();
      await plantRawEquality('school-a', 'p-ada', { ...anEquality(), schemaVersion: 99 });
      await expect(store.equality.get('school-a', 'p-ada')).rejects.toThrow(/equality school-a\/p-ada.*unknown schema version/);
    });
  });
}
