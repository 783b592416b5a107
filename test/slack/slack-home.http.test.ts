import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { aSlashCommand } from '../support/slack-requests';
import { launchDemoCycle } from '../support/test-server';
import { buttonsOf, SLACK_IDS, textOf, useSlackTest } from './slack-client';
import { dmOf } from './slack-web-api';

// The App Home, the /ipp command and the "Open my appraisal" shortcut (R-CHAT-1, R-CHAT-2, R-MOD-1): my
// appraisal with its progress and next deadline, a reviewer's team, the head's queue with approve and send
// back — pressed from the Home, answered in the DM, and the Home published again without the spent buttons.
const { 'p-sam': sam, 'p-grace': grace, 'p-head': priya, 'p-tom': tom } = SLACK_IDS;
const caseId = caseIdFor('2026-03-01', 'p-sam');

describe('App Home, /ipp and the shortcut in Slack', () => {
  const slack = useSlackTest({ everyMessageRead: true });
  const stage = async () => (await slack.c.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.stage;
  /** Sam's planning done up to the head's moderation, through Slack. */
  async function toModeration() {
    const submit = async (user: string, type: Parameters<typeof formVerb>[0], values: Record<string, string> = {}) =>
      slack.c.submit(user, await slack.c.pressForModal(user, await slack.c.open(user, caseId), formVerb(type)), values);
    const run = async (user: string, type: Parameters<typeof doVerb>[0]) => slack.c.pressForMessage(user, await slack.c.open(user, caseId), doVerb(type));
    await submit(grace, 'meeting.schedule', { meeting: 'planning', date: '2026-03-16' });
    slack.c.t.clock.set('2026-03-16T10:00:00.000Z');
    await submit(grace, 'objective.add', { 'objective.headline': 'Run the reading club every week' });
    await run(grace, 'objectives.propose');
    await run(sam, 'objectives.agree');
    await run(grace, 'planning.submit');
    expect(await stage()).toBe('planning-moderation');
  }


  it('R-CHAT-2: before the cycle starts, the Home says so kindly, with who the reviewer will be', async () => {
    const home = textOf(await slack.c.home(sam));
    expect(home).toContain('Sam, your appraisal');
    expect(home).toContain('Grace Okafor');
  });

  it('R-CHAT-2: the Home shows my appraisal with its progress and next step by date in words; a reviewer also sees their team', async () => {
    await launchDemoCycle(slack.c.t);
    const mine = textOf(await slack.c.home(sam));
    expect(mine).toMatch(/Step \d+ of \d+/i);
    expect(mine).toMatch(/[▰▱]{10}/);
    expect(mine).toMatch(/Next: .*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+/);
    const graces = await slack.c.home(grace);
    expect(textOf(graces)).toContain('Your team’s appraisals');
    expect(textOf(graces)).toContain('Sam Fielding');
    expect(textOf(graces)).toContain('Nadia Marsh');
    expect(buttonsOf(graces.blocks).some((b) => b.action_id?.startsWith(Verbs.caseShow))).toBe(true);
  });

  it('R-PAY-1, R-RPT-3: the Home offers each person the screens their role opens, beside their equality questions; pressed, each answers in the DM', async () => {
    await launchDemoCycle(slack.c.t);
    const own = [Verbs.equalityShow, Verbs.setupShow, Verbs.payrollChangesShow, Verbs.cpdShow];
    const offered = async (user: string) => buttonsOf((await slack.c.home(user)).blocks).map((b) => b.action_id?.split('#')[0]).filter((v) => own.includes(v as never));
    expect(await offered(priya)).toEqual(own);
    expect(await offered(tom)).toEqual([Verbs.equalityShow, Verbs.cpdShow]);
    expect(await offered(sam)).toEqual([Verbs.equalityShow]);

    await slack.c.pressInHome(tom, await slack.c.home(tom), Verbs.cpdShow);
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(tom);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('Training needs');
    await slack.c.pressInHome(priya, await slack.c.home(priya), Verbs.payrollChangesShow);
    const [payroll] = await slack.c.next(['chat.postMessage']);
    expect(payroll?.body.channel).toBe(priya);
    expect(textOf(payroll?.body as { blocks: unknown })).toContain('Payroll changes');
  });

  it('R-MOD-1: the head approves from the Home: the case comes to her DM, and the Home is published again without it', async () => {
    await launchDemoCycle(slack.c.t);
    await toModeration();
    const home = await slack.c.home(priya);
    expect(textOf(home)).toContain('Sam Fielding — planning statement');
    expect(buttonsOf(home.blocks).filter((b) => JSON.parse(b.value ?? '{}').caseId === caseId).map((b) => b.action_id?.split('#')[0])).toEqual(
      expect.arrayContaining([Verbs.caseShow, doVerb('moderation.approve'), formVerb('moderation.refer-back')]),
    );
    await slack.c.pressInHome(priya, home, doVerb('moderation.approve'), (d) => d.caseId === caseId);
    const [posted, published] = await slack.c.next(['chat.postMessage', 'views.publish']);
    expect(posted?.body.channel).toBe(priya);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('Thank you, that’s recorded.');
    expect(textOf(published?.body.view as { blocks: unknown })).not.toContain('Sam Fielding — planning statement');
    expect(await stage()).toBe('planning-signatures');
  });

  it('R-MOD-1: the head sends back from the Home with a reason in a modal; the Home is published again', async () => {
    await launchDemoCycle(slack.c.t);
    await toModeration();
    const home = await slack.c.home(priya);
    await slack.c.pressInHome(priya, home, formVerb('moderation.refer-back'), (d) => d.caseId === caseId);
    const [opened] = await slack.c.next(['views.open']);
    const modal = { view: opened?.body.view as never, origin: null };
    const answer = await slack.c.submit(priya, modal, { reason: 'Please make the objective measurable' });
    expect(textOf(answer)).toContain('Thank you, that’s recorded.');
    expect(await stage()).toBe('planning');
  });

  it.each<[string, string, string, string]>([
    ['help', sam, 'help', 'Hello Sam'],
    ['status', sam, 'status', 'Your appraisal'],
    ['objectives', sam, 'objectives', 'Your appraisal'],
    ['self-assessment', sam, 'self-assessment', 'Your appraisal'],
    ['my team', grace, 'my team', 'Your team’s appraisals'],
    ['moderation', priya, 'moderation', 'Waiting for you'],
    ['setup (the head)', priya, 'setup', 'set-up'],
    ['launch (the head, a preview)', priya, 'launch', 'Launch the cycle'],
    ['unreachable (the head)', priya, 'unreachable', 'reach'],
    ['moderation (not the head)', sam, 'moderation', 'Only the headteacher'],
    ['words it does not know', sam, 'please file my taxes', 'Sorry, I didn’t understand that'],
  ])('R-CHAT-1: /ipp %s is answered in the DM, as in Teams', async (_name, user, text, expected) => {
    await launchDemoCycle(slack.c.t);
    await slack.c.send(aSlashCommand(user, text, { channel_id: dmOf(user), channel_name: 'directmessage' }), 'form');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(user);
    expect(textOf(posted?.body as { blocks: unknown })).toContain(expected);
  });

  it('R-CHAT-1: the "Open my appraisal" shortcut DMs the person their case', async () => {
    await launchDemoCycle(slack.c.t);
    await slack.c.send(slack.c.interaction({ type: 'shortcut', callback_id: 'ipp.home.open', trigger_id: 't1', user: { id: sam, team_id: 'T0001' }, action_ts: '1' }), 'form');
    const [posted] = await slack.c.next(['chat.postMessage']);
    expect(posted?.body.channel).toBe(sam);
    expect(textOf(posted?.body as { blocks: unknown })).toContain('Your appraisal');
  });
});
