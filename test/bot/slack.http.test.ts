import nock from 'nock';
import { Verbs } from '../../cards/verbs';
import { aSlashCommand, postToSlack } from '../support/slack-requests';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

const SECRET = 'test-signing-secret';
const SLACK_ENV = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_BOT_ID: 'B0001', SLACK_BOT_USER_ID: 'U0BOT' };
const SAM_SLACK = 'U0SAM';

type PostedMessage = { channel: string; text: string; blocks: { type: string; text?: { text: string } }[] };

/** Waits until nock has seen every expected call (bolt acks first, then calls the Web API). */
async function until(done: () => boolean, ms = 5000): Promise<void> {
  const stop = Date.now() + ms;
  while (!done()) {
    if (Date.now() > stop) throw new Error('timed out waiting for the Slack Web API call');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Slack over real HTTP on loopback (Web API through nock)', () => {
  let t: TestServer;
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
  beforeEach(async () => {
    t = await startTestServer(SLACK_ENV);
    const sam = await t.store.people.get('demo-test-valley', 'p-sam');
    if (!sam) throw new Error('demo school not seeded');
    await t.store.people.upsert({ ...sam, slack: { userId: SAM_SLACK, unreachable: false } });
  });
  afterEach(async () => {
    nock.cleanAll();
    await t.stop();
  });

  it('answers a signed `/ipp help` with 200 and DMs the welcome, rendered from the same view-model as Teams', async () => {
    let posted: PostedMessage | undefined;
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage', (body: PostedMessage) => {
        posted = body;
        return true;
      })
      .reply(200, { ok: true, channel: 'D0SAM', ts: '1700000000.000100' });
    const res = await postToSlack(`${t.base}/slack/events`, SECRET, aSlashCommand(SAM_SLACK, 'help'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await until(() => scope.isDone());
    scope.done();
    expect(posted?.channel).toBe(SAM_SLACK);
    expect(posted?.text).toBe('Hello Sam');
    const blocks = typeof posted?.blocks === 'string' ? (JSON.parse(posted.blocks) as PostedMessage['blocks']) : (posted?.blocks ?? []);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Hello Sam' } });
    expect(JSON.stringify(blocks)).toContain(Verbs.homeShow);
  });

  it.each<[string, { signature?: string; timestamp?: number }]>([
    ['a wrong signature', { signature: 'v0=deadbeef' }],
    ['a stale timestamp (over five minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }],
  ])('refuses %s with 401 and runs no handler', async (_name, options) => {
    const scope = nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    const body = aSlashCommand(SAM_SLACK, 'help');
    const res = await postToSlack(`${t.base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded', options);
    expect(res.status).toBe(401);
    await new Promise((r) => setImmediate(r));
    expect(scope.isDone()).toBe(false);
  });

  it('answers a DM "status" once even when Slack delivers the event three times', async () => {
    const calls: PostedMessage[] = [];
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage', (body: PostedMessage) => (calls.push(body), true))
      .times(3)
      .reply(200, { ok: true, ts: '1' });
    const event = {
      token: 'unused', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev0001', event_time: 1,
      event: { type: 'message', channel_type: 'im', channel: 'D0SAM', user: SAM_SLACK, text: 'status', ts: '1700000000.000200' },
    };
    for (let i = 0; i < 3; i++) {
      const res = await postToSlack(`${t.base}/slack/events`, SECRET, JSON.stringify(event), 'application/json');
      expect(res.status).toBe(200);
    }
    await until(() => calls.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0])).toContain('Sam, your appraisal');
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});
