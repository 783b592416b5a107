import { nudgeBlocks } from '../../cards/slack/blocks';
import { nudgeView } from '../../cards/views/nudge.view';
import { Verbs } from '../../cards/verbs';
import { CHANGED_EXPORT, PAY_CYCLE, payrollNotices, recordExport, seedApprovedPay } from '../support/payroll-chat';
import { buttonsOf, SLACK_IDS, textOf, useSlackTest } from './slack-client';
import type { Message } from './slack-client';
import { dmOf } from './slack-web-api';

// The headteacher sees what changed since the payroll export in Slack, over signed requests on loopback with every
// Web API body asserted (R-PAY-1, R-CAL-2, R-CHAT-2): the daily notice's button and `/ipp payroll` answer in the DM
// with each change by name and staff id, what payroll has and what is approved now; anyone else is refused; typed
// in a channel, the channel gets only the pointer.
const { 'p-head': priya, 'p-grace': grace, 'p-sam': sam } = SLACK_IDS;
const button = { caseId: `payroll:${PAY_CYCLE}`, version: 1 };
const CHANGES = [
  '*Sam Fielding (staff id TV010)*\nPayroll has: an increment to point 8.\nApproved now: no pay recommendation.',
  '*Alex Morgan (staff id TV090)*\nPayroll has: increment withheld, staying on point 4.\nApproved now: an increment to point 5.',
  '*What to do next*\nAsk your school’s administrator to send payroll the updated file.\nFor the administrator: the payroll report with --replace records it.',
];
/** The texts of a message's sections, in order. */
const sectionsOf = (m: Message | { blocks: unknown }) => (m.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

describe('payroll changes in Slack (R-PAY-1, R-CAL-2, R-CHAT-2)', () => {
  const slack = useSlackTest({ everyMessageRead: true });
  beforeEach(async () => {
    slack.c.t.clock.set('2026-11-25T10:00:00.000Z');
    await seedApprovedPay(slack.c.t.store);
  });

  const ipp = (userId: string, text: string, channel?: string) => slack.c.slash(userId, text, channel);

  it('R-PAY-1, R-CHAT-2: the notice’s "See the changes" replaces it with each change: name, staff id, what payroll has, what is approved now', async () => {
    await recordExport(slack.c.t.store, CHANGED_EXPORT);
    const [notice] = await payrollNotices(slack.c.t.store, slack.c.t.clock);
    const message: Message = { channel: dmOf(priya), ts: '1700000000.000900', blocks: nudgeBlocks(nudgeView(notice!)) as Message['blocks'] };
    expect(textOf(message)).not.toMatch(/Sam|Alex|TV0|npm/);
    expect(buttonsOf(message.blocks)).toEqual([expect.objectContaining({ action_id: Verbs.payrollChangesShow, value: JSON.stringify(button) })]);

    const screen = await slack.c.pressForMessage(priya, message, Verbs.payrollChangesShow);
    expect(sectionsOf(screen)).toEqual([
      'The 2025 to 2026 cycle: 2 pay recommendations have changed since the payroll export. Payroll still has the earlier figures (exported on Monday 16 March 2026).',
      ...CHANGES,
    ]);
    expect(textOf(screen)).toContain('"text":"Payroll changes"');
  });

  it('R-CHAT-2: /ipp payroll in the head’s DM answers there with the same changes', async () => {
    await recordExport(slack.c.t.store, CHANGED_EXPORT);
    const { ack, posted } = await ipp(priya, 'payroll');
    expect(ack).toBe('');
    expect(sectionsOf(posted).slice(1)).toEqual(CHANGES);
  });

  it.each([
    ['a reviewer', grace],
    ['the reviewee', sam],
  ])('R-PRV-1: %s is refused, typed or pressed, and sees no name, staff id or figure', async (_who, userId) => {
    await recordExport(slack.c.t.store, CHANGED_EXPORT);
    const { posted } = await ipp(userId, 'payroll');
    const pressed = await slack.c.pressForMessage(userId, slack.c.aMessageWith(userId, Verbs.payrollChangesShow, button), Verbs.payrollChangesShow);
    for (const shown of [posted, pressed]) {
      expect(textOf(shown)).toContain('Only the headteacher can see payroll changes.');
      expect(textOf(shown)).not.toMatch(/Alex|TV0|point \d|Payroll has/);
    }
  });

  it('R-PAY-1: with no export recorded yet, and when payroll has what is approved now, the head is told so kindly', async () => {
    const none = await ipp(priya, 'payroll');
    expect(sectionsOf(none.posted)).toEqual([
      'No payroll export has been recorded for the 2025 to 2026 cycle yet, so there is nothing to compare. Its pay changes take effect from Wednesday 1 April 2026. Once your school’s administrator has recorded it, I’ll tell you here if an approved pay recommendation changes afterwards.',
    ]);
    await recordExport(slack.c.t.store, [['TV090', 4, 'increment']]);
    const same = await ipp(priya, 'payroll');
    expect(sectionsOf(same.posted)).toEqual([
      'No approved pay recommendation has changed since the payroll export for the 2025 to 2026 cycle (exported on Monday 16 March 2026). Payroll has the right figures: there is nothing to pass on.',
    ]);
  });

  it('R-PRV-1: /ipp payroll typed in a channel answers the channel only with a pointer; the changes go to the head’s DM', async () => {
    await recordExport(slack.c.t.store, CHANGED_EXPORT);
    const { ack, posted } = await ipp(priya, 'payroll', 'C0001');
    expect(JSON.parse(ack)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('direct messages') as unknown });
    expect(ack).not.toMatch(/Alex|Sam|TV0|Payroll has/);
    expect(sectionsOf(posted).slice(1)).toEqual(CHANGES);
  });
});
