import type { DeliveryWindow, SchoolPolicy } from '../services/policy';
import { createSchoolPolicy } from '../services/policy';
import type { Person } from '../services/people/person.schema';
import type { SchoolRecord, Store } from '../services/ports/store.port';

/** What is wrong with a school's stored policy settings, reported once per load (ids only). */
export type PolicyProblem = (schoolId: string, code: string, message: string) => void;

/**
 * Each school's policy (preset + settings), built from its stored record and cached for a minute, since
 * settings change rarely. One calendar serves deadlines and nudges alike (R-CAL-1, R-CHAT-3). Settings that
 * no longer pass their schema fall back to the preset's defaults, so nudges still go out while the head is
 * told to fix them; `defaultHours` fills in message hours the school has not set.
 */
export function schoolPolicies(store: Pick<Store, 'schools'>, options: { nowMs: () => number; defaultHours?: { from: string; to: string }; onProblem?: PolicyProblem }) {
  const cache = new Map<string, { at: number; policy: SchoolPolicy }>();
  const build = (school: SchoolRecord): SchoolPolicy => {
    const raw = { ...(options.defaultHours ? { messageHours: options.defaultHours } : {}), ...((school.settings ?? {}) as object) };
    const built = createSchoolPolicy({ presetId: school.presetId, settings: raw });
    if (built.ok) return built.value;
    options.onProblem?.(school.id, built.error.code, built.error.message);
    const fallback = createSchoolPolicy({ presetId: school.presetId });
    if (fallback.ok) return fallback.value;
    throw new Error(`School ${school.id} has no usable policy preset (${school.presetId})`);
  };
  const forSchool = async (schoolId: string): Promise<SchoolPolicy> => {
    const hit = cache.get(schoolId);
    if (hit && options.nowMs() - hit.at <= 60_000) return hit.policy;
    const school = await store.schools.get(schoolId);
    let policy: SchoolPolicy;
    if (school) policy = build(school);
    else {
      // A person whose school record is missing still gets nudges in ordinary working hours.
      options.onProblem?.(schoolId, 'POLICY.UNKNOWN_SCHOOL', 'no school record');
      policy = build({ id: schoolId, name: schoolId, presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 });
    }
    cache.set(schoolId, { at: options.nowMs(), policy });
    return policy;
  };
  return {
    forSchool,
    /** A person's delivery window: their working days and hours, in their school's calendar. */
    windowFor: async (person: Person): Promise<DeliveryWindow> => (await forSchool(person.schoolId)).deliveryWindow(person),
    /** Builds a policy for a school record without caching (set-up checks). */
    build,
  };
}
