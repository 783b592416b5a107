import fc from 'fast-check';
import { formCard } from '../../cards/teams/cards';
import { checkFormInput, formFor, formInput, needsForm } from '../../cards/views/forms';
import type { FormContext, FormView } from '../../cards/views/forms';
import { COMMAND_TYPES } from '../../services/case';
import { activeObjectives } from '../../services/case/case-statements';
import { allFixtures } from './card-fixtures';
import { firstSeen, formCtx, issuers, viewerOf } from './card-rules';

// Whatever a card or modal sends back — wrong types, missing fields, huge strings, keys nobody asked for —
// turning it into command input and checking it never throws: it is accepted, or each problem is a field
// error the form can show again (R-CHAT-1).

/** Every distinct form of every command, wherever it may be issued, with the context that made it. */
const FORMS: { ctx: FormContext; form: FormView }[] = (() => {
  const seen = new Set<string>();
  const out: { ctx: FormContext; form: FormView }[] = [];
  for (const fx of allFixtures()) {
    const objectiveId = activeObjectives(fx.state)[0]?.id ?? '';
    for (const type of COMMAND_TYPES.filter((t) => t !== 'case.open' && needsForm(t))) {
      for (const role of issuers(type, fx)) {
        const ctx = formCtx(fx, viewerOf(role), { args: { objectiveId } });
        const form = formFor(type, ctx);
        if (firstSeen(seen, form)) out.push({ ctx, form });
      }
    }
  }
  return out;
})();

const huge = fc.constantFrom('x'.repeat(5_000), 'é'.repeat(30_000), ' '.repeat(4_001), `${'<!channel> '.repeat(500)}`);
const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  huge,
  fc.constantFrom('', ' ', 'true', 'false', '2026-02-30', 'not a date', '0', '-1', 'https://', 'a,b,,c', '__proto__', 'met', 'none'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A form, and flat values for some of its fields and some keys it never had. */
const submission = fc.constantFrom(...FORMS).chain(({ ctx, form }) => {
  const ids = form.fields.map((f) => f.id);
  const key = fc.oneof(fc.constantFrom(...(ids.length ? ids : ['note']), 'caseId', 'version', 'constructor', 'toString'), fc.string({ maxLength: 12 }));
  return fc.record({ ctx: fc.constant(ctx), form: fc.constant(form), values: fc.dictionary(key, anyValue, { maxKeys: 25 }) });
});

describe('any submitted values through formInput and the command schema (R-CHAT-1)', () => {
  it('the forms under test cover every command that has one', () => {
    const covered = new Set(FORMS.map((f) => f.form.command));
    expect(COMMAND_TYPES.filter((t) => t !== 'case.open' && needsForm(t) && !covered.has(t))).toEqual([]);
  });

  it('R-CHAT-1: never throws — the input is accepted, or every problem is a field error shown on the form again', () => {
    fc.assert(
      fc.property(submission, ({ ctx, form, values }) => {
        const parsed = checkFormInput(form.command, formInput(form, values));
        if (parsed.ok) return;
        const errors = parsed.fieldErrors;
        expect(Object.keys(errors).length).toBeGreaterThan(0);
        const again = formFor(form.command, { ...ctx, values, fieldErrors: errors });
        for (const [id, message] of Object.entries(errors)) {
          expect(message.length).toBeGreaterThan(0);
          const onField = again.fields.some((f) => f.kind !== 'heading' && f.id === id && f.error === message);
          expect(onField || again.errors.some((e) => e.endsWith(message))).toBe(true);
        }
        for (const f of again.fields) if (f.kind !== 'heading') expect(typeof f.value).toBe(f.kind === 'toggle' ? 'boolean' : 'string');
      }),
      { numRuns: 2_000, seed: 20261125 },
    );
  });

  it('R-CHAT-1: every problem is told in plain words, never in the checker\'s own terms ("Invalid option", "expected string")', () => {
    const developerWords = /invalid|expected|received|undefined|NaN|\bnull\b|regex|enum|[“"]/i;
    const seen = new Set<string>();
    fc.assert(
      fc.property(submission, ({ form, values }) => {
        const parsed = checkFormInput(form.command, formInput(form, values));
        if (parsed.ok) return;
        for (const message of Object.values(parsed.fieldErrors)) {
          seen.add(message);
          expect(message).not.toMatch(developerWords);
        }
      }),
      { numRuns: 2_000, seed: 20261125 },
    );
    expect([...seen].filter((m) => m.startsWith('Please choose ')).length).toBeGreaterThan(1);
    expect(seen).toContain('Please fill this in.');
  });

  it('R-CHAT-1: a form shown again with whatever was sent still renders as a card', () => {
    fc.assert(
      fc.property(submission, ({ ctx, form, values }) => {
        const card = formCard(formFor(form.command, { ...ctx, values, fieldErrors: {} })) as unknown as { version: string; body: unknown[] };
        expect([card.version, card.body.length > 0]).toEqual(['1.5', true]);
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
