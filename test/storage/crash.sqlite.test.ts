import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { parseTestState } from './store-fixtures';

// Crash safety of the embedded store: a writer process is killed with SIGKILL in the middle of its work (no
// chance to close or flush). Reopened, the file must be intact and every case wholly before or after a write:
// each write adds one outbox message and one audit event, so a case's version equals both counts.

const root = path.resolve(__dirname, '../..');
let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-crash-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the writer and resolves once it has reported `writes` writes; the caller kills it. */
function startWriter(file: string, writes: number) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(__dirname, 'crash-writer.script.ts'), file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const busy = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const last = Number(chunk.toString().trim().split('\n').pop());
      if (last >= writes) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return { child, busy, exited };
}

it('a writer killed with SIGKILL mid-write leaves an intact file, each case fully before or after a write', async () => {
  const file = path.join(dir, 'ipp.sqlite');
  const writer = startWriter(file, 300);
  await writer.busy;
  // tsx runs the script in a child node process: SIGKILL that writer first (found before its parent dies), then tsx.
  const writers = findChildren(writer.child.pid);
  expect(writers.length).toBeGreaterThan(0);
  for (const pid of writers) process.kill(pid, 'SIGKILL');
  writer.child.kill('SIGKILL');
  expect(await writer.exited).toBe('SIGKILL');

  // The killed writer never closed the file: its write-ahead log is still there for the reopen to recover from.
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
  const db = new Database(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = db
    .prepare(
      `SELECT c.id, c.version,
         (SELECT COUNT(*) FROM outbox o WHERE o.school_id = c.school_id AND o.case_id = c.id) AS outbox,
         (SELECT COUNT(*) FROM audit a WHERE a.school_id = c.school_id AND a.case_id = c.id) AS audit
       FROM cases c`,
    )
    .all() as { id: string; version: number; outbox: number; audit: number }[];
  db.close();
  expect(rows.length).toBe(20);
  expect(rows.reduce((n, r) => n + r.version, 0)).toBeGreaterThanOrEqual(300);
  for (const row of rows) expect([row.id, row.outbox, row.audit]).toEqual([row.id, row.version, row.version]);

  const store = openSqliteStore({ file, parseCaseState: parseTestState });
  const reread = await store.cases.get('school-a', 'case-0');
  expect(reread?.state.title).toBe(`write ${reread?.version}`);
  await store.close();
});

/** Direct children of `pid` (Linux /proc), so the test kills only processes it started. */
function findChildren(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}
