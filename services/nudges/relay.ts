import type { Person } from '../people/person.schema';
import type { ReminderRecord, Store } from '../ports/store.port';
import type { Clock } from '../shared/time';
import type { DeliveryWindow } from '../policy/delivery-window';
import { nextDeliveryInstant } from '../policy/delivery-window';
import { iso, londonWallClock } from '../shared/london-time';
import type { Messenger, NudgeContent, RandomSource, Sleeper } from './messenger.port';
import { reminderPayloadSchema } from './nudge-payload.schema';
import { Pacer } from './pacer';
import { markedUnreachable, resolveRecipient } from './recipients';
import { alreadyDelivered, CONFIRM_AFTER_MS, readBackSince, sendOnce } from './send-once';
import type { OnceOutcome } from './send-once';

/** Ids-only structured log line (never appraisal content). */
export type RelayLog = (event: string, fields: Record<string, string | number | null>) => void;

/** How the relay runs: all configuration (env vars in the worker). */
export interface RelayOptions {
  batchSize: number;
  leaseMs: number;
  /** Claims of one reminder (sends and deferrals) before it is marked failed. */
  maxAttempts: number;
  maxRetries: number;
  concurrency: number;
  /** How long an ambiguous send settles before it is read back, where the platform allows (default 5 s). */
  confirmAfterMs?: number;
}

/** What the relay is built from: ports only. */
export interface RelayDeps {
  store: Pick<Store, 'reminders' | 'outbox' | 'people' | 'conversations' | 'idempotency'>;
  messengers: Partial<Record<'teams' | 'slack', Messenger>>;
  clock: Clock;
  sleeper: Sleeper;
  random: RandomSource;
  /** The person's delivery window (their school's calendar and hours; R-CHAT-3). */
  windowFor(person: Person): Promise<DeliveryWindow>;
  log?: RelayLog;
  options: RelayOptions;
}

/** Counts from one sweep, for logs and tests. */
export interface SweepReport {
  read: number;
  claimed: number;
  lostRace: number;
  sent: number;
  /** Found already delivered (a replica died after the post, or the post timed out): marked sent, not sent again. */
  reconciled: number;
  deferred: number;
  failed: number;
  unreachable: number;
  cancelled: number;
  retryLater: number;
}

const emptyReport = (): SweepReport => ({ read: 0, claimed: 0, lostRace: 0, sent: 0, reconciled: 0, deferred: 0, failed: 0, unreachable: 0, cancelled: 0, retryLater: 0 });

/** Runs `work` over `items` with at most `n` at a time. */
export async function inPool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, lane));
}

/**
 * The scheduler's relay: due reminders through the messengers, one replica per reminder at a time. On Slack a
 * reminder goes out once even when a replica dies mid-send; on Teams, which cannot read back, at least once.
 */
