import type { EqualityRecord, Store } from '../../../services/ports/store.port';
import { hasAnswers, parseEqualityCsv, planEqualityImport, summariseEquality } from '../../../services/reports';
import type { Instant } from '../../../services/shared/time';
import { knownSchool, need, readInput, UsageError } from './admin-output';
import type { Options, Output } from './admin-output';

// Equality answers from the school's HR file, and how many people have answers (R-RPT-1). Everything printed is
// a count or a staff id: never an answer, not even one that is wrong in the file.

/** The usage line of `equality`. */
export const EQUALITY_USAGE =
  'usage: admin equality import FILE.csv --school ID [--dry-run] (the HR file: staffId and one column per question; never overwrites answers people gave themselves) | admin equality summary --school ID';

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** The file, named after `import` or with --file. */
function fileOf(o: Options, positional: string | undefined): string {
  if (positional !== undefined && typeof o.file === 'string' && o.file !== positional) throw new UsageError('give the file once: after import, or with --file');
  const file = positional ?? (typeof o.file === 'string' ? o.file : undefined);
  if (file === undefined || file.trim() === '') throw new UsageError(EQUALITY_USAGE);
  return file;
}

/**
 * `equality import FILE --school ID [--dry-run]`: stores each person's answers from the HR file with source
 * `import`, keeping the answers of anyone who gave their own in chat. A bad file is refused whole before anything
 * is stored. Each write is the store's one atomic check-and-store, so answers someone gives in chat while the
 * import runs are kept too.
 */
async function importAnswers(store: Store, o: Options, file: string, now: Instant): Promise<Output> {
  const school = await knownSchool(store, need(o, 'school'));
  const parsed = parseEqualityCsv(readInput(file));
  if (!parsed.ok) throw new UsageError(`${parsed.error.message} Nothing was stored.`);
  const plan = planEqualityImport(parsed.value, { schoolId: school.id, people: await store.people.list(school.id), stored: await store.equality.listForSchool(school.id), now });
  const dryRun = o['dry-run'] === true;
  const clearing = (r: EqualityRecord) => !hasAnswers(r);
  let stored = dryRun ? plan.toStore.filter((r) => !clearing(r)).length : 0;
  let removed = dryRun ? plan.toStore.filter(clearing).length : 0;
  let kept = plan.keptOwnAnswers;
  if (!dryRun) {
    for (const record of plan.toStore) {
      if (!(await store.equality.putImported(record))) kept += 1;
      else if (clearing(record)) removed += 1;
      else stored += 1;
    }
    await store.audit.append({ id: `equality-import-${school.id}-${now}`, schoolId: school.id, caseId: null, actorId: 'admin', action: `equality.import stored=${stored} kept=${kept} removed=${removed}`, at: now, channel: 'cli' });
  }
  const data = { dryRun, stored, keptOwnAnswers: kept, blankRows: plan.blankRows, removed, notOnRoster: plan.notOnRoster };
  return { data, text: importText(data) };
}

function importText(d: { dryRun: boolean; stored: number; keptOwnAnswers: number; blankRows: number; removed: number; notOnRoster: readonly string[] }): string {
  const lines = [d.dryRun ? `Dry run, nothing was stored: the answers of ${people(d.stored)} would be stored.` : `Stored the answers of ${people(d.stored)} from the HR file.`];
  if (d.keptOwnAnswers > 0) lines.push(`Kept the answers of ${people(d.keptOwnAnswers)} who gave their own in chat: the HR file never changes those.`);
  if (d.blankRows > 0) lines.push(`${d.blankRows === 1 ? '1 row has' : `${d.blankRows} rows have`} no answers, so nothing is stored for ${d.blankRows === 1 ? 'it' : 'them'}.`);
  if (d.removed > 0) lines.push(`${d.dryRun ? 'Would remove' : 'Removed'} the answers an earlier HR file gave for ${people(d.removed)}, whose rows are now blank.`);
  if (d.notOnRoster.length > 0) lines.push(`${d.notOnRoster.length === 1 ? '1 staff id is' : `${d.notOnRoster.length} staff ids are`} not on the staff list, so nothing was stored for ${d.notOnRoster.length === 1 ? 'it' : 'them'}. Please check the file: ${d.notOnRoster.join(', ')}`);
  return lines.join('\n');
}

/** `equality summary --school ID`: how many people have answers, from themselves or the HR file, and how many have none. */
async function summary(store: Store, o: Options): Promise<Output> {
  const school = await knownSchool(store, need(o, 'school'));
  const records: EqualityRecord[] = await store.equality.listForSchool(school.id);
  const s = summariseEquality(records, await store.people.list(school.id));
  const text = [
    `Equality answers at ${school.name}, of ${people(s.onRoster)} on the staff list:`,
    `- given by the person in chat: ${s.fromThemselves}`,
    `- from the HR file: ${s.fromHrFile}`,
    `- none: ${s.none}`,
  ].join('\n');
  return { data: s, text };
}

/** `equality import|summary` (R-RPT-1). */
export async function equalityCommand(store: Store, sub: string | undefined, positional: string | undefined, o: Options, now: Instant): Promise<Output> {
  if (sub === 'import') return importAnswers(store, o, fileOf(o, positional), now);
  if (sub === 'summary') {
    if (positional !== undefined) throw new UsageError(EQUALITY_USAGE);
    return summary(store, o);
  }
  throw new UsageError(EQUALITY_USAGE);
}
