import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { dateInWords } from '../../services/shared/london-time';
import { cardKind } from '../support/card-kinds';
import type { CardKind } from '../support/card-kinds';
import { demoTeamsUser } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { teamsClient } from '../support/teams-client';
import { useTeamsServer } from './teams-harness';

// Every refused card action over HTTP on loopback: the wrong person, someone with no part in the appraisal, a
// stale card, bad input, a button missing its data, a deadline passed. Each is answered with the card that says
// so — the case with a banner, the form with what is wrong, or an error card — and nothing is stored: every case
// of the cycle is the same before and after (R-ROLE-1, R-PRV-1, R-DL-1, R-CHAT-1).
const CYCLE = '2026-03-01';
const nadiaCase = caseIdFor(CYCLE, 'p-nadia');
const nadia = demoTeamsUser('p-nadia');
const grace = demoTeamsUser('p-grace');
const priya = demoTeamsUser('p-head');
const stranger: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-999999999999', name: 'Alex Morgan', tenantId: demoTeamsUser('p-head').tenantId };

type Refusal = { name: string; user: TeamsUser; verb: string; data: (version: number) => Record<string, unknown>; expected: (kind: CardKind) => void };

const caseWith = (style: string, text: RegExp) => (k: CardKind) => {
  expect(k.kind).toBe('case');
  if (k.kind === 'case') {
    expect(k.banner?.style).toBe(style);
    expect(k.banner?.text).toMatch(text);
  }
};
const formWith = (text: RegExp) => (k: CardKind) => {
  expect(k.kind).toBe('form');
  if (k.kind === 'form') {
    expect(k.errors).toHaveLength(1);
    expect(k.errors[0]).toMatch(text);
  }
};
const errorWith = (text: RegExp) => (k: CardKind) => {
  expect(k.kind).toBe('error');
  if (k.kind === 'error') expect(k.message).toMatch(text);
};
const schedule = (version: number, date: string) => ({ caseId: nadiaCase, version, meeting: 'planning', date });

const REFUSALS: Refusal[] = [
  { name: 'the reviewee proposing her own objectives', user: nadia, verb: doVerb('objectives.propose'), data: (v) => ({ caseId: nadiaCase, version: v }), expected: caseWith('attention', /^Only .*reviewer/) },
  { name: 'the reviewee scheduling her own meeting', user: nadia, verb: doVerb('meeting.schedule'), data: (v) => schedule(v, '2026-03-20'), expected: caseWith('attention', /^Only /) },
  { name: 'a colleague with no part in the appraisal', user: demoTeamsUser('p-owen'), verb: doVerb('meeting.schedule'), data: (v) => schedule(v, '2026-03-20'), expected: errorWith(/can’t find that appraisal/) },
  { name: 'a colleague asking for the form', user: demoTeamsUser('p-owen'), verb: formVerb('meeting.schedule'), data: (v) => ({ caseId: nadiaCase, version: v }), expected: errorWith(/can’t find that appraisal/) },
  { name: 'someone the school has not linked', user: stranger, verb: doVerb('meeting.schedule'), data: (v) => schedule(v, '2026-03-20'), expected: errorWith(/don’t know you yet/) },
  { name: 'a card from before the last change', user: grace, verb: doVerb('meeting.schedule'), data: (v) => schedule(v - 1, '2026-03-20'), expected: caseWith('warning', /out of date, so nothing was changed/) },
  { name: 'a card from a version not reached yet', user: grace, verb: doVerb('meeting.schedule'), data: (v) => schedule(v + 7, '2026-03-20'), expected: caseWith('warning', /out of date, so nothing was changed/) },
  { name: 'a card with no version', user: grace, verb: doVerb('meeting.schedule'), data: () => ({ caseId: nadiaCase, meeting: 'planning', date: '2026-03-20' }), expected: caseWith('warning', /out of date/) },
  { name: 'an old form asked for', user: grace, verb: formVerb('meeting.schedule'), data: (v) => ({ caseId: nadiaCase, version: v - 1 }), expected: caseWith('warning', /out of date/) },
  { name: 'a date that is not a date', user: grace, verb: doVerb('meeting.schedule'), data: (v) => schedule(v, 'next Tuesday'), expected: formWith(/real date/) },
  { name: 'a meeting that is not one of the three', user: grace, verb: doVerb('meeting.schedule'), data: (v) => ({ ...schedule(v, '2026-03-20'), meeting: 'lunch' }), expected: formWith(/planning|interim|final/) },
  { name: 'a button with no case', user: grace, verb: doVerb('meeting.schedule'), data: () => ({ meeting: 'planning', date: '2026-03-20' }), expected: errorWith(/missing what it needs/) },
  { name: 'a case id that is not a string', user: grace, verb: doVerb('meeting.schedule'), data: (v) => ({ caseId: { $ne: null }, version: v }), expected: errorWith(/missing what it needs/) },
  { name: 'a case that does not exist', user: grace, verb: doVerb('meeting.schedule'), data: (v) => ({ ...schedule(v, '2026-03-20'), caseId: caseIdFor('2019-03-01', 'p-nadia') }), expected: errorWith(/can’t find that appraisal/) },
  { name: 'the head signing a statement that is not hers', user: priya, verb: doVerb('statement.sign'), data: (v) => ({ caseId: nadiaCase, version: v, statement: 'planning', hash: '00000000' }), expected: caseWith('attention', /^Only the person being reviewed or the reviewer can sign/) },
];

