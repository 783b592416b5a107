import { equalityCard, listCard } from '../../cards/teams/cards';
import { equalityMessageBlocks, equalityModal } from '../../cards/slack/equality-blocks';
import { listBlocks } from '../../cards/slack/case-blocks';
import { checkEqualityInput } from '../../cards/views/equality-input';
import { EQUALITY_QUESTIONS, equalityFormView, equalityRemovedView, equalitySavedView, NOT_ANSWERED } from '../../cards/views/equality.view';
import type { EqualityFormInput } from '../../cards/views/equality.view';
import { Verbs } from '../../cards/verbs';
import { welcomeView } from '../../cards/views/welcome.view';
import { DEFAULT_SUPPRESSION_THRESHOLD, equalityInputSchema } from '../../services/reports';
import { messageProblems, modalProblems } from '../slack/block-kit-checks';
import { cardRuleProblems } from './card-rules';

// The equality questions (R-RPT-1): one view-model, a valid Adaptive Card and a Slack modal and message within
// Block Kit's limits, in every state; every answer the schema allows is offered and nothing else; a submit is
// checked with the answers' own schema, blank meaning unanswered.

const SOME = { ethnicity: 'mixed', disability: 'prefer-not-to-say', ageBand: '35-44' } as const;
const everyAnswer = Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.id, 'prefer-not-to-say']));
const STATES: [string, EqualityFormInput][] = [
  ['nothing stored', { stored: null, threshold: DEFAULT_SUPPRESSION_THRESHOLD }],
  ['some answers of her own', { stored: { answers: SOME, source: 'self', updatedOn: '2026-11-24' }, threshold: DEFAULT_SUPPRESSION_THRESHOLD }],
  ['every answer, from the school’s staff records', { stored: { answers: everyAnswer, source: 'import', updatedOn: '2026-09-01' }, threshold: DEFAULT_SUPPRESSION_THRESHOLD }],
  [
    'shown again with an error on every question',
    {
      stored: { answers: SOME, source: 'self', updatedOn: '2026-11-24' }, threshold: DEFAULT_SUPPRESSION_THRESHOLD,
      values: Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.id, 'x'.repeat(500)])),
      fieldErrors: Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.id, 'Please choose one of the options.'])),
    },
  ],
];

describe('the equality questions as cards and Slack views (R-RPT-1)', () => {
  it.each(STATES)('R-RPT-1: %s — a valid Adaptive Card 1.5 with routed verbs, and a modal and a message within Block Kit’s limits', (_name, input) => {
    const view = equalityFormView(input);
    expect(cardRuleProblems(equalityCard(view))).toEqual([]);
    expect(modalProblems(equalityModal(view))).toEqual([]);
    expect(messageProblems(equalityMessageBlocks(view))).toEqual([]);
  });

  it.each([
    ['saved', equalitySavedView()],
    ['removed', equalityRemovedView(true)],
    ['nothing to remove', equalityRemovedView(false)],
  ])('R-RPT-1: the %s answer is a valid card and a message within the limits', (_name, view) => {
    expect(cardRuleProblems(listCard(view))).toEqual([]);
    expect(messageProblems(listBlocks(view))).toEqual([]);
  });

  it('R-RPT-1: the explanation comes first and names the report’s small-number threshold', () => {
    const view = equalityFormView({ stored: null, threshold: DEFAULT_SUPPRESSION_THRESHOLD });
    expect(view.intro).toMatch(/^These questions are optional\./);
    expect(view.intro).toContain(`at least ${DEFAULT_SUPPRESSION_THRESHOLD} people`);
    expect(view.intro).toMatch(/never shown to your reviewer or the headteacher/);
    const card = JSON.stringify(equalityCard(view));
    expect(card.indexOf('These questions are optional')).toBeLessThan(card.indexOf('Input.ChoiceSet'));
  });

  it('R-RPT-1: all seven questions, each offering "No answer", "Prefer not to say" and exactly the answers the schema allows, in plain words', () => {
    const view = equalityFormView({ stored: null, threshold: 10 });
    expect(view.fields.map((f) => f.id)).toEqual(Object.keys(equalityInputSchema.shape));
    for (const f of view.fields) {
      const allowed = equalityInputSchema.shape[f.id].unwrap().options as readonly string[];
      expect({ id: f.id, values: f.choices.map((c) => c.value) }).toEqual({ id: f.id, values: [NOT_ANSWERED, ...allowed] });
      expect(f.choices.map((c) => c.title)).toEqual(expect.arrayContaining(['No answer', 'Prefer not to say']));
      for (const c of f.choices) expect({ title: c.title, raw: c.title === c.value }).toEqual({ title: expect.stringMatching(/^[A-Z0-9]/), raw: false });
      expect(f.value).toBe(NOT_ANSWERED);
    }
  });

  it('R-RPT-1: prefilled with the stored answers; Remove is offered only when some are stored; the date is in words', () => {
    const none = equalityFormView({ stored: null, threshold: 10 });
    expect(none.actions.map((a) => a.verb)).toEqual([Verbs.equalitySave]);
    expect(none.status).toBeNull();
    const some = equalityFormView({ stored: { answers: SOME, source: 'self', updatedOn: '2026-11-24' }, threshold: 10 });
    expect(Object.fromEntries(some.fields.map((f) => [f.id, f.value]))).toEqual({
      ethnicity: 'mixed', gender: NOT_ANSWERED, sexualOrientation: NOT_ANSWERED, disability: 'prefer-not-to-say', religionOrBelief: NOT_ANSWERED, ageBand: '35-44', tradeUnionMember: NOT_ANSWERED,
    });
    expect(some.actions.map((a) => a.verb)).toEqual([Verbs.equalitySave, Verbs.equalityRemove]);
    expect(some.status).toBe('You last saved your answers on Tuesday 24 November.');
    const modal = JSON.stringify(equalityModal(some));
    expect(modal).toContain('"initial_option":{"text":{"type":"plain_text","text":"Mixed or multiple ethnic groups","emoji":true},"value":"mixed"}');
  });

  it('R-RPT-1: the help card offers the questions to someone on a roster, and not to someone who is not', () => {
    const offered = (view: ReturnType<typeof welcomeView>) => view.actions.filter((a) => a.verb === Verbs.equalityShow).map((a) => a.title);
    expect(offered(welcomeView({ person: { firstName: 'Alex', schoolName: 'Test Valley School', roles: new Set() } }))).toEqual(['Equality questions (optional)']);
    expect(offered(welcomeView({ person: null }))).toEqual([]);
  });

  it('R-RPT-1: no button or modal carries an id: whose answers they are is never in the payload', () => {
    const view = equalityFormView({ stored: { answers: SOME, source: 'self', updatedOn: '2026-11-24' }, threshold: 10 });
    for (const a of [...view.actions, view.open]) expect(a.data).toEqual({});
    expect(equalityModal(view)).not.toHaveProperty('private_metadata');
  });
});

