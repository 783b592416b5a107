import type { CpdLine, CpdSummary } from '../../services/reports';
import type { CivilDate } from '../../services/shared/time';
import { Verbs } from '../verbs';
import type { ListView } from './list.view';

// "Training needs" for the professional-development manager and the headteacher (R-RPT-3, R-SUP-1): the CPD
// summary of one cycle as a list card, a page at a time. The summary arrives already scrubbed of names, emails and
// ids; this only lays it out. A page holds at most CPD_PAGE_LINES lines and CPD_PAGE_BYTES of text, so a page of
// long needs stays well inside a Teams card's 28 KB and a Slack message's 50 blocks.

/** The most grouped lines one page shows. */
export const CPD_PAGE_LINES = 15;
/** The most text one page shows, in bytes as a card carries it. */
export const CPD_PAGE_BYTES = 8_000;

/** A cycle as the screen names it: its start (the id a button carries) and its name in words. */
export interface CpdCycle {
  id: CivilDate;
  /** "the 2025 to 2026 cycle" */
  name: string;
}

/** What the screen shows: one cycle's summary, how many appraisals it has, and the cycles either side that have any. */
export interface CpdViewInput {
  summary: CpdSummary;
  cycle: CpdCycle;
  appraisals: number;
  page: number;
  earlier: CpdCycle | null;
  later: CpdCycle | null;
}

type Kind = 'need' | 'support';
type Row = { kind: Kind; line: string };

const SECTION: Record<Kind, string> = { need: 'Training needs', support: 'Agreed support not yet given' };

const staffWords = (n: number) => (n === 1 ? '1 member of staff' : `${n} staff`);
const lineOf = (l: CpdLine) => `${l.text} (${staffWords(l.staff)})`;
const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
const bytes = (line: string) => Buffer.byteLength(JSON.stringify(line));

/** Every line in order: the needs, then the support still to give, each list saying so when it is empty. */
function rowsOf(summary: CpdSummary): Row[] {
  const needs = summary.needs.map((l) => ({ kind: 'need' as const, line: lineOf(l) }));
  const support = summary.supportNotDelivered.map((l) => ({ kind: 'support' as const, line: lineOf(l) }));
  const noSupport = summary.supportItems.agreed === 0 ? 'No support has been agreed yet.' : 'All the support agreed has been given.';
  return [
    ...(needs.length ? needs : [{ kind: 'need' as const, line: 'None recorded yet.' }]),
    ...(support.length ? support : [{ kind: 'support' as const, line: noSupport }]),
  ];
}

/** The rows cut into pages: as many lines as fit the limits, and always at least one. */
export function cpdPages<T extends { line: string }>(rows: readonly T[]): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let size = 0;
  for (const row of rows) {
    if (page.length > 0 && (page.length >= CPD_PAGE_LINES || size + bytes(row.line) > CPD_PAGE_BYTES)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(row);
    size += bytes(row.line);
  }
  return [...pages, page];
}

function introOf(input: CpdViewInput): string {
  const { summary, cycle, appraisals } = input;
  const cycleName = capitalised(cycle.name);
  if (appraisals === 0) return `${cycleName} has no appraisals, so there are no training needs to show.`;
  const who =
    summary.staffWithNeeds === 0
      ? `none of the ${staffWords(appraisals)} appraised has training needs recorded yet; reviewers add them at the final review.`
      : `${summary.staffWithNeeds} of ${staffWords(appraisals)} ${summary.staffWithNeeds === 1 ? 'has' : 'have'} training needs recorded.`;
  return `${cycleName}: ${who} No one is named: names, emails and ids are taken out of what was written.`;
}

/** The "Training needs" screen for one cycle and page. */
export function cpdView(input: CpdViewInput): ListView {
  const { summary, cycle } = input;
  const cycles: ListView['actions'] = [input.earlier, input.later]
    .filter((c): c is CpdCycle => c !== null)
    .map((c) => ({ verb: Verbs.cpdShow, title: `See ${c.name}`, data: { cycle: c.id, page: 0 } }));
  if (input.appraisals === 0) return { title: 'Training needs', intro: introOf(input), items: [], actions: cycles };

  const rows = rowsOf(summary);
  const pages = cpdPages(rows);
  const at = Math.max(0, Math.min(Math.trunc(input.page), pages.length - 1));
  const shown = pages[at] ?? [];
  const before = pages.slice(0, at).flat();
  const items: ListView['items'] = (['need', 'support'] as const).flatMap((kind) => {
    const lines = shown.filter((r) => r.kind === kind).map((r) => r.line);
    if (lines.length === 0) return [];
    const all = rows.filter((r) => r.kind === kind).length;
    const from = before.filter((r) => r.kind === kind).length;
    const range = lines.length < all ? ` (${from + 1} to ${from + lines.length} of ${all})` : '';
    return [{ heading: `${SECTION[kind]}${range}`, lines, actions: [] }];
  });
  const { agreed, delivered } = summary.supportItems;
  items.push({
    heading: 'Support in total',
    lines: [agreed === 0 ? 'No support has been agreed yet.' : `${agreed} ${agreed === 1 ? 'piece' : 'pieces'} of support agreed, ${delivered} given so far.`],
    actions: [],
  });
  const nav: ListView['actions'] = [
    ...(at > 0 ? [{ verb: Verbs.cpdShow, title: 'Back', data: { cycle: cycle.id, page: at - 1 } }] : []),
    ...(at < pages.length - 1 ? [{ verb: Verbs.cpdShow, title: 'Next', data: { cycle: cycle.id, page: at + 1 } }] : []),
  ];
  const where = pages.length > 1 ? ` Page ${at + 1} of ${pages.length}.` : '';
  return { title: 'Training needs', intro: `${introOf(input)}${where}`, items, actions: [...nav, ...cycles] };
}
