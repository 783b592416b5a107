import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { SLACK_IDS, textOf, useSlackTest } from './slack-client';
import { dmOf } from './slack-web-api';

// Slack redelivers events it thinks were lost (with x-slack-retry-num) and people double-click: the same event
// or interaction delivered three times has one effect — one Web API answer, one change to the record (R-CHAT-1,
// R-CHAT-3). Each test waits until all three deliveries have been checked against the store's idempotency
// records, so a second effect could not still be on its way.
const { 'p-sam': sam, 'p-grace': grace } = SLACK_IDS;
const caseId = caseIdFor('2026-03-01', 'p-sam');
const retry = (i: number): Record<string, string> => (i === 0 ? {} : { 'x-slack-retry-num': String(i), 'x-slack-retry-reason': 'http_timeout' });

describe('the same delivery three times, one effect', () => {
  const slack = useSlackTest({ launch: true, everyMessageRead: true });
  const stored = () => slack.c.t.store.cases.get(DEMO_SCHOOL_ID, caseId);
  /** Delivers one body three times, then waits for all three idempotency checks: the first only is new. */
  async function thrice(body: string, type: 'form' | 'json', headers = retry) {
    const checks = slack.c.checks.length;
    for (let i = 0; i < 3; i += 1) expect((await slack.c.send(body, type, headers(i))).status).toBe(200);
    await slack.c.settled(checks + 3);
    expect(slack.c.checks.slice(checks).map((x) => x.first)).toEqual([true, false, false]);
  }


  it('R-CHAT-2: an app_home_opened event retried twice publishes the App Home once', async () => {
    const event = JSON.stringify({ token: 'x', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev-home-1', event_time: 1, event: { type: 'app_home_opened', user: sam, channel: dmOf(sam), tab: 'home', event_ts: '1.1' } });
    await thrice(event, 'json');
    const [published] = await slack.c.next(['views.publish']);
    expect(published?.body.user_id).toBe(sam);
  });

  it('R-CHAT-1: a DM typed to the bot and retried twice is answered once', async () => {
    const event = JSON.stringify({ token: 'x', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev-dm-1', event_time: 1, event: { type: 'message', channel_type: 'im', channel: dmOf(sam), user: sam, text: 'status', ts: '1700000000.000300' } });
    await thrice(event, 'json');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(sam);
  });

  it('R-CHAT-1: the same button press delivered three times runs the command once', async () => {
    const version = (await stored())?.version ?? -1;
    const message = slack.c.aMessageWith(grace, doVerb('meeting.schedule'), { caseId, version, meeting: 'planning', date: '2026-03-16' });
    await thrice(slack.c.pressBody(grace, message, doVerb('meeting.schedule')), 'form', () => ({}));
    const [updated] = await slack.c.next(['chat.update']);
    expect(textOf(updated?.body as { blocks: unknown })).toContain('Thank you, that’s recorded.');
    expect((await stored())?.version).toBe(version + 1);
  });

  it('R-CHAT-1: a button double-clicked three times (three distinct presses of one button) runs the command once', async () => {
    const version = (await stored())?.version ?? -1;
    const message = slack.c.aMessageWith(grace, doVerb('meeting.schedule'), { caseId, version, meeting: 'planning', date: '2026-03-16' });
    const checks = slack.c.checks.length;
    for (let i = 0; i < 3; i += 1) await slack.c.press(grace, message, doVerb('meeting.schedule'));
    await slack.c.settled(checks + 3);
    await slack.c.next(['chat.update']);
    expect((await stored())?.version).toBe(version + 1);
  });

  it('R-CHAT-1: a button that opens a form, double-clicked three times, opens one modal', async () => {
    const message = await slack.c.open(grace, caseId);
    const checks = slack.c.checks.length;
    for (let i = 0; i < 3; i += 1) await slack.c.press(grace, message, formVerb('meeting.schedule'));
    await slack.c.settled(checks + 3);
    await slack.c.next(['views.open']);
  });

  it('R-CHAT-1: the same modal submission delivered three times is recorded once, answered once', async () => {
    const modal = await slack.c.pressForModal(grace, await slack.c.open(grace, caseId), formVerb('meeting.schedule'));
    const version = (await stored())?.version ?? -1;
    await thrice(slack.c.submission(grace, modal, { meeting: 'planning', date: '2026-03-16' }, 'V-once'), 'form', () => ({}));
    const [posted] = await slack.c.next(['chat.postMessage', 'chat.update']);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('Thank you, that’s recorded.');
    expect((await stored())?.version).toBe(version + 1);
  });
});
