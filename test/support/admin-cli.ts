import { execFile } from 'node:child_process';
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
