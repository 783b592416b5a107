import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { Verbs } from '../../cards/verbs';
import { updateSetup } from '../../services/roster';
import { aMessage, anActionExecute, demoTeamsUser } from '../support/teams-activities';
import { postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// The head sets the school up from chat: the set-up summary, the launch preview, the launch (R-CYC-1, R-ELG-1).
const userOf = demoTeamsUser;
const priya = userOf('p-head');
const sam = userOf('p-sam');
type Card = { body: unknown; actions?: { verb?: string; data?: Record<string, unknown> }[] };
const cardOf = (res: { body: unknown }) => (res.body as { value: Card }).value;

describe('school set-up in Teams chat (R-CYC-1, R-ELG-1, R-ROLE-1)', () => {
  const server = useTeamsServer();
  beforeEach(() => {
    server.t.clock.set('2026-03-02T10:00:00.000Z');
  });

  it('R-CYC-1: "launch cycle" previews who gets a case; the head launches; the cases exist once', async () => {
    await postJson(`${server.t.base}/api/messages`, aMessage(priya, server.connector.url, 'launch cycle'));
    await server.connector.waitForCalls(1);
    const preview = JSON.stringify(server.connector.calls[0]?.body);
    expect(preview).toContain('Launch the cycle from Sunday 1 March?');
    expect(preview).toContain('Priya Lockwood (left out)');
    expect(await server.t.store.cases.listByCycle(DEMO_SCHOOL_ID, '2026-03-01')).toEqual([]);

    const launched = cardOf(await postJson(`${server.t.base}/api/messages`, anActionExecute(priya, server.connector.url, Verbs.cycleLaunch, { cycleYear: 2026 })));
    expect(JSON.stringify(launched.body)).toContain('appraisals were opened');
    const cases = await server.t.store.cases.listByCycle(DEMO_SCHOOL_ID, '2026-03-01');
    expect(cases.length).toBeGreaterThan(5);
    expect(cases.some((c) => c.revieweeId === 'p-head')).toBe(false);

    await postJson(`${server.t.base}/api/messages`, anActionExecute(priya, server.connector.url, Verbs.cycleLaunch, { cycleYear: 2026 }));
    expect((await server.t.store.cases.listByCycle(DEMO_SCHOOL_ID, '2026-03-01')).length).toBe(cases.length);
  });

  it('R-ROLE-1: only the head may launch; anyone else is told so and nothing is opened', async () => {
    const refused = cardOf(await postJson(`${server.t.base}/api/messages`, anActionExecute(sam, server.connector.url, Verbs.cycleLaunch, { cycleYear: 2026 })));
    expect(JSON.stringify(refused.body)).toContain('Only the headteacher can change the school set-up.');
    expect(await server.t.store.cases.listByCycle(DEMO_SCHOOL_ID, '2026-03-01')).toEqual([]);
  });

  it('R-ROLE-1: "setup" shows the cycle dates and who is unreachable, with a launch button', async () => {
    await postJson(`${server.t.base}/api/messages`, aMessage(priya, server.connector.url, 'setup'));
    await server.connector.waitForCalls(1);
    const card = JSON.stringify(server.connector.calls[0]?.body);
    expect(card).toContain('Sunday 1 March to Sunday 28 February');
    expect(card).toContain(Verbs.cycleLaunchPreview);
    expect(card).toContain('Counts below 10 are hidden, so nobody can be identified');
  });

  it('R-RPT-1: "setup" shows the school’s own small-number threshold for the governors’ report', async () => {
    const set = await updateSetup(server.t.store.schools, { schoolId: DEMO_SCHOOL_ID, actor: { kind: 'admin' }, roster: [], change: (s) => ({ ...s, reportThreshold: 7 }) });
    expect(set.ok).toBe(true);
    await postJson(`${server.t.base}/api/messages`, aMessage(priya, server.connector.url, 'setup'));
    await server.connector.waitForCalls(1);
    const card = JSON.stringify(server.connector.calls[0]?.body);
    expect(card).toContain('Report to governors');
    expect(card).toContain('Counts below 7 are hidden, so nobody can be identified');
  });

  it('R-RPT-1: "governors report" gives the head a summary with nothing that names anyone; others are refused', async () => {
    await postJson(`${server.t.base}/api/messages`, anActionExecute(priya, server.connector.url, Verbs.cycleLaunch, { cycleYear: 2026 }));
    await postJson(`${server.t.base}/api/messages`, aMessage(priya, server.connector.url, 'governors report'));
    await server.connector.waitForCalls(1);
    const card = JSON.stringify(server.connector.calls.at(-1)?.body);
    expect(card).toContain('Report to governors: summary');
    for (const name of ['Sam Fielding', 'Grace Okafor', 'Nadia Marsh', 'p-sam']) expect(card).not.toContain(name);
    await postJson(`${server.t.base}/api/messages`, aMessage(sam, server.connector.url, 'governors report'));
    await server.connector.waitForCalls(2);
    expect(JSON.stringify(server.connector.calls.at(-1)?.body)).toContain('Only the headteacher');
  });
});