describe('checking a submit of the equality questions (R-RPT-1)', () => {
  it.each<[string, Record<string, unknown>, object]>([
    ['every question left blank', {}, {}],
    ['"No answer" and empty strings', { ethnicity: NOT_ANSWERED, gender: '', ageBand: '   ' }, {}],
    ['answers and "Prefer not to say"', { ...SOME, tradeUnionMember: 'yes', gender: NOT_ANSWERED }, { ...SOME, tradeUnionMember: 'yes' }],
    ['other keys a payload carries, never read', { gender: 'woman', personId: 'p-nadia', schoolId: 'elsewhere', source: 'import' }, { gender: 'woman' }],
  ])('R-RPT-1: %s', (_name, values, answers) => {
    expect(checkEqualityInput(values)).toEqual({ ok: true, answers });
  });

  it.each<[string, Record<string, unknown>, Record<string, RegExp>]>([
    ['a value the question does not offer', { ethnicity: 'martian', gender: 'woman' }, { ethnicity: /^Please choose one of the options\.$/ }],
    ['a short list named in words', { disability: 'maybe' }, { disability: /^Please choose yes, no or prefer not to say\.$/ }],
    ['something that is not a string', { ageBand: { $ne: null }, religionOrBelief: 7 }, { ageBand: /^Please/, religionOrBelief: /^Please/ }],
  ])('R-RPT-1: %s is refused in plain words, by question', (_name, values, expected) => {
    const checked = checkEqualityInput(values);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.fieldErrors).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, problem] of Object.entries(expected)) expect(checked.fieldErrors[id]).toMatch(problem);
    expect(JSON.stringify(checked.fieldErrors)).not.toMatch(/expected|Invalid|enum/);
  });

  it('R-RPT-1: a bad value is shown again as unanswered with its error, and the top of the form says nothing was saved', () => {
    const checked = checkEqualityInput({ ethnicity: 'martian' });
    if (checked.ok) throw new Error('expected a refusal');
    const view = equalityFormView({ stored: null, threshold: 10, values: { ethnicity: 'martian', gender: 'man' }, fieldErrors: checked.fieldErrors });
    expect(view.errors).toEqual(['Nothing was saved. Please check the answers marked below.']);
    expect(view.fields.find((f) => f.id === 'ethnicity')).toMatchObject({ value: NOT_ANSWERED, error: 'Please choose one of the options.' });
    expect(view.fields.find((f) => f.id === 'gender')).toMatchObject({ value: 'man', error: null });
  });
});
