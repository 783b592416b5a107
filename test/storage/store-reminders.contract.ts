import { aReminder, type StoreHarness } from './store-fixtures';

const at = (hhmm: string) => `2026-11-26T${hhmm}:00.000Z`;

/** Reminders for the scheduler: idempotent create, due query, claims with leases, marks. */
export function remindersContract(h: () => StoreHarness): void {
  describe('reminders', () => {
    it('R-CHAT-3: creating a reminder twice keeps one, as first written', async () => {
      const { reminders } = h().store;
      expect(await reminders.create(aReminder())).toBe(true);
      expect(await reminders.create(aReminder({ dueAt: at('12:00'), payload: { other: true } }))).toBe(false);
      expect(await reminders.get('school-a', aReminder().id)).toEqual(aReminder());
      expect(await reminders.get('school-a', 'nope')).toBeNull();
    });

    it('returns pending reminders due at or before the instant, in due order, up to the limit', async () => {
      const { reminders } = h().store;
      for (const [id, time] of [['r-3', '11:00'], ['r-1', '09:00'], ['r-future', '15:00'], ['r-2', '10:00'], ['r-4', '12:00']] as const) {
        await reminders.create(aReminder({ id, dueAt: at(time) }));
      }
      await reminders.create(aReminder({ id: 'r-other-school', schoolId: 'school-b', dueAt: at('09:30') }));
      await reminders.mark('school-a', 'r-4', 'sent');
      expect((await reminders.due(at('12:00'), 10)).map((r) => r.id)).toEqual(['r-1', 'r-other-school', 'r-2', 'r-3']);
      expect((await reminders.due(at('12:00'), 2)).map((r) => r.id)).toEqual(['r-1', 'r-other-school']);
      expect(await reminders.due(at('08:59'), 10)).toEqual([]);
    });

    it('R-CHAT-3: a claim succeeds once; a second worker holding the same read loses', async () => {
      const { reminders } = h().store;
      await reminders.create(aReminder({ dueAt: at('09:00') }));
      const [read] = await reminders.due(at('09:00'), 1);
      if (!read) throw new Error('expected a due reminder');
      expect(await reminders.claim(read, at('09:05'), at('09:00'))).toBe(true);
      expect(await reminders.claim(read, at('09:05'), at('09:00'))).toBe(false);
      expect(await reminders.get('school-a', read.id)).toEqual({ ...read, state: 'claimed', leaseUntil: at('09:05'), attempts: 1 });
      expect(await reminders.due(at('09:04'), 10)).toEqual([]);
    });

    it('of many concurrent claims of one reminder exactly one wins', async () => {
      const { reminders } = h().store;
      await reminders.create(aReminder({ dueAt: at('09:00') }));
      const read = await reminders.get('school-a', aReminder().id);
      if (!read) throw new Error('expected the reminder');
      const wins = await Promise.all(Array.from({ length: 20 }, () => reminders.claim(read, at('09:05'), at('09:00'))));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('refuses to claim a reminder before it is due', async () => {
      const { reminders } = h().store;
      await reminders.create(aReminder({ dueAt: at('09:00') }));
      const read = await reminders.get('school-a', aReminder().id);
      expect(read && (await reminders.claim(read, at('08:35'), at('08:30')))).toBe(false);
    });

    it('a claim whose lease ran out is due again, and can be taken over', async () => {
      const { reminders } = h().store;
      await reminders.create(aReminder({ dueAt: at('09:00') }));
      const first = await reminders.get('school-a', aReminder().id);
      if (!first) throw new Error('expected the reminder');
      await reminders.claim(first, at('09:05'), at('09:00'));
      const [again] = await reminders.due(at('09:05'), 10);
      expect(again).toMatchObject({ id: first.id, state: 'claimed', attempts: 1 });
      if (!again) throw new Error('expected the expired claim to be due');
      expect(await reminders.claim(again, at('09:06'), at('09:04'))).toBe(false);
      expect(await reminders.claim(again, at('09:10'), at('09:05'))).toBe(true);
      expect((await reminders.get('school-a', first.id))?.attempts).toBe(2);
    });

    it('a reminder marked sent, failed or unreachable is no longer due', async () => {
      const { reminders } = h().store;
      for (const id of ['r-sent', 'r-failed', 'r-unreachable', 'r-pending']) await reminders.create(aReminder({ id, dueAt: at('09:00') }));
      await reminders.mark('school-a', 'r-sent', 'sent');
      await reminders.mark('school-a', 'r-failed', 'failed');
      await reminders.mark('school-a', 'r-unreachable', 'unreachable');
      await reminders.mark('school-a', 'r-missing', 'sent');
      expect((await reminders.due(at('10:00'), 10)).map((r) => r.id)).toEqual(['r-pending']);
      expect((await reminders.get('school-a', 'r-unreachable'))?.state).toBe('unreachable');
    });
  });
}
