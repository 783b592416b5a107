import { DEMO_TENANT_ID } from '../../bot/dev/demo-school';
import { nudgeCard } from '../../cards/teams/cards';
import { nudgeView } from '../../cards/views/nudge.view';
import { Verbs } from '../../cards/verbs';
import { CHANGED_EXPORT, PAY_CYCLE, payrollNotices, recordExport, seedApprovedPay } from '../support/payroll-chat';
import { aMessage, anActionExecute, demoTeamsUser } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { actionsOf, teamsClient } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// The headteacher sees what changed since the payroll export in Teams, over HTTP on loopback (R-PAY-1, R-CAL-2,
// R-CHAT-2): from the daily notice's button or by saying "payroll", each change with the person's name and staff id,
// what payroll has and what is approved now, and what to do next. Nobody else sees it, and a group chat only gets
// the pointer to the private chat.
const priya = demoTeamsUser('p-head');
const grace = demoTeamsUser('p-grace');
const sam = demoTeamsUser('p-sam');
const inGroup = { conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: DEMO_TENANT_ID } };
const button = { caseId: `payroll:${PAY_CYCLE}`, version: 1 };

/** Every text a card or activity shows, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(typeof o.text === 'string' ? [o.text] : []), ...Object.entries(o).filter(([k]) => k !== 'text').flatMap(([, v]) => texts(v))];
}

const SAM_LINES = ['Sam Fielding (staff id TV010)', 'Payroll has: an increment to point 8.', 'Approved now: no pay recommendation.'];
const ALEX_LINES = ['Alex Morgan (staff id TV090)', 'Payroll has: increment withheld, staying on point 4.', 'Approved now: an increment to point 5.'];
const NEXT = ['What to do next', 'Ask your school’s administrator to send payroll the updated file.', 'For the administrator: the payroll report with --replace records it.'];

describe('payroll changes in Teams (R-PAY-1, R-CAL-2, R-CHAT-2)', () => {
  const server = useTeamsServer();
  const client = () => teamsClient(server.t.base, server.connector.url);
  beforeEach(async () => {
    server.t.clock.set('2026-11-25T10:00:00.000Z');
    await seedApprovedPay(server.t.store);
  });

  /** What the bot sends back to a typed message: the texts of the one activity it sends. */
  async function say(user: TeamsUser, text: string, overrides: Record<string, unknown> = {}): Promise<string[]> {
    const before = server.connector.calls.length;
    expect((await postJson(`${server.t.base}/api/messages`, aMessage(user, server.connector.url, text, overrides))).status).toBe(200);
    await server.connector.waitForCalls(before + 1);
    return texts(server.connector.calls.at(-1)?.body);
  }

  it('R-PAY-1, R-CHAT-2: the notice’s "See the changes" opens each change with name, staff id, what payroll has and what is approved now', async () => {
    await recordExport(server.t.store, CHANGED_EXPORT);
    const [notice, ...more] = await payrollNotices(server.t.store, server.t.clock);
    expect(more).toEqual([]);
    const card = nudgeCard(nudgeView(notice!)) as unknown as Card;
    expect(JSON.stringify(card)).not.toMatch(/Sam|Alex|TV0|npm/);
    expect(actionsOf(card)).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'See the changes', verb: Verbs.payrollChangesShow, data: button })]);

    const screen = texts(await client().press(priya, card, Verbs.payrollChangesShow));
    expect(screen.slice(0, 2)).toEqual([
      'Payroll changes',
      'The 2025 to 2026 cycle: 2 pay recommendations have changed since the payroll export. Payroll still has the earlier figures (exported on Monday 16 March 2026).',
    ]);
    expect(screen.slice(2)).toEqual([...SAM_LINES, ...ALEX_LINES, ...NEXT]);
  });

  it('R-CHAT-2: the head saying "payroll" gets the same screen for the cycle the daily check flagged', async () => {
    await recordExport(server.t.store, CHANGED_EXPORT);
    const said = await say(priya, 'payroll');
    expect(said).toEqual(expect.arrayContaining([...SAM_LINES, ...ALEX_LINES, ...NEXT]));
    expect(said.join('\n')).toContain('Payroll still has the earlier figures (exported on Monday 16 March 2026).');
  });

  it('R-CHAT-2: the head’s help says to say "payroll"; a reviewee’s does not', async () => {
    const line = '• See pay recommendations that changed after the payroll export: say "payroll"';
    expect(await say(priya, 'help')).toContain(line);
    expect(await say(sam, 'help')).not.toContain(line);
  });

  it.each([
    ['a reviewer', grace],
    ['the reviewee', sam],
  ])('R-PRV-1: %s is refused, by the button and by typing, and sees no name, staff id or figure', async (_who, user) => {
    await recordExport(server.t.store, CHANGED_EXPORT);
    const pressed = texts(await client().invoke(user, Verbs.payrollChangesShow, button));
    const typed = await say(user, 'payroll');
    for (const shown of [pressed, typed]) {
      expect(shown).toContain('Only the headteacher can see payroll changes.');
      expect(shown.join('\n')).not.toMatch(/Alex|TV0|point \d|Payroll has/);
    }
  });

  it('R-PAY-1: with no export recorded yet, the head is told there is nothing to compare and when pay data is due', async () => {
    const said = (await say(priya, 'payroll')).join('\n');
    expect(said).toContain('No payroll export has been recorded for the 2025 to 2026 cycle yet, so there is nothing to compare.');
    expect(said).toContain('Its pay changes take effect from Wednesday 1 April 2026.');
    expect(said).not.toMatch(/Alex|TV0/);
  });

  it('R-PAY-1: when payroll has what is approved now, the head is told there is nothing to pass on', async () => {
    await recordExport(server.t.store, [['TV090', 4, 'increment']]);
    expect(await payrollNotices(server.t.store, server.t.clock)).toEqual([]);
    const screen = texts(await client().invoke(priya, Verbs.payrollChangesShow, button));
    expect(screen).toEqual([
      'Payroll changes',
      'No approved pay recommendation has changed since the payroll export for the 2025 to 2026 cycle (exported on Monday 16 March 2026). Payroll has the right figures: there is nothing to pass on.',
    ]);
  });

  it('R-PRV-1: in a group chat, typed or pressed, the head gets only the pointer to the private chat', async () => {
    await recordExport(server.t.store, CHANGED_EXPORT);
    const typed = (await say(priya, 'payroll', inGroup)).join('\n');
    const res = await postJson(`${server.t.base}/api/messages`, anActionExecute(priya, server.connector.url, Verbs.payrollChangesShow, button, inGroup));
    const pressed = texts((res.body as { value: Card }).value).join('\n');
    for (const shown of [typed, pressed]) {
      expect(shown).toContain('private chat');
      expect(shown).not.toMatch(/Alex|Sam Fielding|TV0|Payroll has/);
    }
  });

  it('R-CHAT-1: a button whose cycle is not a cycle says so kindly, and changes nothing', async () => {
    await recordExport(server.t.store, CHANGED_EXPORT);
    for (const caseId of ['payroll:2025-03-02', 'payroll:nonsense', 'payroll:1900-03-01', 42]) {
      const shown = texts(await client().invoke(priya, Verbs.payrollChangesShow, { caseId }));
      expect(shown).toContain('That button doesn’t say which cycle it is for. Say "payroll" to see the changes as they are now.');
    }
    expect((await server.t.store.payrollExports.get('demo-test-valley', PAY_CYCLE))?.version).toBe(1);
  });
});
