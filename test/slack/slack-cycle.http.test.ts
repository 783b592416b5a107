import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import type { CommandType } from '../../services/case';
import { createSchoolPolicy } from '../../services/policy';
import { launchDemoCycle } from '../support/test-server';
import { loopbackOnly, SLACK_IDS, startSlackTest, textOf } from './slack-client';
import type { Message, SlackTest } from './slack-client';

// A whole cycle in Slack for each policy, over signed HTTP on loopback, each step by the person whose turn it
// is pressing a button their message offers; every Web API call is recorded and its body checked (Block Kit's
// limits, DMs only, the pressed message updated, the modal opened with the press's trigger) (R-CHAT-1, R-CHAT-2,
// R-CYC-1, R-DL-3, R-MOD-1, R-PAY-1, R-STM-1, R-STM-2).
type Days = { start: string; open: string; plan: string; agree: string; sign: string; interimSet: string; interim: string; finalSet: string; final: string; review: string };
const CASES: { preset: string; days: Days }[] = [
  { preset: 'test-valley', days: { start: '2026-03-01', open: '2026-03-02', plan: '2026-03-16', agree: '2026-03-17', sign: '2026-03-19', interimSet: '2026-09-01', interim: '2026-09-14', finalSet: '2027-02-01', final: '2027-02-15', review: '2027-02-17' } },
  { preset: 'propeller', days: { start: '2026-01-01', open: '2026-01-05', plan: '2026-01-19', agree: '2026-01-20', sign: '2026-01-22', interimSet: '2026-06-01', interim: '2026-06-15', finalSet: '2026-11-02', final: '2026-11-16', review: '2026-11-20' } },
  { preset: 'spt', days: { start: '2026-09-01', open: '2026-09-07', plan: '2026-09-21', agree: '2026-09-22', sign: '2026-09-24', interimSet: '2027-02-01', interim: '2027-02-22', finalSet: '2027-09-01', final: '2027-09-20', review: '2027-09-24' } },
  { preset: 'hampshire-model', days: { start: '2026-09-01', open: '2026-09-07', plan: '2026-09-21', agree: '2026-09-22', sign: '2026-09-24', interimSet: '2027-02-01', interim: '2027-02-22', finalSet: '2027-09-20', final: '2027-10-04', review: '2027-10-08' } },
];
const sam = SLACK_IDS['p-sam'];
const grace = SLACK_IDS['p-grace'];
const priya = SLACK_IDS['p-head'];

describe('a whole cycle in Slack, per policy', () => {
  jest.setTimeout(30_000);
  let c: SlackTest;
  loopbackOnly();
  afterEach(async () => c.stop());

  it.each(CASES)('R-CHAT-1: $preset — launch to a signed review statement, every step from a Slack button or modal', async ({ preset, days }) => {
    c = await startSlackTest({ preset });
    const policy = createSchoolPolicy({ presetId: preset });
    if (!policy.ok) throw new Error(policy.error.message);
    await launchDemoCycle(c.t, days.open);
    const caseId = caseIdFor(days.start, 'p-sam');
    const on = (day: string) => c.t.clock.set(`${day}T10:00:00.000Z`);
    const stage = async () => (await c.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.stage;
    const recorded = (m: Message) => expect(textOf(m)).toContain('Thank you, that’s recorded.');
    const form = async (user: string, type: CommandType, values: Record<string, string> = {}) =>
      recorded(await c.submit(user, await c.pressForModal(user, await c.open(user, caseId), formVerb(type)), values));
    const run = async (user: string, type: CommandType) => recorded(await c.pressForMessage(user, await c.open(user, caseId), doVerb(type)));
    const fromQueue = async (type: CommandType) => {
      const queue = await c.pressForMessage(priya, c.aMessageWith(priya, Verbs.moderationShow, {}), Verbs.moderationShow);
      recorded(await c.pressForMessage(priya, queue, doVerb(type), (d) => d.caseId === caseId));
    };

    // Planning: the meeting, the self-assessment, an objective, agreement, moderation, both signatures.
    await form(grace, 'meeting.schedule', { meeting: 'planning', date: days.plan });
    await form(sam, 'self-assessment.submit');
    on(days.plan);
    await form(grace, 'objective.add', { 'objective.headline': 'Run the reading club every week' });
    await run(grace, 'objectives.propose');
    on(days.agree);
    await run(sam, 'objectives.agree');
    await run(grace, 'planning.submit');
    expect(await stage()).toBe('planning-moderation');
    await fromQueue('moderation.approve');
    on(days.sign);
    const signing = await c.pressForModal(sam, await c.open(sam, caseId), formVerb('statement.sign'));
    expect(textOf(signing.view)).toMatch(/fingerprint [0-9a-f]{8}/);
    recorded(await c.submit(sam, signing));
    await form(grace, 'statement.sign');
    expect(await stage()).toBe('in-cycle');

    // Interim review.
    on(days.interimSet);
    await form(grace, 'meeting.schedule', { meeting: 'interim', date: days.interim });
    await form(sam, 'self-assessment.submit');
    on(days.interim);
    await form(grace, 'interim.record', { finalReviewDate: days.final });

    // Final review, pay where the policy has it, the review statement signed by both.
    on(days.finalSet);
    await form(grace, 'meeting.schedule', { meeting: 'final', date: days.final });
    await form(sam, 'self-assessment.submit');
    on(days.final);
    await form(sam, 'final.self-review');
    await form(grace, 'final.assess');
    if (policy.value.payProgression) {
      await form(grace, 'pay.recommend', { recommendation: 'increment' });
      await fromQueue('pay.approve');
    } else {
      await run(grace, 'review.send-draft');
    }
    on(days.review);
    if ((await stage()) === 'review-draft') {
      await form(sam, 'statement.comment', { text: 'I would like the staffing gap noted' });
      await run(grace, 'review.finalise');
    }
    await form(sam, 'statement.sign');
    await form(grace, 'statement.sign');
    expect(await stage()).toBe('appeal-window');

    // Every Web API call was read by a step above, and every body was within Block Kit's limits, in a DM.
    expect(c.api.problems).toEqual([]);
    expect(c.unread()).toEqual([]);
    expect(c.api.calls.length).toBeGreaterThan(60);
  });
});
