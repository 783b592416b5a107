import { TurnContext } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createCaseRuntime } from '../../bot/case-runtime';
import { createTeamsBot } from '../../bot/teams/teams.bot';
import { DEMO_TENANT_ID, demoPeople } from '../../bot/dev/demo-school';
import { Verbs } from '../../cards/verbs';
import { startFakeConnector } from '../support/fake-connector';
import { aMessage, anActionExecute, anInstall } from '../support/teams-activities';
import { postJson, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

type Card = { type: string; version: string; body: { text?: string }[]; actions?: { verb?: string }[] };
const texts = (card: Card): string => JSON.stringify(card.body);
const cardOf = (call: { body: Record<string, unknown> }): Card =>
  ((call.body.attachments as { contentType: string; content: Card }[])[0] as { content: Card }).content;

const person = demoPeople().find((p) => p.id === 'p-sam');
const sam = { aadObjectId: person?.teams?.aadObjectId ?? '', name: 'Sam Fielding', tenantId: DEMO_TENANT_ID };
const stranger = { aadObjectId: 'aad-not-on-any-roster', name: 'Unknown Visitor' };

describe('Teams over real HTTP on loopback', () => {
  const server = useTeamsServer();

  it('answers "hi" in a personal chat with the welcome card at the connector, and stores the conversation reference', async () => {
    const activity = aMessage(sam, server.connector.url, 'hi');
    const res = await postJson(`${server.t.base}/api/messages`, activity);
    expect(res.status).toBe(200);
    await server.connector.waitForCalls(1);
    const call = server.connector.calls[0];
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe(`/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`);
    const card = cardOf(call as { body: Record<string, unknown> });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(card)).toContain('Hello Sam');
    expect(card.actions?.[0]?.verb).toBe(Verbs.homeShow);
    const ref = await server.t.store.conversations.get('teams', sam.aadObjectId);
    expect(ref).toMatchObject({ schoolId: 'demo-test-valley', personId: 'p-sam', channel: 'teams' });
  });

  it('greets on install with the welcome card', async () => {
    await postJson(`${server.t.base}/api/messages`, anInstall(sam, server.connector.url));
    await server.connector.waitForCalls(1);
    expect(texts(cardOf(server.connector.calls[0] as { body: Record<string, unknown> }))).toContain('Hello Sam');
  });

  it('tells someone who is not on a roster how to get added, kindly', async () => {
    await postJson(`${server.t.base}/api/messages`, aMessage(stranger, server.connector.url, 'help'));
    await server.connector.waitForCalls(1);
    expect(texts(cardOf(server.connector.calls[0] as { body: Record<string, unknown> }))).toContain('can’t find you on your school’s staff list');
  });

  it('answers an Action.Execute with the refreshed card in the HTTP response', async () => {
    const res = await postJson(`${server.t.base}/api/messages`, anActionExecute(sam, server.connector.url, Verbs.homeShow));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: Card };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(body.value)).toContain('Sam, your appraisal');
    expect(texts(body.value)).toContain('Grace Okafor');
    expect(server.connector.calls).toHaveLength(0);
  });

  it('answers an unknown verb with a clear error card, not a 5xx', async () => {
    const res = await postJson(`${server.t.base}/api/messages`, anActionExecute(sam, server.connector.url, 'ipp.no-such.verb'));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; value: Card };
    expect(body.statusCode).toBe(200);
    expect(texts(body.value)).toContain('That button is out of date');
  });

  it('R-PRV-1: in a group chat it shows no appraisal content and points to the private chat', async () => {
    const group = aMessage(sam, server.connector.url, 'status', { conversation: { id: '19:group', conversationType: 'groupChat', tenantId: DEMO_TENANT_ID } });
    await postJson(`${server.t.base}/api/messages`, group);
    await server.connector.waitForCalls(1);
    const sent = JSON.stringify(server.connector.calls[0]?.body);
    expect(sent).toContain('private chat');
    expect(sent).not.toContain('Grace Okafor');
    expect(await server.t.store.conversations.get('teams', sam.aadObjectId)).toBeNull();
  });

  it('answers a redelivered activity (same id) once', async () => {
    const activity = aMessage(sam, server.connector.url, 'hi');
    await postJson(`${server.t.base}/api/messages`, activity);
    await postJson(`${server.t.base}/api/messages`, activity);
    await postJson(`${server.t.base}/api/messages`, aMessage(sam, server.connector.url, 'hi'));
    await server.connector.waitForCalls(2);
    expect(server.connector.calls).toHaveLength(2);
  });

  it('serves /healthz and /readyz (store reachable)', async () => {
    expect((await fetch(`${server.t.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.t.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const res = await fetch(`${server.t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(res.status).toBe(400);
    expect((await fetch(`${server.t.base}/healthz`)).status).toBe(200);
  });
});

describe('acting as someone else (local mode only)', () => {
  let t: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const head = demoPeople().find((p) => p.headteacher);
  const priya = { aadObjectId: head?.teams?.aadObjectId ?? '', name: 'Priya Lockwood', tenantId: DEMO_TENANT_ID };
  afterEach(async () => {
    await t.stop();
    await connector.close();
  });

  it('in local mode, "act as" lists the school’s people and a button switches who the chat acts as', async () => {
    connector = await startFakeConnector();
    t = await startTestServer();
    await postJson(`${t.base}/api/messages`, aMessage(priya, connector.url, 'act as'));
    await connector.waitForCalls(1);
    const picker = JSON.stringify(connector.calls[0]?.body);
    expect(picker).toContain('Sam Fielding');
    expect(picker).toContain(Verbs.devActAs);

    const switched = await postJson(`${t.base}/api/messages`, anActionExecute(priya, connector.url, Verbs.devActAs, { personId: 'p-sam' }));
    expect(JSON.stringify(switched.body)).toContain('You are now acting as Sam Fielding');
    const home = await postJson(`${t.base}/api/messages`, anActionExecute(priya, connector.url, Verbs.homeShow));
    expect(JSON.stringify(home.body)).toContain('Sam, your appraisal');
  });

  it('refuses an unknown person with a card, acting as nobody new', async () => {
    connector = await startFakeConnector();
    t = await startTestServer();
    const res = await postJson(`${t.base}/api/messages`, anActionExecute(priya, connector.url, Verbs.devActAs, { personId: 'p-nobody' }));
    expect(JSON.stringify(res.body)).toContain('couldn’t find that person');
    const home = await postJson(`${t.base}/api/messages`, anActionExecute(priya, connector.url, Verbs.homeShow));
    expect(JSON.stringify(home.body)).toContain('Priya, your appraisal');
  });

  it('is not there when authentication is on: the verb is an out-of-date button', async () => {
    connector = await startFakeConnector();
    t = await startTestServer({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret' });
    const config = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret' });
    const runtime = createCaseRuntime({ store: t.store, clock: t.clock, logger: createLogger('silent') });
    const bot = createTeamsBot({ config, store: t.store, logger: createLogger('silent'), clock: t.clock, runtime });
    const invoke = anActionExecute(priya, connector.url, Verbs.devActAs, { personId: 'p-sam' });
    const sent: unknown[] = [];
    const context = new TurnContext(bot.adapter, invoke as never);
    context.onSendActivities(async (_ctx, activities) => {
      sent.push(...activities);
      return activities.map(() => ({ id: 'x' }));
    });
    await bot.app.run(context);
    expect(JSON.stringify(sent)).toContain('That button is out of date');
    expect(JSON.stringify(sent)).not.toContain('acting as');
  });
});
