import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCaseState } from '../../services/case';
import { openStore } from '../../storage/open-store';
import { cycleCommand } from './admin/admin-cycle';
import { equalityCommand } from './admin/admin-equality';
import { peopleCommand, reviewerCommand, rosterCommand, schoolCommand } from './admin/admin-commands';
import type { Options } from './admin/admin-commands';
import { slackCommand } from './admin/admin-identity';
import { exportCommand, reportCommand, retentionCommand } from './admin/admin-reports';
import { UsageError } from './admin/admin-output';
import type { Output } from './admin/admin-output';

// School set-up from the command line: `npm run admin -- <command> [options]` (R-ROLE-1, R-ROLE-3, R-OBJ-2).
// Bad input exits with code 2 and one line on stderr; results go to stdout as a table, or JSON with --json.

const USAGE = 'usage: admin <school create|school closures|school priorities|school statement-date|school report-threshold N|roster import|reviewer set|cycle launch|slack link|unreachable|people|report|equality import|equality summary|export person|retention> [--data-dir DIR] [--json]';

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' },
        id: { type: 'string' }, name: { type: 'string' }, preset: { type: 'string' }, 'teams-tenant': { type: 'string', multiple: true },
        'slack-team': { type: 'string', multiple: true }, school: { type: 'string' }, file: { type: 'string' }, add: { type: 'string', multiple: true },
        person: { type: 'string' }, reviewer: { type: 'string' }, date: { type: 'string' }, today: { type: 'string' }, cycle: { type: 'string' },
        format: { type: 'string' }, out: { type: 'string' }, threshold: { type: 'string' }, equality: { type: 'string' }, points: { type: 'string' }, size: { type: 'string' }, replace: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const o = parsed.values as Options;
  const [command, sub, third] = parsed.positionals;
  const today = typeof o.today === 'string' ? o.today : londonToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return usage('--today must be YYYY-MM-DD');
  if (!command || !['school', 'roster', 'reviewer', 'cycle', 'slack', 'people', 'unreachable', 'report', 'equality', 'export', 'retention'].includes(command)) return usage(USAGE);
  const dataDir = String(o['data-dir']);
  mkdirSync(dataDir, { recursive: true });
  const store = await openStore({ kind: 'embedded', dataDir }, parseCaseState);
  try {
    let out: Output & { refused?: string };
    if (command === 'school') out = await schoolCommand(store, sub, o, third);
    else if (command === 'roster') out = await rosterCommand(store, sub, o, today);
    else if (command === 'reviewer') out = await reviewerCommand(store, sub, o);
    else if (command === 'cycle') out = await cycleCommand(store, sub, o, today);
    else if (command === 'report') out = await reportCommand(store, sub, o, today);
    else if (command === 'equality') out = await equalityCommand(store, sub, third, o, typeof o.today === 'string' ? `${today}T12:00:00.000Z` : new Date().toISOString());
    else if (command === 'export') out = await exportCommand(store, sub, o);
    else if (command === 'retention') out = await retentionCommand(store, o, today);
    else if (command === 'slack') out = await slackCommand(store, sub, typeof o.school === 'string' ? o.school : undefined, process.env);
    else out = await peopleCommand(store, command as 'people' | 'unreachable', o);
    process.stdout.write(`${o.json ? JSON.stringify(out.data, null, 2) : out.text}\n`);
    if (out.refused) return usage(out.refused);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

function usage(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin: unexpected failure: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
