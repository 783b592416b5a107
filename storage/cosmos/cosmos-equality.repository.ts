import type { Container, JSONObject } from '@azure/cosmos';
import { ConcurrencyError } from '../../services/ports/errors';
import type { EqualityRecord, EqualityRepository } from '../../services/ports/store.port';
import { equalityDocSchema } from '../shared/documents.schema';
import { checkEquality, checkImportedEquality, equalityId, isOwnEquality, readDocument, unstamped } from '../shared/validate';
import { pointRead, queryAll } from './cosmos-case.repository';
import { docId, recordIdOf, statusOf, unwrap, wrap } from './cosmos-documents';

// Equality answers are `equality` documents in a container of their own (`equality`, partitioned by /schoolId),
// apart from cases and people, with the person's id as record id (R-RPT-1). The container has no default ttl and
// these documents carry none: they are removed through `remove`, never by expiry. Answers are never filtered on,
// so containers.json leaves them out of the index.

/** How many times an import's conditional write reads and tries again when another write came between. */
const IMPORT_ATTEMPTS = 5;

/** Equality answers in Cosmos DB: one document per school and person, upserted whole (last writer wins). */
export function cosmosEquality(container: Container): EqualityRepository {
  // Errors name the school and the person, never anything from the answers (they may be the faulty value).
  const toRecord = (schoolId: string, personId: string, doc: unknown): EqualityRecord =>
    unstamped(readDocument(equalityDocSchema, unwrap(doc), equalityId(schoolId, personId)));
  return {
    get: async (schoolId, personId) => {
      const found = await pointRead(container, 'equality', personId, schoolId);
      return found ? toRecord(schoolId, personId, found.doc) : null;
    },
    listForSchool: async (schoolId) =>
      (await queryAll(container, { query: "SELECT * FROM c WHERE c.type = 'equality' AND c.schoolId = @school", parameters: [{ name: '@school', value: schoolId }] }, schoolId))
        .map((doc) => toRecord(schoolId, recordIdOf(doc, '?'), doc))
        .sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    put: async (record) => {
      const checked = checkEquality(record);
      // Upsert is idempotent (same content, same result), so the SDK's retries cannot make a second copy.
      await container.items.upsert(wrap('equality', { ...checked, id: record.personId }) as JSONObject);
    },
    // Read, then create (409 when someone created it meanwhile) or replace with ifMatch on the etag read (412 when
    // it changed meanwhile); on either, read again, a bounded number of times. A repeat of our own write only
    // finds our record and writes it again, so the SDK's retries cannot make a second copy either.
    putImported: async (record) => {
      const checked = checkImportedEquality(record);
      const doc = wrap('equality', { ...checked, id: record.personId }) as JSONObject;
      for (let attempt = 0; attempt < IMPORT_ATTEMPTS; attempt += 1) {
        const found = await pointRead(container, 'equality', record.personId, record.schoolId);
        if (found && isOwnEquality(found.doc)) return false;
        try {
          if (found) await container.item(docId('equality', record.personId), record.schoolId).replace(doc, { accessCondition: { type: 'IfMatch', condition: found.etag } });
          else await container.items.create(doc);
          return true;
        } catch (error) {
          const status = statusOf(error);
          if (status !== 409 && status !== 412 && status !== 404) throw error;
        }
      }
      throw new ConcurrencyError(equalityId(record.schoolId, record.personId));
    },
    remove: async (schoolId, personId) => {
      try {
        await container.item(docId('equality', personId), schoolId).delete();
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
  };
}
