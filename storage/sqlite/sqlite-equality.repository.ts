import type Database from 'better-sqlite3';
import type { EqualityRecord, EqualityRepository } from '../../services/ports/store.port';
import { equalityDocSchema } from '../shared/documents.schema';
import { checkEquality, checkImportedEquality, equalityId, parseJsonText, readDocument, unstamped } from '../shared/validate';

/** Equality answers in SQLite, one row per school and person, replaced whole by each put (R-RPT-1). */
export function sqliteEquality(db: Database.Database): EqualityRepository {
  const get = db.prepare<[string, string], { doc: string }>('SELECT doc FROM equality WHERE school_id = ? AND person_id = ?');
  const list = db.prepare<[string], { person_id: string; doc: string }>('SELECT person_id, doc FROM equality WHERE school_id = ?');
  const upsert = db.prepare('INSERT INTO equality (school_id, person_id, doc) VALUES (?, ?, ?) ON CONFLICT (school_id, person_id) DO UPDATE SET doc = excluded.doc');
  // One statement decides and writes, so nothing can come between the look at the stored source and the write.
  // Decided on the source alone (isOwnEquality): CASE, because SQLite may evaluate both sides of an AND, and
  // json_extract throws on a document that is not JSON.
  const upsertImported = db.prepare(
    `INSERT INTO equality (school_id, person_id, doc) VALUES (?, ?, ?) ON CONFLICT (school_id, person_id) DO UPDATE SET doc = excluded.doc
     WHERE CASE WHEN json_valid(equality.doc) THEN json_extract(equality.doc, '$.source') IS NOT 'self' ELSE 1 END`,
  );
  const remove = db.prepare('DELETE FROM equality WHERE school_id = ? AND person_id = ?');
  // Errors name the row's key, never anything read from the document (it may be the faulty answer itself).
  const read = (schoolId: string, personId: string, text: string): EqualityRecord => {
    const id = equalityId(schoolId, personId);
    return unstamped(readDocument(equalityDocSchema, parseJsonText(text, id), id));
  };
  return {
    get: async (schoolId, personId) => {
      const row = get.get(schoolId, personId);
      return row ? read(schoolId, personId, row.doc) : null;
    },
    // Sorted here, as the other stores sort, so every store lists people in the same order.
    listForSchool: async (schoolId) =>
      list.all(schoolId).map((row) => read(schoolId, row.person_id, row.doc)).sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    put: async (record) => {
      const doc = checkEquality(record);
      upsert.run(record.schoolId, record.personId, JSON.stringify(doc));
    },
    putImported: async (record) => {
      const doc = checkImportedEquality(record);
      return upsertImported.run(record.schoolId, record.personId, JSON.stringify(doc)).changes === 1;
    },
    remove: async (schoolId, personId) => remove.run(schoolId, personId).changes === 1,
  };
}
