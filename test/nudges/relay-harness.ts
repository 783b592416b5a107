import type { DeliveredAnswer, Messenger, OutgoingMessage, PaceLimit, Recipient, SendResult, Sleeper } from '../../services/nudges/messenger.port';
import type { MessengerErrorCode } from '../../services/nudges/messenger.port';
import { createRelay } from '../../services/nudges/relay';
import type { RelayLog, RelayOptions } from '../../services/nudges/relay';
import type { ReminderRecord, Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { aPerson, windowOf } from './nudge-fixtures';

/**
 * A fake timer: a sleep never really waits. Sleepers are woken one at a time, earliest first, once the work
 * already running has settled (the next turn of the event loop), with the fake clock moved to their wake time.
 */
export class FakeSleeper implements Sleeper {
  readonly waits: number[] = [];
  private readonly sleeping: { at: number; wake: () => void }[] = [];
  constructor(private readonly clock: FixedClock) {}
  sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    return new Promise((resolve) => {
      this.sleeping.push({ at: this.clock.now().getTime() + ms, wake: resolve });
      setImmediate(() => this.wakeEarliest());
    });
  }
  private wakeEarliest(): void {
    this.sleeping.sort((a, b) => a.at - b.at);
    const next = this.sleeping.shift();
    if (!next) return;
    if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
    next.wake();
  }
}

/** A messenger that records every send, with scripted failures for the first calls. */
export class RecordingMessenger implements Messenger {
  readonly sent: { recipient: Recipient; message: OutgoingMessage; at: string }[] = [];
  readonly attempts: string[] = [];
  private readonly script: { code: MessengerErrorCode; retryAfterMs: number | null; wentThrough: boolean }[] = [];
  constructor(readonly channel: 'teams' | 'slack', protected readonly clock: FixedClock) {}
  /** The next send fails with `code`; `wentThrough`: the platform took the post all the same (a timeout after it). */
  failNext(code: MessengerErrorCode, retryAfterMs: number | null = null, wentThrough = false): this {
    this.script.push({ code, retryAfterMs, wentThrough });
    return this;
  }
  async send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult> {
    this.attempts.push(message.key);
    const next = this.script.shift();
    if (next?.wentThrough) this.sent.push({ recipient, message, at: this.clock.now().toISOString() });
    if (next) return { ok: false, error: { code: next.code, message: 'scripted' }, retryAfterMs: next.retryAfterMs };
    this.sent.push({ recipient, message, at: this.clock.now().toISOString() });
    return { ok: true, value: { id: `m-${this.sent.length}` } };
  }
  limits(recipient: Recipient): PaceLimit[] {
    return [{ key: `conv:${recipient.userKey}`, perSecond: 7 }, { key: `tenant:${recipient.tenantId ?? '-'}`, perSecond: 30 }];
  }
}

/** A messenger that can read back what it sent (as Slack can), answering from what it recorded, or as scripted. */
export class ReadBackMessenger extends RecordingMessenger {
  readonly asked: { key: string; since: string; at: string }[] = [];
  private readonly answers: DeliveredAnswer[] = [];
  /** The next read-backs answer this (e.g. 'unknown': the platform did not answer). */
  answerNext(...answers: DeliveredAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }
  async delivered(recipient: Recipient, key: string, since: string): Promise<DeliveredAnswer> {
    this.asked.push({ key, since, at: this.clock.now().toISOString() });
    const scripted = this.answers.shift();
    if (scripted) return scripted;
    return this.sent.some((s) => s.message.key === key && s.recipient.userKey === recipient.userKey && s.at >= since) ? 'yes' : 'no';
  }
}

export const OPTIONS: RelayOptions = { batchSize: 100, leaseMs: 120_000, maxAttempts: 10, maxRetries: 5, concurrency: 4 };

/** A memory store with a small school (a reviewee, their reviewer, the head), all reachable in Teams. */
export async function aRelayWorld(start = '2026-11-25T09:00:00.000Z', open?: (clock: FixedClock) => Store) {
  const clock = new FixedClock(start);
  const store: Store = open ? open(clock) : openMemoryStore({ parseCaseState: (raw: unknown) => raw, clock });
  const sleeper = new FakeSleeper(clock);
  const teams = new RecordingMessenger('teams', clock);
  const people = [
    aPerson({ id: 'p-ada' }),
    aPerson({ id: 'p-bo', name: 'Bo Reviewer' }),
    aPerson({ id: 'p-head', name: 'Hal Head', headteacher: true }),
    aPerson({ id: 'p-tt', name: 'Tess Termtime', termTimeOnly: true }),
  ];
  for (const p of people) {
    await store.people.upsert(p);
    await store.conversations.put({ schoolId: 'school-a', personId: p.id, channel: 'teams', userKey: p.teams?.aadObjectId ?? '', reference: { conversation: { id: `conv-${p.id}` } }, updatedAt: start });
  }
  const relayWith = (o: Partial<RelayOptions> = {}) =>
    createRelay({
      store, messengers: { teams }, clock, sleeper, random: () => 0.5, options: { ...OPTIONS, ...o },
      windowFor: async (p) => windowOf({ termTimeOnly: p.termTimeOnly }),
    });
  return { clock, store, sleeper, teams, relay: relayWith(), relayWith };
}

/** The same small school reached in Slack only, through a messenger that reads back (as Slack's does). */
export async function aSlackRelayWorld(start = '2026-11-25T09:00:00.000Z', open?: (clock: FixedClock) => Store) {
  const w = await aRelayWorld(start, open);
  for (const p of await w.store.people.list('school-a')) await w.store.people.upsert({ ...p, teams: undefined, slack: { userId: `U-${p.id}`, teamId: 'T-a', unreachable: false } });
  const slack = new ReadBackMessenger('slack', w.clock);
  const relayWith = (o: Partial<RelayOptions> = {}, store: Store = w.store, log?: RelayLog) =>
    createRelay({
      store, messengers: { slack }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: { ...OPTIONS, ...o },
      windowFor: async (p) => windowOf({ termTimeOnly: p.termTimeOnly }), log,
    });
  return { ...w, slack, relay: relayWith(), relayWith };
}

/** A reminder with overrides. */
export const aReminder = (o: Partial<ReminderRecord> = {}): ReminderRecord => ({
  id: 'case-1/appeal.informal/1.before-5', schoolId: 'school-a', caseId: 'case-1', rule: 'appeal.informal', recipientId: 'p-ada',
  dueAt: '2026-11-25T08:30:00.000Z', state: 'pending', leaseUntil: null, attempts: 0,
  payload: { content: { kind: 'nudge', title: 'Your appeal is due soon', lines: [], due: '2026-12-02', open: { verb: 'ipp.step.open', title: 'Open', caseId: 'case-1', version: 3 } } },
  ...o,
});
