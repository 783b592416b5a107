import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { aSlashCommand, slackSignature } from '../support/slack-requests';
import { buttonsOf, SLACK_IDS, textOf, useSlackTest } from './slack-client';
import { dmOf } from './slack-web-api';

// Refused actions in Slack are answered clearly and store nothing (R-ROLE-1, R-PRV-1, R-CHAT-1): the wrong
// person, someone with no part in the appraisal, a stranger, another workspace, a stale button or modal,
// input the command's schema refuses, input the record refuses, forged modal metadata and a bad signature.
const { 'p-sam': sam, 'p-grace': grace, 'p-owen': owen } = SLACK_IDS;
const samCase = caseIdFor('2026-03-01', 'p-sam');
const nadiaCase = caseIdFor('2026-03-01', 'p-nadia');

describe('refused actions in Slack', () => {
  const slack = useSlackTest({ launch: true });
  /** The case and its audit trail: what "nothing stored" is checked against. */
  const record = async (caseId = samCase) => ({ stored: await slack.c.t.store.cases.get(DEMO_SCHOOL_ID, caseId), audit: await slack.c.t.store.audit.listForCase(DEMO_SCHOOL_ID, caseId) });
  const versionOf = async (caseId = samCase) => (await slack.c.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.version ?? -1;


  it.each<[string, string, RegExp]>([
    ['R-ROLE-1: the reviewee pressing their reviewer’s button', sam, /reviewer|can’t|only/i],
    ['R-PRV-1: someone with no part in the appraisal', owen, /I can’t find that appraisal/],
    ['R-ROLE-1: someone not on any roster', 'U0NOBODY', /I don’t know you yet/],
  ])('%s is answered in place with the reason, and nothing is stored', async (_name, userId, reason) => {
    const before = await record();
    const message = slack.c.aMessageWith(userId, doVerb('objectives.propose'), { caseId: samCase, version: await versionOf() });
    const answer = await slack.c.pressForMessage(userId, message, doVerb('objectives.propose'));
    expect(textOf(answer)).toMatch(reason);
    expect(textOf(answer)).not.toContain('Thank you, that’s recorded.');
    expect(await record()).toEqual(before);
  });

  it('R-ROLE-1: a member of another Slack workspace is a stranger, even with a linked person’s user id', async () => {
    const school = await slack.c.t.store.schools.get(DEMO_SCHOOL_ID);
    if (school) await slack.c.t.store.schools.save({ ...school, slackTeamIds: ['T0001'] }, school.version);
    const before = await record();
    const value = JSON.stringify({ caseId: samCase, version: await versionOf(), meeting: 'planning', date: '2026-03-16' });
    const ts = '1700000000.999999';
    await slack.c.send(slack.c.interaction({
      type: 'block_actions', trigger_id: 't-other', user: { id: grace, team_id: 'T0OTHER' }, team: { id: 'T0OTHER' },
      container: { type: 'message', channel_id: dmOf(grace), message_ts: ts }, actions: [{ type: 'button', action_id: doVerb('meeting.schedule'), value, action_ts: '1' }],
    }), 'form');
    const [answer] = await slack.c.next(['chat.update']);
    expect(textOf(answer?.body as { blocks: unknown })).toMatch(/I don’t know you yet/);
    expect(await record()).toEqual(before);
  });

  it('R-CHAT-1: a button from before the last change refreshes the message with a note, and nothing is stored', async () => {
    const version = await versionOf();
    const before = await record();
    const message = slack.c.aMessageWith(grace, doVerb('meeting.schedule'), { caseId: samCase, version: version - 1, meeting: 'planning', date: '2026-03-16' });
    const answer = await slack.c.pressForMessage(grace, message, doVerb('meeting.schedule'));
    expect(textOf(answer)).toContain('out of date');
    expect(await record()).toEqual(before);
  });

  it('R-CHAT-1: of two modals opened on the same version, the second is refused as out of date once the first is recorded', async () => {
    const first = await slack.c.pressForModal(grace, await slack.c.open(grace, samCase), formVerb('meeting.schedule'));
    const second = await slack.c.pressForModal(grace, await slack.c.open(grace, samCase), formVerb('meeting.schedule'));
    expect(textOf(await slack.c.submit(grace, first, { meeting: 'planning', date: '2026-03-16' }))).toContain('Thank you, that’s recorded.');
    const before = await record();
    const res = await slack.c.send(slack.c.submission(grace, second, { meeting: 'planning', date: '2026-03-20' }), 'form');
    expect(res.status).toBe(200);
    const [posted] = await slack.c.next(['chat.postMessage', 'chat.update']);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('out of date, so nothing was changed');
    expect(await record()).toEqual(before);
  });

  it.each<[string, Record<string, string>, Record<string, RegExp>]>([
    ['a required date left empty', { meeting: 'planning', date: '' }, { date: /./ }],
    ['a date that is not a date', { meeting: 'planning', date: 'next Tuesday' }, { date: /real date|date/i }],
  ])('R-CHAT-1: a modal with %s is refused inline, keyed by the field’s block, with no Web API call and nothing stored', async (_name, values, expected) => {
    const modal = await slack.c.pressForModal(grace, await slack.c.open(grace, samCase), formVerb('meeting.schedule'));
    const before = await record();
    const res = await slack.c.send(slack.c.submission(grace, modal, values), 'form');
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    for (const [block, problem] of Object.entries(expected)) expect(answer.errors[block]).toMatch(problem);
    const blockIds = modal.view.blocks.map((b) => b.block_id);
    for (const block of Object.keys(answer.errors)) expect(blockIds).toContain(block);
    expect(slack.c.unread()).toEqual([]);
    expect(await record()).toEqual(before);
  });

  it('R-DL-3: well-formed input the record refuses (a meeting date already past) is explained in the DM, with the form one press away', async () => {
    const modal = await slack.c.pressForModal(grace, await slack.c.open(grace, samCase), formVerb('meeting.schedule'));
    const before = await record();
    await slack.c.send(slack.c.submission(grace, modal, { meeting: 'planning', date: '2026-02-20' }), 'form');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(grace);
    const text = textOf(posted?.body as { blocks: unknown });
    expect(text).toContain('That wasn’t recorded');
    expect(text).toContain('must be today or later');
    expect(buttonsOf((posted?.body.blocks ?? []) as never).map((b) => b.action_id)).toContain(formVerb('meeting.schedule'));
    expect(await record()).toEqual(before);
  });

  it('R-PRV-1: modal metadata forged to point at someone else’s appraisal changes nothing there', async () => {
    const modal = await slack.c.pressForModal(sam, await slack.c.open(sam, samCase), formVerb('objective.add'));
    const before = await record(nadiaCase);
    const meta = JSON.parse(modal.view.private_metadata) as { caseId: string; version: number };
    const forged = { ...modal, view: { ...modal.view, private_metadata: JSON.stringify({ ...meta, caseId: nadiaCase, version: await versionOf(nadiaCase) }) } };
    await slack.c.send(slack.c.submission(sam, forged), 'form');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('I can’t find that appraisal');
    expect(await record(nadiaCase)).toEqual(before);
  });

  it('R-CHAT-1: a modal whose metadata cannot be read is replaced by a note to open it again', async () => {
    const modal = await slack.c.pressForModal(grace, await slack.c.open(grace, samCase), formVerb('meeting.schedule'));
    const res = await slack.c.send(slack.c.submission(grace, { ...modal, view: { ...modal.view, private_metadata: '{"command":"case.delete"}' } }), 'form');
    const answer = (await res.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view.blocks)).toContain('out of date');
  });

  it('R-PRV-1: a button press with a bad signature is refused with 401 and nothing is sent or stored', async () => {
    const before = await record();
    const body = slack.c.interaction({ type: 'block_actions', trigger_id: 't', user: { id: grace, team_id: 'T0001' }, container: { type: 'message', channel_id: dmOf(grace), message_ts: '1' }, actions: [{ type: 'button', action_id: doVerb('objectives.propose'), value: JSON.stringify({ caseId: samCase, version: await versionOf() }), action_ts: '1' }] });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${slack.c.t.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature('not-the-secret', ts, body) }, body });
    expect(res.status).toBe(401);
    expect(slack.c.unread()).toEqual([]);
    expect(await record()).toEqual(before);
  });

  it('an unexpected failure after the ack is answered with a short apology and a reference in the DM, never a stack trace', async () => {
    const before = await record();
    const get = slack.c.t.store.cases.get.bind(slack.c.t.store.cases);
    slack.c.t.store.cases.get = () => Promise.reject(new Error('disk on fire at /var/lib/secret'));
    try {
      await slack.c.press(grace, slack.c.aMessageWith(grace, Verbs.caseShow, { caseId: samCase }), Verbs.caseShow);
      const [posted] = await slack.c.next(['chat.postMessage']);
      expect(posted?.body.channel).toBe(grace);
      const text = textOf(posted?.body as { blocks: unknown });
      expect(text).toContain('Sorry, something went wrong on our side');
      expect(text).toMatch(/reference: [0-9a-f-]{8,}/);
      expect(text).not.toMatch(/disk on fire|\/var\/lib|at .*\.ts/);
    } finally {
      slack.c.t.store.cases.get = get;
    }
    expect(await record()).toEqual(before);
  });

  it.each<[string, string, boolean]>([
    ['in a channel, answers there only with a pointer to the DM', 'C0001', true],
    ['in the DM, answers only in the DM', dmOf(sam), false],
  ])('R-PRV-1: /ipp status typed %s', async (_name, channel, pointer) => {
    const res = await slack.c.send(aSlashCommand(sam, 'status', { channel_id: channel, channel_name: channel.startsWith('D') ? 'directmessage' : 'general' }), 'form');
    const ack = await res.text();
    if (pointer) expect(JSON.parse(ack)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('direct messages') as unknown });
    else expect(ack).toBe('');
    expect(ack).not.toMatch(/Sam Fielding|appraisal for|Planning|objective/i);
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(sam);
    expect(textOf(posted?.body as { blocks: unknown })).toContain(Verbs.accessShow);
  });
});
