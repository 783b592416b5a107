import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { Verbs } from '../../cards/verbs';
import { aSlashCommand, slackSignature } from '../support/slack-requests';
import nock from 'nock';
import { launchDemoCycle, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { dmOf, recordWebApi } from './slack-web-api';
import type { WebApiCall } from './slack-web-api';

// A small Slack client for tests: signed requests on loopback shaped as Slack sends them, buttons pressed
// only when the message offers them, modals filled the way a person would, and every Web API call the bot
// makes in answer read back in order from the recording stand-in (slack-web-api.ts).

export const SECRET = 'test-signing-secret';
const ENV = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_BOT_ID: 'B0001', SLACK_BOT_USER_ID: 'U0BOT' };
/** The demo people's Slack ids. */
export const SLACK_IDS = { 'p-head': 'U0PRIYA', 'p-grace': 'U0GRACE', 'p-sam': 'U0SAM', 'p-nadia': 'U0NADIA', 'p-owen': 'U0OWEN', 'p-tom': 'U0TOM' } as const;

type Block = { type: string; block_id?: string; elements?: Button[]; element?: Element };
type Button = { type: string; action_id?: string; value?: string };
type Element = { type: string; initial_value?: string; initial_date?: string; initial_option?: { value: string }; initial_options?: { value: string }[]; options?: { text: unknown; value: string }[] };
/** A message in a DM, as the bot last left it. */
export interface Message { channel: string; ts: string; blocks: Block[] }
/** A modal the bot opened, and the message whose button opened it. */
export interface Modal { view: { callback_id: string; private_metadata: string; blocks: Block[]; title: { text: string } }; origin: Message | null }

/** The text of blocks, for assertions. */
export const textOf = (x: { blocks: unknown } | unknown[]): string => JSON.stringify(Array.isArray(x) ? x : x.blocks);

/** Every button on a message. */
export const buttonsOf = (blocks: Block[]): Button[] => blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