export function createRelay(deps: RelayDeps) {
  const { store, clock, options } = deps;
  const log: RelayLog = deps.log ?? (() => undefined);
  const pacer = new Pacer(clock, deps.sleeper);
  const sender = { clock, sleeper: deps.sleeper, random: deps.random, pacer, maxRetries: options.maxRetries };

  /**
   * A 403/404 (or no chat identity at all): remember it on the person, and tell the head once — the notice is
   * a reminder with a fixed id per person, so it is created once however often and wherever this happens.
   */
  async function unreachable(person: Person, channel: 'teams' | 'slack' | null, caseId: string): Promise<void> {
    if (channel) await store.people.upsert(markedUnreachable(person, channel));
    const head = (await store.people.list(person.schoolId)).find((p) => p.headteacher && p.leftOn === null && p.id !== person.id);
    if (!head) return;
    const where = channel === 'teams' ? 'in Teams' : channel === 'slack' ? 'in Slack' : 'in Teams or Slack';
    const content: NudgeContent = {
      kind: 'notice',
      title: `I can’t reach ${person.name} ${where}`,
      lines: [
        channel ? 'They may have removed the app, or their account may have changed.' : 'They haven’t opened a chat with me yet.',
        'Please ask them to open a chat with me and say "hi", so their reminders reach them.',
      ],
      due: null,
      open: null,
    };
    await store.reminders.create({
      id: `unreachable/${person.id}`, schoolId: person.schoolId, caseId, rule: 'notice.unreachable', recipientId: head.id,
      dueAt: iso(clock.now()), state: 'pending', leaseUntil: null, attempts: 0, payload: { content },
    });
  }

  async function relayOne(r: ReminderRecord, report: SweepReport): Promise<void> {
    const now = clock.now();
    if (r.attempts >= options.maxAttempts) {
      await store.reminders.mark(r.schoolId, r.id, 'failed');
      report.failed += 1;
      log('nudge.gave-up', { reminderId: r.id, attempts: r.attempts });
      return;
    }
    const leaseEnd = now.getTime() + options.leaseMs;
    if (!(await store.reminders.claim(r, iso(new Date(leaseEnd)), iso(now)))) {
      report.lostRace += 1;
      return;
    }
    report.claimed += 1;
    const payload = reminderPayloadSchema.safeParse(r.payload);
    if (!payload.success) {
      await store.reminders.mark(r.schoolId, r.id, 'failed');
      report.failed += 1;
      log('nudge.bad-payload', { reminderId: r.id });
      return;
    }
    const found = await resolveRecipient(store, deps.messengers, r.schoolId, r.recipientId, londonWallClock(now).day);
    if (found.kind === 'left') {
      await store.reminders.mark(r.schoolId, r.id, 'cancelled');
      report.cancelled += 1;
      return;
    }
    if (found.kind === 'unreachable') {
      await store.reminders.mark(r.schoolId, r.id, 'unreachable');
      if (r.rule !== 'notice.unreachable') await unreachable(found.person, null, r.caseId);
      report.unreachable += 1;
      return;
    }
    // Outside the person's hours (a late sweep, a new closure day): keep the claim until the window opens, so
    // the same reminder (same id, still cancellable by its case) comes back then. Deferred, never dropped.
    const opens = nextDeliveryInstant(now, await deps.windowFor(found.person));
    if (opens.getTime() > now.getTime()) {
      const deferred = { ...r, state: 'claimed' as const, leaseUntil: iso(new Date(leaseEnd)), attempts: r.attempts + 1 };
      if (await store.reminders.claim(deferred, iso(opens), iso(new Date(leaseEnd)))) report.deferred += 1;
      log('nudge.deferred', { reminderId: r.id, until: iso(opens) });
      return;
    }
    const messenger = deps.messengers[found.recipient.channel] as Messenger;
    // Every claim, so every post, of a reminder comes at or after its due time (a deferral keeps it). Not the
    // last claim's time: a replica that died after claiming, before sending, would hide an earlier one's post.
    const since = readBackSince(r.dueAt);
    // Claimed before and its lease ran out: the replica may have died after the platform took the post and
    // before marking it sent. Where the platform can say, ask it instead of sending again (R-CHAT-3).
    if (r.attempts > 0 && (await alreadyDelivered(messenger, found.recipient, r.id, since)) === 'yes') {
      await settle(r, { kind: 'reconciled' }, found.person, found.recipient.channel, report);
      return;
    }
    const message = { key: r.id, content: payload.data.content };
    const outcome = await sendOnce(sender, messenger, found.recipient, message, { since, mustFinishBy: leaseEnd - 1000, confirmAfterMs: options.confirmAfterMs ?? CONFIRM_AFTER_MS });
    await settle(r, outcome, found.person, found.recipient.channel, report);
  }

  async function settle(r: ReminderRecord, outcome: OnceOutcome, person: Person, channel: 'teams' | 'slack', report: SweepReport): Promise<void> {
    switch (outcome.kind) {
      case 'sent':
        await store.reminders.mark(r.schoolId, r.id, 'sent');
        report.sent += 1;
        log('nudge.sent', { reminderId: r.id, channel });
        return;
      case 'reconciled':
        await store.reminders.mark(r.schoolId, r.id, 'sent');
        report.reconciled += 1;
        log('nudge.reconciled', { reminderId: r.id, channel });
        return;
      case 'unreachable':
        await store.reminders.mark(r.schoolId, r.id, 'unreachable');
        await unreachable(person, channel, r.caseId);
        report.unreachable += 1;
        log('nudge.unreachable', { reminderId: r.id, personId: person.id, channel });
        return;
      // Ambiguous here means the platform could not be asked (Teams) or did not answer: not re-sent blindly.
      case 'ambiguous':
      case 'rejected':
        await store.reminders.mark(r.schoolId, r.id, 'failed');
        report.failed += 1;
        log(`nudge.${outcome.kind}`, { reminderId: r.id, channel });
        return;
      case 'retry-later':
        // The claim stays; its lease runs out and a later sweep (any replica) tries again.
        report.retryLater += 1;
        log('nudge.retry-later', { reminderId: r.id, code: outcome.code });
        return;
    }
  }

  return {
    /** One pass: reads only due reminders (one page), claims each, sends, marks. */
    async sweep(): Promise<SweepReport> {
      const report = emptyReport();
      const due = await store.reminders.due(iso(clock.now()), options.batchSize);
      report.read = due.length;
      await inPool(due, options.concurrency, (r) => relayOne(r, report));
      return report;
    },
    pacer,
    sender,
    unreachable,
  };
}

/** The relay's handle. */
export type Relay = ReturnType<typeof createRelay>;
