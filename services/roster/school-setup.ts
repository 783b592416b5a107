import { parse } from 'csv-parse/sync';
import { z } from 'zod/v4';
import type { Person } from '../people/person.schema';
import type { SchoolRecord, SchoolRepository } from '../ports/store.port';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { civilDateSchema } from '../shared/time';
import { closureSchema } from '../policy/settings.schema';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../reports/suppression';
import { readDate } from './roster-row.schema';
import type { DelegationActor } from './reviewer.usecase';

export { PRESET_IDS } from '../policy/preset.schema';
export { closureSchema } from '../policy/settings.schema';

/** A school improvement-plan priority for the cycle, linked from objectives (R-OBJ-2). */
export const prioritySchema = z.object({ id: z.string().min(1), title: z.string().trim().min(1).max(200) });

/** The lowest small-number threshold a school may set: a smaller group could let people be identified (R-RPT-1). */
export const MIN_REPORT_THRESHOLD = 5;
/** The highest small-number threshold a school may set (R-RPT-1). */
export const MAX_REPORT_THRESHOLD = 100;
const WHOLE_THRESHOLD = `The report threshold must be a whole number from ${MIN_REPORT_THRESHOLD} to ${MAX_REPORT_THRESHOLD}.`;

/**
 * The school's small-number threshold for the governors' report (R-RPT-1: "default 10, school-configurable"):
 * counts below it are hidden. Never below 5, where a group is so small that people could be identified.
 */
export const reportThresholdSchema = z
  .number({ error: WHOLE_THRESHOLD })
  .int({ error: WHOLE_THRESHOLD })
  .min(MIN_REPORT_THRESHOLD, { error: `The report threshold must be at least ${MIN_REPORT_THRESHOLD}: in a smaller group, people could be identified.` })
  .max(MAX_REPORT_THRESHOLD, { error: `The report threshold must be at most ${MAX_REPORT_THRESHOLD}.` });

/**
 * The parts of `SchoolRecord.settings` the set-up owns. Loose, so settings other modules add survive;
 * closures and the statement date keep the names the school calendar and policy read.
 */
export const schoolSetupSchema = z
  .object({
    closures: z.array(closureSchema).default([]),
    priorities: z.array(prioritySchema).default([]),
    focusAreas: z.array(z.string().trim().min(1).max(200)).default([]),
    /** The date support staff receive their statement by (R-DL-5); absent means the preset's default. */
    statementDate: civilDateSchema.optional(),
    /** The governors' report's small-number threshold (R-RPT-1); absent means the default, 10. */
    reportThreshold: reportThresholdSchema.optional(),
  })
  .loose();
/** School settings as the set-up sees them. */
export type SchoolSetup = z.infer<typeof schoolSetupSchema>;
/** A closure. */
export type Closure = z.infer<typeof closureSchema>;

/** Only the headteacher, or an administrator at the command line, configures the school. */
export function mayConfigureSchool(actor: DelegationActor, roster: readonly Person[]): boolean {
  if (actor.kind === 'admin') return true;
  return roster.some((p) => p.id === actor.personId && p.headteacher && p.leftOn === null);
}

/** Reads closures from JSON `{"closures":[{"from","to","name"}]}` or CSV `from,to,name` (header optional). */
export function parseClosures(text: string): Result<Closure[], 'SETUP.INVALID'> {
  let raw: unknown;
  if (text.trim().startsWith('{')) {
    try {
      raw = (JSON.parse(text) as { closures?: unknown }).closures;
    } catch {
      return fail('SETUP.INVALID', 'The closures file is not valid JSON.');
    }
  } else {
    const rows = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
    const body = rows[0]?.[0]?.toLowerCase() === 'from' ? rows.slice(1) : rows;
    raw = body.map(([from = '', to = '', name = '']) => ({ from: readDate(from) ?? from, to: readDate(to) ?? to, name }));
  }
  const parsed = z.array(closureSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('SETUP.INVALID', `Closure ${Number(issue?.path[0] ?? 0) + 1}: ${String(issue?.path[1] ?? 'entry')} ${issue?.message ?? 'is not valid'}.`);
  }
  return ok([...parsed.data].sort((a, b) => a.from.localeCompare(b.from)));
}

/** Reads priorities and focus areas from JSON `{"priorities":["…"],"focusAreas":["…"]}`, or one priority a line. */
export function parsePriorities(text: string): Result<{ priorities: string[]; focusAreas?: string[] }, 'SETUP.INVALID'> {
  if (!text.trim().startsWith('{')) return ok({ priorities: text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '') });
  const shape = z.object({ priorities: z.array(z.string().trim().min(1)).default([]), focusAreas: z.array(z.string().trim().min(1)).optional() });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('SETUP.INVALID', 'The priorities file is not valid JSON.');
  }
  const parsed = shape.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail('SETUP.INVALID', 'The priorities file needs "priorities" (and optionally "focusAreas") as lists of text.');
}

/**
 * A school's small-number threshold for the governors' report (R-RPT-1), read from its record: its own setting, or
 * the default 10 when it has none (or none that can be read — never a lower number). The one place every report,
 * the chat summary and the equality questions take it from.
 */
export function reportThresholdOf(school: Pick<SchoolRecord, 'settings'> | null): number {
  const set = reportThresholdSchema.safeParse((school?.settings as { reportThreshold?: unknown } | undefined)?.reportThreshold);
  return set.success ? set.data : DEFAULT_SUPPRESSION_THRESHOLD;
}

/** Reads a threshold as typed (e.g. on the command line): a whole number from 5 to 100, or why it is not one. */
export function parseReportThreshold(text: string): Result<number, 'SETUP.INVALID'> {
  const written = text.trim();
  if (!/^-?\d+$/.test(written)) return fail('SETUP.INVALID', WHOLE_THRESHOLD);
  const parsed = reportThresholdSchema.safeParse(Number(written));
  return parsed.success ? ok(parsed.data) : fail('SETUP.INVALID', parsed.error.issues[0]?.message ?? WHOLE_THRESHOLD);
}

/** Reads the set-up part of a school's settings (anything unreadable is treated as not yet set). */
export function readSetup(school: SchoolRecord): SchoolSetup {
  const parsed = schoolSetupSchema.safeParse(school.settings ?? {});
  return parsed.success ? parsed.data : schoolSetupSchema.parse({});
}

/** Changes a school's settings after checking who asks; keeps every other setting as it was. */
export async function updateSetup(
  schools: SchoolRepository,
  input: { schoolId: string; actor: DelegationActor; roster: readonly Person[]; change: (s: SchoolSetup) => SchoolSetup },
): Promise<Result<SchoolRecord, 'SETUP.NOT_ALLOWED' | 'SETUP.UNKNOWN_SCHOOL'>> {
  if (!mayConfigureSchool(input.actor, input.roster)) return fail('SETUP.NOT_ALLOWED', 'Only the headteacher can change the school set-up.');
  const school = await schools.get(input.schoolId);
  if (!school) return fail('SETUP.UNKNOWN_SCHOOL', `There is no school with id ${input.schoolId}.`);
  const settings = schoolSetupSchema.parse(input.change(readSetup(school)));
  return ok(await schools.save({ ...school, settings: { ...(school.settings as object), ...settings } }, school.version));
}
