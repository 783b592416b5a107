import { createHash } from 'node:crypto';
import { renderStatement } from '../case/case-statements';
import type { CaseState } from '../case/case-state.schema';
import { redactor } from './free-text';

// An anonymised sample of statements for governors or Ofsted on request (R-RPT-2): each statement's canonical
// content with ids replaced by roles or numbers, and names, emails, staff ids and anything that reads like a
// name taken out of the free text. Removing too much is safer than too little.

/** One anonymised statement of the sample. */
export interface SampleStatement {
  readonly label: string;
  readonly kind: 'planning' | 'review';
  readonly content: unknown;
}

const ID_KEYS = new Set(['caseId', 'revieweeId', 'id', 'objectiveId', 'groupId']);
// Two or more capitalised words in a row inside a sentence, as a person's name is written (Tom Okafor).
const NAME_LIKE = /(?<=[\p{Ll}\p{N},;:)] )\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'-]+)+/gu;

/** Picks up to `size` cases by a fingerprint of their ids, so the same request gives the same sample. */
function pick(cases: readonly CaseState[], size: number): CaseState[] {
  const key = (s: CaseState) => createHash('sha256').update(s.id).digest('hex');
  return [...cases].sort((a, b) => key(a).localeCompare(key(b))).slice(0, Math.max(0, size));
}

/** An anonymised sample of up to `size` planning and review statements (R-RPT-2). */
export function anonymisedSample(cases: readonly CaseState[], options: { readonly size: number; readonly redact: readonly string[] }): SampleStatement[] {
  const scrubTerms = redactor([...options.redact, ...cases.flatMap((s) => [...Object.keys(s.names), ...Object.values(s.names), s.revieweeId, s.id])]);
  const scrub = (text: string) => scrubTerms(text).replace(NAME_LIKE, '[name removed]');
  return pick(cases, options.size).flatMap((s, i) => {
    const roleOf = (id: string) => (id === s.revieweeId ? 'reviewee' : id === s.reviewerId ? 'reviewer' : 'someone else');
    const objectiveNumber = new Map(s.objectives.map((o, k) => [o.id, `objective ${k + 1}`]));
    const walk = (value: unknown, key: string): unknown => {
      if (Array.isArray(value)) return value.map((v) => walk(v, key));
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, k)]));
      if (typeof value !== 'string') return value;
      if (key === 'by') return roleOf(value);
      if (ID_KEYS.has(key)) return objectiveNumber.get(value) ?? '[id removed]';
      return scrub(value);
    };
    const kinds = s.stage === 'planning' || s.objectives.length === 0 ? [] : (['planning', 'review'] as const).filter((k) => k === 'planning' || s.assessment !== null);
    return kinds.map((kind) => ({ label: `Statement ${i + 1}`, kind, content: walk(JSON.parse(renderStatement(s, kind).canonical), '') }));
  });
}

/** The sample as plain JSON text. */
export const renderSampleJson = (sample: readonly SampleStatement[]): string => JSON.stringify(sample, null, 2);
