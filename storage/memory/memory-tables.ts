import type { Instant } from '../../services/shared/time';

/** One stored row: the document as JSON would give it back, and when it may be purged. */
export interface MemoryRow {
  doc: unknown;
  expiresAt: Instant | null;
}

/** The in-memory store's tables, keyed `schoolId|id` (schools by id). Exposed so tests can plant raw documents. */
export interface MemoryTables {
  schools: Map<string, MemoryRow>;
  people: Map<string, MemoryRow>;
  cases: Map<string, MemoryRow>;
  outbox: Map<string, MemoryRow & { done: boolean }>;
  reminders: Map<string, MemoryRow>;
  audit: Map<string, MemoryRow>;
  conversations: Map<string, MemoryRow>;
  idempotency: Map<string, MemoryRow>;
  /** Keyed `schoolId|cycleId`. */
  payrollExports: Map<string, MemoryRow>;
  /** Keyed `schoolId|personId`. */
  equality: Map<string, MemoryRow>;
}

/** Empty tables. */
export function memoryTables(): MemoryTables {
  return {
    schools: new Map(),
    people: new Map(),
    cases: new Map(),
    outbox: new Map(),
    reminders: new Map(),
    audit: new Map(),
    conversations: new Map(),
    idempotency: new Map(),
    payrollExports: new Map(),
    equality: new Map(),
  };
}

/** The key of a document in its school. */
export const key = (schoolId: string, id: string): string => `${schoolId}|${id}`;

/** A deep copy through JSON, as a real store would hand back: callers never share objects with the store. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
