import type { Container, ItemDefinition, OperationResponse, SqlQuerySpec } from '@azure/cosmos';
import type { AuditEvent, AuditLog, CaseEnvelope, CaseRepository, OutboxMessage, OutboxRepository, ReminderRecord } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Clock } from '../../services/shared/time';
import { auditDocSchema, caseDocSchema, outboxDocSchema, reminderDocSchema } from '../shared/documents.schema';
import { assertOneSchool, DONE_OUTBOX_TTL_SECONDS, iso, retentionEnd, retentionTtlSeconds } from '../shared/store-rules';
import { checkCaseWrite, readCaseState, readDocument, unstamped } from '../shared/validate';
import { buildCaseBatch, checkBatchResults } from './cosmos-case-batch';
import { caseFromBody, docId, recordIdOf, statusOf, unwrap, wrap } from './cosmos-documents';

/** Point read: the document and its etag, or null (the SDK answers 404 without throwing). */
export async function pointRead(container: Container, type: Parameters<typeof docId>[0], id: string, partition: string): Promise<{ doc: ItemDefinition; etag: string } | null> {
  const { resource, etag } = await container.item(docId(type, id), partition).read<ItemDefinition>();
  return resource ? { doc: resource, etag: resource._etag ?? etag } : null;
}

/**
 * All results of a query (in one partition when `partition` is given, else across partitions). Single-partition
 * queries also filter on `c.schoolId` themselves, so they stay right even where a server ignores the option.
 */
export async function queryAll(container: Container, query: SqlQuerySpec, partition?: string): Promise<unknown[]> {
  const { resources } = await container.items.query(query, partition === undefined ? {} : { partitionKey: partition }).fetchAll();
  return resources as unknown[];
}

/** Cases in Cosmos DB: replace with `ifMatch`, and each decision's effects in one transactional batch. */
export function cosmosCases<S>(container: Container, parseCaseState: (raw: unknown) => S, clock: Clock): CaseRepository<S> {
  const toCase = (doc: unknown): CaseEnvelope<S> => {
    const id = recordIdOf(doc, 'case');
    const record = unstamped(readDocument(caseDocSchema, caseFromBody(doc), id));
    return { ...record, state: readCaseState(parseCaseState, record.state, id) };
  };
  const list = async (schoolId: string, field: 'reviewerId' | 'cycleId' | 'stage', value: string) => {
    const docs = await queryAll(container, { query: `SELECT * FROM c WHERE c.type = 'case' AND c.schoolId = @school AND c.${field} = @value`, parameters: [{ name: '@school', value: schoolId }, { name: '@value', value }] }, schoolId);
    return docs.map(toCase).sort((a, b) => (a.id < b.id ? -1 : 1));
  };
  const reminder = async (schoolId: string, id: string) => {
    const found = await pointRead(container, 'reminder', id, schoolId);
    return found ? { reminder: unstamped(readDocument(reminderDocSchema, unwrap(found.doc), id)) as ReminderRecord, etag: found.etag } : null;
  };
  return {
    get: async (schoolId, caseId) => {
      const found = await pointRead(container, 'case', caseId, schoolId);
      return found ? toCase(found.doc) : null;
    },
    listByReviewer: (schoolId, reviewerId) => list(schoolId, 'reviewerId', reviewerId),
    listByCycle: (schoolId, cycleId) => list(schoolId, 'cycleId', cycleId),
    listByStage: (schoolId, stage) => list(schoolId, 'stage', stage),
    save: async (write) => {
      assertOneSchool(write);
      checkCaseWrite(write, parseCaseState);
      const c = write.case;
      let caseEtag: string | null = null;
      if (write.expectedVersion !== null) {
        const current = await pointRead(container, 'case', c.id, c.schoolId);
        if (!current || (current.doc as { version?: unknown }).version !== write.expectedVersion) throw new ConcurrencyError(c.id);
        caseEtag = current.etag;
      }
      // Reads first (the batch cannot branch): which reminders exist already, and what the cancellations replace.
      const existing = await Promise.all(write.reminders.map(async (r) => ((await pointRead(container, 'reminder', r.id, c.schoolId)) ? r.id : null)));
      const cancels = await Promise.all(write.cancelReminderIds.map((id) => reminder(c.schoolId, id)));
      const ops = buildCaseBatch(write, {
        caseEtag,
        existingReminderIds: new Set(existing.filter((id): id is string => id !== null)),
        toCancel: cancels.filter((x): x is NonNullable<typeof x> => x !== null && (x.reminder.state === 'pending' || x.reminder.state === 'claimed')),
        now: clock.now(),
      });
      let results: OperationResponse[];
      try {
        results = (await container.items.batch(ops, c.schoolId)).result ?? [];
      } catch (error) {
        // Not retried here: the etag and conditional creates make a repeat safe, so the caller may retry the decision.
        const status = statusOf(error);
        if (status === 409 || status === 412) throw new ConcurrencyError(c.id);
        throw error;
      }
      checkBatchResults(ops, results, c.id);
      return { ...c, version: (write.expectedVersion ?? 0) + 1 };
    },
  };
}

/** The outbox in Cosmos DB: a cross-partition sweep for undelivered messages, served by a composite index. */
export function cosmosOutbox(container: Container): OutboxRepository {
  return {
    pending: async (limit) => {
      const top = Math.max(0, Math.floor(limit));
      const docs = await queryAll(container, { query: `SELECT TOP ${top} * FROM c WHERE c.type = 'outbox' AND c.done = false ORDER BY c.createdAt ASC` });
      return docs
        .map((d) => unstamped(readDocument(outboxDocSchema, unwrap(d), recordIdOf(d, 'outbox'))) as OutboxMessage)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    },
    markDone: async (schoolId, id) => {
      // Patch is idempotent (it sets values), so a repeat after a lost reply is harmless.
      const ops = [{ op: 'set' as const, path: '/done', value: true }, { op: 'set' as const, path: '/ttl', value: DONE_OUTBOX_TTL_SECONDS }];
      try {
        await container.item(docId('outbox', id), schoolId).patch(ops);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}

/** The retention fields of a record about a stored case: its `ttl` now and `retainUntil` (R-PRV-2); none if no case. */
export async function caseRetention(container: Container, schoolId: string, caseId: string | null, now: Date): Promise<{ ttl?: number; retainUntil?: string }> {
  if (caseId === null) return {};
  const found = await pointRead(container, 'case', caseId, schoolId);
  const cycleEnd = (found?.doc as { cycleEnd?: unknown } | undefined)?.cycleEnd;
  return typeof cycleEnd === 'string' ? { ttl: retentionTtlSeconds(cycleEnd, now), retainUntil: retentionEnd(cycleEnd) } : {};
}

/** The audit log in Cosmos DB: conditional create, so a repeat keeps the first copy (409 is "already there"). */
export function cosmosAudit(container: Container, clock: Clock): AuditLog {
  return {
    append: async (e: AuditEvent) => {
      const retention = await caseRetention(container, e.schoolId, e.caseId, clock.now());
      try {
        await container.items.create(wrap('audit', { ...e, at: iso(e.at) }, retention));
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    },
    listForCase: async (schoolId, caseId) => {
      const docs = await queryAll(container, { query: "SELECT * FROM c WHERE c.type = 'audit' AND c.schoolId = @school AND c.caseId = @caseId", parameters: [{ name: '@school', value: schoolId }, { name: '@caseId', value: caseId }] }, schoolId);
      return docs
        .map((d) => unstamped(readDocument(auditDocSchema, unwrap(d), recordIdOf(d, 'audit'))) as AuditEvent)
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    },
  };
}
