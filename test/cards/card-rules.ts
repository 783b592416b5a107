import type { z } from 'zod/v4';
import { allVerbs } from '../../cards/verbs';
import type { FieldView, FormContext, FormView } from '../../cards/views/forms';
import { COMMAND_INPUT_SCHEMAS, mayIssue } from '../../services/case';
import type { CaseActor, CaseRole, CommandType } from '../../services/case';
import { ACTORS } from '../case/case-fixtures';
import { cardProblems, verbsIn } from '../support/card-checks';
import { PEOPLE_AT_SCHOOL, ROLES } from './card-fixtures';
import type { CaseFixture } from './card-fixtures';

// The card checks of test/support, plus the rules of the case cards: every verb has a route, and a form
// never asks anyone to type an id.

/** Everything wrong with a rendered card: the parser's and the product's rules, and verbs with no route. */
export function cardRuleProblems(card: unknown): string[] {
  const unrouted = verbsIn(card).filter((v) => !(allVerbs as readonly string[]).includes(v)).map((v) => `verb ${v} has no route`);
  return [...cardProblems(card), ...unrouted];
}

/** True for a field that holds a record's or a person's id (`observerId`, `personIds`, `ref.id`). */
export const isIdField = (id: string): boolean => /(^|\.)(id|[a-zA-Z]*Ids?)$/.test(id);

/** Fields that ask someone to type an id: there must be none. */
export const typedIds = (form: FormView): string[] => form.fields.filter((f) => f.kind !== 'heading' && f.kind !== 'choice' && isIdField(f.id)).map((f) => `${form.command}: ${f.id}`);

/**
 * Only views not seen before, ignoring the case version they carry: many stages and roles give the same card,
 * and rendering is the slow part of the checks.
 */
export function firstSeen<T>(seen: Set<string>, view: T): boolean {
  const key = JSON.stringify(view, (k, v: unknown) => (k === 'version' ? 0 : v));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The form context for a viewer of a fixture. */
export const formCtx = (fx: CaseFixture, viewer: CaseActor, extra: Partial<FormContext> = {}): FormContext => ({
  state: fx.state, version: fx.state.seq, policy: fx.policy, viewerId: viewer.personId, values: {}, fieldErrors: {}, args: {}, people: PEOPLE_AT_SCHOOL, ...extra,
});

/** The roles that may issue a command while the case is where the fixture is. */
export const issuers = (type: CommandType, fx: CaseFixture): CaseRole[] => ROLES.filter((r) => mayIssue(r, type, fx.state.stage));

/** The viewer holding a role. */
export const viewerOf = (role: CaseRole): CaseActor => ACTORS[role];

// Dates a person gives for something that has happened; every other date is in the future.
const PAST_DATES = /(^|\.)(heldOn|deliveredOn|reviewOn|leftOn|meetingOn)$/;

/** One field filled the way a careful person would: what is there already, else sensible words, a date or the first choice. */
export function fillField(f: Exclude<FieldView, { kind: 'heading' }>, today: string, later: string, change = false): string {
  switch (f.kind) {
    case 'text':
      if (f.value) return change && !f.id.endsWith('link') ? `${f.value} (as agreed)`.slice(-f.maxLength) : f.value;
      return f.id.endsWith('link') ? 'https://example.org/evidence/reading' : `Notes on ${f.id.split('.').pop() ?? 'this'}`.slice(0, f.maxLength);
    case 'date':
      return f.value || (PAST_DATES.test(f.id) ? today : later);
    case 'choice':
      return f.value || (f.choices[0]?.value ?? '');
    case 'toggle':
      return f.value ? 'true' : 'false';
  }
}

/** A whole form filled in, as flat card values; `change` adds to what was there, as someone editing would. */
export function fillForm(form: FormView, today: string, later: string, change = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of form.fields) if (f.kind !== 'heading') out[f.id] = fillField(f, today, later, change);
  return out;
}

/** The command's own input schema, as the chat edge uses it. */
export const schemaOf = (type: CommandType): z.ZodType => COMMAND_INPUT_SCHEMAS[type] as unknown as z.ZodType;

/** True when a form only tells (nothing to send): its one button goes back. */
export const isReadOnly = (form: FormView): boolean => !form.actions.some((a) => a.verb === `ipp.do.${form.command}` || a.verb === `ipp.form.${form.command}`);

/** True when a required choice had nothing to choose from (shown as a note instead). */
export const hasEmptyChoice = (form: FormView): boolean => form.fields.some((f) => f.kind === 'heading' && f.label.endsWith('there is nothing to choose yet.'));
