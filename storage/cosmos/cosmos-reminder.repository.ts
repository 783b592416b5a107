import type { Container, ItemDefinition, JSONObject, SqlQuerySpec } from '@azure/cosmos';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Clock } from '../../services/shared/time';
import type { IdempotencyStore, ReminderRecord, ReminderRepository } from '../../services/ports/store.port';
import { reminderDocSchema } from '../shared/documents.schema';
import { addSeconds, byDue, claimable, iso, reminderDoc } from '../shared/store-rules';
import { readDocument, unstamped } from '../shared/validate';
import { caseRetention, pointRead, queryAll } from './cosmos-case.repository';
import { docId, recordIdOf, statusOf, unwrap, wrap } from './cosmos-documents';

const toReminder = (doc: unknown): ReminderRecord => unstamped(readDocument(reminderDocSchema, unwrap(doc), recordIdOf(doc, 'reminder'))) as ReminderRecord;

/** The due sweep: pending reminders due by `before`, walked in due order through the (type, state, dueAt) composite index. */
export function duePendingQuery(before: string, limit: number): SqlQuerySpec {
  return {
    query: `SELECT TOP ${Math.max(0, Math.floor(limit))} * FROM c WHERE c.type = 'reminder' AND c.state = 'pending' AND c.dueAt <= @before ORDER BY c.dueAt ASC`,
    parameters: [{ name: '@before', value: before }],
  };
}

/** Claimed reminders whose lease ran out, through the (type, state, leaseUntil) composite index. */
export function expiredLeaseQuery(before: string, limit: number): SqlQuerySpec {
  return {
    query: `SELECT TOP ${Math.max(0, Math.floor(limit))} * FROM c WHERE c.type = 'reminder' AND c.state = 'claimed' AND c.leaseUntil <= @before ORDER BY c.leaseUntil ASC`,
    parameters: [{ name: '@before', value: before }],
  };
}

/**
 * Replaces a stored reminder if its etag still matches; false when someone changed it first. A reminder written
 * with its case carries `retainUntil`; its ttl is recomputed from it, as Cosmos counts ttl from the last write.
 */
async function replaceIfMatch(container: Container, found: { doc: ItemDefinition; etag: string }, next: ReminderRecord, now: Date): Promise<boolean> {
  const retainUntil = typeof found.doc.retainUntil === 'string' ? found.doc.retainUntil : null;
  const extra = retainUntil === null ? {} : { retainUntil, ttl: Math.max(1, Math.floor((Date.parse(retainUntil) - now.getTime()) / 1000)) };
  try {
    await container.item(found.doc.id ?? '', next.schoolId).replace(wrap('reminder', reminderDoc(next), extra) as JSONObject, { accessCondition: { type: 'IfMatch', condition: found.etag } });
    return true;
  } catch (error) {
    if (statusOf(error) === 412 || statusOf(error) === 404) return false;
    throw error;
  }
}

/** Reminders in Cosmos DB: conditional create (409 means it exists), claims by `ifMatch` replace. */
export function cosmosReminders(container: Container, clock: Clock): ReminderRepository {
  return {
    create: async (r) => {
      const retention = await caseRetention(container, r.schoolId, r.caseId, clock.now());
      try {
        await container.items.create(wrap('reminder', reminderDoc(r), retention));
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw error;
      }
    },
    get: async (schoolId, id) => {
      const found = await pointRead(container, 'reminder', id, schoolId);
      return found ? toReminder(found.doc) : null;
    },
    due: async (before, limit) => {
      const at = iso(before);
      const [pending, expired] = await Promise.all([queryAll(container, duePendingQuery(at, limit)), queryAll(container, expiredLeaseQuery(at, limit))]);
      return [...pending, ...expired].map(toReminder).sort(byDue).slice(0, limit);
    },
    claim: async (r, leaseUntil, now) => {
      const found = await pointRead(container, 'reminder', r.id, r.schoolId);
      if (!found) return false;
      const current = toReminder(found.doc);
      if (current.attempts !== r.attempts || current.state !== r.state || !claimable(current, iso(now))) return false;
      return replaceIfMatch(container, found, { ...current, state: 'claimed', leaseUntil, attempts: current.attempts + 1 }, clock.now());
    },
    mark: async (schoolId, id, state) => {
      // Last writer wins, but through ifMatch so the retention ttl is recomputed from the document it replaces.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const found = await pointRead(container, 'reminder', id, schoolId);
        if (!found) return;
        if (await replaceIfMatch(container, found, { ...toReminder(found.doc), state, leaseUntil: null }, clock.now())) return;
      }
      throw new ConcurrencyError(id);
    },
  };
}

/** Idempotency keys in Cosmos DB: conditional create with a `ttl`; an expired key not yet removed is retaken by `ifMatch`. */
export function cosmosIdempotency(container: Container): IdempotencyStore {
  return {
    firstSeen: async (key, now, ttlSeconds) => {
      const id = docId('idempotency', key);
      const doc = { id, expiresAt: addSeconds(now, ttlSeconds), ttl: ttlSeconds, schemaVersion: 1 };
      try {
        await container.items.create(doc);
        return true;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const { resource } = await container.item(id, id).read<{ expiresAt?: string; _etag?: string }>();
      // Cosmos removes expired documents in the background; until it has, expiry is decided here.
      if (!resource || typeof resource.expiresAt !== 'string' || resource.expiresAt > iso(now)) return false;
      try {
        await container.item(id, id).replace(doc, { accessCondition: { type: 'IfMatch', condition: resource._etag ?? '' } });
        return true;
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) return false;
        throw error;
      }
    },
    seen: async (key, now) => {
      const id = docId('idempotency', key);
      try {
        const { resource } = await container.item(id, id).read<{ expiresAt?: string }>();
        return resource !== undefined && typeof resource.expiresAt === 'string' && resource.expiresAt > iso(now);
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
  };
}
