import { formCard } from '../../cards/teams/cards';
import { fieldErrorsOf, formFor, formInput, needsForm } from '../../cards/views/forms';
import type { FormContext, FormView } from '../../cards/views/forms';
import { caseSummary, COMMAND_TYPES, decide } from '../../services/case';
import type { CaseCommand, CaseRole, CommandType } from '../../services/case';
import { activeObjectives } from '../../services/case/case-statements';
import { ctxOf } from '../case/case-fixtures';
import { fixturesFor, PRESETS } from './card-fixtures';
import type { CaseFixture } from './card-fixtures';
import { fillForm, firstSeen, formCtx, hasEmptyChoice, isReadOnly, issuers, schemaOf, viewerOf } from './card-rules';

// A form filled with valid values gives input its command's schema accepts, and the case machine records it
// when the step is offered; a form shown again with errors keeps everything that was typed (R-CHAT-1).

const COMMANDS = COMMAND_TYPES.filter((t) => t !== 'case.open' && needsForm(t));

/** Each form a role may be shown on a fixture, with the buttons' own extra data (which objective to change). */
function formsOf(fx: CaseFixture): { type: CommandType; role: CaseRole; ctx: FormContext; form: FormView }[] {
  const first = activeObjectives(fx.state)[0]?.id;
  return COMMANDS.flatMap((type) =>
    issuers(type, fx).flatMap((role) => {
      const argSets: Record<string, string>[] = [{}, ...(first && (type === 'objective.update' || type === 'objective.revise') ? [{ objectiveId: first }] : [])];
      return argSets.map((args) => {
        const ctx = formCtx(fx, viewerOf(role), { args });
        return { type, role, ctx, form: formFor(type, ctx) };
      });
    }),
  );
}

const laterThan = (fx: CaseFixture) => fx.policy.calendar.addWorkingDays(fx.day, 15);

describe('a filled form gives input its command accepts (R-CHAT-1)', () => {
  it.each(PRESETS)('R-CHAT-1: %s — every form wherever it may be issued, filled with valid values, passes its input schema', (preset) => {
    const problems: string[] = [];
    let checked = 0;
    for (const fx of fixturesFor(preset)) {
      for (const { type, role, form } of formsOf(fx)) {
        if (isReadOnly(form) || form.actions.some((a) => a.verb.startsWith('ipp.form.'))) continue;
        const parsed = schemaOf(type).safeParse(formInput(form, fillForm(form, fx.day, laterThan(fx))));
        checked += 1;
        // A list with nothing in it yet cannot be chosen from: then the input is refused, naming that field.
        if (hasEmptyChoice(form)) {
          if (parsed.success) problems.push(`${fx.name} · ${type} · ${role}: accepted with nothing chosen`);
        } else if (!parsed.success) problems.push(`${fx.name} · ${type} · ${role}: ${JSON.stringify(fieldErrorsOf(parsed.error.issues))}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  // Refusals about timing, not about what was typed: a step offered just after its window closed. The case
  // summary offers these; they are listed for its owners, and must never point at a field of the form.
  const TIMING = ['CASE.DEADLINE_PASSED', 'CASE.STEP_NOT_READY', 'CASE.NOTHING_TO_DO'];

  it.each(PRESETS)('R-CHAT-1: %s — every step a person is offered, sent from its filled form, is recorded by the case machine', (preset) => {
    const problems: string[] = [];
    let recorded = 0;
    for (const fx of fixturesFor(preset)) {
      for (const { type, role, form } of formsOf(fx)) {
        if (isReadOnly(form) || hasEmptyChoice(form) || form.actions.some((a) => a.verb.startsWith('ipp.form.'))) continue;
        if (!caseSummary(fx.state, viewerOf(role).personId, fx.policy).myActions.includes(type)) continue;
        const parsed = schemaOf(type).safeParse(formInput(form, fillForm(form, fx.day, laterThan(fx), true)));
        if (!parsed.success) continue;
        const result = decide(fx.state, { ...(parsed.data as object), type } as CaseCommand, ctxOf(fx.policy, fx.day, viewerOf(role)));
        if (result.ok) recorded += 1;
        else if (!TIMING.includes(result.error.code) || result.error.fields) problems.push(`${fx.name} · ${type} · ${role}: ${result.error.code} ${result.error.message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(recorded).toBeGreaterThan(60);
  });
});

describe('a form shown again with errors keeps what was typed (R-CHAT-1)', () => {
  it.each(PRESETS)('R-CHAT-1: %s — every value typed comes back in its field, with the error beside the field it is about', (preset) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const fx of fixturesFor(preset)) {
      for (const { type, ctx, form } of formsOf(fx)) {
        if (!firstSeen(seen, form)) continue;
        const typed = Object.fromEntries(
          Object.entries(fillForm(form, fx.day, laterThan(fx))).map(([id, v]) => [id, form.fields.find((f) => f.id === id)?.kind === 'text' && !id.endsWith('link') ? `Typed for ${id}` : v]),
        );
        const inputs = form.fields.filter((f) => f.kind !== 'heading');
        const wrong = inputs[0]?.id;
        const again = formFor(type, { ...ctx, values: typed, fieldErrors: wrong ? { [wrong]: 'Please say a little more.' } : {} });
        for (const f of again.fields) {
          if (f.kind === 'heading') continue;
          const shown = f.kind === 'toggle' ? String(f.value) : f.value;
          if (shown !== typed[f.id]) problems.push(`${type}: ${f.id} shows “${shown}”, typed “${typed[f.id]}”`);
          if ((f.error !== null) !== (f.id === wrong)) problems.push(`${type}: ${f.id} error is ${String(f.error)}`);
        }
        if (JSON.stringify(formInput(again, typed)) !== JSON.stringify(formInput(form, typed))) problems.push(`${type}: the input changed when shown again`);
        const text = inputs.find((f) => f.kind === 'text');
        if (text && !JSON.stringify(formCard(again)).includes(`Typed for ${text.id}`)) problems.push(`${type}: the card lost ${text.id}`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  });
});
