import type Database from 'better-sqlite3';
import type { ConversationReferenceRepository, PersonRepository, SchoolRecord, SchoolRepository } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Person } from '../../services/people/person.schema';
import { conversationDocSchema, personDocSchema, schoolDocSchema, SCHEMA_VERSION } from '../shared/documents.schema';
import { iso } from '../shared/store-rules';
import { checkSchool, parseJsonText, readDocument, unstamped } from '../shared/validate';

interface DocRow {
  id: string;
  doc: string;
}

const toSchool = (row: DocRow | undefined): SchoolRecord | null =>
  row ? unstamped(readDocument(schoolDocSchema, parseJsonText(row.doc, row.id), row.id)) : null;
const toPerson = (row: DocRow | undefined): Person | null =>
  row ? unstamped(readDocument(personDocSchema, parseJsonText(row.doc, row.id), row.id)) : null;

/** Schools in SQLite; tenant lookups scan the (few) schools' id arrays with json_each. */
export function sqliteSchools(db: Database.Database): SchoolRepository {
  const get = db.prepare<[string], DocRow>('SELECT id, doc FROM schools WHERE id = ?');
  const byArray = (field: string) =>
    db.prepare<[string], DocRow>(`SELECT s.id, s.doc FROM schools s, json_each(s.doc, '$.${field}') j WHERE j.value = ? ORDER BY s.id LIMIT 1`);
  const byTenant = byArray('teamsTenantIds');
  const bySlack = byArray('slackTeamIds');
  const list = db.prepare<[], DocRow>('SELECT id, doc FROM schools ORDER BY id');
  const insert = db.prepare('INSERT INTO schools (id, version, doc) VALUES (?, 1, ?) ON CONFLICT (id) DO NOTHING');
  const replace = db.prepare('UPDATE schools SET version = version + 1, doc = ? WHERE id = ? AND version = ?');
  return {
    get: async (schoolId) => toSchool(get.get(schoolId)),
    findByTeamsTenant: async (tenantId) => toSchool(byTenant.get(tenantId)),
    findBySlackTeam: async (teamId) => toSchool(bySlack.get(teamId)),
    list: async () => list.all().map((r) => toSchool(r) as SchoolRecord),
    save: async (school, expectedVersion) => {
      checkSchool(school);
      const stored: SchoolRecord = { ...school, version: (expectedVersion ?? 0) + 1 };
      const doc = JSON.stringify({ ...stored, schemaVersion: SCHEMA_VERSION });
      const changes = expectedVersion === null ? insert.run(school.id, doc).changes : replace.run(doc, school.id, expectedVersion).changes;
      if (changes !== 1) throw new ConcurrencyError(school.id);
      return stored;
    },
  };
}

/** People in SQLite, with indexed chat identities for the lookup on every inbound message. */
export function sqlitePeople(db: Database.Database): PersonRepository {
  const get = db.prepare<[string, string], DocRow>('SELECT id, doc FROM people WHERE school_id = ? AND id = ?');
  const byAad = db.prepare<[string], DocRow>('SELECT id, doc FROM people WHERE aad_object_id = ? ORDER BY school_id, id LIMIT 1');
  const bySlack = db.prepare<[string], DocRow>('SELECT id, doc FROM people WHERE slack_user_id = ? ORDER BY school_id, id LIMIT 1');
  const list = db.prepare<[string], DocRow>('SELECT id, doc FROM people WHERE school_id = ? ORDER BY id');
  const upsert = db.prepare(
    `INSERT INTO people (school_id, id, aad_object_id, slack_user_id, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (school_id, id) DO UPDATE SET aad_object_id = excluded.aad_object_id, slack_user_id = excluded.slack_user_id, doc = excluded.doc`,
  );
  return {
    get: async (schoolId, personId) => toPerson(get.get(schoolId, personId)),
    findByTeamsAadObjectId: async (id) => toPerson(byAad.get(id)),
    findBySlackUserId: async (id) => toPerson(bySlack.get(id)),
    list: async (schoolId) => list.all(schoolId).map((r) => toPerson(r) as Person),
    upsert: async (person) => {
      // Validate before writing, so a bad roster row is refused here rather than poisoning later reads.
      const doc = readDocument(personDocSchema, { ...person, schemaVersion: SCHEMA_VERSION }, person.id);
      upsert.run(doc.schoolId, doc.id, doc.teams?.aadObjectId ?? null, doc.slack?.userId ?? null, JSON.stringify(doc));
    },
  };
}

/** Conversation references in SQLite, keyed by channel and user. */
export function sqliteConversations(db: Database.Database): ConversationReferenceRepository {
  const get = db.prepare<[string, string], DocRow>('SELECT user_key AS id, doc FROM conversations WHERE channel = ? AND user_key = ?');
  const put = db.prepare(
    `INSERT INTO conversations (channel, user_key, school_id, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel, user_key) DO UPDATE SET school_id = excluded.school_id, doc = excluded.doc`,
  );
  return {
    put: async (ref) => {
      const doc = readDocument(conversationDocSchema, { ...ref, updatedAt: iso(ref.updatedAt), schemaVersion: SCHEMA_VERSION }, ref.userKey);
      put.run(doc.channel, doc.userKey, doc.schoolId, JSON.stringify(doc));
    },
    get: async (channel, userKey) => {
      const row = get.get(channel, userKey);
      return row ? unstamped(readDocument(conversationDocSchema, parseJsonText(row.doc, row.id), row.id)) : null;
    },
  };
}
