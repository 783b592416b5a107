import type { JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import type { CaseWrite, ReminderRecord } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import { iso, reminderDoc, retentionEnd, retentionTtlSeconds } from '../shared/store-rules';
import { caseBody, docId, wrap } from './cosmos-documents';

/** What the adapter read before building the batch: the case's etag, and the reminders the write touches. */
export interface BatchContext {
  /** The stored case's etag when replacing; null when creating. */
  caseEtag: string | null;
  /** Reminder ids (of write.reminders) that already exist: they are left as they are (idempotent create). */
  existingReminderIds: ReadonlySet<string>;
  /** Stored reminders named in cancelReminderIds, with their etags. */
  toCancel: { reminder: ReminderRecord; etag: string }[];
  now: Date;
}

/** Cosmos DB runs at most this many operations in one transactional batch. */
export const MAX_BATCH_OPERATIONS = 100;

/**
 * The transactional batch of one case write, all in the school's partition: the case first (create, or replace
 * with `ifMatch`), then outbox messages, new reminders, cancellations (`ifMatch`) and audit events. Everything
 * written carries the case's retention `ttl` (R-PRV-2) except outbox messages, which live until delivered.
 */
export function buildCaseBatch<S>(write: CaseWrite<S>, ctx: BatchContext): OperationInput[] {
  const c = write.case;
  const partitionKey = c.schoolId;
  const ttl = retentionTtlSeconds(c.cycleEnd, ctx.now);
  const retainUntil = retentionEnd(c.cycleEnd);
  const body = (doc: object): JSONObject => doc as JSONObject;
  const caseDoc = body(wrap('case', caseBody({ ...c, version: (write.expectedVersion ?? 0) + 1 }), { ttl }));
  const ops: OperationInput[] = [
    ctx.caseEtag === null
      ? { operationType: 'Create', partitionKey, resourceBody: caseDoc }
      : { operationType: 'Replace', partitionKey, id: docId('case', c.id), ifMatch: ctx.caseEtag, resourceBody: caseDoc },
  ];
  for (const o of write.outbox) ops.push({ operationType: 'Create', partitionKey, resourceBody: body(wrap('outbox', { ...o, createdAt: iso(o.createdAt) }, { done: false })) });
  const added = new Set(ctx.existingReminderIds);
  for (const r of write.reminders) {
    // A reminder named twice in one write is created once, as the other stores do.
    if (added.has(r.id)) continue;
    added.add(r.id);
    ops.push({ operationType: 'Create', partitionKey, resourceBody: body(wrap('reminder', reminderDoc(r), { ttl, retainUntil })) });
  }
  for (const { reminder, etag } of ctx.toCancel) {
    const cancelled = reminderDoc({ ...reminder, state: 'cancelled', leaseUntil: null });
    ops.push({ operationType: 'Replace', partitionKey, id: docId('reminder', reminder.id), ifMatch: etag, resourceBody: body(wrap('reminder', cancelled, { ttl, retainUntil })) });
  }
  for (const a of write.audit) ops.push({ operationType: 'Create', partitionKey, resourceBody: body(wrap('audit', { ...a, at: iso(a.at) }, { ttl })) });
  if (ops.length > MAX_BATCH_OPERATIONS) throw new Error(`Case write ${c.id} needs ${ops.length} operations; one batch holds ${MAX_BATCH_OPERATIONS}`);
  return ops;
}

/**
 * Reads a batch's per-operation results. A conflict (409: already exists) or failed precondition (412: stale
 * etag) on any operation means another writer got there first: ConcurrencyError naming that document.
 * Operations that did not run because an earlier one failed report 424 and are skipped.
 */
export function checkBatchResults(ops: OperationInput[], results: OperationResponse[], caseId: string): void {
  if (results.length !== ops.length) throw new Error(`Case write ${caseId} got ${results.length} results for ${ops.length} operations`);
  const index = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
  if (index < 0) return;
  const status = results[index]?.statusCode;
  const op = ops[index];
  const failedId = op && 'resourceBody' in op ? String((op.resourceBody as { recordId?: unknown }).recordId ?? caseId) : caseId;
  if (status === 409 || status === 412 || status === 404) throw new ConcurrencyError(failedId);
  throw new Error(`Case write ${caseId} failed in Cosmos DB with status ${status ?? 'unknown'}`);
}
