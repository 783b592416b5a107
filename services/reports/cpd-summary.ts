import { csvText } from './csv-text';
import { groupTexts, redactor } from './free-text';
import type { ReportCaseInput } from './report-input';

// The CPD summary for the professional-development manager (R-RPT-3): training needs from statements, grouped,
// with how many staff have each, and agreed support not yet delivered (R-SUP-1). It goes to one person who
// plans training, so counts are not suppressed, but it names no one: staff names, emails and ids the school
// passes in are removed from the free text.

/** A grouped text and how many staff it applies to. */
export interface CpdLine {
  readonly text: string;
  readonly staff: number;
}

/** The CPD summary. */
export interface CpdSummary {
  readonly needs: readonly CpdLine[];
  readonly supportNotDelivered: readonly CpdLine[];
  readonly staffWithNeeds: number;
  readonly supportItems: { readonly agreed: number; readonly delivered: number };
}

/** Groups training needs and undelivered support from anonymous cases (R-RPT-3, R-SUP-1). */
export function buildCpdSummary(cases: readonly Pick<ReportCaseInput, 'trainingNeeds' | 'support'>[], options: { readonly redact: readonly string[] }): CpdSummary {
  const scrub = redactor(options.redact);
  const needs = cases.map((c) => c.trainingNeeds.map(scrub));
  const waiting = cases.map((c) => c.support.filter((s) => !s.delivered).map((s) => scrub(s.agreed)));
  const support = cases.flatMap((c) => c.support);
  return {
    needs: groupTexts(needs).map((g) => ({ text: g.text, staff: g.count })),
    supportNotDelivered: groupTexts(waiting).map((g) => ({ text: g.text, staff: g.count })),
    staffWithNeeds: needs.filter((n) => groupTexts([n]).length > 0).length,
    supportItems: { agreed: support.length, delivered: support.filter((s) => s.delivered).length },
  };
}

/** The summary as CSV: kind, text, staff. */
export function renderCpdSummaryCsv(summary: CpdSummary): string {
  return csvText([
    ['Kind', 'Text', 'Staff'],
    ...summary.needs.map((n) => ['Training need', n.text, n.staff]),
    ...summary.supportNotDelivered.map((s) => ['Agreed support not yet delivered', s.text, s.staff]),
  ]);
}