async function until(done: () => boolean, what: () => string): Promise<void> {
  const stop = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A test server with Slack on, the demo people linked to Slack users, and the Web API recorded. */
export async function startSlackTest(options: { preset?: string } = {}) {
  const api = recordWebApi();
  const t: TestServer = await startTestServer(ENV);
  for (const [id, userId] of Object.entries(SLACK_IDS)) {
    const p = await t.store.people.get(DEMO_SCHOOL_ID, id);
    if (p) await t.store.people.upsert({ ...p, slack: { userId, unreachable: false } });
  }
  if (options.preset) {
    const school = await t.store.schools.get(DEMO_SCHOOL_ID);
    if (school) await t.store.schools.save({ ...school, presetId: options.preset }, school.version);
  }
  // Every idempotency check the bot makes, with its answer once it has one: a replay's handler ends there.
  const checks: { key: string; first: boolean | null }[] = [];
  const firstSeen = t.store.idempotency.firstSeen.bind(t.store.idempotency);
  t.store.idempotency.firstSeen = async (key, now, ttl) => {
    const check: { key: string; first: boolean | null } = { key, first: null };
    checks.push(check);
    check.first = await firstSeen(key, now, ttl);
    return check.first;
  };
  let read = 0;
  let nextTs = 1;
  const freshTs = () => `1700000000.${String(nextTs++).padStart(6, '0')}`;

  async function send(body: string, type: 'form' | 'json', headers: Record<string, string> = {}): Promise<Response> {
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${t.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SECRET, timestamp, body), ...headers },
      body,
    });
  }
  const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify({ token: 'legacy-unused', api_app_id: 'A0001', team: { id: 'T0001', domain: 'test-valley' }, ...payload }) }).toString();

  /** The next `methods.length` Web API calls, which must be these methods in this order. */
  async function next(methods: string[]): Promise<WebApiCall[]> {
    await until(() => api.calls.length >= read + methods.length, () => `${methods.join(', ')}; the bot called ${api.calls.slice(read).map((c) => c.method).join(', ') || 'nothing'}`);
    const got = api.calls.slice(read, read + methods.length);
    read += methods.length;
    if (got.map((c) => c.method).join() !== methods.join()) throw new Error(`expected ${methods.join(', ')}, the bot called ${got.map((c) => c.method).join(', ')}`);
    return got;
  }

  /** Waits until every idempotency check so far has its answer, `count` of them at least. */
  const settled = (count: number) => until(() => checks.length >= count && checks.every((c) => c.first !== null), () => `${count} idempotency checks (seen ${checks.length})`);

  const messageOf = (call: WebApiCall, fallback?: Message): Message => ({
    channel: String(call.body.channel ?? fallback?.channel ?? ''),
    ts: call.ts ?? fallback?.ts ?? '',
    blocks: (call.body.blocks as Block[] | undefined) ?? [],
  });

  /** The request a press of a button the message offers makes (the first with this verb, or the first whose data `where` accepts). */
  function pressBody(userId: string, message: Message, verb: string, where: (data: Record<string, unknown>) => boolean = () => true, container?: Record<string, unknown>): string {
    const button = buttonsOf(message.blocks).find((b) => (b.action_id === verb || b.action_id?.startsWith(`${verb}#`)) && where(JSON.parse(b.value ?? '{}') as Record<string, unknown>));
    if (!button?.action_id) throw new Error(`the message offers no ${verb}; it offers ${buttonsOf(message.blocks).map((b) => b.action_id).join(', ')}`);
    return interaction({
      type: 'block_actions', trigger_id: `trigger-${freshTs()}`, user: { id: userId, team_id: 'T0001' },
      container: container ?? { type: 'message', channel_id: message.channel, message_ts: message.ts, is_ephemeral: false },
      channel: { id: message.channel, name: 'directmessage' },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: freshTs() }],
    });
  }

  /** Presses a button; returns the request body. */
  async function press(userId: string, message: Message, verb: string, where?: (data: Record<string, unknown>) => boolean, container?: Record<string, unknown>): Promise<string> {
    const payload = pressBody(userId, message, verb, where, container);
    const res = await send(payload, 'form');
    if (res.status !== 200) throw new Error(`a press answered ${res.status}`);
    return payload;
  }

  const client = {
    send,
    interaction,
    /** Presses a button without waiting for the answer. */
    press,
    /** The request a press would make, to deliver it more than once. */
    pressBody,
    next,
    settled,
    /**
     * `/ipp <text>` typed by a person in a channel (or their DM with the bot): the acknowledgement, and the message the
     * bot then posts to the person's DM (never to the channel).
     */
    async slash(userId: string, text: string, channel = dmOf(userId)): Promise<{ ack: string; posted: Message }> {
      const res = await send(aSlashCommand(userId, text, { channel_id: channel, channel_name: channel.startsWith('D') ? 'directmessage' : 'general' }), 'form');
      if (res.status !== 200) throw new Error(`/ipp ${text} answered ${res.status}`);
      const ack = await res.text();
      const [posted] = await next(['chat.postMessage']);
      if (posted?.body.channel !== userId) throw new Error(`/ipp ${text} posted to ${String(posted?.body.channel)}, not the person's DM`);
      return { ack, posted: { channel: dmOf(userId), ts: posted.ts ?? '', blocks: (posted.body.blocks as Block[] | undefined) ?? [] } };
    },
    /** A message with one button, as an older message in the DM would have (a nudge, a case from last week). */
    aMessageWith(userId: string, verb: string, data: Record<string, unknown>): Message {
      return { channel: dmOf(userId), ts: freshTs(), blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: verb, value: JSON.stringify(data) }] }] };
    },
    /** Presses a button that shows or runs something: the message is replaced in place (chat.update). */
    async pressForMessage(userId: string, message: Message, verb: string, where?: (data: Record<string, unknown>) => boolean): Promise<Message> {
      await press(userId, message, verb, where);
      const [updated] = await next(['chat.update']);
      if (!updated) throw new Error('no chat.update');
      if (updated.body.ts !== message.ts || updated.body.channel !== message.channel) throw new Error('chat.update was not of the pressed message');
      return messageOf(updated, message);
    },
    /** Presses a button that opens a form: the modal the bot opened (views.open with this press's trigger). */
    async pressForModal(userId: string, message: Message, verb: string, where?: (data: Record<string, unknown>) => boolean): Promise<Modal> {
      const payload = await press(userId, message, verb, where);
      const [opened] = await next(['views.open']);
      const trigger = (JSON.parse(new URLSearchParams(payload).get('payload') ?? '{}') as { trigger_id: string }).trigger_id;
      if (opened?.body.trigger_id !== trigger) throw new Error('views.open did not use the press’s trigger_id');
      return { view: opened.body.view as Modal['view'], origin: message };
    },
    /** Opens a case from an older message's "Open" button. */
    open(userId: string, caseId: string): Promise<Message> {
      return client.pressForMessage(userId, client.aMessageWith(userId, Verbs.caseShow, { caseId }), Verbs.caseShow);
    },
    /** Submits a modal filled the obvious way (what it shows already, the first choice, some words), with `values` by block id. */
    submission(userId: string, modal: Modal, values: Record<string, string> = {}, viewId = `V-${freshTs()}`): string {
      const state: Record<string, Record<string, unknown>> = {};
      for (const b of modal.view.blocks) {
        if (b.type !== 'input' || !b.block_id || !b.element) continue;
        const e = b.element;
        const given = values[b.block_id];
        const option = (v: string | undefined) => e.options?.find((o) => o.value === v) ?? null;
        if (e.type === 'plain_text_input') state[b.block_id] = { value: { type: e.type, value: given ?? e.initial_value ?? `Notes for ${b.block_id}` } };
        if (e.type === 'datepicker') state[b.block_id] = { value: { type: e.type, selected_date: given ?? e.initial_date ?? null } };
        if (e.type === 'static_select') state[b.block_id] = { value: { type: e.type, selected_option: given !== undefined ? option(given) : (e.initial_option ?? e.options?.[0] ?? null) } };
        if (e.type === 'multi_static_select') state[b.block_id] = { value: { type: e.type, selected_options: given !== undefined ? given.split(',').map(option).filter(Boolean) : (e.initial_options ?? []) } };
        if (e.type === 'checkboxes') state[b.block_id] = { value: { type: e.type, selected_options: given === 'true' ? (e.options ?? []).slice(0, 1) : given === undefined ? (e.initial_options ?? []) : [] } };
      }
      const view = { id: viewId, type: 'modal', team_id: 'T0001', callback_id: modal.view.callback_id, private_metadata: modal.view.private_metadata, hash: 'h1', state: { values: state } };
      return interaction({ type: 'view_submission', trigger_id: `trigger-${freshTs()}`, user: { id: userId, team_id: 'T0001' }, view });
    },
    /** Submits a modal: the refreshed case arrives in the DM and the message the form came from loses its buttons. */
    async submit(userId: string, modal: Modal, values: Record<string, string> = {}): Promise<Message> {
      const res = await send(client.submission(userId, modal, values), 'form');
      const text = await res.text();
      if (res.status !== 200 || text.includes('response_action')) throw new Error(`the modal was refused: ${res.status} ${text}`);
      const [posted, tidied] = await next(modal.origin ? ['chat.postMessage', 'chat.update'] : ['chat.postMessage', 'views.publish']);
      if (!posted || posted.body.channel !== userId) throw new Error('the answer did not go to the person’s DM');
      if (modal.origin && (tidied?.body.ts !== modal.origin.ts || buttonsOf((tidied?.body.blocks as Block[]) ?? []).length > 0)) throw new Error('the message the form came from still has its buttons');
      return messageOf(posted);
    },
    /** Opens the App Home (an app_home_opened event): the published view's blocks. */
    async home(userId: string, eventId = `Ev-${freshTs()}`): Promise<Message> {
      await send(JSON.stringify({ token: 'legacy-unused', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: 1, event: { type: 'app_home_opened', user: userId, channel: dmOf(userId), tab: 'home', event_ts: freshTs() } }), 'json');
      const [published] = await next(['views.publish']);
      if (published?.body.user_id !== userId) throw new Error('published to someone else');
      return { channel: '', ts: '', blocks: ((published.body.view as { blocks: Block[] }).blocks) };
    },
    /** Presses a button in the App Home. */
    pressInHome(userId: string, home: Message, verb: string, where?: (data: Record<string, unknown>) => boolean) {
      return press(userId, home, verb, where, { type: 'view', view_id: `VHOME${userId}` });
    },
    /** Every Web API call not yet read by a test. */
    unread: () => api.calls.slice(read),
    api,
    checks,
    t,
    async stop() {
      api.stop();
      await t.stop();
    },
  };
  return client;
}

/** The Slack client of a test. */
export type SlackTest = Awaited<ReturnType<typeof startSlackTest>>;

/** Keeps the block's tests off the network but for loopback, where the bot runs; Slack's Web API is answered by nock. */
export function loopbackOnly(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
}

/**
 * A Slack test server for each test of the block (the demo cycle launched first when asked), checked after each
 * test: no Web API call the recorder could not answer and, when asked, no message left unread by the test.
 */
export function useSlackTest(options: { launch?: boolean; everyMessageRead?: boolean } = {}) {
  let c: SlackTest;
  loopbackOnly();
  beforeEach(async () => {
    c = await startSlackTest();
    if (options.launch) await launchDemoCycle(c.t);
  });
  afterEach(async () => {
    if (options.everyMessageRead) expect(c.unread()).toEqual([]);
    expect(c.api.problems).toEqual([]);
    await c.stop();
  });
  return {
    get c(): SlackTest {
      return c;
    },
  };
}
