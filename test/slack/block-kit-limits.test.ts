import fc from 'fast-check';
import { errorBlocks, homeBlocks, nudgeBlocks, welcomeBlocks } from '../../cards/slack/blocks';
import { caseBlocks, formModal, listBlocks } from '../../cards/slack/case-blocks';
import { equalityMessageBlocks, equalityModal } from '../../cards/slack/equality-blocks';
import { accessView, caseView } from '../../cards/views/case.view';
import type { CaseView } from '../../cards/views/case.view';
import { apologyView, errorView } from '../../cards/views/error.view';
import { equalityFormView } from '../../cards/views/equality.view';
import { formFor, needsForm } from '../../cards/views/forms';
import type { FormView } from '../../cards/views/forms';
import { homeView } from '../../cards/views/home.view';
import type { ListView } from '../../cards/views/list.view';
import type { ActionView } from '../../cards/views/view.types';
import { nudgeView } from '../../cards/views/nudge.view';
import { doVerb, formVerb, Verbs } from '../../cards/verbs';
import { welcomeView } from '../../cards/views/welcome.view';
import { caseSummary } from '../../services/case';
import type { CaseRole, CaseState } from '../../services/case';
import { STAGES } from '../../services/case/case-stages';
import { ACTORS, after, anObjective, sptCaseAt } from '../case/case-fixtures';
import { messageProblems, modalProblems } from './block-kit-checks';

// Every Block Kit message and modal the product can send, from every fixture view-model, within Block Kit's
// limits: 50 blocks a message, 100 a modal, 3,000 characters a text, 24 a modal title, 255 an id (R-CHAT-1).
const ROLES: CaseRole[] = ['reviewee', 'reviewer', 'line-manager', 'headteacher', 'slt', 'pd-manager', 'clerk', 'appeal-panel'];
const people = [{ id: 'p-priya', name: 'Priya Lockwood' }, { id: 'p-jordan', name: 'Jordan Ellis' }, { id: 'p-sam', name: 'Sam Patel' }];
const at = STAGES.map((stage) => ({ stage, ...sptCaseAt(stage) }));
const policy = at[0]?.policy ?? sptCaseAt('planning').policy;

/** The planning case with as many objectives as the policy allows, every text at its longest. */
function longest(): CaseState {
  const base = sptCaseAt('planning');
  const long = (n: number, word: string) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n).trim();
  const objective = { ...anObjective(long(300, 'Reading')), tasks: long(2000, 'tasks'), timescales: long(500, 'term'), successMeasures: long(2000, 'measure'), evidenceHow: long(2000, 'tests'), support: long(2000, '<!channel>&') };
  return after(base.state, policy, Array.from({ length: policy.objectiveLimit }, () => [base.day, 'reviewer', () => ({ type: 'objective.add', objective })] as const).map((s) => [...s]) as never);
}

const ctx = (state: CaseState, viewerId: string) => ({ state, version: 3, policy, viewerId, values: {}, fieldErrors: {}, args: {}, people });

/** Every form a viewer is offered on a case, plain and with every field showing an error. */
function offeredForms(state: CaseState, role: CaseRole): FormView[] {
  const viewer = ACTORS[role];
  return caseSummary(state, viewer.personId, policy).myActions.filter(needsForm).flatMap((type) => {
    const plain = formFor(type, ctx(state, viewer.personId));
    const fieldErrors = Object.fromEntries(plain.fields.map((f) => [f.id, 'This needs a longer answer than that, please say a little more.']));
    const typed = Object.fromEntries(plain.fields.map((f) => [f.id, 'x'.repeat(f.kind === 'text' ? f.maxLength : 10)]));
    return [plain, formFor(type, { ...ctx(state, viewer.personId), fieldErrors, values: typed })];
  });
}

