import { DEMO_TENANT_ID } from '../../bot/dev/demo-school';
import { CPD_PAGE_LINES } from '../../cards/views/cpd.view';
import { Verbs } from '../../cards/verbs';
import { countOf, CPD_CYCLE, CPD_SEEDS, EARLIER_CYCLE, expectedCounts, identifyingIn, SCRUBBED, seedCpd, staffWords } from '../support/cpd-chat';
import { aMessage, anActionExecute, demoTeamsUser } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { actionsOf, teamsClient } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// The professional-development manager and the headteacher read the training needs in Teams, over HTTP on loopback
// (R-RPT-3, R-SUP-1, R-PRV-1): saying "training needs" (or "cpd") shows one cycle's needs and the support not yet
// given, grouped with how many staff each, and names no one; a button shows the cycle before. Anyone else is
// refused, and a group chat only gets the pointer to the private chat.
const tom = demoTeamsUser('p-tom');
const priya = demoTeamsUser('p-head');
const grace = demoTeamsUser('p-grace');
const sam = demoTeamsUser('p-sam');
const inGroup = { conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: DEMO_TENANT_ID } };

type Node = { type?: string; text?: string; items?: Node[] };
/** A list card read as a person would: its title, intro, and each titled part with its lines. */
function screenOf(card: Card) {
  const body = (card.body ?? []) as Node[];
  const parts = body.filter((n) => n.type === 'Container').map((c) => {
    const [heading, ...lines] = (c.items ?? []).filter((n) => n.type === 'TextBlock').map((n) => n.text ?? '');
    return { heading: heading ?? '', lines };
  });
  return { title: body[0]?.text, intro: body[1]?.text ?? '', parts, buttons: actionsOf(card).map((a) => a.title), all: JSON.stringify(card) };
}
/** Every text a card shows, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(typeof o.text === 'string' ? [o.text] : []), ...Object.entries(o).filter(([k]) => k !== 'text').flatMap(([, v]) => texts(v))];
}
const part = (screen: ReturnType<typeof screenOf>, heading: string) => screen.parts.find((p) => p.heading.startsWith(heading));
/** A part's lines as counts by what they say. */
const countsIn = (lines: readonly string[]) => new Map(lines.map((l) => countOf(l) ?? ['unreadable line', -1]));

