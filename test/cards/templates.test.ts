import { actAsCard, equalityCard, errorCard, homeCard, templates, welcomeCard } from '../../cards/teams/cards';
import { errorBlocks, homeBlocks, welcomeBlocks } from '../../cards/slack/blocks';
import { actAsView } from '../../cards/views/act-as.view';
import { apologyView, errorView } from '../../cards/views/error.view';
import { equalityFormView } from '../../cards/views/equality.view';
import { homeView } from '../../cards/views/home.view';
import { welcomeView } from '../../cards/views/welcome.view';
import { allVerbs } from '../../cards/verbs';
import { cardProblems, verbsIn } from '../support/card-checks';

// Every template × fixture view-model renders to a valid card, and Slack renders the same view-models.
const fixtures = {
  welcomeStranger: () => welcomeView({ person: null }),
  welcomeHead: () => welcomeView({ person: { firstName: 'Priya', schoolName: 'Test Valley School', roles: new Set(['reviewer', 'headteacher', 'slt'] as const) } }),
  homeNotStarted: () => homeView({ firstName: 'Sam', schoolName: 'Test Valley School', reviewerName: null, appraisal: null }),
  homeUnderway: () =>
    homeView({
      firstName: 'Sam', schoolName: 'Test Valley School', reviewerName: 'Grace Okafor',
      appraisal: { stageLabel: 'Planning', stepNumber: 2, stepCount: 10, next: { text: 'Send your self-assessment', dueInWords: 'Tuesday 5 January' } },
    }),
  homeDone: () => homeView({ firstName: 'Sam', schoolName: 'S', reviewerName: 'G', appraisal: { stageLabel: 'Closed', stepNumber: 10, stepCount: 10, next: null } }),
  error: () => errorView({ code: 'CASE.INVALID_INPUT', message: 'Please check the form.', fields: { headline: 'Write a headline of up to 200 characters.' } }),
  apology: () => apologyView('ref-123'),
};

describe('card templates', () => {
  it.each([
    ['welcome (not on a roster)', () => welcomeCard(fixtures.welcomeStranger())],
    ['welcome (headteacher)', () => welcomeCard(fixtures.welcomeHead())],
    ['home (not started)', () => homeCard(fixtures.homeNotStarted())],
    ['home (under way)', () => homeCard(fixtures.homeUnderway())],
    ['home (finished)', () => homeCard(fixtures.homeDone())],
    ['error with fields', () => errorCard(fixtures.error())],
    ['apology', () => errorCard(fixtures.apology())],
    ['act as (local mode)', () => actAsCard(actAsView('Priya Lockwood', [{ id: 'p-sam', name: 'Sam Fielding', jobTitle: 'Teaching Assistant', roles: [] }]))],
    ['equality questions (answers stored)', () => equalityCard(equalityFormView({ stored: { answers: { gender: 'woman' }, source: 'self', updatedOn: '2026-11-24' }, threshold: 10 }))],
  ])('%s renders to a valid Adaptive Card 1.5 with every binding resolved', (_name, render) => {
    const card = render();
    expect(cardProblems(card)).toEqual([]);
    for (const verb of verbsIn(card)) expect(allVerbs).toContain(verb);
  });

  it('the checks can fail: an unresolved binding, a wrong version and an unknown element are reported', () => {
    const problems = cardProblems({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Nope' }, { type: 'TextBlock', text: '${x}' }] });
    expect(problems.join('\n')).toMatch(/version 1.4/);
    expect(problems.join('\n')).toMatch(/unresolved/);
    expect(problems.join('\n')).toMatch(/Unknown element type "Nope"/);
  });

  it('templates hold bindings only: no verb is written into a template, every verb comes from a view-model', () => {
    const hardCoded = Object.values(templates).flatMap((t) => JSON.stringify(t).match(/ipp\.[a-z.-]+/g) ?? []);
    expect(hardCoded).toEqual([]);
  });

  it('shows the next step with its date in words on the home card', () => {
    expect(JSON.stringify(homeCard(fixtures.homeUnderway()))).toContain('Send your self-assessment, by Tuesday 5 January');
  });

  it('lists what a headteacher can do, and not to someone who is not on a roster', () => {
    expect(JSON.stringify(welcomeCard(fixtures.welcomeHead()))).toContain('launch the cycle');
    expect(JSON.stringify(welcomeCard(fixtures.welcomeStranger()))).not.toContain('launch the cycle');
  });
});

describe('Slack renders the same view-models within Block Kit limits', () => {
  const all = Object.entries(fixtures);
  it.each(all)('%s', (name, build) => {
    const view = build();
    const blocks = name.startsWith('welcome') ? welcomeBlocks(view as never) : name.startsWith('home') ? homeBlocks(view as never) : errorBlocks(view as never);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(blocks);
    for (const m of json.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)) expect((m[1] ?? '').length).toBeLessThanOrEqual(3000);
    for (const m of json.matchAll(/"action_id":"([^"]*)"/g)) expect((m[1] ?? '').length).toBeLessThanOrEqual(255);
    expect(json).toContain(JSON.stringify(view.title).slice(1, -1).slice(0, 20));
  });

  it('escapes what people typed so it cannot become a Slack mention or link', () => {
    const blocks = errorBlocks(errorView({ code: 'X', message: 'Objective <!channel> & <https://evil.example|click>' }));
    expect(JSON.stringify(blocks)).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
  });
});
