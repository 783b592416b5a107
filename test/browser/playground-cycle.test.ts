import type { Browser, Page } from 'playwright-core';
import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import type { CommandType } from '../../services/case';
import { launchChromium } from '../support/browser';
import { startFakeConnector } from '../support/fake-connector';
import { fillAndSend, say, seen, shown, startPlaygroundFor } from '../support/playground';
import type { RunningPlayground } from '../support/playground';
import { demoTeamsUser } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { actionsOf, teamsClient, textOf } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { launchDemoCycle, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// In the Agents Playground, in a browser: the signed-in head switches to Sam ("act as", local mode only), who
// fills in his self-assessment; later she switches to Grace, his reviewer, who signs the planning statement
// (R-SA-1, R-STM-2, R-CHAT-1). The steps in between are pressed over HTTP as the same people would. The
// button titles are read from the cards the bot returns, so the test follows the forms as they change.
jest.setTimeout(120_000);

const RECORDED = 'Thank you, that’s recorded.';
const sam = demoTeamsUser('p-sam');
const grace = demoTeamsUser('p-grace');
const priya = demoTeamsUser('p-head');
const caseId = caseIdFor('2026-03-01', 'p-sam');

describe('the Playground: a self-assessment and a signature, from two chairs', () => {
  let t: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestServer();
    await launchDemoCycle(t);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await t.stop();
    await connector.close();
  });

  it('R-SA-1, R-STM-2: Sam sends his self-assessment and Grace signs the planning statement, in the browser', async () => {
    const client = teamsClient(t.base, connector.url);
    const on = (day: string) => t.clock.set(`${day}T10:00:00.000Z`);
    const open = (user: TeamsUser) => client.invoke(user, Verbs.caseShow, { caseId });
    const recorded = (card: Card) => expect(textOf(card)).toContain(RECORDED);
    const titleOf = (card: Card, verb: string) => {
      const title = actionsOf(card).find((a) => a.verb === verb)?.title;
      if (!title) throw new Error(`the card offers no ${verb}`);
      return title;
    };
    /** The titles of the button opening `type`'s form on `user`'s card and of the form's send button. */
    const buttonsFor = async (user: TeamsUser, type: CommandType) => {
      const card = await open(user);
      const form = await client.press(user, card, formVerb(type));
      return { open: titleOf(card, formVerb(type)), send: titleOf(form, doVerb(type)) };
    };
    const stored = () => t.store.cases.get(DEMO_SCHOOL_ID, caseId);

    recorded(await client.submit(grace, await client.press(grace, await open(grace), formVerb('meeting.schedule')), { meeting: 'planning', date: '2026-03-16' }));

    playground = await startPlaygroundFor(t.base);
    browser = await launchChromium();
    const page: Page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(playground.url);
    await seen(page, 'Hello Priya');

    // Priya acts as Sam and sends his self-assessment from his own card.
    await actAs(page, 'Sam');
    const selfAssessment = await buttonsFor(sam, 'self-assessment.submit');
    await say(page, 'my appraisal');
    await seen(page, 'Your appraisal');
    await page.getByRole('button', { name: selfAssessment.open, exact: true }).last().click();
    await fillAndSend(page, selfAssessment.send, 'Reading club is going well');
    await seen(page, RECORDED);
    const afterSelfAssessment = await stored();
    expect(afterSelfAssessment?.state.selfAssessments.map((a) => a.meeting)).toEqual(['planning']);
    expect(JSON.stringify(afterSelfAssessment?.state.selfAssessments)).toContain('Reading club is going well');

    // The planning meeting, objectives, moderation and Sam's signature, pressed over HTTP.
    on('2026-03-16');
    recorded(await client.submit(grace, await client.press(grace, await open(grace), formVerb('objective.add')), { 'objective.headline': 'Run the reading club every week', 'objective.targetDate': '' }));
    recorded(await client.press(grace, await open(grace), doVerb('objectives.propose')));
    on('2026-03-17');
    recorded(await client.press(sam, await open(sam), doVerb('objectives.agree')));
    recorded(await client.press(grace, await open(grace), doVerb('planning.submit')));
    on('2026-03-18');
    recorded(await client.press(priya, await client.invoke(priya, Verbs.moderationShow, {}), doVerb('moderation.approve')));
    on('2026-03-19');
    recorded(await client.submit(sam, await client.press(sam, await open(sam), formVerb('statement.sign'))));
    expect((await stored())?.stage).toBe('planning-signatures');

    // Priya acts as Grace, opens Sam's appraisal from her team and signs.
    await actAs(page, 'Grace');
    const sign = await buttonsFor(grace, 'statement.sign');
    const recordedBefore = await shown(page, RECORDED);
    await say(page, 'my team');
    await seen(page, 'Your team’s appraisals');
    await page.getByText('Sam Fielding', { exact: true }).last().locator('xpath=following::button[normalize-space()="Open"][1]').click();
    await seen(page, 'Sam Fielding’s appraisal');
    await page.getByRole('button', { name: sign.open, exact: true }).last().click();
    await fillAndSend(page, sign.send, 'Agreed');
    await seen(page, RECORDED, recordedBefore + 1);
    const signed = await stored();
    expect(signed?.stage).toBe('in-cycle');
    expect(signed?.state.statements.planning.signatures.map((x) => [x.by, x.role])).toEqual([
      ['p-sam', 'reviewee'],
      ['p-grace', 'reviewer'],
    ]);
    expect(signed?.state.statements.planning.signedOn).toBe('2026-03-19');
  });
});

/** Switches who the Playground user is, with the local-mode "act as" picker. */
async function actAs(page: Page, firstName: string): Promise<void> {
  const before = await shown(page, 'You are now acting as');
  await say(page, 'act as');
  await seen(page, 'Act as someone else (local mode)', 1);
  await page.getByRole('button', { name: `Act as ${firstName}`, exact: true }).last().click();
  await seen(page, 'You are now acting as', before + 1);
}
