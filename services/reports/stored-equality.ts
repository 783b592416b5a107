import type { Person } from '../people/person.schema';
import type { EqualityRecord } from '../ports/store.port';
import type { Instant } from '../shared/time';
import type { EqualityInput } from './report-input';

// Stored equality answers (R-RPT-1) as the governors' report joins them, and the HR file's answers as the admin
// command stores them. Answers never leave here except to be stored or counted: what callers get back about an
// import or the stored answers is counts, person ids and staff ids.

/** Stored answers by person id, as `cycleGovernorsReport` joins them to the cases. */
export function equalityByPerson(records: readonly EqualityRecord[]): Map<string, EqualityInput> {
  return new Map(records.map((r) => [r.personId, r.answers]));
}

/** Answers keyed by staff id, joined to the roster (staff ids compared in any case, as the roster import does). */
export function equalityByStaffId(byStaff: ReadonlyMap<string, EqualityInput>, people: readonly Person[]): { byPerson: Map<string, EqualityInput>; notOnRoster: string[] } {
  const onRoster = new Map(people.map((p) => [p.staffId.toLowerCase(), p.id]));
  const byPerson = new Map<string, EqualityInput>();
  const notOnRoster: string[] = [];
  for (const [staffId, answers] of byStaff) {
    const personId = onRoster.get(staffId.toLowerCase());
    if (personId === undefined) notOnRoster.push(staffId);
    else byPerson.set(personId, answers);
  }
  return { byPerson, notOnRoster: notOnRoster.sort() };
}

/** What an HR import would do: counts and ids only, never an answer (R-RPT-1). */
export interface EqualityImportPlan {
  /**
   * The records to store, each with source `import`: the file's answers, or no answers at all for someone whose
   * row is now blank and who had answers from an earlier file (so those are taken away by the same write).
   */
  readonly toStore: readonly EqualityRecord[];
  /** People who gave their own answers in chat: the file never overwrites them. */
  readonly keptOwnAnswers: number;
  /** Rows with every answer blank. */
  readonly blankRows: number;
  /** Staff ids in the file that are not on the roster, for the school to fix. */
  readonly notOnRoster: readonly string[];
}

/** True when a record holds at least one answer. */
export const hasAnswers = (r: Pick<EqualityRecord, 'answers'>): boolean => Object.keys(r.answers).length > 0;

/**
 * Plans storing the school's HR file of answers (R-RPT-1): each person on the roster gets the file's answers with
 * source `import`, except a person who answered themselves in chat, whose answers are kept as they are. A blank
 * row stores nothing, unless an earlier file gave that person answers: those are replaced by none.
 */
export function planEqualityImport(
  byStaff: ReadonlyMap<string, EqualityInput>,
  ctx: { readonly schoolId: string; readonly people: readonly Person[]; readonly stored: readonly EqualityRecord[]; readonly now: Instant },
): EqualityImportPlan {
  const { byPerson, notOnRoster } = equalityByStaffId(byStaff, ctx.people);
  const stored = new Map(ctx.stored.map((r) => [r.personId, r]));
  const toStore: EqualityRecord[] = [];
  let keptOwnAnswers = 0;
  let blankRows = 0;
  for (const [personId, answers] of byPerson) {
    const before = stored.get(personId);
    const record: EqualityRecord = { schoolId: ctx.schoolId, personId, answers, source: 'import', updatedAt: ctx.now };
    if (before?.source === 'self') keptOwnAnswers += 1;
    else if (hasAnswers(record)) toStore.push(record);
    else {
      blankRows += 1;
      if (before && hasAnswers(before)) toStore.push(record);
    }
  }
  return { toStore, keptOwnAnswers, blankRows, notOnRoster };
}

/** How many people have answers and where from, and how many on the roster have none (R-RPT-1). */
export interface EqualitySummary {
  readonly onRoster: number;
  readonly fromThemselves: number;
  readonly fromHrFile: number;
  readonly none: number;
}

/**
 * Counts only: who has answers, from themselves or the HR file, and who has none, of the people on the roster. A
 * record with no answers in it (a person who chose to give none, or a blank row of the HR file) counts as none.
 */
export function summariseEquality(records: readonly EqualityRecord[], people: readonly Person[]): EqualitySummary {
  const byPerson = new Map(records.filter(hasAnswers).map((r) => [r.personId, r.source]));
  const sources = people.map((p) => byPerson.get(p.id));
  return {
    onRoster: people.length,
    fromThemselves: sources.filter((s) => s === 'self').length,
    fromHrFile: sources.filter((s) => s === 'import').length,
    none: sources.filter((s) => s === undefined).length,
  };
}
