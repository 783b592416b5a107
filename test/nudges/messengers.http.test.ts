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
async function overHttp(script: (n: number, path: string) => Answer | null, timeoutMs = 2000) {
  const w = await aRelayWorld();
  const fake = await startFakeEndpoints(({ n, path }) => script(n, path), { nowMs: () => w.clock.now().getTime() });
  const teams = createTeamsMessenger({ tokens: noToken, clock: w.clock, timeoutMs });
  const slack = createSlackMessenger({ botToken: 'xoxb-test', apiUrl: `${fake.url}api/`, clock: w.clock, timeoutMs });
  for (const p of await w.store.people.list('school-a')) {
    await w.store.conversations.put({
      schoolId: 'school-a', personId: p.id, channel: 'teams', userKey: p.teams?.aadObjectId ?? '', updatedAt: '2026-11-25T09:00:00.000Z',
      reference: { serviceUrl: fake.url, conversation: { id: `a:conv-${p.id}`, tenantId: 'tenant-a' }, bot: { id: '28:bot' }, user: { id: `29:${p.id}` } },
    });
  }
  const relay = createRelay({ store: w.store, messengers: { teams, slack }, clock: w.clock, sleeper: w.sleeper, random: () => 0.5, options: OPTIONS, windowFor: async () => windowOf() });
  return { ...w, fake, relay, slack };
}

