import { parseArgs } from 'node:util';
import { z } from 'zod/v4';
import { PERSON_STATUSES } from '../../../services/policy';
import type { PersonStatus } from '../../../services/policy';
import { assertNever } from '../../../services/shared/result';
import { isCivilDate } from '../../../services/shared/time';

// The policy command's arguments, checked with zod before the policy module sees them (R-CAL-1).

/** Bad input: the command prints this one line on stderr and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command was asked to do. */
export type PolicyCommand =
  | { type: 'help' }
  | { type: 'deadline'; preset: string; rule: string; from: string; closures: Closures; cycleStartMonth?: number }
  | { type: 'cycle'; preset: string; start: string; contractEnd?: string; status: PersonStatus; cycleStartMonth?: number }
  | { type: 'timeline'; preset: string; cycleYear: number; json: boolean; closures: Closures; cycleStartMonth?: number };

/** A closures file to read, and whether its closures stop the clock for deadlines. */
export type Closures = { file: string; count: boolean } | null;

export const HELP = `Check a school's policy dates before go-live. Prints JSON (or, for timeline, a table).

  npm run --silent policy -- deadline --preset <id> --rule <rule> --from <YYYY-MM-DD> [--closures <file.json>] [--closures-count yes|no]
  npm run --silent policy -- cycle --preset <id> --start <YYYY-MM-DD> [--contract-end <YYYY-MM-DD>] [--status <status>]
  npm run --silent policy -- timeline --preset <id> --cycle-year <YYYY> [--json] [--closures <file.json>] [--closures-count yes|no]

  --preset             test-valley, propeller, spt or hampshire-model
  --rule               a deadline rule of the preset, e.g. appeal.informal, meeting.papers, statement.issue
  --from               the day that starts the clock (for "before" rules, the day of the meeting)
  --start              the first day in the cycle: a new starter's first day, or the cycle's first day
  --contract-end       the last day of a fixed-term contract
  --status             none (the default), induction, informal-capability or formal-capability
  --cycle-year         the year the cycle starts in
  --cycle-start-month  the month the school's cycle starts in, where the policy lets it choose
                       (propeller: 1 for January, the default, or 9 for September)
  --closures           a file {"closures":[{"from":"YYYY-MM-DD","to":"YYYY-MM-DD","name":"…"}]} of the
                       school's holidays and INSET days
  --closures-count     yes (the default when --closures is given) or no. With yes the closures stop the
                       clock, as for a school that has set "closure days count for deadlines"; with no
                       they do not, which is every school's setting until it says otherwise.
  --json               timeline: print JSON instead of a table

Bad input exits with code 2 and one line on stderr.`;

const COMMANDS = ['deadline', 'cycle', 'timeline'] as const;
type CommandName = (typeof COMMANDS)[number];

const text = { type: 'string' } as const;
const COMMON = { preset: text, 'cycle-start-month': text, help: { type: 'boolean', short: 'h' } } as const;
const CLOSURES = { closures: text, 'closures-count': text } as const;
const OPTIONS = {
  deadline: { ...COMMON, ...CLOSURES, rule: text, from: text },
  cycle: { ...COMMON, start: text, 'contract-end': text, status: text },
  timeline: { ...COMMON, ...CLOSURES, 'cycle-year': text, json: { type: 'boolean' } },
} as const;

const needs = (flag: string, what: string) => z.string({ error: `${flag} is needed: ${what}.` }).min(1, `${flag} is needed: ${what}.`);
const date = (flag: string) =>
  needs(flag, 'a date written YYYY-MM-DD').refine(isCivilDate, { error: (iss) => `${flag} must be a real date written YYYY-MM-DD, not "${String(iss.input)}".` });
const common = {
  preset: needs('--preset', 'test-valley, propeller, spt or hampshire-model'),
  'cycle-start-month': z
    .string()
    .regex(/^(0?[1-9]|1[0-2])$/, { error: (iss) => `--cycle-start-month must be a month number from 1 to 12, not "${String(iss.input)}".` })
    .transform(Number)
    .optional(),
};
const closures = {
  closures: z.string().min(1, '--closures needs a file name.').optional(),
  'closures-count': z.enum(['yes', 'no'], { error: (iss) => `--closures-count must be yes or no, not "${String(iss.input)}".` }).optional(),
};
const SCHEMAS = {
  deadline: z.object({ ...common, ...closures, rule: needs('--rule', 'a deadline rule such as appeal.informal'), from: date('--from') }),
  cycle: z.object({
    ...common,
    start: date('--start'),
    'contract-end': date('--contract-end').optional(),
    status: z.enum(PERSON_STATUSES, { error: (iss) => `--status must be one of ${PERSON_STATUSES.join(', ')}, not "${String(iss.input)}".` }).default('none'),
  }),
  timeline: z.object({
    ...common,
    ...closures,
    'cycle-year': needs('--cycle-year', 'a year written YYYY').regex(/^(19|20|21)\d\d$/, { error: (iss) => `--cycle-year must be a year written YYYY, not "${String(iss.input)}".` }).transform(Number),
    json: z.boolean().default(false),
  }),
};

/** Reads the command line; throws a `UsageError` with one plain line for anything it cannot use. */
export function parseCommand(argv: readonly string[]): PolicyCommand {
  const [name, ...rest] = argv;
  if (argv.includes('--help') || argv.includes('-h') || name === 'help') return { type: 'help' };
  if (name === undefined) throw new UsageError('Say what to check: deadline, cycle or timeline (try --help).');
  if (!(COMMANDS as readonly string[]).includes(name)) throw new UsageError(`Unknown command "${name}": use deadline, cycle or timeline (try --help).`);
  const command = name as CommandName;
  const values = readOptions(command, rest);
  switch (command) {
    case 'deadline': {
      const v = check(SCHEMAS.deadline, values);
      return { type: 'deadline', preset: v.preset, rule: v.rule, from: v.from, closures: closuresOf(v), ...month(v) };
    }
    case 'cycle': {
      const v = check(SCHEMAS.cycle, values);
      return { type: 'cycle', preset: v.preset, start: v.start, status: v.status, ...(v['contract-end'] ? { contractEnd: v['contract-end'] } : {}), ...month(v) };
    }
    case 'timeline': {
      const v = check(SCHEMAS.timeline, values);
      return { type: 'timeline', preset: v.preset, cycleYear: v['cycle-year'], json: v.json, closures: closuresOf(v), ...month(v) };
    }
    default:
      return assertNever(command);
  }
}

function readOptions(command: CommandName, args: string[]): Record<string, unknown> {
  try {
    return parseArgs({ args, options: OPTIONS[command], strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const quoted = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${quoted} for ${command} (try --help).`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`Unexpected "${quoted}": every value follows its option, as in --from 2026-12-17 (try --help).`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${quoted.split(' ')[0] ?? 'An option'} needs a value (try --help).`);
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'The options could not be read.');
  }
}

function check<T extends z.ZodType>(schema: T, values: Record<string, unknown>): z.output<T> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'The options are not valid (try --help).');
  return parsed.data;
}

function closuresOf(v: { closures?: string | undefined; 'closures-count'?: 'yes' | 'no' | undefined }): Closures {
  if (!v.closures) {
    if (v['closures-count']) throw new UsageError('--closures-count needs a closures file: add --closures <file.json>.');
    return null;
  }
  return { file: v.closures, count: v['closures-count'] !== 'no' };
}

const month = (v: { 'cycle-start-month'?: number | undefined }) => (v['cycle-start-month'] === undefined ? {} : { cycleStartMonth: v['cycle-start-month'] });
