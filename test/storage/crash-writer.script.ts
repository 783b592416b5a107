import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { aCase, anAudit, anOutbox, aWrite, parseTestState } from './store-fixtures';

// Run by crash.sqlite.test.ts as a child process: writes case after case, each write adding exactly one outbox
// message and one audit event, until it is killed. Prints a line after every 50 writes so the parent knows it is busy.

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: crash-writer.script.ts <file>');
  const store = openSqliteStore({ file, parseCaseState: parseTestState });
  const cases = 20;
  const padding = 'x'.repeat(2000);
  for (let write = 0; ; write += 1) {
    const id = `case-${write % cases}`;
    const current = await store.cases.get('school-a', id);
    const version = current?.version ?? 0;
    const n = version + 1;
    await store.cases.save(
      aWrite({
        case: aCase({ id, state: { title: `write ${n}`, notes: [padding] } }),
        expectedVersion: current ? version : null,
        outbox: [anOutbox({ id: `${id}-out-${n}`, caseId: id, payload: { padding } })],
        audit: [anAudit({ id: `${id}-audit-${n}`, caseId: id })],
      }),
    );
    if (write % 50 === 49) process.stdout.write(`${write + 1}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