/** Links the world's people to Slack only (their Teams identity removed), as `U-<person id>`. */
async function inSlackOnly(w: Awaited<ReturnType<typeof overHttp>>, ids: string[]) {
  for (const id of ids) {
    const p = await w.store.people.get('school-a', id);
    if (p) await w.store.people.upsert({ ...p, teams: undefined, slack: { userId: `U-${id}`, unreachable: false } });
  }
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
    await inSlackOnly(w, ['p-ada', 'p-bo']);
    await w.store.reminders.create(aReminder());
    expect((await w.relay.sweep()).sent).toBe(1);
    expect(w.sleeper.waits).toContain(3000);
    expect(w.fake.received[1]?.body).toMatchObject({ channel: 'U-p-ada', metadata: { event_type: 'ipp_nudge', event_payload: { key: 'case-1/appeal.informal/1.before-5' } } });
    expect(JSON.stringify(w.fake.received[1]?.body)).toContain('"action_id":"ipp.home.show"');
    await w.store.reminders.create(aReminder({ id: 'to-bo', recipientId: 'p-bo' }));
    expect((await w.relay.sweep()).unreachable).toBe(1);
    expect((await w.store.people.get('school-a', 'p-bo'))?.slack?.unreachable).toBe(true);
  });

  it('R-CHAT-3: a Slack post that timed out after Slack took it is read back from the DM and marked sent: one message', async () => {
    const w = await overHttp((n, path) => (n === 0 && path === '/api/chat.postMessage' ? { status: 200, holdMs: 400 } : null), 100);
    fake = w.fake;
    await inSlackOnly(w, ['p-ada']);
    await w.store.reminders.create(aReminder());
    expect(await w.relay.sweep()).toMatchObject({ reconciled: 1, sent: 0, failed: 0 });
    expect(w.fake.dm('U-p-ada')).toHaveLength(1);
    expect((await w.store.reminders.get('school-a', 'case-1/appeal.informal/1.before-5'))?.state).toBe('sent');
    // This messenger had no answer from the post, so it opened the DM to read it, with every message's metadata.
    expect(w.fake.received.map((r) => r.path)).toEqual(['/api/chat.postMessage', '/api/conversations.open', '/api/conversations.history']);
    expect(w.fake.received[2]?.body).toMatchObject({ channel: 'D-U-p-ada', include_all_metadata: 'true', inclusive: 'true', oldest: String(Date.parse('2026-11-25T08:25:00.000Z') / 1000) + '.000000' });
  });

  it('R-CHAT-3: a Slack post that timed out before Slack took it is sent once more after the read-back finds nothing', async () => {
    const w = await overHttp((n, path) => (n === 0 && path === '/api/chat.postMessage' ? { status: 200, body: { ok: false, error: 'request_timeout' } } : null));
    fake = w.fake;
    await inSlackOnly(w, ['p-ada']);
    await w.store.reminders.create(aReminder());
    expect(await w.relay.sweep()).toMatchObject({ sent: 1, reconciled: 0 });
    expect(w.fake.dm('U-p-ada').map((m) => m.metadata?.event_payload.key)).toEqual(['case-1/appeal.informal/1.before-5']);
  });

  it('R-CHAT-3: Slack read-back: found by key at or after `since`, not before it, not another key; paged through a long DM', async () => {
    const w = await overHttp(() => null);
    fake = w.fake;
    const recipient = { schoolId: 'school-a', personId: 'p-ada', channel: 'slack' as const, userKey: 'U-p-ada', reference: null, tenantId: null };
    const note = (key: string) => ({ key, content: { kind: 'notice' as const, title: 'Hello', lines: [], due: null, open: null } });
    expect((await w.slack.send(recipient, note('r-1'))).ok).toBe(true);
    w.clock.advanceMs(60_000);
    for (let i = 0; i < 120; i += 1) await w.slack.send(recipient, note(`other-${i}`));
    // Another replica's messenger: it has never posted, so it opens the DM first.
    const other = createSlackMessenger({ botToken: 'xoxb-test', apiUrl: `${w.fake.url}api/`, clock: w.clock });
    expect(await other.delivered?.(recipient, 'r-1', '2026-11-25T08:59:00.000Z')).toBe('yes');
    expect(w.fake.received.filter((r) => r.path === '/api/conversations.history')).toHaveLength(3);
    expect(await other.delivered?.(recipient, 'r-1', '2026-11-25T09:00:30.000Z')).toBe('no');
    expect(await other.delivered?.(recipient, 'r-2', '2026-11-25T08:59:00.000Z')).toBe('no');
    expect(w.fake.received.filter((r) => r.path === '/api/conversations.open')).toHaveLength(1);
    // More than four pages after it: rather than read on, it cannot say.
    for (let i = 0; i < 100; i += 1) await w.slack.send(recipient, note(`more-${i}`));
    expect(await other.delivered?.(recipient, 'r-1', '2026-11-25T08:59:00.000Z')).toBe('unknown');
  });

  it('R-CHAT-3: Slack read-back cannot say when Slack will not answer: no scope to open the DM, a 5xx, a timeout', async () => {
    const recipient = { schoolId: 'school-a', personId: 'p-ada', channel: 'slack' as const, userKey: 'U-p-ada', reference: null, tenantId: null };
    const cases: ((path: string) => Answer | null)[] = [
      (path) => (path === '/api/conversations.open' ? { status: 200, body: { ok: false, error: 'missing_scope', needed: 'im:write' } } : null),
      (path) => (path === '/api/conversations.history' ? { status: 503 } : null),
      (path) => (path === '/api/conversations.history' ? { status: 200, holdMs: 400 } : null),
    ];
    for (const script of cases) {
      const w = await overHttp((_, path) => script(path));
      const messenger = createSlackMessenger({ botToken: 'xoxb-test', apiUrl: `${w.fake.url}api/`, clock: w.clock, timeoutMs: 100 });
      try {
        await messenger.send(recipient, { key: 'r-1', content: { kind: 'notice', title: 'Hello', lines: [], due: null, open: null } });
        const fresh = createSlackMessenger({ botToken: 'xoxb-test', apiUrl: `${w.fake.url}api/`, clock: w.clock, timeoutMs: 100 });
        expect(await fresh.delivered?.(recipient, 'r-1', '2026-11-25T08:00:00.000Z')).toBe('unknown');
      } finally {
        await w.fake.close();
      }
    }
  });

  it('R-CHAT-3: the Teams messenger offers no read-back (the Bot Connector cannot list a bot’s messages)', async () => {
    const w = await overHttp(() => null);
    fake = w.fake;
    expect(createTeamsMessenger({ tokens: noToken, clock: w.clock }).delivered).toBeUndefined();
  });
});
