import type { DeliveryWindow } from '../../services/policy/delivery-window';
import { nextDeliveryInstant } from '../../services/policy/delivery-window';
import type { DigestReader, DueWorkSource } from '../../services/nudges/digest';
import { planDigests } from '../../services/nudges/digest';
import { londonWallClock } from '../../services/shared/london-time';
import type { Person } from '../../services/people/person.schema';
import type { Store } from '../../services/ports/store.port';
import type { Clock } from '../../services/shared/time';

// Daily digests (R-CHAT-3): once a London day, each reviewer with people who have something due or overdue,
// and the head, get one round-up. Planned as reminders with a per-day id, so however many replicas plan
// them, each reader gets at most one a day; the relay delivers them inside the reader's window.

/** What the digest job needs. */
export interface DigestJobDeps {
  store: Pick<Store, 'schools' | 'people' | 'reminders'>;
  source: DueWorkSource;
  clock: Clock;
  windowFor(person: Person): Promise<DeliveryWindow>;
}

/** Plans today's digests once per London day in this process; returns how many were newly created. */
export function digestJob(deps: DigestJobDeps) {
  let plannedFor: string | null = null;
  return async function runIfNewDay(): Promise<number> {
    const now = deps.clock.now();
    const today = londonWallClock(now).day;
    if (plannedFor === today) return 0;
    let created = 0;
    for (const school of await deps.store.schools.list()) {
      const items = await deps.source.dueWork(school.id, today);
      if (items.length === 0) continue;
      const reviewerIds = new Set(items.map((i) => i.reviewerId).filter((id): id is string => id !== null));
      const readers: DigestReader[] = [];
      for (const p of await deps.store.people.list(school.id)) {
        const role = p.headteacher ? 'head' : reviewerIds.has(p.id) ? 'reviewer' : null;
        if (!role || (p.leftOn !== null && p.leftOn <= today)) continue;
        const window = await deps.windowFor(p);
        // Only while today's window is still open for them: a digest is never carried into tomorrow.
        if (londonWallClock(nextDeliveryInstant(now, window)).day !== today) continue;
        readers.push({ schoolId: school.id, personId: p.id, role, window });
      }
      for (const r of planDigests(readers, items, today)) if (await deps.store.reminders.create(r)) created += 1;
    }
    plannedFor = today;
    return created;
  };
}