describe('refused card actions in Teams', () => {
  jest.setTimeout(60_000);
  const server = useTeamsServer({ launch: true, shared: true });
  const everyCase = () => server.t.store.cases.listByCycle(DEMO_SCHOOL_ID, CYCLE);

  it.each(REFUSALS)('R-PRV-1, R-ROLE-1: $name is answered with the right card and stores nothing', async ({ user, verb, data, expected }) => {
    const before = await everyCase();
    const version = before.find((c) => c.id === nadiaCase)?.version ?? 0;
    expected(cardKind(await teamsClient(server.t.base, server.connector.url).invoke(user, verb, data(version))));
    expect(await everyCase()).toEqual(before);
  });

  it('R-DL-1, R-ROLE-2: an appeal about the reviewer after its deadline is refused with the date in words, and nothing is stored', async () => {
    const client = teamsClient(server.t.base, server.connector.url);
    const open = (user: TeamsUser) => client.invoke(user, Verbs.caseShow, { caseId: nadiaCase });
    const recorded = (card: Parameters<typeof cardKind>[0]) => expect(cardKind(card)).toEqual({ kind: 'case', banner: { style: 'good', text: 'Thank you, that’s recorded.' } });

    recorded(await client.submit(nadia, await client.press(nadia, await open(nadia), formVerb('objection.raise')), { reasons: 'We share a classroom and I would like someone else' }));
    recorded(await client.submit(priya, await client.press(priya, await open(priya), formVerb('objection.decide')), { upheld: 'false', reasons: 'Grace is best placed to review' }));
    const decided = await server.t.store.cases.get(DEMO_SCHOOL_ID, nadiaCase);
    const due = decided?.state.objections[0]?.appealDue;
    if (!due) throw new Error('the decision set no appeal deadline');

    server.t.clock.set(`${due}T10:00:00.000Z`);
    const onTime = await client.press(nadia, await open(nadia), formVerb('objection.appeal'));
    expect(cardKind(onTime).kind).toBe('form');

    const late = new Date(`${due}T10:00:00.000Z`);
    late.setUTCDate(late.getUTCDate() + 1);
    server.t.clock.set(late.toISOString());
    const before = await everyCase();
    const version = before.find((c) => c.id === nadiaCase)?.version ?? 0;
    const refused = await client.invoke(nadia, doVerb('objection.appeal'), { caseId: nadiaCase, version, grounds: 'I still think someone else should review me' });
    expect(cardKind(refused)).toEqual({ kind: 'case', banner: { style: 'attention', text: `The time to appeal ended on ${dateInWords(due)}.` } });
    expect(await everyCase()).toEqual(before);
  });
});
