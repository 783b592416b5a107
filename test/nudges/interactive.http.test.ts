import { noToken } from '../../bot/messenger/bot-token.source';
import { createTeamsMessenger } from '../../bot/messenger/teams.messenger';
import { DEMO_TENANT_ID, demoPeople } from '../../bot/dev/demo-school';
import type { Sleeper } from '../../services/nudges/messenger.port';
import type { FixedClock } from '../../services/shared/time';
import { createRelay } from '../../services/nudges/relay';
import { aMessage } from '../support/teams-activities';
import { postJson, startTestServer } from '../support/test-server';
import { startFakeEndpoints } from './fake-endpoints';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld, aReminder, OPTIONS } from './relay-harness';

/** A sleeper that holds every wait until the test lets it go (then moves the fake clock on by the wait). */
class GateSleeper implements Sleeper {
  readonly waits: number[] = [];
  private release: (() => void)[] = [];
  constructor(private readonly clock: FixedClock) {}
  sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    return new Promise((resolve) => this.release.push(() => (this.clock.advanceMs(ms), resolve())));
  }
  waiting(): number {
    return this.release.length;
  }
  openAll(): void {
    for (const r of this.release.splice(0)) r();
  }
}

/** Polls while loopback I/O completes (bounded, so a broken case fails rather than hangs). */
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise<void>((r) => setTimeout(r, 2));
  if (!check()) throw new Error('condition never held');
};

describe('bulk traffic never stalls interactive replies (R-CHAT-3)', () => {
  it('R-CHAT-3: while the scheduler waits out a 429 Retry-After, the bot still answers "hi" straight away', async () => {
    const fake = await startFakeEndpoints(({ path }) => (path === `/v3/conversations/${encodeURIComponent('a:bulk')}/activities` ? { status: 429, headers: { 'retry-after': '30' } } : null));
    const server = await startTestServer();
    try {
      const w = await aRelayWorld();
      await w.store.conversations.put({
        schoolId: 'school-a', personId: 'p-ada', channel: 'teams', userKey: 'aad-p-ada', updatedAt: '2026-11-25T09:00:00.000Z',
        reference: { serviceUrl: fake.url, conversation: { id: 'a:bulk', tenantId: 'tenant-a' } },
      });
      const sleeper = new GateSleeper(w.clock);
      const teams = createTeamsMessenger({ tokens: noToken, clock: w.clock });
      const relay = createRelay({ store: w.store, messengers: { teams }, clock: w.clock, sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() });
      await w.store.reminders.create(aReminder());
      const sweep = relay.sweep();
      await until(() => sleeper.waiting() === 1);
      expect(sleeper.waits).toEqual([30_000]);

      const sam = demoPeople().find((p) => p.id === 'p-sam');
      const res = await postJson(`${server.base}/api/messages`, aMessage({ aadObjectId: sam?.teams?.aadObjectId ?? '', name: 'Sam Fielding', tenantId: DEMO_TENANT_ID }, fake.url, 'hi'));
      expect(res.status).toBe(200);
      await until(() => fake.delivered().some((r) => JSON.stringify(r.body).includes('Hello Sam')));
      expect(sleeper.waiting()).toBe(1);

      // Let the scheduler's waits pass: it keeps meeting 429s and, after its retries, leaves the reminder for later.
      let settled = false;
      void sweep.then(() => (settled = true));
      await until(() => (sleeper.openAll(), settled));
      // 30 s apart on the fake clock, until the next wait would outlast the 120 s lease: four posts in all.
      expect(fake.received.filter((r) => r.path.endsWith('a%3Abulk/activities'))).toHaveLength(4);
      expect(w.clock.now().toISOString()).toBe('2026-11-25T09:01:30.000Z');
      expect((await sweep).retryLater).toBe(1);
    } finally {
      await server.stop();
      await fake.close();
    }
  });
});
