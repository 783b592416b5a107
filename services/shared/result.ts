/** An expected failure as a value: a namespaced code (e.g. `CASE.STALE_VERSION`) and a plain-English message. */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** Which input fields are wrong, for forms (field name → what is wrong). */
  readonly fields?: Readonly<Record<string, string>>;
}

/** The outcome of an operation that can fail in expected ways. */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<C> };

/** Wraps a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function fail<C extends string>(code: C, message: string, fields?: Record<string, string>): { readonly ok: false; readonly error: Failure<C> } {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** Ends every exhaustive `switch` over a discriminated union. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
