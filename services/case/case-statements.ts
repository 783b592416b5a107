import { createHash } from 'node:crypto';
import type { Instant } from '../shared/time';
import type { ObjectiveRecord, Signature } from './case-records.schema';
import type { CaseState } from './case-state.schema';
import type { StatementKind } from './input-fields.schema';

// Statements are rendered from the case into one canonical text; a signature binds to its SHA-256, so any
// later change to what the statement says voids the signature and asks again (R-STM-1, R-STM-2).

/** A rendered statement: the canonical text and its SHA-256 (hex). */
export interface RenderedStatement {
  canonical: string;
  hash: string;
}

/** JSON with keys sorted at every level: one spelling per content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The current version of an objective. */
export function latest(o: ObjectiveRecord): ObjectiveRecord['versions'][number] {
  return o.versions[o.versions.length - 1] as ObjectiveRecord['versions'][number];
}

/** Objectives in the plan now (removed ones stay in the record, not on the statement). */
export const activeObjectives = (s: CaseState): ObjectiveRecord[] => s.objectives.filter((o) => o.status === 'active');

function objectiveContent(o: ObjectiveRecord) {
  const { by: _by, at: _at, reason: _reason, ...v } = latest(o);
  return { id: o.id, source: o.source, groupId: o.groupId, carriedFrom: o.carriedFrom, ...v };
}

function planningContent(s: CaseState) {
  const interim = s.cycle.phases.find((p) => p.name === 'interim') ?? null;
  return {
    statement: 'planning',
    caseId: s.id,
    revieweeId: s.revieweeId,
    cycle: { start: s.cycle.start, end: s.cycle.end },
    objectives: activeObjectives(s).map(objectiveContent),
    agreement: { status: s.agreement.status, disagreement: s.agreement.disagreement?.reason ?? null, note: s.agreement.note },
    developmentPlan: s.developmentPlan ? { goals: s.developmentPlan.goals, supportForObjectives: s.developmentPlan.supportForObjectives } : null,
    monitoring: interim ? { interimFrom: interim.from, interimTo: interim.to } : null,
    comments: s.statements.planning.comments.map((c) => ({ by: c.by, text: c.text })),
  };
}

function reviewContent(s: CaseState) {
  const a = s.assessment;
  const approved = s.pay.approval && s.pay.recommendation ? { recommendation: s.pay.recommendation.recommendation, rationale: s.pay.recommendation.rationale } : null;
  return {
    statement: 'review',
    caseId: s.id,
    revieweeId: s.revieweeId,
    cycle: { start: s.cycle.start, end: s.cycle.end },
    objectives: activeObjectives(s).map((o) => ({ id: o.id, version: latest(o).version, headline: latest(o).headline })),
    assessment: a ? { ...a, by: undefined, at: undefined } : null,
    selfReview: s.selfReview ? { overview: s.selfReview.overview, comments: s.selfReview.comments } : null,
    pay: approved,
    supportDelivered: s.supportDelivered.map((d) => ({ ref: d.ref, deliveredOn: d.deliveredOn, note: d.note })),
    comments: s.statements.review.comments.map((c) => ({ by: c.by, text: c.text })),
  };
}

/** Renders the planning or review statement into its canonical form and fingerprint. Pure. */
export function renderStatement(state: CaseState, kind: StatementKind): RenderedStatement {
  const canonical = canonicalJson(kind === 'planning' ? planningContent(state) : reviewContent(state));
  return { canonical, hash: createHash('sha256').update(canonical, 'utf8').digest('hex') };
}

/** Valid (not voided) signatures of a statement. */
export const validSignatures = (s: CaseState, kind: StatementKind): Signature[] => s.statements[kind].signatures.filter((g) => g.voidedAt === null);

/** True when both the reviewee and a reviewer have a valid signature on the statement (R-STM-2). */
export function isFullySigned(s: CaseState, kind: StatementKind): boolean {
  const valid = validSignatures(s, kind);
  return valid.some((g) => g.role === 'reviewee' && g.by === s.revieweeId) && valid.some((g) => g.role === 'reviewer');
}

/** Voids every signature whose fingerprint no longer matches its statement; returns what was voided (mutates the draft). */
export function voidStaleSignatures(s: CaseState, now: Instant): { kind: StatementKind; signature: Signature }[] {
  const voided: { kind: StatementKind; signature: Signature }[] = [];
  for (const kind of ['planning', 'review'] as const) {
    const record = s.statements[kind];
    if (!record.signatures.some((g) => g.voidedAt === null)) continue;
    const { hash } = renderStatement(s, kind);
    for (const g of record.signatures) {
      if (g.voidedAt === null && g.hash !== hash) {
        g.voidedAt = now;
        voided.push({ kind, signature: g });
      }
    }
  }
  return voided;
}
