import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_SCHOOL_ID, DEMO_TENANT_ID } from '../../bot/dev/demo-school';
import { NOT_ANSWERED } from '../../cards/views/equality.view';
import { Verbs } from '../../cards/verbs';
import { caseIdFor } from '../../services/case';
import { updateSetup } from '../../services/roster';
import { EMBEDDED_FILE } from '../../storage/open-store';
import { cardKind } from '../support/card-kinds';
import { aMessage, anActionExecute, demoTeamsUser } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { actionsOf, inputsOf, teamsClient } from '../support/teams-client';
import type { Card } from '../support/teams-client';
import { launchDemoCycle, postJson } from '../support/test-server';
import { useTeamsServer } from './teams-harness';

// A person answers, changes and removes their own equality answers in their personal chat with the bot, over
// HTTP on loopback through the adapter, routing and the store (R-RPT-1, R-PRV-1): only ever their own, only in
// a personal chat, a wrong value refused with nothing stored, and the answers never on a case or in the audit.
const sam = demoTeamsUser('p-sam');
const priya = demoTeamsUser('p-head');
const grace = demoTeamsUser('p-grace');
const stranger: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-999999999999', name: 'Alex Morgan', tenantId: DEMO_TENANT_ID };
const inGroup = { conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: DEMO_TENANT_ID } };

type SentCard = { type: string; body?: unknown[]; actions?: { verb?: string }[] };
const cardOf = (body: Record<string, unknown> | undefined): SentCard | null =>
  ((body?.attachments as { content: SentCard }[] | undefined)?.[0]?.content) ?? null;
/** The value each question shows, by question id. */
const shown = (card: Card) => Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value]));
const text = (card: unknown) => JSON.stringify(card);

