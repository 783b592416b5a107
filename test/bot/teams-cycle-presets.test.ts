import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import type { CommandType } from '../../services/case';
import { createSchoolPolicy } from '../../services/policy';
import { startFakeConnector } from '../support/fake-connector';
import { demoTeamsUser } from '../support/teams-activities';
import { teamsClient, textOf } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { launchDemoCycle, startTestServer } from '../support/test-server';

// A whole cycle in Teams for each of the other three policies, with each policy's own dates and steps: no pay
// progression in propeller (the reviewer sends the draft review statement), spt's five working days' notice
// for meeting papers, hampshire-model's autumn final review (R-CYC-1, R-DL-3, R-PAY-1, R-STM-1, R-CHAT-1).
type Days = { start: string; open: string; plan: string; agree: string; sign: string; interimSet: string; interim: string; finalSet: string; final: string; review: string };
const CASES: { preset: string; settings?: object; days: Days }[] = [
  { preset: 'propeller', days: { start: '2026-01-01', open: '2026-01-05', plan: '2026-01-19', agree: '2026-01-20', sign: '2026-01-22', interimSet: '2026-06-01', interim: '2026-06-15', finalSet: '2026-11-02', final: '2026-11-16', review: '2026-11-20' } },
  { preset: 'spt', days: { start: '2026-09-01', open: '2026-09-07', plan: '2026-09-21', agree: '2026-09-22', sign: '2026-09-24', interimSet: '2027-02-01', interim: '2027-02-22', finalSet: '2027-09-01', final: '2027-09-20', review: '2027-09-24' } },
  { preset: 'hampshire-model', days: { start: '2026-09-01', open: '2026-09-07', plan: '2026-09-21', agree: '2026-09-22', sign: '2026-09-24', interimSet: '2027-02-01', interim: '2027-02-22', finalSet: '2027-09-20', final: '2027-10-04', review: '2027-10-08' } },
];
const sam = demoTeamsUser('p-sam');
const grace = demoTeamsUser('p-grace');
const priya = demoTeamsUser('p-head');

describe('a whole cycle in Teams, per policy', () => {
  jest.setTimeout(60_000);
  it.each(CASES)('R-CHAT-1: $preset — launch to a signed review statement', async ({ preset, days }) => {
    const connector = await startFakeConnector();
    const t = await startTestServer();
    try {
      const school = await t.store.schools.get(DEMO_SCHOOL_ID);
      if (!school) throw new Error('no demo school');
      await t.store.schools.save({ ...school, presetId: preset }, school.version);
      const policy = createSchoolPolicy({ presetId: preset });
      if (!policy.ok) throw new Error(policy.error.message);
      await launchDemoCycle(t, days.open);
      const caseId = caseIdFor(days.start, 'p-sam');
      const client = teamsClient(t.base, connector.url);
      const on = (day: string) => t.clock.set(`${day}T10:00:00.000Z`);
      const open = (user: typeof sam) => client.invoke(user, Verbs.caseShow, { caseId });
      const form = async (user: typeof sam, type: CommandType) => client.press(user, await open(user), formVerb(type));
      const run = async (user: typeof sam, type: CommandType) => client.press(user, await open(user), doVerb(type));
      const recorded = (card: Card) => expect(textOf(card)).toContain('Thank you, that’s recorded.');
      const stage = async () => (await t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.stage;

      recorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'planning', date: days.plan }));
      recorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
      on(days.plan);
      recorded(await client.submit(grace, await form(grace, 'objective.add'), { 'objective.headline': 'Run the reading club every week', 'objective.targetDate': '' }));
      recorded(await run(grace, 'objectives.propose'));
      on(days.agree);
      recorded(await run(sam, 'objectives.agree'));
      recorded(await run(grace, 'planning.submit'));
      recorded(await client.press(priya, await client.invoke(priya, Verbs.moderationShow, {}), doVerb('moderation.approve')));
      on(days.sign);
      recorded(await client.submit(sam, await form(sam, 'statement.sign')));
      recorded(await client.submit(grace, await form(grace, 'statement.sign')));
      expect(await stage()).toBe('in-cycle');

      on(days.interimSet);
      recorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'interim', date: days.interim }));
      recorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
      on(days.interim);
      recorded(await client.submit(grace, await form(grace, 'interim.record'), { finalReviewDate: days.final }));

      on(days.finalSet);
      recorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'final', date: days.final }));
      recorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
      on(days.final);
      recorded(await client.submit(sam, await form(sam, 'final.self-review')));
      recorded(await client.submit(grace, await form(grace, 'final.assess')));
      if (policy.value.payProgression) {
        recorded(await client.submit(grace, await form(grace, 'pay.recommend'), { recommendation: 'increment' }));
        recorded(await client.press(priya, await client.invoke(priya, Verbs.moderationShow, {}), doVerb('pay.approve')));
      } else {
        recorded(await run(grace, 'review.send-draft'));
      }
      on(days.review);
      expect(await stage()).toBe(policy.value.draftStatementForComment ? 'review-draft' : 'review-signatures');
      if (policy.value.draftStatementForComment) {
        recorded(await client.submit(sam, await form(sam, 'statement.comment'), { text: 'I would like the staffing gap noted' }));
        recorded(await run(grace, 'review.finalise'));
      }
      recorded(await client.submit(sam, await form(sam, 'statement.sign')));
      recorded(await client.submit(grace, await form(grace, 'statement.sign')));
      expect(await stage()).toBe('appeal-window');
    } finally {
      await t.stop();
      await connector.close();
    }
  });
});
