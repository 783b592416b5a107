import { renderStatement } from '../../../services/case/case-statements';
import type { StatementKind } from '../../../services/case/input-fields.schema';
import { formOf, textField } from './form-fields';
import type { DocumentView, FormContext, FormView } from './form.types';

// A signature card shows exactly what is being signed and its short fingerprint (R-STM-2).

const statementKind = (ctx: FormContext): StatementKind => (ctx.args.statement === 'review' || ctx.state.stage.startsWith('review') ? 'review' : 'planning');

/** The statement as lines a person can read: the canonical content, one line per entry. */
export function statementDocument(ctx: FormContext, kind: StatementKind): DocumentView & { hash: string } {
  const { canonical, hash } = renderStatement(ctx.state, kind);
  const lines: string[] = [];
  const walk = (value: unknown, label: string) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${label} ${i + 1}`));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, label ? `${label} · ${k}` : k);
    else if (!/(^|· )(caseId|revieweeId|id|by|statement)$/.test(label)) lines.push(`${label}: ${String(value)}`);
  };
  walk(JSON.parse(canonical), '');
  return { heading: `${kind === 'planning' ? 'Planning' : 'Review'} statement · fingerprint ${hash.slice(0, 8)}`, lines, hash };
}

/** Signing a statement: the fingerprint travels with the button, so a changed statement cannot be signed blind. */
export function statementSignForm(ctx: FormContext): FormView {
  const kind = statementKind(ctx);
  const doc = statementDocument(ctx, kind);
  return formOf(ctx, 'statement.sign', {
    title: `Sign your ${kind} statement`,
    intro: 'Please read it through. Signing says you have seen it; you can add comments first if you wish.',
    document: { heading: doc.heading, lines: doc.lines },
    fields: [],
    fixed: { statement: kind, hash: doc.hash },
    submitTitle: 'Sign',
  });
}

/** Commenting on a statement before signing (R-STM-1). */
export function statementCommentForm(ctx: FormContext): FormView {
  const kind = statementKind(ctx);
  const doc = statementDocument(ctx, kind);
  return formOf(ctx, 'statement.comment', {
    title: `Comment on the ${kind} statement`,
    intro: 'Your comments are kept with the statement. You can still sign it afterwards.',
    document: { heading: doc.heading, lines: doc.lines },
    fields: [textField(ctx, 'text', 'Your comments', { required: true })],
    fixed: { statement: kind },
    submitTitle: 'Add comments',
  });
}
