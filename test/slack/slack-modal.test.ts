import { formModal } from '../../cards/slack/case-blocks';
import { formFor, formInput, needsForm } from '../../cards/views/forms';
import { checkModal, modalValues, readModal } from '../../bot/slack/slack-modal';
import { caseSummary } from '../../services/case';
import type { CaseRole } from '../../services/case';
import { STAGES } from '../../services/case/case-stages';
import { ACTORS, sptCaseAt } from '../case/case-fixtures';

// A submitted modal is read and checked with no I/O, inside Slack's 3 seconds (R-CHAT-1): the modal's own
// metadata gives the same command input as the form it was made from, and every error names a block in it.
type Element = { type: string; options?: { value: string }[]; initial_option?: { value: string } };
type Modal = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string; element?: Element }[] };
const people = [{ id: 'p-priya', name: 'Priya Lockwood' }, { id: 'p-sam', name: 'Sam Patel' }];

/** What Slack sends back for a modal filled the obvious way: some words, a date, the first choice, a tick. */
function filled(modal: Modal): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of modal.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const e = b.element;
    const first = e.options?.[0];
    if (e.type === 'plain_text_input') values[b.block_id] = { value: { type: e.type, value: 'Some words' } };
    if (e.type === 'datepicker') values[b.block_id] = { value: { type: e.type, selected_date: '2025-10-06' } };
    if (e.type === 'static_select') values[b.block_id] = { value: { type: e.type, selected_option: first ?? null } };
    if (e.type === 'multi_static_select') values[b.block_id] = { value: { type: e.type, selected_options: first ? [first] : [] } };
    if (e.type === 'checkboxes') values[b.block_id] = { value: { type: e.type, selected_options: first ? [first] : [] } };
  }
  return values;
}

const cases = STAGES.flatMap((stage) =>
  (['reviewee', 'reviewer', 'headteacher'] as CaseRole[]).flatMap((role) => {
    const { state, policy } = sptCaseAt(stage);
    const viewer = ACTORS[role];
    return caseSummary(state, viewer.personId, policy).myActions.filter(needsForm).map((type) => ({
      stage, role, type, form: formFor(type, { state, version: 4, policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people }),
    }));
  }),
);

describe('a submitted modal, read without I/O (R-CHAT-1)', () => {
  it('the fixtures offer many forms', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [`${c.stage} · ${c.role} · ${c.type}`, c] as const))('R-CHAT-1: %s — the modal gives the same input as its form, and errors name its own blocks', (_name, { form }) => {
    const modal = formModal(form) as Modal;
    const read = readModal(modal.private_metadata);
    expect(read?.type).toBe(form.command);
    if (!read) return;
    const inputIds = modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(read.fields.map((f) => f.id)).toEqual(inputIds);
    for (const state of [filled(modal), {}]) {
      const values = modalValues(state, read.fields);
      expect(formInput({ ...form, fields: read.fields, fixed: read.meta.fixed }, values)).toEqual(formInput(form, values));
      const errors = checkModal(read, values) ?? {};
      for (const id of Object.keys(errors)) expect(inputIds).toContain(id);
    }
  });

  it('R-CHAT-1: a required field left empty is an error on that field, in words', () => {
    const { state, policy } = sptCaseAt('planning');
    const modal = formModal(formFor('meeting.schedule', { state, version: 4, policy, viewerId: ACTORS.reviewer.personId, values: {}, fieldErrors: {}, args: {}, people })) as Modal;
    const read = readModal(modal.private_metadata);
    if (!read) throw new Error('unreadable modal');
    const errors = checkModal(read, modalValues({}, read.fields));
    expect(Object.keys(errors ?? {})).toEqual(expect.arrayContaining(['date']));
    expect(Object.values(errors ?? {}).join(' ')).toMatch(/[a-z]{3,}/i);
  });

  it.each([
    ['not JSON', 'nope'],
    ['a command that does not exist', JSON.stringify({ command: 'case.delete-everything', caseId: 'c', version: 1, fixed: {}, fields: [], origin: null })],
    ['a field of a kind no modal has', JSON.stringify({ command: 'meeting.schedule', caseId: 'c', version: 1, fixed: {}, fields: ['file!:upload'], origin: null })],
    ['a negative version', JSON.stringify({ command: 'meeting.schedule', caseId: 'c', version: -1, fixed: {}, fields: [], origin: null })],
  ])('metadata that is %s is not read', (_name, metadata) => {
    expect(readModal(metadata)).toBeNull();
  });

  it('state values of the wrong shape are read as nothing typed, never thrown on', () => {
    const read = readModal(JSON.stringify({ command: 'meeting.schedule', caseId: 'c', version: 1, fixed: {}, fields: ['choice!:meeting', 'date!:date'], origin: null }));
    if (!read) throw new Error('unreadable modal');
    expect(modalValues({ meeting: { value: { selected_option: 'planning' } } }, read.fields)).toEqual({});
    expect(modalValues('nonsense', read.fields)).toEqual({});
  });
});

describe('a form with nothing to send (R-CHAT-1)', () => {
  it('R-CHAT-1, R-OBJ-1: a full plan or a missing support plan opens as a modal with Close and no button that sends', () => {
    const { state, policy } = sptCaseAt('in-cycle');
    const viewer = ACTORS.reviewer;
    const ctx = { state, version: 4, policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people };
    const noPlan = formFor('support-plan.review', { ...ctx, state: { ...state, supportPlan: null } });
    const modal = formModal(noPlan) as { submit?: unknown; close: { text: string } };
    expect(noPlan.actions.some((a) => a.verb.startsWith('ipp.do.'))).toBe(false);
    expect(modal.submit).toBeUndefined();
    expect(modal.close.text).toBe('Close');
    const sending = formModal(formFor('evidence.add', ctx)) as { submit?: { text: string }; close: { text: string } };
    expect(sending.submit?.text).toBeTruthy();
    expect(sending.close.text).toBe('Cancel');
  });
});
