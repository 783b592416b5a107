import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { demoTeamsUser } from '../support/teams-activities';
import { teamsClient, textOf } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { launchDemoCycle } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// A whole cycle in Teams, driven by the right people pressing the buttons their cards offer, over real HTTP
// on loopback (R-CHAT-1, R-CHAT-2, R-MOD-1, R-PAY-1, R-STM-2). Each step opens the person's card first, so a
// button that the case does not offer them fails the test.
const userOf = demoTeamsUser;
const sam = userOf('p-sam');
const grace = userOf('p-grace');
const priya = userOf('p-head');

describe('a whole cycle in Teams (test-valley)', () => {
  jest.setTimeout(60_000);
  const server = useTeamsServer({ shared: true });

  it('R-CHAT-1: from launch to a signed review statement, each step by the person whose turn it is', async () => {
    const caseId = caseIdFor('2026-03-01', 'p-sam');
    const client = teamsClient(server.t.base, server.connector.url);
    const on = (day: string) => server.t.clock.set(`${day}T10:00:00.000Z`);
    const open = (user: typeof sam) => client.invoke(user, Verbs.caseShow, { caseId });
    const form = async (user: typeof sam, type: Parameters<typeof formVerb>[0]) => client.press(user, await open(user), formVerb(type));
    const run = async (user: typeof sam, type: Parameters<typeof doVerb>[0]) => client.press(user, await open(user), doVerb(type));
    const expectRecorded = (card: Card) => expect(textOf(card)).toContain('Thank you, that’s recorded.');
    const stage = async () => (await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.stage;

    await launchDemoCycle(server.t);

    // Planning (R-DL-3, R-SA-1, R-OBJ-1, R-OBJ-4, R-PDP-1).
    expectRecorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'planning', date: '2026-03-16' }));
    expectRecorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
    on('2026-03-16');
    for (const headline of ['Run the reading club every week', 'Keep the library records up to date']) {
      expectRecorded(await client.submit(grace, await form(grace, 'objective.add'), { 'objective.headline': headline, 'objective.targetDate': '' }));
    }
    expectRecorded(await client.submit(sam, await form(sam, 'development-plan.set'), { 'goals.0.goal': 'First aid certificate', 'goals.0.timescale': 'By Easter' }));
    expectRecorded(await run(grace, 'objectives.propose'));
    on('2026-03-17');
    expectRecorded(await run(sam, 'objectives.agree'));
    expectRecorded(await run(grace, 'planning.submit'));
    expect(await stage()).toBe('planning-moderation');

    // The head moderates from her queue (R-MOD-1, R-CHAT-2).
    on('2026-03-18');
    const queue = await client.invoke(priya, Verbs.moderationShow, {});
    expect(textOf(queue)).toContain('Sam Fielding — planning statement');
    expectRecorded(await client.press(priya, queue, doVerb('moderation.approve')));

    // Both sign the planning statement they were shown (R-STM-2).
    on('2026-03-19');
    const signForm = await form(sam, 'statement.sign');
    expect(textOf(signForm)).toMatch(/fingerprint [0-9a-f]{8}/);
    expectRecorded(await client.submit(sam, signForm));
    expectRecorded(await client.submit(grace, await form(grace, 'statement.sign')));
    expect(await stage()).toBe('in-cycle');

    // Interim review (R-INT-1).
    on('2026-09-01');
    expectRecorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'interim', date: '2026-09-14' }));
    expectRecorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
    on('2026-09-14');
    expectRecorded(await client.submit(grace, await form(grace, 'interim.record'), { finalReviewDate: '2027-02-15' }));

    // Final review, pay recommendation approved by the head before Sam sees it (R-FIN-1, R-PAY-1).
    on('2027-02-01');
    expectRecorded(await client.submit(grace, await form(grace, 'meeting.schedule'), { meeting: 'final', date: '2027-02-15' }));
    expectRecorded(await client.submit(sam, await form(sam, 'self-assessment.submit')));
    on('2027-02-15');
    expectRecorded(await client.submit(sam, await form(sam, 'final.self-review')));
    expectRecorded(await client.submit(grace, await form(grace, 'final.assess'), { 'objectives.0.rating': 'met', 'objectives.1.rating': 'exceeded' }));
    expectRecorded(await client.submit(grace, await form(grace, 'pay.recommend'), { recommendation: 'increment' }));
    expect(textOf(await open(sam))).not.toContain('Increment');
    const payQueue = await client.invoke(priya, Verbs.moderationShow, {});
    expectRecorded(await client.press(priya, payQueue, doVerb('pay.approve')));

    // The review statement: sent for comments where the policy asks, then signed by both (R-STM-1, R-STM-2).
    on('2027-02-17');
    expect(await stage()).toBe('review-draft');
    expectRecorded(await client.submit(sam, await form(sam, 'statement.comment'), { text: 'I would like the extra reading groups noted' }));
    expectRecorded(await run(grace, 'review.finalise'));
    expect((await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.state.statements.review.comments.map((c) => c.text)).toEqual(['I would like the extra reading groups noted']);
    expectRecorded(await client.submit(sam, await form(sam, 'statement.sign')));
    expectRecorded(await client.submit(grace, await form(grace, 'statement.sign')));
    expect(await stage()).toBe('appeal-window');
    expect(textOf(await open(sam))).toContain('Increment');

    // R-DL-1: once the informal window has passed, raising concerns is refused and nothing is stored.
    on('2027-03-19');
    const before = await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId);
    const late = await client.invoke(sam, doVerb('appeal.raise'), { caseId, version: before?.version ?? 0, statement: 'review', grounds: 'Too late' });
    expect(textOf(late)).not.toContain('Thank you, that’s recorded.');
    expect((await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId))?.version).toBe(before?.version);
  });

  it('R-ROLE-1, R-PRV-1: the wrong person, a stale card and bad input are answered clearly and change nothing', async () => {
    const client = teamsClient(server.t.base, server.connector.url);
    const caseId = caseIdFor('2026-03-01', 'p-nadia');
    const stored = async () => server.t.store.cases.get(DEMO_SCHOOL_ID, caseId);
    const start = await stored();
    expect(start).not.toBeNull();
    const version = start?.version ?? 0;
    const nadia = userOf('p-nadia');

    // Nadia cannot propose her own objectives: that is her reviewer's step.
    const wrong = await client.invoke(nadia, doVerb('objectives.propose'), { caseId, version });
    expect(textOf(wrong)).toMatch(/reviewer|can’t|cannot|only/i);
    // Someone with no part in her appraisal cannot even see it.
    expect(textOf(await client.invoke(userOf('p-owen'), doVerb('meeting.schedule'), { caseId, version, meeting: 'planning', date: '2027-03-20' }))).toContain('I can’t find that appraisal');
    // A card from before the last change is refreshed with a note.
    expect(textOf(await client.invoke(grace, doVerb('meeting.schedule'), { caseId, version: version - 1, meeting: 'planning', date: '2027-03-20' }))).toContain('out of date');
    // A date that is not a date: the form comes back saying what is wrong.
    const bad = await client.invoke(grace, doVerb('meeting.schedule'), { caseId, version, meeting: 'planning', date: 'next Tuesday' });
    expect(textOf(bad)).toContain('must be a real date');
    expect(await stored()).toEqual(start);
  });
});
