import { nextDeliveryInstant } from '../../services/policy/delivery-window';
import { reminderId } from '../../services/nudges/planner';
import { ALEX, aCaseWorld, JORDAN, PRIYA, SCHOOL, STORES } from './case-world';
import type { CaseWorld, StoreKind } from './case-world';

// A case command, through executeCaseCommand on a real store, then one outbox sweep: the right notice reaches
// the right person, and the step it opens is planned as reminders in each person's delivery window, escalating
// to the reviewer then the head; doing the step cancels them (R-CHAT-1, R-CHAT-3, R-CAL-1, R-PRV-1).

const RULE = 'step.self-assessment';

/** One scenario: when the reviewer sets the planning meeting, and what Alex's self-assessment step becomes. */
interface Scenario {
  name: string;
  now: string;
  meeting: string;
  meetingInWords: string;
  alexTermTimeOnly: boolean;
  settings: object;
  due: string;
  /** slot → [recipient, instant] */
  reminders: Record<string, [string, string]>;
}

const SCENARIOS: Scenario[] = [
  {
    // Clocks go forward on Sunday 29 March 2026: 08:30 London is 08:30Z before it and 07:30Z after it.
    name: 'R-CAL-1: across the spring clock change, every reminder is at 08:30 London time (GMT, then BST), escalations skip Good Friday and Easter Monday',
    now: '2026-03-16T10:00:00.000Z', meeting: '2026-03-31', meetingInWords: 'Tuesday 31 March', alexTermTimeOnly: false, settings: {}, due: '2026-03-30',
    reminders: {
      'before-5': [ALEX, '2026-03-23T08:30:00.000Z'],
      'before-1': [ALEX, '2026-03-27T08:30:00.000Z'],
      due: [ALEX, '2026-03-30T07:30:00.000Z'],
      'overdue-1-owner': [ALEX, '2026-03-31T07:30:00.000Z'],
      'overdue-3-reviewer': [PRIYA, '2026-04-02T07:30:00.000Z'],
      'overdue-5-head': [JORDAN, '2026-04-08T07:30:00.000Z'],
    },
  },
  {
    // Clocks go back on Sunday 25 October 2026: 08:30 London is 07:30Z before it and 08:30Z after it.
    name: 'R-CAL-1: across the autumn clock change, every reminder is at 08:30 London time (BST, then GMT)',
    now: '2026-10-12T09:00:00.000Z', meeting: '2026-10-27', meetingInWords: 'Tuesday 27 October', alexTermTimeOnly: false, settings: {}, due: '2026-10-26',
    reminders: {
      'before-5': [ALEX, '2026-10-19T07:30:00.000Z'],
      'before-1': [ALEX, '2026-10-23T07:30:00.000Z'],
      due: [ALEX, '2026-10-26T08:30:00.000Z'],
      'overdue-1-owner': [ALEX, '2026-10-27T08:30:00.000Z'],
      'overdue-3-reviewer': [PRIYA, '2026-10-29T08:30:00.000Z'],
      'overdue-5-head': [JORDAN, '2026-11-02T08:30:00.000Z'],
    },
  },
  {
    // Alex works term-time only; the Easter holidays (30 March to 10 April) are closures. Deadlines still count
    // them (the default), so the self-assessment is due Monday 13 April; both lead days fall in the holidays and
    // move back to Alex's last day before breaking up, where only the nearer one is kept.
    name: 'R-CHAT-3: term-time-only staff are reminded before they break up, never in the holidays',
    now: '2026-03-16T10:00:00.000Z', meeting: '2026-04-14', meetingInWords: 'Tuesday 14 April', alexTermTimeOnly: true,
    settings: { closures: [{ from: '2026-03-30', to: '2026-04-10', name: 'Easter holidays', kind: 'holiday' }] }, due: '2026-04-13',
    reminders: {
      'before-1': [ALEX, '2026-03-27T08:30:00.000Z'],
      due: [ALEX, '2026-04-13T07:30:00.000Z'],
      'overdue-1-owner': [ALEX, '2026-04-14T07:30:00.000Z'],
      'overdue-3-reviewer': [PRIYA, '2026-04-16T07:30:00.000Z'],
      'overdue-5-head': [JORDAN, '2026-04-20T07:30:00.000Z'],
    },
  },
];

describe.each(STORES)('case effects become notices and reminders, on the %s store', (kind: StoreKind) => {
  let w: CaseWorld;
  afterEach(async () => w.close());

  it.each(SCENARIOS)('$name', async (sc) => {
    w = await aCaseWorld(kind, sc.now, { settings: sc.settings, alexTermTimeOnly: sc.alexTermTimeOnly });
    await w.open();
    await w.outbox.sweep();
    const meetingReminders = (await w.pending()).filter((r) => r.rule === 'step.planning-meeting');
    expect(meetingReminders.map((r) => r.recipientId)).toContain(PRIYA);
    const sentBefore = w.teams.sent.length;

    const scheduled = await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: sc.meeting });
    const report = await w.outbox.sweep();
    expect(report.read).toBe(2);

    // The notice: one to Alex, kind and plain, with the date in words and one button to open the appraisal.
    expect(w.teams.sent.length).toBe(sentBefore + 1);
    const [notice] = w.sentTo(ALEX).slice(-1);
    expect(notice).toMatchObject({ kind: 'notice', title: 'A date is set for your appraisal meeting', due: sc.meeting });
    expect(notice?.lines).toEqual(['Please fill in the self-assessment before the meeting.', `The meeting is on ${sc.meetingInWords}.`]);
    expect(notice?.open).toEqual({ verb: 'ipp.case.show', title: 'Open the appraisal', caseId: w.caseId, version: scheduled.version });

    // The reminders: exactly these ids, recipients and instants; each inside its recipient's delivery window.
    const step = await w.step(RULE);
    expect(step.due).toBe(sc.due);
    const planned = (await w.pending()).filter((r) => r.rule === RULE);
    const expected = Object.entries(sc.reminders).map(([slot, [to, at]]) => ({ id: reminderId(w.caseId, RULE, step.occurrence, slot), recipientId: to, dueAt: at }));
    expect(planned.map((r) => ({ id: r.id, recipientId: r.recipientId, dueAt: r.dueAt })).sort((a, b) => a.dueAt.localeCompare(b.dueAt))).toEqual(expected);
    for (const r of planned) {
      const person = await w.store.people.get(SCHOOL, r.recipientId);
      const window = await w.policies.windowFor(person!);
      expect(nextDeliveryInstant(new Date(r.dueAt), window).toISOString()).toBe(r.dueAt);
    }
    // The meeting's own step was done by setting the date: its reminders are cancelled.
    for (const r of meetingReminders) expect((await w.store.reminders.get(SCHOOL, r.id))?.state).toBe('cancelled');

    // Alex sends the self-assessment: every one of its reminders is cancelled in the same write.
    await w.run('reviewee', { type: 'self-assessment.submit', meeting: 'planning', wentWell: 'Ran the reading catch-up group' });
    for (const r of planned) expect((await w.store.reminders.get(SCHOOL, r.id))?.state).toBe('cancelled');
    await w.outbox.sweep();
    const [toPriya] = w.sentTo(PRIYA).slice(-1);
    expect(toPriya?.title).toBe('Alex Morgan has sent their self-assessment');
    // R-PRV-1: nothing Alex wrote is in any message.
    expect(JSON.stringify(w.teams.sent)).not.toContain('reading catch-up');
  });
});
