import type { SendFailure } from '../../services/nudges/messenger.port';
import type { MessengerErrorCode } from '../../services/nudges/messenger.port';

// Shared by the Teams and Slack messengers: turning an HTTP exchange into the messenger port's outcome.

/** A failed send with a code and, for 429, the wait the platform asked for. */
export const failure = (code: MessengerErrorCode, message: string, retryAfterMs: number | null = null): SendFailure => ({
  ok: false, error: { code, message }, retryAfterMs,
});

/** Retry-After as milliseconds: whole seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A fetch that threw: refused connections and unknown hosts never reached the platform (safe to retry);
 * a timeout or a reset after the request went out may have been delivered, so it is ambiguous.
 */
export function thrownOutcome(error: unknown): SendFailure {
  const e = error as { name?: string; cause?: { code?: string } };
  const code = e.cause?.code ?? '';
  if (NEVER_SENT.has(code)) return failure('MESSENGER.TRANSIENT', `not connected (${code})`);
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return failure('MESSENGER.AMBIGUOUS', 'timed out after sending');
  return failure('MESSENGER.AMBIGUOUS', `connection failed after sending (${code || e.name || 'unknown'})`);
}

/** Posts JSON with a timeout, returning the response or the thrown error's outcome. */
export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response | SendFailure> {
  try {
    return await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return thrownOutcome(error);
  }
}
