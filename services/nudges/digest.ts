import type { ReminderRecord } from '../ports/store.port';
import type { CivilDate } from '../shared/time';
import type { DeliveryWindow } from '../policy/delivery-window';
import { windowOpening } from '../policy/delivery-window';
import { dateInWords, iso } from '../shared/london-time';
import type { NudgeContent } from './messenger.port';

/** A step that is due soon or overdue, for a digest. */
export interface DueItem {
  caseId: string;
  revieweeName: string;
  reviewerId: string | null;
  stepTitle: string;
  due: CivilDate;
}

/** Someone who gets a digest: a reviewer (their people) or the head (everyone). */
export interface DigestReader {
  schoolId: string;
  personId: string;
  role: 'reviewer' | 'head';
  window: DeliveryWindow;
}

const line = (i: DueItem) => `${i.revieweeName}: ${i.stepTitle}, due ${dateInWords(i.due)}`;

/** What one digest says: overdue first, then due soon; null when there is nothing to say. */
export function digestContent(items: DueItem[], today: CivilDate): NudgeContent | null {
  if (items.length === 0) return null;
  const sorted = [...items].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.revieweeName.localeCompare(b.revieweeName)));
  const overdue = sorted.filter((i) => i.due < today);
  const soon = sorted.filter((i) => i.due >= today);
  const lines = [
    ...(overdue.length ? [`Overdue (${overdue.length}):`, ...overdue.map(line)] : []),
    ...(soon.length ? [`Due soon (${soon.length}):`, ...soon.map(line)] : []),
  ];
  return { kind: 'digest', title: `Your appraisal round-up for ${dateInWords(today)}`, lines, due: null, open: null };
}

/** The id of a reader's digest for a day: one a day at most, however often planning runs. */
export const digestId = (personId: string, day: CivilDate): string => `digest/${personId}/${day}`;

/**
 * Plans today's digests: each reviewer gets their own people's due and overdue steps, the head everyone's,
 * in one message at the opening of their window (R-CHAT-3: one a day at most, by its deterministic id).
 */
export function planDigests(readers: DigestReader[], items: DueItem[], today: CivilDate): ReminderRecord[] {
  const out: ReminderRecord[] = [];
  for (const reader of readers) {
    const mine = reader.role === 'head' ? items : items.filter((i) => i.reviewerId === reader.personId);
    const content = digestContent(mine, today);
    if (!content) continue;
    out.push({
      id: digestId(reader.personId, today), schoolId: reader.schoolId, caseId: `digest:${today}`, rule: 'digest', recipientId: reader.personId,
      dueAt: iso(windowOpening(today, reader.window)), state: 'pending', leaseUntil: null, attempts: 0, payload: { content },
    });
  }
  return out;
}

/** Where the digest finds what is due and overdue in a school (implemented by the case workflow). */
export interface DueWorkSource {
  dueWork(schoolId: string, today: CivilDate): Promise<DueItem[]>;
}
