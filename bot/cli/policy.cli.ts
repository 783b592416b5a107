import { readFileSync } from 'node:fs';
import { UsageError, parseCommand } from './policy/policy-args';
import { runPolicyCommand } from './policy/policy-commands';

// A school's policy dates from the command line: `npm run --silent policy -- deadline|cycle|timeline …`
// (R-CAL-1, R-CYC-*, R-DL-*). A thin shell over services/policy: the answer goes to stdout; bad input exits
// with code 2 and one line on stderr, and nothing on stdout.

function main(argv: string[]): number {
  try {
    const output = runPolicyCommand(parseCommand(argv), { readText: (path) => readFileSync(path, 'utf8') });
    process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`policy: unexpected failure: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
