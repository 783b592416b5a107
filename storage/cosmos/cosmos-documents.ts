import { z } from 'zod/v4';

// How records become Cosmos DB documents. A record's own id may hold characters Cosmos forbids in ids
// (reminder ids are `case/rule/occurrence`), so the document id is derived: `type:id` when the id is plain,
// else `type~base64url(id)`; the record id itself travels as `recordId`. The type prefix also keeps
// cases, outbox messages, reminders and audit events apart inside the one `cases` container.

/** The kinds of document, one per record type. */
export type DocType = 'school' | 'person' | 'case' | 'outbox' | 'reminder' | 'audit' | 'conversation' | 'idempotency' | 'payroll-export' | 'equality';

/** The id of the document that holds record `id` of kind `type`. */
export function docId(type: DocType, id: string): string {
  return /^[A-Za-z0-9_.:-]{1,200}$/.test(id) ? `${type}:${id}` : `${type}~${Buffer.from(id, 'utf8').toString('base64url')}`;
}

/** The container names; `containers.json` is their definition. */
export const CONTAINERS = { schools: 'schools', people: 'people', cases: 'cases', conversations: 'conversations', idempotency: 'idempotency', equality: 'equality' } as const;

/** The Cosmos-only fields around a record. */
export interface Wrapped {
  id: string;
  recordId: string;
  type: DocType;
  schoolId: string;
  ttl?: number;
  [field: string]: unknown;
}

/** Wraps a record (anything with an id and a school) as a document of `type`. */
export function wrap<T extends { id: string; schoolId: string }>(type: DocType, record: T, extra: Record<string, unknown> = {}): Wrapped {
  return { ...record, ...extra, id: docId(type, record.id), recordId: record.id, type, schoolId: record.schoolId, schemaVersion: 1 };
}

const wrappedSchema = z.object({ recordId: z.string() }).loose();

/** The record inside a document: its own id restored (the zod schemas then drop the Cosmos fields). */
export function unwrap(doc: unknown): unknown {
  const parsed = wrappedSchema.safeParse(doc);
  return parsed.success ? { ...parsed.data, id: parsed.data.recordId } : doc;
}

/** The record id of a document, for error messages: never its content. */
export function recordIdOf(doc: unknown, fallback: string): string {
  const parsed = wrappedSchema.safeParse(doc);
  return parsed.success ? parsed.data.recordId : fallback;
}

/** The HTTP status of an error from the SDK, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown; statusCode?: unknown }) : {};
  if (typeof code.code === 'number') return code.code;
  return typeof code.statusCode === 'number' ? code.statusCode : undefined;
}

/**
 * A case document keeps the case state under `caseState`, not `state`: reminders share the container and their
 * `state` is in the due sweep's composite index, while the (large, free-form) case state is excluded from indexing.
 */
export function caseBody<T extends { state: unknown }>(envelope: T): Omit<T, 'state'> & { caseState: unknown } {
  const { state, ...rest } = envelope;
  return { ...rest, caseState: state };
}

/** The case envelope inside a case document, `state` restored (see caseBody). */
export function caseFromBody(doc: unknown): unknown {
  const record = unwrap(doc);
  if (typeof record !== 'object' || record === null) return record;
  const { caseState, ...rest } = record as { caseState?: unknown };
  return { ...rest, state: caseState };
}
