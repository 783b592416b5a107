import { z } from 'zod/v4';
import { isCivilDate } from '../shared/time';

// The roster CSV's columns (docs/roster-template.csv). Headers match ignoring case, spaces, `-` and `_`.

/** Canonical roster headers, in template order, and whether each column must be present. */
export const ROSTER_COLUMNS = [
  ['staff id', true], ['name', true], ['work email', true], ['job title', false], ['role family', false],
  ['line managers', false], ['contract type', false], ['start date', true], ['end date', false],
  ['term time only', false], ['part time', false], ['headteacher', false], ['slt', false], ['pd manager', false],
  ['reviewer trained', false], ['teams aad object id', false], ['slack user id', false],
] as const;

/** A canonical roster column name. */
export type RosterColumn = (typeof ROSTER_COLUMNS)[number][0];

const ALIASES: Record<string, RosterColumn> = { linemanager: 'line managers', email: 'work email', termtime: 'term time only', aadobjectid: 'teams aad object id', slackid: 'slack user id' };

/** Squashes a header for tolerant matching: lower case, no spaces, dashes, underscores or brackets. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s\-_()]+/g, '').replace(/\(s\)$/, '');
}

/** Maps a raw header to its canonical column, or null when it is not one we know. */
export function canonicalColumn(header: string): RosterColumn | null {
  const key = headerKey(header);
  for (const [name] of ROSTER_COLUMNS) if (headerKey(name) === key) return name;
  return ALIASES[key] ?? null;
}

const yes = new Set(['yes', 'y', 'true', '1']);
const no = new Set(['no', 'n', 'false', '0', '']);

const flagSchema = z.string().transform((raw, ctx) => {
  const v = raw.trim().toLowerCase();
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  ctx.addIssue({ code: 'custom', message: `"${raw}" is not yes or no` });
  return z.NEVER;
});

/** Reads `YYYY-MM-DD` or the UK's `DD/MM/YYYY` into a civil date, or null when it is neither. */
export function readDate(raw: string): string | null {
  const v = raw.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : v;
  return isCivilDate(iso) ? iso : null;
}

const dateSchema = z.string().transform((raw, ctx) => {
  const d = readDate(raw);
  if (d === null) ctx.addIssue({ code: 'custom', message: `"${raw}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)` });
  return d ?? z.NEVER;
});
const optionalDateSchema = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return null;
  const d = readDate(raw);
  if (d === null) ctx.addIssue({ code: 'custom', message: `"${raw}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)` });
  return d ?? z.NEVER;
});
const text = z.string().transform((v) => v.trim());
const optionalId = z.string().transform((v) => (v.trim() === '' ? undefined : v.trim()));

/** One roster row, after header mapping (every value a string, absent columns as ''). */
export const rosterRowSchema = z
  .object({
    'staff id': text.pipe(z.string().min(1, 'staff id is missing')),
    name: text.pipe(z.string().min(1, 'name is missing')),
    'work email': text.pipe(z.email('work email is not an email address')).transform((v) => v.toLowerCase()),
    'job title': text,
    'role family': text.transform((v) => v || 'support'),
    'line managers': z.string().transform((v) => v.split(';').map((s) => s.trim()).filter((s) => s !== '')),
    'contract type': text.transform((v) => v.toLowerCase().replace(/\s+/g, '-') || 'permanent').pipe(z.enum(['permanent', 'fixed-term', 'casual'])),
    'start date': dateSchema,
    'end date': optionalDateSchema,
    'term time only': flagSchema,
    'part time': flagSchema,
    headteacher: flagSchema,
    slt: flagSchema,
    'pd manager': flagSchema,
    'reviewer trained': flagSchema,
    'teams aad object id': optionalId,
    'slack user id': optionalId,
  })
  .refine((r) => r['end date'] === null || r['end date'] >= r['start date'], { message: 'end date is before start date', path: ['end date'] });

/** A validated roster row. */
export type RosterRow = z.infer<typeof rosterRowSchema>;
