import { createSlackMessenger } from '../../bot/messenger/slack.messenger';
import { createTeamsMessenger } from '../../bot/messenger/teams.messenger';
import { noToken } from '../../bot/messenger/bot-token.source';
import { createRelay } from '../../services/nudges/relay';
import type { Answer } from './fake-endpoints';
import { startFakeEndpoints } from './fake-endpoints';
import { windowOf } from './nudge-fixtures';
import { aRelayWorld, aReminder, OPTIONS } from './relay-harness';

type Endpoints = Awaited<ReturnType<typeof startFakeEndpoints>>;

/** A relay world whose Teams and Slack messengers talk HTTP to the fake endpoints. */
async function overHttp(script: (n: number) => Answer | null, timeoutMs = 2000) {
  const fake = await startFakeEndpoints(({ n }) => script(n));
  const w = await aRelayWorld();
  const teams = createTeamsMessenger({ tokens: noToken, clock: w.clock, timeoutMs });
  const slack = createSlackMessenger({ botToken: 'xoxb-test', apiUrl: `${fake.url}api/`, clock: w.clock, timeoutMs });
  for (const p of await w.store.people.list('school-a')) {
    await w.store.conversations.put({
      schoolId: 'school-a', personId: p.id, channel: 'teams', userKey: p.teams?.aadObjectId ?? '', updatedAt: '2026-11-25T09:00:00.000Z',
      reference: { serviceUrl: fake.url, conversation: { id: `a:conv-${p.id}`, tenantId: 'tenant-a' }, bot: { id: '28:bot' }, user: { id: `29:${p.id}` } },
    });
  }
  const relay = createRelay({ store: w.store, messengers: { teams, slack }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() });
  return { ...w, fake, relay };
}

describe('Teams and Slack messengers over HTTP on loopback (R-CHAT-3)', () => {
  let fake: Endpoints | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  it('R-CHAT-3: a Teams nudge is a proactive card posted to the stored conversation', async () => {
    const w = await overHttp(() => null);
    fake = w.fake;
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    const [post] = w.fake.received;
    expect(post?.path).toBe(`/v3/conversations/${encodeURIComponent('a:conv-p-ada')}/activities`);
    expect(JSON.stringify(post?.body)).toContain('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(post?.body)).toContain('Due by Wednesday 2 December (2026-12-02)');
  });

  it('R-CHAT-3: injected 429 with Retry-After, 429 without, and 503: nothing lost, Retry-After honoured on the fake clock', async () => {
    const answers: (Answer | null)[] = [{ status: 429, headers: { 'retry-after': '4' } }, { status: 429 }, { status: 503 }];
    const w = await overHttp((n) => answers[n] ?? null);
    fake = w.fake;
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.fake.received.map((r) => r.status)).toEqual([429, 429, 503, 200]);
    expect(w.sleeper.waits.filter((ms) => ms >= 500)).toEqual([4000, 1500, 3000]);
  });

  it('R-CHAT-3: a 403 from Teams marks the person unreachable, and nothing more is sent to them', async () => {
    const w = await overHttp((n) => (n === 0 ? { status: 403 } : null));
    fake = w.fake;
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).unreachable).toBe(1);
    expect((await w.store.people.get('school-a', 'p-ada'))?.teams?.unreachable).toBe(true);
  });

  it('R-CHAT-3: a timeout after the post went out is ambiguous: marked failed, not sent again', async () => {
    const w = await overHttp((n) => (n === 0 ? { status: 200, holdMs: 400 } : null), 100);
    fake = w.fake;
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).failed).toBe(1);
    w.clock.advanceMs(600_000);
    await w.relay.sweep();
    expect(w.fake.received).toHaveLength(1);
  });

  it('R-CHAT-3: Slack DMs go to the user id with the step button; a 429 waits Retry-After; channel_not_found is unreachable', async () => {
    const answers: (Answer | null)[] = [{ status: 429, headers: { 'retry-after': '3' } }, null, { status: 200, body: { ok: false, error: 'user_not_found' } }];
    const w = await overHttp((n) => answers[n] ?? null);
    fake = w.fake;
    for (const id of ['p-ada', 'p-bo']) {
      const p = await w.store.people.get('school-a', id);
      if (p) await w.store.people.upsert({ ...p, teams: undefined, slack: { userId: `U-${id}`, unreachable: false } });
    }
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.sleeper.waits).toContain(3000);
    expect(w.fake.received[1]?.body).toMatchObject({ channel: 'U-p-ada' });
    expect(JSON.stringify(w.fake.received[1]?.body)).toContain('"action_id":"ipp.home.show"');
    await w.store.reminders.create(aReminder({ id: 'to-bo', recipientId: 'p-bo' }));
    expect((await w.relay.sweep()).unreachable).toBe(1);
    expect((await w.store.people.get('school-a', 'p-bo'))?.slack?.unreachable).toBe(true);
  });
});
