import nock from 'nock';
import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { aButtonPress, aModalSubmission, anEvent } from '../support/slack-payloads';
import { postToSlack } from '../support/slack-requests';
import { launchDemoCycle, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// The case in Slack over signed HTTP on loopback, with nock asserting every Web API call's body (R-CHAT-1,
// R-CHAT-2): buttons open modals or run commands, modal input is checked inside Slack's 3 seconds, the App Home
// shows my appraisal, and refusals change nothing.
const SECRET = 'test-signing-secret';
const SLACK_ENV = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_BOT_ID: 'B0001', SLACK_BOT_USER_ID: 'U0BOT' };
const SLACK_IDS: Record<string, string> = { 'p-sam': 'U0SAM', 'p-grace': 'U0GRACE', 'p-head': 'U0HEAD' };
const caseId = caseIdFor('2026-03-01', 'p-sam');
type Body = Record<string, unknown>;
const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const stop = Date.now() + ms;
  while (!done()) {
    if (Date.now() > stop) throw new Error('timed out waiting for the Slack Web API call');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Expects one Web API call to `method` and returns its body once it has arrived. */
function expectCall(method: string) {
  let body: Body | undefined;
  const scope = nock('https://slack.com').post(`/api/${method}`, (b: Body) => ((body = b), true)).reply(200, { ok: true, channel: 'D0', ts: '1700000000.000200', view: { id: 'V1' } });
  return async (): Promise<Body> => {
    await until(() => scope.isDone());
    scope.done();
    return body ?? {};
  };
}

describe('the case in Slack (R-CHAT-1, R-CHAT-2)', () => {
  let t: TestServer;
  const slack = (body: string, type: 'application/x-www-form-urlencoded' | 'application/json' = 'application/x-www-form-urlencoded') =>
    postToSlack(`${t.base}/slack/events`, SECRET, body, type);
  const stored = () => t.store.cases.get(DEMO_SCHOOL_ID, caseId);

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    t = await startTestServer(SLACK_ENV);
    t.clock.set('2026-03-02T10:00:00.000Z');
    for (const [id, userId] of Object.entries(SLACK_IDS)) {
      const p = await t.store.people.get(DEMO_SCHOOL_ID, id);
      if (p) await t.store.people.upsert({ ...p, slack: { userId, unreachable: false } });
    }
    await launchDemoCycle(t);
  });
  afterEach(async () => {
    nock.cleanAll();
    await t.stop();
  });

  it('R-CHAT-1: a button opens the form as a modal; a valid submission is recorded and the case comes back in the DM', async () => {
    const version = (await stored())?.version ?? 0;
    const opened = expectCall('views.open');
    expect((await slack(aButtonPress('U0GRACE', formVerb('meeting.schedule'), { caseId, version }))).status).toBe(200);
    const modal = parse((await opened()).view) as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { block_id?: string }[] };
    expect(modal.callback_id).toBe('ipp.form.meeting.schedule');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['meeting', 'date']));

    const posted = expectCall('chat.postMessage');
    const res = await slack(aModalSubmission('U0GRACE', modal, { meeting: { value: { type: 'static_select', selected_option: { value: 'planning' } } }, date: { value: { type: 'datepicker', selected_date: '2026-03-16' } } }));
    expect(res.status).toBe(200);
    const message = await posted();
    expect(message.channel).toBe('U0GRACE');
    expect(JSON.stringify(parse(message.blocks))).toContain('Thank you, that’s recorded.');
    expect((await stored())?.stage).toBe('planning');
  });

  it('R-CHAT-1: a modal with a missing answer is refused inline with Slack errors, and nothing is stored', async () => {
    const before = await stored();
    const opened = expectCall('views.open');
    await slack(aButtonPress('U0GRACE', formVerb('objective.add'), { caseId, version: before?.version ?? 0 }));
    const modal = parse((await opened()).view) as { callback_id: string; private_metadata: string };
    const res = await slack(aModalSubmission('U0GRACE', modal, { 'objective.headline': { value: { type: 'plain_text_input', value: '' } } }));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors['objective.headline']).toBe('Please fill this in.');
    expect(await stored()).toEqual(before);
  });

  it('R-ROLE-1: a button pressed by the wrong person updates the message with the reason and changes nothing', async () => {
    const before = await stored();
    const updated = expectCall('chat.update');
    await slack(aButtonPress('U0SAM', doVerb('objectives.propose'), { caseId, version: before?.version ?? 0 }));
    const body = await updated();
    expect(body.ts).toBe('1700000000.000100');
    expect(JSON.stringify(parse(body.blocks))).toMatch(/can’t|cannot|only|not/i);
    expect(await stored()).toEqual(before);
  });

  it('R-CHAT-2: the App Home shows my appraisal, and a reviewer’s queue', async () => {
    const published = expectCall('views.publish');
    await slack(anEvent({ type: 'app_home_opened', user: 'U0GRACE', channel: 'D0GRACE', tab: 'home', event_ts: '1700000000.1' }), 'application/json');
    const view = parse((await published()).view) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('Your team’s appraisals');
    expect(JSON.stringify(view.blocks)).toContain('Sam Fielding');
  });

  it('R-CHAT-3: the same DM delivered three times is answered once', async () => {
    let posts = 0;
    nock('https://slack.com').post('/api/chat.postMessage', () => ((posts += 1), true)).times(3).reply(200, { ok: true, channel: 'D0', ts: '1' });
    const message = { type: 'message', channel_type: 'im', channel: 'D0SAM', user: 'U0SAM', text: 'status', ts: '1700000000.000300', event_ts: '1700000000.000300' };
    for (let i = 0; i < 3; i += 1) expect((await slack(anEvent(message, `Ev-replay-${i}`), 'application/json')).status).toBe(200);
    await until(() => posts >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).toBe(1);
  });
});

describe('the Slack shortcut (R-CHAT-1)', () => {
  it('R-CHAT-1: "Open my appraisal" DMs the person their case', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const t = await startTestServer(SLACK_ENV);
    try {
      t.clock.set('2026-03-02T10:00:00.000Z');
      const sam = await t.store.people.get(DEMO_SCHOOL_ID, 'p-sam');
      if (sam) await t.store.people.upsert({ ...sam, slack: { userId: 'U0SAM', unreachable: false } });
      await launchDemoCycle(t);
      const posted = expectCall('chat.postMessage');
      const payload = { type: 'shortcut', callback_id: 'ipp.home.open', trigger_id: 't1', user: { id: 'U0SAM', team_id: 'T0001' }, team: { id: 'T0001' }, token: 'x', action_ts: '1' };
      expect((await postToSlack(`${t.base}/slack/events`, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
      const body = await posted();
      expect(body.channel).toBe('U0SAM');
      expect(JSON.stringify(parse(body.blocks))).toContain('Your appraisal');
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
      await t.stop();
    }
  });
});
