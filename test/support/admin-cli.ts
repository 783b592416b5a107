import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The admin command line as a user runs it: a child process over a data folder, its exit code and output.

const TSX = path.join('node_modules', '.bin', 'tsx');

/** What the command printed and how it ended. */
export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin -- <args>` over the embedded store in `dataDir`, with extra environment variables. */
export function runAdminWith(env: Record<string, string>, dataDir: string, ...args: string[]): Promise<AdminRun> {
  return new Promise((resolve) => {
    execFile(TSX, ['bot/cli/admin.cli.ts', ...args, '--data-dir', dataDir], { env: { ...process.env, ...env } }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** Runs `npm run admin -- <args>` over the embedded store in `dataDir`. */
export const runAdmin = (dataDir: string, ...args: string[]): Promise<AdminRun> => runAdminWith({}, dataDir, ...args);

/** A throwaway folder for admin-command tests: its data folder, the command run over it, and files beside it. */
export interface AdminWorkspace {
  /** The folder (empty until `open`). */
  readonly dir: () => string;
  /** The embedded store's data folder inside it. */
  readonly data: () => string;
  /** Runs `npm run admin -- <args>` over the data folder. */
  readonly admin: (...args: string[]) => Promise<AdminRun>;
  /** The path of a file in the folder, written with `text` when given. */
  readonly file: (name: string, text?: string) => string;
  /** Makes a fresh folder (call from the test's before hook). */
  readonly open: () => void;
  /** Removes it (call from the test's after hook). */
  readonly close: () => void;
}

/** A workspace whose folders are named `<prefix>…` under the system's temporary folder. */
export function adminWorkspace(prefix: string): AdminWorkspace {
  let dir = '';
  const data = () => path.join(dir, 'data');
  return {
    dir: () => dir,
    data,
    admin: (...args) => runAdmin(data(), ...args),
    file: (name, text) => {
      const p = path.join(dir, name);
      if (text !== undefined) writeFileSync(p, text);
      return p;
    },
    open: () => {
      dir = mkdtempSync(path.join(tmpdir(), prefix));
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
