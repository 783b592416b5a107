import { caseBlocks, formModal, listBlocks } from '../../cards/slack/case-blocks';
import { caseCard, formCard, listCard } from '../../cards/teams/cards';
import { accessView, caseView } from '../../cards/views/case.view';
import { fieldErrorsOf, formFor, formInput, needsForm } from '../../cards/views/forms';
import { allVerbs } from '../../cards/verbs';
import { caseSummary, COMMAND_INPUT_SCHEMAS } from '../../services/case';
import type { CaseRole } from '../../services/case';
import { ACTORS, play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';
import { cardProblems, verbsIn } from '../support/card-checks';

// Every case card and every form a person can be offered, at every stage of a played spt cycle and for every
// role, renders to a valid Adaptive Card 1.5 under 28 KB whose verbs all have routes (R-CHAT-1, R-PRV-1).
const policy = policyOf('spt');
const states = play(policy, SPT_SCRIPT).map((x) => x.state);
const ROLES: CaseRole[] = ['reviewee', 'reviewer', 'headteacher', 'line-manager', 'slt', 'pd-manager'];
const people = [{ id: 'p-priya', name: 'Priya Lockwood' }, { id: 'p-jordan', name: 'Jordan Ellis' }, { id: 'p-sam', name: 'Sam Patel' }];

const checkCard = (card: unknown) => {
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
  for (const verb of verbsIn(card)) expect(allVerbs).toContain(verb);
  const refresh = (card as { refresh?: { userIds?: unknown[] } }).refresh;
  expect((refresh?.userIds ?? []).length).toBeLessThanOrEqual(60);
};

describe('case cards and forms at every stage, for every role (R-CHAT-1)', () => {
  it('the played cycle passes through every main stage', () => {
    expect(new Set(states.map((s) => s.stage)).size).toBeGreaterThan(6);
  });

  it.each(ROLES)('R-CHAT-1: %s — every case card and every offered form is a valid card', (role) => {
    let forms = 0;
    for (const state of states) {
      const viewer = ACTORS[role];
      checkCard(caseCard(caseView({ state, version: 3, policy, viewer, viewerUserKey: 'aad-1' })));
      for (const type of caseSummary(state, viewer.personId, policy).myActions.filter(needsForm)) {
        checkCard(formCard(formFor(type, { state, version: 3, policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people })));
        forms += 1;
      }
    }
    if (role === 'reviewee' || role === 'reviewer') expect(forms).toBeGreaterThan(3);
  });

  it('R-PRV-1: the access list is a valid card', () => {
    for (const state of states) checkCard(listCard(accessView(state)));
  });

  it('R-CHAT-1: every offered form, filled the obvious way, gives input its command accepts or says which field is wrong', () => {
    for (const state of states) {
      for (const role of ['reviewee', 'reviewer', 'headteacher'] as const) {
        const viewer = ACTORS[role];
        for (const type of caseSummary(state, viewer.personId, policy).myActions.filter(needsForm)) {
          const ctx = { state, version: 3, policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people };
          const form = formFor(type, ctx);
          const values: Record<string, string> = {};
          for (const f of form.fields) {
            if (f.kind === 'text') values[f.id] = f.value || 'Some words';
            if (f.kind === 'date') values[f.id] = f.value || '2026-10-05';
            if (f.kind === 'choice') values[f.id] = f.value || (f.choices[0]?.value ?? '');
            if (f.kind === 'toggle') values[f.id] = 'false';
          }
          const parsed = (COMMAND_INPUT_SCHEMAS[type] as unknown as { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }).safeParse(formInput(form, values));
          if (!parsed.success) {
            // A form may need something the fixture cannot choose (e.g. an empty list to pick from): then it names the field.
            const again = formFor(type, { ...ctx, values, fieldErrors: fieldErrorsOf(parsed.error?.issues ?? []) });
            expect(again.fields.some((f) => f.kind !== 'heading' && f.error !== null) || again.errors.length > 0).toBe(true);
          }
        }
      }
    }
  });
});

describe('the same case views in Slack, within Block Kit limits (R-CHAT-1)', () => {
  const textsWithin = (json: string) => {
    for (const m of json.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)) expect((m[1] ?? '').length).toBeLessThanOrEqual(3000);
    for (const m of json.matchAll(/"(?:action_id|block_id|callback_id)":"([^"]*)"/g)) expect((m[1] ?? '').length).toBeLessThanOrEqual(255);
  };
  it.each(['reviewee', 'reviewer', 'headteacher'] as const)('R-CHAT-1: %s — every case message and every form modal', (role) => {
    for (const state of states) {
      const viewer = ACTORS[role];
      const blocks = caseBlocks(caseView({ state, version: 3, policy, viewer, viewerUserKey: null }));
      expect(blocks.length).toBeLessThanOrEqual(50);
      textsWithin(JSON.stringify(blocks));
      for (const type of caseSummary(state, viewer.personId, policy).myActions.filter(needsForm)) {
        const modal = formModal(formFor(type, { state, version: 3, policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people })) as { title: { text: string }; blocks: unknown[]; private_metadata: string };
        expect(modal.title.text.length).toBeLessThanOrEqual(24);
        expect(modal.blocks.length).toBeLessThanOrEqual(100);
        expect(modal.private_metadata.length).toBeLessThanOrEqual(3000);
        textsWithin(JSON.stringify(modal));
      }
    }
  });

  it('R-PRV-1: lists fit in one message', () => {
    for (const state of states) expect(listBlocks(accessView(state)).length).toBeLessThanOrEqual(50);
  });
});
