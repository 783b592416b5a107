import type { Clock } from '../shared/time';
import type { PaceLimit, Sleeper } from './messenger.port';

/**
 * Keeps sends within the platforms' limits (Teams ≤ 7 messages/s per conversation and ≤ 30 requests/s per
 * tenant; Slack ≤ 1 message/s per channel): each key has a next-free instant spaced 1/rate apart.
 * Time comes from the injected clock and waits from the injected sleeper, so tests never really sleep.
 */
export class Pacer {
  private readonly nextFree = new Map<string, number>();
  constructor(private readonly clock: Clock, private readonly sleeper: Sleeper) {}

  /** Waits until a send may go under every limit, then books its slot in each. */
  async acquire(limits: PaceLimit[]): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      const wait = Math.max(0, ...limits.map((l) => (this.nextFree.get(l.key) ?? 0) - now));
      if (wait === 0) {
        for (const l of limits) this.nextFree.set(l.key, now + Math.ceil(1000 / l.perSecond));
        this.forgetOld(now);
        return;
      }
      await this.sleeper.sleep(wait);
    }
  }

  /** Pushes a key's next slot out (a 429's Retry-After applies to everything sent under that key). */
  holdOff(key: string, untilMs: number): void {
    this.nextFree.set(key, Math.max(this.nextFree.get(key) ?? 0, untilMs));
  }

  private forgetOld(now: number): void {
    if (this.nextFree.size < 10_000) return;
    for (const [k, t] of this.nextFree) if (t < now) this.nextFree.delete(k);
  }
}

/** Backoff with full jitter for a retry with no Retry-After: up to base·2^attempt, capped. */
export function backoffMs(attempt: number, random: () => number, baseMs = 1000, capMs = 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
