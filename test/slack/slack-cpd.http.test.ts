import { Verbs } from '../../cards/verbs';
import { countOf, CPD_CYCLE, CPD_SEEDS, EARLIER_CYCLE, expectedCounts, identifyingIn, seedCpd } from '../support/cpd-chat';
import { buttonsOf, SLACK_IDS, textOf, useSlackTest } from './slack-client';
import type { Message } from './slack-client';

// The professional-development manager and the headteacher read the training needs in Slack, over signed requests on
// loopback with every Web API body asserted (R-RPT-3, R-SUP-1, R-PRV-1): `/ipp training` (or `/ipp cpd`) answers in
// the DM with one cycle's needs and the support not yet given, grouped and counted, naming no one; buttons page
// through a long list and show the cycle before. Anyone else is refused; typed in a channel, the channel gets only
// the pointer.
const { 'p-tom': tom, 'p-head': priya, 'p-grace': grace, 'p-sam': sam } = SLACK_IDS;

/** A message's titled parts ("*Heading*\nline\nline") as heading and lines. */
function partsOf(m: Message): { heading: string; lines: string[] }[] {
  return (m.blocks as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === 'section' && b.text?.text.startsWith('*'))
    .map((b) => {
      const [heading, ...lines] = (b.text?.text ?? '').split('\n');
      return { heading: (heading ?? '').replace(/^\*|\*$/g, ''), lines };
    });
}
const linesOf = (m: Message, heading: string) => partsOf(m).find((p) => p.heading.startsWith(heading))?.lines ?? [];
const countsIn = (lines: readonly string[]) => new Map(lines.map((l) => countOf(l) ?? ['unreadable line', -1]));
const introOf = (m: Message) => (m.blocks[1] as { text?: { text: string } } | undefined)?.text?.text ?? '';
const titlesOf = (m: Message) => buttonsOf(m.blocks).map((b) => (b as { text?: { text: string } }).text?.text);

describe('training needs in Slack (R-RPT-3, R-SUP-1, R-PRV-1)', () => {
  const slack = useSlackTest({ everyMessageRead: true });
  beforeEach(async () => {
    slack.c.t.clock.set('2026-11-25T10:00:00.000Z');
    await seedCpd(slack.c.t.store);
  });

  const ipp = (userId: string, text: string, channel?: string) => slack.c.slash(userId, text, channel);

  it('R-RPT-3, R-SUP-1: /ipp training in the PD manager’s DM shows the needs and the support not yet given, counted, naming no one', async () => {
    const expected = expectedCounts(CPD_CYCLE);
    const { ack, posted } = await ipp(tom, 'training');
    expect(ack).toBe('');
    expect(textOf(posted)).toContain('"text":"Training needs"');
    expect(introOf(posted)).toContain(`The 2026 to 2027 cycle: ${expected.staffWithNeeds} of ${expected.appraisals} staff have training needs recorded.`);
    expect(countsIn(linesOf(posted, 'Training needs'))).toEqual(expected.needs);
    expect(countsIn(linesOf(posted, 'Agreed support not yet given'))).toEqual(expected.waiting);
    expect(linesOf(posted, 'Support in total')).toEqual([`${expected.agreed} pieces of support agreed, ${expected.delivered} given so far.`]);
    expect(identifyingIn(textOf(posted))).toEqual([]);
    expect(titlesOf(posted)).toEqual(['See the 2025 to 2026 cycle']);

    const earlier = await slack.c.pressForMessage(tom, posted, Verbs.cpdShow);
    expect(countsIn(linesOf(earlier, 'Training needs'))).toEqual(expectedCounts(EARLIER_CYCLE).needs);
    expect(titlesOf(earlier)).toEqual(['See the 2026 to 2027 cycle']);
  });

  it('R-RPT-3: the headteacher’s /ipp cpd shows the same', async () => {
    const head = await ipp(priya, 'cpd');
    const pd = await ipp(tom, 'training needs');
    expect(partsOf(head.posted)).toEqual(partsOf(pd.posted));
    expect(countsIn(linesOf(head.posted, 'Training needs'))).toEqual(expectedCounts(CPD_CYCLE).needs);
  });

  it.each([
    ['a reviewer', grace],
    ['a reviewee', sam],
  ])('R-PRV-1: %s is refused, typed or pressed, and sees none of the needs', async (_who, userId) => {
    const { posted } = await ipp(userId, 'training');
    const pressed = await slack.c.pressForMessage(userId, slack.c.aMessageWith(userId, Verbs.cpdShow, { cycle: CPD_CYCLE, page: 0 }), Verbs.cpdShow);
    for (const shown of [posted, pressed]) {
      expect(textOf(shown)).toContain('Only the professional-development manager or the headteacher can see training needs.');
      expect(textOf(shown)).not.toMatch(/Safeguarding|First aid|Makaton|staff\)/);
    }
  });

  it('R-PRV-1: /ipp training typed in a channel answers the channel only with a pointer; the needs go to the DM', async () => {
    const { ack, posted } = await ipp(tom, 'training', 'C0001');
    expect(JSON.parse(ack)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('direct messages') as unknown });
    expect(ack).not.toMatch(/Safeguarding|First aid|Makaton|staff\)/);
    expect(countsIn(linesOf(posted, 'Training needs'))).toEqual(expectedCounts(CPD_CYCLE).needs);
  });

  it('R-RPT-3: a long list comes a page at a time; Next and Back replace the message, every need listed once', async () => {
    const ellie = { personId: 'p-ellie', cycle: CPD_CYCLE, needs: Array.from({ length: 20 }, (_, i) => `Course number ${i + 1}`).join('; '), support: [] };
    await seedCpd(slack.c.t.store, [ellie]);
    const expected = expectedCounts(CPD_CYCLE, [...CPD_SEEDS, ellie]);
    const { posted } = await ipp(tom, 'training');
    expect(titlesOf(posted)).toEqual(['Next', 'See the 2025 to 2026 cycle']);
    const second = await slack.c.pressForMessage(tom, posted, Verbs.cpdShow, (d) => d.page === 1);
    expect(titlesOf(second)).toEqual(['Back', 'See the 2025 to 2026 cycle']);
    const listed = [...linesOf(posted, 'Training needs'), ...linesOf(second, 'Training needs')];
    expect(listed).toHaveLength(expected.needs.size);
    expect(countsIn(listed)).toEqual(expected.needs);
    expect(countsIn(linesOf(second, 'Agreed support not yet given'))).toEqual(expected.waiting);
    const back = await slack.c.pressForMessage(tom, second, Verbs.cpdShow, (d) => d.page === 0 && d.cycle === CPD_CYCLE);
    expect(partsOf(back)).toEqual(partsOf(posted));
  });
});
