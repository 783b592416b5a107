import { caseCard, formCard } from '../../cards/teams/cards';
import { caseView } from '../../cards/views/case.view';
import { BESPOKE_FORMS, formFor, needsForm } from '../../cards/views/forms';
import { caseSummary, COMMAND_TYPES } from '../../services/case';
import { STAGES } from '../../services/case/case-stages';
import { allFixtures, fixturesFor, PRESETS, ROLES } from './card-fixtures';
import { cardRuleProblems, firstSeen, formCtx, isReadOnly, issuers, schemaOf, typedIds, viewerOf } from './card-rules';

// Every template × every fixture view-model: the case card for each role at each stage of each preset, and
// every command's form wherever someone may issue it, plain and shown again with an error on every field.
// Each renders to a card the `adaptivecards` parser accepts, version 1.5, every binding resolved, under
// 28 KB, at most 60 refresh.userIds, and every verb routed (R-CHAT-1, R-PRV-1).

const COMMANDS = COMMAND_TYPES.filter((t) => t !== 'case.open');
/** An answer as long as the field allows: the largest a form can come back with its errors. */
const longest = (maxLength: number) => 'I worked on this with the reading group every week this term. '.repeat(Math.ceil(maxLength / 60)).slice(0, maxLength);

describe('the fixtures', () => {
  it.each(PRESETS)('R-CYC-2: %s reaches every stage of the case', (preset) => {
    const seen = new Set(fixturesFor(preset).map((f) => f.state.stage));
    const expected = STAGES.filter((s) => s !== 'pay-approval' || fixturesFor(preset)[0]?.policy.payProgression);
    expect([...expected].filter((s) => !seen.has(s))).toEqual([]);
  });
});

describe('case cards: every role at every stage, for every preset (R-CHAT-1, R-PRV-1)', () => {
  it.each(PRESETS)('R-CHAT-1: %s — each role’s case card is a valid card with routed verbs', (preset) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const fx of fixturesFor(preset)) {
      for (const role of ROLES) {
        const view = caseView({ state: fx.state, version: fx.state.seq, policy: fx.policy, viewer: viewerOf(role), viewerUserKey: 'aad-0f3c2a' });
        if (firstSeen(seen, view)) problems.push(...cardRuleProblems(caseCard(view)).map((p) => `${fx.name} · ${role}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  });
});

describe('forms: every command wherever it may be issued, for every preset (R-CHAT-1)', () => {
  it.each(PRESETS)('R-CHAT-1: %s — every form, plain and filled to the longest with an error on every field, is a valid card that asks for no typed id', (preset) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const fx of fixturesFor(preset)) {
      for (const type of COMMANDS.filter(needsForm)) {
        for (const role of issuers(type, fx)) {
          const plain = formFor(type, formCtx(fx, viewerOf(role)));
          const typed = Object.fromEntries(plain.fields.map((f) => [f.id, f.kind === 'text' ? longest(f.maxLength) : f.kind === 'toggle' ? 'true' : f.kind === 'date' ? fx.day : '']));
          const fieldErrors = Object.fromEntries(plain.fields.map((f) => [f.id, 'Please say a little more here.']));
          const again = formFor(type, formCtx(fx, viewerOf(role), { values: typed, fieldErrors }));
          for (const [label, form] of [['plain', plain], ['with errors', again]] as const) {
            if (!firstSeen(seen, form)) continue;
            problems.push(...cardRuleProblems(formCard(form)).map((p) => `${fx.name} · ${type} · ${role} · ${label}: ${p}`), ...typedIds(form));
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(200);
  });
});

describe('every step a person is offered can be taken from chat (R-CHAT-1)', () => {
  it('R-CHAT-1: every command but opening a case has a form of its own, or needs nothing typed and runs from its button', () => {
    const neither = COMMANDS.filter((t) => !BESPOKE_FORMS[t] && !schemaOf(t).safeParse({}).success);
    expect(neither).toEqual([]);
  });

  it.each(PRESETS)('R-CHAT-1: %s — each offered step opens a form that sends, opens the next form or says what happens, or runs directly', (preset) => {
    const problems: string[] = [];
    let offered = 0;
    for (const fx of fixturesFor(preset)) {
      for (const role of ROLES) {
        for (const type of caseSummary(fx.state, viewerOf(role).personId, fx.policy).myActions) {
          offered += 1;
          if (!needsForm(type)) {
            if (!schemaOf(type).safeParse({}).success) problems.push(`${fx.name} · ${role}: ${type} runs from a button but needs input`);
            continue;
          }
          const form = formFor(type, formCtx(fx, viewerOf(role)));
          if (/school office/.test(form.intro ?? '')) problems.push(`${fx.name} · ${role}: ${type} has no form chat can take`);
          if (isReadOnly(form) && !form.intro) problems.push(`${fx.name} · ${role}: ${type} says nothing and sends nothing`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(offered).toBeGreaterThan(100);
  });

  it('R-CHAT-1: carrying objectives forward is said to be done by the system, with no button to send', () => {
    const fx = allFixtures().find((f) => f.state.stage === 'planning');
    if (!fx) throw new Error('no planning fixture');
    const form = formFor('objectives.carry-forward', formCtx(fx, viewerOf('reviewer')));
    expect(isReadOnly(form)).toBe(true);
    expect(form.intro).toMatch(/by themselves when the new cycle opens/);
  });
});

describe('the checks can fail', () => {
  it('an unrouted verb and a typed id are reported', () => {
    const fx = allFixtures()[1];
    if (!fx) throw new Error('no fixture');
    const form = formFor('reviewer.change', formCtx(fx, viewerOf('headteacher')));
    const broken = { ...form, fields: [{ kind: 'text' as const, id: 'newReviewerId', label: 'Id', value: '', required: true, multiline: false, maxLength: 10, placeholder: '', error: null }] };
    expect(typedIds(broken)).toEqual(['reviewer.change: newReviewerId']);
    const card = formCard({ ...form, actions: [{ verb: 'ipp.do.nothing' as never, title: 'Go', data: {} }] });
    expect(cardRuleProblems(card)).toEqual(['verb ipp.do.nothing has no route']);
  });
});

describe('forms that choose colleagues, at the size of a school (R-CHAT-1, R-ROLE-2)', () => {
  const staff = Array.from({ length: 150 }, (_, i) => ({ id: `test-valley-school-tv${String(i).padStart(3, '0')}`, name: `Colleague ${i} Lockwood-Okafor` }));
  const PEOPLE_FORMS = [['reviewer.change', 'headteacher'], ['objection.decide', 'headteacher'], ['case.transfer', 'headteacher'], ['observation.plan', 'reviewer'], ['objectives.share', 'reviewee']] as const;

  it.each(PEOPLE_FORMS)('R-CHAT-1: %s with 150 staff to choose from is a valid card under 28 KB, searchable when it is one name to pick', (type, role) => {
    const fx = allFixtures().find((f) => f.state.stage === 'in-cycle');
    if (!fx) throw new Error('no in-cycle fixture');
    const form = formFor(type, formCtx(fx, viewerOf(role), { people: staff }));
    const card = JSON.stringify(formCard(form));
    expect(cardRuleProblems(JSON.parse(card))).toEqual([]);
    const single = form.fields.some((f) => f.kind === 'choice' && !f.multi && f.choices.length > 8);
    expect(card.includes('"style":"filtered"')).toBe(single);
  });
});
