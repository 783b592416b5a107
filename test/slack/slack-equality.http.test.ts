import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { EQUALITY_QUESTIONS, NOT_ANSWERED } from '../../cards/views/equality.view';
import { Verbs } from '../../cards/verbs';
import { aSlashCommand } from '../support/slack-requests';
import { buttonsOf, SLACK_IDS, textOf, useSlackTest } from './slack-client';
import type { Message, Modal } from './slack-client';
import { dmOf } from './slack-web-api';

// A person answers, changes and removes their own equality answers in Slack, over signed requests on loopback
// with every Web API body asserted (R-RPT-1, R-PRV-1): `/ipp equality`, a DM, the help and the App Home offer
// them; the questions are a modal; a wrong value is refused inline with nothing stored or sent; whose answers
// they are is always who is acting; typed in a channel, the channel gets only the pointer.
const { 'p-sam': sam, 'p-head': priya } = SLACK_IDS;

type Select = { type: string; initial_option?: { value: string }; options?: { value: string }[] };

describe('equality answers in Slack (R-RPT-1)', () => {
  const slack = useSlackTest({ everyMessageRead: true });
  const stored = (personId = 'p-sam') => slack.c.t.store.equality.get(DEMO_SCHOOL_ID, personId);

  /** `/ipp equality` typed in the DM with the bot: the message it answers with. */
  async function ask(userId: string = sam): Promise<Message> {
    const res = await slack.c.send(aSlashCommand(userId, 'equality', { channel_id: dmOf(userId), channel_name: 'directmessage' }), 'form');
    expect(await res.text()).toBe('');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(userId);
    return { channel: dmOf(userId), ts: posted?.ts ?? '', blocks: (posted?.body.blocks ?? []) as Message['blocks'] };
  }
  /** The answer each question shows in the modal, by question id. */
  const shown = (modal: Modal) => Object.fromEntries(modal.view.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, (b.element as Select).initial_option?.value]));
  /** A submit of the modal with `values` by question id (a value the modal does not offer is sent as it is). */
  function submission(userId: string, modal: Modal, values: Record<string, string>): string {
    const state: Record<string, Record<string, unknown>> = {};
    for (const b of modal.view.blocks) {
      if (b.type !== 'input' || !b.block_id) continue;
      const value = values[b.block_id] ?? (b.element as Select).initial_option?.value;
      state[b.block_id] = { value: { type: 'static_select', selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null } };
    }
    const view = { id: `V-${Math.random().toString(36).slice(2)}`, type: 'modal', team_id: 'T0001', callback_id: modal.view.callback_id, private_metadata: modal.view.private_metadata ?? '', hash: 'h1', state: { values: state } };
    return slack.c.interaction({ type: 'view_submission', trigger_id: 'trigger-eq', user: { id: userId, team_id: 'T0001' }, view });
  }
  /** Submits the modal: Slack's answer to the submit and the message the bot posts after it. */
  async function save(userId: string, modal: Modal, values: Record<string, string>) {
    const res = await slack.c.send(submission(userId, modal, values), 'form');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(userId);
    return textOf(posted?.body as { blocks: unknown });
  }

  it('R-RPT-1: /ipp equality answers in the DM with what the questions are for and a button that opens them as a modal', async () => {
    const message = await ask();
    expect(textOf(message)).toContain('These questions are optional.');
    expect(textOf(message)).toContain('in groups of at least 10 people');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual([Verbs.equalityShow]);
    const modal = await slack.c.pressForModal(sam, message, Verbs.equalityShow);
    expect(modal.view.callback_id).toBe(Verbs.equalitySave);
    expect(modal.view.private_metadata).toBeUndefined();
    expect(Object.keys(shown(modal))).toEqual(EQUALITY_QUESTIONS.map((q) => q.id));
    expect(new Set(Object.values(shown(modal)))).toEqual(new Set([NOT_ANSWERED]));
    for (const b of modal.view.blocks.filter((x) => x.type === 'input')) expect((b.element as Select).options?.map((o) => o.value)).toContain('prefer-not-to-say');
  });

  it('R-RPT-1: saving stores the answers as the person’s own, with the time, and thanks them in the DM', async () => {
    const modal = await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow);
    const thanks = await save(sam, modal, { gender: 'non-binary', religionOrBelief: 'no-religion', tradeUnionMember: 'prefer-not-to-say' });
    expect(thanks).toContain('Thank you — your answers are saved.');
    expect(await stored()).toEqual({
      schoolId: DEMO_SCHOOL_ID, personId: 'p-sam', answers: { gender: 'non-binary', religionOrBelief: 'no-religion', tradeUnionMember: 'prefer-not-to-say' }, source: 'self', updatedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('R-RPT-1: the questions open prefilled; a change and a blanked answer are stored; Remove on the message deletes them and says so', async () => {
    await save(sam, await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow), { ethnicity: 'asian', ageBand: '25-34', disability: 'no' });
    const message = await ask();
    expect(textOf(message)).toContain('You last saved your answers on Wednesday 25 November.');
    expect(buttonsOf(message.blocks).map((b) => b.action_id?.split('#')[0])).toEqual([Verbs.equalityShow, Verbs.equalityRemove]);
    const modal = await slack.c.pressForModal(sam, message, Verbs.equalityShow);
    expect(shown(modal)).toMatchObject({ ethnicity: 'asian', ageBand: '25-34', disability: 'no', gender: NOT_ANSWERED });
    await save(sam, modal, { ageBand: '35-44', disability: NOT_ANSWERED });
    expect((await stored())?.answers).toEqual({ ethnicity: 'asian', ageBand: '35-44' });

    const removed = await slack.c.pressForMessage(sam, message, Verbs.equalityRemove);
    expect(textOf(removed)).toContain('Your answers are removed.');
    expect(await stored()).toMatchObject({ answers: {}, source: 'self' });
    expect(buttonsOf((await ask()).blocks).map((b) => b.action_id)).toEqual([Verbs.equalityShow]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a value no question offers', { ethnicity: 'martian' }, 'ethnicity'],
    ['a short list’s value misspelt', { tradeUnionMember: 'sometimes' }, 'tradeUnionMember'],
  ])('R-RPT-1: %s is refused inline on its question, with no Web API call and nothing stored', async (_name, bad, block) => {
    await save(sam, await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow), { gender: 'man' });
    const before = await stored();
    const modal = await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow);
    const res = await slack.c.send(submission(sam, modal, { gender: 'woman', ...bad }), 'form');
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer).toEqual({ response_action: 'errors', errors: { [block]: expect.stringMatching(/^Please choose/) as unknown } });
    expect(slack.c.unread()).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('R-PRV-1: typed in a channel, the channel gets only the pointer; the questions go to the DM', async () => {
    const res = await slack.c.send(aSlashCommand(sam, 'equality', { channel_id: 'C0001', channel_name: 'staffroom' }), 'form');
    const ack = await res.text();
    expect(JSON.parse(ack)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('direct messages') as unknown });
    expect(ack).not.toMatch(/optional|Save my answers/);
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(sam);
    expect(textOf(posted?.body as { blocks: unknown })).toContain(Verbs.equalityShow);
  });

  it('R-RPT-1: a DM saying "equality" and the help both offer the questions', async () => {
    await slack.c.send(JSON.stringify({ token: 'x', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev-eq-1', event_time: 1, event: { type: 'message', channel_type: 'im', channel: dmOf(sam), user: sam, text: 'Equality', ts: '1700000000.000400' } }), 'json');
    const [dm] = await slack.c.next(['chat.postMessage']);
    expect(textOf(dm?.body as { blocks: unknown })).toContain('These questions are optional.');
    await slack.c.send(aSlashCommand(sam, 'help', { channel_id: dmOf(sam), channel_name: 'directmessage' }), 'form');
    const [help] = await slack.c.next(['chat.postMessage']);
    expect(buttonsOf((help?.body.blocks ?? []) as Message['blocks']).map((b) => b.action_id?.split('#')[0])).toContain(Verbs.equalityShow);
  });

  it('R-RPT-1: the App Home has the button, and pressing it opens the questions as a modal', async () => {
    const home = await slack.c.home(sam);
    expect(textOf(home)).toContain('Equality questions (optional)');
    await slack.c.pressInHome(sam, home, Verbs.equalityShow);
    const [opened] = await slack.c.next(['views.open']);
    expect((opened?.body.view as { callback_id: string }).callback_id).toBe(Verbs.equalitySave);
  });

  it('R-PRV-1: a person only ever sees and changes their own answers, whatever a button carries; a stranger is told so', async () => {
    await save(sam, await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow), { ethnicity: 'white' });
    const forged = slack.c.aMessageWith(priya, Verbs.equalitySave, { gender: 'woman', personId: 'p-sam', schoolId: DEMO_SCHOOL_ID });
    expect(textOf(await slack.c.pressForMessage(priya, forged, Verbs.equalitySave))).toContain('your answers are saved');
    expect(await stored('p-head')).toMatchObject({ answers: { gender: 'woman' }, source: 'self' });
    expect((await stored())?.answers).toEqual({ ethnicity: 'white' });
    // The head opening the questions sees her own answers, never Sam's.
    expect(shown(await slack.c.pressForModal(priya, await ask(priya), Verbs.equalityShow))).toMatchObject({ gender: 'woman', ethnicity: NOT_ANSWERED });

    const refused = await slack.c.pressForMessage('U0NOBODY', slack.c.aMessageWith('U0NOBODY', Verbs.equalityShow, {}), Verbs.equalityShow);
    expect(textOf(refused)).toContain('I don’t know you yet');
    const modal = await slack.c.pressForModal(sam, await ask(), Verbs.equalityShow);
    expect(await save('U0NOBODY', modal, { gender: 'man' })).toContain('I don’t know you yet');
    expect(await slack.c.t.store.equality.listForSchool(DEMO_SCHOOL_ID)).toHaveLength(2);
  });
});