describe('Block Kit limits, for every view from every fixture view-model (R-CHAT-1)', () => {
  it('the fixtures reach every stage, and the longest case has the most objectives the policy allows', () => {
    expect(at.map((x) => x.state.stage)).toEqual([...STAGES]);
    expect(longest().objectives.filter((o) => o.status === 'active')).toHaveLength(policy.objectiveLimit);
  });

  it.each(ROLES)('R-CHAT-1: %s — every case message at every stage, with every banner, is within the limits', (role) => {
    for (const { state } of [...at, { state: longest() }]) {
      for (const banner of [null, { text: 'Thank you, that’s recorded.', style: 'good' as const }, { text: 'Out of date', style: 'warning' as const }, { text: 'x'.repeat(5000), style: 'attention' as const }]) {
        expect(messageProblems(caseBlocks(caseView({ state, version: 3, policy, viewer: ACTORS[role], viewerUserKey: null, banner })))).toEqual([]);
      }
    }
  });

  it.each(ROLES)('R-CHAT-1: %s — every offered form is a modal within the limits, plain, with errors, and filled to the longest', (role) => {
    let modals = 0;
    for (const { state } of [...at, { state: longest() }]) {
      for (const form of offeredForms(state, role)) {
        const modal = formModal(form, { channel: 'D0123456789', ts: '1700000000.000100' });
        expect({ command: form.command, problems: modalProblems(modal) }).toEqual({ command: form.command, problems: [] });
        modals += 1;
      }
    }
    if (role === 'reviewee' || role === 'reviewer' || role === 'headteacher') expect(modals).toBeGreaterThan(4);
  });

  it('R-STM-2: a statement to sign is shown whole in its modal, however long', () => {
    const state = after(longest(), policy, [['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })], ['2025-09-23', 'reviewee', () => ({ type: 'objectives.agree' })]]);
    const form = formFor('statement.sign', ctx(state, ACTORS.reviewee.personId));
    const modal = formModal(form) as { blocks: { text?: { text: string } }[] };
    // Read back as Slack shows it: the sections one after another, unescaped.
    const shown = modal.blocks.map((b) => b.text?.text ?? '').join('\n').replace(/\n/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const missing = (form.document?.lines ?? []).filter((line) => !shown.includes(line)).map((line) => line.slice(0, 40));
    expect(missing).toEqual([]);
    expect(form.document?.lines.join('').length).toBeGreaterThan(3000);
    expect(modalProblems(modal)).toEqual([]);
  });

  it('R-RPT-1: the equality questions are a modal within the limits, plain and with an error on every question', () => {
    const plain = equalityFormView({ stored: null, threshold: 10 });
    const fieldErrors = Object.fromEntries(plain.fields.map((f) => [f.id, 'Please choose one of the options.']));
    for (const view of [plain, equalityFormView({ stored: null, threshold: 10, fieldErrors })]) expect(modalProblems(equalityModal(view))).toEqual([]);
  });

  it('R-PRV-1: the access list at every stage fits one message', () => {
    for (const { state } of at) expect(messageProblems(listBlocks(accessView(state)))).toEqual([]);
  });

  it('R-MOD-1: a queue of 150 cases fits one message, says how many more there are, and "approve all" is split into buttons that fit', () => {
    const cases = Array.from({ length: 150 }, (_, i) => `2026-03-01:p-person-with-a-long-id-${i}@${i + 3}`);
    const queue: ListView = {
      title: 'Waiting for you', intro: 'Check each one.',
      items: cases.map((c, i) => ({ heading: `Person ${i} — planning statement`, lines: ['Reviewer: Grace Okafor'], actions: <ActionView[]>[
        { verb: Verbs.caseShow, title: 'Read', data: { caseId: c } },
        { verb: doVerb('moderation.approve'), title: 'Approve', data: { caseId: c, version: i }, style: 'positive' },
        { verb: formVerb('moderation.refer-back'), title: 'Send back', data: { caseId: c, version: i } },
      ] })),
      actions: [{ verb: Verbs.moderationApproveAll, title: 'Approve all 150 planning statements', data: { cases: cases.join(',') } }],
    };
    const blocks = listBlocks(queue);
    expect(messageProblems(blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toMatch(/and \d+ more/);
    const parts = blocks.flatMap((b) => ((b.elements as { action_id?: string; value: string }[] | undefined) ?? [])).filter((e) => e.action_id?.startsWith(Verbs.moderationApproveAll));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => String((JSON.parse(p.value) as { cases: string }).cases).split(','))).toEqual(cases);
  });

  it.each<[string, () => unknown]>([
    ['welcome (not on a roster)', () => welcomeBlocks(welcomeView({ person: null }))],
    ['welcome (reviewee)', () => welcomeBlocks(welcomeView({ person: { firstName: 'Alex', schoolName: 'Test Valley School', roles: new Set() } }))],
    ['welcome (headteacher)', () => welcomeBlocks(welcomeView({ person: { firstName: 'Priya', schoolName: 'Test Valley School', roles: new Set(['reviewer', 'headteacher', 'slt', 'pd-manager', 'clerk']) } }))],
    ['home (not started)', () => homeBlocks(homeView({ firstName: 'Sam', schoolName: 'Test Valley School', reviewerName: null, appraisal: null }))],
    ['home (under way)', () => homeBlocks(homeView({ firstName: 'Sam', schoolName: 'Test Valley School', reviewerName: 'Grace Okafor', appraisal: { stageLabel: 'Planning', stepNumber: 2, stepCount: 10, next: { text: 'Send your self-assessment', dueInWords: 'Tuesday 5 January' } } }))],
    ['home (finished)', () => homeBlocks(homeView({ firstName: 'Sam', schoolName: 'S', reviewerName: 'G', appraisal: { stageLabel: 'Closed', stepNumber: 10, stepCount: 10, next: null } }))],
    ['error with fields', () => errorBlocks(errorView({ code: 'CASE.INVALID_INPUT', message: 'Please check the form.', fields: { headline: 'Write a headline of up to 300 characters.' } }))],
    ['apology', () => errorBlocks(apologyView('ref-123'))],
    ['nudge', () => nudgeBlocks(nudgeView({ kind: 'nudge', title: 'Your self-assessment is due Tuesday 5 January', lines: ['A reminder.'], due: '2027-01-05', open: { verb: formVerb('self-assessment.submit'), title: 'Open self-assessment', caseId: 'case-1', version: 7 } }))],
    ['equality questions (answers stored)', () => equalityMessageBlocks(equalityFormView({ stored: { answers: { gender: 'woman' }, source: 'import', updatedOn: '2026-09-01' }, threshold: 10 }))],
    ['digest', () => nudgeBlocks(nudgeView({ kind: 'digest', title: 'Overdue', lines: Array.from({ length: 400 }, (_, i) => `Person ${i}: objectives`), due: null, open: null }))],
  ])('R-CHAT-1: %s is within the limits', (_name, render) => {
    expect(messageProblems(render())).toEqual([]);
  });

  it('R-PRV-1: any words at all in a case or a list stay within the limits and cannot mention or link', () => {
    const words = fc.string({ maxLength: 4000, unit: fc.constantFrom('a', ' ', '<', '>', '&', '!', '@', 'channel', 'é', '\n', '*') });
    fc.assert(fc.property(words, fc.array(words, { maxLength: 60 }), (title, lines) => {
      const view: CaseView = {
        title, facts: lines.slice(0, 12).map((l) => ({ title: l, value: l })), progress: { text: title, done: 50, remaining: 50 }, next: title,
        banner: { text: title, style: 'good' }, sections: lines.map((l) => ({ heading: l, items: lines })), actionGroups: [{ actions: lines.map((l) => ({ verb: Verbs.caseShow, title: l, data: { caseId: l } })) }], actions: [], refresh: null,
      };
      const list: ListView = { title, intro: title, items: lines.map((l) => ({ heading: l, lines, actions: [] })), actions: [] };
      return messageProblems(caseBlocks(view)).length === 0 && messageProblems(listBlocks(list)).length === 0;
    }), { numRuns: 200 });
  });

  it('the checks can fail: too many blocks, a long title, a long id, a cut button value and unescaped mentions are each reported', () => {
    const problems = [
      ...messageProblems(Array.from({ length: 51 }, () => ({ type: 'divider' }))),
      ...modalProblems({ type: 'modal', title: { type: 'plain_text', text: 'A title of over twenty-four' }, blocks: [{ type: 'input', block_id: 'x'.repeat(256), label: { type: 'plain_text', text: 'L' }, element: { type: 'plain_text_input', action_id: 'value' } }] }),
      ...messageProblems([{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Go' }, value: '{"caseId":"cut' }] }]),
      ...messageProblems([{ type: 'section', text: { type: 'mrkdwn', text: 'Hello <!channel>' } }]),
    ].join('\n');
    expect(problems).toMatch(/51 blocks/);
    expect(problems).toMatch(/title: text of 27 characters/);
    expect(problems).toMatch(/block_id of 256/);
    expect(problems).toMatch(/needs a submit/);
    expect(problems).toMatch(/not JSON/);
    expect(problems).toMatch(/unescaped mrkdwn/);
  });
});
