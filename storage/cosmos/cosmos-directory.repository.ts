import type { Container, JSONObject } from '@azure/cosmos';
import type { ConversationReferenceRepository, PersonRepository, SchoolRecord, SchoolRepository } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Person } from '../../services/people/person.schema';
import { conversationDocSchema, personDocSchema, schoolDocSchema, SCHEMA_VERSION } from '../shared/documents.schema';
import { iso } from '../shared/store-rules';
import { checkSchool, readDocument, unstamped } from '../shared/validate';
import { pointRead, queryAll } from './cosmos-case.repository';
import { docId, recordIdOf, statusOf, unwrap, wrap } from './cosmos-documents';

// Chat identities are looked up across schools (an inbound message names a user, not a school). These use
// cross-partition queries on indexed paths rather than separate lookup documents: a lookup document would be a
// second write in another partition with no transaction to keep it in step with the person, and the fan-out is
// over a few physical partitions (schools are small), so the query is cheap and never stale.

const toSchool = (doc: unknown): SchoolRecord => unstamped(readDocument(schoolDocSchema, unwrap(doc), recordIdOf(doc, 'school')));
const toPerson = (doc: unknown): Person => unstamped(readDocument(personDocSchema, unwrap(doc), recordIdOf(doc, 'person')));

/** Schools in Cosmos DB, one per partition; replaced with `ifMatch`, created conditionally. */
export function cosmosSchools(container: Container): SchoolRepository {
  const findIn = async (field: 'teamsTenantIds' | 'slackTeamIds', value: string) => {
    const docs = await queryAll(container, { query: `SELECT * FROM c WHERE ARRAY_CONTAINS(c.${field}, @value)`, parameters: [{ name: '@value', value }] });
    return docs.map(toSchool).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null;
  };
  return {
    get: async (schoolId) => {
      const found = await pointRead(container, 'school', schoolId, schoolId);
      return found ? toSchool(found.doc) : null;
    },
    findByTeamsTenant: (tenantId) => findIn('teamsTenantIds', tenantId),
    findBySlackTeam: (teamId) => findIn('slackTeamIds', teamId),
    list: async () => (await queryAll(container, { query: "SELECT * FROM c WHERE c.type = 'school'" })).map(toSchool).sort((a, b) => (a.id < b.id ? -1 : 1)),
    save: async (school, expectedVersion) => {
      checkSchool(school);
      const stored: SchoolRecord = { ...school, version: (expectedVersion ?? 0) + 1 };
      const doc = wrap('school', { ...stored, schoolId: school.id }) as JSONObject;
      try {
        if (expectedVersion === null) {
          await container.items.create(doc);
        } else {
          const current = await pointRead(container, 'school', school.id, school.id);
          if (!current || (current.doc as { version?: unknown }).version !== expectedVersion) throw new ConcurrencyError(school.id);
          await container.item(docId('school', school.id), school.id).replace(doc, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        }
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412 || status === 404) throw new ConcurrencyError(school.id);
        throw error;
      }
      return stored;
    },
  };
}

/** People in Cosmos DB, partitioned by school; identity lookups are cross-partition queries (see above). */
export function cosmosPeople(container: Container): PersonRepository {
  const findBy = async (path: 'c.teams.aadObjectId' | 'c.slack.userId', value: string) => {
    const docs = await queryAll(container, { query: `SELECT * FROM c WHERE ${path} = @value`, parameters: [{ name: '@value', value }] });
    return docs.map(toPerson).sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : a.id < b.id ? -1 : 1))[0] ?? null;
  };
  return {
    get: async (schoolId, personId) => {
      const found = await pointRead(container, 'person', personId, schoolId);
      return found ? toPerson(found.doc) : null;
    },
    findByTeamsAadObjectId: (id) => findBy('c.teams.aadObjectId', id),
    findBySlackUserId: (id) => findBy('c.slack.userId', id),
    list: async (schoolId) =>
      (await queryAll(container, { query: "SELECT * FROM c WHERE c.type = 'person' AND c.schoolId = @school", parameters: [{ name: '@school', value: schoolId }] }, schoolId)).map(toPerson).sort((a, b) => (a.id < b.id ? -1 : 1)),
    upsert: async (person) => {
      const checked = readDocument(personDocSchema, { ...person, schemaVersion: SCHEMA_VERSION }, person.id);
      // Upsert is idempotent (same content, same result), so the SDK's retries cannot make a second copy.
      await container.items.upsert(wrap('person', checked) as JSONObject);
    },
  };
}

/** Conversation references in Cosmos DB, in the school's partition; found by channel and user across schools. */
export function cosmosConversations(container: Container): ConversationReferenceRepository {
  const recordId = (channel: string, userKey: string) => `${channel}:${userKey}`;
  return {
    put: async (ref) => {
      const checked = readDocument(conversationDocSchema, { ...ref, updatedAt: iso(ref.updatedAt), schemaVersion: SCHEMA_VERSION }, ref.userKey);
      const existing = await queryAll(container, { query: 'SELECT c.schoolId FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: docId('conversation', recordId(ref.channel, ref.userKey)) }] });
      await container.items.upsert(wrap('conversation', { ...checked, id: recordId(ref.channel, ref.userKey) }) as JSONObject);
      // A user whose reference moved school keeps one copy: the old partition's is removed.
      for (const old of existing as { schoolId?: string }[]) {
        if (old.schoolId && old.schoolId !== ref.schoolId) {
          await container.item(docId('conversation', recordId(ref.channel, ref.userKey)), old.schoolId).delete().catch((e: unknown) => {
            if (statusOf(e) !== 404) throw e;
          });
        }
      }
    },
    get: async (channel, userKey) => {
      const docs = await queryAll(container, { query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: docId('conversation', recordId(channel, userKey)) }] });
      const doc = docs[0];
      return doc === undefined ? null : unstamped(readDocument(conversationDocSchema, unwrap(doc), userKey));
    },
  };
}
