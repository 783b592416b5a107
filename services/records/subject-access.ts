import type { CaseState } from '../case/case-state.schema';
import type { Person } from '../people/person.schema';
import type { AuditEvent, EqualityRecord } from '../ports/store.port';
import { equalityAnswersInWords } from '../reports/equality-labels';
import { escapeHtml } from '../reports/html-escape';
import { dateInWords, londonWallClock } from '../shared/london-time';

// A subject access request: everything held about one person — their roster record, their own cases, the audit
// events about those cases and their equality answers (the one place those are shown one by one, R-RPT-1).
// Other people appear by id only: their names are taken out (R-PRV-1).

/** Everything held about one person. */
export interface SubjectAccessExport {
  readonly person: Person;
  readonly cases: readonly CaseState[];
  readonly audit: readonly AuditEvent[];
  /** Their equality answers, where they came from and when they last changed; `null` when none are held. */
  readonly equality: Pick<EqualityRecord, 'answers' | 'source' | 'updatedAt'> | null;
}

/** The export, with other people's names removed from each case (ids stay, so the record still reads). */
export function buildSubjectAccessExport(person: Person, cases: readonly CaseState[], audit: readonly AuditEvent[], equality: EqualityRecord | null): SubjectAccessExport {
  const own = cases.filter((c) => c.revieweeId === person.id);
  const ids = new Set(own.map((c) => c.id));
  return {
    person,
    cases: own.map((c) => ({ ...c, names: Object.fromEntries(Object.entries(c.names).filter(([id]) => id === person.id)) })),
    audit: audit.filter((e) => e.caseId !== null && ids.has(e.caseId)),
    equality: equality !== null && equality.personId === person.id && equality.schoolId === person.schoolId ? { answers: equality.answers, source: equality.source, updatedAt: equality.updatedAt } : null,
  };
}

const SOURCE_WORDS: Readonly<Record<EqualityRecord['source'], string>> = {
  self: 'You gave these answers yourself, in your chat with the appraisal bot.',
  import: 'These answers came from the school’s HR records.',
};

/** The equality answers in words, or that none are held (R-RPT-1). */
function equalitySection(equality: SubjectAccessExport['equality']): string[] {
  if (equality === null) return ['<p>We hold no equality answers for you.</p>'];
  const day = londonWallClock(new Date(equality.updatedAt)).day;
  const on = escapeHtml(`${dateInWords(day)} ${day.slice(0, 4)}`);
  if (Object.keys(equality.answers).length === 0) {
    return [
      equality.source === 'self'
        ? `<p>We hold no equality answers for you. On ${on} you chose to give none, so the school’s HR records will not fill them in.</p>`
        : `<p>We hold no equality answers for you. The school’s HR records gave none on ${on}.</p>`,
    ];
  }
  const rows = equalityAnswersInWords(equality.answers).map((a) => `<tr><th scope="row">${escapeHtml(a.question)}</th><td>${escapeHtml(a.answer)}</td></tr>`);
  return [
    `<p>${escapeHtml(SOURCE_WORDS[equality.source])} They were last changed on ${on}.</p>`,
    '<p>They are only counted in the report to governors, and never shown to anyone one person at a time. You can change or remove them in your chat with the appraisal bot.</p>',
    `<table>${rows.join('')}</table>`,
  ];
}

function block(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '<p>(none)</p>' : `<ol>${value.map((v) => `<li>${block(v)}</li>`).join('')}</ol>`;
  if (value !== null && typeof value === 'object') {
    const rows = Object.entries(value as Record<string, unknown>).map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${block(v)}</td></tr>`);
    return rows.length === 0 ? '<p>(none)</p>' : `<table>${rows.join('')}</table>`;
  }
  return escapeHtml(value === null || value === undefined ? '' : String(value));
}

/** The export as one readable HTML document; every value is escaped. */
export function renderSubjectAccessHtml(x: SubjectAccessExport): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8"><title>Your appraisal records</title>',
    '<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}th{text-align:left;vertical-align:top;padding-right:1em}td,th{border-top:1px solid #ddd}</style></head><body>',
    `<h1>Appraisal records held about ${escapeHtml(x.person.name)}</h1>`,
    '<p>Other people are shown by their id only.</p>',
    '<h2>Your record on the staff list</h2>',
    block(x.person),
    `<h2>Your appraisals (${x.cases.length})</h2>`,
    ...x.cases.map((c) => `<h3>Cycle from ${escapeHtml(c.cycle.start)} to ${escapeHtml(c.cycle.end)}</h3>${block(c)}`),
    `<h2>Who did what, and when (${x.audit.length})</h2>`,
    block(x.audit),
    '<h2>Your equality answers</h2>',
    ...equalitySection(x.equality),
    '</body></html>',
  ].join('\n');
}