describe('equality answers in the Teams personal chat (R-RPT-1)', () => {
  jest.setTimeout(30_000);
  const server = useTeamsServer();
  const client = () => teamsClient(server.t.base, server.connector.url);
  const stored = (personId = 'p-sam') => server.t.store.equality.get(DEMO_SCHOOL_ID, personId);
  const open = (user: TeamsUser = sam) => client().invoke(user, Verbs.equalityShow, {});
  /** Chooses answers on the form (the rest as shown) and presses "Save my answers". */
  const save = async (user: TeamsUser, form: Card, values: Record<string, string>, extra: Record<string, unknown> = {}) => {
    const button = actionsOf(form).find((a) => a.verb === Verbs.equalitySave);
    if (!button?.verb) throw new Error('the form has no Save button');
    return client().invoke(user, button.verb, { ...(button.data ?? {}), ...shown(form), ...values, ...extra });
  };
  const auditWithoutCase = () => {
    const db = new Database(path.join(server.t.dataDir, EMBEDDED_FILE), { readonly: true });
    try {
      return db.prepare<[], { doc: string }>('SELECT doc FROM audit WHERE case_id IS NULL ORDER BY at, id').all().map((r) => JSON.parse(r.doc) as Record<string, unknown>);
    } finally {
      db.close();
    }
  };

  it('R-RPT-1: saying "equality" answers with the questions: the explanation first, nothing chosen, no Remove', async () => {
    await postJson(`${server.t.base}/api/messages`, aMessage(sam, server.connector.url, 'equality'));
    await server.connector.waitForCalls(1);
    const card = cardOf(server.connector.calls[0]?.body) as Card;
    expect(text(card.body)).toContain('These questions are optional.');
    expect(text(card.body)).toContain('in groups of at least 10 people');
    expect(inputsOf(card).map((i) => i.id)).toEqual(['ethnicity', 'gender', 'sexualOrientation', 'disability', 'religionOrBelief', 'ageBand', 'tradeUnionMember']);
    expect(new Set(Object.values(shown(card)))).toEqual(new Set([NOT_ANSWERED]));
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Save my answers']);
  });

  it('R-RPT-1: the questions name the school’s own threshold once it sets one, and again when a mistake is shown', async () => {
    const set = await updateSetup(server.t.store.schools, { schoolId: DEMO_SCHOOL_ID, actor: { kind: 'admin' }, roster: [], change: (s) => ({ ...s, reportThreshold: 6 }) });
    expect(set.ok).toBe(true);
    const form = await open();
    expect(text(form.body)).toContain('in groups of at least 6 people');
    expect(text(form.body)).not.toContain('at least 10');
    const refused = await save(sam, form, { ethnicity: 'martian' });
    expect(cardKind(refused).kind).toBe('form');
    expect(text(refused.body)).toContain('in groups of at least 6 people');
  });

  it('R-RPT-1: the help card’s button opens the questions; saving stores them as the person’s own, with the time, and thanks them', async () => {
    await postJson(`${server.t.base}/api/messages`, aMessage(sam, server.connector.url, 'help'));
    await server.connector.waitForCalls(1);
    const help = cardOf(server.connector.calls[0]?.body) as Card;
    const form = await client().press(sam, help, Verbs.equalityShow);
    expect(cardKind(form)).toEqual({ kind: 'form', errors: [] });
    const thanks = await save(sam, form, { ethnicity: 'white', disability: 'prefer-not-to-say', ageBand: '35-44' });
    expect(text(thanks.body)).toContain('Thank you — your answers are saved.');
    expect(text(thanks.body)).toContain('say \\"equality\\"');
    expect(actionsOf(thanks).map((a) => a.verb)).toContain(Verbs.equalityShow);
    expect(await stored()).toEqual({
      schoolId: DEMO_SCHOOL_ID, personId: 'p-sam', answers: { ethnicity: 'white', disability: 'prefer-not-to-say', ageBand: '35-44' }, source: 'self', updatedAt: '2026-11-25T10:00:00.000Z',
    });
    // The audit says who saved, and when: ids only, no answer.
    const audit = auditWithoutCase().filter((e) => String(e.action).startsWith('equality'));
    expect(audit).toEqual([expect.objectContaining({ schoolId: DEMO_SCHOOL_ID, caseId: null, actorId: 'p-sam', action: 'equality.saved', channel: 'teams' })]);
    expect(text(audit)).not.toMatch(/white|35-44|prefer/);
  });

  it('R-RPT-1: the questions open prefilled; a change and a blanked answer are stored; Remove deletes them and says so', async () => {
    await save(sam, await open(), { ethnicity: 'white', gender: 'man', tradeUnionMember: 'yes' });
    server.t.clock.set('2026-11-26T09:00:00.000Z');
    const again = await open();
    expect(shown(again)).toMatchObject({ ethnicity: 'white', gender: 'man', tradeUnionMember: 'yes', ageBand: NOT_ANSWERED });
    expect(text(again.body)).toContain('You last saved your answers on Wednesday 25 November.');
    expect(actionsOf(again).map((a) => a.title)).toEqual(['Save my answers', 'Remove my answers']);

    expect(text((await save(sam, again, { gender: 'prefer-not-to-say', tradeUnionMember: NOT_ANSWERED })).body)).toContain('your answers are saved');
    expect(await stored()).toMatchObject({ answers: { ethnicity: 'white', gender: 'prefer-not-to-say' }, source: 'self', updatedAt: '2026-11-26T09:00:00.000Z' });

    server.t.clock.set('2026-11-27T09:00:00.000Z');
    const removed = await client().press(sam, await open(), Verbs.equalityRemove);
    expect(text(removed.body)).toContain('Your answers are removed.');
    // What stays says only that Sam chose to give none, so the school's staff file cannot fill them in again.
    expect(await stored()).toEqual({ schoolId: DEMO_SCHOOL_ID, personId: 'p-sam', answers: {}, source: 'self', updatedAt: '2026-11-27T09:00:00.000Z' });
    const hr = { schoolId: DEMO_SCHOOL_ID, personId: 'p-sam', answers: { ethnicity: 'white' as const }, source: 'import' as const, updatedAt: '2026-11-27T10:00:00.000Z' };
    expect(await server.t.store.equality.putImported(hr)).toBe(false);
    expect((await stored())?.answers).toEqual({});
    const after = await open();
    expect(new Set(Object.values(shown(after)))).toEqual(new Set([NOT_ANSWERED]));
    expect(text(after.body)).toContain('On Friday 27 November you chose to give no answers.');
    expect(actionsOf(after).map((a) => a.verb)).not.toContain(Verbs.equalityRemove);
    expect(text((await client().invoke(sam, Verbs.equalityRemove, {})).body)).toContain('There were no answers to remove.');
    expect(auditWithoutCase().map((e) => e.action).filter((a) => String(a).startsWith('equality'))).toEqual(['equality.saved', 'equality.saved', 'equality.removed']);
  });

  it.each<[string, Record<string, string>]>([
    ['a value no question offers', { ethnicity: 'martian' }],
    ['a short list’s value misspelt', { disability: 'maybe' }],
  ])('R-RPT-1: %s is answered with the form saying what is wrong, and nothing is stored', async (_name, bad) => {
    const refused = await save(sam, await open(), { gender: 'woman', ...bad });
    const kind = cardKind(refused);
    expect(kind.kind).toBe('form');
    if (kind.kind === 'form') expect(kind.errors.join(' ')).toMatch(/Nothing was saved.*Please choose/);
    expect(shown(refused)).toMatchObject({ gender: 'woman' });
    expect(await stored()).toBeNull();

    await save(sam, await open(), { gender: 'man' });
    const before = await stored();
    await save(sam, await open(), { gender: 'woman', ...bad });
    expect(await stored()).toEqual(before);
  });

  it('R-PRV-1: in a group chat, "equality" gets only the pointer to the private chat, and no button there shows, saves or removes anything', async () => {
    await save(sam, await open(), { gender: 'man' });
    const before = await stored();
    await postJson(`${server.t.base}/api/messages`, aMessage(sam, server.connector.url, 'equality', inGroup));
    await server.connector.waitForCalls(1);
    const sent = server.connector.calls[0]?.body;
    expect(cardOf(sent)).toBeNull();
    expect(String(sent?.text)).toContain('private chat');

    for (const [verb, data] of [[Verbs.equalityShow, {}], [Verbs.equalitySave, { gender: 'woman' }], [Verbs.equalityRemove, {}]] as const) {
      const res = await postJson(`${server.t.base}/api/messages`, anActionExecute(sam, server.connector.url, verb, data, inGroup));
      const card = (res.body as { value: Card }).value;
      expect(cardKind(card)).toMatchObject({ kind: 'error', message: expect.stringContaining('private chat') as unknown });
      expect(inputsOf(card)).toEqual([]);
      expect(text(card)).not.toMatch(/Man|Save my answers/);
    }
    expect(await stored()).toEqual(before);
  });

  it('R-PRV-1: a person only ever sees and changes their own answers, whatever the card carries', async () => {
    await save(sam, await open(), { ethnicity: 'asian', gender: 'man' }, { personId: 'p-nadia', schoolId: 'elsewhere', source: 'import' });
    expect(await stored('p-nadia')).toBeNull();
    expect(await stored()).toMatchObject({ schoolId: DEMO_SCHOOL_ID, personId: 'p-sam', source: 'self' });

    // The headteacher opening the questions sees her own, unanswered; removing removes only hers (none).
    expect(new Set(Object.values(shown(await open(priya))))).toEqual(new Set([NOT_ANSWERED]));
    expect(text((await client().invoke(priya, Verbs.equalityRemove, { personId: 'p-sam' })).body)).toContain('There were no answers to remove.');
    expect(await stored()).toMatchObject({ answers: { ethnicity: 'asian', gender: 'man' } });

    // Someone the school has not linked is told so, and nothing is stored.
    const refused = await client().invoke(stranger, Verbs.equalitySave, { gender: 'woman' });
    expect(cardKind(refused)).toMatchObject({ kind: 'error', message: expect.stringContaining('I don’t know you yet') as unknown });
    // Only Sam's answers and the head's own choice to give none (her press of Remove) are stored.
    expect((await server.t.store.equality.listForSchool(DEMO_SCHOOL_ID)).map((r) => [r.personId, r.answers])).toEqual([['p-head', {}], ['p-sam', { ethnicity: 'asian', gender: 'man' }]]);
  });

  it('R-RPT-1: the answers are kept apart from the case: saving changes no case, and the reviewer’s view of it never shows them', async () => {
    await launchDemoCycle(server.t);
    const caseId = caseIdFor('2026-03-01', 'p-sam');
    const before = await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId);
    await save(sam, await open(), { ethnicity: 'black', sexualOrientation: 'bisexual', religionOrBelief: 'sikh' });
    expect(await server.t.store.cases.get(DEMO_SCHOOL_ID, caseId)).toEqual(before);
    const graces = text(await client().invoke(grace, Verbs.caseShow, { caseId }));
    expect(graces).toContain('Sam Fielding’s appraisal');
    expect(graces).not.toMatch(/Black|Bisexual|Sikh|equality/i);
  });
});
