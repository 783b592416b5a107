import type { OutboxMessage } from '../ports/store.port';
import { iso, londonWallClock } from '../shared/london-time';
import type { Messenger } from './messenger.port';
import { isStepOpen, planCaseEffect } from './case-effects';
import type { CaseEffectDeps } from './case-effects';
import { outboxNotifySchema } from './nudge-payload.schema';
import type { OutboxNotify } from './nudge-payload.schema';
import { resolveRecipient } from './recipients';
import type { Relay, RelayDeps } from './relay';
import { inPool } from './relay';
import { alreadyDelivered, CONFIRM_AFTER_MS, readBackSince, sendOnce } from './send-once';

/** How long "this notification was taken before" is remembered: longer than any message stays pending. */
const TAKEN_TTL_SECONDS = 7 * 24 * 3600;

/** Counts from one outbox pass. */
export interface OutboxReport {
  read: number;
  sent: number;
  /** Found already delivered by a replica that died before marking it done: not sent again. */
  reconciled: number;
  skipped: number;
  done: number;
}

/**
 * Relays the transactional outbox through the same messengers, pacing and retries as the reminders. The
 * outbox has no claim of its own, so a replica takes a message with an idempotency key that lives as long
 * as a lease: of several replicas one sends it; if that one dies, the key runs out and another takes it. Where
 * the platform can read back (Slack), a second key that outlives the lease says it was taken before, and the
 * taker asks the platform first, so the notification goes once (Teams: at least once).
 * Notifications are transactional replies to something a person just did, so they are not held to hours.
 */
export function createOutboxRelay(deps: RelayDeps & { caseEffects?: CaseEffectDeps }, relay: Relay) {
  const { store, clock, options } = deps;
  const log = deps.log ?? (() => undefined);

  async function relayOne(m: OutboxMessage, report: OutboxReport): Promise<void> {
    const now = clock.now();
    const taken = await store.idempotency.firstSeen(`outbox:${m.schoolId}:${m.id}`, iso(now), Math.ceil(options.leaseMs / 1000));
    if (!taken) {
      report.skipped += 1;
      return;
    }
    // A case effect (R-CHAT-1, R-CHAT-3): a notice to send, or reminders to plan (created idempotently by id).
    let notify: OutboxNotify | null = null;
    if (deps.caseEffects) {
      const plan = await planCaseEffect(m, deps.caseEffects, now);
      if (plan.kind === 'reminders') {
        for (const r of plan.reminders) await store.reminders.create(r);
        // The step may have closed between the read and these creates, its cancel finding nothing yet: look
        // again, and cancel them here if so (a close after this read finds them and cancels them itself).
        if (!(await isStepOpen(deps.caseEffects.cases, plan.step))) {
          for (const r of plan.reminders) if ((await store.reminders.get(r.schoolId, r.id))?.state === 'pending') await store.reminders.mark(r.schoolId, r.id, 'cancelled');
          log('outbox.reminders-withdrawn', { outboxId: m.id, count: plan.reminders.length });
        } else log('outbox.reminders-planned', { outboxId: m.id, count: plan.reminders.length });
        await store.outbox.markDone(m.schoolId, m.id);
        report.done += 1;
        return;
      }
      if (plan.kind === 'send') notify = plan.notify;
      else if (plan.why !== 'not-a-case-effect') {
        log('outbox.effect-skipped', { outboxId: m.id, why: plan.why });
        await store.outbox.markDone(m.schoolId, m.id);
        report.done += 1;
        return;
      }
    }
    const parsed = notify ? { success: true as const, data: notify } : outboxNotifySchema.safeParse(m.payload);
    if (!parsed.success) {
      // Not a message for a person (another kind of outbox entry): done here, so it never blocks the queue.
      log('outbox.not-a-notification', { outboxId: m.id, kind: m.kind });
      await store.outbox.markDone(m.schoolId, m.id);
      report.done += 1;
      return;
    }
    const found = await resolveRecipient(store, deps.messengers, m.schoolId, parsed.data.recipientId, londonWallClock(now).day);
    if (found.kind !== 'ok') {
      await store.outbox.markDone(m.schoolId, m.id);
      report.done += 1;
      log('outbox.no-recipient', { outboxId: m.id, why: found.kind });
      return;
    }
    const messenger = deps.messengers[found.recipient.channel] as Messenger;
    const since = readBackSince(m.createdAt);
    if (messenger.delivered) {
      const takenBefore = !(await store.idempotency.firstSeen(`outbox-taken:${m.schoolId}:${m.id}`, iso(now), TAKEN_TTL_SECONDS));
      if (takenBefore && (await alreadyDelivered(messenger, found.recipient, m.id, since)) === 'yes') {
        log('outbox.reconciled', { outboxId: m.id });
        await store.outbox.markDone(m.schoolId, m.id);
        report.reconciled += 1;
        report.done += 1;
        return;
      }
    }
    const message = { key: m.id, content: parsed.data.content };
    const outcome = await sendOnce(relay.sender, messenger, found.recipient, message, { since, mustFinishBy: now.getTime() + options.leaseMs - 1000, confirmAfterMs: options.confirmAfterMs ?? CONFIRM_AFTER_MS });
    if (outcome.kind === 'retry-later') {
      log('outbox.retry-later', { outboxId: m.id, code: outcome.code });
      return;
    }
    if (outcome.kind === 'unreachable') await relay.unreachable(found.person, found.recipient.channel, m.caseId);
    if (outcome.kind === 'sent') report.sent += 1;
    if (outcome.kind === 'reconciled') report.reconciled += 1;
    log(`outbox.${outcome.kind}`, { outboxId: m.id });
    await store.outbox.markDone(m.schoolId, m.id);
    report.done += 1;
  }

  return {
    /** One pass over the oldest pending outbox messages. */
    async sweep(): Promise<OutboxReport> {
      const report: OutboxReport = { read: 0, sent: 0, reconciled: 0, skipped: 0, done: 0 };
      const pending = await store.outbox.pending(options.batchSize);
      report.read = pending.length;
      await inPool(pending, options.concurrency, (m) => relayOne(m, report));
      return report;
    },
  };
}