describe('training needs in Teams (R-RPT-3, R-SUP-1, R-PRV-1)', () => {
  const server = useTeamsServer();
  const client = () => teamsClient(server.t.base, server.connector.url);
  beforeEach(async () => {
    server.t.clock.set('2026-11-25T10:00:00.000Z');
    await seedCpd(server.t.store);
  });

  /** The card the bot sends back to a typed message (or the text, when it answers with words). */
  async function say(user: TeamsUser, text: string, overrides: Record<string, unknown> = {}): Promise<{ card: Card | null; text: string }> {
    const before = server.connector.calls.length;
    expect((await postJson(`${server.t.base}/api/messages`, aMessage(user, server.connector.url, text, overrides))).status).toBe(200);
    await server.connector.waitForCalls(before + 1);
    const sent = server.connector.calls.at(-1)?.body as { text?: string; attachments?: { content: Card }[] } | undefined;
    return { card: sent?.attachments?.[0]?.content ?? null, text: sent?.text ?? '' };
  }

  it('R-RPT-3, R-SUP-1: the PD manager sees the needs and the support not yet given, grouped and counted, largest first, naming no one', async () => {
    const expected = expectedCounts(CPD_CYCLE);
    const { card } = await say(tom, 'training needs');
    const screen = screenOf(card!);
    expect(screen.title).toBe('Training needs');
    expect(screen.intro).toContain(`The 2026 to 2027 cycle: ${expected.staffWithNeeds} of ${expected.appraisals} staff have training needs recorded.`);
    const needs = part(screen, 'Training needs')!.lines;
    expect(countsIn(needs)).toEqual(expected.needs);
    const counts = needs.map((l) => countOf(l)?.[1] ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(countsIn(part(screen, 'Agreed support not yet given')!.lines)).toEqual(expected.waiting);
    expect(part(screen, 'Support in total')?.lines).toEqual([`${expected.agreed} pieces of support agreed, ${expected.delivered} given so far.`]);
    // What named a colleague is shown with the name, email and staff id taken out.
    expect(needs).toContain(`${SCRUBBED['Shadow Grace Okafor in the nurture room']} (${staffWords(1)})`);
    expect(identifyingIn(JSON.stringify(screen.parts) + screen.intro)).toEqual([]);
    expect(screen.buttons).toEqual(['See the 2025 to 2026 cycle']);
  });

  it('R-RPT-3: the button shows the cycle before, with its own counts and a way back', async () => {
    const { card } = await say(tom, 'cpd');
    const earlier = screenOf(await client().press(tom, card!, Verbs.cpdShow));
    const expected = expectedCounts(EARLIER_CYCLE);
    expect(earlier.intro).toContain(`The 2025 to 2026 cycle: 1 of ${staffWords(expected.appraisals)} has training needs recorded.`);
    expect(countsIn(part(earlier, 'Training needs')!.lines)).toEqual(expected.needs);
    expect(part(earlier, 'Agreed support not yet given')?.lines).toEqual(['All the support agreed has been given.']);
    expect(earlier.buttons).toEqual(['See the 2026 to 2027 cycle']);
  });

  it('R-RPT-3: the headteacher sees the same, by saying "cpd"; both find it on their help card, a reviewee does not', async () => {
    const head = screenOf((await say(priya, 'cpd')).card!);
    const pd = screenOf((await say(tom, 'training needs')).card!);
    expect(head.parts).toEqual(pd.parts);
    const line = '• See the training needs and support agreed in statements, with no one named: say "training needs"';
    for (const who of [tom, priya]) expect(texts((await say(who, 'help')).card)).toContain(line);
    expect(texts((await say(sam, 'help')).card).join('\n')).not.toContain('training needs');
  });

  it.each([
    ['a reviewer', grace],
    ['a reviewee', sam],
  ])('R-PRV-1: %s is refused, typed or pressed, and sees none of the needs', async (_who, user) => {
    const typed = JSON.stringify((await say(user, 'training needs')).card);
    const pressed = JSON.stringify(await client().invoke(user, Verbs.cpdShow, { cycle: CPD_CYCLE, page: 0 }));
    for (const shown of [typed, pressed]) {
      expect(shown).toContain('Only the professional-development manager or the headteacher can see training needs.');
      expect(shown).not.toMatch(/Safeguarding|First aid|Makaton|staff\)/);
    }
  });

  it('R-PRV-1: in a group chat, typed or pressed, the PD manager gets only the pointer to the private chat', async () => {
    const typed = await say(tom, 'training needs', inGroup);
    const res = await postJson(`${server.t.base}/api/messages`, anActionExecute(tom, server.connector.url, Verbs.cpdShow, { cycle: CPD_CYCLE }, inGroup));
    const pressed = JSON.stringify((res.body as { value: Card }).value);
    for (const shown of [typed.text + JSON.stringify(typed.card), pressed]) {
      expect(shown).toContain('private chat');
      expect(shown).not.toMatch(/Safeguarding|First aid|Makaton|staff\)/);
    }
  });

  it('R-RPT-3: a long list comes a page at a time; Next and Back move through it and every need is listed once', async () => {
    const many = Array.from({ length: 20 }, (_, i) => `Course number ${i + 1}`);
    await seedCpd(server.t.store, [{ personId: 'p-ellie', cycle: CPD_CYCLE, needs: many.join('; '), support: [] }]);
    const expected = expectedCounts(CPD_CYCLE, [...CPD_SEEDS, { personId: 'p-ellie', cycle: CPD_CYCLE, needs: many.join('; '), support: [] }]);
    const first = (await say(tom, 'training needs')).card!;
    const second = await client().press(tom, first, Verbs.cpdShow);
    const [one, two] = [screenOf(first), screenOf(second)];
    expect(one.buttons).toEqual(['Next', 'See the 2025 to 2026 cycle']);
    expect(one.intro).toContain('Page 1 of 2.');
    expect(part(one, 'Training needs')?.heading).toBe(`Training needs (1 to ${CPD_PAGE_LINES} of ${expected.needs.size})`);
    expect(part(one, 'Agreed support not yet given')).toBeUndefined();
    expect(two.buttons).toEqual(['Back', 'See the 2025 to 2026 cycle']);
    expect(part(two, 'Training needs')?.heading).toBe(`Training needs (${CPD_PAGE_LINES + 1} to ${expected.needs.size} of ${expected.needs.size})`);
    const listed = [...part(one, 'Training needs')!.lines, ...part(two, 'Training needs')!.lines];
    expect(countsIn(listed)).toEqual(expected.needs);
    expect(listed).toHaveLength(expected.needs.size);
    expect(countsIn(part(two, 'Agreed support not yet given')!.lines)).toEqual(expected.waiting);
    expect(screenOf(await client().press(tom, second, Verbs.cpdShow)).parts).toEqual(one.parts);
  });

  it('R-CHAT-1: a button whose cycle is not a cycle says so kindly', async () => {
    for (const cycle of ['2026-03-02', 'nonsense', '1900-03-01', 42, null]) {
      expect(JSON.stringify(await client().invoke(tom, Verbs.cpdShow, { cycle }))).toContain('That button doesn’t say which cycle it is for. Say \\"training needs\\" to see the current cycle.');
    }
  });
});
