/** A write lost a race: the stored version is newer than the one the writer read. */
export class ConcurrencyError extends Error {
  readonly code = 'STORE.CONCURRENCY';
  constructor(readonly documentId: string, message = `Document ${documentId} was changed by someone else`) {
    super(message);
    this.name = 'ConcurrencyError';
  }
}

/** A stored document is unreadable: unknown schema version or invalid content. Names the document, never its content. */
export class InvalidDocumentError extends Error {
  readonly code = 'STORE.INVALID_DOCUMENT';
  constructor(readonly documentId: string, detail: string) {
    super(`Stored document ${documentId} is invalid: ${detail}`);
    this.name = 'InvalidDocumentError';
  }
}
